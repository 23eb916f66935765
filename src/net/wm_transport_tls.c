/* The TLS transport: OpenSSL sessions on non-blocking sockets, contexts made from
 * PHP-style ssl options. */
#include "src/net/wm_tls.h"
#include "src/wm_core.h"

#include <errno.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct wm_tls_ctx {
	SSL_CTX *ssl_ctx;
	int server;
	int allow_self_signed;
	int verify_peer_name;
	char *passphrase;
};

typedef struct tls_state {
	SSL *ssl;
	int established; /* handshake finished */
	int failed;      /* a fatal error: no close_notify on close */
} tls_state_t;

static char last_error[256];

const char *wm_tls_last_error(void)
{
	return last_error;
}

/* Record OpenSSL's reason (its error queue, else what) and clear the queue. */
static void set_error(const char *what)
{
	unsigned long e = ERR_peek_last_error();
	if (e) {
		const char *reason = ERR_reason_error_string(e);
		snprintf(last_error, sizeof(last_error), "%s", reason ? reason : what);
	} else {
		snprintf(last_error, sizeof(last_error), "%s", what);
	}
	ERR_clear_error();
}

static int pass_cb(char *buf, int size, int rwflag, void *userdata)
{
	(void)rwflag;
	const char *p = userdata;
	if (!p) {
		return 0;
	}
	size_t n = strlen(p);
	if (n > (size_t)size) {
		n = (size_t)size;
	}
	memcpy(buf, p, n);
	return (int)n;
}

static int ctx_index = -1;

/* PHP's allow_self_signed: a self-signed leaf is accepted (its signature still checks). */
static int verify_cb(int ok, X509_STORE_CTX *store)
{
	if (ok) {
		return 1;
	}
	SSL *ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx());
	wm_tls_ctx_t *ctx = ssl ? SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ctx_index) : NULL;
	int err = X509_STORE_CTX_get_error(store);
	if (ctx && ctx->allow_self_signed
		&& (err == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT || err == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN)) {
		X509_STORE_CTX_set_error(store, X509_V_OK);
		return 1;
	}
	return 0;
}

wm_tls_ctx_t *wm_tls_ctx_new(int server, const wm_tls_opts_t *o, char *err, size_t errlen)
{
	if (ctx_index < 0) {
		ctx_index = SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL, NULL);
	}
	ERR_clear_error();
	SSL_CTX *sc = SSL_CTX_new(server ? TLS_server_method() : TLS_client_method());
	if (!sc) {
		snprintf(err, errlen, "cannot create an SSL context");
		return NULL;
	}
	wm_tls_ctx_t *ctx = wm_calloc(1, sizeof(*ctx));
	ctx->ssl_ctx = sc;
	ctx->server = server;
	ctx->allow_self_signed = o->allow_self_signed;
	ctx->verify_peer_name = o->verify_peer && o->verify_peer_name;
	SSL_CTX_set_ex_data(sc, ctx_index, ctx);
	/* Renegotiation would let the peer make a read wait for writability; PHP refuses
	 * client-initiated renegotiation too. SSLv3 is off by OpenSSL's defaults. */
	SSL_CTX_set_options(sc, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
	/* Partial writes, retried from the head of the send queue (which may have moved);
	 * idle sessions give their buffers back. */
	SSL_CTX_set_mode(sc, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
	if (o->passphrase) {
		size_t plen = strlen(o->passphrase);
		ctx->passphrase = wm_malloc(plen + 1);
		memcpy(ctx->passphrase, o->passphrase, plen + 1);
		SSL_CTX_set_default_passwd_cb(sc, pass_cb);
		SSL_CTX_set_default_passwd_cb_userdata(sc, ctx->passphrase);
	}
	if (o->ciphers && SSL_CTX_set_cipher_list(sc, o->ciphers) != 1) {
		snprintf(err, errlen, "invalid ciphers '%s'", o->ciphers);
		goto fail;
	}
	if (o->local_cert) {
		if (SSL_CTX_use_certificate_chain_file(sc, o->local_cert) != 1) {
			set_error("cannot load the certificate");
			snprintf(err, errlen, "Unable to set local cert chain file `%s'; Check that your cafile/capath settings include details of your certificate and its issuer (%s)",
				o->local_cert, last_error);
			goto fail;
		}
		const char *pk = o->local_pk ? o->local_pk : o->local_cert;
		if (SSL_CTX_use_PrivateKey_file(sc, pk, SSL_FILETYPE_PEM) != 1) {
			set_error("cannot load the private key");
			snprintf(err, errlen, "Unable to set private key file `%s' (%s)", pk, last_error);
			goto fail;
		}
		if (SSL_CTX_check_private_key(sc) != 1) {
			set_error("key does not match");
			snprintf(err, errlen, "Private key does not match certificate! (%s)", last_error);
			goto fail;
		}
	} else if (server) {
		snprintf(err, errlen, "an ssl Worker needs the context option ssl.local_cert");
		goto fail;
	}
	if (o->verify_peer) {
		if (o->cafile || o->capath) {
			if (SSL_CTX_load_verify_locations(sc, o->cafile, o->capath) != 1) {
				set_error("cannot load the CA");
				snprintf(err, errlen, "Unable to set verify locations `%s' `%s' (%s)", o->cafile ? o->cafile : "",
					o->capath ? o->capath : "", last_error);
				goto fail;
			}
		} else {
			SSL_CTX_set_default_verify_paths(sc);
		}
		/* A server asks for a client certificate only when verify_peer is set. */
		SSL_CTX_set_verify(sc, server ? SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT : SSL_VERIFY_PEER, verify_cb);
		if (o->verify_depth > 0) {
			SSL_CTX_set_verify_depth(sc, o->verify_depth);
		}
	} else {
		SSL_CTX_set_verify(sc, SSL_VERIFY_NONE, NULL);
	}
	ERR_clear_error();
	return ctx;
fail:
	ERR_clear_error();
	wm_tls_ctx_free(ctx);
	return NULL;
}

void wm_tls_ctx_free(wm_tls_ctx_t *ctx)
{
	if (!ctx) {
		return;
	}
	/* Sessions hold their own reference (SSL_new), so freeing here is safe at any time. */
	SSL_CTX_free(ctx->ssl_ctx);
	wm_free(ctx->passphrase);
	wm_free(ctx);
}

static tls_state_t *state_of(const wm_conn_t *c)
{
	return c->aux ? c->aux->transport_state : NULL;
}

int wm_tls_attach(wm_conn_t *c, wm_tls_ctx_t *ctx, const char *peer_name)
{
	if (!c->loop || !c->loop->sigpipe_ignored || c->fd < 0) {
		errno = EINVAL;
		return WM_ERR;
	}
	ERR_clear_error();
	SSL *ssl = SSL_new(ctx->ssl_ctx);
	if (!ssl || SSL_set_fd(ssl, c->fd) != 1) {
		set_error("cannot create an SSL session");
		SSL_free(ssl);
		errno = ENOMEM;
		return WM_ERR;
	}
	if (ctx->server) {
		SSL_set_accept_state(ssl);
	} else {
		SSL_set_connect_state(ssl);
		if (peer_name && *peer_name) {
			SSL_set_tlsext_host_name(ssl, peer_name);
			if (ctx->verify_peer_name) {
				SSL_set_hostflags(ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
				SSL_set1_host(ssl, peer_name);
			}
		}
	}
	tls_state_t *st = wm_calloc(1, sizeof(*st));
	st->ssl = ssl;
	last_error[0] = '\0';
	wm_conn_aux(c)->transport_state = st;
	c->transport = &wm_transport_tls;
	return WM_OK;
}

int wm_tls_established(const wm_conn_t *c)
{
	tls_state_t *st = c->transport == &wm_transport_tls ? state_of(c) : NULL;
	return st && st->established;
}

/* Map an SSL_get_error result to errno (EAGAIN for the wants); returns -1, or 0 for a
 * clean end (close_notify, or EOF where the peer skipped it, as PHP treats it). */
static ssize_t io_error(tls_state_t *st, int ret)
{
	int e = SSL_get_error(st->ssl, ret);
	switch (e) {
	case SSL_ERROR_WANT_READ:
	case SSL_ERROR_WANT_WRITE:
		ERR_clear_error();
		errno = EAGAIN;
		return -1;
	case SSL_ERROR_ZERO_RETURN:
		return 0;
	case SSL_ERROR_SYSCALL:
		st->failed = 1;
		if (ERR_peek_error() == 0 && (errno == 0 || ret == 0)) {
			ERR_clear_error();
			return 0; /* the peer closed without close_notify */
		}
		set_error(strerror(errno ? errno : ECONNRESET));
		if (!errno) {
			errno = ECONNRESET;
		}
		return -1;
	default:
		st->failed = 1;
		set_error("TLS protocol error");
		errno = EPROTO;
		return -1;
	}
}

static ssize_t tls_read(wm_conn_t *c, void *buf, size_t len)
{
	tls_state_t *st = state_of(c);
	if (!st) {
		errno = EBADF;
		return -1;
	}
	/* A record holds at most 16 KiB: read until len is filled or nothing is left. */
	size_t got = 0;
	while (got < len) {
		size_t want = len - got > 0x40000000 ? 0x40000000 : len - got;
		/* SSL_get_error reads the thread's error queue: it must be empty before each call. */
		ERR_clear_error();
		errno = 0;
		int n = SSL_read(st->ssl, (char *)buf + got, (int)want);
		if (n > 0) {
			got += (size_t)n;
			continue;
		}
		if (got > 0) {
			/* Report the bytes; a close or an error shows again on the next read. */
			ERR_clear_error();
			return (ssize_t)got;
		}
		return io_error(st, n);
	}
	return (ssize_t)got;
}

static ssize_t tls_writev(wm_conn_t *c, const struct iovec *iov, int iovcnt)
{
	tls_state_t *st = state_of(c);
	if (!st) {
		errno = EBADF;
		return -1;
	}
	size_t total = 0;
	for (int i = 0; i < iovcnt; i++) {
		size_t left = iov[i].iov_len;
		const char *p = iov[i].iov_base;
		while (left > 0) {
			int chunk = left > 0x40000000 ? 0x40000000 : (int)left;
			ERR_clear_error();
			errno = 0;
			int n = SSL_write(st->ssl, p, chunk);
			if (n <= 0) {
				if (total > 0) {
					ERR_clear_error();
					return (ssize_t)total;
				}
				ssize_t r = io_error(st, n);
				if (r == 0) {
					errno = EPIPE;
				}
				return -1;
			}
			total += (size_t)n;
			if (n < chunk) {
				return (ssize_t)total; /* the kernel took part: wait for writability */
			}
			p += n;
			left -= (size_t)n;
		}
	}
	return (ssize_t)total;
}

static int tls_shutdown(wm_conn_t *c)
{
	tls_state_t *st = state_of(c);
	if (st && st->established && !st->failed) {
		SSL_shutdown(st->ssl); /* close_notify; the peer's answer is not waited for */
		ERR_clear_error();
	}
	return shutdown(c->fd, SHUT_WR);
}

static void tls_close(wm_conn_t *c)
{
	tls_state_t *st = state_of(c);
	if (st) {
		if (st->established && !st->failed && !SSL_in_init(st->ssl)) {
			SSL_shutdown(st->ssl);
		}
		ERR_clear_error();
		SSL_free(st->ssl);
		wm_free(st);
		c->aux->transport_state = NULL;
	}
	if (c->fd >= 0 && !c->keep_fd) {
		close(c->fd);
	}
}

static int tls_handshake(wm_conn_t *c)
{
	tls_state_t *st = state_of(c);
	if (!st) {
		errno = EBADF;
		return WM_HANDSHAKE_ERROR;
	}
	ERR_clear_error();
	errno = 0;
	int r = SSL_do_handshake(st->ssl);
	if (r == 1) {
		st->established = 1;
		last_error[0] = '\0';
		return WM_HANDSHAKE_DONE;
	}
	int e = SSL_get_error(st->ssl, r);
	if (e == SSL_ERROR_WANT_READ) {
		return WM_HANDSHAKE_WANT_READ;
	}
	if (e == SSL_ERROR_WANT_WRITE) {
		return WM_HANDSHAKE_WANT_WRITE;
	}
	st->failed = 1;
	if (e == SSL_ERROR_SYSCALL && ERR_peek_error() == 0) {
		int err = errno ? errno : ECONNRESET;
		snprintf(last_error, sizeof(last_error), "%s", errno ? strerror(errno) : "the peer closed the connection");
		errno = err;
		ERR_clear_error();
		return WM_HANDSHAKE_ERROR;
	}
#ifdef SSL_R_UNEXPECTED_EOF_WHILE_READING
	if (ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
		ERR_clear_error();
		snprintf(last_error, sizeof(last_error), "the peer closed the connection");
		errno = ECONNRESET;
		return WM_HANDSHAKE_ERROR;
	}
#endif
	long v = SSL_get_verify_result(st->ssl);
	if (v != X509_V_OK) {
		snprintf(last_error, sizeof(last_error), "certificate verify failed: %s", X509_verify_cert_error_string(v));
		ERR_clear_error();
	} else {
		set_error("handshake failed");
	}
	errno = EPROTO;
	return WM_HANDSHAKE_ERROR;
}

static size_t tls_pending(wm_conn_t *c)
{
	tls_state_t *st = state_of(c);
	return st && st->established ? (size_t)SSL_pending(st->ssl) : 0;
}

const wm_transport_t wm_transport_tls = {
	.name = "tls",
	.read = tls_read,
	.writev = tls_writev,
	.shutdown = tls_shutdown,
	.close = tls_close,
	.handshake = tls_handshake,
	.pending = tls_pending,
};
