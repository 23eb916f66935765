/* wm_listen_probe: can an address be bound, without keeping it bound. Real sockets on
 * 127.0.0.1 (port 0 picks a free port). */
#include "wm_test.h"

#include "src/net/wm_addr.h"
#include "src/net/wm_listen.h"
#include "src/wm_core.h"

/* A free port: bind port 0, read what the kernel chose, close. */
static int free_port(void)
{
	wm_sockaddr_t a;
	socklen_t alen;
	if (wm_addr_parse_inet("127.0.0.1:0", &a, &alen) != WM_OK) {
		return -1;
	}
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, &a.sa, alen) < 0) {
		return -1;
	}
	socklen_t len = sizeof(a);
	getsockname(fd, &a.sa, &len);
	close(fd);
	return wm_addr_port(&a.sa);
}

static void addr_of(int port, wm_sockaddr_t *a, socklen_t *alen)
{
	char s[32];
	snprintf(s, sizeof(s), "127.0.0.1:%d", port);
	if (wm_addr_parse_inet(s, a, alen) != WM_OK) {
		abort();
	}
}

/* The lowest free descriptor number: equal before and after means no fd leaked. */
static int next_fd(void)
{
	int fd = dup(0);
	close(fd);
	return fd;
}

static int listener(const wm_sockaddr_t *a, socklen_t alen, int reuse_port)
{
	wm_listen_opts_t o = {16, reuse_port, -1};
	return wm_listen_stream(a, alen, &o);
}

TEST(probe_free_port_leaves_nothing_bound)
{
	int port = free_port();
	REQUIRE(port > 0);
	wm_sockaddr_t a;
	socklen_t alen;
	addr_of(port, &a, &alen);
	int before = next_fd();
	errno = 0;
	CHECK_EQ(wm_listen_probe(&a, alen), WM_OK);
	CHECK_EQ(next_fd(), before);
	/* Probing twice is fine, and a plain listener (no SO_REUSEPORT) still gets the port:
	 * the probe did not keep it. */
	CHECK_EQ(wm_listen_probe(&a, alen), WM_OK);
	int l = listener(&a, alen, 0);
	CHECK(l >= 0);
	if (l >= 0) {
		close(l);
	}
}

TEST(probe_port_in_use_says_eaddrinuse)
{
	wm_sockaddr_t a;
	socklen_t alen;
	addr_of(0, &a, &alen);
	int l = listener(&a, alen, 0);
	REQUIRE(l >= 0);
	socklen_t len = sizeof(a);
	getsockname(l, &a.sa, &len);
	int before = next_fd();
	errno = 0;
	CHECK_EQ(wm_listen_probe(&a, len), WM_ERR);
	CHECK_EQ(errno, EADDRINUSE);
	CHECK_EQ(next_fd(), before); /* the probe's socket is closed on failure too */
	close(l);
	/* Once the listener is gone the port is free again. */
	CHECK_EQ(wm_listen_probe(&a, len), WM_OK);
}

TEST(probe_reuse_port_listener_allows_another)
{
	/* A reusePort Worker's processes each bind the same port with SO_REUSEPORT: the probe
	 * (which sets it too) must not refuse a port held that way by this user. */
	wm_sockaddr_t a;
	socklen_t alen;
	addr_of(0, &a, &alen);
	int l = listener(&a, alen, 1);
	REQUIRE(l >= 0);
	socklen_t len = sizeof(a);
	getsockname(l, &a.sa, &len);
	CHECK_EQ(wm_listen_probe(&a, len), WM_OK);
	close(l);
}

TEST(probe_address_not_local)
{
	wm_sockaddr_t a;
	socklen_t alen;
	REQUIRE_EQ(wm_addr_parse_inet("192.0.2.1:0", &a, &alen), WM_OK); /* TEST-NET-1 */
	errno = 0;
	CHECK_EQ(wm_listen_probe(&a, alen), WM_ERR);
	CHECK_EQ(errno, EADDRNOTAVAIL);
}
