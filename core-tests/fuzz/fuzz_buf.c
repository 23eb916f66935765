/* Fuzz wm_buf: the input is a program of append/consume/reserve+commit/clear/free
 * operations, run against wm_buf and a plain array model at once. After every step the
 * buffer must hold exactly the model's bytes, keep off <= len <= cap, grow only when
 * reclaiming the consumed head is not enough, and grow to the smallest doubling. */
#include "fuzz_util.h"

#include <string.h>

#include "src/buf/wm_buf.h"

#define MODEL_MAX (1u << 17)

/* The model: mlen bytes at model_store + moff (consuming moves moff, no copying). */
static uint8_t model_store[2 * MODEL_MAX];
static size_t moff;
#define model (model_store + moff)
static uint8_t scratch[16384];
static unsigned step_no;

typedef struct reader {
	const uint8_t *p;
	size_t n;
} reader_t;

static uint8_t next_u8(reader_t *r)
{
	if (r->n == 0) {
		return 0;
	}
	r->n--;
	return *r->p++;
}

/* 0..16383: big enough for several doublings, small enough to stay fast. */
static size_t next_u14(reader_t *r)
{
	size_t hi = next_u8(r) & 0x3f;
	return hi << 8 | next_u8(r);
}

static int cap_ok(size_t cap)
{
	if (cap == 0) {
		return 1;
	}
	if (cap < 256 || cap % 256) {
		return 0;
	}
	cap /= 256;
	return (cap & (cap - 1)) == 0;
}

static void check_same(const wm_buf_t *b, size_t mlen)
{
	FUZZ_CHECK(b->off <= b->len);
	FUZZ_CHECK(b->len <= b->cap);
	FUZZ_CHECK(cap_ok(b->cap));
	FUZZ_CHECK((b->data == NULL) == (b->cap == 0));
	FUZZ_CHECK(wm_buf_size(b) == mlen);
	if (mlen == 0) {
		return;
	}
	/* Full comparison while small, and every 16th step; otherwise both ends and a
	 * window in the middle (the bytes come from a running counter, so a misplaced
	 * block shows up there too). */
	if (mlen <= 65536 || ++step_no % 16 == 0) {
		FUZZ_CHECK(memcmp(wm_buf_head(b), model, mlen) == 0);
		return;
	}
	size_t mid = (mlen / 2) & ~(size_t)4095;
	FUZZ_CHECK(memcmp(wm_buf_head(b), model, 4096) == 0);
	FUZZ_CHECK(memcmp(wm_buf_head(b) + mid, model + mid, 4096) == 0);
	FUZZ_CHECK(memcmp(wm_buf_head(b) + mlen - 4096, model + mlen - 4096, 4096) == 0);
}

/* Room for n more model bytes after the current ones. */
static void model_make_room(size_t mlen, size_t n)
{
	if (moff + mlen + n > sizeof(model_store)) {
		memmove(model_store, model_store + moff, mlen);
		moff = 0;
	}
}

/* Growth rule for making room for n more bytes. */
static void check_growth(size_t old_cap, size_t old_unread, size_t old_len, size_t n,
		const wm_buf_t *b)
{
	if (old_cap - old_len >= n || old_cap - old_unread >= n) {
		FUZZ_CHECK(b->cap == old_cap); /* room at the tail or after compaction */
		return;
	}
	FUZZ_CHECK(b->cap >= old_unread + n);
	size_t base = old_cap ? old_cap : 256;
	FUZZ_CHECK(b->cap == base || b->cap / 2 < old_unread + n); /* smallest doubling */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	reader_t r = {data, size};
	wm_buf_t b = WM_BUF_INIT;
	size_t mlen = 0;
	moff = 0;
	uint8_t seq = 0;
	while (r.n > 0) {
		uint8_t op = next_u8(&r);
		size_t n;
		switch (op % 8) {
		case 0: /* small append */
		case 1: /* large append */
			n = op % 8 == 0 ? next_u8(&r) : next_u14(&r);
			if (mlen + n > MODEL_MAX) {
				break;
			}
			for (size_t i = 0; i < n; i++) {
				scratch[i] = (uint8_t)(seq++ ^ op);
			}
			{
				size_t oc = b.cap, ou = wm_buf_size(&b), ol = b.len;
				wm_buf_append(&b, n ? (const char *)scratch : NULL, n);
				if (n) {
					check_growth(oc, ou, ol, n, &b);
				} else {
					FUZZ_CHECK(b.cap == oc && b.len == ol);
				}
			}
			model_make_room(mlen, n);
			memcpy(model + mlen, scratch, n);
			mlen += n;
			break;
		case 2: /* small consume */
		case 3: /* large consume, or everything and more */
			n = op % 8 == 2 ? next_u8(&r) : (op & 0x80) ? (size_t)-1 : next_u14(&r);
			wm_buf_consume(&b, n);
			if (n >= mlen) {
				mlen = 0;
				moff = 0;
				FUZZ_CHECK(b.off == 0 && b.len == 0);
			} else {
				moff += n;
				mlen -= n;
			}
			break;
		case 4: { /* reserve n, write, commit k <= n */
			n = next_u14(&r);
			size_t k = n ? n * next_u8(&r) / 255 : 0;
			if (mlen + n > MODEL_MAX) {
				break;
			}
			if (n == 0 && b.data == NULL) {
				/* reserve(0) on a never-allocated buffer computes NULL + 0 (UB, reported
				 * separately); keep the fuzzer on other paths. */
				break;
			}
			size_t oc = b.cap, ou = wm_buf_size(&b), ol = b.len;
			char *p = wm_buf_reserve(&b, n);
			FUZZ_CHECK(p == b.data + b.len);
			FUZZ_CHECK(b.cap - b.len >= n);
			check_growth(oc, ou, ol, n, &b);
			/* Unread bytes survive a reservation. */
			FUZZ_CHECK(wm_buf_size(&b) == mlen);
			for (size_t i = 0; i < n; i++) {
				p[i] = (char)(seq++ ^ op);
			}
			wm_buf_commit(&b, k);
			model_make_room(mlen, k);
			memcpy(model + mlen, p, k);
			mlen += k;
			break;
		}
		case 5: { /* clear: memory kept */
			char *d = b.data;
			size_t c = b.cap;
			wm_buf_clear(&b);
			FUZZ_CHECK(b.data == d && b.cap == c);
			mlen = 0;
			moff = 0;
			break;
		}
		case 6: /* free */
			wm_buf_free(&b);
			FUZZ_CHECK(b.data == NULL && b.cap == 0 && b.len == 0 && b.off == 0);
			mlen = 0;
			moff = 0;
			break;
		case 7: { /* zero-length operations change nothing */
			wm_buf_t before = b;
			wm_buf_append(&b, NULL, 0);
			wm_buf_consume(&b, 0);
			if (b.data) {
				FUZZ_CHECK(wm_buf_reserve(&b, 0) == b.data + b.len);
				wm_buf_commit(&b, 0);
			}
			FUZZ_CHECK(memcmp(&before, &b, sizeof(b)) == 0);
			break;
		}
		}
		check_same(&b, mlen);
	}
	wm_buf_free(&b);
	return 0;
}
