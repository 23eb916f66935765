/* Growable byte buffer. */
#include "src/buf/wm_buf.h"
#include "src/wm_core.h"

#include <string.h>

char *wm_buf_reserve(wm_buf_t *b, size_t n)
{
	if (b->cap - b->len >= n) {
		return b->data + b->len;
	}
	/* Reclaim consumed head space before growing. */
	if (b->off > 0) {
		size_t unread = b->len - b->off;
		memmove(b->data, b->data + b->off, unread);
		b->off = 0;
		b->len = unread;
		if (b->cap - b->len >= n) {
			return b->data + b->len;
		}
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < n) {
		cap *= 2;
	}
	b->data = wm_realloc(b->data, cap);
	b->cap = cap;
	return b->data + b->len;
}

void wm_buf_append(wm_buf_t *b, const char *p, size_t n)
{
	if (n == 0) {
		return;
	}
	memcpy(wm_buf_reserve(b, n), p, n);
	b->len += n;
}

void wm_buf_consume(wm_buf_t *b, size_t n)
{
	size_t unread = b->len - b->off;
	if (n >= unread) {
		b->off = b->len = 0;
		return;
	}
	b->off += n;
}

void wm_buf_free(wm_buf_t *b)
{
	wm_free(b->data);
	b->data = NULL;
	b->off = b->len = b->cap = 0;
}
