/* wm_resolve: asynchronous name resolution through evdns on the engine loop.
 * No test leaves the machine: names come from /etc/hosts, from literals, or from a tiny DNS
 * responder on UDP 127.0.0.1:<free port> written below (in the loop, or in a forked
 * process), and timeouts use a UDP socket that is never read. */
#include "wm_test.h"

#include "src/loop/wm_loop.h"
#include "src/net/wm_addr.h"
#include "src/net/wm_resolve.h"
#include "src/proc/wm_proc.h"
#include "src/wm_core.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

static double now(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* ---- a minimal DNS responder ----
 * found.test   A 192.0.2.7, AAAA 2001:db8::7
 * v4only.test  A 192.0.2.8, no AAAA (NOERROR, empty)
 * nodata.test  no records (NOERROR, empty)
 * noaaaa.test  A 192.0.2.9; AAAA queries are dropped (never answered)
 * anything else: NXDOMAIN */

typedef struct fake_dns {
	int fd;
	int port;
	int queries;
	int silent;       /* never answer */
	pid_t pid;        /* > 0: answered by a forked process */
	wm_watch_t *watch;
	char ns[32];      /* "127.0.0.1:<port>" */
} fake_dns_t;

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

/* Build the answer to query q (n bytes) in out; returns its length, 0 to drop it. */
static size_t dns_answer(const unsigned char *q, size_t n, unsigned char *out, size_t cap)
{
	if (n < 12 || (q[2] & 0x80) || q[4] != 0 || q[5] != 1) {
		return 0;
	}
	char name[256];
	size_t nl = 0, i = 12;
	while (i < n && q[i] != 0) {
		size_t l = q[i++];
		if (l > 63 || i + l > n || nl + l + 1 >= sizeof(name)) {
			return 0;
		}
		if (nl) {
			name[nl++] = '.';
		}
		for (size_t k = 0; k < l; k++) {
			name[nl++] = (char)tolower(q[i + k]);
		}
		i += l;
	}
	name[nl] = '\0';
	if (i + 5 > n) {
		return 0;
	}
	i++; /* the root label */
	unsigned qtype = ((unsigned)q[i] << 8) | q[i + 1];
	size_t qend = i + 4;
	if (qend + 28 > cap) {
		return 0;
	}
	memcpy(out, q, qend); /* id, and the question exactly as asked (evdns randomizes case) */
	out[2] = (unsigned char)(0x80 | (q[2] & 0x01)); /* QR, RD copied */
	put16(out + 6, 0);
	put16(out + 8, 0);
	put16(out + 10, 0);

	static const unsigned char a_found[4] = {192, 0, 2, 7};
	static const unsigned char a_v4only[4] = {192, 0, 2, 8};
	static const unsigned char a_noaaaa[4] = {192, 0, 2, 9};
	static const unsigned char aaaa_found[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7};
	const unsigned char *rdata = NULL;
	size_t rdlen = 0;
	int exists = 1;
	if (!strcmp(name, "found.test")) {
		if (qtype == 1) {
			rdata = a_found, rdlen = 4;
		} else if (qtype == 28) {
			rdata = aaaa_found, rdlen = 16;
		}
	} else if (!strcmp(name, "noaaaa.test")) {
		if (qtype == 28) {
			return 0;
		}
		if (qtype == 1) {
			rdata = a_noaaaa, rdlen = 4;
		}
	} else if (!strcmp(name, "v4only.test")) {
		if (qtype == 1) {
			rdata = a_v4only, rdlen = 4;
		}
	} else if (strcmp(name, "nodata.test") != 0) {
		exists = 0;
	}
	out[3] = (unsigned char)(0x80 | (exists ? 0 : 3)); /* RA; NOERROR or NXDOMAIN */
	size_t len = qend;
	if (rdata) {
		put16(out + 6, 1);
		put16(out + len, 0xc00c); /* the name: a pointer to the question */
		put16(out + len + 2, qtype);
		put16(out + len + 4, 1);  /* IN */
		put16(out + len + 6, 0);  /* TTL 60 */
		put16(out + len + 8, 60);
		put16(out + len + 10, (unsigned)rdlen);
		memcpy(out + len + 12, rdata, rdlen);
		len += 12 + rdlen;
	}
	return len;
}

/* Answer every query waiting on fd; returns how many arrived. */
static int dns_serve_ready(int fd, int silent)
{
	int count = 0;
	for (;;) {
		unsigned char q[512], a[600];
		struct sockaddr_storage from;
		socklen_t flen = sizeof(from);
		ssize_t n = recvfrom(fd, q, sizeof(q), MSG_DONTWAIT, (struct sockaddr *)&from, &flen);
		if (n < 0) {
			return count;
		}
		count++;
		size_t alen = silent ? 0 : dns_answer(q, (size_t)n, a, sizeof(a));
		if (alen) {
			sendto(fd, a, alen, 0, (struct sockaddr *)&from, flen);
		}
	}
}

static void fake_dns_watch_cb(wm_watch_t *w, int what)
{
	fake_dns_t *d = w->data;
	(void)what;
	d->queries += dns_serve_ready(d->fd, d->silent);
}

static void fake_dns_open(fake_dns_t *d, int silent)
{
	memset(d, 0, sizeof(*d));
	d->silent = silent;
	d->fd = socket(AF_INET, SOCK_DGRAM, 0);
	REQUIRE(d->fd >= 0);
	struct sockaddr_in sin;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	REQUIRE(bind(d->fd, (struct sockaddr *)&sin, sizeof(sin)) == 0);
	socklen_t len = sizeof(sin);
	REQUIRE(getsockname(d->fd, (struct sockaddr *)&sin, &len) == 0);
	d->port = ntohs(sin.sin_port);
	snprintf(d->ns, sizeof(d->ns), "127.0.0.1:%d", d->port);
}

/* A responder served by the test's own loop (so queries can be counted). A silent one is
 * never watched: its datagrams just queue up. */
static void fake_dns_in_loop(fake_dns_t *d, wm_loop_t *loop, int silent)
{
	fake_dns_open(d, silent);
	if (!silent) {
		d->watch = wm_watch_fd(loop, d->fd, WM_EV_READ, fake_dns_watch_cb, d);
		REQUIRE(d->watch != NULL);
	}
}

/* A responder in its own process (survives the test's forks and loop resets). */
static void fake_dns_forked(fake_dns_t *d)
{
	fake_dns_open(d, 0);
	pid_t pid = fork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		for (;;) {
			fd_set rd;
			FD_ZERO(&rd);
			FD_SET(d->fd, &rd);
			if (select(d->fd + 1, &rd, NULL, NULL, NULL) > 0) {
				dns_serve_ready(d->fd, 0);
			}
		}
	}
	d->pid = pid;
	close(d->fd);
	d->fd = -1;
}

static void fake_dns_close(fake_dns_t *d)
{
	if (d->watch) {
		wm_watch_free(d->watch);
		d->watch = NULL;
	}
	if (d->fd >= 0) {
		close(d->fd);
		d->fd = -1;
	}
	if (d->pid > 0) {
		kill(d->pid, SIGKILL);
		waitpid(d->pid, NULL, 0);
		d->pid = 0;
	}
}

/* ---- resolving ---- */

typedef struct result {
	int calls;
	int err;
	size_t n;
	wm_resolve_addr_t addrs[8];
	double at;
	int stop;          /* wm_loop_stop from the callback */
	wm_loop_t *loop;
} result_t;

static void result_cb(int err, const wm_resolve_addr_t *addrs, size_t n, void *arg)
{
	result_t *r = arg;
	r->calls++;
	r->err = err;
	r->n = n;
	r->at = now();
	for (size_t i = 0; i < n && i < 8; i++) {
		r->addrs[i] = addrs[i];
	}
	if (err != WM_RESOLVE_OK) {
		CHECK(addrs == NULL);
		CHECK_EQ(n, 0);
	} else {
		CHECK(n >= 1);
	}
	if (r->stop) {
		wm_loop_stop(r->loop);
	}
}

static int guard_hit;
static void guard_cb(wm_watch_t *w, int what)
{
	(void)what;
	guard_hit = 1;
	wm_loop_stop(w->loop);
}

/* Run the loop until the callback stops it, or for at most `timeout` seconds. */
static void run_for(wm_loop_t *loop, double timeout)
{
	guard_hit = 0;
	wm_watch_t *g = wm_watch_timer(loop, timeout, 0, guard_cb, NULL);
	wm_loop_run(loop);
	if (!guard_hit) {
		wm_watch_free(g);
	}
}

/* Resolve and wait for the answer; the callback must come from the loop, exactly once. */
static void resolve_wait(wm_loop_t *loop, const char *host, const char *port, int family, int socktype,
		result_t *r)
{
	memset(r, 0, sizeof(*r));
	r->stop = 1;
	r->loop = loop;
	wm_resolve_t *req = wm_resolve_start(loop, host, port, family, socktype, result_cb, r);
	REQUIRE(req != NULL);
	CHECK_EQ(r->calls, 0); /* deferred, even for literals */
	run_for(loop, 10);
	CHECK_MSG(!guard_hit, "no answer for %s within 10 s", host);
	CHECK_EQ(r->calls, 1);
}

static const char *ip_of(const wm_resolve_addr_t *a, char *buf, size_t cap)
{
	if (!wm_addr_ip(&a->addr.sa, buf, cap)) {
		snprintf(buf, cap, "?");
	}
	return buf;
}

TEST(resolve_numeric_literals_without_traffic)
{
	wm_loop_t *loop = wm_loop_new();
	fake_dns_t d;
	fake_dns_in_loop(&d, loop, 0);
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	result_t r;
	char ip[64];

	resolve_wait(loop, "192.0.2.1", "80", AF_UNSPEC, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	REQUIRE_EQ(r.n, 1);
	CHECK_EQ(r.addrs[0].addr.sa.sa_family, AF_INET);
	CHECK_EQ(r.addrs[0].len, sizeof(struct sockaddr_in));
	CHECK_STR_EQ(ip_of(&r.addrs[0], ip, sizeof(ip)), "192.0.2.1");
	CHECK_EQ(wm_addr_port(&r.addrs[0].addr.sa), 80);

	resolve_wait(loop, "::1", "443", AF_UNSPEC, 0, &r); /* socktype 0: still one address */
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	REQUIRE_EQ(r.n, 1);
	CHECK_EQ(r.addrs[0].addr.sa.sa_family, AF_INET6);
	CHECK_EQ(r.addrs[0].len, sizeof(struct sockaddr_in6));
	CHECK_STR_EQ(ip_of(&r.addrs[0], ip, sizeof(ip)), "::1");
	CHECK_EQ(wm_addr_port(&r.addrs[0].addr.sa), 443);

	resolve_wait(loop, "2001:db8::1", "http", AF_INET6, SOCK_STREAM, &r); /* service name */
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	CHECK_EQ(wm_addr_port(&r.addrs[0].addr.sa), 80);

	/* A literal of the other family is not sent to DNS as a name. */
	resolve_wait(loop, "::1", "1", AF_INET, 0, &r);
	CHECK_EQ(r.err, WM_RESOLVE_ENODATA);
	resolve_wait(loop, "192.0.2.1", "1", AF_INET6, 0, &r);
	CHECK_EQ(r.err, WM_RESOLVE_ENODATA);
	resolve_wait(loop, "1:2:3", "1", AF_UNSPEC, 0, &r);
	CHECK_EQ(r.err, WM_RESOLVE_ENONAME);

	/* Bad arguments also answer through the loop. */
	resolve_wait(loop, "", "80", AF_UNSPEC, 0, &r);
	CHECK_EQ(r.err, WM_RESOLVE_EINVAL);
	resolve_wait(loop, "192.0.2.1", "80", AF_UNIX, 0, &r);
	CHECK_EQ(r.err, WM_RESOLVE_EINVAL);
	resolve_wait(loop, "192.0.2.1", "no-such-service-x", AF_UNSPEC, 0, &r);
	CHECK_EQ(r.err, WM_RESOLVE_ESERVICE);
	resolve_wait(loop, "192.0.2.1", "65536", AF_UNSPEC, 0, &r);
	CHECK_EQ(r.err, WM_RESOLVE_ESERVICE);

	CHECK_EQ(d.queries, 0);
	CHECK(wm_resolve_start(loop, "192.0.2.1", "1", AF_INET, 0, NULL, NULL) == NULL);
	fake_dns_close(&d);
	wm_loop_free(loop);
}

TEST(resolve_localhost_from_hosts_file)
{
	/* The system configuration (resolv.conf names an unreachable server here): localhost
	 * comes from /etc/hosts without a query. */
	wm_loop_t *loop = wm_loop_new();
	result_t r;
	char ip[64];
	double t0 = now();
	resolve_wait(loop, "localhost", "8080", AF_INET, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	REQUIRE_GE(r.n, 1);
	CHECK_STR_EQ(ip_of(&r.addrs[0], ip, sizeof(ip)), "127.0.0.1");
	CHECK_EQ(wm_addr_port(&r.addrs[0].addr.sa), 8080);
	CHECK_MSG(r.at - t0 < 0.5, "took %.3fs", r.at - t0);
	wm_loop_free(loop);

	/* With a nameserver set, /etc/hosts still answers first. */
	loop = wm_loop_new();
	fake_dns_t d;
	fake_dns_in_loop(&d, loop, 0);
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	resolve_wait(loop, "LocalHost", NULL, AF_UNSPEC, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	REQUIRE_GE(r.n, 1);
	CHECK_EQ(wm_addr_port(&r.addrs[0].addr.sa), 0);
	CHECK_EQ(d.queries, 0);
	fake_dns_close(&d);
	wm_loop_free(loop);
}

TEST(resolve_names_from_fake_server)
{
	wm_loop_t *loop = wm_loop_new();
	fake_dns_t d;
	fake_dns_in_loop(&d, loop, 0);
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	result_t r;
	char ip[64];

	resolve_wait(loop, "found.test", "7000", AF_INET, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	REQUIRE_EQ(r.n, 1);
	CHECK_STR_EQ(ip_of(&r.addrs[0], ip, sizeof(ip)), "192.0.2.7");
	CHECK_EQ(wm_addr_port(&r.addrs[0].addr.sa), 7000);
	CHECK_GE(d.queries, 1);

	resolve_wait(loop, "FOUND.test", "7001", AF_INET6, SOCK_DGRAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	REQUIRE_EQ(r.n, 1);
	CHECK_STR_EQ(ip_of(&r.addrs[0], ip, sizeof(ip)), "2001:db8::7");
	CHECK_EQ(wm_addr_port(&r.addrs[0].addr.sa), 7001);

	/* Both families, IPv4 first; socktype 0 gives no duplicates. */
	resolve_wait(loop, "found.test", "7002", AF_UNSPEC, 0, &r);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	REQUIRE_EQ(r.n, 2);
	CHECK_STR_EQ(ip_of(&r.addrs[0], ip, sizeof(ip)), "192.0.2.7");
	CHECK_STR_EQ(ip_of(&r.addrs[1], ip, sizeof(ip)), "2001:db8::7");

	/* A name with only an A record: AF_UNSPEC still gets it, AF_INET6 gets ENODATA. */
	resolve_wait(loop, "v4only.test", "1", AF_UNSPEC, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	REQUIRE_EQ(r.n, 1);
	CHECK_STR_EQ(ip_of(&r.addrs[0], ip, sizeof(ip)), "192.0.2.8");
	/* evdns_getaddrinfo reports "no records" (NOERROR, empty) as a failure, like a
	 * SERVFAIL: ENODATA is only known for literals and hosts entries. */
	resolve_wait(loop, "v4only.test", "1", AF_INET6, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_EFAIL);
	resolve_wait(loop, "nodata.test", "1", AF_INET, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_EFAIL);

	/* NXDOMAIN. */
	resolve_wait(loop, "does-not-exist.test", "80", AF_UNSPEC, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_ENONAME);
	CHECK_STR_EQ(wm_resolve_strerror(r.err), "no such host");
	resolve_wait(loop, "does-not-exist.test", "80", AF_INET, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_ENONAME);

	fake_dns_close(&d);
	wm_loop_free(loop);
}

TEST(resolve_timeout_is_bounded)
{
	wm_loop_t *loop = wm_loop_new();
	fake_dns_t d;
	fake_dns_in_loop(&d, loop, 1); /* never answers */
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	REQUIRE_EQ(wm_resolve_set_timeout(loop, 1.0), WM_OK);
	result_t r;
	double t0 = now();
	resolve_wait(loop, "slow.test", "80", AF_UNSPEC, SOCK_STREAM, &r);
	double dt = r.at - t0;
	CHECK_EQ(r.err, WM_RESOLVE_ETIMEDOUT);
	CHECK_MSG(dt >= 0.9 && dt < 2.0, "timed out after %.3fs, expected about 1 s", dt);
	/* The queries did reach the silent server. */
	unsigned char buf[512];
	CHECK(recv(d.fd, buf, sizeof(buf), MSG_DONTWAIT) > 0);
	fake_dns_close(&d);
	wm_loop_free(loop);
}

typedef struct ticker {
	int ticks;
	int cancel_at;
	wm_resolve_t *req;
} ticker_t;

static void ticker_cb(wm_watch_t *w, int what)
{
	ticker_t *t = w->data;
	(void)what;
	t->ticks++;
	if (t->ticks == t->cancel_at) {
		wm_resolve_cancel(t->req);
		t->req = NULL;
		wm_loop_stop(w->loop);
	}
}

TEST(resolve_does_not_block_the_loop)
{
	wm_loop_t *loop = wm_loop_new();
	fake_dns_t d;
	fake_dns_in_loop(&d, loop, 1);
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	result_t r;
	memset(&r, 0, sizeof(r));
	ticker_t t = {0, 10, NULL};
	double t0 = now();
	t.req = wm_resolve_start(loop, "slow.test", "80", AF_UNSPEC, SOCK_STREAM, result_cb, &r);
	REQUIRE(t.req != NULL);
	wm_watch_t *tw = wm_watch_timer(loop, 0.02, 1, ticker_cb, &t);
	REQUIRE(tw != NULL);
	run_for(loop, 5);
	double dt = now() - t0;
	CHECK(!guard_hit);
	CHECK_EQ(t.ticks, 10); /* a timer kept firing while the query was outstanding */
	CHECK_MSG(dt < 1.0, "10 ticks of 20 ms took %.3fs", dt);
	CHECK_EQ(r.calls, 0);  /* cancelled at the 10th tick: no callback */
	wm_watch_free(tw);
	/* Nothing is left: the loop returns by itself (the cancel completes inside evdns). */
	run_for(loop, 0.3);
	CHECK_EQ(r.calls, 0);
	fake_dns_close(&d);
	wm_loop_free(loop);
}

TEST(resolve_cancel_before_answer)
{
	wm_loop_t *loop = wm_loop_new();
	fake_dns_t d;
	fake_dns_in_loop(&d, loop, 0);
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	result_t r1, r2, r3;
	memset(&r1, 0, sizeof(r1));
	memset(&r2, 0, sizeof(r2));
	memset(&r3, 0, sizeof(r3));

	/* A query in flight, a literal waiting for its deferred answer, a hosts entry. */
	wm_resolve_t *a = wm_resolve_start(loop, "found.test", "80", AF_UNSPEC, 0, result_cb, &r1);
	wm_resolve_t *b = wm_resolve_start(loop, "192.0.2.1", "80", AF_UNSPEC, 0, result_cb, &r2);
	wm_resolve_t *c = wm_resolve_start(loop, "localhost", "80", AF_UNSPEC, 0, result_cb, &r3);
	REQUIRE(a && b && c);
	wm_resolve_cancel(a);
	wm_resolve_cancel(b);
	wm_resolve_cancel(c);
	wm_resolve_cancel(NULL);
	run_for(loop, 0.5);
	CHECK_EQ(r1.calls, 0);
	CHECK_EQ(r2.calls, 0);
	CHECK_EQ(r3.calls, 0);

	/* The resolver still works afterwards. */
	result_t r;
	resolve_wait(loop, "found.test", "80", AF_INET, 0, &r);
	CHECK_EQ(r.err, WM_RESOLVE_OK);

	/* Cancelled, then the loop freed before evdns reported the cancel: no leak (the
	 * sanitizer checks at exit). */
	a = wm_resolve_start(loop, "found.test", "80", AF_UNSPEC, 0, result_cb, &r1);
	REQUIRE(a != NULL);
	wm_resolve_cancel(a);
	fake_dns_close(&d);
	wm_loop_free(loop);
	CHECK_EQ(r1.calls, 0);
}

typedef struct chain {
	int calls;
	int err;
	wm_resolve_t *self;
	wm_loop_t *loop;
} chain_t;

static void chain_cb(int err, const wm_resolve_addr_t *addrs, size_t n, void *arg)
{
	chain_t *c = arg;
	(void)addrs;
	(void)n;
	c->calls++;
	c->err = err;
	wm_resolve_cancel(c->self); /* a no-op inside its own callback */
	if (c->calls == 1) {
		/* Start the next request from inside a callback. */
		c->self = wm_resolve_start(c->loop, "does-not-exist.test", "1", AF_INET, 0, chain_cb, c);
		CHECK(c->self != NULL);
	} else {
		wm_loop_stop(c->loop);
	}
}

TEST(resolve_reentrant_callbacks)
{
	wm_loop_t *loop = wm_loop_new();
	fake_dns_t d;
	fake_dns_in_loop(&d, loop, 0);
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	chain_t c = {0, 0, NULL, loop};
	c.self = wm_resolve_start(loop, "found.test", "1", AF_INET, 0, chain_cb, &c);
	REQUIRE(c.self != NULL);
	run_for(loop, 5);
	CHECK(!guard_hit);
	CHECK_EQ(c.calls, 2);
	CHECK_EQ(c.err, WM_RESOLVE_ENONAME);
	fake_dns_close(&d);
	wm_loop_free(loop);
}

TEST(resolve_outstanding_at_loop_free)
{
	wm_loop_t *loop = wm_loop_new();
	fake_dns_t d;
	fake_dns_in_loop(&d, loop, 1);
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	result_t r1, r2;
	memset(&r1, 0, sizeof(r1));
	memset(&r2, 0, sizeof(r2));
	REQUIRE(wm_resolve_start(loop, "slow.test", "80", AF_UNSPEC, 0, result_cb, &r1) != NULL);
	REQUIRE(wm_resolve_start(loop, "192.0.2.1", "80", AF_UNSPEC, 0, result_cb, &r2) != NULL);
	run_for(loop, 0.1); /* r2 answered, r1 in flight */
	CHECK_EQ(r2.calls, 1);
	CHECK_EQ(r1.calls, 0);
	wm_loop_free(loop);
	CHECK_EQ(r1.calls, 1);
	CHECK_EQ(r1.err, WM_RESOLVE_ECANCELED);
	CHECK_EQ(r2.calls, 1);
	fake_dns_close(&d);
}

TEST(resolve_idle_resolver_keeps_nothing_alive)
{
	fake_dns_t d;
	fake_dns_forked(&d);
	wm_loop_t *loop = wm_loop_new();
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	result_t r;
	memset(&r, 0, sizeof(r));
	double t0 = now();
	REQUIRE(wm_resolve_start(loop, "found.test", "80", AF_UNSPEC, 0, result_cb, &r) != NULL);
	/* No watcher besides the query: wm_loop_run returns once it is answered. */
	CHECK_EQ(wm_loop_run(loop), 0);
	CHECK_EQ(r.calls, 1);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	CHECK_MSG(now() - t0 < 3.0, "the loop ran %.3fs", now() - t0);
	wm_loop_free(loop);
	fake_dns_close(&d);
}

TEST(resolve_after_fork_uses_a_fresh_base)
{
	fake_dns_t good, silent;
	fake_dns_forked(&good);
	fake_dns_open(&silent, 1);
	wm_loop_t *loop = wm_loop_new();
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, silent.ns), WM_OK);
	REQUIRE_EQ(wm_resolve_set_timeout(loop, 1.0), WM_OK);
	result_t r;
	memset(&r, 0, sizeof(r));
	/* An evdns base with a query in flight when the process forks. */
	REQUIRE(wm_resolve_start(loop, "slow.test", "80", AF_UNSPEC, 0, result_cb, &r) != NULL);
	run_for(loop, 0.1);
	REQUIRE_EQ(r.calls, 0);

	pid_t pid = wm_proc_fork(loop);
	REQUIRE(pid >= 0);
	if (pid == 0) {
		/* The child: the inherited request ended with ECANCELED in wm_loop_reset_after_fork;
		 * a new request gets a fresh base (with the inherited settings, here replaced). */
		wm_proc_signals_unblock();
		int ok = r.calls == 1 && r.err == WM_RESOLVE_ECANCELED;
		ok = ok && wm_resolve_set_nameserver(loop, good.ns) == WM_OK;
		result_t c;
		memset(&c, 0, sizeof(c));
		c.stop = 1;
		c.loop = loop;
		ok = ok && wm_resolve_start(loop, "found.test", "80", AF_INET, 0, result_cb, &c) != NULL;
		run_for(loop, 5);
		ok = ok && c.calls == 1 && c.err == WM_RESOLVE_OK;
		wm_loop_free(loop);
		close(silent.fd);
		exit(ok ? 0 : 1); /* exit(): the sanitizer checks the child for leaks too */
	}
	/* The parent's request is untouched: it times out as configured. */
	r.stop = 1;
	r.loop = loop;
	run_for(loop, 5);
	CHECK_EQ(r.calls, 1);
	CHECK_EQ(r.err, WM_RESOLVE_ETIMEDOUT);
	int st = 0;
	REQUIRE(waitpid(pid, &st, 0) == pid);
	CHECK_MSG(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child status %d", st);
	wm_loop_free(loop);
	fake_dns_close(&silent);
	fake_dns_close(&good);
}

TEST(resolve_one_family_unanswered)
{
	/* AF_UNSPEC, the AAAA query never answered: evdns reports the A answer after its
	 * allowed skew (a quarter of the timeout) and cancels the other query inside; the loop
	 * is freed right after, with that cancel still queued in evdns. */
	wm_loop_t *loop = wm_loop_new();
	fake_dns_t d;
	fake_dns_in_loop(&d, loop, 0);
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, d.ns), WM_OK);
	REQUIRE_EQ(wm_resolve_set_timeout(loop, 1.0), WM_OK);
	result_t r;
	char ip[64];
	double t0 = now();
	resolve_wait(loop, "noaaaa.test", "80", AF_UNSPEC, SOCK_STREAM, &r);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	REQUIRE_EQ(r.n, 1);
	CHECK_STR_EQ(ip_of(&r.addrs[0], ip, sizeof(ip)), "192.0.2.9");
	CHECK_MSG(r.at - t0 < 0.9, "answered after %.3fs, before the 1 s timeout expected", r.at - t0);
	fake_dns_close(&d);
	wm_loop_free(loop);
}

TEST(resolve_nameserver_switch_moves_queries_in_flight)
{
	wm_loop_t *loop = wm_loop_new();
	fake_dns_t silent, good;
	fake_dns_in_loop(&silent, loop, 1);
	fake_dns_in_loop(&good, loop, 0);
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, silent.ns), WM_OK);
	result_t r;
	memset(&r, 0, sizeof(r));
	r.stop = 1;
	r.loop = loop;
	REQUIRE(wm_resolve_start(loop, "found.test", "80", AF_INET, 0, result_cb, &r) != NULL);
	run_for(loop, 0.1);
	REQUIRE_EQ(r.calls, 0); /* asked the silent one */
	REQUIRE_EQ(wm_resolve_set_nameserver(loop, good.ns), WM_OK);
	run_for(loop, 5);
	CHECK_EQ(r.calls, 1);
	CHECK_EQ(r.err, WM_RESOLVE_OK);
	CHECK_GE(good.queries, 1);
	fake_dns_close(&silent);
	fake_dns_close(&good);
	wm_loop_free(loop);
}

TEST(resolve_settings)
{
	wm_loop_t *loop = wm_loop_new();
	CHECK_EQ(wm_resolve_set_nameserver(loop, "not an address"), WM_ERR_ADDR);
	CHECK_EQ(wm_resolve_set_nameserver(loop, NULL), WM_ERR_ADDR);
	CHECK_EQ(wm_resolve_set_nameserver(loop, "[::1]:5353"), WM_OK);
	CHECK_EQ(wm_resolve_set_nameserver(loop, "127.0.0.1"), WM_OK);
	CHECK_EQ(wm_resolve_set_timeout(loop, 0), WM_ERR);
	CHECK_EQ(wm_resolve_set_timeout(loop, -1), WM_ERR);
	CHECK_EQ(wm_resolve_set_timeout(loop, 2.5), WM_OK);
	CHECK(strcmp(wm_resolve_strerror(WM_RESOLVE_ETIMEDOUT), wm_resolve_strerror(12345)) != 0);
	wm_loop_free(loop);
}
