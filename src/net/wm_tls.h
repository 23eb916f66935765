/* TLS over a stream connection (OpenSSL, non-blocking): a context per listening Worker or
 * per client made from PHP-style ssl options, and wm_transport_tls, the transport a
 * connection uses once wm_tls_attach gave it a session. The handshake runs through the
 * transport's handshake step (wm_conn_connect for clients, wm_conn_handshake for accepted
 * connections), so it never blocks the loop and is bounded by the connection's timeout.
 * Renegotiation is refused, so no OpenSSL state makes a read wait for writability. */
#ifndef WM_NET_WM_TLS_H
#define WM_NET_WM_TLS_H

#include <stddef.h>

#include "src/net/wm_conn.h"
#include "src/net/wm_transport.h"

/* The options of PHP's ssl stream context that a Worker or a client passes; NULL strings
 * are unset. */
typedef struct wm_tls_opts {
	const char *local_cert; /* PEM chain; also holds the key when local_pk is unset */
	const char *local_pk;
	const char *passphrase;
	const char *cafile;
	const char *capath;
	int verify_peer;      /* clients: 1 by default (as PHP); servers: ask for a client cert */
	int verify_peer_name; /* clients, with verify_peer: the certificate names peer_name */
	int allow_self_signed;
	int verify_depth; /* 0: OpenSSL's default */
	const char *ciphers; /* OpenSSL cipher list for TLS <= 1.2; NULL: the default */
} wm_tls_opts_t;

typedef struct wm_tls_ctx wm_tls_ctx_t;

/* A context for servers (server 1) or clients. NULL on failure, with a message in err. */
wm_tls_ctx_t *wm_tls_ctx_new(int server, const wm_tls_opts_t *opts, char *err, size_t errlen);
void wm_tls_ctx_free(wm_tls_ctx_t *ctx);

/* Give c (started or connecting, fd set) a TLS session of ctx; the handshake runs as the
 * transport's handshake step: by itself after wm_conn_connect, through wm_conn_handshake on
 * a started (accepted) connection, which must come before any send. peer_name: clients' SNI and the name verified (may be NULL).
 * Needs loop->sigpipe_ignored (OpenSSL writes with send() without MSG_NOSIGNAL).
 * Returns WM_OK, or WM_ERR with errno (c is left untouched then). */
int wm_tls_attach(wm_conn_t *c, wm_tls_ctx_t *ctx, const char *peer_name);

/* Why the last failed handshake or read/write failed in this process, as OpenSSL says it
 * (e.g. "certificate verify failed"); "" when nothing failed. */
const char *wm_tls_last_error(void);

/* 1 once c's handshake finished (c uses the TLS transport), else 0. */
int wm_tls_established(const wm_conn_t *c);

extern const wm_transport_t wm_transport_tls;

#endif
