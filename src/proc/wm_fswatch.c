/* Directory watching with inotify. */
#include "src/proc/wm_fswatch.h"
#include "src/wm_core.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

struct wm_fswatch {
	int fd;
	wm_watch_t *watch;  /* owned by the loop */
	wm_fswatch_cb cb;
	void *ud;
	char **dirs;        /* owned: dirs[wd] for the directories watched */
	int cap;
	int count;
};

static void on_events(wm_watch_t *w, int what)
{
	wm_fswatch_t *fw = w->data;
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	(void)what;
	for (;;) {
		ssize_t n = read(fw->fd, buf, sizeof(buf));
		if (n <= 0) {
			return;
		}
		for (char *p = buf; p < buf + n;) {
			struct inotify_event *ev = (struct inotify_event *)p;
			p += sizeof(*ev) + ev->len;
			if (ev->len == 0 || ev->wd < 0 || ev->wd >= fw->cap || !fw->dirs[ev->wd]) {
				continue;
			}
			fw->cb(fw->ud, fw->dirs[ev->wd], ev->name);
		}
	}
}

wm_fswatch_t *wm_fswatch_new(wm_loop_t *loop, wm_fswatch_cb cb, void *ud)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0) {
		return NULL;
	}
	wm_fswatch_t *fw = wm_calloc(1, sizeof(*fw));
	fw->fd = fd;
	fw->cb = cb;
	fw->ud = ud;
	fw->watch = wm_watch_fd(loop, fd, WM_EV_READ, on_events, fw);
	if (!fw->watch) {
		close(fd);
		wm_free(fw);
		return NULL;
	}
	return fw;
}

int wm_fswatch_add_dir(wm_fswatch_t *fw, const char *dir)
{
	int wd = inotify_add_watch(fw->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ONLYDIR);
	if (wd < 0) {
		return WM_ERR;
	}
	if (wd >= fw->cap) {
		int cap = fw->cap ? fw->cap : 64;
		while (cap <= wd) {
			cap *= 2;
		}
		fw->dirs = wm_realloc(fw->dirs, (size_t)cap * sizeof(char *));
		memset(fw->dirs + fw->cap, 0, (size_t)(cap - fw->cap) * sizeof(char *));
		fw->cap = cap;
	}
	if (!fw->dirs[wd]) {
		size_t len = strlen(dir);
		fw->dirs[wd] = wm_malloc(len + 1);
		memcpy(fw->dirs[wd], dir, len + 1);
		fw->count++;
	}
	return WM_OK;
}

static int add_tree(wm_fswatch_t *fw, const char *dir, int depth, int max_depth, int max_dirs)
{
	if (fw->count >= max_dirs || depth > max_depth) {
		return WM_ERR;
	}
	if (wm_fswatch_add_dir(fw, dir) != WM_OK) {
		return WM_ERR;
	}
	DIR *d = opendir(dir);
	if (!d) {
		return WM_OK;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.') {
			continue;
		}
		char path[PATH_MAX];
		struct stat st;
		int n = snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (n < 0 || (size_t)n >= sizeof(path)) {
			continue; /* never look at a cut path: it names something else */
		}
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			add_tree(fw, path, depth + 1, max_depth, max_dirs);
		}
	}
	closedir(d);
	return WM_OK;
}

int wm_fswatch_add_tree(wm_fswatch_t *fw, const char *dir, int max_depth, int max_dirs)
{
	if (fw->count >= max_dirs) {
		errno = ENOSPC;
		return WM_ERR;
	}
	return add_tree(fw, dir, 0, max_depth, max_dirs);
}

int wm_fswatch_count(const wm_fswatch_t *fw)
{
	return fw->count;
}

static void fswatch_release(wm_fswatch_t *fw)
{
	for (int i = 0; i < fw->cap; i++) {
		wm_free(fw->dirs[i]);
	}
	wm_free(fw->dirs);
	close(fw->fd);
	wm_free(fw);
}

void wm_fswatch_free(wm_fswatch_t *fw)
{
	if (!fw) {
		return;
	}
	wm_watch_free(fw->watch);
	fswatch_release(fw);
}

void wm_fswatch_free_after_fork(wm_fswatch_t *fw)
{
	if (fw) {
		fswatch_release(fw);
	}
}
