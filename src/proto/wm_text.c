/* Text protocol framing, and the Text protocol of the protocol seam (wm_proto.h). */
#include "src/proto/wm_text.h"
#include "src/proto/wm_proto.h"
#include "src/wm_core.h"

#include <string.h>

size_t wm_text_input(const char *buf, size_t len)
{
	if (len == 0) {
		return 0;
	}
	const char *nl = memchr(buf, '\n', len);
	return nl ? (size_t)(nl - buf) + 1 : 0;
}

size_t wm_text_decoded_len(const char *pkt, size_t len)
{
	while (len > 0 && (pkt[len - 1] == '\n' || pkt[len - 1] == '\r')) {
		len--;
	}
	return len;
}

/* ---- the Text protocol behind the protocol seam ---- */

static int64_t text_input(wm_proto_conn_t *pc, const char *data, size_t len)
{
	/* As Workerman's Text::input: a buffer reaching maxPackageSize closes the connection. */
	if ((int64_t)len >= pc->max_package) {
		wm_log("error package. text buffer of %zu bytes reached maxPackageSize %lld, closing", len,
			(long long)pc->max_package);
		return WM_PROTO_E_CLOSE;
	}
	return (int64_t)wm_text_input(data, len);
}

static int text_decode(wm_proto_conn_t *pc, const char *frame, size_t len, wm_proto_msg_t *msg)
{
	(void)pc;
	msg->data = frame;
	msg->len = wm_text_decoded_len(frame, len);
	msg->value = NULL;
	return WM_PROTO_OK;
}

static int text_encode(wm_proto_conn_t *pc, wm_proto_payload_t *pl, wm_proto_out_t *out)
{
	(void)pc;
	size_t len;
	const char *p = wm_proto_payload_bytes(pl, &len);
	out->iov[0].iov_base = (void *)p;
	out->iov[0].iov_len = len;
	out->iov[1].iov_base = (void *)"\n";
	out->iov[1].iov_len = 1;
	out->iovcnt = 2;
	return WM_PROTO_OK;
}

const wm_proto_ops_t wm_proto_text = {
	.name = "text",
	.input = text_input,
	.decode = text_decode,
	.encode = text_encode,
};
