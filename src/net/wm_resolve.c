/* Asynchronous name resolution through libevent's evdns (evdns_getaddrinfo).
 *
 * Lifetimes. A request (wm_resolve_t) lives until both its owner and evdns are done with
 * it: the owner is done once its callback ran or it cancelled; evdns is done once it has
 * called on_gai, which it always does exactly once for a started lookup, also after
 * evdns_getaddrinfo_cancel (with EVUTIL_EAI_CANCEL, from a deferred callback on the next
 * loop round). Those deferred callbacks read the evdns base, and evdns may still have one
 * queued after it answered us (AF_UNSPEC, one family answered, the other cancelled after
 * the allowed skew). So a base is never freed while the loop may still run them: a base
 * replaced after fork is only retired (its sockets closed), and every base is freed with
 * the loop, after flush_evdns has let the loop run what evdns queued. */
#include "src/net/wm_resolve.h"
#include "src/wm_core.h"

#include <arpa/inet.h>
#include <errno.h>
#include <event2/dns.h>
#include <event2/event.h>
#include <event2/util.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct wm_resolver wm_resolver_t;

typedef struct retired_base {
	struct evdns_base *dns;     /* owned */
	struct retired_base *next;
} retired_base_t;

struct wm_resolver {
	wm_loop_t *loop;
	struct evdns_base *dns;     /* owned; NULL until first needed, and again after fork */
	retired_base_t *retired;    /* owned: bases dropped after fork, freed with the loop */
	wm_resolve_t *reqs;         /* owned list: every request not yet released */
	char *nameserver;           /* owned; "ip[:port]" replacing resolv.conf's, or NULL */
	double timeout;
	int closing;                /* the loop is being freed */
};

struct wm_resolve {
	wm_resolver_t *r;
	struct evdns_getaddrinfo_request *gai; /* set while evdns owes us on_gai */
	struct event *ev;           /* owned: the deadline, or the deferred delivery */
	wm_resolve_cb cb;           /* NULL once the owner is done (answered, cancelled) */
	void *arg;
	int err;                    /* the answer, until delivered */
	wm_resolve_addr_t *addrs;   /* owned */
	size_t n;
	wm_resolve_t *prev, *next;
	unsigned starting : 1;      /* inside evdns_getaddrinfo: on_gai only stores */
	unsigned in_cb : 1;         /* the owner's callback is running */
	unsigned gai_cancelled : 1; /* evdns_getaddrinfo_cancel was called */
};

static void resolver_release(wm_loop_t *loop, int after_fork);

static wm_resolver_t *resolver_get(wm_loop_t *loop)
{
	if (!loop->resolver) {
		wm_resolver_t *r = wm_calloc(1, sizeof(*r));
		r->loop = loop;
		r->timeout = WM_RESOLVE_TIMEOUT_DEFAULT;
		loop->resolver = r;
		loop->resolver_release = resolver_release;
	}
	return loop->resolver;
}

static void apply_timeout(struct evdns_base *dns, double timeout)
{
	/* One retransmission fits in the deadline; the wait for the second of A/AAAA too. */
	char buf[32];
	double attempt = timeout / 2 < 5.0 ? timeout / 2 : 5.0;
	double skew = timeout / 4 < 3.0 ? timeout / 4 : 3.0;
	snprintf(buf, sizeof(buf), "%.3f", attempt);
	evdns_base_set_option(dns, "timeout:", buf);
	snprintf(buf, sizeof(buf), "%.3f", skew);
	evdns_base_set_option(dns, "getaddrinfo-allow-skew:", buf);
}

static struct evdns_base *dns_get(wm_resolver_t *r)
{
	if (r->dns) {
		return r->dns;
	}
	/* DISABLE_WHEN_INACTIVE: an idle resolver must not keep wm_loop_run from returning. */
	struct evdns_base *dns = evdns_base_new(r->loop->base, EVDNS_BASE_DISABLE_WHEN_INACTIVE);
	if (!dns) {
		return NULL;
	}
	if (r->nameserver) {
		/* Missing file: evdns falls back to localhost entries. */
		evdns_base_load_hosts(dns, "/etc/hosts");
		if (evdns_base_nameserver_ip_add(dns, r->nameserver) != 0) {
			evdns_base_free(dns, 0);
			return NULL;
		}
	} else {
		/* What EVDNS_BASE_INITIALIZE_NAMESERVERS does (nameservers, search, options and
		 * /etc/hosts), except that a missing resolv.conf is not fatal: evdns then uses
		 * its defaults (127.0.0.1). */
		evdns_base_resolv_conf_parse(dns, DNS_OPTIONS_ALL, "/etc/resolv.conf");
	}
	apply_timeout(dns, r->timeout);
	r->dns = dns;
	return dns;
}

static void req_link(wm_resolver_t *r, wm_resolve_t *w)
{
	w->r = r;
	w->next = r->reqs;
	if (r->reqs) {
		r->reqs->prev = w;
	}
	r->reqs = w;
}

static void req_free(wm_resolve_t *w)
{
	wm_resolver_t *r = w->r;
	if (w->prev) {
		w->prev->next = w->next;
	} else {
		r->reqs = w->next;
	}
	if (w->next) {
		w->next->prev = w->prev;
	}
	if (w->ev) {
		event_free(w->ev);
	}
	wm_free(w->addrs);
	wm_free(w);
}

static int map_eai(int e)
{
	switch (e) {
	case 0:
		return WM_RESOLVE_OK;
	case EVUTIL_EAI_NONAME:
		return WM_RESOLVE_ENONAME;
	case EVUTIL_EAI_NODATA:
	case EVUTIL_EAI_ADDRFAMILY:
		return WM_RESOLVE_ENODATA;
	case EVUTIL_EAI_AGAIN: /* evdns: one of A/AAAA failed, the other never came */
		return WM_RESOLVE_ETIMEDOUT;
	case EVUTIL_EAI_SERVICE:
		return WM_RESOLVE_ESERVICE;
	case EVUTIL_EAI_MEMORY:
		return WM_RESOLVE_ENOMEM;
	case EVUTIL_EAI_FAMILY:
	case EVUTIL_EAI_SOCKTYPE:
	case EVUTIL_EAI_BADFLAGS:
		return WM_RESOLVE_EINVAL;
	case EVUTIL_EAI_CANCEL:
		return WM_RESOLVE_ECANCELED;
	default:
		return WM_RESOLVE_EFAIL;
	}
}

/* Keep the v4/v6 addresses of res, in order, without duplicates (one entry per socktype
 * otherwise). */
static void store_answer(wm_resolve_t *w, int eai, const struct evutil_addrinfo *res)
{
	w->err = map_eai(eai);
	if (w->err != WM_RESOLVE_OK) {
		return;
	}
	size_t cap = 0;
	for (const struct evutil_addrinfo *ai = res; ai; ai = ai->ai_next) {
		cap++;
	}
	w->addrs = cap ? wm_calloc(cap, sizeof(*w->addrs)) : NULL;
	w->n = 0;
	for (const struct evutil_addrinfo *ai = res; ai; ai = ai->ai_next) {
		if (!ai->ai_addr || (ai->ai_family != AF_INET && ai->ai_family != AF_INET6) ||
				ai->ai_addrlen > sizeof(wm_inaddr_t)) {
			continue;
		}
		int dup = 0;
		for (size_t i = 0; i < w->n && !dup; i++) {
			dup = w->addrs[i].len == ai->ai_addrlen &&
				memcmp(&w->addrs[i].addr, ai->ai_addr, ai->ai_addrlen) == 0;
		}
		if (!dup) {
			memcpy(&w->addrs[w->n].addr, ai->ai_addr, ai->ai_addrlen);
			w->addrs[w->n].len = (socklen_t)ai->ai_addrlen;
			w->n++;
		}
	}
	if (w->n == 0) {
		w->err = WM_RESOLVE_ENODATA;
	}
}

/* Hand the answer to the owner, then release the request. */
static void deliver(wm_resolve_t *w)
{
	wm_resolve_cb cb = w->cb;
	w->cb = NULL;
	if (cb) {
		w->in_cb = 1;
		cb(w->err, w->err == WM_RESOLVE_OK ? w->addrs : NULL, w->err == WM_RESOLVE_OK ? w->n : 0,
			w->arg);
		w->in_cb = 0;
	}
	req_free(w);
}

static void on_gai(int eai, struct evutil_addrinfo *res, void *arg)
{
	wm_resolve_t *w = arg;
	w->gai = NULL;
	if (w->starting) {
		/* Answered inside evdns_getaddrinfo (hosts file, bad input): deferred by start. */
		store_answer(w, eai, res);
	} else if (!w->cb) {
		/* The owner is gone (cancelled, timed out, loop reset): evdns is done too now. */
		req_free(w);
	} else {
		event_del(w->ev);
		store_answer(w, eai, res);
		deliver(w);
	}
	if (res) {
		evutil_freeaddrinfo(res);
	}
}

static void on_event(evutil_socket_t fd, short what, void *arg)
{
	wm_resolve_t *w = arg;
	(void)fd;
	(void)what;
	if (!w->gai) {
		deliver(w); /* the deferred answer */
		return;
	}
	/* Deadline. evdns answers the cancel later through on_gai, which frees w. */
	wm_resolve_cb cb = w->cb;
	w->cb = NULL;
	w->gai_cancelled = 1;
	evdns_getaddrinfo_cancel(w->gai);
	w->in_cb = 1;
	cb(WM_RESOLVE_ETIMEDOUT, NULL, 0, w->arg);
	w->in_cb = 0;
}

static void defer_answer(wm_resolve_t *w, int err)
{
	if (err != WM_RESOLVE_OK) {
		w->err = err;
	}
	event_active(w->ev, EV_TIMEOUT, 1);
}

/* port_or_service -> port number, or -1. Services come from /etc/services (a local file). */
static int parse_service(const char *s, int socktype)
{
	if (!s || !*s) {
		return 0;
	}
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end == '\0' && !errno && v >= 0 && v <= 65535) {
		return (int)v;
	}
	if (*end == '\0') {
		return -1;
	}
	struct servent *se = getservbyname(s, socktype == SOCK_DGRAM ? "udp" : "tcp");
	return se ? ntohs((uint16_t)se->s_port) : -1;
}

/* A literal that is not of the requested family, or a malformed v6 one: never sent to DNS. */
static int looks_numeric(const char *host)
{
	struct in_addr a4;
	return strchr(host, ':') != NULL || inet_pton(AF_INET, host, &a4) == 1;
}

wm_resolve_t *wm_resolve_start(wm_loop_t *loop, const char *host, const char *port_or_service,
		int family, int socktype, wm_resolve_cb cb, void *arg)
{
	wm_resolver_t *r = resolver_get(loop);
	if (r->closing || !cb) {
		return NULL;
	}
	wm_resolve_t *w = wm_calloc(1, sizeof(*w));
	req_link(r, w);
	w->cb = cb;
	w->arg = arg;
	w->ev = event_new(loop->base, -1, 0, on_event, w);
	if (!w->ev) {
		req_free(w);
		return NULL;
	}
	if (!host || !*host || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6) ||
			(socktype != 0 && socktype != SOCK_STREAM && socktype != SOCK_DGRAM)) {
		defer_answer(w, WM_RESOLVE_EINVAL);
		return w;
	}
	int port = parse_service(port_or_service, socktype);
	if (port < 0) {
		defer_answer(w, WM_RESOLVE_ESERVICE);
		return w;
	}
	char portbuf[12];
	snprintf(portbuf, sizeof(portbuf), "%d", port);

	struct evutil_addrinfo hints, *res = NULL;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = family;
	hints.ai_socktype = socktype;
	hints.ai_flags = EVUTIL_AI_NUMERICHOST | EVUTIL_AI_NUMERICSERV;
	int eai = evutil_getaddrinfo(host, portbuf, &hints, &res);
	if (eai == 0 || looks_numeric(host)) {
		/* A literal: no resolver, no traffic. */
		store_answer(w, eai, res);
		if (eai == EVUTIL_EAI_NONAME || eai == EVUTIL_EAI_FAMILY) {
			struct in6_addr a6;
			struct in_addr a4;
			int other = (family == AF_INET && inet_pton(AF_INET6, host, &a6) == 1) ||
				(family == AF_INET6 && inet_pton(AF_INET, host, &a4) == 1);
			w->err = other ? WM_RESOLVE_ENODATA : WM_RESOLVE_ENONAME;
		}
		if (res) {
			evutil_freeaddrinfo(res);
		}
		defer_answer(w, WM_RESOLVE_OK);
		return w;
	}

	struct evdns_base *dns = dns_get(r);
	if (!dns) {
		defer_answer(w, WM_RESOLVE_EFAIL);
		return w;
	}
	hints.ai_flags = EVUTIL_AI_NUMERICSERV;
	/* evdns answers at once (through on_gai, returning NULL) from /etc/hosts. */
	w->starting = 1;
	struct evdns_getaddrinfo_request *gai =
		evdns_getaddrinfo(dns, host, portbuf, &hints, on_gai, w);
	w->starting = 0;
	if (!gai) {
		defer_answer(w, WM_RESOLVE_OK);
		return w;
	}
	w->gai = gai;
	struct timeval tv;
	tv.tv_sec = (time_t)r->timeout;
	tv.tv_usec = (suseconds_t)((r->timeout - (double)tv.tv_sec) * 1e6);
	event_add(w->ev, &tv);
	return w;
}

void wm_resolve_cancel(wm_resolve_t *w)
{
	if (!w || w->in_cb || !w->cb) {
		return;
	}
	w->cb = NULL;
	w->arg = NULL;
	event_del(w->ev);
	if (w->gai) {
		/* evdns still calls on_gai (with EVUTIL_EAI_CANCEL) from the loop; it frees w. */
		w->gai_cancelled = 1;
		evdns_getaddrinfo_cancel(w->gai);
	} else {
		req_free(w);
	}
}

int wm_resolve_set_nameserver(wm_loop_t *loop, const char *ip_port)
{
	struct sockaddr_storage ss;
	int len = (int)sizeof(ss);
	if (!ip_port || evutil_parse_sockaddr_port(ip_port, (struct sockaddr *)&ss, &len) != 0) {
		return WM_ERR_ADDR;
	}
	wm_resolver_t *r = resolver_get(loop);
	size_t n = strlen(ip_port) + 1;
	char *copy = wm_malloc(n);
	memcpy(copy, ip_port, n);
	wm_free(r->nameserver);
	r->nameserver = copy;
	if (r->dns) {
		/* Requests in flight move to the new server. */
		evdns_base_clear_nameservers_and_suspend(r->dns);
		int rc = evdns_base_nameserver_ip_add(r->dns, ip_port);
		evdns_base_resume(r->dns);
		if (rc != 0) {
			return WM_ERR_ADDR;
		}
	}
	return WM_OK;
}

int wm_resolve_set_timeout(wm_loop_t *loop, double seconds)
{
	if (!(seconds > 0) || seconds > 1e6) {
		return WM_ERR;
	}
	wm_resolver_t *r = resolver_get(loop);
	r->timeout = seconds;
	if (r->dns) {
		apply_timeout(r->dns, seconds);
	}
	return WM_OK;
}

const char *wm_resolve_strerror(int err)
{
	switch (err) {
	case WM_RESOLVE_OK:
		return "no error";
	case WM_RESOLVE_ENONAME:
		return "no such host";
	case WM_RESOLVE_ENODATA:
		return "no address of the requested family for this host";
	case WM_RESOLVE_ETIMEDOUT:
		return "name resolution timed out";
	case WM_RESOLVE_EFAIL:
		return "name server failure";
	case WM_RESOLVE_ESERVICE:
		return "unknown port or service";
	case WM_RESOLVE_EINVAL:
		return "invalid name resolution request";
	case WM_RESOLVE_ECANCELED:
		return "name resolution canceled";
	case WM_RESOLVE_ENOMEM:
		return "out of memory during name resolution";
	default:
		return "unknown name resolution error";
	}
}

static void marker_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	*(int *)arg = 1;
}

/* Run the loop without blocking until evdns has delivered the callbacks it has queued
 * (cancels, shutdowns): they read the evdns base and own memory. Only called while the loop
 * is being freed, when no watcher is left to fire. */
static void flush_evdns(wm_resolver_t *r)
{
	struct event_base *base = r->loop->base;
	for (int i = 0; i < 64 && r->reqs; i++) {
		event_base_loop(base, EVLOOP_NONBLOCK);
	}
	/* Deferred callbacks run in order: once this one ran, those queued before it did. */
	int ran = 0;
	struct event *marker = event_new(base, -1, 0, marker_cb, &ran);
	if (marker) {
		event_active(marker, EV_TIMEOUT, 1);
		for (int i = 0; i < 64 && !ran; i++) {
			event_base_loop(base, EVLOOP_NONBLOCK);
		}
		event_free(marker);
	}
}

static void resolver_release(wm_loop_t *loop, int after_fork)
{
	wm_resolver_t *r = loop->resolver;
	if (!r) {
		return;
	}
	if (!after_fork) {
		r->closing = 1;
	}
	/* 1. Owners still waiting learn that their request is gone. A callback may cancel
	 * other requests, so rescan from the head each time. */
	for (;;) {
		wm_resolve_t *w = r->reqs;
		while (w && (!w->cb || w->in_cb)) {
			w = w->next;
		}
		if (!w) {
			break;
		}
		wm_resolve_cb cb = w->cb;
		w->cb = NULL;
		event_del(w->ev);
		w->in_cb = 1;
		cb(WM_RESOLVE_ECANCELED, NULL, 0, w->arg);
		w->in_cb = 0;
	}
	/* 2. Stop what evdns does for them; evdns answers each cancel through on_gai. */
	for (wm_resolve_t *w = r->reqs, *next; w; w = next) {
		next = w->next;
		if (w->in_cb) {
			continue;
		}
		event_del(w->ev);
		if (w->gai) {
			if (!w->gai_cancelled) {
				w->gai_cancelled = 1;
				evdns_getaddrinfo_cancel(w->gai);
			}
		} else {
			req_free(w);
		}
	}
	/* 3. The base is not used again; after fork its sockets are the parent's too, so close
	 * them here. It is freed with the loop (its queued callbacks may still read it). */
	if (r->dns) {
		evdns_base_clear_nameservers_and_suspend(r->dns);
		retired_base_t *rb = wm_calloc(1, sizeof(*rb));
		rb->dns = r->dns;
		rb->next = r->retired;
		r->retired = rb;
		r->dns = NULL;
	}
	if (after_fork) {
		return;
	}
	/* 4. The loop goes away: let evdns finish, then free everything. */
	if (r->retired) {
		flush_evdns(r);
	}
	while (r->retired) {
		retired_base_t *rb = r->retired;
		r->retired = rb->next;
		evdns_base_free(rb->dns, 0);
		wm_free(rb);
	}
	while (r->reqs) {
		/* Only when the flush could not run (event_base_loop refused a reentrant run). */
		req_free(r->reqs);
	}
	wm_free(r->nameserver);
	wm_free(r);
	loop->resolver = NULL;
	loop->resolver_release = NULL;
}
