/* Text protocol framing. */
#include "src/proto/wm_text.h"

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
