/* Workerman's Frame protocol behind the protocol seam (wm_frame.h). */
#include "src/proto/wm_frame.h"
#include "src/wm_core.h"

#include <stdint.h>

/* Per connection: the header of the package being encoded. encode's iovec points here, and
 * the connection takes the bytes before the next send() can encode again. */
typedef struct frame_state {
	uint8_t header[WM_FRAME_HEADER_LEN];
} frame_state_t;

static int64_t frame_input(wm_proto_conn_t *pc, const char *data, size_t len)
{
	if (len < WM_FRAME_HEADER_LEN) {
		return 0;
	}
	const uint8_t *p = (const uint8_t *)data;
	uint32_t total = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	if (total < WM_FRAME_HEADER_LEN) {
		wm_log("error package. frame package_length=%u is shorter than its 4-byte header, closing",
			(unsigned)total);
		return WM_PROTO_E_BAD;
	}
	if ((int64_t)total > pc->max_package) {
		wm_log("error package. frame package_length=%u over maxPackageSize %lld, closing",
			(unsigned)total, (long long)pc->max_package);
		return WM_PROTO_E_BAD;
	}
	return (int64_t)total;
}

static int frame_decode(wm_proto_conn_t *pc, const char *frame, size_t len, wm_proto_msg_t *msg)
{
	(void)pc;
	/* input() announced len >= 4. */
	msg->data = frame + WM_FRAME_HEADER_LEN;
	msg->len = len - WM_FRAME_HEADER_LEN;
	msg->value = NULL;
	return WM_PROTO_OK;
}

static int frame_encode(wm_proto_conn_t *pc, wm_proto_payload_t *pl, wm_proto_out_t *out)
{
	frame_state_t *st = pc->state;
	size_t len;
	const char *p = wm_proto_payload_bytes(pl, &len);
	if (len > UINT32_MAX - WM_FRAME_HEADER_LEN) {
		return WM_PROTO_E_REFUSED;
	}
	uint32_t total = (uint32_t)len + WM_FRAME_HEADER_LEN;
	st->header[0] = (uint8_t)(total >> 24);
	st->header[1] = (uint8_t)(total >> 16);
	st->header[2] = (uint8_t)(total >> 8);
	st->header[3] = (uint8_t)total;
	out->iov[0].iov_base = st->header;
	out->iov[0].iov_len = WM_FRAME_HEADER_LEN;
	out->iov[1].iov_base = (void *)p;
	out->iov[1].iov_len = len;
	out->iovcnt = 2;
	return WM_PROTO_OK;
}

const wm_proto_ops_t wm_proto_frame = {
	.name = "frame",
	.state_size = sizeof(frame_state_t),
	.input = frame_input,
	.decode = frame_decode,
	.encode = frame_encode,
};
