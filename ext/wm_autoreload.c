/* The auto-reload option (ini workerman.auto_reload=1): the master watches the app's
 * directories with inotify and reloads the reloadable Workers when a .php file changes. */
#include "ext/wm_bridge.h"
#include "ext/wm_globals.h"
#include "ext/wm_process.h"
#include "src/proc/wm_fswatch.h"

#define WM_WATCH_MAX_DIRS 4096
#define WM_WATCH_MAX_DEPTH 8

static wm_fswatch_t *fswatch;   /* the master's watcher */
static wm_watch_t *debounce;    /* one reload for a burst of writes */
static char changed[256];
static void (*reload)(bool graceful); /* the master's reload, given by the process model */

static void fire(wm_watch_t *w, int what)
{
	(void)w;
	(void)what;
	debounce = NULL;
	php_wm_logf("%s changed: reloading", changed);
	reload(false);
}

static void on_change(void *ud, const char *dir, const char *name)
{
	(void)ud;
	size_t n = strlen(name);
	if (n < 4 || strcmp(name + n - 4, ".php") != 0) {
		return;
	}
	snprintf(changed, sizeof(changed), "%s/%s", dir, name);
	if (!debounce) {
		debounce = wm_watch_timer(php_wm_loop(), 0.3, 0, fire, NULL);
	}
}

void php_wm_autoreload_start(void (*reload_fn)(bool graceful))
{
	if (!WM_G(proc.auto_reload) || fswatch) {
		return;
	}
	reload = reload_fn;
	fswatch = wm_fswatch_new(php_wm_loop(), on_change, NULL);
	if (!fswatch) {
		php_wm_logf("auto-reload: inotify is not available: %s", strerror(errno));
		return;
	}
	/* The start file's tree, then the directory of every file loaded so far. */
	zend_string *start = php_wm_start_file();
	char *dir = estrndup(ZSTR_VAL(start), ZSTR_LEN(start));
	zend_dirname(dir, ZSTR_LEN(start));
	wm_fswatch_add_tree(fswatch, dir, WM_WATCH_MAX_DEPTH, WM_WATCH_MAX_DIRS);
	efree(dir);
	zend_string *file;
	ZEND_HASH_FOREACH_STR_KEY(&EG(included_files), file) {
		if (!file) {
			continue;
		}
		char *d = estrndup(ZSTR_VAL(file), ZSTR_LEN(file));
		zend_dirname(d, ZSTR_LEN(file));
		if (wm_fswatch_count(fswatch) < WM_WATCH_MAX_DIRS) {
			wm_fswatch_add_dir(fswatch, d);
		}
		efree(d);
	} ZEND_HASH_FOREACH_END();
	php_wm_logf("auto-reload: watching %d directories for .php changes", wm_fswatch_count(fswatch));
}

void php_wm_autoreload_after_fork(void)
{
	/* The loop reset already freed the watchers; close what is left. */
	wm_fswatch_free_after_fork(fswatch);
	fswatch = NULL;
	debounce = NULL;
}

void php_wm_autoreload_stop(void)
{
	if (debounce) {
		wm_watch_free(debounce);
		debounce = NULL;
	}
	wm_fswatch_free(fswatch);
	fswatch = NULL;
}
