/* TLS settings from PHP: the `ssl` options of a context array turned into an engine
 * context (src/net/wm_tls.h), for ssl Workers and ssl clients. */
#ifndef WM_EXT_WM_TLS_H
#define WM_EXT_WM_TLS_H

#include "php.h"
#include "src/net/wm_tls.h"

/* A context from context['ssl'] (context may be any zval; non-arrays mean no options).
 * server: an ssl Worker (needs local_cert; verifies clients only with verify_peer), else a
 * client (verify_peer and verify_peer_name on by default, openssl.cafile/capath as PHP's
 * defaults). NULL on failure with the reason in err. */
wm_tls_ctx_t *php_wm_tls_ctx_from_context(const zval *context, int server, char *err, size_t errlen);

/* context['ssl']['peer_name'] when set (borrowed), else NULL. */
const char *php_wm_tls_peer_name(const zval *context);

/* Each wait of an accepted connection's handshake, in ms (ini workerman.ssl_handshake_timeout). */
unsigned php_wm_tls_handshake_timeout_ms(void);

#endif
