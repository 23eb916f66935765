/* Workerman 3.5's autoload rule without its PHP Autoloader: a class that no registered
 * autoloader finds is loaded from <root>/<Namespace/Class>.php, where root is the
 * directory of the file that created the Worker. Hooked after spl's autoloaders. */
#include "ext/wm_globals.h"
#include "ext/wm_process.h"

#include "zend_execute.h"

static zend_class_entry *(*previous_autoload)(zend_string *name, zend_string *lc_name);

static void include_once(zend_string *path)
{
	zend_file_handle fh;
	zend_stream_init_filename_ex(&fh, path);
	if (zend_stream_open(&fh) != SUCCESS) {
		zend_destroy_file_handle(&fh);
		return;
	}
	if (!fh.opened_path) {
		fh.opened_path = zend_string_copy(path);
	}
	zval dummy;
	ZVAL_NULL(&dummy);
	if (!zend_hash_add(&EG(included_files), fh.opened_path, &dummy)) {
		zend_destroy_file_handle(&fh);
		return;
	}
	zend_op_array *op = zend_compile_file(&fh, ZEND_REQUIRE_ONCE);
	zend_destroy_file_handle(&fh);
	if (!op) {
		return;
	}
	zval result;
	ZVAL_UNDEF(&result);
	zend_execute(op, &result);
	destroy_op_array(op);
	efree_size(op, sizeof(zend_op_array));
	zval_ptr_dtor(&result);
}

static zend_class_entry *wm_autoload(zend_string *name, zend_string *lc_name)
{
	zend_class_entry *ce = previous_autoload ? previous_autoload(name, lc_name) : NULL;
	zend_string *root = WM_G(conn.autoload_root);
	if (ce || EG(exception) || !root) {
		return ce;
	}
	/* Only plain class names map to paths. */
	for (size_t i = 0; i < ZSTR_LEN(name); i++) {
		char ch = ZSTR_VAL(name)[i];
		if (!(isalnum((unsigned char)ch) || ch == '_' || ch == '\\' || (unsigned char)ch >= 0x80)) {
			return NULL;
		}
	}
	zend_string *path = zend_strpprintf(0, "%s/%s.php", ZSTR_VAL(root), ZSTR_VAL(name));
	for (size_t i = ZSTR_LEN(root); i < ZSTR_LEN(path); i++) {
		if (ZSTR_VAL(path)[i] == '\\') {
			ZSTR_VAL(path)[i] = '/';
		}
	}
	zend_stat_t st;
	if (VCWD_STAT(ZSTR_VAL(path), &st) == 0 && S_ISREG(st.st_mode)) {
		include_once(path);
	}
	zend_string_release(path);
	if (EG(exception)) {
		return NULL;
	}
	return zend_hash_find_ptr(EG(class_table), lc_name);
}

void php_wm_autoload_register(zend_string *root)
{
	if (WM_G(conn.autoload_root)) {
		zend_string_release(WM_G(conn.autoload_root));
	}
	WM_G(conn.autoload_root) = zend_string_copy(root);
}

void php_wm_autoload_minit(void)
{
	previous_autoload = zend_autoload;
	zend_autoload = wm_autoload;
}

void php_wm_autoload_mshutdown(void)
{
	zend_autoload = previous_autoload;
}
