/* wm_buf: growable byte buffer with a read offset. */
#include "wm_test.h"

#include "src/buf/wm_buf.h"
#include "src/wm_core.h"

static void fill_pattern(char *p, size_t n, size_t start)
{
	for (size_t i = 0; i < n; i++) {
		p[i] = (char)((start + i) % 251);
	}
}

static int is_pow2_times_256(size_t cap)
{
	if (cap < 256 || cap % 256) {
		return 0;
	}
	cap /= 256;
	return (cap & (cap - 1)) == 0;
}

TEST(buf_init_is_empty)
{
	wm_buf_t b = WM_BUF_INIT;
	CHECK(b.data == NULL);
	CHECK_EQ(wm_buf_size(&b), 0);
	CHECK_EQ(b.cap, 0);
	wm_buf_free(&b); /* freeing an untouched buffer is fine */
	CHECK(b.data == NULL);
}

TEST(buf_append_consume_basic)
{
	wm_buf_t b = WM_BUF_INIT;
	wm_buf_append(&b, "hello", 5);
	CHECK_EQ(wm_buf_size(&b), 5);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "hello", 5);
	CHECK_EQ(b.cap, 256);
	wm_buf_append(&b, " world", 6);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "hello world", 11);
	wm_buf_consume(&b, 6);
	CHECK_EQ(b.off, 6);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "world", 5);
	wm_buf_consume(&b, 5);
	/* Consuming everything rewinds to the start and keeps the memory. */
	CHECK_EQ(wm_buf_size(&b), 0);
	CHECK_EQ(b.off, 0);
	CHECK_EQ(b.len, 0);
	CHECK(b.data != NULL);
	CHECK_EQ(b.cap, 256);
	wm_buf_free(&b);
	CHECK(b.data == NULL);
	CHECK_EQ(b.cap, 0);
	CHECK_EQ(b.len, 0);
	CHECK_EQ(b.off, 0);
}

TEST(buf_consume_clamps)
{
	wm_buf_t b = WM_BUF_INIT;
	wm_buf_append(&b, "abc", 3);
	wm_buf_consume(&b, 1);
	wm_buf_consume(&b, 100); /* more than unread: clamped, buffer emptied */
	CHECK_EQ(wm_buf_size(&b), 0);
	CHECK_EQ(b.off, 0);
	wm_buf_append(&b, "xyz", 3);
	wm_buf_consume(&b, (size_t)-1);
	CHECK_EQ(wm_buf_size(&b), 0);
	wm_buf_consume(&b, 1); /* consuming from an empty buffer */
	CHECK_EQ(wm_buf_size(&b), 0);
	wm_buf_free(&b);
}

TEST(buf_zero_length_ops)
{
	wm_buf_t b = WM_BUF_INIT;
	wm_buf_append(&b, NULL, 0); /* no allocation for nothing */
	CHECK(b.data == NULL);
	CHECK_EQ(b.cap, 0);
	wm_buf_consume(&b, 0);
	CHECK_EQ(wm_buf_size(&b), 0);
	wm_buf_append(&b, "ab", 2);
	char *data = b.data;
	wm_buf_append(&b, "zz", 0);
	wm_buf_consume(&b, 0);
	CHECK_EQ(wm_buf_size(&b), 2);
	CHECK_PTR_EQ(b.data, data);
	char *tail = wm_buf_reserve(&b, 0);
	CHECK_PTR_EQ(tail, b.data + b.len);
	wm_buf_commit(&b, 0);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "ab", 2);
	wm_buf_free(&b);
}

TEST(buf_reserve_commit)
{
	wm_buf_t b = WM_BUF_INIT;
	char *p = wm_buf_reserve(&b, 10);
	REQUIRE(p != NULL);
	CHECK_PTR_EQ(p, b.data);
	CHECK_GE(b.cap - b.len, 10);
	memcpy(p, "0123456789", 10);
	wm_buf_commit(&b, 4); /* commit fewer than reserved */
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "0123", 4);
	p = wm_buf_reserve(&b, 3);
	CHECK_PTR_EQ(p, b.data + 4);
	memcpy(p, "abc", 3);
	wm_buf_commit(&b, 3);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "0123abc", 7);
	/* A reservation larger than the buffer grows it, contents preserved. */
	p = wm_buf_reserve(&b, 5000);
	CHECK_GE(b.cap - b.len, 5000);
	CHECK(is_pow2_times_256(b.cap));
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "0123abc", 7);
	memset(p, 'x', 5000);
	wm_buf_commit(&b, 5000);
	CHECK_EQ(wm_buf_size(&b), 5007);
	CHECK_EQ(wm_buf_head(&b)[5006], 'x');
	wm_buf_free(&b);
}

TEST(buf_clear_keeps_memory)
{
	wm_buf_t b = WM_BUF_INIT;
	wm_buf_append(&b, "abcdef", 6);
	wm_buf_consume(&b, 2);
	char *data = b.data;
	size_t cap = b.cap;
	wm_buf_clear(&b);
	CHECK_EQ(wm_buf_size(&b), 0);
	CHECK_EQ(b.off, 0);
	CHECK_PTR_EQ(b.data, data);
	CHECK_EQ(b.cap, cap);
	wm_buf_append(&b, "gh", 2);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "gh", 2);
	CHECK_PTR_EQ(b.data, data);
	wm_buf_free(&b);
}

TEST(buf_growth_doubles)
{
	wm_buf_t b = WM_BUF_INIT;
	char chunk[100];
	size_t last_cap = 0;
	int grew = 0;
	for (int i = 0; i < 100; i++) {
		fill_pattern(chunk, sizeof(chunk), (size_t)i * sizeof(chunk));
		wm_buf_append(&b, chunk, sizeof(chunk));
		CHECK(is_pow2_times_256(b.cap));
		CHECK_GE(b.cap, b.len);
		if (b.cap != last_cap) {
			grew++;
			if (last_cap) {
				CHECK_EQ(b.cap, last_cap * 2);
			}
			last_cap = b.cap;
		}
	}
	CHECK_EQ(wm_buf_size(&b), 10000);
	CHECK_EQ(b.cap, 16384);
	CHECK_EQ(grew, 7); /* 256 .. 16384 */
	char expect[10000];
	fill_pattern(expect, sizeof(expect), 0);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), expect, sizeof(expect));
	wm_buf_free(&b);
}

TEST(buf_head_reclaim_reuses_consumed_space)
{
	wm_buf_t b = WM_BUF_INIT;
	char x[200], y[150];
	fill_pattern(x, sizeof(x), 0);
	fill_pattern(y, sizeof(y), 200);
	wm_buf_append(&b, x, sizeof(x));
	CHECK_EQ(b.cap, 256);
	char *data = b.data;
	wm_buf_consume(&b, 150);
	CHECK_EQ(b.off, 150);
	/* 56 bytes free at the tail, 150 consumed at the head: 150 more fit after a move. */
	wm_buf_append(&b, y, sizeof(y));
	CHECK_EQ(b.cap, 256);
	CHECK_PTR_EQ(b.data, data);
	CHECK_EQ(b.off, 0);
	CHECK_EQ(wm_buf_size(&b), 200);
	CHECK_MEM_EQ(wm_buf_head(&b), 50, x + 150, 50);
	CHECK_MEM_EQ(wm_buf_head(&b) + 50, 150, y, 150);
	/* Reclaim is not enough here: the buffer grows and keeps the bytes. */
	wm_buf_consume(&b, 10);
	char z[300];
	fill_pattern(z, sizeof(z), 350);
	wm_buf_append(&b, z, sizeof(z));
	CHECK_EQ(b.cap, 512);
	CHECK_EQ(b.off, 0);
	CHECK_EQ(wm_buf_size(&b), 490);
	CHECK_MEM_EQ(wm_buf_head(&b), 40, x + 160, 40);
	CHECK_MEM_EQ(wm_buf_head(&b) + 40, 150, y, 150);
	CHECK_MEM_EQ(wm_buf_head(&b) + 190, 300, z, 300);
	wm_buf_free(&b);
}

TEST(buf_reserve_does_not_move_when_room_at_tail)
{
	wm_buf_t b = WM_BUF_INIT;
	wm_buf_append(&b, "0123456789", 10);
	wm_buf_consume(&b, 5);
	char *p = wm_buf_reserve(&b, 100); /* fits at the tail: no compaction */
	CHECK_EQ(b.off, 5);
	CHECK_PTR_EQ(p, b.data + 10);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), "56789", 5);
	wm_buf_free(&b);
}

TEST(buf_large_append_1mb)
{
	size_t n = 1u << 20;
	char *src = malloc(n);
	REQUIRE(src != NULL);
	fill_pattern(src, n, 7);
	wm_buf_t b = WM_BUF_INIT;
	wm_buf_append(&b, src, n);
	CHECK_EQ(wm_buf_size(&b), n);
	CHECK_EQ(b.cap, n);
	CHECK_MEM_EQ(wm_buf_head(&b), wm_buf_size(&b), src, n);
	/* One more byte doubles the capacity. */
	wm_buf_append(&b, "!", 1);
	CHECK_EQ(b.cap, 2 * n);
	CHECK_EQ(wm_buf_head(&b)[n], '!');
	wm_buf_consume(&b, n - 3);
	CHECK_EQ(wm_buf_size(&b), 4);
	CHECK_MEM_EQ(wm_buf_head(&b), 3, src + n - 3, 3);
	/* Appending 1 MB in pieces after a big consume reuses the head. */
	for (size_t off = 0; off < n; off += 4096) {
		wm_buf_append(&b, src + off, 4096);
	}
	CHECK_EQ(b.cap, 2 * n);
	CHECK_EQ(wm_buf_size(&b), n + 4);
	CHECK_MEM_EQ(wm_buf_head(&b) + 4, n, src, n);
	wm_buf_free(&b);
	free(src);
}

/* Random interleaved operations against a trivially correct model. */
static uint64_t rng_state;
static uint32_t rng(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng_state >> 33);
}

TEST(buf_random_ops_match_model)
{
	const size_t model_cap = 1u << 20;
	char *model = malloc(model_cap);
	char *tmp = malloc(65536);
	REQUIRE(model && tmp);
	size_t mlen = 0;
	size_t seq = 0; /* pattern position of the next produced byte */
	wm_buf_t b = WM_BUF_INIT;
	rng_state = 20240601;
	int mismatches = 0;
	for (int step = 0; step < 20000 && mismatches < 5; step++) {
		uint32_t r = rng();
		size_t n = (r >> 8) % ((r & 0x80) ? 8192 : 300);
		switch (r % 6) {
		case 0: case 1: /* append */
			if (mlen + n > model_cap) {
				break;
			}
			fill_pattern(tmp, n, seq);
			wm_buf_append(&b, tmp, n);
			memcpy(model + mlen, tmp, n);
			mlen += n;
			seq += n;
			break;
		case 2: { /* reserve, write, commit part of it */
			if (mlen + n > model_cap) {
				break;
			}
			size_t unread = wm_buf_size(&b), cap = b.cap;
			if (n == 0 && b.data == NULL) {
				n = 1; /* reserve(0) on a never-allocated buffer: see test_buf notes */
			}
			char *p = wm_buf_reserve(&b, n);
			CHECK_PTR_EQ(p, b.data + b.len);
			CHECK_GE(b.cap - b.len, n);
			if (cap - unread >= n) {
				CHECK_EQ(b.cap, cap); /* compaction sufficed: no growth */
			}
			size_t k = n ? rng() % (n + 1) : 0;
			fill_pattern(p, n, seq);
			wm_buf_commit(&b, k);
			memcpy(model + mlen, p, k);
			mlen += k;
			seq += k;
			break;
		}
		case 3: case 4: /* consume */
			if (n > mlen && (r & 0x100)) {
				n = mlen; /* often consume exactly what is left */
			}
			wm_buf_consume(&b, n);
			if (n >= mlen) {
				mlen = 0;
			} else {
				memmove(model, model + n, mlen - n);
				mlen -= n;
			}
			break;
		case 5:
			if ((r & 0xf00) == 0) {
				wm_buf_free(&b);
				mlen = 0;
			} else if ((r & 0xf00) == 0x100) {
				wm_buf_clear(&b);
				mlen = 0;
			}
			break;
		}
		if (b.off > b.len || b.len > b.cap || wm_buf_size(&b) != mlen ||
				(mlen && memcmp(wm_buf_head(&b), model, mlen) != 0)) {
			mismatches++;
			CHECK_MSG(0, "step %d: buffer (off %zu len %zu cap %zu) differs from the model (%zu bytes)",
				step, b.off, b.len, b.cap, mlen);
		}
	}
	CHECK_EQ(mismatches, 0);
	wm_buf_free(&b);
	free(model);
	free(tmp);
}

/* The allocator hook is used for buffer memory. */
static size_t hook_allocs, hook_frees;
static void *hook_alloc(size_t n) { hook_allocs++; return malloc(n); }
static void *hook_realloc(void *p, size_t n) { if (!p) { hook_allocs++; } return realloc(p, n); }
static void hook_free(void *p) { hook_frees++; free(p); }

TEST(buf_uses_allocator_hooks)
{
	wm_allocator_t a = {hook_alloc, hook_realloc, hook_free};
	wm_set_allocator(&a);
	wm_buf_t b = WM_BUF_INIT;
	wm_buf_append(&b, "abc", 3);
	wm_buf_append(&b, NULL, 0);
	char big[1000] = {0};
	wm_buf_append(&b, big, sizeof(big));
	wm_buf_free(&b);
	CHECK_EQ(hook_allocs, 1);
	CHECK_EQ(hook_frees, 1);
}
