/* Daemon mode, standard streams and identity of processes. */
#include "src/proc/wm_daemon.h"
#include "src/wm_core.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int wm_proc_daemonize(void)
{
	umask(0);
	pid_t pid = fork();
	if (pid < 0) {
		return -1;
	}
	if (pid > 0) {
		_exit(0);
	}
	if (setsid() < 0) {
		_exit(1);
	}
	/* A second fork: the daemon is not a session leader, so it can never get a terminal. */
	pid = fork();
	if (pid < 0) {
		_exit(1);
	}
	if (pid > 0) {
		_exit(0);
	}
	return 0;
}

int wm_proc_redirect_std(const char *path)
{
	int in = open("/dev/null", O_RDONLY);
	int out = open(path && *path ? path : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (out < 0) {
		out = open("/dev/null", O_WRONLY);
	}
	if (in < 0 || out < 0) {
		if (in >= 0) {
			close(in);
		}
		if (out >= 0) {
			close(out);
		}
		return WM_ERR;
	}
	dup2(in, STDIN_FILENO);
	dup2(out, STDOUT_FILENO);
	dup2(out, STDERR_FILENO);
	if (in > STDERR_FILENO) {
		close(in);
	}
	if (out > STDERR_FILENO) {
		close(out);
	}
	return WM_OK;
}

int wm_proc_switch_user(const char *user, const char *group, char *err, size_t errlen)
{
	struct passwd *pw = NULL;
	struct group *gr = NULL;
	if ((!user || !*user) && (!group || !*group)) {
		return WM_OK;
	}
	if (user && *user) {
		pw = getpwnam(user);
		if (!pw) {
			snprintf(err, errlen, "user %s not exist", user);
			return WM_ERR;
		}
	}
	if (group && *group) {
		gr = getgrnam(group);
		if (!gr) {
			snprintf(err, errlen, "group %s not exist", group);
			return WM_ERR;
		}
	}
	uid_t uid = pw ? pw->pw_uid : getuid();
	gid_t gid = gr ? gr->gr_gid : (pw ? pw->pw_gid : getgid());
	if (uid == getuid() && gid == getgid()) {
		return WM_OK;
	}
	if (geteuid() != 0) {
		snprintf(err, errlen, "you must have the root privileges to change uid and gid");
		return WM_ERR;
	}
	if (setgid(gid) < 0 || (pw && initgroups(pw->pw_name, gid) < 0) || setuid(uid) < 0) {
		snprintf(err, errlen, "change gid or uid fail: %s", strerror(errno));
		return WM_ERR;
	}
	return WM_OK;
}
