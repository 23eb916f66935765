/* Workerman\WebServer (docs/http-3.5-behaviour.md §10): a Worker speaking Http that maps
 * URLs to files under a root per host name, runs .php pages inside the worker and serves
 * the rest as static files (wm_webserver_static.c). 3.5's behaviour, with its fixes: a
 * root prefix check that ends at a '/', percent-decoded paths, exit()/Error in a page
 * answered instead of killing the worker. */
#include "ext/wm_bridge.h"
#include "ext/wm_globals.h"
#include "ext/wm_webserver.h"
#include "ext/wm_worker_hooks.h"
#include "ext/standard/url.h"
#include "main/php_output.h"
#include "zend_closures.h"
#include "stubs/webserver_arginfo.h"

#include <strings.h>
#include <sys/stat.h>


/* OBJ_PROP offsets of WebServer's own declared properties, set in MINIT. */
static uint32_t prop_server_root, prop_saved_start;
static zend_string *display_errors_key; /* interned */

static const char no_root_msg[] =
	"server root not set, please use WebServer::addRoot($domain, $root_path) to set server root path";
static const char bad_request_body[] = "<h1>400 Bad Request</h1>";
static const char error_body[] = "<h1>500 Internal Server Error</h1>";

#define THIS_WORKER() php_wm_worker_from_obj(Z_OBJ_P(ZEND_THIS))

static zval *own_prop(php_wm_worker *w, uint32_t offset)
{
	zval *p = OBJ_PROP(&w->std, offset);
	ZVAL_DEREF(p);
	return p;
}

/* Store value (ownership taken) in a property slot; the old value is released last, so
 * a destructor it runs sees the new one. */
static void prop_replace(zval *slot, zval *value)
{
	zval old;
	ZVAL_DEREF(slot);
	ZVAL_COPY_VALUE(&old, slot);
	ZVAL_COPY_VALUE(slot, value);
	zval_ptr_dtor(&old);
}

/* [$this, 'method'], the callable form 3.5's run() installs. */
static void self_callable(zval *out, php_wm_worker *w, const char *method)
{
	array_init_size(out, 2);
	GC_ADDREF(&w->std);
	add_next_index_object(out, &w->std);
	add_next_index_string(out, method);
}

static bool is_self_callable(zval *cb, php_wm_worker *w, const char *method)
{
	if (Z_TYPE_P(cb) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(cb)) != 2) {
		return false;
	}
	zval *obj = zend_hash_index_find_deref(Z_ARRVAL_P(cb), 0);
	zval *name = zend_hash_index_find_deref(Z_ARRVAL_P(cb), 1);
	return obj && name && Z_TYPE_P(obj) == IS_OBJECT && Z_OBJ_P(obj) == &w->std
		&& Z_TYPE_P(name) == IS_STRING && zend_binary_strcasecmp(Z_STRVAL_P(name), Z_STRLEN_P(name),
			method, strlen(method)) == 0;
}

/* The roots added with addRoot(), or NULL when there is none. */
static HashTable *server_roots(php_wm_worker *w)
{
	zval *roots = own_prop(w, prop_server_root);
	return Z_TYPE_P(roots) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(roots)) > 0
		? Z_ARRVAL_P(roots) : NULL;
}

/* ---- the worker process ---- */

/* 3.5's run(): keep the user's onWorkerStart for our onWorkerStart() (which loads the mime
 * map, then calls it), and answer every request with onMessage(). */
/* WebServer's child-start hook: in the child, before the user's onWorkerStart, check the
 * roots, install onMessage and the onWorkerStart wrapper (which loads the mime map, as 3.5's
 * run()). FAILURE = the worker must exit 250 (logged). */
static zend_result webserver_child_start(php_wm_worker *w)
{
	if (!server_roots(w)) {
		php_wm_log_str(no_root_msg, sizeof(no_root_msg) - 1);
		return FAILURE;
	}

	zval *start = php_wm_worker_prop(w, WM_WORKER_PROP_ON_WORKER_START);
	ZVAL_DEREF(start);
	zval saved = {0}, cb;
	/* Already ours (set by hand): keeping it would make onWorkerStart() call itself. */
	if (is_self_callable(start, w, "onWorkerStart")) {
		ZVAL_NULL(&saved);
	} else {
		ZVAL_COPY(&saved, start);
	}
	prop_replace(OBJ_PROP(&w->std, prop_saved_start), &saved);
	self_callable(&cb, w, "onWorkerStart");
	prop_replace(php_wm_worker_prop(w, WM_WORKER_PROP_ON_WORKER_START), &cb);
	self_callable(&cb, w, "onMessage");
	prop_replace(php_wm_worker_prop(w, WM_WORKER_PROP_ON_MESSAGE), &cb);
	return SUCCESS;
}

/* ---- URL → file ---- */

static bool starts_with_ci(const zend_string *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return ZSTR_LEN(s) >= n && strncasecmp(ZSTR_VAL(s), prefix, n) == 0;
}

/* The URL path as 3.5 takes it: parse_url('http://' . HTTP_HOST . REQUEST_URI)['path'],
 * '/' without one. NULL when parse_url() fails (400). Two cases 3.5 got wrong are read
 * properly: an absolute-form target ("GET http://host/path", which proxies send) and an
 * HTTP/1.0 request without Host (which has none to give). */
static zend_string *request_path(void)
{
	zend_string *host = php_wm_webserver_server_str("HTTP_HOST", sizeof("HTTP_HOST") - 1);
	zend_string *uri = php_wm_webserver_server_str("REQUEST_URI", sizeof("REQUEST_URI") - 1);
	zend_string *proto = php_wm_webserver_server_str("SERVER_PROTOCOL", sizeof("SERVER_PROTOCOL") - 1);
	smart_str url = {0};
	bool has_port;
	if (uri && (starts_with_ci(uri, "http://") || starts_with_ci(uri, "https://"))) {
		smart_str_append(&url, uri);
	} else {
		smart_str_appends(&url, "http://");
		if (host) {
			smart_str_append(&url, host);
		} else if (proto && zend_string_equals_literal(proto, "HTTP/1.0")) {
			smart_str_appends(&url, "localhost");
		}
		if (uri) {
			smart_str_append(&url, uri);
		}
	}
	smart_str_0(&url);
	php_url *u = php_url_parse_ex2(ZSTR_VAL(url.s), ZSTR_LEN(url.s), &has_port);
	smart_str_free(&url);
	if (!u) {
		return NULL;
	}
	zend_string *path = u->path && ZSTR_LEN(u->path) ? zend_string_copy(u->path) : ZSTR_CHAR('/');
	php_url_free(u);
	return path;
}

static bool segment_is_dots(const char *s, size_t n)
{
	return (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.');
}

/* The URL path made a clean absolute path: each segment percent-decoded, empty and "."
 * segments dropped, ".." resolved lexically (so the kernel never sees one); a trailing
 * slash is kept. false (400) when ".." would climb above the root, or a segment decodes
 * to something no file name under the root can be: NUL, '/', '\', "." or "..". */
static bool clean_path(const char *raw, size_t len, smart_str *out)
{
	const char *p = raw, *e = raw + len;
	bool dir = false;
	while (p < e) {
		while (p < e && *p == '/') {
			p++;
		}
		if (p >= e) {
			dir = true;
			break;
		}
		const char *s = p;
		while (p < e && *p != '/') {
			p++;
		}
		size_t n = (size_t)(p - s);
		dir = segment_is_dots(s, n);
		if (n == 1) {
			if (s[0] == '.') {
				continue;
			}
		} else if (n == 2 && s[0] == '.' && s[1] == '.') {
			if (!out->s || ZSTR_LEN(out->s) == 0) {
				return false;
			}
			size_t l = ZSTR_LEN(out->s);
			while (l > 0 && ZSTR_VAL(out->s)[l - 1] != '/') {
				l--;
			}
			ZSTR_LEN(out->s) = l - 1; /* drop "/segment" */
			continue;
		}
		size_t at = out->s ? ZSTR_LEN(out->s) : 0;
		smart_str_appendc(out, '/');
		smart_str_appendl(out, s, n);
		char *seg = ZSTR_VAL(out->s) + at + 1;
		if (memchr(seg, '%', n)) {
			n = php_raw_url_decode(seg, n);
			ZSTR_LEN(out->s) = at + 1 + n;
			if (segment_is_dots(seg, n) || memchr(seg, '/', n)) {
				return false;
			}
		}
		if (memchr(seg, '\0', n) || memchr(seg, '\\', n)) {
			return false;
		}
	}
	if (!out->s || ZSTR_LEN(out->s) == 0 || dir) {
		smart_str_appendc(out, '/');
	}
	smart_str_0(out);
	return true;
}

static bool is_file(const char *path)
{
	zend_stat_t st;
	return VCWD_STAT(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* realpath(file) is root or below it. The '/' after the root's path is required: with
 * root /srv/www, /srv/www-secret/x is outside (3.5 compared the bare prefix). */
static bool inside_root(const char *file_real, const char *root_real)
{
	size_t rl = strlen(root_real);
	while (rl > 0 && root_real[rl - 1] == '/') {
		rl--;
	}
	return strncmp(file_real, root_real, rl) == 0 && (file_real[rl] == '/' || file_real[rl] == '\0');
}

/* One root's settings: addRoot($domain, 'dir') or ['root' =>, 'additionHeader' =>,
 * 'custom404' =>]. Copies, because a page may change serverRoot while it runs. */
typedef struct {
	zend_string *root;
	zend_string *addition_header;
	zend_string *custom404;
} site_config;

static zend_string *config_str(HashTable *cfg, const char *key, size_t len)
{
	zval *v = zend_hash_str_find_deref(cfg, key, len);
	if (!v || Z_TYPE_P(v) == IS_NULL) {
		return NULL;
	}
	zend_string *s = zval_try_get_string(v);
	if (!s) {
		zend_clear_exception();
		return NULL;
	}
	return s;
}

/* The root for $_SERVER['SERVER_NAME'] (the Host without its port), else the first one. */
static bool site_for_request(php_wm_worker *w, site_config *site)
{
	memset(site, 0, sizeof(*site));
	HashTable *roots = server_roots(w);
	if (!roots) {
		return false;
	}
	zend_string *name = php_wm_webserver_server_str("SERVER_NAME", sizeof("SERVER_NAME") - 1);
	zval *entry = name ? zend_symtable_find(roots, name) : NULL;
	if (!entry) {
		ZEND_HASH_FOREACH_VAL(roots, entry) {
			break;
		} ZEND_HASH_FOREACH_END();
	}
	ZVAL_DEREF(entry);
	if (Z_TYPE_P(entry) == IS_ARRAY) {
		site->root = config_str(Z_ARRVAL_P(entry), "root", sizeof("root") - 1);
		site->addition_header = config_str(Z_ARRVAL_P(entry), "additionHeader", sizeof("additionHeader") - 1);
		site->custom404 = config_str(Z_ARRVAL_P(entry), "custom404", sizeof("custom404") - 1);
	} else if (Z_TYPE_P(entry) == IS_STRING) {
		site->root = zend_string_copy(Z_STR_P(entry));
	}
	return site->root && ZSTR_LEN(site->root) > 0;
}

static void site_config_free(site_config *site)
{
	if (site->root) {
		zend_string_release(site->root);
	}
	if (site->addition_header) {
		zend_string_release(site->addition_header);
	}
	if (site->custom404) {
		zend_string_release(site->custom404);
	}
}

static void apply_addition_header(const site_config *site)
{
	if (site->addition_header && ZSTR_LEN(site->addition_header) > 0) {
		php_wm_http_header(ZSTR_VAL(site->addition_header), ZSTR_LEN(site->addition_header), true, 0);
	}
}

static void respond_404(php_wm_conn *c, const site_config *site)
{
	if (site->custom404) {
		php_stream *stream = php_stream_open_wrapper(ZSTR_VAL(site->custom404), "rb", 0, NULL);
		if (stream) {
			zend_string *body = php_stream_copy_to_mem(stream, PHP_STREAM_COPY_ALL, 0);
			php_stream_close(stream);
			php_wm_webserver_respond(c, "HTTP/1.1 404 Not Found", body ? ZSTR_VAL(body) : "",
				body ? ZSTR_LEN(body) : 0);
			if (body) {
				zend_string_release(body);
			}
			return;
		}
	}
	php_wm_webserver_respond(c, "HTTP/1.1 404 Not Found", WM_WEBSERVER_404_BODY, sizeof(WM_WEBSERVER_404_BODY) - 1);
}

/* ---- PHP pages ---- */

/* The page runs inside this closure, bound to the WebServer: it sees $connection and
 * $this as in 3.5's onMessage(), and WebServer's scope. Compiled per page request (a few
 * µs, next to compiling the page itself) so that nothing outlives the request. */
static const char page_runner[] = "function ($connection, $workerman_file) { include $workerman_file; }";

static void call_page(zval *self, zval *zconn, const char *file)
{
	zval runner, bound, rv, args[2];
	if (zend_eval_stringl(page_runner, sizeof(page_runner) - 1, &runner, "Workerman\\WebServer") == FAILURE
			|| Z_TYPE(runner) != IS_OBJECT || Z_OBJCE(runner) != zend_ce_closure) {
		zval_ptr_dtor(&runner);
		return;
	}
	zend_create_closure(&bound, (zend_function *)zend_get_closure_method_def(Z_OBJ(runner)),
		wm_ce_Workerman_WebServer, Z_OBJCE_P(self), self);
	zval_ptr_dtor(&runner);
	ZVAL_COPY_VALUE(&args[0], zconn);
	ZVAL_STRING(&args[1], file);
	call_user_function(NULL, NULL, &bound, &rv, 2, args);
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&args[1]);
	zval_ptr_dtor(&bound);
}

/* The page's output: buffers it left open end into ours, then ours is taken and removed,
 * so the buffer level is what it was before the page. */
static zend_string *take_output(int level)
{
	zval out;
	ZVAL_EMPTY_STRING(&out);
	while (php_output_get_level() > level + 1) {
		if (php_output_end() == FAILURE) {
			break; /* a buffer that can't be removed: ours stays unreachable */
		}
	}
	if (php_output_get_level() == level + 1) {
		if (php_output_get_contents(&out) == FAILURE || Z_TYPE(out) != IS_STRING) {
			zval_ptr_dtor(&out);
			ZVAL_EMPTY_STRING(&out);
		}
		php_output_discard();
	}
	return Z_STR(out);
}

static zend_string *display_errors_set(const char *value)
{
	zend_string *cur = zend_ini_get_value(display_errors_key);
	zend_string *saved = cur ? zend_string_init(ZSTR_VAL(cur), ZSTR_LEN(cur), 0) : NULL;
	zend_alter_ini_entry_chars(display_errors_key, value, strlen(value), ZEND_INI_USER, ZEND_INI_STAGE_RUNTIME);
	return saved;
}

static void display_errors_restore(zend_string *saved)
{
	if (saved) {
		zend_alter_ini_entry_ex(display_errors_key, saved, ZEND_INI_USER, ZEND_INI_STAGE_RUNTIME, 0);
		zend_string_release(saved);
	}
}

static zend_string *throwable_string(zend_object *ex)
{
	zval zv;
	ZVAL_OBJ(&zv, ex);
	zend_string *s = zval_try_get_string(&zv);
	if (!s) {
		zend_clear_exception();
		s = zend_string_copy(ex->ce->name);
	}
	return s;
}

enum { PAGE_OK, PAGE_ERROR, PAGE_EXITING };

/* What the page's pending exception means. Http::end() and exit()/die() just end the page
 * (3.5 let exit() kill the worker); another \Exception is echoed as 3.5 does and the output
 * so far is still the answer; any other Throwable is logged and answered with a 500. The
 * exit() of Worker::stopAll() is left pending: the process is really stopping. */
static int page_outcome(int exit_status, int proc_status)
{
	zend_object *ex = EG(exception);
	if (!ex) {
		return PAGE_OK;
	}
	if (php_wm_http_is_jump_exit(ex)) {
		zend_clear_exception();
		return PAGE_OK;
	}
	if (zend_is_unwind_exit(ex)) {
		if (WM_G(proc.stop_requested)
				|| (WM_G(proc.status) == WM_WORKER_STATUS_SHUTDOWN && proc_status != WM_WORKER_STATUS_SHUTDOWN)) {
			return PAGE_EXITING;
		}
		zend_clear_exception();
		EG(exit_status) = exit_status;
		return PAGE_OK;
	}
	GC_ADDREF(ex);
	zend_clear_exception();
	zend_string *s = throwable_string(ex);
	bool plain = instanceof_function(ex->ce, zend_ce_exception);
	OBJ_RELEASE(ex);
	if (plain) {
		php_wm_echo(ZSTR_VAL(s), ZSTR_LEN(s));
		php_wm_echo("\n", 1);
	} else {
		php_wm_log_str(ZSTR_VAL(s), ZSTR_LEN(s));
	}
	zend_string_release(s);
	return plain ? PAGE_OK : PAGE_ERROR;
}

/* 3.5: chdir to the root, display_errors off, output buffered, include the page, send
 * the output (through Http: headers, cookies and sessions of the page apply), restore. */
static void run_page(zval *self, php_wm_conn *c, zval *zconn, const char *file, const site_config *site)
{
	char cwd[MAXPATHLEN];
	bool have_cwd = VCWD_GETCWD(cwd, sizeof(cwd)) != NULL;
	if (VCWD_CHDIR(ZSTR_VAL(site->root)) != 0) {
		/* as 3.5's chdir(): the page runs anyway */
	}
	zend_string *display = display_errors_set("off");
	int level = php_output_get_level();
	php_output_start_default();
	int exit_status = EG(exit_status);
	int proc_status = WM_G(proc.status);

	call_page(self, zconn, file);

	int outcome = page_outcome(exit_status, proc_status);
	if (outcome == PAGE_EXITING) {
		zend_exception_save();
	}
	zend_string *body = take_output(level);
	if (outcome == PAGE_EXITING) {
		zend_exception_restore();
	}
	display_errors_restore(display);
	/* Sent before going back to the old cwd, as 3.5 does: a relative session path is
	 * relative to the root. */
	if (outcome == PAGE_OK) {
		zval rv;
		php_wm_http_send(c, body, &rv);
		zval_ptr_dtor(&rv);
	} else if (outcome == PAGE_ERROR) {
		php_wm_http_response_reset();
		apply_addition_header(site);
		php_wm_webserver_respond(c, "HTTP/1.1 500 Internal Server Error", error_body, sizeof(error_body) - 1);
	}
	zend_string_release(body);
	if (have_cwd && VCWD_CHDIR(cwd) != 0) {
		/* the old cwd is gone: nothing better to do */
	}
}

/* ---- onMessage ---- */

static void serve(zval *self, php_wm_conn *c, zval *zconn)
{
	php_wm_worker *w = php_wm_worker_from_obj(Z_OBJ_P(self));
	zend_string *upath = request_path();
	if (!upath) {
		php_wm_webserver_respond(c, "HTTP/1.1 400 Bad Request", bad_request_body, sizeof(bad_request_body) - 1);
		return;
	}
	site_config site;
	if (!site_for_request(w, &site)) {
		zend_string_release(upath);
		site_config_free(&site);
		php_wm_webserver_respond(c, "HTTP/1.1 404 Not Found", WM_WEBSERVER_404_BODY, sizeof(WM_WEBSERVER_404_BODY) - 1);
		return;
	}
	apply_addition_header(&site);

	smart_str path = {0};
	bool ok = clean_path(ZSTR_VAL(upath), ZSTR_LEN(upath), &path);
	zend_string_release(upath);
	if (!ok) {
		smart_str_free(&path);
		site_config_free(&site);
		php_wm_webserver_respond(c, "HTTP/1.1 400 Bad Request", bad_request_body, sizeof(bad_request_body) - 1);
		return;
	}

	/* pathinfo()'s extension (of the last segment, trailing slash ignored); none: a
	 * directory's index.php, run as PHP. */
	const char *ps = ZSTR_VAL(path.s);
	size_t pl = ZSTR_LEN(path.s), bl = pl;
	while (bl > 0 && ps[bl - 1] == '/') {
		bl--;
	}
	size_t b = bl;
	while (b > 0 && ps[b - 1] != '/') {
		b--;
	}
	const char *dot = zend_memrchr(ps + b, '.', bl - b);
	size_t ext_len = dot ? (size_t)(ps + bl - dot - 1) : 0;
	bool is_php = ext_len == 3 && memcmp(dot + 1, "php", 3) == 0;
	if (ext_len == 0) {
		smart_str_appends(&path, ps[pl - 1] == '/' ? "index.php" : "/index.php");
		smart_str_0(&path);
		is_php = true;
	}

	smart_str file = {0};
	smart_str_append(&file, site.root);
	if (ZSTR_VAL(site.root)[ZSTR_LEN(site.root) - 1] == '/') {
		smart_str_appendl(&file, ZSTR_VAL(path.s) + 1, ZSTR_LEN(path.s) - 1);
	} else {
		smart_str_append(&file, path.s);
	}
	smart_str_0(&file);
	smart_str_free(&path);

	/* A missing page: the root's index.php (front controller), else its index.html. */
	if (is_php && !is_file(ZSTR_VAL(file.s))) {
		smart_str_free(&file);
		smart_str_append(&file, site.root);
		smart_str_appends(&file, "/index.php");
		smart_str_0(&file);
		if (!is_file(ZSTR_VAL(file.s))) {
			smart_str_free(&file);
			smart_str_append(&file, site.root);
			smart_str_appends(&file, "/index.html");
			smart_str_0(&file);
			is_php = false;
		}
	}

	if (!is_file(ZSTR_VAL(file.s))) {
		respond_404(c, &site);
	} else {
		char file_real[MAXPATHLEN], root_real[MAXPATHLEN];
		if (!VCWD_REALPATH(ZSTR_VAL(file.s), file_real) || !VCWD_REALPATH(ZSTR_VAL(site.root), root_real)
				|| !inside_root(file_real, root_real)) {
			php_wm_webserver_respond(c, "HTTP/1.1 400 Bad Request", bad_request_body, sizeof(bad_request_body) - 1);
		} else if (is_php) {
			run_page(self, c, zconn, file_real, &site);
		} else {
			php_wm_webserver_send_file(c, file_real);
		}
	}
	smart_str_free(&file);
	site_config_free(&site);
}

/* ---- methods ---- */

ZEND_METHOD(Workerman_WebServer, __construct)
{
	zend_string *socket_name;
	zval *context = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(socket_name)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY(context)
	ZEND_PARSE_PARAMETERS_END();

	/* 3.5: whatever the scheme, the Worker speaks http. Without a ':' the Worker
	 * refuses the address itself. */
	const char *colon = memchr(ZSTR_VAL(socket_name), ':', ZSTR_LEN(socket_name));
	zval args[2];
	if (colon) {
		size_t rest = ZSTR_LEN(socket_name) - (size_t)(colon - ZSTR_VAL(socket_name));
		ZVAL_STR(&args[0], zend_string_concat2("http", 4, colon, rest));
	} else {
		ZVAL_STR_COPY(&args[0], socket_name);
	}
	if (context) {
		ZVAL_COPY_VALUE(&args[1], context);
	}
	zend_call_known_instance_method(wm_ce_Workerman_Worker->constructor, Z_OBJ_P(ZEND_THIS), NULL,
		context ? 2 : 1, args);
	zval_ptr_dtor(&args[0]);
	if (EG(exception)) {
		RETURN_THROWS();
	}
	zval name;
	ZVAL_STRINGL(&name, "WebServer", sizeof("WebServer") - 1);
	prop_replace(php_wm_worker_prop(THIS_WORKER(), WM_WORKER_PROP_NAME), &name);
}

ZEND_METHOD(Workerman_WebServer, addRoot)
{
	zval *domain, *config;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(domain)
		Z_PARAM_ZVAL(config)
	ZEND_PARSE_PARAMETERS_END();
	RETVAL_NULL(); /* void, as in 3.5 */

	zval *roots = own_prop(THIS_WORKER(), prop_server_root);
	if (Z_TYPE_P(roots) != IS_ARRAY) {
		zval fresh;
		array_init(&fresh);
		prop_replace(roots, &fresh);
	}
	SEPARATE_ARRAY(roots);
	zval entry;
	if (Z_TYPE_P(config) == IS_STRING) {
		array_init_size(&entry, 1);
		add_assoc_str(&entry, "root", zend_string_copy(Z_STR_P(config)));
	} else {
		ZVAL_COPY(&entry, config);
	}
	array_set_zval_key(Z_ARRVAL_P(roots), domain, &entry);
	zval_ptr_dtor(&entry);
}

ZEND_METHOD(Workerman_WebServer, onWorkerStart)
{
	zval *worker = NULL;
	/* Called as the onWorkerStart callback, with the Worker, which 3.5's signature ignores. */
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(worker)
	ZEND_PARSE_PARAMETERS_END();
	(void)worker;
	RETVAL_NULL(); /* void, as in 3.5 */
	php_wm_worker *w = THIS_WORKER();
	if (!server_roots(w)) {
		/* 3.5 exits the worker with 250. */
		php_wm_log_str(no_root_msg, sizeof(no_root_msg) - 1);
		EG(exit_status) = 250;
		zend_throw_unwind_exit();
		RETURN_THROWS();
	}
	/* $this->initMimeTypeMap(), so that a subclass's override runs as in 3.5. */
	zend_function *init = zend_hash_str_find_ptr(&w->std.ce->function_table, "initmimetypemap",
		sizeof("initmimetypemap") - 1);
	if (init && init->type == ZEND_USER_FUNCTION) {
		zend_call_known_instance_method_with_0_params(init, &w->std, NULL);
		if (EG(exception)) {
			RETURN_THROWS();
		}
	} else {
		php_wm_webserver_mime_map_init();
	}
	zval *saved = own_prop(w, prop_saved_start);
	if (!zend_is_true(saved)) {
		return;
	}
	/* Called as 3.5's call_user_func() in this scope; what it throws goes to the caller
	 * (in the worker: logged, exit 250, as in 3.5). Held: it may replace the property. */
	zval cb, arg, rv;
	ZVAL_COPY(&cb, saved);
	ZVAL_OBJ(&arg, &w->std);
	call_user_function(NULL, NULL, &cb, &rv, 1, &arg);
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&cb);
}

/* 3.5's WebServer::run() installs its callbacks and calls parent::run(); here the
 * WebServer's child hook installs them, so this is Worker::run(): a subclass of WebServer
 * overriding run() and calling parent::run() lands here. */
ZEND_METHOD(Workerman_WebServer, run)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETVAL_NULL(); /* void, as in 3.5 */
	zend_function *parent_run = zend_hash_str_find_ptr(&wm_ce_Workerman_Worker->function_table, "run",
		sizeof("run") - 1);
	zval rv;
	zend_call_known_instance_method_with_0_params(parent_run, Z_OBJ_P(ZEND_THIS), &rv);
	zval_ptr_dtor(&rv);
}

ZEND_METHOD(Workerman_WebServer, initMimeTypeMap)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETVAL_NULL(); /* void, as in 3.5 */
	php_wm_webserver_mime_map_init();
}

ZEND_METHOD(Workerman_WebServer, onMessage)
{
	zval *zconn, *data = NULL;
	/* The dispatcher passes the decoded request too, which 3.5's signature ignores. */
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT_OF_CLASS(zconn, wm_ce_Workerman_Connection_TcpConnection)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(data)
	ZEND_PARSE_PARAMETERS_END();
	(void)data;
	RETVAL_NULL(); /* void, as in 3.5 */
	serve(ZEND_THIS, php_wm_conn_from_obj(Z_OBJ_P(zconn)), zconn);
}

ZEND_METHOD(Workerman_WebServer, sendFile)
{
	zval *zconn;
	zend_string *path;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(zconn)
		Z_PARAM_PATH_STR(path)
	ZEND_PARSE_PARAMETERS_END();
	if (Z_TYPE_P(zconn) != IS_OBJECT
			|| !instanceof_function(Z_OBJCE_P(zconn), wm_ce_Workerman_Connection_TcpConnection)) {
		zend_argument_type_error(1, "must be of type Workerman\\Connection\\TcpConnection, %s given",
			zend_zval_type_name(zconn));
		RETURN_THROWS();
	}
	RETVAL_NULL(); /* void, as in 3.5 */
	php_wm_webserver_send_file(php_wm_conn_from_obj(Z_OBJ_P(zconn)), ZSTR_VAL(path));
}

static uint32_t prop_offset(const char *name)
{
	zend_property_info *pi = zend_hash_str_find_ptr(&wm_ce_Workerman_WebServer->properties_info,
		name, strlen(name));
	return pi->offset;
}

void php_wm_webserver_minit(void)
{
	wm_ce_Workerman_WebServer = register_class_Workerman_WebServer(wm_ce_Workerman_Worker);
	/* A Worker underneath: same C layout and handlers. */
	wm_ce_Workerman_WebServer->create_object = wm_ce_Workerman_Worker->create_object;
	prop_server_root = prop_offset("serverRoot");
	prop_saved_start = prop_offset("_onWorkerStart");
	display_errors_key = zend_string_init_interned("display_errors", sizeof("display_errors") - 1, 1);
	php_wm_worker_child_hook_register(wm_ce_Workerman_WebServer, webserver_child_start);
}
