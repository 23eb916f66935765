/* Datagram (UDP) endpoints: receive, send, connect, split into packages. */
#include "src/net/wm_dgram.h"
#include "src/wm_core.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

ssize_t wm_dgram_recv(int fd, void *buf, size_t cap, wm_inaddr_t *peer, socklen_t *peerlen)
{
	wm_sockaddr_t from;
	socklen_t fromlen;
	ssize_t n;
	do {
		fromlen = sizeof(from);
		memset(&from, 0, sizeof(from.sa));
		n = recvfrom(fd, buf, cap, MSG_DONTWAIT, &from.sa, &fromlen);
	} while (n < 0 && errno == EINTR);
	if (n < 0) {
		return -1;
	}
	int inet = fromlen > 0 && (from.sa.sa_family == AF_INET || from.sa.sa_family == AF_INET6);
	if (peer) {
		memset(peer, 0, sizeof(*peer));
		if (inet) {
			memcpy(peer, &from, fromlen < sizeof(*peer) ? fromlen : sizeof(*peer));
		}
	}
	if (peerlen) {
		*peerlen = inet ? fromlen : 0;
	}
	return n;
}

ssize_t wm_dgram_sendv(int fd, const struct iovec *iov, int iovcnt, const struct sockaddr *to, socklen_t tolen)
{
	struct msghdr mh;
	memset(&mh, 0, sizeof(mh));
	mh.msg_name = (void *)to;
	mh.msg_namelen = to ? tolen : 0;
	mh.msg_iov = (struct iovec *)iov;
	mh.msg_iovlen = (size_t)iovcnt;
	ssize_t n;
	do {
		n = sendmsg(fd, &mh, MSG_DONTWAIT | MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	return n;
}

int wm_dgram_connect(const struct sockaddr *to, socklen_t tolen)
{
	int fd = socket(to->sa_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		return -1;
	}
	int rc;
	do {
		rc = connect(fd, to, tolen);
	} while (rc < 0 && errno == EINTR);
	if (rc < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int wm_dgram_split(const char *data, size_t len, wm_dgram_input_fn input, wm_dgram_package_fn package,
		void *arg)
{
	while (len > 0) {
		int64_t n = input(arg, data, len);
		if (n == 0) {
			return WM_DGRAM_INCOMPLETE;
		}
		if (n < 0) {
			return n == WM_DGRAM_STOP ? WM_DGRAM_STOP : WM_DGRAM_BAD;
		}
		size_t take = (uint64_t)n < (uint64_t)len ? (size_t)n : len;
		if (package(arg, data, take) != 0) {
			return WM_DGRAM_STOP;
		}
		data += take;
		len -= take;
	}
	return WM_DGRAM_DONE;
}
