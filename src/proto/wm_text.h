/* Text protocol: one packet per line, terminated by "\n". */
#ifndef WM_PROTO_WM_TEXT_H
#define WM_PROTO_WM_TEXT_H

#include <stddef.h>

/* Length of the first complete packet in buf (including the "\n"), or 0 when none is complete. */
size_t wm_text_input(const char *buf, size_t len);
/* Length of the packet once trailing "\r" and "\n" bytes are stripped (PHP's rtrim($p, "\r\n")). */
size_t wm_text_decoded_len(const char *pkt, size_t len);

#endif
