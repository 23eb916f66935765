/* The TLS transport (src/net/wm_tls.h) on loopback TCP: a client and an accepted connection
 * handshake and exchange bytes both ways (more than one read's worth, so records stay
 * buffered inside OpenSSL), verification failures, plain bytes on a TLS port, a stalled
 * handshake timing out, and the context's option errors. The certificate is made here. */
#include "wm_test.h"
#include "wm_test_loop.h"
#include "src/buf/wm_buf.h"
#include "src/loop/wm_loop.h"
#include "src/net/wm_addr.h"
#include "src/net/wm_conn.h"
#include "src/net/wm_listen.h"
#include "src/net/wm_tls.h"
#include "src/wm_core.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>

static char cert_path[64], key_path[64];

/* A self-signed P-256 certificate for CN/SAN localhost, written to two temp files. */
static void make_cert(void)
{
	EVP_PKEY *pk = EVP_EC_gen("P-256");
	REQUIRE(pk != NULL);
	X509 *x = X509_new();
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), -60);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400);
	X509_set_pubkey(x, pk);
	X509_NAME *name = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)"localhost", -1, -1, 0);
	X509_set_issuer_name(x, name);
	X509V3_CTX v3;
	X509V3_set_ctx_nodb(&v3);
	X509V3_set_ctx(&v3, x, x, NULL, NULL, 0);
	X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, &v3, NID_subject_alt_name, "DNS:localhost");
	X509_add_ext(x, ext, -1);
	X509_EXTENSION_free(ext);
	REQUIRE(X509_sign(x, pk, EVP_sha256()) > 0);
	snprintf(cert_path, sizeof(cert_path), "/tmp/wm_tls_cert_%d.pem", (int)getpid());
	snprintf(key_path, sizeof(key_path), "/tmp/wm_tls_key_%d.pem", (int)getpid());
	FILE *f = fopen(cert_path, "w");
	REQUIRE(f != NULL);
	PEM_write_X509(f, x);
	fclose(f);
	f = fopen(key_path, "w");
	REQUIRE(f != NULL);
	PEM_write_PrivateKey(f, pk, NULL, NULL, 0, NULL, NULL);
	fclose(f);
	X509_free(x);
	EVP_PKEY_free(pk);
}

static void drop_cert(void)
{
	unlink(cert_path);
	unlink(key_path);
}

typedef struct tc {
	wm_conn_t c; /* first: the callbacks cast back */
	int connect_calls, connect_err, eof_calls;
	int echo; /* send back what arrives */
	wm_buf_t got;
	char error[256];
} tc_t;

static void tc_on_data(wm_conn_t *c)
{
	tc_t *t = (tc_t *)c;
	size_t len;
	const char *d = wm_conn_rdata(c, &len);
	wm_buf_append(&t->got, d, len);
	if (t->echo) {
		struct iovec iov = {(void *)d, len};
		wm_conn_send(c, &iov, 1);
	}
	wm_conn_rconsume(c, len);
}

static void tc_on_eof(wm_conn_t *c, int err)
{
	(void)err;
	((tc_t *)c)->eof_calls++;
	wm_conn_close(c);
}

static void tc_on_drain(wm_conn_t *c)
{
	(void)c;
}

static void tc_on_write_error(wm_conn_t *c, int err)
{
	(void)err;
	wm_conn_close(c);
}

static void tc_on_connect(wm_conn_t *c, int err)
{
	tc_t *t = (tc_t *)c;
	t->connect_calls++;
	t->connect_err = err;
	snprintf(t->error, sizeof(t->error), "%s", wm_tls_last_error());
}

static const wm_conn_ops_t tc_ops = {
	.on_data = tc_on_data,
	.on_eof = tc_on_eof,
	.on_drain = tc_on_drain,
	.on_write_error = tc_on_write_error,
	.on_connect = tc_on_connect,
};

static int listen_loopback(wm_sockaddr_t *sa, socklen_t *len)
{
	wm_addr_parse_inet("127.0.0.1:0", sa, len);
	wm_listen_opts_t o = {16, 0, -1};
	int fd = wm_listen_stream(sa, *len, &o);
	*len = sizeof(sa->in4);
	getsockname(fd, &sa->sa, len);
	return fd;
}

typedef struct accept_ctx {
	int lfd, fd;
} accept_ctx_t;

static int accepted(void *ctx)
{
	accept_ctx_t *a = ctx;
	if (a->fd < 0) {
		wm_inaddr_t peer;
		a->fd = wm_accept(a->lfd, &peer);
	}
	return a->fd >= 0;
}

static wm_tls_ctx_t *server_ctx(void)
{
	wm_tls_opts_t o = {0};
	o.local_cert = cert_path;
	o.local_pk = key_path;
	char err[512];
	wm_tls_ctx_t *ctx = wm_tls_ctx_new(1, &o, err, sizeof(err));
	if (!ctx) {
		fprintf(stderr, "server ctx: %s\n", err);
	}
	return ctx;
}

static wm_tls_ctx_t *client_ctx(const char *cafile)
{
	wm_tls_opts_t o = {0};
	o.cafile = cafile;
	o.capath = cafile ? NULL : "/nonexistent"; /* never the system store in a test */
	o.verify_peer = 1;
	o.verify_peer_name = 1;
	char err[512];
	wm_tls_ctx_t *ctx = wm_tls_ctx_new(0, &o, err, sizeof(err));
	if (!ctx) {
		fprintf(stderr, "client ctx: %s\n", err);
	}
	return ctx;
}

typedef struct pair {
	tc_t *cl, *sv;
} pair_t;

static int both_connected(void *ctx)
{
	pair_t *p = ctx;
	return p->cl->connect_calls && p->sv->connect_calls;
}

/* A client connects to a listener, the accepted end starts its handshake; returns 1 when
 * both ends reported on_connect within the timeout. */
static int tls_pair(wm_loop_t *loop, tc_t *cl, tc_t *sv, wm_tls_ctx_t *cctx, wm_tls_ctx_t *sctx)
{
	wm_sockaddr_t sa;
	socklen_t len;
	int lfd = listen_loopback(&sa, &len);
	REQUIRE(lfd >= 0);
	REQUIRE(wm_conn_connect(&cl->c, loop, &sa.sa, len, 5000, &tc_ops) == WM_OK);
	REQUIRE(wm_tls_attach(&cl->c, cctx, "localhost") == WM_OK);
	accept_ctx_t a = {lfd, -1};
	REQUIRE(run_until(loop, accepted, &a, 5));
	close(lfd);
	REQUIRE(wm_conn_start(&sv->c, loop, a.fd, &tc_ops) == WM_OK);
	REQUIRE(wm_tls_attach(&sv->c, sctx, NULL) == WM_OK);
	REQUIRE(wm_conn_handshake(&sv->c, 5000) == WM_OK);
	pair_t p = {cl, sv};
	return run_until(loop, both_connected, &p, 10);
}

typedef struct want {
	tc_t *t;
	size_t n;
} want_t;

static int got_enough(void *ctx)
{
	want_t *w = ctx;
	return wm_buf_size(&w->t->got) >= w->n;
}

static int eofed(void *ctx)
{
	return ((tc_t *)ctx)->eof_calls > 0;
}

TEST(tls_handshake_then_bytes_both_ways)
{
	make_cert();
	wm_loop_t *loop = wm_loop_new();
	loop->sigpipe_ignored = 1;
	signal(SIGPIPE, SIG_IGN);
	wm_tls_ctx_t *sctx = server_ctx(), *cctx = client_ctx(cert_path);
	REQUIRE(sctx && cctx);
	tc_t cl = {0}, sv = {0};
	cl.c.max_send = sv.c.max_send = 64 << 20;
	sv.echo = 1;
	REQUIRE(tls_pair(loop, &cl, &sv, cctx, sctx));
	CHECK_EQ(cl.connect_err, 0);
	CHECK_EQ(sv.connect_err, 0);
	CHECK(wm_tls_established(&cl.c));
	CHECK(wm_tls_established(&sv.c));
	/* 1 MiB: many 16 KiB records, 64 KiB reads, queues on both sides. */
	size_t n = 1 << 20;
	char *payload = wm_malloc(n);
	for (size_t i = 0; i < n; i++) {
		payload[i] = (char)(i % 251);
	}
	struct iovec iov = {payload, n};
	int rc = wm_conn_send(&cl.c, &iov, 1);
	CHECK(rc == WM_SEND_DONE || rc == WM_SEND_QUEUED);
	want_t w = {&cl, n};
	CHECK(run_until(loop, got_enough, &w, 20));
	CHECK_EQ(wm_buf_size(&cl.got), n);
	CHECK(wm_buf_size(&cl.got) == n && memcmp(wm_buf_head(&cl.got), payload, n) == 0);
	CHECK_EQ(wm_buf_size(&sv.got), n);
	wm_free(payload);
	/* A close sends close_notify: the server sees a clean end. */
	wm_conn_close(&cl.c);
	CHECK(run_until(loop, eofed, &sv, 5));
	CHECK_EQ(sv.eof_calls, 1);
	wm_conn_close(&sv.c);
	wm_buf_free(&cl.got);
	wm_buf_free(&sv.got);
	wm_tls_ctx_free(sctx);
	wm_tls_ctx_free(cctx);
	wm_loop_free(loop);
	drop_cert();
}

TEST(tls_unknown_ca_fails_on_both_sides)
{
	make_cert();
	wm_loop_t *loop = wm_loop_new();
	loop->sigpipe_ignored = 1;
	signal(SIGPIPE, SIG_IGN);
	wm_tls_ctx_t *sctx = server_ctx(), *cctx = client_ctx(NULL);
	REQUIRE(sctx && cctx);
	tc_t cl = {0}, sv = {0};
	cl.c.max_send = sv.c.max_send = 1 << 20;
	REQUIRE(tls_pair(loop, &cl, &sv, cctx, sctx));
	CHECK_EQ(cl.connect_err, EPROTO);
	CHECK(strstr(cl.error, "certificate verify failed") != NULL);
	CHECK(sv.connect_err != 0);
	CHECK(cl.c.closed && sv.c.closed);
	wm_tls_ctx_free(sctx);
	wm_tls_ctx_free(cctx);
	wm_loop_free(loop);
	drop_cert();
}

static int connected(void *ctx)
{
	return ((tc_t *)ctx)->connect_calls > 0;
}

/* The accepted end with a raw socket as the peer: what it sends (or nothing). */
static void raw_peer_case(const char *send, unsigned timeout_ms, int want_err, const char *want_msg)
{
	make_cert();
	wm_loop_t *loop = wm_loop_new();
	loop->sigpipe_ignored = 1;
	signal(SIGPIPE, SIG_IGN);
	wm_tls_ctx_t *sctx = server_ctx();
	REQUIRE(sctx);
	wm_sockaddr_t sa;
	socklen_t len;
	int lfd = listen_loopback(&sa, &len);
	int raw = socket(AF_INET, SOCK_STREAM, 0);
	REQUIRE(connect(raw, &sa.sa, len) == 0);
	if (send) {
		REQUIRE(write(raw, send, strlen(send)) == (ssize_t)strlen(send));
	}
	accept_ctx_t a = {lfd, -1};
	REQUIRE(run_until(loop, accepted, &a, 5));
	tc_t sv = {0};
	sv.c.max_send = 1 << 20;
	REQUIRE(wm_conn_start(&sv.c, loop, a.fd, &tc_ops) == WM_OK);
	REQUIRE(wm_tls_attach(&sv.c, sctx, NULL) == WM_OK);
	REQUIRE(wm_conn_handshake(&sv.c, timeout_ms) == WM_OK);
	/* Sent before the handshake is over: queued, never written in the clear. */
	struct iovec iov = {"early", 5};
	CHECK_EQ(wm_conn_send(&sv.c, &iov, 1), WM_SEND_QUEUED);
	CHECK(run_until(loop, connected, &sv, 5));
	CHECK_EQ(sv.connect_err, want_err);
	CHECK(strstr(sv.error, want_msg) != NULL);
	CHECK(sv.c.closed);
	char buf[64];
	ssize_t n = read(raw, buf, sizeof(buf));
	CHECK(n <= 0 || memmem(buf, (size_t)n, "early", 5) == NULL);
	close(raw);
	close(lfd);
	wm_tls_ctx_free(sctx);
	wm_loop_free(loop);
	drop_cert();
}

TEST(tls_plain_http_fails_the_handshake)
{
	raw_peer_case("GET / HTTP/1.0\r\n\r\n", 5000, EPROTO, "http request");
}

TEST(tls_silent_peer_times_out)
{
	raw_peer_case(NULL, 100, ETIMEDOUT, "");
}

TEST(tls_context_option_errors)
{
	make_cert();
	char err[512];
	wm_tls_opts_t o = {0};
	CHECK(wm_tls_ctx_new(1, &o, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "local_cert") != NULL);
	o.local_cert = "/nonexistent/cert.pem";
	CHECK(wm_tls_ctx_new(1, &o, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "/nonexistent/cert.pem") != NULL);
	o.local_cert = cert_path; /* the key is not in the certificate file */
	CHECK(wm_tls_ctx_new(1, &o, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "private key") != NULL);
	o.local_pk = key_path;
	o.ciphers = "NO-SUCH-CIPHER";
	CHECK(wm_tls_ctx_new(1, &o, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "ciphers") != NULL);
	o.ciphers = NULL;
	wm_tls_ctx_t *ok = wm_tls_ctx_new(1, &o, err, sizeof(err));
	CHECK(ok != NULL);
	wm_tls_ctx_free(ok);
	drop_cert();
}
