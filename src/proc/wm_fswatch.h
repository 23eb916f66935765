/* Watching directories for changed files (inotify), for the auto-reload option. */
#ifndef WM_PROC_WM_FSWATCH_H
#define WM_PROC_WM_FSWATCH_H

#include "src/loop/wm_loop.h"

typedef struct wm_fswatch wm_fswatch_t;

/* Called for each file created, written, moved in or deleted in a watched directory. */
typedef void (*wm_fswatch_cb)(void *ud, const char *dir, const char *name);

/* NULL when inotify is unavailable. The caller owns the result (wm_fswatch_free). */
wm_fswatch_t *wm_fswatch_new(wm_loop_t *loop, wm_fswatch_cb cb, void *ud);
/* Watch one directory (not recursive). WM_OK or WM_ERR (errno). */
int wm_fswatch_add_dir(wm_fswatch_t *fw, const char *dir);
/* Watch dir and the directories below it, down to max_depth levels, while fewer than
 * max_dirs are watched in all. Names starting with '.' are skipped and symbolic links are
 * not followed. WM_OK when dir itself is watched, else WM_ERR (errno); a subdirectory that
 * cannot be watched is left out with what is below it. */
int wm_fswatch_add_tree(wm_fswatch_t *fw, const char *dir, int max_depth, int max_dirs);
/* Number of directories watched. */
int wm_fswatch_count(const wm_fswatch_t *fw);
void wm_fswatch_free(wm_fswatch_t *fw);
/* In a forked child whose loop was reset (the watcher is already gone): close the fd. */
void wm_fswatch_free_after_fork(wm_fswatch_t *fw);

#endif
