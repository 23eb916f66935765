/* multipart/form-data parsing. The rules are listed in wm_multipart.h. */
#include "src/proto/wm_multipart.h"

#include <string.h>

#define IS_WS(c) ((c) == ' ' || (c) == '\t')

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_tchar(unsigned char c)
{
	return is_alnum(c) || (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* Header value byte: HTAB, SP, VCHAR, obs-text. */
static int is_value(unsigned char c)
{
	return c == '\t' || (c >= 0x20 && c != 0x7f);
}

/* RFC 2046 bcharsnospace. */
static int is_bchar(unsigned char c)
{
	return is_alnum(c) || (c != 0 && strchr("'()+_,-./:=?", c) != NULL);
}

/* a[0..n) equals the lowercase literal l, ASCII case-insensitively. */
static int ci_is(const char *a, size_t n, const char *l)
{
	if (strlen(l) != n) {
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)a[i];
		if (c >= 'A' && c <= 'Z') {
			c |= 0x20;
		}
		if (c != (unsigned char)l[i]) {
			return 0;
		}
	}
	return 1;
}

#define PV_QUOTED  1
#define PV_ESCAPED 2

/* A parameter value at p: quoted-string (only \" and \\ escape) or a run of visible bytes
 * other than ';', '"', '\'. Returns the byte after it, or NULL when malformed. */
static const char *param_value(const char *p, const char *end, wm_slice_t *v, int *flags)
{
	*flags = 0;
	if (p < end && *p == '"') {
		const char *s = ++p;
		*flags = PV_QUOTED;
		while (p < end && *p != '"') {
			if (*p == '\\' && end - p >= 2 && (p[1] == '"' || p[1] == '\\')) {
				*flags |= PV_ESCAPED;
				p += 2;
				continue;
			}
			if (!is_value((unsigned char)*p)) {
				return NULL;
			}
			p++;
		}
		if (p == end) {
			return NULL; /* unterminated */
		}
		v->p = s;
		v->len = (size_t)(p - s);
		return p + 1;
	}
	const char *s = p;
	while (p < end && (unsigned char)*p > 0x20 && *p != 0x7f && *p != ';' && *p != '"' && *p != '\\') {
		p++;
	}
	if (p == s) {
		return NULL;
	}
	v->p = s;
	v->len = (size_t)(p - s);
	return p;
}

/* Next "; name=value" parameter: 1 found, 0 end of the list, -1 malformed. */
static int next_param(const char **pp, const char *end, wm_slice_t *name, wm_slice_t *val, int *flags)
{
	const char *p = *pp;

	while (p < end && IS_WS(*p)) {
		p++;
	}
	if (p == end) {
		*pp = p;
		return 0;
	}
	if (*p != ';') {
		return -1;
	}
	p++;
	while (p < end && IS_WS(*p)) {
		p++;
	}
	if (p == end) {
		*pp = p;
		return 0; /* a trailing ';' */
	}
	const char *n = p;
	while (p < end && is_tchar((unsigned char)*p)) {
		p++;
	}
	if (p == n || p == end || *p != '=') {
		return -1;
	}
	name->p = n;
	name->len = (size_t)(p - n);
	p = param_value(p + 1, end, val, flags);
	if (!p) {
		return -1;
	}
	*pp = p;
	return 1;
}

int wm_multipart_boundary(const char *content_type, size_t len, wm_slice_t *boundary)
{
	wm_slice_t name, val;
	int flags, rc, found = 0;

	if (len == 0) {
		return WM_MP_E_BOUNDARY;
	}
	const char *p = content_type, *end = content_type + len;
	while (p < end && IS_WS(*p)) {
		p++;
	}
	const char *t = p;
	while (p < end && is_tchar((unsigned char)*p)) {
		p++;
	}
	if (!ci_is(t, (size_t)(p - t), "multipart") || p == end || *p != '/') {
		return WM_MP_E_BOUNDARY;
	}
	t = ++p;
	while (p < end && is_tchar((unsigned char)*p)) {
		p++;
	}
	if (p == t) {
		return WM_MP_E_BOUNDARY;
	}
	while ((rc = next_param(&p, end, &name, &val, &flags)) > 0) {
		if (!ci_is(name.p, name.len, "boundary")) {
			continue;
		}
		if (found || (flags & PV_ESCAPED) || val.len == 0 || val.len > WM_MULTIPART_MAX_BOUNDARY) {
			return WM_MP_E_BOUNDARY;
		}
		for (size_t i = 0; i < val.len; i++) {
			unsigned char c = (unsigned char)val.p[i];
			if (!is_bchar(c) && !(c == ' ' && i + 1 < val.len)) {
				return WM_MP_E_BOUNDARY;
			}
		}
		*boundary = val;
		found = 1;
	}
	if (rc < 0 || !found) {
		return WM_MP_E_BOUNDARY;
	}
	return 0;
}

void wm_multipart_init(wm_multipart_t *mp, const char *body, size_t len, wm_slice_t boundary,
		unsigned max_parts)
{
	mp->body = body;
	mp->len = body ? len : 0;
	mp->boundary = boundary.p;
	mp->blen = boundary.len;
	mp->pos = 0;
	mp->nparts = 0;
	mp->max_parts = max_parts ? max_parts : WM_MULTIPART_DEFAULT_MAX_PARTS;
	mp->state = 0;
	if (!boundary.p || boundary.len == 0 || boundary.len > WM_MULTIPART_MAX_BOUNDARY) {
		mp->state = WM_MP_E_BOUNDARY;
	}
}

/* Is there a delimiter line "--boundary" at offset at (a line start)? 0 no, 1 delimiter
 * (*next = the byte after its CRLF), 2 close delimiter (*next = the byte after "--"). */
static int delim_at(const wm_multipart_t *mp, size_t at, size_t *next)
{
	const char *b = mp->body;
	size_t len = mp->len;

	if (len - at < mp->blen + 2 || b[at] != '-' || b[at + 1] != '-' ||
			memcmp(b + at + 2, mp->boundary, mp->blen) != 0) {
		return 0;
	}
	size_t p = at + 2 + mp->blen;
	if (len - p >= 2 && b[p] == '-' && b[p + 1] == '-') {
		*next = p + 2;
		return 2;
	}
	while (p < len && IS_WS(b[p])) {
		p++;
	}
	if (len - p >= 2 && b[p] == '\r' && b[p + 1] == '\n') {
		*next = p + 2;
		return 1;
	}
	return 0;
}

/* First "\r\n" + delimiter at or after from: its kind (see delim_at), *hit = offset of
 * the CR; 0 when there is none. */
static int find_delim(const wm_multipart_t *mp, size_t from, size_t *hit, size_t *next)
{
	const char *b = mp->body;
	size_t len = mp->len;

	while (from < len) {
		const char *cr = memchr(b + from, '\r', len - from);
		if (!cr) {
			return 0;
		}
		size_t h = (size_t)(cr - b);
		if (len - h >= 2 && b[h + 1] == '\n') {
			int kind = delim_at(mp, h + 2, next);
			if (kind) {
				*hit = h;
				return kind;
			}
		}
		from = h + 1;
	}
	return 0;
}

static int fail(wm_multipart_t *mp, int err)
{
	mp->state = err;
	return err;
}

static int parse_disposition(const char *v, size_t vlen, wm_multipart_part_t *part)
{
	const char *p = v, *end = v + vlen;
	wm_slice_t name, val;
	int flags, rc;

	while (p < end && is_tchar((unsigned char)*p)) {
		p++;
	}
	if (p == v) {
		return -1;
	}
	while ((rc = next_param(&p, end, &name, &val, &flags)) > 0) {
		if (ci_is(name.p, name.len, "name")) {
			if (part->name.p) {
				return -1;
			}
			part->name = val;
			part->name_escaped = (flags & PV_ESCAPED) != 0;
		} else if (ci_is(name.p, name.len, "filename")) {
			if (part->filename.p) {
				return -1;
			}
			part->filename = val;
			part->filename_escaped = (flags & PV_ESCAPED) != 0;
		}
	}
	return rc;
}

int wm_multipart_next(wm_multipart_t *mp, wm_multipart_part_t *part)
{
	const char *b = mp->body;
	size_t len = mp->len;
	size_t p, hit, next;
	int kind, seen_cd = 0;

	if (mp->state < 0) {
		return mp->state;
	}
	if (mp->state == 2) {
		return 0;
	}
	if (mp->state == 0) {
		kind = delim_at(mp, 0, &next);
		if (!kind) {
			kind = find_delim(mp, 0, &hit, &next);
		}
		if (!kind) {
			return fail(mp, WM_MP_E_NO_START);
		}
		if (kind == 2) {
			mp->state = 2; /* "--boundary--": no parts at all */
			return 0;
		}
		mp->pos = next;
		mp->state = 1;
	}
	if (mp->nparts >= mp->max_parts) {
		return fail(mp, WM_MP_E_TOO_MANY_PARTS);
	}
	memset(part, 0, sizeof(*part));

	/* Header lines; every line start here follows a CRLF. */
	size_t hstart = p = mp->pos;
	for (;;) {
		if (p == len) {
			return fail(mp, WM_MP_E_NO_END);
		}
		if (b[p] == '\r') {
			if (len - p < 2 || b[p + 1] != '\n') {
				return fail(mp, WM_MP_E_HEADER);
			}
			part->headers.p = b + hstart;
			part->headers.len = p - hstart;
			p += 2;
			break;
		}
		kind = delim_at(mp, p, &next);
		if (kind) {
			/* Headers directly followed by the next delimiter: no data. */
			part->headers.p = b + hstart;
			part->headers.len = p - hstart;
			part->data.p = b + p - 2;
			part->data.len = 0;
			goto delimited;
		}
		size_t n = p;
		while (p < len && is_tchar((unsigned char)b[p])) {
			p++;
		}
		if (p == n || p == len || b[p] != ':') {
			return fail(mp, WM_MP_E_HEADER);
		}
		size_t nlen = p - n;
		p++;
		while (p < len && IS_WS(b[p])) {
			p++;
		}
		size_t v = p;
		while (p < len && is_value((unsigned char)b[p])) {
			p++;
		}
		if (len - p < 2 || b[p] != '\r' || b[p + 1] != '\n') {
			return fail(mp, WM_MP_E_HEADER);
		}
		size_t ve = p;
		while (ve > v && IS_WS(b[ve - 1])) {
			ve--;
		}
		p += 2;
		if (ci_is(b + n, nlen, "content-disposition")) {
			if (seen_cd || parse_disposition(b + v, ve - v, part) < 0) {
				return fail(mp, WM_MP_E_DISPOSITION);
			}
			seen_cd = 1;
		} else if (ci_is(b + n, nlen, "content-type")) {
			if (part->content_type.p) {
				return fail(mp, WM_MP_E_HEADER);
			}
			part->content_type.p = b + v;
			part->content_type.len = ve - v;
		}
	}

	/* Data up to the CRLF of the next delimiter; that CRLF may be the empty line's. */
	kind = find_delim(mp, p - 2, &hit, &next);
	if (!kind) {
		return fail(mp, WM_MP_E_NO_END);
	}
	if (hit < p) {
		part->data.p = b + hit;
		part->data.len = 0;
	} else {
		part->data.p = b + p;
		part->data.len = hit - p;
	}

delimited:
	mp->nparts++;
	if (kind == 2) {
		mp->state = 2;
	} else {
		mp->pos = next;
	}
	return 1;
}

size_t wm_multipart_unquote(char *s, size_t len)
{
	size_t r, w = 0;

	for (r = 0; r < len; r++) {
		if (s[r] == '\\' && r + 1 < len && (s[r + 1] == '"' || s[r + 1] == '\\')) {
			r++;
		}
		s[w++] = s[r];
	}
	return w;
}

const char *wm_multipart_error_reason(int err)
{
	switch (err) {
	case WM_MP_E_BOUNDARY: return "no or invalid multipart boundary";
	case WM_MP_E_NO_START: return "no multipart delimiter";
	case WM_MP_E_HEADER: return "malformed part header";
	case WM_MP_E_DISPOSITION: return "malformed Content-Disposition";
	case WM_MP_E_NO_END: return "multipart body not terminated";
	case WM_MP_E_TOO_MANY_PARTS: return "too many parts";
	}
	return "malformed multipart body";
}
