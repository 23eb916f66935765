/* Fuzz the Text framing the way a connection uses it: the input (after two control
 * bytes) is a byte stream delivered in chunks of pseudo-random sizes; after every chunk
 * complete packets are extracted with wm_text_input from the unread bytes.
 * Checked: a packet length ends at the first '\n' and lies within the buffer (no read
 * past it: every call gets an exact-size heap buffer), "no packet" means no '\n',
 * wm_text_decoded_len strips exactly the trailing '\r'/'\n' run, and packets plus the
 * final remainder reproduce the stream. */
#include "fuzz_util.h"

#include <string.h>

#include "src/buf/wm_buf.h"
#include "src/proto/wm_text.h"

static int is_crlf(char c) { return c == '\r' || c == '\n'; }

static void check_decoded(const char *p, size_t n)
{
	size_t d = wm_text_decoded_len(p, n);
	FUZZ_CHECK(d <= n);
	for (size_t i = d; i < n; i++) {
		FUZZ_CHECK(is_crlf(p[i]));
	}
	FUZZ_CHECK(d == 0 || !is_crlf(p[d - 1]));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2) {
		return 0;
	}
	uint32_t seed = (uint32_t)data[0] << 8 | data[1];
	/* 0: byte by byte; small values: small chunks; large: big chunks. */
	size_t maxchunk = data[0] == 0 ? 1 : (size_t)data[0] * 4;
	const char *stream = (const char *)data + 2;
	size_t slen = size - 2;

	wm_buf_t in = WM_BUF_INIT;
	size_t pos = 0;      /* bytes of stream delivered */
	size_t framed = 0;   /* bytes of stream consumed as packets */
	while (pos < slen) {
		seed = seed * 1103515245u + 12345u;
		size_t chunk = 1 + (seed >> 8) % maxchunk;
		if (chunk > slen - pos) {
			chunk = slen - pos;
		}
		wm_buf_append(&in, stream + pos, chunk);
		pos += chunk;

		/* The unread bytes in an allocation of exactly their size. */
		size_t len = wm_buf_size(&in);
		char *buf = malloc(len);
		memcpy(buf, wm_buf_head(&in), len);
		size_t off = 0;
		for (;;) {
			const char *p = buf + off;
			size_t avail = len - off;
			size_t n = wm_text_input(avail ? p : buf, avail);
			const char *nl = avail ? memchr(p, '\n', avail) : NULL;
			if (n == 0) {
				FUZZ_CHECK(nl == NULL);
				break;
			}
			FUZZ_CHECK(n <= avail);
			FUZZ_CHECK(p[n - 1] == '\n');
			FUZZ_CHECK(nl == p + n - 1); /* the first newline */
			/* The packet is the next piece of the stream. */
			FUZZ_CHECK(framed + n <= pos);
			FUZZ_CHECK(memcmp(p, stream + framed, n) == 0);
			/* Decode through an exact-size copy of the packet alone. */
			char *pkt = malloc(n);
			memcpy(pkt, p, n);
			check_decoded(pkt, n);
			free(pkt);
			framed += n;
			off += n;
		}
		/* The remainder is unframed and decodes sanely too. */
		if (len - off) {
			check_decoded(buf + off, len - off);
		}
		free(buf);
		wm_buf_consume(&in, off);
		FUZZ_CHECK(wm_buf_size(&in) == pos - framed);
	}
	/* What is left is exactly the stream after the last newline. */
	const char *last = NULL;
	for (size_t i = 0; i < slen; i++) {
		if (stream[i] == '\n') {
			last = stream + i;
		}
	}
	size_t tail = last ? slen - (size_t)(last + 1 - stream) : slen;
	FUZZ_CHECK(wm_buf_size(&in) == tail);
	FUZZ_CHECK(tail == 0 || memcmp(wm_buf_head(&in), stream + slen - tail, tail) == 0);
	wm_buf_free(&in);
	return 0;
}
