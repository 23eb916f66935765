/* The status and connections report files (see wm_report.h). */
#include "src/proc/wm_report.h"
#include "src/wm_core.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int wm_report_write(const char *path, const char *data, size_t len, int truncate)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : O_APPEND), 0644);
	if (fd < 0) {
		return WM_ERR;
	}
	ssize_t w = write(fd, data, len);
	int e = errno;
	close(fd);
	if (w < 0 || (size_t)w != len) {
		errno = w < 0 ? e : EIO;
		return WM_ERR;
	}
	return WM_OK;
}

void wm_report_append_pids(const wm_master_t *m, wm_buf_t *out)
{
	wm_buf_append(out, WM_REPORT_PIDS_MARK, sizeof(WM_REPORT_PIDS_MARK) - 1);
	for (int g = 0; g < wm_master_groups(m); g++) {
		for (int i = 0; i < wm_master_group_size(m, g); i++) {
			pid_t pid = wm_master_pid(m, g, i);
			if (pid > 0) {
				char item[32];
				int n = snprintf(item, sizeof(item), " %d:%d", (int)pid, g);
				wm_buf_append(out, item, (size_t)n);
			}
		}
	}
	wm_buf_append(out, "\n", 1);
}

void wm_report_split(const char *text, size_t len, wm_report_parts_t *out)
{
	const size_t mlen = sizeof(WM_REPORT_PIDS_MARK) - 1;
	memset(out, 0, sizeof(*out));
	out->head = text;
	out->head_len = len;
	const char *mark = memmem(text, len, WM_REPORT_PIDS_MARK, mlen);
	if (!mark) {
		return;
	}
	const char *end = text + len;
	const char *eol = memchr(mark, '\n', (size_t)(end - mark));
	out->has_pids = 1;
	out->head_len = (size_t)(mark - text);
	out->pids = mark + mlen;
	out->pids_len = (size_t)((eol ? eol : end) - out->pids);
	out->rest = eol ? eol + 1 : end;
	out->rest_len = (size_t)(end - out->rest);
}

/* Does a line of rest (or rest itself) start with "<pid padded to 7> "? */
static int has_line_of(const wm_report_parts_t *p, int pid)
{
	char needle[32];
	int n = snprintf(needle, sizeof(needle), "%-7d ", pid);
	const char *s = p->rest, *end = p->rest + p->rest_len;
	while (s < end) {
		if ((size_t)(end - s) >= (size_t)n && memcmp(s, needle, (size_t)n) == 0) {
			return 1;
		}
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl) {
			break;
		}
		s = nl + 1;
	}
	return 0;
}

int wm_report_each_silent(const wm_report_parts_t *p, void (*fn)(void *ud, pid_t pid), void *ud)
{
	int silent = 0;
	if (!p->has_pids) {
		return 0;
	}
	const char *s = p->pids, *end = p->pids + p->pids_len;
	while (s < end) {
		while (s < end && *s == ' ') {
			s++;
		}
		const char *tok = s;
		while (s < end && *s != ' ') {
			s++;
		}
		if (s == tok) {
			break;
		}
		/* "<pid>:<group>": the pid is the leading digits. */
		long pid = 0;
		for (const char *c = tok; c < s && *c >= '0' && *c <= '9' && pid <= 0x7fffffff; c++) {
			pid = pid * 10 + (*c - '0');
		}
		if (pid > 0 && pid <= 0x7fffffff && !has_line_of(p, (int)pid)) {
			fn(ud, (pid_t)pid);
			silent++;
		}
	}
	return silent;
}
