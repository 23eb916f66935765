/* Workerman 3.5's file sessions for Workerman\Protocols\Http (docs/http-3.5-behaviour.md §6).
 *
 * A session is one file <savePath>/ses_<id> holding plain serialize($_SESSION). The
 * per-process settings (name, save path, GC numbers: 3.5's HttpCache statics) are read
 * from the ini on first use; the per-request part (started, the session file) is reset by
 * decode() through php_wm_http_session_reset(). Differences from 3.5, on purpose:
 *   - ids are 16 random bytes as 32 hex chars (3.5: clock + 31 random bits);
 *   - a started session that became empty deletes its file, so a logout is persisted
 *     (3.5 keeps the old data); a new session with no data still creates no file;
 *   - files are written to a temp file and renamed, so a reader never sees half a
 *     session, and get mode 0600 as PHP's own session files do;
 *   - a corrupt session file reads as an empty session (3.5: $_SESSION = false);
 *   - sessionRegenerateId(true) warns only when unlinking the old file really fails, not
 *     when the old session never had a file. */
#include "ext/wm_bridge.h"
#include "ext/wm_http.h"
#include "ext/standard/php_var.h"
#include "main/php_open_temporary_file.h"
#include "main/fopen_wrappers.h"
#define WM_NEED_RANDOM 1

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define WM_SESS_ID_BYTES 16

/* One process serves one request at a time, so this is plain static state (NTS), as the
 * other per-process tables of ext/ are. All strings are emalloc'ed and owned here. */
static struct {
	bool inited;              /* the ini values below were read */
	zend_string *name;        /* cookie name (HttpCache::$sessionName) */
	zend_string *path;        /* save path (HttpCache::$sessionPath) */
	zend_long gc_probability;
	zend_long gc_divisor;
	zend_long gc_maxlifetime;
	/* the current request */
	bool started;
	bool on_disk;             /* file exists as far as this request knows (read or written) */
	zend_string *id;          /* NULL until a session file is chosen */
	zend_string *file;        /* <path>/ses_<id> */
} sess;

/* ---- settings ---- */

static const char *sess_ini(const char *name)
{
	const char *v = zend_ini_string_ex(name, strlen(name), 0, NULL);
	return v ? v : "";
}

/* PHP's truthiness of an ini string, as 3.5's `if ($x = ini_get(...))` and empty() see it. */
static bool sess_truthy(const char *v)
{
	return v[0] != '\0' && !(v[0] == '0' && v[1] == '\0');
}

static zend_long sess_ini_long(const char *name, zend_long dflt)
{
	const char *v = sess_ini(name);
	return sess_truthy(v) ? ZEND_STRTOL(v, NULL, 10) : dflt;
}

/* 3.5's HttpCache::init(), done on first use so that ini_set() in the start script counts. */
static void sess_init(void)
{
	if (sess.inited) {
		return;
	}
	sess.inited = true;
	const char *name = zend_ini_string_ex("session.name", sizeof("session.name") - 1, 0, NULL);
	if (!name) {
		/* Without ext/session there is no such ini: PHP's default, not an empty name. */
		name = "PHPSESSID";
	}
	sess.name = zend_string_init(name, strlen(name), 0);
	const char *path = sess_ini("session.save_path");
	if (path[0] == '\0' || strncmp(path, "tcp://", 6) == 0) {
		path = php_get_temporary_directory();
	}
	sess.path = zend_string_init(path, strlen(path), 0);
	/* Only truthy values replace the defaults, so Debian's gc_probability = 0 keeps 1. (quirk) */
	sess.gc_probability = sess_ini_long("session.gc_probability", 1);
	sess.gc_divisor = sess_ini_long("session.gc_divisor", 1000);
	sess.gc_maxlifetime = sess_ini_long("session.gc_maxlifetime", 1440);
}

static void sess_forget_file(void)
{
	if (sess.id) {
		zend_string_release(sess.id);
		sess.id = NULL;
	}
	if (sess.file) {
		zend_string_release(sess.file);
		sess.file = NULL;
	}
	sess.on_disk = false;
}

void php_wm_http_session_rinit(void)
{
	memset(&sess, 0, sizeof(sess));
}

void php_wm_http_session_rshutdown(void)
{
	sess_forget_file();
	if (sess.name) {
		zend_string_release(sess.name);
	}
	if (sess.path) {
		zend_string_release(sess.path);
	}
	memset(&sess, 0, sizeof(sess));
}

void php_wm_http_session_reset(void)
{
	sess.started = false;
	sess_forget_file();
}

/* ---- files ---- */

static bool sess_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The whole file, or NULL when it cannot be read. */
static zend_string *sess_read_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	/* One spare byte, so that the read that sees EOF needs no reallocation. */
	size_t cap = (size_t)st.st_size + 1, len = 0;
	zend_string *s = zend_string_alloc(cap, 0);
	for (;;) {
		if (len == cap) {
			/* The file grew since fstat (a writer without our rename): keep reading. */
			cap *= 2;
			s = zend_string_extend(s, cap, 0);
		}
		ssize_t n = read(fd, ZSTR_VAL(s) + len, cap - len);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			close(fd);
			zend_string_efree(s);
			return NULL;
		}
		if (n == 0) {
			break;
		}
		len += (size_t)n;
	}
	close(fd);
	ZSTR_LEN(s) = len;
	ZSTR_VAL(s)[len] = '\0';
	return s;
}

/* Replace path's content: a temp file in the same directory renamed over it, so a
 * concurrent reader sees the old or the new session, never a half-written one. The temp
 * name starts with "ses_" so that GC removes one left behind by a crash. */
static bool sess_write_file(zend_string *path, const char *data, size_t len)
{
	char *tmp = emalloc(ZSTR_LEN(path) + sizeof(".XXXXXX"));
	memcpy(tmp, ZSTR_VAL(path), ZSTR_LEN(path));
	memcpy(tmp + ZSTR_LEN(path), ".XXXXXX", sizeof(".XXXXXX"));
	int fd = mkstemp(tmp);
	if (fd < 0) {
		efree(tmp);
		return false;
	}
	bool ok = true;
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			ok = false;
			break;
		}
		data += n;
		len -= (size_t)n;
	}
	if (close(fd) != 0) {
		ok = false;
	}
	if (ok && rename(tmp, ZSTR_VAL(path)) != 0) {
		ok = false;
	}
	if (!ok) {
		unlink(tmp);
	}
	efree(tmp);
	return ok;
}

/* ---- ids and the cookie ---- */

/* 16 random bytes as 32 lowercase hex chars; NULL with an exception when the system has
 * no randomness. */
static zend_string *sess_create_id(void)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[WM_SESS_ID_BYTES];
	if (php_random_bytes_throw(raw, sizeof(raw)) != SUCCESS) {
		return NULL;
	}
	zend_string *id = zend_string_alloc(sizeof(raw) * 2, 0);
	for (size_t i = 0; i < sizeof(raw); i++) {
		ZSTR_VAL(id)[2 * i] = hex[raw[i] >> 4];
		ZSTR_VAL(id)[2 * i + 1] = hex[raw[i] & 15];
	}
	ZSTR_VAL(id)[sizeof(raw) * 2] = '\0';
	return id;
}

static zend_string *sess_file_for(zend_string *id)
{
	return zend_string_concat3(ZSTR_VAL(sess.path), ZSTR_LEN(sess.path), "/ses_", 5,
			ZSTR_VAL(id), ZSTR_LEN(id));
}

/* Make sess.id/sess.file a fresh id whose file does not exist. false: exception. */
static bool sess_choose_new_id(void)
{
	for (;;) {
		zend_string *id = sess_create_id();
		if (!id) {
			return false;
		}
		zend_string *file = sess_file_for(id);
		if (!sess_is_file(ZSTR_VAL(file))) {
			sess_forget_file();
			sess.id = id;
			sess.file = file;
			return true;
		}
		zend_string_release(id);
		zend_string_release(file);
	}
}

/* 3.5's setcookie(name, id, ini cookie_lifetime, cookie_path, cookie_domain,
 * cookie_secure, cookie_httponly); the ini strings go through empty() there. */
static bool sess_send_cookie(void)
{
	const char *p = sess_ini("session.cookie_path");
	const char *d = sess_ini("session.cookie_domain");
	const char *lifetime = sess_ini("session.cookie_lifetime");
	zend_string *path = zend_string_init(p, strlen(p), 0);
	zend_string *domain = zend_string_init(d, strlen(d), 0);
	bool ok = php_wm_http_setcookie(sess.name, sess.id,
			sess_truthy(lifetime) ? ZEND_STRTOL(lifetime, NULL, 10) : 0, path, domain,
			sess_truthy(sess_ini("session.cookie_secure")),
			sess_truthy(sess_ini("session.cookie_httponly")));
	zend_string_release(path);
	zend_string_release(domain);
	return ok;
}

static bool sess_valid_id(const zend_string *s)
{
	if (ZSTR_LEN(s) == 0) {
		return false;
	}
	for (size_t i = 0; i < ZSTR_LEN(s); i++) {
		unsigned char ch = (unsigned char)ZSTR_VAL(s)[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
			return false;
		}
	}
	return true;
}

/* The id the client sent in $_COOKIE[<name>] (a new reference), or NULL. A value that is
 * not ^[a-zA-Z0-9]+$ is removed from $_COOKIE, as 3.5 does, so it never reaches a path. */
static zend_string *sess_cookie_id(void)
{
	zval *cookies = php_wm_http_global(WM_HTTP_G_COOKIE);
	if (Z_TYPE_P(cookies) != IS_ARRAY) {
		return NULL;
	}
	zval *v = zend_symtable_find(Z_ARRVAL_P(cookies), sess.name);
	if (v) {
		ZVAL_DEREF(v);
	}
	if (!v || Z_TYPE_P(v) == IS_NULL) {
		return NULL;
	}
	if (Z_TYPE_P(v) == IS_STRING && sess_valid_id(Z_STR_P(v))) {
		return zend_string_copy(Z_STR_P(v));
	}
	/* A copy: the array may be shared with decode()'s result. */
	zval copy;
	ZVAL_ARR(&copy, zend_array_dup(Z_ARRVAL_P(cookies)));
	zend_symtable_del(Z_ARRVAL(copy), sess.name);
	php_wm_http_global_set(WM_HTTP_G_COOKIE, &copy);
	return NULL;
}

/* $_SESSION = unserialize(file) when the file has content; a corrupt file is ignored. */
static void sess_load(void)
{
	zend_string *raw = sess_read_file(ZSTR_VAL(sess.file));
	if (!raw) {
		return;
	}
	sess.on_disk = true;
	if (ZSTR_LEN(raw) > 0) {
		php_unserialize_data_t var_hash;
		const unsigned char *p = (const unsigned char *)ZSTR_VAL(raw);
		zval data;
		ZVAL_NULL(&data);
		PHP_VAR_UNSERIALIZE_INIT(var_hash);
		int ok = php_var_unserialize(&data, &p, p + ZSTR_LEN(raw), &var_hash);
		/* Runs the delayed __wakeup/__unserialize calls. */
		PHP_VAR_UNSERIALIZE_DESTROY(var_hash);
		if (ok && !EG(exception)) {
			php_wm_http_global_set(WM_HTTP_G_SESSION, &data);
		} else {
			zval_ptr_dtor(&data);
		}
	}
	zend_string_release(raw);
}

/* ---- GC ---- */

/* 3.5's tryGcSessions(): with probability gc_probability/gc_divisor, remove the session
 * files older than gc_maxlifetime. Only names starting with "ses_" are considered. */
static void sess_try_gc(void)
{
	if (sess.gc_probability <= 0 || sess.gc_divisor <= 0
			|| php_mt_rand_range(1, sess.gc_divisor) > sess.gc_probability) {
		return;
	}
	DIR *dir = opendir(ZSTR_VAL(sess.path));
	if (!dir) {
		return;
	}
	time_t now = time(NULL);
	struct dirent *de;
	while ((de = readdir(dir)) != NULL) {
		if (strncmp(de->d_name, "ses_", 4) != 0) {
			continue;
		}
		zend_string *f = zend_string_concat3(ZSTR_VAL(sess.path), ZSTR_LEN(sess.path), "/", 1,
				de->d_name, strlen(de->d_name));
		struct stat st;
		if (stat(ZSTR_VAL(f), &st) == 0 && S_ISREG(st.st_mode)
				&& (zend_long)(now - st.st_mtime) > sess.gc_maxlifetime) {
			unlink(ZSTR_VAL(f));
		}
		zend_string_release(f);
	}
	closedir(dir);
}

/* ---- write close ---- */

bool php_wm_http_session_write_close(void)
{
	zval *data = php_wm_http_global(WM_HTTP_G_SESSION);
	bool empty = !zend_is_true(data);
	if (!sess.started || !sess.file) {
		return empty;
	}
	if (empty) {
		/* ✗ FIX: 3.5 writes nothing here, so a logout never reaches the file. Delete it
		 * (a session file exists only while the session has data); a new session that
		 * never had data has no file to delete. */
		if (sess.on_disk) {
			if (unlink(ZSTR_VAL(sess.file)) != 0 && errno != ENOENT) {
				return false;
			}
			sess.on_disk = false;
		}
		return true;
	}
	/* Hold the value: __serialize/__sleep run user code that may replace $_SESSION. */
	zval hold;
	ZVAL_COPY(&hold, data);
	smart_str buf = {0};
	php_serialize_data_t var_hash;
	PHP_VAR_SERIALIZE_INIT(var_hash);
	php_var_serialize(&buf, &hold, &var_hash);
	PHP_VAR_SERIALIZE_DESTROY(var_hash);
	zval_ptr_dtor(&hold);
	bool ok = false;
	/* A pending exception (e.g. a Closure in $_SESSION) propagates; nothing is written. */
	if (!EG(exception) && buf.s && ZSTR_LEN(buf.s) > 0 && sess.file) {
		ok = sess_write_file(sess.file, ZSTR_VAL(buf.s), ZSTR_LEN(buf.s));
		if (ok) {
			sess.on_disk = true;
		}
	}
	smart_str_free(&buf);
	return ok;
}

/* ---- the methods ---- */

void php_wm_http_m_sessionCreateId(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_string *id = sess_create_id();
	if (!id) {
		RETURN_THROWS();
	}
	RETURN_NEW_STR(id);
}

/* The id once a session is started, else ''; the argument is ignored, as in 3.5. */
void php_wm_http_m_sessionId(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *id = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(id)
	ZEND_PARSE_PARAMETERS_END();
	(void)id;
	if (sess.started && sess.id) {
		RETURN_STR_COPY(sess.id);
	}
	RETURN_EMPTY_STRING();
}

/* Returns the previous name; a truthy $name replaces it while no session is started. */
void php_wm_http_m_sessionName(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *name = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(name)
	ZEND_PARSE_PARAMETERS_END();
	sess_init();
	zend_string *prev = zend_string_copy(sess.name);
	if (name && zend_is_true(name) && !sess.started) {
		zend_string *s = zval_try_get_string(name);
		if (!s) {
			zend_string_release(prev);
			RETURN_THROWS();
		}
		zend_string_release(sess.name);
		sess.name = s;
	}
	RETURN_STR(prev);
}

/* Sets the path only to an existing writable directory while no session is started;
 * returns the current path. */
void php_wm_http_m_sessionSavePath(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *path = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(path)
	ZEND_PARSE_PARAMETERS_END();
	sess_init();
	if (path && zend_is_true(path) && !sess.started) {
		zend_string *s = zval_try_get_string(path);
		if (!s) {
			RETURN_THROWS();
		}
		struct stat st;
		/* is_dir() && is_writable(); a NUL byte or open_basedir makes it "not a dir". */
		if (strlen(ZSTR_VAL(s)) == ZSTR_LEN(s)
				&& (!PG(open_basedir) || php_check_open_basedir_ex(ZSTR_VAL(s), 0) == 0)
				&& stat(ZSTR_VAL(s), &st) == 0 && S_ISDIR(st.st_mode)
				&& access(ZSTR_VAL(s), W_OK) == 0) {
			zend_string_release(sess.path);
			sess.path = s;
		} else {
			zend_string_release(s);
		}
	}
	RETURN_STR_COPY(sess.path);
}

void php_wm_http_m_sessionStarted(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(sess.started);
}

void php_wm_http_m_sessionStart(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sess_init();
	sess_try_gc();
	if (sess.started) {
		php_wm_echo("already sessionStarted\n", sizeof("already sessionStarted\n") - 1);
		RETURN_TRUE;
	}
	sess.started = true;
	zend_string *cid = sess_cookie_id();
	zend_string *cfile = cid ? sess_file_for(cid) : NULL;
	if (!cfile || !sess_is_file(ZSTR_VAL(cfile))) {
		/* No (existing) session: a fresh id, never the client's choice (no fixation).
		 * $_SESSION stays as decode() left it. */
		if (cid) {
			zend_string_release(cid);
			zend_string_release(cfile);
		}
		if (!sess_choose_new_id()) {
			RETURN_THROWS();
		}
		RETURN_BOOL(sess_send_cookie());
	}
	if (!sess.file) {
		sess.id = cid;
		sess.file = cfile;
	} else {
		/* sessionRegenerateId() before sessionStart(): 3.5 keeps that file. */
		zend_string_release(cid);
		zend_string_release(cfile);
	}
	sess_load();
	if (EG(exception)) {
		RETURN_THROWS();
	}
	RETURN_TRUE;
}

void php_wm_http_m_sessionWriteClose(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();
	bool ok = php_wm_http_session_write_close();
	if (EG(exception)) {
		RETURN_THROWS();
	}
	RETURN_BOOL(ok);
}

/* A fresh id and file (the data is written there on send), optionally deleting the old
 * file, and a new Set-Cookie. */
void php_wm_http_m_sessionRegenerateId(INTERNAL_FUNCTION_PARAMETERS)
{
	zval *delete_old = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(delete_old)
	ZEND_PARSE_PARAMETERS_END();
	sess_init();
	zend_string *old = sess.file ? zend_string_copy(sess.file) : NULL;
	if (!sess_choose_new_id()) {
		if (old) {
			zend_string_release(old);
		}
		RETURN_THROWS();
	}
	if (old && delete_old && zend_is_true(delete_old)) {
		/* 3.5 warns also when the old session never had a file; that is the normal case
		 * for a new session, so only real failures are reported. */
		if (unlink(ZSTR_VAL(old)) != 0 && errno != ENOENT) {
			php_error_docref(NULL, E_WARNING, "unlink(%s): %s", ZSTR_VAL(old), strerror(errno));
		}
	}
	if (old) {
		zend_string_release(old);
	}
	RETURN_BOOL(sess_send_cookie());
}

void php_wm_http_m_tryGcSessions(INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sess_init();
	sess_try_gc();
	RETURN_NULL();
}
