/* Asynchronous name resolution on the engine loop, through libevent's evdns.
 *
 * Clients (AsyncTcpConnection, UDP clients) resolve with wm_resolve_start and never block
 * the loop; wm_addr_parse_inet (blocking getaddrinfo) is only for listen time, before the
 * loop runs.
 *
 * - Numeric IPv4/IPv6 literals are answered without DNS traffic and without creating the
 *   resolver. Names are looked up in /etc/hosts first, then sent to the nameservers of
 *   /etc/resolv.conf (its search list and options apply), or to the one set with
 *   wm_resolve_set_nameserver.
 * - The callback is always deferred: it never runs inside wm_resolve_start, even when the
 *   answer is known at once (literal, hosts entry, bad argument); it runs from the loop.
 * - The evdns base belongs to the loop: created on first use, freed by wm_loop_free, and
 *   replaced by a fresh one in a child after wm_loop_reset_after_fork (the inherited one is
 *   never used again, its sockets are closed in the child).
 * - A request in flight keeps wm_loop_run running, like a watcher, until it ends; an idle
 *   resolver keeps nothing alive.
 * - Requests still outstanding when the loop is freed, or inherited by a child through
 *   wm_loop_reset_after_fork, end there with WM_RESOLVE_ECANCELED (so that their owners can
 *   drop them, as watchers' dispose hooks run); those callbacks must not start new requests
 *   on a loop being freed (wm_resolve_start returns NULL then).
 */
#ifndef WM_NET_WM_RESOLVE_H
#define WM_NET_WM_RESOLVE_H

#include <stddef.h>
#include <sys/socket.h>

#include "src/loop/wm_loop.h"
#include "src/net/wm_addr.h"

/* Result codes given to the callback. Distinct from the WM_ERR_* codes of wm_core.h. */
enum {
	WM_RESOLVE_OK = 0,
	WM_RESOLVE_ENONAME = -100,   /* no such host (NXDOMAIN; not in /etc/hosts) */
	WM_RESOLVE_ENODATA = -101,   /* no address of that family (a literal or hosts entry of
	                              * the other one; evdns reports a DNS name without such
	                              * records as WM_RESOLVE_EFAIL) */
	WM_RESOLVE_ETIMEDOUT = -102, /* no usable answer within the timeout */
	WM_RESOLVE_EFAIL = -103,     /* nameserver failure or refusal, no records, unusable reply,
	                              * or evdns gave up before the timeout */
	WM_RESOLVE_ESERVICE = -104,  /* port_or_service is neither a port nor a known service */
	WM_RESOLVE_EINVAL = -105,    /* empty host, bad family or socktype */
	WM_RESOLVE_ECANCELED = -106, /* the loop was freed or reset after fork meanwhile */
	WM_RESOLVE_ENOMEM = -107,
};

/* One resolved address: a v4 or v6 socket address with the port set. */
typedef struct wm_resolve_addr {
	wm_inaddr_t addr;
	socklen_t len;
} wm_resolve_addr_t;

typedef struct wm_resolve wm_resolve_t;

/* Called once per request (never after wm_resolve_cancel). err is WM_RESOLVE_OK with
 * n >= 1 addresses, or a WM_RESOLVE_E* code with addrs NULL and n 0. addrs is owned by the
 * resolver and valid only during the call: copy what you keep. Order: DNS answers for
 * AF_UNSPEC IPv4 first, then IPv6; hosts entries in file order; no duplicates. The request
 * handle is invalid once the callback returns. */
typedef void (*wm_resolve_cb)(int err, const wm_resolve_addr_t *addrs, size_t n, void *arg);

/* Start resolving host (a name or a bare literal: "::1", not "[::1]") and port_or_service
 * ("80", "http"; NULL or "" for port 0) for family AF_UNSPEC, AF_INET or AF_INET6 and
 * socktype (SOCK_STREAM, SOCK_DGRAM, or 0). Returns a handle owned by the resolver (valid
 * until the callback returns or wm_resolve_cancel), or NULL only for a NULL cb or while the
 * loop is being freed; every other error arrives through cb. */
wm_resolve_t *wm_resolve_start(wm_loop_t *loop, const char *host, const char *port_or_service,
		int family, int socktype, wm_resolve_cb cb, void *arg);
/* Cancel: cb is never called for it and arg is not touched again; the memory is released
 * by the resolver. A no-op inside the request's own callback, or for NULL. */
void wm_resolve_cancel(wm_resolve_t *req);

/* Use this nameserver ("ip" or "ip:port", "[v6]:port") instead of those of
 * /etc/resolv.conf, for this loop (kept across fork). /etc/hosts is still consulted.
 * Returns WM_OK, or WM_ERR_ADDR for an unparsable address. */
int wm_resolve_set_nameserver(wm_loop_t *loop, const char *ip_port);
/* Bound on each request, in seconds (default WM_RESOLVE_TIMEOUT_DEFAULT); a request that
 * has no answer by then ends with WM_RESOLVE_ETIMEDOUT. evdns' per-try timeout becomes
 * half of it (at most 5 s, overriding resolv.conf's "timeout"), so that one retransmission
 * fits. Applies to requests started afterwards. Returns WM_OK or WM_ERR. */
#define WM_RESOLVE_TIMEOUT_DEFAULT 10.0
int wm_resolve_set_timeout(wm_loop_t *loop, double seconds);

/* Static English text for a WM_RESOLVE_* code. */
const char *wm_resolve_strerror(int err);

#endif
