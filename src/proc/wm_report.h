/* The `status` and `connections` reports, as Workerman 3.5 collects them: the `status`
 * command signals the master, the master writes the report's head to a file and signals its
 * children, each child appends its own line(s), and the command reads the file a moment later.
 *
 * The status head ends with one line naming the processes asked to answer,
 *     #pids: <pid>:<group> <pid>:<group> ...
 * and each process's line starts with its pid, left-aligned in 7 columns, and a blank
 * (printf "%-7d "), so the command can list the processes that did not answer. */
#ifndef WM_PROC_WM_REPORT_H
#define WM_PROC_WM_REPORT_H

#include <stddef.h>
#include <sys/types.h>

#include "src/buf/wm_buf.h"
#include "src/proc/wm_proc.h"

#define WM_REPORT_PIDS_MARK "#pids:"

/* Write data to path (created 0644): truncate (the master's head) or append (a process's
 * lines), in one write(2) on an O_APPEND descriptor so lines of different processes never
 * interleave. WM_OK, or WM_ERR (errno). */
int wm_report_write(const char *path, const char *data, size_t len, int truncate);

/* Append the "#pids:" line (with its '\n') for every running process of m to out. */
void wm_report_append_pids(const wm_master_t *m, wm_buf_t *out);

/* A report as read back by the command. Without a "#pids:" line, has_pids is 0 and head is
 * the whole text. Pointers are into the text. */
typedef struct wm_report_parts {
	int has_pids;
	const char *head;          /* before the "#pids:" line */
	size_t head_len;
	const char *pids;          /* the list after the mark, up to the end of its line */
	size_t pids_len;
	const char *rest;          /* the processes' lines, after the "#pids:" line */
	size_t rest_len;
} wm_report_parts_t;

void wm_report_split(const char *text, size_t len, wm_report_parts_t *out);
/* Call fn for each process of the "#pids:" list that has no line of its own in rest, in
 * the list's order. Returns how many there were. */
int wm_report_each_silent(const wm_report_parts_t *p, void (*fn)(void *ud, pid_t pid), void *ud);

#endif
