/* The `ssl` options of PHP's stream context, read for the TLS transport. */
#include "ext/wm_tls.h"
#include "ext/wm_globals.h"

static HashTable *ssl_options(const zval *context)
{
	if (!context || Z_TYPE_P(context) != IS_ARRAY) {
		return NULL;
	}
	zval *ssl = zend_hash_str_find_deref(Z_ARRVAL_P(context), "ssl", 3);
	return ssl && Z_TYPE_P(ssl) == IS_ARRAY ? Z_ARRVAL_P(ssl) : NULL;
}

/* A string option (a borrowed char*, NULL when unset or empty). */
static const char *opt_string(HashTable *o, const char *name)
{
	zval *v = o ? zend_hash_str_find_deref(o, name, strlen(name)) : NULL;
	return v && Z_TYPE_P(v) == IS_STRING && Z_STRLEN_P(v) > 0 ? Z_STRVAL_P(v) : NULL;
}

static int opt_bool(HashTable *o, const char *name, int dflt)
{
	zval *v = o ? zend_hash_str_find_deref(o, name, strlen(name)) : NULL;
	return v ? zend_is_true(v) : dflt;
}

static const char *ini_default(const char *name)
{
	bool exists = false;
	const char *v = zend_ini_string_ex((char *)name, strlen(name), 0, &exists);
	return exists && v && *v ? v : NULL;
}

wm_tls_ctx_t *php_wm_tls_ctx_from_context(const zval *context, int server, char *err, size_t errlen)
{
	HashTable *o = ssl_options(context);
	wm_tls_opts_t opts = {0};
	opts.local_cert = opt_string(o, "local_cert");
	opts.local_pk = opt_string(o, "local_pk");
	opts.passphrase = opt_string(o, "passphrase");
	opts.cafile = opt_string(o, "cafile");
	opts.capath = opt_string(o, "capath");
	opts.ciphers = opt_string(o, "ciphers");
	opts.verify_peer = opt_bool(o, "verify_peer", !server);
	opts.verify_peer_name = opt_bool(o, "verify_peer_name", !server);
	opts.allow_self_signed = opt_bool(o, "allow_self_signed", 0);
	zval *depth = o ? zend_hash_str_find_deref(o, "verify_depth", sizeof("verify_depth") - 1) : NULL;
	opts.verify_depth = depth ? (int)zval_get_long(depth) : 0;
	if (!server && !opts.cafile && !opts.capath) {
		opts.cafile = ini_default("openssl.cafile");
		opts.capath = ini_default("openssl.capath");
	}
	return wm_tls_ctx_new(server, &opts, err, errlen);
}

const char *php_wm_tls_peer_name(const zval *context)
{
	return opt_string(ssl_options(context), "peer_name");
}

unsigned php_wm_tls_handshake_timeout_ms(void)
{
	zend_long t = WM_G(conn.ssl_handshake_timeout);
	return t > 0 ? (unsigned)(t > 86400 ? 86400000 : t * 1000) : 0;
}
