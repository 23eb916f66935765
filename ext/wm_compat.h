/* Every PHP_VERSION_ID difference for 8.1–8.4 lives here. */
#ifndef WM_EXT_WM_COMPAT_H
#define WM_EXT_WM_COMPAT_H

#include "php.h"

#if PHP_VERSION_ID < 80100
# error "workerman needs PHP 8.1 or newer"
#endif

/* Trampolines (__call/__callStatic) are freed by zend_is_callable_ex's caller before 8.3,
 * so a resolved fcc for one cannot be kept. */
static inline bool php_wm_fcc_cacheable(const zend_fcall_info_cache *fcc)
{
	return fcc->function_handler
		&& !(fcc->function_handler->common.fn_flags & ZEND_ACC_CALL_VIA_TRAMPOLINE);
}

static inline void php_wm_fcc_release_trampoline(zend_fcall_info_cache *fcc)
{
	if (fcc->function_handler
			&& (fcc->function_handler->common.fn_flags & ZEND_ACC_CALL_VIA_TRAMPOLINE)) {
		zend_string_release_ex(fcc->function_handler->common.function_name, 0);
		zend_free_trampoline(fcc->function_handler);
		fcc->function_handler = NULL;
	}
}

#endif

/* The RNG (php_random_bytes_throw, php_mt_rand_range): 8.2 moved it to ext/random, 8.4
 * dropped the ext/standard shims. Included by the files that define WM_NEED_RANDOM. */
#if defined(WM_NEED_RANDOM) && !defined(WM_EXT_WM_COMPAT_RANDOM)
# define WM_EXT_WM_COMPAT_RANDOM
# if PHP_VERSION_ID >= 80200
#  include "ext/random/php_random.h"
# else
#  include "ext/standard/php_random.h"
#  include "ext/standard/php_mt_rand.h"
# endif
#endif
