/* Fuzz the WebSocket codec (src/proto/wm_ws.h). Input: a flags byte (bit 0: server side,
 * peer frames masked; bit 1: a size limit; bits 2-7: chunk sizes), a parameter byte (the
 * limit, the unmask offset), then the byte stream of one connection.
 *
 * Checked:
 *  - wm_ws_parse_header at the first offsets of the stream: every prefix answers 0 or the
 *    whole answer, a header is 2..14 bytes and no longer than the input, and building the
 *    parsed fields again parses back to the same fields (the same bytes when the length
 *    encoding was the shortest);
 *  - wm_ws_header_build on fields taken from the input parses back to them;
 *  - wm_ws_unmask / wm_ws_unmask_copy, whole or split anywhere, equal a byte-wise XOR;
 *  - the assembler fed the whole stream at once and fed it in pseudo-random chunks (each
 *    call through an exact-size heap copy, so ASan sees reads past the input) gives the
 *    same events as a plain reference decoder written here: the same messages (each the
 *    concatenation of its fragments' unmasked payloads, so its length is their sum), the
 *    same control frames, the same final error or the same unconsumed rest. */
#include "fuzz_util.h"

#include <stdbool.h>
#include <string.h>

#include "src/buf/wm_buf.h"
#include "src/proto/wm_ws.h"

/* ---- recorded events ---- */

#define MAX_EVENTS 4096 /* a 2-byte frame each: more than the stream can hold */

typedef struct ev_rec {
	int rc;          /* WM_WS_ASM_MESSAGE / CONTROL, or a WM_WS_E_* */
	int opcode;
	size_t off, len; /* payload in the recorder's arena */
	uint16_t close_code;
} ev_rec_t;

typedef struct recorder {
	ev_rec_t ev[MAX_EVENTS];
	size_t n;
	wm_buf_t arena;
	size_t consumed; /* stream bytes taken when the run ended */
	int final;       /* WM_WS_ASM_MORE, or the error */
} recorder_t;

static void rec_add(recorder_t *r, int rc, int opcode, const char *p, size_t len, uint16_t close_code)
{
	FUZZ_CHECK(r->n < MAX_EVENTS);
	ev_rec_t *e = &r->ev[r->n++];
	e->rc = rc;
	e->opcode = opcode;
	e->off = wm_buf_size(&r->arena);
	e->len = len;
	e->close_code = close_code;
	wm_buf_append(&r->arena, p, len);
}

/* exact_end: compare where the runs stopped even after an error found inside a payload
 * (the assembler takes a frame's bytes as they arrive, so there it depends on the chunks). */
static void rec_compare(const recorder_t *a, const recorder_t *b, bool exact_end)
{
	FUZZ_CHECK(a->n == b->n);
	for (size_t i = 0; i < a->n; i++) {
		const ev_rec_t *x = &a->ev[i], *y = &b->ev[i];
		FUZZ_CHECK(x->rc == y->rc);
		FUZZ_CHECK(x->opcode == y->opcode);
		FUZZ_CHECK(x->len == y->len);
		FUZZ_CHECK(x->close_code == y->close_code);
		FUZZ_CHECK(x->len == 0 ||
			memcmp(wm_buf_head(&a->arena) + x->off, wm_buf_head(&b->arena) + y->off, x->len) == 0);
	}
	FUZZ_CHECK(a->final == b->final);
	FUZZ_CHECK(a->consumed == b->consumed || (!exact_end && a->final == WM_WS_E_UTF8));
}

/* ---- reference decoder: plain code, one rule at a time ---- */

/* Can these bytes begin valid UTF-8 (all complete sequences valid, the tail completable)?
 * *complete: they end on a character boundary. Works on code points, unlike wm_ws. */
static bool ref_utf8(const uint8_t *s, size_t len, bool *complete, size_t *boundary)
{
	static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
	size_t i = 0;
	*complete = true;
	*boundary = 0;
	while (i < len) {
		uint8_t b = s[i];
		size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
		if (n == 0) {
			return false;
		}
		uint32_t cp = n == 1 ? b : (uint32_t)(b & (0x7F >> n));
		size_t k = 1;
		for (; k < n && i + k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80) {
				return false;
			}
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		/* Code points reachable from here: [lo, hi]. */
		uint32_t lo = cp << 6 * (n - k), hi = lo | ((1u << 6 * (n - k)) - 1);
		uint32_t a = lo > min_cp[n] ? lo : min_cp[n];
		uint32_t z = hi < 0x10FFFF ? hi : 0x10FFFF;
		if (a > z || (a >= 0xD800 && z <= 0xDFFF)) {
			return false;
		}
		if (k < n) {
			*complete = false;
			return true;
		}
		i += n;
		*boundary = i;
	}
	return true;
}

static bool ref_close_code_ok(unsigned c)
{
	switch (c / 1000) {
	case 1:
		return c <= 1003 || (c >= 1007 && c <= 1014);
	case 3:
	case 4:
		return true;
	default:
		return false;
	}
}

static void reference(recorder_t *r, const uint8_t *s, size_t len, int masked, uint64_t max)
{
	size_t pos = 0;
	int open = 0;        /* opcode of the open message */
	size_t u8_done = 0;  /* bytes of the open message checked up to a character boundary */
	wm_buf_t msg = WM_BUF_INIT;
	r->final = WM_WS_ASM_MORE;
	for (;;) {
		size_t avail = len - pos;
		const uint8_t *h = s + pos;
		int err = 0;
		if (avail == 0) {
			break;
		}
		int op = h[0] & 15, fin = h[0] >> 7, control = op >= 8;
		if (h[0] & 0x70) {
			err = WM_WS_E_RSV;
		} else if ((op >= 3 && op <= 7) || op >= 11) {
			err = WM_WS_E_OPCODE;
		} else if (control && !fin) {
			err = WM_WS_E_CONTROL_FRAGMENTED;
		} else if (avail >= 2 && (h[1] >> 7) != masked) {
			err = masked ? WM_WS_E_UNMASKED : WM_WS_E_MASKED;
		} else if (avail >= 2 && control && (h[1] & 127) > 125) {
			err = WM_WS_E_CONTROL_LEN;
		} else if (avail >= 3 && (h[1] & 127) == 127 && h[2] >= 0x80) {
			err = WM_WS_E_LEN64;
		}
		if (err) {
			r->final = err;
			break;
		}
		if (avail < 2) {
			break;
		}
		size_t l7 = h[1] & 127, ext = l7 == 126 ? 2 : l7 == 127 ? 8 : 0;
		size_t hl = 2 + ext + (masked ? 4 : 0);
		if (avail < hl) {
			break;
		}
		uint64_t plen = l7;
		if (ext == 2) {
			plen = (uint64_t)h[2] << 8 | h[3];
		} else if (ext == 8) {
			plen = 0;
			for (int i = 0; i < 8; i++) {
				plen = plen * 256 + h[2 + i];
			}
		}
		const uint8_t *key = h + 2 + ext;
		if (!control) {
			if (op == 0 && !open) {
				err = WM_WS_E_CONTINUATION;
			} else if (op != 0 && open) {
				err = WM_WS_E_EXPECTED_CONT;
			} else if (max && (unsigned __int128)wm_buf_size(&msg) + hl + plen > max) {
				err = WM_WS_E_TOO_BIG;
			}
			if (err) {
				r->final = err;
				break;
			}
			if (op) {
				open = op;
				u8_done = 0;
			}
		}
		pos += hl;
		size_t take = plen < len - pos ? (size_t)plen : len - pos;
		char payload[125];
		for (size_t i = 0; i < take; i++) {
			uint8_t c = s[pos + i] ^ (masked ? key[i % 4] : 0);
			if (control) {
				payload[i] = (char)c;
			} else {
				wm_buf_append(&msg, (const char *)&c, 1);
			}
		}
		pos += take;
		bool complete = true;
		if (!control && open == WM_WS_OP_TEXT) {
			size_t b;
			if (!ref_utf8((const uint8_t *)wm_buf_head(&msg) + u8_done, wm_buf_size(&msg) - u8_done,
					&complete, &b)) {
				r->final = WM_WS_E_UTF8;
				break;
			}
			u8_done += b;
		}
		if (take < plen) {
			break; /* the frame's end has not arrived */
		}
		if (control) {
			uint16_t code = 0;
			if (op == WM_WS_OP_CLOSE) {
				bool done;
				size_t b;
				code = WM_WS_CLOSE_NO_STATUS;
				if (take == 1) {
					err = WM_WS_E_CLOSE_LEN;
				} else if (take >= 2) {
					code = (uint16_t)((uint8_t)payload[0] << 8 | (uint8_t)payload[1]);
					if (!ref_close_code_ok(code)) {
						err = WM_WS_E_CLOSE_CODE;
					} else if (!ref_utf8((const uint8_t *)payload + 2, take - 2, &done, &b) || !done) {
						err = WM_WS_E_CLOSE_UTF8;
					}
				}
				if (err) {
					r->final = err;
					break;
				}
			}
			rec_add(r, WM_WS_ASM_CONTROL, op, payload, take, code);
		} else if (fin) {
			if (!complete) {
				r->final = WM_WS_E_UTF8;
				break;
			}
			rec_add(r, WM_WS_ASM_MESSAGE, open, wm_buf_head(&msg), wm_buf_size(&msg), 0);
			wm_buf_clear(&msg);
			open = 0;
		}
	}
	r->consumed = pos;
	wm_buf_free(&msg);
}

/* ---- the assembler, fed like a connection ---- */

static void record_event(recorder_t *r, int rc, const wm_ws_event_t *ev)
{
	uint16_t code = 0;
	if (rc == WM_WS_ASM_CONTROL && ev->opcode == WM_WS_OP_CLOSE) {
		code = ev->close.code;
		FUZZ_CHECK(code == WM_WS_CLOSE_NO_STATUS ? ev->len == 0 : ev->len >= 2);
		FUZZ_CHECK(ev->close.reason_len == (ev->len ? ev->len - 2 : 0));
		FUZZ_CHECK(ev->close.reason_len == 0 || ev->close.reason == ev->data + 2);
	}
	if (rc == WM_WS_ASM_CONTROL) {
		FUZZ_CHECK(ev->opcode >= WM_WS_OP_CLOSE && ev->opcode <= WM_WS_OP_PONG);
		FUZZ_CHECK(ev->len <= WM_WS_CONTROL_MAX);
	} else {
		FUZZ_CHECK(ev->opcode == WM_WS_OP_TEXT || ev->opcode == WM_WS_OP_BINARY);
		FUZZ_CHECK(ev->opcode != WM_WS_OP_TEXT || wm_ws_utf8_valid(ev->data, ev->len));
	}
	rec_add(r, rc, ev->opcode, ev->data, ev->len, code);
}

/* maxchunk 0: everything at once. */
static void run_assembler(recorder_t *r, const uint8_t *s, size_t len, int masked, uint64_t max,
	size_t maxchunk, uint32_t seed)
{
	wm_ws_assembler_t a;
	wm_ws_assembler_init(&a, masked, max);
	wm_buf_t in = WM_BUF_INIT;
	size_t pos = 0, taken = 0;
	r->final = WM_WS_ASM_MORE;
	while (r->final == WM_WS_ASM_MORE && pos < len) {
		size_t chunk = len - pos;
		if (maxchunk) {
			seed = seed * 1103515245u + 12345u;
			size_t c = 1 + (seed >> 8) % maxchunk;
			chunk = c < chunk ? c : chunk;
		}
		wm_buf_append(&in, (const char *)s + pos, chunk);
		pos += chunk;
		for (;;) {
			size_t un = wm_buf_size(&in);
			char *copy = malloc(un ? un : 1);
			memcpy(copy, wm_buf_head(&in), un);
			size_t used = (size_t)-1;
			wm_ws_event_t ev;
			int rc = wm_ws_assembler_feed(&a, copy, un, &used, &ev);
			FUZZ_CHECK(used <= un);
			if (rc > 0) {
				/* Events point into the assembler, never into the input. */
				uintptr_t d = (uintptr_t)ev.data, c = (uintptr_t)copy;
				FUZZ_CHECK(ev.len == 0 || d + ev.len <= c || d >= c + un);
			}
			free(copy);
			wm_buf_consume(&in, used);
			taken += used;
			if (rc == WM_WS_ASM_MORE) {
				/* Whatever is left is a header prefix, shorter than a whole header. */
				FUZZ_CHECK(wm_buf_size(&in) < WM_WS_HEADER_MAX);
				FUZZ_CHECK(wm_buf_size(&in) == 0 || !a.in_frame);
				break;
			}
			if (rc < 0) {
				r->final = rc;
				/* Sticky. */
				size_t u2;
				FUZZ_CHECK(wm_ws_assembler_feed(&a, "\x81\x80\0\0\0\0", 6, &u2, &ev) == rc && u2 == 0);
				break;
			}
			record_event(r, rc, &ev);
		}
	}
	r->consumed = taken;
	wm_buf_free(&in);
	wm_ws_assembler_free(&a);
}

/* ---- header and masking checks ---- */

static int parse_copy(const uint8_t *s, size_t len, int masked, wm_ws_frame_t *f)
{
	uint8_t *p = malloc(len ? len : 1);
	memcpy(p, s, len);
	int rc = wm_ws_parse_header((const char *)p, len, masked, f);
	free(p);
	return rc;
}

static void check_header_at(const uint8_t *s, size_t len, int masked)
{
	size_t n = len < 16 ? len : 16;
	wm_ws_frame_t f, g;
	int whole = parse_copy(s, n, masked, &f);
	FUZZ_CHECK(whole <= WM_WS_HEADER_MAX);
	FUZZ_CHECK(whole <= (int)n);
	for (size_t k = 0; k < n; k++) {
		int rc = parse_copy(s, k, masked, &g);
		if (whole > 0) {
			FUZZ_CHECK(rc == ((int)k >= whole ? whole : 0));
		} else {
			FUZZ_CHECK(rc == 0 || rc == whole);
		}
	}
	if (whole <= 0) {
		return;
	}
	FUZZ_CHECK(whole >= 2 && f.header_len == whole && f.masked == (masked != 0) && f.rsv == 0);
	FUZZ_CHECK(f.len < (1ULL << 63));
	uint8_t h[WM_WS_HEADER_MAX];
	size_t hl = wm_ws_header_build(h, f.fin, f.opcode, f.len, f.masked ? f.mask : NULL);
	FUZZ_CHECK(hl <= (size_t)whole);
	if (hl == (size_t)whole) {
		FUZZ_CHECK(memcmp(h, s, hl) == 0); /* shortest encoding: the same bytes */
	}
	FUZZ_CHECK(parse_copy(h, hl, masked, &g) == (int)hl);
	FUZZ_CHECK(g.len == f.len && g.fin == f.fin && g.opcode == f.opcode && g.masked == f.masked);
	FUZZ_CHECK(memcmp(g.mask, f.mask, 4) == 0);
}

static void check_build(const uint8_t *s, size_t len)
{
	if (len < 14) {
		return;
	}
	int fin = s[0] & 1, op = s[0] >> 4, masked = (s[0] >> 1) & 1;
	uint64_t plen = 0;
	for (int i = 0; i < 8; i++) {
		plen = plen << 8 | s[2 + i];
	}
	plen >>= s[1] & 63; /* all length classes */
	uint8_t h[WM_WS_HEADER_MAX];
	size_t hl = wm_ws_header_build(h, fin, op, plen, masked ? s + 10 : NULL);
	FUZZ_CHECK(hl >= 2 && hl <= WM_WS_HEADER_MAX);
	wm_ws_frame_t f;
	int rc = parse_copy(h, hl, masked, &f);
	bool known = op <= 2 || (op >= 8 && op <= 10);
	bool legal = known && (op < 8 || (fin && plen <= 125)) && plen < (1ULL << 63);
	FUZZ_CHECK(legal ? rc == (int)hl : rc < 0);
	if (rc > 0) {
		FUZZ_CHECK(f.len == plen && f.fin == fin && f.opcode == op);
		FUZZ_CHECK(!masked || memcmp(f.mask, s + 10, 4) == 0);
	}
}

static void check_unmask(const uint8_t *s, size_t len, size_t offset, size_t split)
{
	if (len < 4) {
		return;
	}
	const uint8_t *key = s;
	char *a = malloc(len), *b = malloc(len), *c = malloc(len);
	for (size_t i = 0; i < len; i++) {
		a[i] = (char)(s[i] ^ key[(offset + i) % 4]);
	}
	memcpy(b, s, len);
	split %= len + 1;
	wm_ws_unmask(b, split, key, offset);
	wm_ws_unmask(b + split, len - split, key, offset + split);
	FUZZ_CHECK(memcmp(a, b, len) == 0);
	wm_ws_unmask_copy(c, (const char *)s, len, key, offset);
	FUZZ_CHECK(memcmp(a, c, len) == 0);
	free(a);
	free(b);
	free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2) {
		return 0;
	}
	int masked = data[0] & 1;
	uint64_t max = (data[0] & 2) ? (uint64_t)data[1] * 4 : 0;
	size_t maxchunk = (data[0] >> 2) == 0 ? 1 : (size_t)(data[0] >> 2) * 8;
	const uint8_t *s = data + 2;
	size_t len = size - 2;

	for (size_t off = 0; off < len && off < 32; off++) {
		check_header_at(s + off, len - off, masked);
	}
	check_build(s, len);
	check_unmask(s, len, data[1] & 7, (size_t)data[1] * 13);

	static recorder_t ref, whole, chunked;
	reference(&ref, s, len, masked, max);
	run_assembler(&whole, s, len, masked, max, 0, 0);
	run_assembler(&chunked, s, len, masked, max, maxchunk, (uint32_t)data[0] << 8 | data[1]);
	rec_compare(&ref, &whole, true);
	rec_compare(&ref, &chunked, false);
	recorder_t *all[3] = {&ref, &whole, &chunked};
	for (int i = 0; i < 3; i++) {
		wm_buf_free(&all[i]->arena);
		all[i]->n = 0;
	}
	return 0;
}
