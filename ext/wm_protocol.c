/* Protocol classes: resolution of Worker schemes and protocol names, cached per request,
 * each to the ops of the protocol seam (src/proto/wm_proto.h): the built-in Text and Http
 * classes run in C; any other class is called through its static methods
 * (wm_proto_class.c). */
#include "ext/wm_globals.h"
#include "ext/wm_protocol.h"
#include "stubs/protocol_arginfo.h"


static zend_function *find_static(zend_class_entry *ce, const char *name)
{
	zend_function *fn = zend_hash_str_find_ptr(&ce->function_table, name, strlen(name));
	return fn;
}

/* Classes whose protocol runs in C (Text, Http), registered by their files at MINIT. A
 * subclass is not one of them: its static methods may be overridden. */
static struct {
	const zend_class_entry *ce;
	const wm_proto_ops_t *ops;
} natives[4];
static int natives_n;

void php_wm_protocol_register_native(const zend_class_entry *ce, const wm_proto_ops_t *ops)
{
	ZEND_ASSERT(natives_n < (int)(sizeof(natives) / sizeof(natives[0])));
	natives[natives_n].ce = ce;
	natives[natives_n].ops = ops;
	natives_n++;
}

static const wm_proto_ops_t *native_ops(const zend_class_entry *ce)
{
	for (int i = 0; i < natives_n; i++) {
		if (natives[i].ce == ce) {
			return natives[i].ops;
		}
	}
	return &php_wm_proto_class_ops;
}

php_wm_protocol *php_wm_protocol_get(zend_string *class_name)
{
	const char *name = ZSTR_VAL(class_name);
	size_t len = ZSTR_LEN(class_name);
	if (len && name[0] == '\\') {
		name++;
		len--;
	}
	zend_string *lc = zend_string_alloc(len, 0);
	zend_str_tolower_copy(ZSTR_VAL(lc), name, len);
	php_wm_protocol *p = zend_hash_find_ptr(&WM_G(conn.protocols), lc);
	if (p) {
		zend_string_release(lc);
		return p;
	}
	zend_string *plain = zend_string_init(name, len, 0);
	zend_class_entry *ce = zend_lookup_class(plain);
	zend_string_release(plain);
	if (!ce) {
		zend_string_release(lc);
		return NULL;
	}
	p = ecalloc(1, sizeof(*p));
	p->name = zend_string_copy(class_name);
	p->ce = ce;
	p->input = find_static(ce, "input");
	p->decode = find_static(ce, "decode");
	p->encode = find_static(ce, "encode");
	p->on_close = find_static(ce, "onclose");
	p->ops = native_ops(ce);
	zend_hash_add_new_ptr(&WM_G(conn.protocols), lc, p);
	zend_string_release(lc);
	return p;
}

php_wm_protocol *php_wm_protocol_from_scheme(const char *scheme, size_t len)
{
	/* Workerman 3.5: ucfirst(scheme), then \Protocols\Name, then \Workerman\Protocols\Name. */
	char *uc = estrndup(scheme, len);
	if (len) {
		uc[0] = (char)toupper((unsigned char)uc[0]);
	}
	zend_string *name;
	php_wm_protocol *p;
	if (uc[0] == '\\') {
		name = zend_string_init(uc, len, 0);
	} else {
		name = zend_strpprintf(0, "\\Protocols\\%s", uc);
	}
	p = php_wm_protocol_get(name);
	zend_string_release(name);
	if (!p && !EG(exception) && uc[0] != '\\') {
		name = zend_strpprintf(0, "\\Workerman\\Protocols\\%s", uc);
		p = php_wm_protocol_get(name);
		zend_string_release(name);
	}
	if (!p && !EG(exception)) {
		zend_throw_exception_ex(zend_ce_exception, 0, "class \\Protocols\\%s not exist", uc);
	}
	efree(uc);
	return p;
}

void php_wm_protocol_cache_free(void)
{
	php_wm_protocol *p;
	ZEND_HASH_FOREACH_PTR(&WM_G(conn.protocols), p) {
		zend_string_release(p->name);
		efree(p);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&WM_G(conn.protocols));
}

void php_wm_protocol_minit(void)
{
	wm_ce_Workerman_Protocols_ProtocolInterface = register_class_Workerman_Protocols_ProtocolInterface();
}
