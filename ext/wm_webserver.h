/* Private to Workerman\WebServer's two files: wm_webserver.c (the class, URL → file,
 * PHP pages) and wm_webserver_static.c (static files, mime types, Range, 304). */
#ifndef WM_EXT_WM_WEBSERVER_H
#define WM_EXT_WM_WEBSERVER_H

#include "ext/wm_http.h"

/* 3.5's built-in 404 page (111 bytes). */
#define WM_WEBSERVER_404_BODY \
	"<html><head><title>404 File not found</title></head><body><center><h3>404 Not Found</h3></center></body></html>"

/* $_SERVER[key] of the current request when it is a non-empty string (borrowed: valid
 * until PHP code runs), else NULL. */
zend_string *php_wm_webserver_server_str(const char *key, size_t len);

/* Answer through Http (its default headers, keep-alive and HEAD rules) with the status
 * line status ("HTTP/1.1 404 Not Found") and body. */
void php_wm_webserver_respond(php_wm_conn *c, const char *status, const char *body, size_t body_len);

/* Answer the current request with the file at path (sendFile): 304, Range, HEAD, the head
 * sent raw and the body streamed. A path that is not a readable regular file gets 404. */
void php_wm_webserver_send_file(php_wm_conn *c, const char *path);

/* Fill WebServer::$mimeTypeMap (extension => type) from the built-in table, as 3.5's
 * initMimeTypeMap() fills it from mime.types. */
void php_wm_webserver_mime_map_init(void);

#endif
