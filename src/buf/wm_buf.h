/* Growable byte buffer with a read offset: append at the tail, consume at the head. */
#ifndef WM_BUF_WM_BUF_H
#define WM_BUF_WM_BUF_H

#include <stddef.h>

typedef struct wm_buf {
	char *data;   /* owned by the buffer; NULL until the first append */
	size_t off;   /* bytes already consumed at the head */
	size_t len;   /* bytes in use, counted from data (so unread = len - off) */
	size_t cap;
} wm_buf_t;

#define WM_BUF_INIT {NULL, 0, 0, 0}

static inline size_t wm_buf_size(const wm_buf_t *b) { return b->len - b->off; }
static inline const char *wm_buf_head(const wm_buf_t *b) { return b->data ? b->data + b->off : ""; }

/* Make room for at least n more bytes at the tail; returns the tail pointer (owned by b). */
char *wm_buf_reserve(wm_buf_t *b, size_t n);
/* Mark n bytes written at the tail (after wm_buf_reserve). */
static inline void wm_buf_commit(wm_buf_t *b, size_t n) { b->len += n; }
/* Copy n bytes to the tail. */
void wm_buf_append(wm_buf_t *b, const char *p, size_t n);
/* Drop n bytes from the head (n is clamped to the unread size). */
void wm_buf_consume(wm_buf_t *b, size_t n);
/* Forget the contents, keep the memory. */
static inline void wm_buf_clear(wm_buf_t *b) { b->off = b->len = 0; }
/* Release the memory. */
void wm_buf_free(wm_buf_t *b);

#endif
