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
/* Accept one connection, non-blocking and close-on-exec. Returns fd (caller owns), or -1
 * (errno EAGAIN when none is pending). peer is filled for inet sockets. */
int wm_accept(int listen_fd, wm_inaddr_t *peer);

#endif
