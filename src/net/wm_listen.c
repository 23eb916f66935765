/* Listening sockets. */
#include "src/net/wm_listen.h"
#include "src/wm_core.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int unix_path_is_stale(const wm_sockaddr_t *addr, socklen_t addrlen)
{
	struct stat st;
	/* Only ever replace a socket: connect() also says ECONNREFUSED for a regular file. */
	if (lstat(addr->un.sun_path, &st) < 0 || !S_ISSOCK(st.st_mode)) {
		return 0;
	}
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		return 0;
	}
	int refused = connect(fd, &addr->sa, addrlen) < 0 && errno == ECONNREFUSED;
	close(fd);
	return refused;
}

/* SO_REUSEADDR, SO_REUSEPORT (when asked) and IPV6_V6ONLY (when set) on an inet socket. */
static void set_inet_opts(int fd, int family, const wm_listen_opts_t *opts)
{
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (opts->reuse_port) {
		setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	}
	if (family == AF_INET6 && opts->ipv6_v6only >= 0) {
		int v = opts->ipv6_v6only;
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v, sizeof(v));
	}
}

int wm_listen_stream(const wm_sockaddr_t *addr, socklen_t addrlen, const wm_listen_opts_t *opts)
{
	int family = addr->sa.sa_family;
	int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		return -1;
	}
	if (family != AF_UNIX) {
		set_inet_opts(fd, family, opts);
	}
	if (bind(fd, &addr->sa, addrlen) < 0) {
		if (family == AF_UNIX && errno == EADDRINUSE && unix_path_is_stale(addr, addrlen)) {
			unlink(addr->un.sun_path);
			if (bind(fd, &addr->sa, addrlen) == 0) {
				goto bound;
			}
		}
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
bound:
	if (listen(fd, opts->backlog > 0 ? opts->backlog : 511) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int wm_listen_dgram(const wm_sockaddr_t *addr, socklen_t addrlen, const wm_listen_opts_t *opts)
{
	int family = addr->sa.sa_family;
	if (family != AF_INET && family != AF_INET6) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	int fd = socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		return -1;
	}
	set_inet_opts(fd, family, opts);
	if (bind(fd, &addr->sa, addrlen) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

static int probe(const wm_sockaddr_t *addr, socklen_t addrlen, int socktype)
{
	int fd = socket(addr->sa.sa_family, socktype | SOCK_CLOEXEC, 0);
	int one = 1;
	if (fd < 0) {
		return WM_OK; /* cannot tell: the real listen reports it */
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	int rc = bind(fd, &addr->sa, addrlen);
	int e = errno;
	close(fd);
	if (rc < 0) {
		errno = e;
		return WM_ERR;
	}
	return WM_OK;
}

int wm_listen_probe(const wm_sockaddr_t *addr, socklen_t addrlen)
{
	return probe(addr, addrlen, SOCK_STREAM);
}

int wm_listen_probe_dgram(const wm_sockaddr_t *addr, socklen_t addrlen)
{
	return probe(addr, addrlen, SOCK_DGRAM);
}

int wm_accept(int listen_fd, wm_inaddr_t *peer)
{
	wm_sockaddr_t sa;
	socklen_t len = sizeof(sa);
	int fd = accept4(listen_fd, &sa.sa, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd < 0) {
		return -1;
	}
	memset(peer, 0, sizeof(*peer));
	if (sa.sa.sa_family == AF_INET) {
		peer->in4 = sa.in4;
	} else if (sa.sa.sa_family == AF_INET6) {
		peer->in6 = sa.in6;
	}
	if (sa.sa.sa_family != AF_UNIX) {
		int one = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
	}
	return fd;
}
