/* The engine's public basics: allocator hooks, log sink, error codes.
 * Nothing under src/ includes PHP headers; ext/ installs the hooks. */
#ifndef WM_CORE_H
#define WM_CORE_H

#include <stddef.h>
#include <stdint.h>

/* Result codes returned by engine calls (negative = failure). */
enum {
	WM_OK = 0,
	WM_ERR = -1,        /* see errno */
	WM_ERR_ADDR = -2,   /* malformed address */
	WM_ERR_NOMEM = -3,
};

/* Allocator used for every engine allocation. Defaults to malloc/realloc/free;
 * ext/ may install another before the first allocation. */
typedef struct wm_allocator {
	void *(*alloc)(size_t size);
	void *(*realloc)(void *ptr, size_t size);
	void (*free)(void *ptr);
} wm_allocator_t;

void wm_set_allocator(const wm_allocator_t *a);
void *wm_malloc(size_t size);            /* caller owns; aborts on OOM */
void *wm_calloc(size_t n, size_t size);  /* caller owns; aborts on OOM */
void *wm_realloc(void *ptr, size_t size);/* caller owns; aborts on OOM */
void wm_free(void *ptr);

/* Log sink: the engine reports problems here instead of printing. */
typedef void (*wm_log_fn)(const char *msg, size_t len);
void wm_set_log_sink(wm_log_fn fn);
void wm_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
