/* Daemon mode, standard streams and identity of processes. */
#ifndef WM_PROC_WM_DAEMON_H
#define WM_PROC_WM_DAEMON_H

#include <stddef.h>

/* Detach: fork, setsid, fork again; the intermediate processes _exit(0). Returns 0 in the
 * daemon, -1 (errno) when a fork failed in the original process. */
int wm_proc_daemonize(void);
/* stdin from /dev/null, stdout and stderr appended to path (or /dev/null). WM_OK/WM_ERR. */
int wm_proc_redirect_std(const char *path);
/* Switch to user/group (either may be empty). Only root can; returns WM_OK, or WM_ERR with
 * a reason written to err. */
int wm_proc_switch_user(const char *user, const char *group, char *err, size_t errlen);

#endif
