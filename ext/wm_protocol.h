/* Protocol classes resolved to the ops of the protocol seam (wm_protocol.c, wm_proto_class.c). */
#ifndef WM_EXT_WM_PROTOCOL_H
#define WM_EXT_WM_PROTOCOL_H

#include "ext/wm_worker.h"

/* A protocol class, resolved once per request. Its ops are the C implementation of the class
 * when it has one (Text, Http), else php_wm_proto_class_ops, which calls the static methods. */
struct php_wm_protocol {
	zend_string *name;          /* as Workerman stores it, e.g. "\Workerman\Protocols\Text" */
	zend_class_entry *ce;
	zend_function *input, *decode, *encode, *on_close;
	const wm_proto_ops_t *ops;
};
/* The ops of a PHP protocol class (wm_proto_class.c); pc->arg is its php_wm_protocol. */
extern const wm_proto_ops_t php_wm_proto_class_ops;
/* What a PHP input() returned, read as Workerman does: 0 (only for int 0: wait for more),
 * a length (> 0: ints, floats and numeric strings), or -1 (a number that is no length).
 * *valid is false for a value that is no number at all (null, false, an array...). */
zend_long php_wm_proto_input_len(const zval *rv, bool *valid);
/* Resolve a protocol class name (cached for the request). NULL when the class is missing. */
php_wm_protocol *php_wm_protocol_get(zend_string *class_name);
/* Resolve a Worker scheme ("text", "JsonNL") the way Workerman 3.5 does; throws on failure. */
php_wm_protocol *php_wm_protocol_from_scheme(const char *scheme, size_t len);
void php_wm_protocol_cache_free(void);

/* At MINIT: instances of exactly ce speak ops (a C implementation of the class). */
void php_wm_protocol_register_native(const zend_class_entry *ce, const wm_proto_ops_t *ops);
void php_wm_protocol_minit(void);
void php_wm_text_minit(void);

#endif
