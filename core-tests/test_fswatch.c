/* wm_fswatch: directory trees watched with inotify (the auto-reload option), on a temporary
 * tree:  root/a/b/c, root/.hidden/x, root/link -> a (a symbolic link), root/file. */
#include "wm_test.h"

#include "src/loop/wm_loop.h"
#include "src/proc/wm_fswatch.h"
#include "src/wm_core.h"

#include <fcntl.h>
#include <sys/stat.h>

static char root[64];
static char path_buf[256];

static const char *at(const char *rel)
{
	snprintf(path_buf, sizeof(path_buf), "%s/%s", root, rel);
	return path_buf;
}

static void make_tree(void)
{
	strcpy(root, "/tmp/wm-core-tests-XXXXXX");
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		abort();
	}
	static const char *const dirs[] = {"a", "a/b", "a/b/c", ".hidden", ".hidden/x"};
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (mkdir(at(dirs[i]), 0755) != 0) {
			perror(path_buf);
			abort();
		}
	}
	if (symlink("a", at("link")) != 0) {
		perror("symlink");
		abort();
	}
	int fd = open(at("file"), O_WRONLY | O_CREAT, 0644);
	close(fd);
}

static void remove_tree(void)
{
	static const char *const files[] = {"a/b/c/f.php", "file", "link"};
	static const char *const dirs[] = {"a/b/c", "a/b", "a", ".hidden/x", ".hidden"};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		unlink(at(files[i]));
	}
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		rmdir(at(dirs[i]));
	}
	rmdir(root);
}

typedef struct seen {
	int events;
	char dir[256];
	char name[64];
	wm_loop_t *loop;
} seen_t;

static void on_change(void *ud, const char *dir, const char *name)
{
	seen_t *s = ud;
	s->events++;
	snprintf(s->dir, sizeof(s->dir), "%s", dir);
	snprintf(s->name, sizeof(s->name), "%s", name);
	wm_loop_stop(s->loop);
}

static void on_timeout(wm_watch_t *w, int what)
{
	(void)what;
	wm_loop_stop(w->loop);
}

TEST(fswatch_tree_skips_dot_names_and_symlinks)
{
	make_tree();
	wm_loop_t *loop = wm_loop_new();
	seen_t s = {0};
	s.loop = loop;
	wm_fswatch_t *fw = wm_fswatch_new(loop, on_change, &s);
	if (!fw) {
		TEST_NOTE("no inotify here (%s); skipped", strerror(errno));
		wm_loop_free(loop);
		remove_tree();
		return;
	}
	CHECK_EQ(wm_fswatch_add_tree(fw, root, 8, 4096), WM_OK);
	CHECK_EQ(wm_fswatch_count(fw), 4); /* root, a, a/b, a/b/c: not .hidden, not link */
	/* Adding the same tree again watches nothing new. */
	CHECK_EQ(wm_fswatch_add_tree(fw, root, 8, 4096), WM_OK);
	CHECK_EQ(wm_fswatch_count(fw), 4);

	/* A file written at the bottom is reported with its directory. */
	int fd = open(at("a/b/c/f.php"), O_WRONLY | O_CREAT, 0644);
	REQUIRE(fd >= 0);
	CHECK_EQ(write(fd, "<?php\n", 6), 6);
	close(fd);
	wm_watch_t *t = wm_watch_timer(loop, 2.0, 0, on_timeout, NULL);
	wm_loop_run(loop);
	CHECK_GE(s.events, 1);
	CHECK_STR_EQ(s.dir, at("a/b/c"));
	CHECK_STR_EQ(s.name, "f.php");
	if (s.events) {
		wm_watch_free(t);
	}
	wm_fswatch_free(fw);
	CHECK_EQ(loop->watch_count, 0);
	wm_loop_free(loop);
	remove_tree();
}

TEST(fswatch_tree_limits)
{
	make_tree();
	wm_loop_t *loop = wm_loop_new();
	seen_t s = {0};
	s.loop = loop;
	wm_fswatch_t *fw = wm_fswatch_new(loop, on_change, &s);
	if (!fw) {
		TEST_NOTE("no inotify here; skipped");
		wm_loop_free(loop);
		remove_tree();
		return;
	}
	/* Depth 1: root and a only. */
	CHECK_EQ(wm_fswatch_add_tree(fw, root, 1, 4096), WM_OK);
	CHECK_EQ(wm_fswatch_count(fw), 2);
	wm_fswatch_free(fw);

	/* At most 3 directories in all; once full, nothing more is added. */
	fw = wm_fswatch_new(loop, on_change, &s);
	REQUIRE(fw != NULL);
	CHECK_EQ(wm_fswatch_add_tree(fw, root, 8, 3), WM_OK);
	CHECK_EQ(wm_fswatch_count(fw), 3);
	errno = 0;
	CHECK_EQ(wm_fswatch_add_tree(fw, at("a/b/c"), 8, 3), WM_ERR);
	CHECK_EQ(wm_fswatch_count(fw), 3);
	wm_fswatch_free(fw);

	/* A missing directory or a file: WM_ERR, nothing watched. */
	fw = wm_fswatch_new(loop, on_change, &s);
	REQUIRE(fw != NULL);
	errno = 0;
	CHECK_EQ(wm_fswatch_add_tree(fw, at("nope"), 8, 4096), WM_ERR);
	CHECK_EQ(errno, ENOENT);
	CHECK_EQ(wm_fswatch_add_tree(fw, at("file"), 8, 4096), WM_ERR);
	CHECK_EQ(wm_fswatch_count(fw), 0);
	/* The root itself at depth 0 is always within max_depth. */
	CHECK_EQ(wm_fswatch_add_tree(fw, at("a/b/c"), 0, 4096), WM_OK);
	CHECK_EQ(wm_fswatch_count(fw), 1);
	wm_fswatch_free(fw);
	CHECK_EQ(loop->watch_count, 0);
	wm_loop_free(loop);
	remove_tree();
}
