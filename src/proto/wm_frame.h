/* Workerman's Frame protocol: each package is a 4-byte big-endian total length (the 4 bytes
 * included) followed by the payload.
 *
 * As Workerman 3.5's Protocols/Frame.php: input waits for 4 bytes and announces the total
 * length, decode strips the 4 bytes, encode prepends pack('N', 4 + len). Where 3.5 has no
 * sane answer this file decides:
 *   - a total length below 4: 3.5 waits forever on 0 (input keeps returning 0 while the
 *     buffer grows) and takes 1..3 as a package of that many bytes, an empty message that
 *     leaves the stream misaligned; here it is WM_PROTO_E_BAD (logged, connection dropped);
 *   - a total length over maxPackageSize: WM_PROTO_E_BAD (logged), as 3.5's TcpConnection
 *     destroys the connection ("Error package. package_length=N");
 *   - a payload whose total length does not fit 32 bits: 3.5's pack('N') would wrap it
 *     silently; here encode refuses it (WM_PROTO_E_REFUSED, send() reports false). */
#ifndef WM_PROTO_WM_FRAME_H
#define WM_PROTO_WM_FRAME_H

#include "src/proto/wm_proto.h"

#define WM_FRAME_HEADER_LEN 4

extern const wm_proto_ops_t wm_proto_frame;

#endif
