/* WebSocket frame codec (wm_ws.h). */
#include "src/proto/wm_ws.h"

#include <string.h>

#include <openssl/evp.h>

/* ---- errors ---- */

static const struct {
	uint16_t code;
	const char *msg;
} ws_errors[] = {
	[-WM_WS_E_RSV] = {WM_WS_CLOSE_PROTOCOL, "reserved bits set"},
	[-WM_WS_E_OPCODE] = {WM_WS_CLOSE_PROTOCOL, "reserved opcode"},
	[-WM_WS_E_CONTROL_FRAGMENTED] = {WM_WS_CLOSE_PROTOCOL, "fragmented control frame"},
	[-WM_WS_E_CONTROL_LEN] = {WM_WS_CLOSE_PROTOCOL, "control frame payload over 125 bytes"},
	[-WM_WS_E_UNMASKED] = {WM_WS_CLOSE_PROTOCOL, "frame not masked"},
	[-WM_WS_E_MASKED] = {WM_WS_CLOSE_PROTOCOL, "frame masked"},
	[-WM_WS_E_LEN64] = {WM_WS_CLOSE_PROTOCOL, "64-bit payload length with the top bit set"},
	[-WM_WS_E_CONTINUATION] = {WM_WS_CLOSE_PROTOCOL, "continuation frame without a message"},
	[-WM_WS_E_EXPECTED_CONT] = {WM_WS_CLOSE_PROTOCOL, "new message inside a fragmented message"},
	[-WM_WS_E_UTF8] = {WM_WS_CLOSE_BAD_DATA, "text message is not valid UTF-8"},
	[-WM_WS_E_TOO_BIG] = {WM_WS_CLOSE_TOO_BIG, "message over maxPackageSize"},
	[-WM_WS_E_CLOSE_LEN] = {WM_WS_CLOSE_PROTOCOL, "close payload of 1 byte"},
	[-WM_WS_E_CLOSE_CODE] = {WM_WS_CLOSE_PROTOCOL, "invalid close code"},
	[-WM_WS_E_CLOSE_UTF8] = {WM_WS_CLOSE_BAD_DATA, "close reason is not valid UTF-8"},
};

static bool ws_error_known(int err)
{
	return err < 0 && (size_t)-err < sizeof(ws_errors) / sizeof(ws_errors[0]);
}

uint16_t wm_ws_error_close_code(int err)
{
	return ws_error_known(err) ? ws_errors[-err].code : WM_WS_CLOSE_PROTOCOL;
}

const char *wm_ws_error_msg(int err)
{
	return ws_error_known(err) ? ws_errors[-err].msg : "unknown error";
}

/* ---- frame header ---- */

static bool opcode_known(unsigned op)
{
	return op <= WM_WS_OP_BINARY || (op >= WM_WS_OP_CLOSE && op <= WM_WS_OP_PONG);
}

int wm_ws_parse_header(const char *buf, size_t len, int expect_masked, wm_ws_frame_t *f)
{
	const uint8_t *p = (const uint8_t *)buf;
	if (len < 1) {
		return 0;
	}
	unsigned op = p[0] & 0x0F;
	bool control = (op & 0x08) != 0;
	if (p[0] & 0x70) {
		return WM_WS_E_RSV;
	}
	if (!opcode_known(op)) {
		return WM_WS_E_OPCODE;
	}
	if (control && !(p[0] & 0x80)) {
		return WM_WS_E_CONTROL_FRAGMENTED;
	}
	if (len < 2) {
		return 0;
	}
	bool masked = (p[1] & 0x80) != 0;
	unsigned len7 = p[1] & 0x7F;
	if (masked != (expect_masked != 0)) {
		return masked ? WM_WS_E_MASKED : WM_WS_E_UNMASKED;
	}
	if (control && len7 > WM_WS_CONTROL_MAX) {
		return WM_WS_E_CONTROL_LEN;
	}
	size_t ext = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
	if (ext == 8 && len >= 3 && (p[2] & 0x80)) {
		return WM_WS_E_LEN64;
	}
	size_t hl = 2 + ext + (masked ? 4 : 0);
	if (len < hl) {
		return 0;
	}
	uint64_t plen = len7;
	if (ext) {
		plen = 0;
		for (size_t i = 0; i < ext; i++) {
			plen = plen << 8 | p[2 + i];
		}
	}
	f->len = plen;
	f->fin = p[0] >> 7;
	f->rsv = 0;
	f->opcode = (uint8_t)op;
	f->masked = masked;
	f->header_len = (uint8_t)hl;
	if (masked) {
		memcpy(f->mask, p + 2 + ext, 4);
	} else {
		memset(f->mask, 0, 4);
	}
	return (int)hl;
}

size_t wm_ws_header_build(uint8_t out[WM_WS_HEADER_MAX], int fin, int opcode, uint64_t len,
	const uint8_t *mask_key)
{
	size_t n = 2;
	out[0] = (uint8_t)((fin ? 0x80 : 0) | (opcode & 0x0F));
	uint8_t maskbit = mask_key ? 0x80 : 0;
	if (len <= WM_WS_CONTROL_MAX) {
		out[1] = maskbit | (uint8_t)len;
	} else if (len <= 0xFFFF) {
		out[1] = maskbit | 126;
		out[2] = (uint8_t)(len >> 8);
		out[3] = (uint8_t)len;
		n = 4;
	} else {
		out[1] = maskbit | 127;
		for (int i = 0; i < 8; i++) {
			out[2 + i] = (uint8_t)(len >> (56 - 8 * i));
		}
		n = 10;
	}
	if (mask_key) {
		memcpy(out + n, mask_key, 4);
		n += 4;
	}
	return n;
}

/* ---- masking ---- */

void wm_ws_unmask_copy(char *dst, const char *src, size_t len, const uint8_t key[4], size_t offset)
{
	if (len == 0) {
		return;
	}
	size_t i = 0;
	/* Byte by byte until dst is 8-aligned, then 8 bytes at a time with the key rotated to the
	 * phase there (memcpy keeps the byte order, so this is endian-neutral). */
	while (i < len && ((uintptr_t)(dst + i) & 7)) {
		dst[i] = (char)(src[i] ^ key[(offset + i) & 3]);
		i++;
	}
	if (len - i >= 8) {
		uint8_t k8[8];
		for (size_t j = 0; j < 8; j++) {
			k8[j] = key[(offset + i + j) & 3];
		}
		uint64_t k;
		memcpy(&k, k8, 8);
		for (; len - i >= 8; i += 8) {
			uint64_t w;
			memcpy(&w, src + i, 8);
			w ^= k;
			memcpy(dst + i, &w, 8);
		}
	}
	for (; i < len; i++) {
		dst[i] = (char)(src[i] ^ key[(offset + i) & 3]);
	}
}

void wm_ws_unmask(char *data, size_t len, const uint8_t key[4], size_t offset)
{
	wm_ws_unmask_copy(data, data, len, key, offset);
}

/* ---- handshake ---- */

int wm_ws_accept_key(const char *client_key, size_t len, char out[29])
{
	static const char guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	out[0] = '\0';
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (!ctx) {
		return -1;
	}
	int ok = EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) &&
		(len == 0 || EVP_DigestUpdate(ctx, client_key, len)) &&
		EVP_DigestUpdate(ctx, guid, sizeof(guid) - 1) &&
		EVP_DigestFinal_ex(ctx, md, &mdlen) && mdlen == 20;
	EVP_MD_CTX_free(ctx);
	if (!ok) {
		return -1;
	}
	EVP_EncodeBlock((unsigned char *)out, md, 20); /* 28 characters and a NUL */
	return 0;
}

/* ---- UTF-8 ---- */

/* Start a sequence at lead byte b: how many continuation bytes follow, and the range of the
 * first one (the narrow ranges exclude overlongs, surrogates and code points past U+10FFFF). */
static bool utf8_lead(wm_ws_utf8_t *u, uint8_t b)
{
	u->lo = 0x80;
	u->hi = 0xBF;
	if (b < 0xC2) {
		return false; /* a continuation byte, or an overlong 2-byte lead */
	}
	if (b >= 0xF5) {
		return false; /* would encode past U+10FFFF */
	}
	u->need = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
	switch (b) {
	case 0xE0: /* overlong below U+0800 */
		u->lo = 0xA0;
		break;
	case 0xED: /* surrogates U+D800-DFFF */
		u->hi = 0x9F;
		break;
	case 0xF0: /* overlong below U+10000 */
		u->lo = 0x90;
		break;
	case 0xF4: /* past U+10FFFF */
		u->hi = 0x8F;
		break;
	}
	return true;
}

static bool ascii8(const uint8_t *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return (w & 0x8080808080808080ULL) == 0;
}

bool wm_ws_utf8_feed(wm_ws_utf8_t *u, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	if (u->bad) {
		return false;
	}
	while (i < len) {
		if (u->need == 0) {
			if (len - i >= 8 && ascii8(p + i)) {
				i += 8;
				continue;
			}
			uint8_t b = p[i++];
			if (b >= 0x80 && !utf8_lead(u, b)) {
				u->bad = 1;
				return false;
			}
			continue;
		}
		uint8_t b = p[i++];
		if (b < u->lo || b > u->hi) {
			u->bad = 1;
			return false;
		}
		u->need--;
		u->lo = 0x80;
		u->hi = 0xBF;
	}
	return true;
}

bool wm_ws_utf8_valid(const char *s, size_t len)
{
	wm_ws_utf8_t u = {0, 0, 0, 0};
	return wm_ws_utf8_feed(&u, s, len) && wm_ws_utf8_complete(&u);
}

/* ---- close frames ---- */

bool wm_ws_close_code_valid(uint16_t code)
{
	return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) ||
		(code >= 3000 && code <= 4999);
}

int wm_ws_close_parse(const char *payload, size_t len, wm_ws_close_t *out)
{
	out->code = WM_WS_CLOSE_NO_STATUS;
	out->reason = payload;
	out->reason_len = 0;
	if (len == 0) {
		return 0;
	}
	if (len == 1) {
		return WM_WS_E_CLOSE_LEN;
	}
	const uint8_t *p = (const uint8_t *)payload;
	uint16_t code = (uint16_t)(p[0] << 8 | p[1]);
	if (!wm_ws_close_code_valid(code)) {
		return WM_WS_E_CLOSE_CODE;
	}
	if (!wm_ws_utf8_valid(payload + 2, len - 2)) {
		return WM_WS_E_CLOSE_UTF8;
	}
	out->code = code;
	out->reason = payload + 2;
	out->reason_len = len - 2;
	return 0;
}

/* ---- message assembler ---- */

void wm_ws_assembler_init(wm_ws_assembler_t *a, int expect_masked, uint64_t max_package)
{
	memset(a, 0, sizeof(*a));
	a->expect_masked = expect_masked;
	a->max_package = max_package;
}

void wm_ws_assembler_free(wm_ws_assembler_t *a)
{
	wm_buf_free(&a->msg);
}

/* A header was parsed: does the frame fit the message sequence and the size limit? */
static int asm_frame_begin(wm_ws_assembler_t *a)
{
	const wm_ws_frame_t *f = &a->frame;
	a->frame_done = 0;
	a->ctl_len = 0;
	if (f->opcode & 0x08) {
		return 0;
	}
	if (f->opcode == WM_WS_OP_CONT) {
		if (!a->msg_opcode) {
			return WM_WS_E_CONTINUATION;
		}
	} else if (a->msg_opcode) {
		return WM_WS_E_EXPECTED_CONT;
	}
	if (a->max_package) {
		uint64_t frame_len = f->header_len + f->len; /* no overflow: len < 2^63 */
		uint64_t so_far = wm_buf_size(&a->msg);
		if (frame_len > a->max_package || so_far > a->max_package - frame_len) {
			return WM_WS_E_TOO_BIG;
		}
	}
	if (f->opcode != WM_WS_OP_CONT) {
		a->msg_opcode = f->opcode;
		memset(&a->utf8, 0, sizeof(a->utf8));
	}
	return 0;
}

/* Payload bytes of the current frame: unmasked into the control buffer or the message. */
static int asm_frame_take(wm_ws_assembler_t *a, const char *src, size_t n)
{
	const wm_ws_frame_t *f = &a->frame;
	char *dst;
	if (f->opcode & 0x08) {
		dst = a->ctl + a->ctl_len;
		a->ctl_len += (uint8_t)n; /* the header check keeps the total <= 125 */
	} else {
		dst = wm_buf_reserve(&a->msg, n);
		wm_buf_commit(&a->msg, n);
	}
	if (f->masked) {
		wm_ws_unmask_copy(dst, src, n, f->mask, (size_t)a->frame_done);
	} else {
		memcpy(dst, src, n);
	}
	a->frame_done += n;
	if (a->msg_opcode == WM_WS_OP_TEXT && !(f->opcode & 0x08) && !wm_ws_utf8_feed(&a->utf8, dst, n)) {
		return WM_WS_E_UTF8;
	}
	return 0;
}

/* The current frame is complete: an event, or 0 for a fragment of an open message. */
static int asm_frame_end(wm_ws_assembler_t *a, wm_ws_event_t *ev)
{
	const wm_ws_frame_t *f = &a->frame;
	a->in_frame = 0;
	if (f->opcode & 0x08) {
		ev->opcode = f->opcode;
		ev->data = a->ctl;
		ev->len = a->ctl_len;
		if (f->opcode == WM_WS_OP_CLOSE) {
			int rc = wm_ws_close_parse(a->ctl, a->ctl_len, &ev->close);
			if (rc < 0) {
				return rc;
			}
		}
		return WM_WS_ASM_CONTROL;
	}
	if (!f->fin) {
		return 0;
	}
	if (a->msg_opcode == WM_WS_OP_TEXT && !wm_ws_utf8_complete(&a->utf8)) {
		return WM_WS_E_UTF8;
	}
	ev->opcode = a->msg_opcode;
	ev->data = wm_buf_head(&a->msg);
	ev->len = wm_buf_size(&a->msg);
	a->msg_opcode = 0;
	a->delivered = 1;
	return WM_WS_ASM_MESSAGE;
}

static int asm_fail(wm_ws_assembler_t *a, int err)
{
	a->err = err;
	return err;
}

int wm_ws_assembler_feed(wm_ws_assembler_t *a, const char *data, size_t len, size_t *used,
	wm_ws_event_t *ev)
{
	size_t pos = 0;
	*used = 0;
	if (a->err) {
		return a->err;
	}
	if (a->delivered) {
		wm_buf_clear(&a->msg);
		a->delivered = 0;
	}
	while (pos < len) {
		if (!a->in_frame) {
			int hl = wm_ws_parse_header(data + pos, len - pos, a->expect_masked, &a->frame);
			if (hl == 0) {
				break;
			}
			int rc = hl < 0 ? hl : asm_frame_begin(a);
			if (rc < 0) {
				*used = pos;
				return asm_fail(a, rc);
			}
			pos += (size_t)hl;
			a->in_frame = 1;
		}
		uint64_t left = a->frame.len - a->frame_done;
		size_t n = left < len - pos ? (size_t)left : len - pos;
		if (n) {
			int rc = asm_frame_take(a, data + pos, n);
			pos += n;
			if (rc < 0) {
				*used = pos;
				return asm_fail(a, rc);
			}
		}
		if (a->frame_done < a->frame.len) {
			break;
		}
		int rc = asm_frame_end(a, ev);
		if (rc != 0) {
			*used = pos;
			return rc < 0 ? asm_fail(a, rc) : rc;
		}
	}
	*used = pos;
	return WM_WS_ASM_MORE;
}
