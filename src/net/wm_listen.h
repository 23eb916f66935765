/* Listening sockets. */
#ifndef WM_NET_WM_LISTEN_H
#define WM_NET_WM_LISTEN_H

#include "src/net/wm_addr.h"

typedef struct wm_listen_opts {
	int backlog;
	int reuse_port;   /* SO_REUSEPORT: each process binds its own socket */
	int ipv6_v6only;  /* -1: system default */
} wm_listen_opts_t;

/* Bind and listen, non-blocking, close-on-exec. Returns the fd (caller owns) or -1 with
 * errno set. A stale unix socket file is replaced only when nothing answers on it. */
int wm_listen_stream(const wm_sockaddr_t *addr, socklen_t addrlen, const wm_listen_opts_t *opts);
/* Can addr be bound by a stream listener now? Binds a throw-away socket with SO_REUSEADDR
 * and SO_REUSEPORT (as a reusePort listener would bind it) and closes it again; nothing is
 * left bound. Returns WM_OK when it can, WM_ERR with errno (EADDRINUSE, EACCES,
 * EADDRNOTAVAIL...) when it cannot, and WM_OK too when no socket could be created to test
 * with: only a bind that failed says no. For inet addresses (a unix path is not probed). */
int wm_listen_probe(const wm_sockaddr_t *addr, socklen_t addrlen);
/* Bind a datagram (UDP) socket, non-blocking and close-on-exec, with SO_REUSEADDR and, when
 * opts->reuse_port, SO_REUSEPORT (backlog is ignored). Returns the fd (caller owns) or -1
 * with errno set. Inet addresses only (EAFNOSUPPORT otherwise). */
int wm_listen_dgram(const wm_sockaddr_t *addr, socklen_t addrlen, const wm_listen_opts_t *opts);
/* wm_listen_probe for a datagram listener: can a UDP socket bind addr now? Same results. */
int wm_listen_probe_dgram(const wm_sockaddr_t *addr, socklen_t addrlen);
/* Accept one connection, non-blocking and close-on-exec. Returns fd (caller owns), or -1
 * (errno EAGAIN when none is pending). peer is filled for inet sockets. */
int wm_accept(int listen_fd, wm_inaddr_t *peer);

#endif
