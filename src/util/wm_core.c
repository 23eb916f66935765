/* Allocator and log hooks of the engine. */
#include "src/wm_core.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *default_alloc(size_t size) { return malloc(size); }
static void *default_realloc(void *p, size_t size) { return realloc(p, size); }
static void default_free(void *p) { free(p); }

static wm_allocator_t allocator = {default_alloc, default_realloc, default_free};
static wm_log_fn log_sink;

void wm_set_allocator(const wm_allocator_t *a)
{
	allocator = *a;
}

static void out_of_memory(size_t size)
{
	char msg[80];
	int n = snprintf(msg, sizeof(msg), "workerman: out of memory allocating %zu bytes\n", size);
	if (write(STDERR_FILENO, msg, (size_t)n) < 0) {
		/* nothing left to do */
	}
	abort();
}

void *wm_malloc(size_t size)
{
	void *p = allocator.alloc(size ? size : 1);
	if (!p) {
		out_of_memory(size);
	}
	return p;
}

void *wm_calloc(size_t n, size_t size)
{
	void *p = wm_malloc(n * size);
	memset(p, 0, n * size);
	return p;
}

void *wm_realloc(void *ptr, size_t size)
{
	void *p = allocator.realloc(ptr, size ? size : 1);
	if (!p) {
		out_of_memory(size);
	}
	return p;
}

void wm_free(void *ptr)
{
	if (ptr) {
		allocator.free(ptr);
	}
}

void wm_set_log_sink(wm_log_fn fn)
{
	log_sink = fn;
}

void wm_log(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0) {
		return;
	}
	if ((size_t)n >= sizeof(msg)) {
		n = sizeof(msg) - 1;
	}
	if (log_sink) {
		log_sink(msg, (size_t)n);
	} else {
		msg[n] = '\n';
		if (write(STDERR_FILENO, msg, (size_t)n + 1) < 0) {
			/* nowhere to report */
		}
	}
}
