/* The transports without state of their own: sockets and other fds (pipes, files). */
#include "src/net/wm_transport.h"
#include "src/net/wm_conn.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static ssize_t fd_read(wm_conn_t *c, void *buf, size_t len)
{
	return read(c->fd, buf, len);
}

static ssize_t fd_writev(wm_conn_t *c, const struct iovec *iov, int iovcnt)
{
	return iovcnt == 1 ? write(c->fd, iov[0].iov_base, iov[0].iov_len) : writev(c->fd, iov, iovcnt);
}

static void fd_close(wm_conn_t *c)
{
	if (c->fd >= 0 && !c->keep_fd) {
		close(c->fd);
	}
}

static int fd_shutdown(wm_conn_t *c)
{
	(void)c;
	errno = ENOTSOCK; /* a pipe has no half-close short of closing it */
	return -1;
}

static ssize_t sock_writev(wm_conn_t *c, const struct iovec *iov, int iovcnt)
{
	/* write()/writev() cost the kernel less than sendmsg(); they are safe on sockets once
	 * the process ignores SIGPIPE (the embedder says so with loop->sigpipe_ignored). */
	if (c->loop->sigpipe_ignored) {
		return fd_writev(c, iov, iovcnt);
	}
	struct msghdr msg;
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = (struct iovec *)iov;
	msg.msg_iovlen = (size_t)iovcnt;
	return sendmsg(c->fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
}

static int sock_shutdown(wm_conn_t *c)
{
	return shutdown(c->fd, SHUT_WR);
}

const wm_transport_t wm_transport_plain = {
	.name = "plain",
	.read = fd_read,
	.writev = sock_writev,
	.shutdown = sock_shutdown,
	.close = fd_close,
	.handshake = NULL,
};

const wm_transport_t wm_transport_fd = {
	.name = "fd",
	.read = fd_read,
	.writev = fd_writev,
	.shutdown = fd_shutdown,
	.close = fd_close,
	.handshake = NULL,
};

const wm_transport_t *wm_transport_for_fd(int fd)
{
	struct stat st;
	if (fstat(fd, &st) == 0 && !S_ISSOCK(st.st_mode)) {
		return &wm_transport_fd;
	}
	return &wm_transport_plain;
}
