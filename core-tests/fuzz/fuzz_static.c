/* Fuzz the static-file helpers with arbitrary header values: wm_range_parse against files of
 * several sizes (a partial range lies inside the file and is not empty; "bytes=" plus
 * whitespace never changes the answer), wm_http_date_parse (an accepted date formats to an
 * IMF-fixdate that parses back to the same time), the mime lookup and wm_path_extension
 * (the extension lies in the base name), and the head built from all of it (one blank line,
 * at its end). */
#include "fuzz_util.h"

#include <string.h>

#include "src/buf/wm_buf.h"
#include "src/proto/wm_static.h"

static const uint64_t sizes[] = {0, 1, 10, 65536, 1ULL << 40, UINT64_MAX};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1);
	if (size) {
		memcpy(s, data, size);
	}
	wm_static_head_t h;
	memset(&h, 0, sizeof(h));
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		uint64_t a = 7, b = 7;
		int rc = wm_range_parse(s, size, sizes[i], &a, &b);
		FUZZ_CHECK(rc >= WM_RANGE_UNSATISFIABLE && rc <= WM_RANGE_PARTIAL);
		if (rc == WM_RANGE_PARTIAL) {
			FUZZ_CHECK(a < b && b <= sizes[i]);
			if (i == 2) {
				h.range = rc;
				h.start = a;
				h.end = b;
				h.size = sizes[i];
			}
		} else {
			FUZZ_CHECK(a == 7 && b == 7);
		}
	}

	int64_t t = wm_http_date_parse(s, size);
	if (t != -1) {
		char out[WM_HTTP_DATE_LEN + 1];
		FUZZ_CHECK(wm_http_date_format(t, out) == WM_HTTP_DATE_LEN && strlen(out) == WM_HTTP_DATE_LEN);
		FUZZ_CHECK(wm_http_date_parse(out, WM_HTTP_DATE_LEN) == t);
		h.mtime = t;
	}

	/* As a path: a NUL-terminated copy. */
	char *path = malloc(size + 1);
	if (size) {
		memcpy(path, data, size);
	}
	path[size] = 0;
	size_t elen;
	const char *ext = wm_path_extension(path, &elen);
	if (ext) {
		const char *slash = strrchr(path, '/');
		FUZZ_CHECK(ext > path && ext[-1] == '.' && (!slash || ext > slash));
		FUZZ_CHECK(ext + elen == path + strlen(path));
		const char *type = wm_mime_lookup(ext, elen);
		if (type) {
			h.type = type;
			h.type_len = strlen(type);
		}
	} else {
		FUZZ_CHECK(elen == 0);
	}
	h.path = path;
	h.close_after = size & 1;
	wm_buf_t b = WM_BUF_INIT;
	wm_static_head_build(&b, &h);
	const char *hd = wm_buf_head(&b);
	size_t hl = wm_buf_size(&b);
	FUZZ_CHECK(hl > 4 && memcmp(hd + hl - 4, "\r\n\r\n", 4) == 0);
	for (size_t i = 0; i + 4 < hl; i++) {
		FUZZ_CHECK(memcmp(hd + i, "\r\n\r\n", 4) != 0);
		/* Nothing from the path breaks a header line. */
		FUZZ_CHECK(hd[i] != 0 && (hd[i] != '\n' || (i > 0 && hd[i - 1] == '\r')));
	}
	wm_buf_free(&b);
	free(path);
	free(s);
	return 0;
}
