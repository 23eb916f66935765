/* Datagram (UDP) endpoints: receive, send, connected client sockets, and the splitting of
 * one datagram into a protocol's packages. Datagrams never become wm_conn connections: a
 * UDP endpoint is one socket, and a "connection" above it is a view of (socket, peer).
 * Binding a server socket is wm_listen_dgram (src/net/wm_listen.h). */
#ifndef WM_NET_WM_DGRAM_H
#define WM_NET_WM_DGRAM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/uio.h>

#include "src/net/wm_addr.h"

/* The largest datagram received in one piece (Workerman's MAX_UDP_PACKAGE_SIZE). */
#define WM_DGRAM_MAX 65535

/* Receive one datagram into buf (cap bytes; a longer one is cut to cap, as recvfrom does).
 * Returns its length (0 for an empty datagram), or -1 with errno (EAGAIN: none pending;
 * ECONNREFUSED and the like: an error the kernel reported for an earlier send on a
 * connected socket, consumed by this call). peer/peerlen (either may be NULL) get the
 * sender's v4/v6 address (peerlen 0 when it had none). */
ssize_t wm_dgram_recv(int fd, void *buf, size_t cap, wm_inaddr_t *peer, socklen_t *peerlen);

/* Send the concatenation of iov as one datagram, to `to` (NULL: the connected peer),
 * without blocking and without SIGPIPE. Returns the bytes sent or -1 with errno. */
ssize_t wm_dgram_sendv(int fd, const struct iovec *iov, int iovcnt, const struct sockaddr *to, socklen_t tolen);

/* A non-blocking, close-on-exec UDP socket connected to `to` (UDP's connect only fixes the
 * peer: it completes at once). Returns the fd (caller owns) or -1 with errno. */
int wm_dgram_connect(const struct sockaddr *to, socklen_t tolen);

/* ---- one datagram, every package in it (Workerman 3.5's acceptUdpConnection) ---- */

enum {
	WM_DGRAM_DONE = 0,        /* the datagram was consumed to its end */
	WM_DGRAM_INCOMPLETE = 1,  /* input said "need more": the rest is dropped (a datagram
	                           * never continues in the next one) */
	WM_DGRAM_BAD = -1,        /* input gave an unusable length: the rest is dropped */
	WM_DGRAM_STOP = -2,       /* a callback asked to stop (an exception, a stopping process) */
};

/* The length of the first package in data[0..len) (len > 0): > 0 a length (one longer than
 * len takes the whole rest, as PHP's substr does), 0 need more, WM_DGRAM_BAD or
 * WM_DGRAM_STOP. */
typedef int64_t (*wm_dgram_input_fn)(void *arg, const char *data, size_t len);
/* One package (its bytes are valid during the call). Returns 0 to go on, else stop. */
typedef int (*wm_dgram_package_fn)(void *arg, const char *pkg, size_t len);

/* Cut data into packages with input and hand each to package, until the datagram ends.
 * Returns WM_DGRAM_*. An empty datagram holds no package (WM_DGRAM_DONE, no call). */
int wm_dgram_split(const char *data, size_t len, wm_dgram_input_fn input, wm_dgram_package_fn package,
		void *arg);

#endif
