/* wm_frame: Workerman's Frame protocol behind the protocol seam (src/proto/wm_frame.h):
 * a 4-byte big-endian total length, then the payload. */
#include "wm_test.h"

#include "src/buf/wm_buf.h"
#include "src/proto/wm_frame.h"
#include "src/wm_core.h"

static char logged[256];
static void capture_log(const char *msg, size_t len)
{
	snprintf(logged, sizeof(logged), "%.*s", (int)len, msg);
}

static void frame_conn(wm_proto_conn_t *pc, int64_t max_package)
{
	memset(pc, 0, sizeof(*pc));
	pc->max_package = max_package;
	wm_proto_conn_set(pc, &wm_proto_frame, NULL);
}

/* input() through an exact-size heap copy so ASan sees any read past len. */
static int64_t input_exact(wm_proto_conn_t *pc, const char *s, size_t len)
{
	char *p = malloc(len ? len : 1);
	memcpy(p, s, len);
	int64_t n = pc->ops->input(pc, p, len);
	free(p);
	return n;
}

static const char *plain_bytes(wm_proto_payload_t *pl, size_t *len)
{
	*len = strlen(pl->value);
	return pl->value;
}

/* encode() and the bytes it produced, joined. */
static int encode_join(wm_proto_conn_t *pc, wm_proto_payload_t *pl, wm_buf_t *out)
{
	wm_proto_out_t o;
	memset(&o, 0, sizeof(o));
	int rc = pc->ops->encode(pc, pl, &o);
	if (rc == WM_PROTO_OK) {
		for (int i = 0; i < o.iovcnt; i++) {
			wm_buf_append(out, o.iov[i].iov_base, o.iov[i].iov_len);
		}
		CHECK(!o.close_after);
		CHECK(o.hold[0] == NULL && o.hold[1] == NULL);
	}
	return rc;
}

TEST(frame_input_waits_for_the_length)
{
	wm_proto_conn_t pc;
	frame_conn(&pc, 1 << 20);
	CHECK_PTR_EQ(pc.ops, &wm_proto_frame);
	CHECK_STR_EQ(pc.ops->name, "frame");
	CHECK(pc.state != NULL);
	CHECK_EQ(pc.ops->input(&pc, NULL, 0), 0);
	for (size_t k = 0; k < 4; k++) {
		CHECK_EQ(input_exact(&pc, "\x00\x00\x00\x09", k), 0);
	}
	wm_proto_conn_clear(&pc);
}

TEST(frame_input_announces_the_total_length)
{
	wm_proto_conn_t pc;
	frame_conn(&pc, 1 << 20);
	/* As 3.5: the length is returned as soon as the 4 bytes are there. */
	CHECK_EQ(input_exact(&pc, "\x00\x00\x00\x09hello", 9), 9);
	CHECK_EQ(input_exact(&pc, "\x00\x00\x00\x09he", 6), 9);
	CHECK_EQ(input_exact(&pc, "\x00\x00\x00\x09", 4), 9);
	CHECK_EQ(input_exact(&pc, "\x00\x00\x00\x04", 4), 4);                 /* an empty message */
	CHECK_EQ(input_exact(&pc, "\x00\x00\x00\x05x\x00\x00\x00\x04", 9), 5); /* the first only */
	CHECK_EQ(input_exact(&pc, "\x00\x01\x02\x03", 4), 0x010203);          /* big-endian */
	wm_proto_conn_clear(&pc);
}

TEST(frame_input_length_below_header_is_bad)
{
	wm_proto_conn_t pc;
	frame_conn(&pc, 1 << 20);
	wm_set_log_sink(capture_log);
	for (int total = 0; total < 4; total++) {
		char b[4] = {0, 0, 0, (char)total};
		logged[0] = '\0';
		CHECK_EQ(input_exact(&pc, b, 4), WM_PROTO_E_BAD);
		char want[64];
		snprintf(want, sizeof(want), "package_length=%d ", total);
		CHECK_MSG(strstr(logged, want) != NULL, "log: %s", logged);
	}
	wm_set_log_sink(NULL);
	wm_proto_conn_clear(&pc);
}

TEST(frame_input_over_max_package_is_bad)
{
	wm_proto_conn_t pc;
	frame_conn(&pc, 100);
	wm_set_log_sink(capture_log);
	logged[0] = '\0';
	CHECK_EQ(input_exact(&pc, "\x00\x00\x00\x64", 4), 100); /* == maxPackageSize is fine */
	CHECK_EQ(logged[0], '\0');
	CHECK_EQ(input_exact(&pc, "\x00\x00\x00\x65", 4), WM_PROTO_E_BAD);
	CHECK_MSG(strstr(logged, "package_length=101 over maxPackageSize 100") != NULL, "log: %s", logged);
	CHECK_EQ(input_exact(&pc, "\xff\xff\xff\xff", 4), WM_PROTO_E_BAD);
	CHECK_MSG(strstr(logged, "package_length=4294967295 ") != NULL, "log: %s", logged);
	wm_set_log_sink(NULL);
	/* The largest length fits when the limit allows it. */
	pc.max_package = INT64_MAX;
	CHECK_EQ(input_exact(&pc, "\xff\xff\xff\xff", 4), 0xffffffffLL);
	wm_proto_conn_clear(&pc);
}

TEST(frame_decode_strips_the_header)
{
	wm_proto_conn_t pc;
	frame_conn(&pc, 1 << 20);
	wm_proto_msg_t m = {NULL, 0, (void *)&pc};
	CHECK_EQ(pc.ops->decode(&pc, "\x00\x00\x00\x09hello", 9, &m), WM_PROTO_OK);
	CHECK(m.value == NULL);
	CHECK_MEM_EQ(m.data, m.len, "hello", 5);
	m.value = &pc;
	CHECK_EQ(pc.ops->decode(&pc, "\x00\x00\x00\x04", 4, &m), WM_PROTO_OK);
	CHECK(m.value == NULL);
	CHECK_EQ(m.len, 0);
	wm_proto_conn_clear(&pc);
}

TEST(frame_encode_prepends_pack_N)
{
	wm_proto_conn_t pc;
	frame_conn(&pc, 1 << 20);
	wm_buf_t out = WM_BUF_INIT;
	/* pack('N', 4 + strlen($buffer)) . $buffer */
	wm_proto_payload_t pl = {NULL, "hello", 5, plain_bytes, NULL};
	CHECK_EQ(encode_join(&pc, &pl, &out), WM_PROTO_OK);
	CHECK_MEM_EQ(wm_buf_head(&out), wm_buf_size(&out), "\x00\x00\x00\x09hello", 9);
	wm_buf_clear(&out);
	wm_proto_payload_t empty = {NULL, "", 0, plain_bytes, NULL};
	CHECK_EQ(encode_join(&pc, &empty, &out), WM_PROTO_OK);
	CHECK_MEM_EQ(wm_buf_head(&out), wm_buf_size(&out), "\x00\x00\x00\x04", 4);
	/* Converted on demand (a non-string value). */
	wm_buf_clear(&out);
	wm_proto_payload_t conv = {(void *)"xyz", NULL, 0, plain_bytes, NULL};
	CHECK_EQ(encode_join(&pc, &conv, &out), WM_PROTO_OK);
	CHECK_MEM_EQ(wm_buf_head(&out), wm_buf_size(&out), "\x00\x00\x00\x07xyz", 7);
	/* Every byte of the length. */
	static const size_t lens[] = {1, 251, 252, 65532, 65536, 16777212, 16777216};
	char *big = calloc(1, 16777216);
	for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		wm_buf_clear(&out);
		wm_proto_payload_t p = {NULL, big, lens[i], plain_bytes, NULL};
		CHECK_EQ(encode_join(&pc, &p, &out), WM_PROTO_OK);
		uint32_t t = (uint32_t)lens[i] + 4;
		const unsigned char *h = (const unsigned char *)wm_buf_head(&out);
		CHECK_EQ(wm_buf_size(&out), lens[i] + 4);
		CHECK_EQ((uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3], t);
	}
	free(big);
	wm_buf_free(&out);
	wm_proto_conn_clear(&pc);
}

TEST(frame_encode_refuses_what_32_bits_cannot_say)
{
	if (SIZE_MAX <= UINT32_MAX) {
		return;
	}
	wm_proto_conn_t pc;
	frame_conn(&pc, 1 << 20);
	/* The payload's bytes are not read: only its length matters here. */
	static const char tiny[1];
	wm_proto_payload_t p = {NULL, tiny, (size_t)UINT32_MAX - 3, plain_bytes, NULL};
	wm_proto_out_t o;
	memset(&o, 0, sizeof(o));
	CHECK_EQ(pc.ops->encode(&pc, &p, &o), WM_PROTO_E_REFUSED);
	p.len = (size_t)UINT32_MAX - 4;
	CHECK_EQ(pc.ops->encode(&pc, &p, &o), WM_PROTO_OK);
	REQUIRE_EQ(o.iovcnt, 2);
	CHECK_MEM_EQ(o.iov[0].iov_base, o.iov[0].iov_len, "\xff\xff\xff\xff", 4);
	CHECK_EQ(o.iov[1].iov_len, (size_t)UINT32_MAX - 4);
	wm_proto_conn_clear(&pc);
}

/* Encode messages, join them, and frame the stream delivered in pieces of every size the
 * way the read loop does (input, consume the frame, decode). */
TEST(frame_stream_round_trip_any_split)
{
	static const char *msgs[] = {"hello", "", "\x00\x01\x02", "a longer message of some bytes", "z"};
	static const size_t lens[] = {5, 0, 3, 30, 1};
	wm_proto_conn_t pc;
	frame_conn(&pc, 1 << 20);
	wm_buf_t stream = WM_BUF_INIT;
	for (size_t i = 0; i < 5; i++) {
		wm_proto_payload_t pl = {NULL, msgs[i], lens[i], plain_bytes, NULL};
		CHECK_EQ(encode_join(&pc, &pl, &stream), WM_PROTO_OK);
	}
	const char *s = wm_buf_head(&stream);
	size_t slen = wm_buf_size(&stream);
	for (size_t chunk = 1; chunk <= slen; chunk++) {
		wm_buf_t in = WM_BUF_INIT;
		size_t got = 0;
		int bad = 0;
		for (size_t pos = 0; pos < slen; pos += chunk) {
			wm_buf_append(&in, s + pos, slen - pos < chunk ? slen - pos : chunk);
			for (;;) {
				if (pc.package_len == 0) {
					int64_t n = input_exact(&pc, wm_buf_head(&in), wm_buf_size(&in));
					if (n <= 0) {
						bad += n < 0;
						break;
					}
					pc.package_len = (size_t)n;
				}
				if (pc.package_len > wm_buf_size(&in)) {
					break;
				}
				size_t flen = pc.package_len;
				pc.package_len = 0;
				char *frame = malloc(flen);
				memcpy(frame, wm_buf_head(&in), flen);
				wm_buf_consume(&in, flen);
				wm_proto_msg_t m = {NULL, 0, NULL};
				CHECK_EQ(pc.ops->decode(&pc, frame, flen, &m), WM_PROTO_OK);
				if (got >= 5 || m.len != lens[got] || (m.len && memcmp(m.data, msgs[got], m.len) != 0)) {
					bad++;
				}
				free(frame);
				got++;
			}
		}
		CHECK_MSG(!bad && got == 5 && wm_buf_size(&in) == 0, "chunk %zu: %zu messages, %d wrong", chunk,
			got, bad);
		wm_buf_free(&in);
	}
	wm_buf_free(&stream);
	wm_proto_conn_clear(&pc);
}
