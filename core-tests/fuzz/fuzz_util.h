/* Shared bits of the fuzz targets. A target defines LLVMFuzzerTestOneInput; it is linked
 * either with libFuzzer (make fuzz) or with standalone_main.c (make test: runs the
 * corpus and seeded mutations of it). A failed FUZZ_CHECK aborts: that is a finding. */
#ifndef WM_FUZZ_UTIL_H
#define WM_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

#endif
