/* WebSocket (RFC 6455) frame codec: pure functions over caller memory, no I/O. Used by the
 * server side (Workerman's Websocket protocol, peer frames masked) and the client side (Ws,
 * peer frames unmasked). The handshake's HTTP parts live with the HTTP code; this file only
 * computes the accept key.
 *
 * Layers, bottom up:
 *   wm_ws_parse_header / wm_ws_header_build   one frame header, read or written
 *   wm_ws_unmask / wm_ws_unmask_copy          the XOR of a payload, resumable at any offset
 *   wm_ws_utf8_*                              UTF-8 validation, whole or piece by piece
 *   wm_ws_close_*                             close frame payloads (RFC 6455 5.5.1, 7.4)
 *   wm_ws_assembler_*                         stream bytes -> messages and control frames
 *
 * Errors are negative WM_WS_E_* codes; wm_ws_error_close_code() gives the close code to fail
 * the connection with, wm_ws_error_msg() a short static text for the log. No extension is
 * ever negotiated, so every RSV bit is an error. */
#ifndef WM_PROTO_WM_WS_H
#define WM_PROTO_WM_WS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "src/buf/wm_buf.h"

enum {
	WM_WS_OP_CONT = 0x0,
	WM_WS_OP_TEXT = 0x1,
	WM_WS_OP_BINARY = 0x2,
	WM_WS_OP_CLOSE = 0x8,
	WM_WS_OP_PING = 0x9,
	WM_WS_OP_PONG = 0xA,
};

#define WM_WS_HEADER_MAX 14   /* 2 + 8 (64-bit length) + 4 (masking key) */
#define WM_WS_CONTROL_MAX 125 /* payload limit of a control frame */

/* Close codes used for the errors below (RFC 6455 7.4.1). */
enum {
	WM_WS_CLOSE_NORMAL = 1000,
	WM_WS_CLOSE_PROTOCOL = 1002,
	WM_WS_CLOSE_NO_STATUS = 1005, /* never on the wire: "the close frame had no code" */
	WM_WS_CLOSE_BAD_DATA = 1007,
	WM_WS_CLOSE_TOO_BIG = 1009,
};

/* Errors (negative). Each maps to a close code (all 1002 unless noted). */
enum {
	WM_WS_E_RSV = -1,               /* RSV1/2/3 set (no extension negotiated) */
	WM_WS_E_OPCODE = -2,            /* reserved opcode 0x3-0x7 or 0xB-0xF */
	WM_WS_E_CONTROL_FRAGMENTED = -3,/* control frame without FIN */
	WM_WS_E_CONTROL_LEN = -4,       /* control frame payload over 125 bytes */
	WM_WS_E_UNMASKED = -5,          /* server side: a client frame without a mask */
	WM_WS_E_MASKED = -6,            /* client side: a masked server frame (RFC 6455 5.1) */
	WM_WS_E_LEN64 = -7,             /* 64-bit length with its most significant bit set */
	WM_WS_E_CONTINUATION = -8,      /* assembler: continuation frame with no message open */
	WM_WS_E_EXPECTED_CONT = -9,     /* assembler: text/binary frame inside a fragmented message */
	WM_WS_E_UTF8 = -10,             /* 1007: text message that is not UTF-8 */
	WM_WS_E_TOO_BIG = -11,          /* 1009: message over the assembler's max_package */
	WM_WS_E_CLOSE_LEN = -12,        /* close payload of exactly 1 byte */
	WM_WS_E_CLOSE_CODE = -13,       /* close code not allowed on the wire */
	WM_WS_E_CLOSE_UTF8 = -14,       /* 1007: close reason that is not UTF-8 */
};

/* The close code to fail the connection with for a WM_WS_E_* (1002 for unknown values). */
uint16_t wm_ws_error_close_code(int err);
/* Short static description of a WM_WS_E_* ("unknown error" for other values). */
const char *wm_ws_error_msg(int err);

/* ---- frame header ---- */

typedef struct wm_ws_frame {
	uint64_t len;        /* payload length (< 2^63) */
	uint8_t mask[4];     /* masking key (when masked) */
	uint8_t fin;         /* 1: final fragment */
	uint8_t rsv;         /* RSV1..RSV3 as bits 2..0; always 0 from wm_ws_parse_header */
	uint8_t opcode;      /* WM_WS_OP_* */
	uint8_t masked;      /* 1: a masking key follows the length */
	uint8_t header_len;  /* 2..14 bytes */
} wm_ws_frame_t;

/* Parse the frame header at buf. expect_masked: nonzero on the server side (peer frames must
 * be masked), 0 on the client side (they must not be). Returns the header length (f filled),
 * 0 when more bytes are needed, or a WM_WS_E_* (f unspecified). Checks run in byte order, so
 * an error is reported from the shortest prefix that shows it, and every prefix of a buffer
 * gives 0 or the whole buffer's answer. Reads at most WM_WS_HEADER_MAX bytes. Non-minimal
 * length encodings are accepted (RFC 6455 does not require failing them). */
int wm_ws_parse_header(const char *buf, size_t len, int expect_masked, wm_ws_frame_t *f);

/* Write a frame header to out: FIN bit, opcode (low 4 bits), the shortest length encoding
 * (7 bits up to 125, 16 bits up to 65535, else 64 bits big-endian), and the mask bit and key
 * when mask_key is not NULL. Returns its length (2..14). Byte for byte what Workerman 3.5's
 * Websocket::encode (no mask) and Ws::encode (mask) write for payloads under 4 GiB. */
size_t wm_ws_header_build(uint8_t out[WM_WS_HEADER_MAX], int fin, int opcode, uint64_t len,
	const uint8_t *mask_key);

/* ---- masking ---- */

/* XOR len bytes with the key in place; offset is the position of data[0] in the payload (a
 * payload handled in pieces continues with offset += piece length). */
void wm_ws_unmask(char *data, size_t len, const uint8_t key[4], size_t offset);
/* The same from src to dst (dst == src, or not overlapping at all). */
void wm_ws_unmask_copy(char *dst, const char *src, size_t len, const uint8_t key[4], size_t offset);

/* ---- handshake ---- */

/* Sec-WebSocket-Accept for a Sec-WebSocket-Key: base64(SHA-1(key . GUID)) as 28 characters
 * and a NUL in out. The key is taken as given (Workerman 3.5 passes the header value with
 * leading spaces removed). Returns 0, or -1 when the digest fails (out is then ""). */
int wm_ws_accept_key(const char *client_key, size_t len, char out[29]);

/* ---- UTF-8 ---- */

/* UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates (U+D800-DFFF), nothing
 * above U+10FFFF. */
bool wm_ws_utf8_valid(const char *s, size_t len);

/* Validation of a text split into pieces (the fragments of a message): a sequence may span
 * pieces, an invalid byte is reported by the piece that contains it (fail fast). All-zero
 * memory is the initial state. */
typedef struct wm_ws_utf8 {
	uint8_t need;   /* continuation bytes still expected */
	uint8_t lo, hi; /* allowed range of the next continuation byte */
	uint8_t bad;    /* an invalid byte was seen (sticky) */
} wm_ws_utf8_t;

/* Feed the next piece; false when anything fed so far is invalid (sticky). */
bool wm_ws_utf8_feed(wm_ws_utf8_t *u, const char *s, size_t len);
/* True when everything fed is valid and ends on a character boundary. */
static inline bool wm_ws_utf8_complete(const wm_ws_utf8_t *u)
{
	return !u->bad && u->need == 0;
}

/* ---- close frames ---- */

/* May code be sent in a close frame? 1000-1003, 1007-1014 (1012-1014 are registered with
 * IANA after RFC 6455; Autobahn treats them as valid) and 3000-4999. */
bool wm_ws_close_code_valid(uint16_t code);

typedef struct wm_ws_close {
	uint16_t code;      /* WM_WS_CLOSE_NO_STATUS (1005) when the payload is empty */
	const char *reason; /* into the payload (not owned) */
	size_t reason_len;
} wm_ws_close_t;

/* Parse a close frame payload: empty, or a valid code and a UTF-8 reason. Returns 0 (out
 * filled), WM_WS_E_CLOSE_LEN, WM_WS_E_CLOSE_CODE or WM_WS_E_CLOSE_UTF8. */
int wm_ws_close_parse(const char *payload, size_t len, wm_ws_close_t *out);

/* ---- message assembler ---- */

/* Turns the frame stream of one connection into events. Usage:
 *   wm_ws_assembler_init(&a, expect_masked, max_package);
 *   rc = wm_ws_assembler_feed(&a, unread, unread_len, &used, &ev);  then consume `used`
 *   MORE      everything usable was taken; `used` stops before an incomplete header, whose
 *             bytes are to be given again with what follows
 *   MESSAGE   a whole text/binary message: ev.opcode, ev.data/ev.len (unmasked, owned by the
 *             assembler, valid until the next feed or free); call feed again for the rest
 *   CONTROL   a ping, pong or close frame (may come between the fragments of a message):
 *             ev.opcode, ev.data/ev.len (valid until the next feed); for a close, ev.close
 *             is its parsed and validated payload
 *   < 0       a WM_WS_E_* (sticky: later calls return it too): fail the connection with
 *             wm_ws_error_close_code(rc)
 * Payload bytes are taken as they arrive (a frame need not be complete in the input), so the
 * caller keeps at most one partial header; the message grows in a buffer that is reused for
 * the next message (no allocation once it is large enough). Text messages are checked as
 * UTF-8 while they arrive. After a close frame the peer sends nothing more; stop feeding. */
enum {
	WM_WS_ASM_MORE = 0,
	WM_WS_ASM_MESSAGE = 1,
	WM_WS_ASM_CONTROL = 2,
};

typedef struct wm_ws_event {
	int opcode;         /* MESSAGE: TEXT or BINARY; CONTROL: CLOSE, PING or PONG */
	const char *data;   /* the payload (owned by the assembler) */
	size_t len;
	wm_ws_close_t close; /* CONTROL with CLOSE: the parsed payload */
} wm_ws_event_t;

typedef struct wm_ws_assembler {
	/* Settings (may be changed between feeds). */
	uint64_t max_package;  /* 0: no limit; else, as Workerman 3.5 checks maxPackageSize, a data
	                        * frame is refused (WM_WS_E_TOO_BIG) when the message's payload so
	                        * far plus the frame's whole length (header included) exceeds it */
	int expect_masked;     /* as for wm_ws_parse_header */
	/* State. */
	wm_ws_frame_t frame;   /* the frame whose payload is arriving (when in_frame) */
	uint64_t frame_done;   /* its payload bytes taken */
	wm_buf_t msg;          /* the open (or just delivered) message's payload, owned */
	wm_ws_utf8_t utf8;     /* validation of the open text message */
	int err;               /* sticky WM_WS_E_* */
	uint8_t in_frame;
	uint8_t msg_opcode;    /* TEXT/BINARY of the open message, 0 when none is open */
	uint8_t delivered;     /* msg holds a delivered message, cleared by the next feed */
	uint8_t ctl_len;
	char ctl[WM_WS_CONTROL_MAX]; /* the control frame's payload */
} wm_ws_assembler_t;

/* A fresh assembler (the message buffer is allocated on first use). */
void wm_ws_assembler_init(wm_ws_assembler_t *a, int expect_masked, uint64_t max_package);
/* Take bytes of the stream, up to the next event (see above). *used is set on every return. */
int wm_ws_assembler_feed(wm_ws_assembler_t *a, const char *data, size_t len, size_t *used,
	wm_ws_event_t *ev);
/* Release the message buffer. Between messages (no fragment open) the assembler may go on
 * being fed afterwards, e.g. to give back the memory of a large message; else init it again. */
void wm_ws_assembler_free(wm_ws_assembler_t *a);

#endif
