/* multipart/form-data bodies (RFC 7578 over RFC 2046): the boundary parameter of a
 * Content-Type and an iterator over the parts of a complete body. Nothing is allocated
 * and nothing is copied: every slice points into the caller's strings.
 *
 * Rules:
 *  - Lines end with CRLF only (a body using bare LF has no delimiter: error).
 *  - The boundary is 1..WM_MULTIPART_MAX_BOUNDARY bytes of RFC 2046 bchars (a space is
 *    allowed inside a quoted boundary, not at its end). RFC 2046 says 70; longer ones
 *    are accepted for robustness.
 *  - A delimiter is "--boundary" at the start of the body or right after a CRLF, followed
 *    by "--" (the close delimiter) or by optional SP/HTAB and CRLF. "--boundary" followed
 *    by anything else, or not at the start of a line, is part data (or preamble).
 *  - The preamble (before the first delimiter) and epilogue (after the close delimiter)
 *    are ignored. A body without a close delimiter, or whose last part is not ended by a
 *    delimiter, is an error (WM_MP_E_NO_END).
 *  - Part headers: "Name: value" lines (token name, no obs-fold, no control bytes), then
 *    an empty line, then data up to the CRLF before the next delimiter. A part whose
 *    headers are directly followed by a delimiter (no empty line) has empty data.
 *  - Content-Disposition: a disposition type (not checked) and parameters; "name" and
 *    "filename" are taken (token or quoted-string values, names case-insensitive);
 *    "filename*" / "name*" (RFC 5987) are ignored, as RFC 7578 4.2 says senders must not
 *    use them. Inside quotes, as PHP does, only \" and \\ are escapes (so
 *    filename="C:\dir\a.txt" keeps its backslashes); the slice is raw, and *_escaped
 *    tells when wm_multipart_unquote() must be applied to a copy. Duplicate
 *    Content-Disposition headers, or a duplicate name/filename parameter: error.
 *  - At most max_parts parts (WM_MP_E_TOO_MANY_PARTS beyond).
 */
#ifndef WM_PROTO_WM_MULTIPART_H
#define WM_PROTO_WM_MULTIPART_H

#include <stddef.h>

#include "src/proto/wm_http.h" /* wm_slice_t */

#define WM_MULTIPART_MAX_BOUNDARY 200
#define WM_MULTIPART_DEFAULT_MAX_PARTS 1024

enum {
	WM_MP_E_BOUNDARY = -1,       /* Content-Type: not multipart, no or invalid boundary */
	WM_MP_E_NO_START = -2,       /* no delimiter in the body */
	WM_MP_E_HEADER = -3,         /* malformed part header line */
	WM_MP_E_DISPOSITION = -4,    /* malformed or duplicate Content-Disposition */
	WM_MP_E_NO_END = -5,         /* a part not ended by a delimiter, no close delimiter */
	WM_MP_E_TOO_MANY_PARTS = -6,
};

typedef struct wm_multipart_part {
	wm_slice_t headers;      /* raw header lines incl. their CRLFs, without the empty line */
	wm_slice_t name;         /* Content-Disposition name, raw; p == NULL when absent */
	wm_slice_t filename;     /* Content-Disposition filename, raw; p == NULL when absent */
	wm_slice_t content_type; /* Content-Type value, trimmed; p == NULL when absent */
	wm_slice_t data;         /* the part's content, without the CRLF before the delimiter */
	int name_escaped;        /* name has \" or \\ escapes: wm_multipart_unquote() a copy */
	int filename_escaped;
} wm_multipart_part_t;

typedef struct wm_multipart {
	const char *body;
	size_t len;
	const char *boundary;
	size_t blen;
	size_t pos;          /* where the next part starts */
	unsigned nparts;     /* parts returned so far */
	unsigned max_parts;
	int state;           /* internal: 0 before the first delimiter, 1 in parts, 2 done, < 0 error */
} wm_multipart_t;

/* Find the boundary parameter of a Content-Type value whose type is multipart (any subtype).
 * Returns 0 and a slice into content_type (without quotes), or WM_MP_E_BOUNDARY. */
int wm_multipart_boundary(const char *content_type, size_t len, wm_slice_t *boundary);

/* Start iterating over body (complete, len bytes; NULL allowed when len is 0) with the
 * boundary from wm_multipart_boundary() (without the leading "--"). max_parts 0 =
 * WM_MULTIPART_DEFAULT_MAX_PARTS. Nothing to free afterwards. */
void wm_multipart_init(wm_multipart_t *mp, const char *body, size_t len, wm_slice_t boundary,
		unsigned max_parts);
/* Next part: 1 and *part filled (slices into body), 0 after the close delimiter,
 * < 0 a WM_MP_E_* error (sticky). Parts come in body order. */
int wm_multipart_next(wm_multipart_t *mp, wm_multipart_part_t *part);

/* Remove the \" and \\ escapes of a quoted-string value in place (other backslashes stay);
 * returns the new length (<= len). */
size_t wm_multipart_unquote(char *s, size_t len);

/* Short static description of a WM_MP_E_* error. */
const char *wm_multipart_error_reason(int err);

#endif
