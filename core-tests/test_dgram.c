/* Datagram endpoints (src/net/wm_dgram, wm_listen_dgram): real UDP sockets on 127.0.0.1,
 * and the splitting of a datagram into packages. */
#include "wm_test.h"

#include "src/net/wm_addr.h"
#include "src/net/wm_dgram.h"
#include "src/net/wm_listen.h"
#include "src/proto/wm_text.h"
#include "src/wm_core.h"

#include <poll.h>
#include <sys/socket.h>

static int bound_server(wm_sockaddr_t *a, socklen_t *alen)
{
	if (wm_addr_parse_inet("127.0.0.1:0", a, alen) != WM_OK) {
		return -1;
	}
	wm_listen_opts_t o = {0, 0, -1};
	int fd = wm_listen_dgram(a, *alen, &o);
	if (fd >= 0) {
		*alen = sizeof(*a);
		getsockname(fd, &a->sa, alen);
	}
	return fd;
}

/* A bound server socket and a client connected to it. */
static int pair(int *srv, int *cli)
{
	wm_sockaddr_t a;
	socklen_t alen;
	*srv = bound_server(&a, &alen);
	*cli = *srv >= 0 ? wm_dgram_connect(&a.sa, alen) : -1;
	return *srv >= 0 && *cli >= 0;
}

static int readable(int fd)
{
	struct pollfd p = {fd, POLLIN, 0};
	return poll(&p, 1, 2000) == 1;
}

TEST(bind_recv_reply_roundtrip)
{
	int srv, cli;
	REQUIRE(pair(&srv, &cli));
	struct iovec iov[2] = {{(void *)"hel", 3}, {(void *)"lo", 2}};
	CHECK_EQ(wm_dgram_sendv(cli, iov, 2, NULL, 0), 5);
	REQUIRE(readable(srv));
	char buf[WM_DGRAM_MAX];
	wm_inaddr_t peer;
	socklen_t plen;
	ssize_t n = wm_dgram_recv(srv, buf, sizeof(buf), &peer, &plen);
	CHECK_EQ(n, 5);
	CHECK(memcmp(buf, "hello", 5) == 0);
	CHECK_EQ(plen, (socklen_t)sizeof(struct sockaddr_in));
	wm_sockaddr_t me;
	socklen_t melen = sizeof(me);
	getsockname(cli, &me.sa, &melen);
	CHECK_EQ(wm_addr_port(&peer.sa), wm_addr_port(&me.sa));
	/* answer to the peer it came from */
	struct iovec r = {(void *)"ok", 2};
	CHECK_EQ(wm_dgram_sendv(srv, &r, 1, &peer.sa, plen), 2);
	REQUIRE(readable(cli));
	CHECK_EQ(wm_dgram_recv(cli, buf, sizeof(buf), NULL, NULL), 2);
	/* nothing more pending */
	errno = 0;
	CHECK_EQ(wm_dgram_recv(srv, buf, sizeof(buf), &peer, &plen), -1);
	CHECK(errno == EAGAIN || errno == EWOULDBLOCK);
	close(cli);
	close(srv);
}

TEST(empty_datagram_is_length_zero)
{
	int srv, cli;
	REQUIRE(pair(&srv, &cli));
	struct iovec iov = {(void *)"", 0};
	CHECK_EQ(wm_dgram_sendv(cli, &iov, 1, NULL, 0), 0);
	REQUIRE(readable(srv));
	char buf[16];
	socklen_t plen = 0;
	CHECK_EQ(wm_dgram_recv(srv, buf, sizeof(buf), NULL, &plen), 0);
	CHECK(plen > 0);
	close(cli);
	close(srv);
}

TEST(long_datagram_is_cut_to_cap)
{
	int srv, cli;
	REQUIRE(pair(&srv, &cli));
	struct iovec iov = {(void *)"0123456789", 10};
	CHECK_EQ(wm_dgram_sendv(cli, &iov, 1, NULL, 0), 10);
	REQUIRE(readable(srv));
	char buf[4];
	CHECK_EQ(wm_dgram_recv(srv, buf, sizeof(buf), NULL, NULL), 4);
	CHECK(memcmp(buf, "0123", 4) == 0);
	close(cli);
	close(srv);
}

TEST(connected_socket_reports_refused_peer)
{
	wm_sockaddr_t a;
	socklen_t alen;
	int srv = bound_server(&a, &alen);
	REQUIRE(srv >= 0);
	close(srv); /* nobody listens on that port any more */
	int cli = wm_dgram_connect(&a.sa, alen);
	REQUIRE(cli >= 0);
	struct iovec iov = {(void *)"x", 1};
	CHECK_EQ(wm_dgram_sendv(cli, &iov, 1, NULL, 0), 1);
	/* the ICMP port unreachable comes back as an error on the socket */
	REQUIRE(readable(cli));
	char buf[8];
	errno = 0;
	CHECK_EQ(wm_dgram_recv(cli, buf, sizeof(buf), NULL, NULL), -1);
	CHECK_EQ(errno, ECONNREFUSED);
	/* consumed: nothing is pending afterwards */
	errno = 0;
	CHECK_EQ(wm_dgram_recv(cli, buf, sizeof(buf), NULL, NULL), -1);
	CHECK(errno == EAGAIN || errno == EWOULDBLOCK);
	close(cli);
}

TEST(reuse_port_binds_twice_and_probe)
{
	wm_sockaddr_t a;
	socklen_t alen;
	REQUIRE(wm_addr_parse_inet("127.0.0.1:0", &a, &alen) == WM_OK);
	wm_listen_opts_t o = {0, 1, -1};
	int s1 = wm_listen_dgram(&a, alen, &o);
	REQUIRE(s1 >= 0);
	socklen_t l = sizeof(a);
	getsockname(s1, &a.sa, &l);
	int s2 = wm_listen_dgram(&a, alen, &o);
	CHECK(s2 >= 0);
	CHECK_EQ(wm_listen_probe_dgram(&a, alen), WM_OK);
	close(s1);
	if (s2 >= 0) {
		close(s2);
	}
}

TEST(dgram_bind_refuses_unix)
{
	wm_sockaddr_t a;
	socklen_t alen;
	REQUIRE(wm_addr_parse_unix("/tmp/wm-no-such.sock", &a, &alen) == WM_OK);
	wm_listen_opts_t o = {0, 0, -1};
	errno = 0;
	CHECK_EQ(wm_listen_dgram(&a, alen, &o), -1);
	CHECK_EQ(errno, EAFNOSUPPORT);
}

/* ---- split ---- */

typedef struct split_rec {
	char got[8][16];
	int n;
	int64_t fixed;      /* input's answer when not 0 */
	int stop_at;        /* package returns 1 at this index (-1: never) */
} split_rec;

static int64_t text_input(void *arg, const char *d, size_t len)
{
	split_rec *r = arg;
	return r->fixed ? r->fixed : (int64_t)wm_text_input(d, len);
}

static int record(void *arg, const char *p, size_t len)
{
	split_rec *r = arg;
	if (r->n < 8) {
		snprintf(r->got[r->n], sizeof(r->got[0]), "%.*s", (int)len, p);
	}
	return r->n++ == r->stop_at;
}

TEST(split_two_lines_is_two_packages)
{
	split_rec r = {.stop_at = -1};
	CHECK_EQ(wm_dgram_split("a\nbc\n", 5, text_input, record, &r), WM_DGRAM_DONE);
	CHECK_EQ(r.n, 2);
	CHECK(strcmp(r.got[0], "a\n") == 0);
	CHECK(strcmp(r.got[1], "bc\n") == 0);
}

TEST(split_incomplete_tail_is_dropped)
{
	split_rec r = {.stop_at = -1};
	CHECK_EQ(wm_dgram_split("a\nbc", 4, text_input, record, &r), WM_DGRAM_INCOMPLETE);
	CHECK_EQ(r.n, 1);
	r.n = 0;
	CHECK_EQ(wm_dgram_split("abc", 3, text_input, record, &r), WM_DGRAM_INCOMPLETE);
	CHECK_EQ(r.n, 0);
}

TEST(split_empty_datagram_has_no_package)
{
	split_rec r = {.stop_at = -1};
	CHECK_EQ(wm_dgram_split("", 0, text_input, record, &r), WM_DGRAM_DONE);
	CHECK_EQ(r.n, 0);
}

TEST(split_length_past_the_end_takes_the_rest)
{
	split_rec r = {.stop_at = -1, .fixed = 1000};
	CHECK_EQ(wm_dgram_split("abc", 3, text_input, record, &r), WM_DGRAM_DONE);
	CHECK_EQ(r.n, 1);
	CHECK(strcmp(r.got[0], "abc") == 0);
	r = (split_rec){.stop_at = -1, .fixed = 2};
	CHECK_EQ(wm_dgram_split("abcde", 5, text_input, record, &r), WM_DGRAM_DONE);
	CHECK_EQ(r.n, 3);
	CHECK(strcmp(r.got[2], "e") == 0);
}

TEST(split_bad_length_and_stop)
{
	split_rec r = {.stop_at = -1, .fixed = -7};
	CHECK_EQ(wm_dgram_split("abc", 3, text_input, record, &r), WM_DGRAM_BAD);
	CHECK_EQ(r.n, 0);
	r = (split_rec){.stop_at = -1, .fixed = WM_DGRAM_STOP};
	CHECK_EQ(wm_dgram_split("abc", 3, text_input, record, &r), WM_DGRAM_STOP);
	r = (split_rec){.stop_at = 0};
	CHECK_EQ(wm_dgram_split("a\nb\n", 4, text_input, record, &r), WM_DGRAM_STOP);
	CHECK_EQ(r.n, 1);
}
