/* Workerman\Connection\UdpConnection and AsyncUdpConnection: their object and the calls other
 * areas make (wm_udp_connection.c: the class, send, and a udp Worker's datagrams;
 * wm_async_udp_connection.c: the client). The socket work is src/net/wm_dgram. */
#ifndef WM_EXT_WM_UDP_H
#define WM_EXT_WM_UDP_H

#include "ext/wm_worker.h"
#include "src/net/wm_resolve.h"

/* AsyncUdpConnection's own state (NULL in a plain UdpConnection). */
typedef struct php_wm_udp_client {
	wm_watch_t *watch;          /* read watch while connected with an onMessage; owned by the loop */
	wm_resolve_t *resolving;    /* a name being resolved; owned by the resolver */
	zend_string *host;          /* the host part of the remote address, brackets removed */
	int port;
	zval context;               /* the context option array, or UNDEF */
	zval queued;                /* datagrams sent while resolving (array), or UNDEF */
	bool connected;
	bool held;                  /* the loop holds a reference (resolving or watching) */
	php_wm_cb cb_connect, cb_message, cb_close;
} php_wm_udp_client;

typedef struct php_wm_udp {
	/* Where datagrams go out: the socket of `worker` (a udp Worker's connection, which never
	 * outlives the socket's number: a closed one reads as -1), of `socket` (a stream given to
	 * the constructor or to acceptUdpConnection), or an own fd (fd_owned, AsyncUdpConnection). */
	php_wm_worker *worker;      /* referenced (GC_ADDREF) while set */
	zval socket;                /* owned, or UNDEF */
	int fd;                     /* owned when fd_owned, else -1 */
	bool fd_owned;
	wm_inaddr_t peer;           /* the remote address, peer_len 0 when unknown */
	socklen_t peer_len;
	zend_string *remote;        /* the remote address as 3.5 keeps it ("ip:port", "[ip6]:port"),
	                             * made from peer on first use; owned */
	php_wm_protocol *proto;     /* resolved from proto_ident (the $protocol value) */
	zend_string *proto_ident;   /* owned */
	php_wm_udp_client *client;  /* owned */
	zend_object std;
} php_wm_udp;

static inline php_wm_udp *php_wm_udp_from_obj(zend_object *obj)
{
	return (php_wm_udp *)((char *)obj - XtOffsetOf(php_wm_udp, std));
}

/* Declared property slots (OBJ_PROP_NUM index) of UdpConnection / AsyncUdpConnection. */
enum {
	WM_UDP_PROP_ON_MESSAGE = 0,
	WM_UDP_PROP_ON_CLOSE,
	WM_UDP_PROP_ON_ERROR,
	WM_UDP_PROP_PROTOCOL,
	WM_UDP_PROP_ON_CONNECT,     /* AsyncUdpConnection only */
};
extern uint32_t php_wm_udp_prop_off[WM_UDP_PROP_ON_CONNECT + 1];
static inline zval *php_wm_udp_prop(php_wm_udp *u, int slot)
{
	return OBJ_PROP(&u->std, php_wm_udp_prop_off[slot]);
}

/* The fd datagrams go out on, -1 when there is none (any more). */
int php_wm_udp_fd(php_wm_udp *u);
/* What send() puts in one datagram: iov over hold (owned strings) or static bytes. */
typedef struct php_wm_udp_out {
	struct iovec iov[2];
	int iovcnt;
	zend_string *hold[2];
} php_wm_udp_out;
/* Encode data as 3.5's send() does: through $protocol unless raw. WM_PROTO_OK with out
 * filled, WM_PROTO_EMPTY (the protocol encoded it to nothing: send() returns null) or
 * WM_PROTO_E_HANDLED (an exception is pending). Release out with php_wm_udp_out_release. */
int php_wm_udp_encode(php_wm_udp *u, zval *data, bool raw, php_wm_udp_out *out);
void php_wm_udp_out_release(php_wm_udp_out *out);
/* Send out as one datagram to u's peer (connected: the socket's own peer). true when it
 * went out whole. */
bool php_wm_udp_deliver(php_wm_udp *u, const php_wm_udp_out *out, bool connected);
/* UdpConnection::send(): encode, deliver, set return_value (true, false, or null). */
void php_wm_udp_send(php_wm_udp *u, zval *data, bool raw, zval *return_value);
/* The protocol $protocol names now (NULL: none). Throws (and returns NULL) for a class that
 * does not exist. */
php_wm_protocol *php_wm_udp_protocol(php_wm_udp *u, bool *failed);
/* Receive one datagram from fd: the new string (caller owns) and the sender, or NULL when
 * none was pending or the receive failed (errno says why). */
zend_string *php_wm_udp_recv(int fd, wm_inaddr_t *peer, socklen_t *peer_len);

/* A udp Worker's socket is readable: its datagrams, a bounded batch (the accept watch). */
void php_wm_udp_worker_readable(php_wm_worker *w);
/* 3.5's acceptUdpConnection($socket): one datagram from fd through the protocol to the
 * Worker's onMessage; the connection answers through stream (the socket given, kept) or,
 * when NULL, through the Worker's socket. Returns false when none could be read. */
bool php_wm_udp_accept(php_wm_worker *w, int fd, zval *stream);

/* AsyncUdpConnection's part of the object handlers (wm_async_udp_connection.c). */
void php_wm_async_udp_free(php_wm_udp *u);
void php_wm_async_udp_gc(php_wm_udp *u, zend_get_gc_buffer *buf);

void php_wm_udp_minit(void);
void php_wm_async_udp_minit(void);

#endif
