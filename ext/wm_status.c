/* The status and connections reports: the master writes the global part and signals
 * its children, each child appends its own lines, and the `status` / `connections`
 * commands read the file after a moment (as Workerman 3.5 does). The file format and its
 * writing and parsing are src/proc/wm_report; here the PHP-side figures are formatted.
 * Writing is best effort: a report not written shows as "no answer" in the command. */
#include "ext/wm_connection.h"
#include "ext/wm_globals.h"
#include "ext/wm_process.h"
#include "ext/wm_status.h"
#include "ext/wm_timer.h"
#include "php_wm.h"
#include "src/proc/wm_report.h"

#include "main/php_open_temporary_file.h"

#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

zend_string *php_wm_status_path(const char *suffix)
{
	zend_string *start = php_wm_start_file();
	zend_string *prefix = zend_string_dup(start, 0);
	for (size_t i = 0; i < ZSTR_LEN(prefix); i++) {
		if (ZSTR_VAL(prefix)[i] == '/') {
			ZSTR_VAL(prefix)[i] = '_';
		}
	}
	zend_string *path = zend_strpprintf(0, "%s/workerman%s.%s", php_get_temporary_directory(),
		ZSTR_VAL(prefix), suffix);
	zend_string_release(prefix);
	return path;
}

static zend_string *worker_str_prop(php_wm_worker *w, int slot)
{
	return zval_get_string(php_wm_worker_prop(w, slot));
}

static const char *socket_name(php_wm_worker *w)
{
	return w->socket_name ? ZSTR_VAL(w->socket_name) : "none";
}

/* ---- master ---- */

void php_wm_status_master_write(wm_master_t *m, time_t started)
{
	smart_str out = {0};
	double load[3] = {0, 0, 0};
	time_t now = time(NULL);
	long up = (long)(now - started);
	char when[32];
	struct tm tm;
	localtime_r(&started, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
	if (getloadavg(load, 3) < 0) {
		load[0] = load[1] = load[2] = 0;
	}
	int ngroups = wm_master_groups(m);
	int processes = 0;
	for (int g = 0; g < ngroups; g++) {
		for (int i = 0; i < wm_master_group_size(m, g); i++) {
			processes += wm_master_pid(m, g, i) > 0;
		}
	}
	smart_str_appends(&out, "----------------------------------------------GLOBAL STATUS----------------------------------------------------\n");
	smart_str_append_printf(&out, "Workerman version:%s (native extension %s)          PHP version:%s\n",
		"3.5.35", PHP_WORKERMAN_VERSION, PHP_VERSION);
	smart_str_append_printf(&out, "start time:%s   run %ld days %ld hours   \n", when, up / 86400, (up % 86400) / 3600);
	smart_str_append_printf(&out, "load average: %.2f, %.2f, %.2f\n", load[0], load[1], load[2]);
	smart_str_append_printf(&out, "%d workers       %d processes\n", ngroups, processes);
	smart_str_append_printf(&out, "%-16s %-16s %s\n", "worker_name", "exit_status", "exit_count");
	for (int g = 0; g < ngroups; g++) {
		zval *zw = zend_hash_index_find(php_wm_workers(), (zend_ulong)g);
		zend_string *name = zw ? worker_str_prop(php_wm_worker_from_obj(Z_OBJ_P(zw)), WM_WORKER_PROP_NAME)
			: zend_string_init("none", 4, 0);
		int kinds;
		const wm_exit_info_t *exits = wm_master_exits(m, g, &kinds);
		for (int k = 0; k < kinds; k++) {
			smart_str_append_printf(&out, "%-16s %-16d %ld\n", ZSTR_VAL(name), exits[k].status, exits[k].count);
		}
		if (kinds == 0) {
			smart_str_append_printf(&out, "%-16s %-16d %d\n", ZSTR_VAL(name), 0, 0);
		}
		zend_string_release(name);
	}
	smart_str_appends(&out, "----------------------------------------------PROCESS STATUS---------------------------------------------------\n");
	smart_str_append_printf(&out, "%-7s %-8s %-24s %-16s %-11s %-13s %-9s %-7s %s\n", "pid", "memory", "listening",
		"worker_name", "connections", "total_request", "send_fail", "timers", "throw_exception");
	wm_buf_t pids = WM_BUF_INIT;
	wm_report_append_pids(m, &pids);
	smart_str_appendl(&out, wm_buf_head(&pids), wm_buf_size(&pids));
	wm_buf_free(&pids);
	smart_str_0(&out);
	zend_string *path = php_wm_status_path("status");
	wm_report_write(ZSTR_VAL(path), ZSTR_VAL(out.s), ZSTR_LEN(out.s), 1);
	zend_string_release(path);
	smart_str_free(&out);
	wm_master_signal_all(m, SIGUSR2);
}

void php_wm_connections_master_write(wm_master_t *m)
{
	static const char head[] =
		"--------------------------------------------------------------------- WORKERMAN CONNECTION STATUS --------------------------------------------------------------------------------\n";
	zend_string *path = php_wm_status_path("connections");
	smart_str out = {0};
	smart_str_appends(&out, head);
	smart_str_append_printf(&out, "%-8s %-15s %-9s %-7s %-15s %-6s %-6s %-12s %-12s %-12s %-13s %-14s %-22s %s\n",
		"PID", "Worker", "CID", "Trans", "Protocol", "ipv4", "ipv6", "Recv-Q", "Send-Q", "Bytes-R", "Bytes-W",
		"Status", "Local Address", "Foreign Address");
	smart_str_0(&out);
	wm_report_write(ZSTR_VAL(path), ZSTR_VAL(out.s), ZSTR_LEN(out.s), 1);
	smart_str_free(&out);
	zend_string_release(path);
	wm_master_signal_all(m, SIGIO);
}

/* ---- child ---- */

void php_wm_status_child_write(php_wm_worker *w)
{
	zend_long *stats = WM_G(conn.stats);
	zend_string *name = worker_str_prop(w, WM_WORKER_PROP_NAME);
	char mem[32];
	snprintf(mem, sizeof(mem), "%.2fM", (double)zend_memory_usage(1) / (1024.0 * 1024.0));
	smart_str out = {0};
	smart_str_append_printf(&out, "%-7d %-8s %-24s %-16s %-11ld %-13ld %-9ld %-7ld %ld\n", (int)getpid(), mem,
		socket_name(w), ZSTR_VAL(name), (long)stats[WM_STAT_CONNECTION_COUNT], (long)stats[WM_STAT_TOTAL_REQUEST],
		(long)stats[WM_STAT_SEND_FAIL], (long)php_wm_timer_count(), (long)stats[WM_STAT_THROW_EXCEPTION]);
	smart_str_0(&out);
	zend_string *path = php_wm_status_path("status");
	wm_report_write(ZSTR_VAL(path), ZSTR_VAL(out.s), ZSTR_LEN(out.s), 0);
	zend_string_release(path);
	smart_str_free(&out);
	zend_string_release(name);
}

void php_wm_connections_child_write(php_wm_worker *w)
{
	static const char *const status_names[] = {"INITIAL", "CONNECTING", "ESTABLISHED", "", "CLOSING", "", "", "", "CLOSED"};
	zend_string *name = worker_str_prop(w, WM_WORKER_PROP_NAME);
	zend_string *transport = worker_str_prop(w, WM_WORKER_PROP_TRANSPORT);
	smart_str out = {0};
	zval *list = php_wm_worker_prop(w, WM_WORKER_PROP_CONNECTIONS), *zc;
	ZVAL_DEREF(list);
	if (Z_TYPE_P(list) == IS_ARRAY) {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), zc) {
			ZVAL_DEREF(zc);
			if (Z_TYPE_P(zc) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(zc), wm_ce_Workerman_Connection_TcpConnection)) {
				continue;
			}
			php_wm_conn *c = php_wm_conn_from_obj(Z_OBJ_P(zc));
			wm_sockaddr_t local;
			socklen_t llen = sizeof(local);
			memset(&local, 0, sizeof(local));
			if (c->io.fd >= 0) {
				getsockname(c->io.fd, &local.sa, &llen);
			}
			zend_string *la = php_wm_format_addr(&local.sa);
			zend_string *ra = c->is_unix ? ZSTR_EMPTY_ALLOC() : php_wm_format_addr(&c->remote.sa);
			zval *proto = conn_prop(c, WM_CONN_PROP_PROTOCOL);
			zend_string *ps = Z_TYPE_P(proto) == IS_STRING ? zend_string_copy(Z_STR_P(proto)) : zend_string_init("none", 4, 0);
			size_t rq;
			wm_conn_rdata(&c->io, &rq);
			smart_str_append_printf(&out, "%-8d %-15s %-9ld %-7s %-15s %-6s %-6s %-12zu %-12zu %-12lu %-13lu %-14s %-22s %s\n",
				(int)getpid(), ZSTR_VAL(name), (long)c->conn_id, ZSTR_VAL(transport), ZSTR_VAL(ps),
				c->remote.sa.sa_family == AF_INET ? "1" : "0", c->remote.sa.sa_family == AF_INET6 ? "1" : "0",
				rq, wm_conn_pending(&c->io), (unsigned long)c->io.bytes_read, (unsigned long)c->io.bytes_written,
				c->status <= 8 ? status_names[c->status] : "", ZSTR_VAL(la), ZSTR_VAL(ra));
			zend_string_release(ps);
			zend_string_release(la);
			zend_string_release(ra);
		} ZEND_HASH_FOREACH_END();
	}
	if (out.s) {
		smart_str_0(&out);
		zend_string *path = php_wm_status_path("connections");
		wm_report_write(ZSTR_VAL(path), ZSTR_VAL(out.s), ZSTR_LEN(out.s), 0);
		zend_string_release(path);
	}
	smart_str_free(&out);
	zend_string_release(name);
	zend_string_release(transport);
}

/* ---- the commands ---- */

static zend_string *read_file(const char *path)
{
	php_stream *s = php_stream_open_wrapper((char *)path, "rb", 0, NULL);
	if (!s) {
		return NULL;
	}
	zend_string *c = php_stream_copy_to_mem(s, PHP_STREAM_COPY_ALL, 0);
	php_stream_close(s);
	return c;
}

static void print_silent(void *ud, pid_t pid)
{
	(void)ud;
	php_printf("%-7d %-8s %s\n", (int)pid, "-", "[no answer: busy or stuck]");
}

/* Print the status table; processes that did not answer are listed as such. */
int php_wm_status_command(pid_t master)
{
	zend_string *path = php_wm_status_path("status");
	unlink(ZSTR_VAL(path));
	kill(master, SIGUSR2);
	usleep(1000000);
	zend_string *text = read_file(ZSTR_VAL(path));
	zend_string_release(path);
	if (!text) {
		php_printf("no answer from the master process %d\n", (int)master);
		return 1;
	}
	/* Split off the list of expected pids, print the rest, then the silent ones. */
	wm_report_parts_t parts;
	wm_report_split(ZSTR_VAL(text), ZSTR_LEN(text), &parts);
	if (!parts.has_pids) {
		PHPWRITE(ZSTR_VAL(text), ZSTR_LEN(text));
		zend_string_release(text);
		return 0;
	}
	PHPWRITE(parts.head, parts.head_len);
	PHPWRITE(parts.rest, parts.rest_len);
	wm_report_each_silent(&parts, print_silent, NULL);
	php_printf("----------------------------------------------------------------------------------------------------------------\n");
	zend_string_release(text);
	return 0;
}

int php_wm_connections_command(pid_t master)
{
	zend_string *path = php_wm_status_path("connections");
	unlink(ZSTR_VAL(path));
	kill(master, SIGIO);
	usleep(500000);
	zend_string *text = read_file(ZSTR_VAL(path));
	zend_string_release(path);
	if (!text) {
		php_printf("no answer from the master process %d\n", (int)master);
		return 1;
	}
	PHPWRITE(ZSTR_VAL(text), ZSTR_LEN(text));
	zend_string_release(text);
	return 0;
}
