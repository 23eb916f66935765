/* How a stream connection's bytes travel: a const vtable the connection (src/net/wm_conn)
 * calls for every read, write and close, so that the read/write loop is the same for plain
 * sockets, pipes/files and (later) TLS. One implementation per file:
 *   wm_transport_plain.c  wm_transport_plain (sockets) and wm_transport_fd (pipes, files,
 *                         ttys: `new TcpConnection($pipeStream)`)
 *   wm_transport_tls.c    OpenSSL (src/net/wm_tls.h); its handshake step runs before on_connect
 * A transport keeps its per-connection state in wm_conn_aux(c)->transport_state (NULL for
 * plain ones).
 *
 * Datagrams are not stream connections and do not go through this interface: a UDP endpoint
 * (src/net/wm_dgram.[ch]) owns one socket, receives with recvfrom, hands
 * each datagram to the protocol vtable and answers with sendto; it never becomes a wm_conn. */
#ifndef WM_NET_WM_TRANSPORT_H
#define WM_NET_WM_TRANSPORT_H

#include <sys/types.h>
#include <sys/uio.h>

struct wm_conn;

/* Results of a handshake step. */
enum {
	WM_HANDSHAKE_DONE = 0,
	WM_HANDSHAKE_WANT_READ = 1,  /* call again once the fd is readable */
	WM_HANDSHAKE_WANT_WRITE = 2, /* call again once the fd is writable */
	WM_HANDSHAKE_ERROR = -1,     /* errno says why */
};

typedef struct wm_transport {
	const char *name;
	/* Read up to len bytes into buf: > 0 bytes read, 0 the peer closed, -1 with errno
	 * (EAGAIN/EWOULDBLOCK: nothing now; EINTR: call again). */
	ssize_t (*read)(struct wm_conn *c, void *buf, size_t len);
	/* Write the concatenation of iov (iovcnt >= 1): bytes taken (maybe fewer), or -1 with
	 * errno as for read. Never raises SIGPIPE. */
	ssize_t (*writev)(struct wm_conn *c, const struct iovec *iov, int iovcnt);
	/* Shut down the write side once everything was written. Returns 0 or -1 with errno. */
	int (*shutdown)(struct wm_conn *c);
	/* Release the transport state and the fd (unless c->keep_fd). Called once. */
	void (*close)(struct wm_conn *c);
	/* Optional (NULL: none): one non-blocking step of a handshake that must finish before
	 * the connection reports that it is connected. Returns WM_HANDSHAKE_*. */
	int (*handshake)(struct wm_conn *c);
	/* Optional: bytes already decrypted/buffered inside the transport, which no read event
	 * will announce (the connection reads again while reading is wanted). */
	size_t (*pending)(struct wm_conn *c);
} wm_transport_t;

/* Sockets: read(); write()/writev() when loop->sigpipe_ignored, else sendmsg(MSG_NOSIGNAL). */
extern const wm_transport_t wm_transport_plain;
/* Pipes, FIFOs, files, ttys: read()/write()/writev() (no socket calls). */
extern const wm_transport_t wm_transport_fd;

/* The transport for an fd of unknown kind (one fstat): plain for sockets, fd otherwise. */
const wm_transport_t *wm_transport_for_fd(int fd);

#endif
