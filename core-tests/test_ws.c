/* wm_ws: WebSocket frame headers, masking, the accept key, UTF-8, close payloads and the
 * message assembler (src/proto/wm_ws.h). Expected bytes are RFC 6455's examples and what
 * Workerman 3.5's Protocols/Websocket.php and Ws.php write. */
#include "wm_test.h"

#include "src/buf/wm_buf.h"
#include "src/proto/wm_ws.h"

/* ---- helpers ---- */

/* An exact-size heap copy, so ASan sees any read past len (caller frees). */
static char *dup_exact(const void *s, size_t len)
{
	char *p = malloc(len ? len : 1);
	memcpy(p, s, len);
	return p;
}

static int parse_exact(const void *s, size_t len, int masked, wm_ws_frame_t *f)
{
	char *p = dup_exact(s, len);
	int rc = wm_ws_parse_header(p, len, masked, f);
	free(p);
	return rc;
}

static void naive_xor(uint8_t *dst, const uint8_t *src, size_t len, const uint8_t key[4], size_t offset)
{
	for (size_t i = 0; i < len; i++) {
		dst[i] = src[i] ^ key[(offset + i) % 4];
	}
}

/* Append one frame to b; masked frames get a different key each time. */
static void put_frame(wm_buf_t *b, int fin, int op, const char *payload, size_t len, int masked)
{
	static uint8_t seq;
	uint8_t key[4] = {0x37, 0xfa, 0x21, (uint8_t)(0x3d + seq++)};
	uint8_t h[WM_WS_HEADER_MAX];
	size_t hl = wm_ws_header_build(h, fin, op, len, masked ? key : NULL);
	wm_buf_append(b, (const char *)h, hl);
	if (len) {
		char *d = wm_buf_reserve(b, len);
		memcpy(d, payload, len);
		if (masked) {
			wm_ws_unmask(d, len, key, 0);
		}
		wm_buf_commit(b, len);
	}
}

/* The events of an assembler run, as text: "text:Hello;ping:;close:1000:bye;err:-8;". */
typedef struct evlog {
	char s[8192];
	size_t n;
} evlog_t;

__attribute__((format(printf, 2, 3))) static void log_add(evlog_t *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(l->s + l->n, sizeof(l->s) - l->n, fmt, ap);
	va_end(ap);
	if (k > 0) {
		l->n += (size_t)k < sizeof(l->s) - l->n ? (size_t)k : sizeof(l->s) - l->n - 1;
	}
}

static void log_payload(evlog_t *l, const char *p, size_t len)
{
	if (len > 48) {
		log_add(l, "[%zu bytes]", len);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 0x20 && c < 0x7f && c != ';' && c != '\\') {
			log_add(l, "%c", c);
		} else {
			log_add(l, "\\x%02x", c);
		}
	}
}

static const char *op_name(int op)
{
	switch (op) {
	case WM_WS_OP_TEXT: return "text";
	case WM_WS_OP_BINARY: return "binary";
	case WM_WS_OP_CLOSE: return "close";
	case WM_WS_OP_PING: return "ping";
	case WM_WS_OP_PONG: return "pong";
	default: return "?";
	}
}

static void log_event(evlog_t *l, int rc, const wm_ws_event_t *ev)
{
	if (rc < 0) {
		log_add(l, "err:%d;", rc);
		return;
	}
	log_add(l, "%s:", op_name(ev->opcode));
	if (rc == WM_WS_ASM_CONTROL && ev->opcode == WM_WS_OP_CLOSE) {
		log_add(l, "%u:", ev->close.code);
		log_payload(l, ev->close.reason, ev->close.reason_len);
	} else {
		log_payload(l, ev->data, ev->len);
	}
	log_add(l, ";");
}

/* Feed a stream to a fresh assembler the way a connection does: chunks of `chunk` bytes (0:
 * all at once) appended to an unread buffer, each call through an exact-size copy that is
 * freed before the event is read (events must not point into the input). */
static void run_asm(evlog_t *l, int masked, uint64_t max, const char *s, size_t len, size_t chunk)
{
	wm_ws_assembler_t a;
	wm_ws_assembler_init(&a, masked, max);
	wm_buf_t in = WM_BUF_INIT;
	l->n = 0;
	l->s[0] = '\0';
	size_t pos = 0;
	int failed = 0;
	while (!failed && pos < len) {
		size_t n = chunk && chunk < len - pos ? chunk : len - pos;
		wm_buf_append(&in, s + pos, n);
		pos += n;
		for (;;) {
			wm_ws_event_t ev;
			size_t un = wm_buf_size(&in), used = (size_t)-1;
			char *copy = dup_exact(wm_buf_head(&in), un);
			int rc = wm_ws_assembler_feed(&a, copy, un, &used, &ev);
			free(copy);
			if (used > un) {
				log_add(l, "used>len;");
				failed = 1;
				break;
			}
			wm_buf_consume(&in, used);
			if (rc == WM_WS_ASM_MORE) {
				break;
			}
			log_event(l, rc, &ev);
			if (rc < 0) {
				failed = 1;
				break;
			}
		}
	}
	if (!failed && wm_buf_size(&in)) {
		log_add(l, "left:%zu;", wm_buf_size(&in));
	}
	wm_ws_assembler_free(&a);
	wm_buf_free(&in);
}

/* Named in failure messages (set by check_scripts). */
static const char *asm_what = "";

/* Same events whatever the chunk size, and as fed whole. */
static void check_asm_all_splits(int masked, uint64_t max, const wm_buf_t *stream, const char *expect)
{
	evlog_t l;
	for (size_t chunk = 0; chunk <= wm_buf_size(stream); chunk++) {
		run_asm(&l, masked, max, wm_buf_head(stream), wm_buf_size(stream), chunk);
		CHECK_MSG(strcmp(l.s, expect) == 0, "%s%schunk %zu (0: whole, masked %d): %s, want %s", asm_what,
			*asm_what ? ": " : "", chunk, masked, l.s, expect);
	}
}

/* ---- header build: Workerman 3.5's bytes ---- */

TEST(ws_build_length_classes_exact_bytes)
{
	uint8_t h[WM_WS_HEADER_MAX];
	/* Websocket::encode: chr(len) up to 125, chr(126).pack('n') up to 65535,
	 * chr(127).pack('xxxxN') above. */
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_TEXT, 0, NULL), "\x81\x00", 2);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_TEXT, 125, NULL), "\x81\x7d", 2);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_TEXT, 126, NULL), "\x81\x7e\x00\x7e", 4);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_TEXT, 65535, NULL), "\x81\x7e\xff\xff", 4);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_BINARY, 65536, NULL),
		"\x82\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10);
	/* Over 4 GiB: the full 64-bit length (3.5's pack('xxxxN') would drop the high word). */
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_BINARY, 0x100000005ULL, NULL),
		"\x82\x7f\x00\x00\x00\x01\x00\x00\x00\x05", 10);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_BINARY, 0x7fffffffffffffffULL, NULL),
		"\x82\x7f\x7f\xff\xff\xff\xff\xff\xff\xff", 10);
}

TEST(ws_build_matches_workerman_frames)
{
	uint8_t h[WM_WS_HEADER_MAX];
	static const uint8_t zero[4] = {0, 0, 0, 0};
	static const uint8_t key[4] = {0x37, 0xfa, 0x21, 0x3d};
	/* Server: websocketType "\x81" (blob), "\x82" (arraybuffer), "\x8a" (pong reply). */
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_TEXT, 5, NULL), "\x81\x05", 2);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_BINARY, 5, NULL), "\x82\x05", 2);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_PONG, 4, NULL), "\x8a\x04", 2);
	/* Ws::encode: mask bit and the key "\0\0\0\0" 3.5 always uses. */
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_TEXT, 5, zero), "\x81\x85\x00\x00\x00\x00", 6);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_TEXT, 300, zero),
		"\x81\xfe\x01\x2c\x00\x00\x00\x00", 8);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_TEXT, 70000, zero),
		"\x81\xff\x00\x00\x00\x00\x00\x01\x11\x70\x00\x00\x00\x00", 14);
	/* Ws's heartbeat: pack('H*', '898000000000'). */
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_PING, 0, zero), "\x89\x80\x00\x00\x00\x00", 6);
	/* RFC 6455 5.7: masked "Hello". */
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, WM_WS_OP_TEXT, 5, key), "\x81\x85\x37\xfa\x21\x3d", 6);
	/* Not final; the opcode keeps its low 4 bits only. */
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 0, WM_WS_OP_TEXT, 3, NULL), "\x01\x03", 2);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 0, WM_WS_OP_CONT, 3, NULL), "\x00\x03", 2);
	CHECK_MEM_EQ(h, wm_ws_header_build(h, 1, 0x12, 0, NULL), "\x82\x00", 2);
}

/* ---- header parse ---- */

TEST(ws_parse_round_trip_every_length_class)
{
	static const uint64_t lens[] = {0, 1, 125, 126, 127, 65535, 65536, 0xffffffffULL,
		0x100000005ULL, 0x7fffffffffffffffULL};
	static const int ops[] = {WM_WS_OP_CONT, WM_WS_OP_TEXT, WM_WS_OP_BINARY};
	static const uint8_t key[4] = {0xde, 0xad, 0xbe, 0xef};
	for (size_t li = 0; li < sizeof(lens) / sizeof(lens[0]); li++) {
		for (int masked = 0; masked <= 1; masked++) {
			for (size_t oi = 0; oi < 3; oi++) {
				for (int fin = 0; fin <= 1; fin++) {
					uint8_t h[WM_WS_HEADER_MAX + 3] = {0};
					size_t hl = wm_ws_header_build(h, fin, ops[oi], lens[li], masked ? key : NULL);
					size_t want = 2 + (lens[li] > 65535 ? 8 : lens[li] > 125 ? 2 : 0) + (masked ? 4 : 0);
					CHECK_EQ(hl, want);
					wm_ws_frame_t f;
					memset(&f, 0xaa, sizeof(f));
					/* Trailing bytes (payload) do not change the answer. */
					REQUIRE_EQ(parse_exact(h, hl + 3, masked, &f), hl);
					CHECK_EQ(f.len, lens[li]);
					CHECK_EQ(f.fin, fin);
					CHECK_EQ(f.rsv, 0);
					CHECK_EQ(f.opcode, ops[oi]);
					CHECK_EQ(f.masked, masked);
					CHECK_EQ(f.header_len, hl);
					CHECK_MEM_EQ(f.mask, 4, masked ? key : (const uint8_t *)"\0\0\0\0", 4);
					for (size_t k = 0; k < hl; k++) {
						CHECK_MSG(parse_exact(h, k, masked, &f) == 0, "len %llu prefix %zu",
							(unsigned long long)lens[li], k);
					}
				}
			}
		}
	}
}

TEST(ws_parse_controls_up_to_125)
{
	wm_ws_frame_t f;
	CHECK_EQ(parse_exact("\x89\x00", 2, 0, &f), 2);
	CHECK_EQ(f.opcode, WM_WS_OP_PING);
	CHECK_EQ(parse_exact("\x8a\xfd\x01\x02\x03\x04", 6, 1, &f), 6);
	CHECK_EQ(f.opcode, WM_WS_OP_PONG);
	CHECK_EQ(f.len, 125);
	CHECK_EQ(parse_exact("\x88\x02", 2, 0, &f), 2);
	CHECK_EQ(f.opcode, WM_WS_OP_CLOSE);
}

TEST(ws_parse_non_minimal_lengths_accepted)
{
	wm_ws_frame_t f;
	CHECK_EQ(parse_exact("\x82\x7e\x00\x05", 4, 0, &f), 4);
	CHECK_EQ(f.len, 5);
	CHECK_EQ(parse_exact("\x82\x7f\x00\x00\x00\x00\x00\x00\x00\x05", 10, 0, &f), 10);
	CHECK_EQ(f.len, 5);
	CHECK_EQ(parse_exact("\x82\x7f\x00\x00\x00\x00\x00\x00\x00\xc8", 10, 0, &f), 10);
	CHECK_EQ(f.len, 200);
	CHECK_EQ(parse_exact("\x82\xfe\x00\x00\x01\x02\x03\x04", 8, 1, &f), 8);
	CHECK_EQ(f.len, 0);
}

typedef struct bad_header {
	const char *bytes;
	size_t len;     /* the shortest prefix that shows the error */
	int masked;
	int err;
} bad_header_t;

TEST(ws_parse_errors_from_the_shortest_prefix)
{
	static const bad_header_t cases[] = {
		{"\xc1", 1, 1, WM_WS_E_RSV},
		{"\xa1", 1, 1, WM_WS_E_RSV},
		{"\x91", 1, 1, WM_WS_E_RSV},
		{"\xf2", 1, 0, WM_WS_E_RSV},
		{"\x09", 1, 1, WM_WS_E_CONTROL_FRAGMENTED},
		{"\x08", 1, 0, WM_WS_E_CONTROL_FRAGMENTED},
		{"\x0a", 1, 1, WM_WS_E_CONTROL_FRAGMENTED},
		{"\x89\xfe", 2, 1, WM_WS_E_CONTROL_LEN},
		{"\x88\x7f", 2, 0, WM_WS_E_CONTROL_LEN},
		{"\x8a\xfe", 2, 1, WM_WS_E_CONTROL_LEN},
		{"\x81\x05", 2, 1, WM_WS_E_UNMASKED},
		{"\x89\x00", 2, 1, WM_WS_E_UNMASKED},
		{"\x81\x85", 2, 0, WM_WS_E_MASKED},
		{"\x82\xff\x80", 3, 1, WM_WS_E_LEN64},
		{"\x82\x7f\xff", 3, 0, WM_WS_E_LEN64},
		{"\x80\x7f\x80", 3, 0, WM_WS_E_LEN64},
		/* Byte order: byte 0's errors win over byte 1's; RSV over the opcode. */
		{"\xc3", 1, 1, WM_WS_E_RSV},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const bad_header_t *c = &cases[i];
		wm_ws_frame_t f;
		CHECK_MSG(parse_exact(c->bytes, c->len, c->masked, &f) == c->err, "case %zu", i);
		/* One byte less is "need more" (the error is not visible yet), unless the error is
		 * in byte 0. */
		if (c->len > 1) {
			CHECK_MSG(parse_exact(c->bytes, c->len - 1, c->masked, &f) == 0, "case %zu prefix", i);
		}
		/* More bytes do not change it. */
		char longer[16] = {0};
		memcpy(longer, c->bytes, c->len);
		CHECK_MSG(parse_exact(longer, sizeof(longer), c->masked, &f) == c->err, "case %zu long", i);
	}
}

TEST(ws_parse_every_opcode)
{
	for (int op = 0; op < 16; op++) {
		char b[6] = {(char)(0x80 | op), (char)0x80, 1, 2, 3, 4};
		wm_ws_frame_t f;
		int rc = parse_exact(b, 6, 1, &f);
		int known = op <= 2 || (op >= 8 && op <= 10);
		CHECK_MSG(known ? rc == 6 : rc == WM_WS_E_OPCODE, "opcode %d: %d", op, rc);
		CHECK_EQ(parse_exact(b, 1, 1, &f), known ? 0 : WM_WS_E_OPCODE);
	}
}

TEST(ws_parse_empty_and_null)
{
	wm_ws_frame_t f;
	CHECK_EQ(wm_ws_parse_header(NULL, 0, 1, &f), 0);
	CHECK_EQ(wm_ws_parse_header("", 0, 0, &f), 0);
}

TEST(ws_error_close_codes_and_messages)
{
	static const struct { int err; int code; } map[] = {
		{WM_WS_E_RSV, 1002}, {WM_WS_E_OPCODE, 1002}, {WM_WS_E_CONTROL_FRAGMENTED, 1002},
		{WM_WS_E_CONTROL_LEN, 1002}, {WM_WS_E_UNMASKED, 1002}, {WM_WS_E_MASKED, 1002},
		{WM_WS_E_LEN64, 1002}, {WM_WS_E_CONTINUATION, 1002}, {WM_WS_E_EXPECTED_CONT, 1002},
		{WM_WS_E_UTF8, 1007}, {WM_WS_E_TOO_BIG, 1009}, {WM_WS_E_CLOSE_LEN, 1002},
		{WM_WS_E_CLOSE_CODE, 1002}, {WM_WS_E_CLOSE_UTF8, 1007},
	};
	size_t n = sizeof(map) / sizeof(map[0]);
	for (size_t i = 0; i < n; i++) {
		CHECK_EQ(wm_ws_error_close_code(map[i].err), map[i].code);
		const char *m = wm_ws_error_msg(map[i].err);
		CHECK_MSG(m && *m && strcmp(m, "unknown error") != 0, "err %d", map[i].err);
		for (size_t j = 0; j < i; j++) {
			CHECK_MSG(strcmp(m, wm_ws_error_msg(map[j].err)) != 0, "err %d", map[i].err);
		}
	}
	CHECK_EQ(wm_ws_error_close_code(0), 1002);
	CHECK_EQ(wm_ws_error_close_code(-1000), 1002);
	CHECK_STR_EQ(wm_ws_error_msg(-1000), "unknown error");
	CHECK_STR_EQ(wm_ws_error_msg(3), "unknown error");
}

/* ---- masking ---- */

TEST(ws_unmask_every_offset_and_alignment)
{
	static const uint8_t key[4] = {0x12, 0x34, 0xab, 0xcd};
	uint8_t src[1100], want[1100];
	char *store = malloc(1100 + 16);
	char *store2 = malloc(1100 + 16);
	for (size_t i = 0; i < sizeof(src); i++) {
		src[i] = (uint8_t)(i * 7 + 3);
	}
	static const size_t lens[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 1000, 1099};
	for (size_t align = 0; align < 8; align++) {
		for (size_t off = 0; off < 8; off++) {
			for (size_t li = 0; li < sizeof(lens) / sizeof(lens[0]); li++) {
				size_t len = lens[li];
				naive_xor(want, src, len, key, off);
				char *d = store + align;
				memcpy(d, src, len);
				wm_ws_unmask(d, len, key, off);
				CHECK_MSG(memcmp(d, want, len) == 0, "in place: align %zu off %zu len %zu", align, off, len);
				wm_ws_unmask(d, len, key, off); /* twice is the identity */
				CHECK_MSG(memcmp(d, src, len) == 0, "round trip: align %zu off %zu len %zu", align, off, len);
				/* Copying, from a source at another alignment. */
				char *s = store2 + (7 - align);
				memcpy(s, src, len);
				wm_ws_unmask_copy(d, s, len, key, off);
				CHECK_MSG(memcmp(d, want, len) == 0, "copy: align %zu off %zu len %zu", align, off, len);
				CHECK_MSG(memcmp(s, src, len) == 0, "copy kept the source");
			}
		}
	}
	free(store);
	free(store2);
}

TEST(ws_unmask_split_payload_matches_whole)
{
	static const uint8_t key[4] = {0x01, 0x80, 0xfe, 0x7f};
	char whole[300], piece[300];
	for (size_t i = 0; i < sizeof(whole); i++) {
		whole[i] = (char)(i ^ 0x5a);
	}
	memcpy(piece, whole, sizeof(piece));
	wm_ws_unmask(whole, sizeof(whole), key, 0);
	for (size_t a = 0; a <= sizeof(piece); a++) {
		size_t b = a + (sizeof(piece) - a) / 3;
		char buf[300];
		memcpy(buf, piece, sizeof(buf));
		wm_ws_unmask(buf, a, key, 0);
		wm_ws_unmask(buf + a, b - a, key, a);
		wm_ws_unmask(buf + b, sizeof(buf) - b, key, b);
		CHECK_MSG(memcmp(buf, whole, sizeof(buf)) == 0, "split at %zu and %zu", a, b);
	}
}

TEST(ws_unmask_zero_key_is_identity)
{
	/* 3.5's Ws client masks with "\0\0\0\0": the payload goes out as it is. */
	static const uint8_t zero[4] = {0, 0, 0, 0};
	char s[] = "plain text stays plain";
	wm_ws_unmask(s, sizeof(s) - 1, zero, 3);
	CHECK_STR_EQ(s, "plain text stays plain");
	wm_ws_unmask(NULL, 0, zero, 0);
	wm_ws_unmask_copy(NULL, NULL, 0, zero, 0);
}

/* ---- accept key ---- */

TEST(ws_accept_key_vectors)
{
	char out[29];
	/* RFC 6455 1.3. */
	CHECK_EQ(wm_ws_accept_key("dGhlIHNhbXBsZSBub25jZQ==", 24, out), 0);
	CHECK_STR_EQ(out, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
	/* Only len bytes count. */
	CHECK_EQ(wm_ws_accept_key("dGhlIHNhbXBsZSBub25jZQ==\r\n", 24, out), 0);
	CHECK_STR_EQ(out, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
	/* Computed with Python's hashlib/base64. */
	CHECK_EQ(wm_ws_accept_key("", 0, out), 0);
	CHECK_STR_EQ(out, "Kfh9QIsMVZcl6xEPYxPHzW8SZ8w=");
	CHECK_EQ(wm_ws_accept_key(NULL, 0, out), 0);
	CHECK_STR_EQ(out, "Kfh9QIsMVZcl6xEPYxPHzW8SZ8w=");
	/* Trailing spaces are part of the key (3.5's regex keeps them). */
	CHECK_EQ(wm_ws_accept_key("  spaced  ", 10, out), 0);
	CHECK_STR_EQ(out, "Hu3m/Z3umLalfcCt7d4ir+ZWsvY=");
	char big[300];
	memset(big, 'x', sizeof(big));
	CHECK_EQ(wm_ws_accept_key(big, sizeof(big), out), 0);
	CHECK_STR_EQ(out, "MGbcKtF4YTi8oaYjV6CuEOY86WQ=");
	CHECK_EQ(strlen(out), 28);
}

/* ---- UTF-8 ---- */

typedef struct utf8_case {
	const char *s;
	size_t len;
} utf8_case_t;

#define U8(lit) {lit, sizeof(lit) - 1}

static const utf8_case_t utf8_good[] = {
	U8(""),
	U8("plain ASCII, long enough for the 8-byte path"),
	U8("\x00\x7f"),
	U8("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5"), /* κόσμε (Autobahn 6.2) */
	U8("\xc2\x80"),                 /* U+0080 */
	U8("\xdf\xbf"),                 /* U+07FF */
	U8("\xe0\xa0\x80"),             /* U+0800 */
	U8("\xed\x9f\xbf"),             /* U+D7FF */
	U8("\xee\x80\x80"),             /* U+E000 */
	U8("\xef\xbf\xbd"),             /* U+FFFD */
	U8("\xef\xbf\xbf"),             /* U+FFFF (a noncharacter, still valid) */
	U8("\xf0\x90\x80\x80"),         /* U+10000 */
	U8("\xf4\x8f\xbf\xbf"),         /* U+10FFFF */
	U8("\xe2\x82\xac euro, \xf0\x9f\x98\x80 grin"),
};

static const utf8_case_t utf8_bad[] = {
	U8("\x80"), U8("\xbf"), U8("a\x80" "b"),       /* lone continuation bytes */
	U8("\xc0\x80"), U8("\xc1\xbf"),                 /* overlong 2-byte */
	U8("\xe0\x80\x80"), U8("\xe0\x9f\xbf"),         /* overlong 3-byte */
	U8("\xf0\x80\x80\x80"), U8("\xf0\x8f\xbf\xbf"), /* overlong 4-byte */
	U8("\xed\xa0\x80"), U8("\xed\xbf\xbf"),         /* surrogate halves */
	U8("\xed\xa0\x80\xed\xb0\x80"),                 /* a surrogate pair */
	U8("\xf4\x90\x80\x80"), U8("\xf5\x80\x80\x80"), /* above U+10FFFF */
	U8("\xf8\x88\x80\x80\x80"), U8("\xfc\x84\x80\x80\x80\x80"), U8("\xfe"), U8("\xff"),
	U8("\xc2"), U8("\xe2\x82"), U8("\xf0\x9f\x98"), /* truncated at the end */
	U8("\xe2\x41\x41"), U8("\xc2\xc2\x80"),         /* a sequence cut by another byte */
	U8("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xed\xa0\x80\x65\x64\x69\x74\x65\x64"),
};

TEST(ws_utf8_whole)
{
	for (size_t i = 0; i < sizeof(utf8_good) / sizeof(utf8_good[0]); i++) {
		CHECK_MSG(wm_ws_utf8_valid(utf8_good[i].s, utf8_good[i].len), "good %zu", i);
	}
	for (size_t i = 0; i < sizeof(utf8_bad) / sizeof(utf8_bad[0]); i++) {
		CHECK_MSG(!wm_ws_utf8_valid(utf8_bad[i].s, utf8_bad[i].len), "bad %zu", i);
	}
	CHECK(wm_ws_utf8_valid(NULL, 0));
}

/* Every code point, encoded by hand: valid exactly outside the surrogates. */
TEST(ws_utf8_every_code_point)
{
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		char b[4];
		size_t n;
		if (cp < 0x80) {
			b[0] = (char)cp;
			n = 1;
		} else if (cp < 0x800) {
			b[0] = (char)(0xC0 | cp >> 6);
			b[1] = (char)(0x80 | (cp & 0x3F));
			n = 2;
		} else if (cp < 0x10000) {
			b[0] = (char)(0xE0 | cp >> 12);
			b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
			b[2] = (char)(0x80 | (cp & 0x3F));
			n = 3;
		} else {
			b[0] = (char)(0xF0 | cp >> 18);
			b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
			b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
			b[3] = (char)(0x80 | (cp & 0x3F));
			n = 4;
		}
		bool want = cp < 0xD800 || cp > 0xDFFF;
		if (wm_ws_utf8_valid(b, n) != want) {
			CHECK_MSG(0, "U+%04X", (unsigned)cp);
			return;
		}
	}
	/* Every 2-byte overlong (C0/C1 leads) and the 3/4-byte ones at their boundaries. */
	for (int c = 0x80; c <= 0xBF; c++) {
		char b[2] = {(char)0xC0, (char)c};
		CHECK(!wm_ws_utf8_valid(b, 2));
		b[0] = (char)0xC1;
		CHECK(!wm_ws_utf8_valid(b, 2));
	}
}

TEST(ws_utf8_split_anywhere)
{
	/* Two and three pieces, at every split point. */
	for (int good = 1; good >= 0; good--) {
		const utf8_case_t *set = good ? utf8_good : utf8_bad;
		size_t n = good ? sizeof(utf8_good) / sizeof(utf8_good[0]) : sizeof(utf8_bad) / sizeof(utf8_bad[0]);
		for (size_t i = 0; i < n; i++) {
			const char *s = set[i].s;
			size_t len = set[i].len;
			for (size_t a = 0; a <= len; a++) {
				for (size_t b = a; b <= len; b++) {
					wm_ws_utf8_t u = {0, 0, 0, 0};
					bool ok = wm_ws_utf8_feed(&u, s, a);
					ok = wm_ws_utf8_feed(&u, s + a, b - a) && ok;
					ok = wm_ws_utf8_feed(&u, s + b, len - b) && ok;
					CHECK_MSG((ok && wm_ws_utf8_complete(&u)) == good, "%s %zu split %zu/%zu",
						good ? "good" : "bad", i, a, b);
				}
			}
		}
	}
}

TEST(ws_utf8_fails_fast_and_sticks)
{
	wm_ws_utf8_t u = {0, 0, 0, 0};
	CHECK(wm_ws_utf8_feed(&u, "\xed", 1));
	CHECK(!wm_ws_utf8_complete(&u));
	CHECK(!wm_ws_utf8_feed(&u, "\xa0", 1)); /* the surrogate shows at its second byte */
	CHECK(!wm_ws_utf8_feed(&u, "ok", 2));   /* sticky */
	CHECK(!wm_ws_utf8_complete(&u));

	memset(&u, 0, sizeof(u));
	CHECK(wm_ws_utf8_feed(&u, "\xf4", 1));
	CHECK(!wm_ws_utf8_feed(&u, "\x90", 1));

	memset(&u, 0, sizeof(u));
	CHECK(wm_ws_utf8_feed(&u, "\xe2\x82", 2));
	CHECK(!wm_ws_utf8_complete(&u));
	CHECK(wm_ws_utf8_feed(&u, "\xac", 1));
	CHECK(wm_ws_utf8_complete(&u));
	/* Autobahn 6.4.1: the bad byte fails the piece that carries it, however much follows. */
	memset(&u, 0, sizeof(u));
	CHECK(wm_ws_utf8_feed(&u, "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5", 11));
	CHECK(!wm_ws_utf8_feed(&u, "\xf4\x90\x80\x80", 4));
}

TEST(ws_utf8_bad_byte_at_every_position)
{
	char s[64];
	for (size_t pos = 0; pos < sizeof(s); pos++) {
		memset(s, 'a', sizeof(s));
		s[pos] = (char)0x80;
		CHECK_MSG(!wm_ws_utf8_valid(s, sizeof(s)), "0x80 at %zu", pos);
		memset(s, 'a', sizeof(s));
		if (pos + 2 <= sizeof(s)) {
			s[pos] = (char)0xc3;
			s[pos + 1] = (char)0xa9;
			CHECK_MSG(wm_ws_utf8_valid(s, sizeof(s)), "U+00E9 at %zu", pos);
		}
		if (pos + 1 == sizeof(s)) {
			s[pos] = (char)0xc3;
			CHECK(!wm_ws_utf8_valid(s, sizeof(s))); /* cut at the end */
		}
	}
}

/* ---- close payloads ---- */

TEST(ws_close_code_validity)
{
	for (uint32_t c = 0; c <= 0xFFFF; c++) {
		bool want = (c >= 1000 && c <= 1003) || (c >= 1007 && c <= 1011) ||
			(c >= 1012 && c <= 1014) || (c >= 3000 && c <= 4999);
		if (wm_ws_close_code_valid((uint16_t)c) != want) {
			CHECK_MSG(0, "code %u", (unsigned)c);
		}
	}
	/* Autobahn 7.7.x (valid) and 7.9.x (invalid). */
	static const uint16_t ok[] = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999};
	static const uint16_t no[] = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		CHECK_MSG(wm_ws_close_code_valid(ok[i]), "%u", ok[i]);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		CHECK_MSG(!wm_ws_close_code_valid(no[i]), "%u", no[i]);
	}
}

TEST(ws_close_parse_payloads)
{
	wm_ws_close_t c;
	CHECK_EQ(wm_ws_close_parse(NULL, 0, &c), 0);
	CHECK_EQ(c.code, WM_WS_CLOSE_NO_STATUS);
	CHECK_EQ(c.reason_len, 0);
	CHECK_EQ(wm_ws_close_parse("\x03", 1, &c), WM_WS_E_CLOSE_LEN);
	/* 3.5's own close frame body: "\x03\xe8" (1000). */
	CHECK_EQ(wm_ws_close_parse("\x03\xe8", 2, &c), 0);
	CHECK_EQ(c.code, 1000);
	CHECK_EQ(c.reason_len, 0);
	CHECK_EQ(wm_ws_close_parse("\x03\xe8" "bye", 5, &c), 0);
	CHECK_EQ(c.code, 1000);
	CHECK_MEM_EQ(c.reason, c.reason_len, "bye", 3);
	CHECK_EQ(wm_ws_close_parse("\x0f\xa0\xe2\x82\xac", 5, &c), 0); /* 4000 "€" */
	CHECK_EQ(c.code, 4000);
	CHECK_EQ(wm_ws_close_parse("\x03\xed", 2, &c), WM_WS_E_CLOSE_CODE); /* 1005 */
	CHECK_EQ(wm_ws_close_parse("\x03\xee", 2, &c), WM_WS_E_CLOSE_CODE); /* 1006 */
	CHECK_EQ(wm_ws_close_parse("\x00\x00", 2, &c), WM_WS_E_CLOSE_CODE);
	CHECK_EQ(wm_ws_close_parse("\x03\xe8\xff", 3, &c), WM_WS_E_CLOSE_UTF8);
	CHECK_EQ(wm_ws_close_parse("\x03\xe8\xe2\x82", 4, &c), WM_WS_E_CLOSE_UTF8);
	/* Autobahn 7.5.1: a reason with a surrogate. */
	static const char a751[] = "\x03\xe8\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xed\xa0\x80\x65\x64\x69\x74\x65\x64";
	CHECK_EQ(wm_ws_close_parse(a751, sizeof(a751) - 1, &c), WM_WS_E_CLOSE_UTF8);
	char max[125];
	memset(max, 'r', sizeof(max));
	max[0] = 0x0b;
	max[1] = (char)0xb8; /* 3000 */
	CHECK_EQ(wm_ws_close_parse(max, sizeof(max), &c), 0);
	CHECK_EQ(c.code, 3000);
	CHECK_EQ(c.reason_len, 123);
}

/* ---- assembler ---- */

/* A stream and the events it gives, fed whole and in every chunk size. */
typedef struct asm_case {
	int masked;
	const char *bytes;
	size_t len;
	const char *expect;
} asm_case_t;

TEST(ws_asm_rfc_examples_and_header_errors)
{
	static const asm_case_t cases[] = {
		/* RFC 6455 5.7, masked (server side) and unmasked (client side). */
		{1, "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58", 11, "text:Hello;"},
		{0, "\x81\x05\x48\x65\x6c\x6c\x6f", 7, "text:Hello;"},
		{0, "\x01\x03\x48\x65\x6c\x80\x02\x6c\x6f", 9, "text:Hello;"},
		{0, "\x89\x05\x48\x65\x6c\x6c\x6f", 7, "ping:Hello;"},
		{1, "\x8a\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58", 11, "pong:Hello;"},
		/* 3.5's client frames (key 0) and heartbeat, as a server receives them. */
		{1, "\x81\x85\x00\x00\x00\x00Hello\x89\x80\x00\x00\x00\x00", 17, "text:Hello;ping:;"},
		/* 3.5's server close frame, as a client receives it. */
		{0, "\x88\x02\x03\xe8", 4, "close:1000:;"},
		/* Header errors reach the caller as they are. */
		{1, "\x81\x05hello", 7, "err:-5;"},
		{0, "\x81\x85\x00\x00\x00\x00hello", 11, "err:-6;"},
		{1, "\x83\x80\x00\x00\x00\x00", 6, "err:-2;"},
		{1, "\x09\x80\x00\x00\x00\x00", 6, "err:-3;"},
		{1, "\x89\xfe\x00\x7e", 4, "err:-4;"},
		{1, "\x82\xff\x80\x00", 4, "err:-7;"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		wm_buf_t st = WM_BUF_INIT;
		wm_buf_append(&st, cases[i].bytes, cases[i].len);
		check_asm_all_splits(cases[i].masked, 0, &st, cases[i].expect);
		wm_buf_free(&st);
	}
}

/* A stream written as frames (masked with a new key each, when masked), and its events. */
typedef struct frame_spec {
	int fin, op;
	const char *payload; /* NULL ends the list */
	size_t len;
} frame_spec_t;

#define FR(fin, op, lit) {fin, WM_WS_OP_##op, lit, sizeof(lit) - 1}

typedef struct frame_script {
	const char *what;
	frame_spec_t frames[16];
	const char *expect;
} frame_script_t;

/* Each script on both sides (masked and not), fed whole and in every chunk size. */
static void check_scripts(const frame_script_t *sc, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (int masked = 0; masked <= 1; masked++) {
			wm_buf_t s = WM_BUF_INIT;
			for (const frame_spec_t *f = sc[i].frames; f->payload; f++) {
				put_frame(&s, f->fin, f->op, f->payload, f->len, masked);
			}
			asm_what = sc[i].what;
			check_asm_all_splits(masked, 0, &s, sc[i].expect);
			asm_what = "";
			wm_buf_free(&s);
		}
	}
}

TEST(ws_asm_fragments_with_controls_interleaved_any_split)
{
	static const frame_script_t sc[] = {
		{"fragments, pings and pongs between them, empty frames, a close",
			{FR(0, TEXT, "Hel"), FR(1, PING, "p1"), FR(0, CONT, "lo, "), FR(1, PONG, ""), FR(0, CONT, ""),
				FR(1, CONT, "w\xc3\xb6rld"), FR(1, BINARY, "\x00\x01\xff"), FR(0, BINARY, "ab"),
				FR(1, PING, "p2"), FR(1, CONT, "cd"), FR(1, TEXT, ""), FR(1, CLOSE, "\x03\xe8" "bye")},
			"ping:p1;pong:;text:Hello, w\\xc3\\xb6rld;binary:\\x00\\x01\\xff;ping:p2;binary:abcd;"
			"text:;close:1000:bye;"},
		{"a close between fragments", {FR(0, TEXT, "abc"), FR(1, CLOSE, "")}, "close:1005:;"},
	};
	check_scripts(sc, sizeof(sc) / sizeof(sc[0]));
}

TEST(ws_asm_utf8_across_fragments)
{
	static const frame_script_t sc[] = {
		{"a character over three fragments, a ping inside it",
			{FR(0, TEXT, "\xe2"), FR(1, PING, ""), FR(0, CONT, "\x82"), FR(1, CONT, "\xac")},
			"ping:;text:\\xe2\\x82\\xac;"},
		{"a surrogate over two fragments fails before the message ends",
			{FR(0, TEXT, "ok\xed"), FR(0, CONT, "\xa0\x80")}, "err:-10;"},
		{"truncated at the end of the message", {FR(0, TEXT, "\xe2"), FR(1, CONT, "\x82")}, "err:-10;"},
		{"binary is not checked, and the next text starts fresh",
			{FR(0, BINARY, "\xe2"), FR(1, CONT, "\xff"), FR(1, TEXT, "x")}, "binary:\\xe2\\xff;text:x;"},
		{"an invalid close reason", {FR(1, CLOSE, "\x03\xe8\xc0\xaf")}, "err:-14;"},
	};
	check_scripts(sc, sizeof(sc) / sizeof(sc[0]));
	CHECK_EQ(wm_ws_error_close_code(WM_WS_E_UTF8), 1007);

	/* Invalid bytes fail inside a frame whose end has not arrived (fail fast). */
	evlog_t l;
	wm_buf_t s = WM_BUF_INIT;
	put_frame(&s, 1, WM_WS_OP_TEXT, "abc\xff" "defghij", 11, 1);
	run_asm(&l, 1, 0, wm_buf_head(&s), 6 + 4, 0);
	CHECK_STR_EQ(l.s, "err:-10;");
	wm_buf_free(&s);
}

TEST(ws_asm_sequence_and_close_errors)
{
	static const frame_script_t sc[] = {
		{"a continuation first", {FR(1, CONT, "x")}, "err:-8;"},
		{"a continuation after a whole message", {FR(1, TEXT, "a"), FR(0, CONT, "b")}, "text:a;err:-8;"},
		{"a text frame inside a message", {FR(0, TEXT, "a"), FR(1, PING, ""), FR(1, TEXT, "b")},
			"ping:;err:-9;"},
		{"a binary frame inside a message", {FR(0, BINARY, "a"), FR(0, BINARY, "b")}, "err:-9;"},
		{"an empty close", {FR(1, CLOSE, "")}, "close:1005:;"},
		{"a 1-byte close", {FR(1, CLOSE, "\x03")}, "err:-12;"},
		{"close code 1005 on the wire", {FR(1, CLOSE, "\x03\xed")}, "err:-13;"},
	};
	check_scripts(sc, sizeof(sc) / sizeof(sc[0]));
}

TEST(ws_asm_header_errors_and_stickiness)
{
	wm_ws_assembler_t a;
	wm_ws_event_t ev;
	size_t used;
	wm_ws_assembler_init(&a, 1, 0);
	/* A message, then a frame with RSV1: the message comes out, then the error, with `used`
	 * stopping before the bad header. */
	static const char s[] = "\x81\x81\x00\x00\x00\x00x\xc1\x80";
	CHECK_EQ(wm_ws_assembler_feed(&a, s, 9, &used, &ev), WM_WS_ASM_MESSAGE);
	CHECK_EQ(used, 7);
	CHECK_MEM_EQ(ev.data, ev.len, "x", 1);
	CHECK_EQ(wm_ws_assembler_feed(&a, s + 7, 2, &used, &ev), WM_WS_E_RSV);
	CHECK_EQ(used, 0);
	CHECK_EQ(wm_ws_assembler_feed(&a, "\x81\x80\x00\x00\x00\x00", 6, &used, &ev), WM_WS_E_RSV);
	CHECK_EQ(used, 0);
	wm_ws_assembler_free(&a);

}

TEST(ws_asm_partial_header_is_not_taken)
{
	wm_ws_assembler_t a;
	wm_ws_event_t ev;
	size_t used = 99;
	wm_ws_assembler_init(&a, 1, 0);
	CHECK_EQ(wm_ws_assembler_feed(&a, NULL, 0, &used, &ev), WM_WS_ASM_MORE);
	CHECK_EQ(used, 0);
	static const char s[] = "\x82\xfe\x01\x00\x01\x02\x03\x04";
	for (size_t k = 1; k < 8; k++) {
		CHECK_EQ(wm_ws_assembler_feed(&a, s, k, &used, &ev), WM_WS_ASM_MORE);
		CHECK_EQ(used, 0);
	}
	/* The whole header is taken, then payload as it comes. */
	CHECK_EQ(wm_ws_assembler_feed(&a, s, 8, &used, &ev), WM_WS_ASM_MORE);
	CHECK_EQ(used, 8);
	CHECK_EQ(a.in_frame, 1);
	char pay[256];
	memset(pay, 'z', sizeof(pay));
	CHECK_EQ(wm_ws_assembler_feed(&a, pay, 100, &used, &ev), WM_WS_ASM_MORE);
	CHECK_EQ(used, 100);
	CHECK_EQ(wm_ws_assembler_feed(&a, pay, 156, &used, &ev), WM_WS_ASM_MESSAGE);
	CHECK_EQ(used, 156);
	CHECK_EQ(ev.opcode, WM_WS_OP_BINARY);
	CHECK_EQ(ev.len, 256);
	wm_ws_assembler_free(&a);
}

TEST(ws_asm_max_package_boundary)
{
	/* As 3.5: the payload so far plus the frame's header and payload against maxPackageSize. */
	char pay[100];
	memset(pay, 'q', sizeof(pay));
	wm_buf_t s = WM_BUF_INIT;
	evlog_t l;
	put_frame(&s, 1, WM_WS_OP_BINARY, pay, 100, 1); /* 6 + 100 */
	run_asm(&l, 1, 106, wm_buf_head(&s), wm_buf_size(&s), 0);
	CHECK_STR_EQ(l.s, "binary:[100 bytes];");
	run_asm(&l, 1, 105, wm_buf_head(&s), wm_buf_size(&s), 0);
	CHECK_STR_EQ(l.s, "err:-11;");
	CHECK_EQ(wm_ws_error_close_code(WM_WS_E_TOO_BIG), 1009);

	/* Fragments: 50 bytes assembled + (6 + 50) of the last one = 106. Control frames in
	 * between do not count. */
	wm_buf_clear(&s);
	put_frame(&s, 0, WM_WS_OP_BINARY, pay, 50, 1);
	put_frame(&s, 1, WM_WS_OP_PING, pay, 100, 1);
	put_frame(&s, 1, WM_WS_OP_CONT, pay, 50, 1);
	run_asm(&l, 1, 106, wm_buf_head(&s), wm_buf_size(&s), 7);
	CHECK_STR_EQ(l.s, "ping:[100 bytes];binary:[100 bytes];");
	run_asm(&l, 1, 105, wm_buf_head(&s), wm_buf_size(&s), 7);
	CHECK_STR_EQ(l.s, "ping:[100 bytes];err:-11;");
	/* 0: no limit. */
	run_asm(&l, 1, 0, wm_buf_head(&s), wm_buf_size(&s), 0);
	CHECK_STR_EQ(l.s, "ping:[100 bytes];binary:[100 bytes];");

	/* A header announcing more than the limit fails before any payload arrives. */
	run_asm(&l, 1, 1 << 20, "\x82\xff\x00\x00\x00\x01\x40\x00\x00\x00\x01\x02\x03\x04", 14, 0);
	CHECK_STR_EQ(l.s, "err:-11;");
	wm_buf_free(&s);
}

TEST(ws_asm_over_4gib_header_streams)
{
	/* 5 GiB announced, no limit: the payload is taken as it comes, nothing is reserved up
	 * front. */
	wm_ws_assembler_t a;
	wm_ws_event_t ev;
	size_t used;
	wm_ws_assembler_init(&a, 0, 0);
	CHECK_EQ(wm_ws_assembler_feed(&a, "\x82\x7f\x00\x00\x00\x01\x40\x00\x00\x00" "abc", 13, &used, &ev),
		WM_WS_ASM_MORE);
	CHECK_EQ(used, 13);
	CHECK_EQ(a.frame.len, 0x140000000ULL);
	CHECK_EQ(a.frame_done, 3);
	CHECK_LE(a.msg.cap, 4096);
	wm_ws_assembler_free(&a);
}

TEST(ws_asm_close_of_125_bytes_any_split)
{
	char big[125];
	memset(big, 'r', sizeof(big));
	big[0] = 0x0f;
	big[1] = (char)0xa0; /* 4000 */
	wm_buf_t s = WM_BUF_INIT;
	put_frame(&s, 0, WM_WS_OP_TEXT, "abc", 3, 0);
	put_frame(&s, 1, WM_WS_OP_CLOSE, big, sizeof(big), 0);
	check_asm_all_splits(0, 0, &s, "close:4000:[123 bytes];");
	wm_buf_free(&s);
}

TEST(ws_asm_large_messages_reuse_the_buffer)
{
	size_t n = 70000; /* 64-bit length encoding */
	char *pay = malloc(n);
	for (size_t i = 0; i < n; i++) {
		pay[i] = (char)(i * 31 + 7);
	}
	wm_buf_t s = WM_BUF_INIT;
	put_frame(&s, 0, WM_WS_OP_BINARY, pay, 40000, 1);
	put_frame(&s, 1, WM_WS_OP_CONT, pay + 40000, n - 40000, 1);
	put_frame(&s, 1, WM_WS_OP_BINARY, pay, n, 1);
	wm_ws_assembler_t a;
	wm_ws_assembler_init(&a, 1, 0);
	wm_ws_event_t ev;
	size_t used, off = 0;
	const char *first = NULL;
	for (int m = 0; m < 2; m++) {
		int rc;
		/* Through a connection's read size. */
		for (;;) {
			size_t k = wm_buf_size(&s) - off < 8192 ? wm_buf_size(&s) - off : 8192;
			rc = wm_ws_assembler_feed(&a, wm_buf_head(&s) + off, k, &used, &ev);
			off += used;
			if (rc != WM_WS_ASM_MORE) {
				break;
			}
			REQUIRE(k > 0);
		}
		REQUIRE_EQ(rc, WM_WS_ASM_MESSAGE);
		CHECK_MEM_EQ(ev.data, ev.len, pay, n);
		if (m == 0) {
			first = ev.data;
		} else {
			CHECK_PTR_EQ(ev.data, first); /* no reallocation for the second message */
		}
	}
	CHECK_EQ(off, wm_buf_size(&s));
	wm_ws_assembler_free(&a);
	wm_buf_free(&s);
	free(pay);
}

TEST(ws_asm_message_survives_control_frames)
{
	/* A control frame between fragments leaves the open message's payload alone. */
	wm_ws_assembler_t a;
	wm_ws_event_t ev;
	size_t used;
	wm_ws_assembler_init(&a, 0, 0);
	static const char s[] = "\x01\x02" "ab" "\x89\x02" "pp" "\x80\x01" "c";
	CHECK_EQ(wm_ws_assembler_feed(&a, s, sizeof(s) - 1, &used, &ev), WM_WS_ASM_CONTROL);
	CHECK_EQ(used, 8);
	CHECK_MEM_EQ(ev.data, ev.len, "pp", 2);
	CHECK_EQ(wm_ws_assembler_feed(&a, s + used, sizeof(s) - 1 - used, &used, &ev), WM_WS_ASM_MESSAGE);
	CHECK_MEM_EQ(ev.data, ev.len, "abc", 3);
	CHECK_EQ(ev.opcode, WM_WS_OP_TEXT);
	wm_ws_assembler_free(&a);
	wm_ws_assembler_free(&a); /* twice is harmless */
}
