/* main() for the fuzz targets when libFuzzer is not used: runs every file given (or in
 * the directories given), then, with --mutations=N, N inputs made from them by a fixed
 * seed (byte flips, inserts, deletes, splices), so the regression also covers inputs
 * near the corpus. Prints "RESULT <target>: passed=1 failed=0" when nothing aborted. */
#include "fuzz_util.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

typedef struct input {
	uint8_t *data;
	size_t size;
} input_t;

static input_t *inputs;
static size_t ninputs, cap_inputs;

static void add_input(uint8_t *data, size_t size)
{
	if (ninputs == cap_inputs) {
		cap_inputs = cap_inputs ? cap_inputs * 2 : 64;
		inputs = realloc(inputs, cap_inputs * sizeof(*inputs));
	}
	inputs[ninputs].data = data;
	inputs[ninputs].size = size;
	ninputs++;
}

static void load_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(2);
	}
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		if (n == 0) {
			break;
		}
		len += n;
	}
	fclose(f);
	add_input(buf, len);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		exit(2);
	}
	if (!S_ISDIR(st.st_mode)) {
		load_file(path);
		return;
	}
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.') {
			continue;
		}
		names = realloc(names, (n + 1) * sizeof(*names));
		size_t l = strlen(path) + strlen(e->d_name) + 2;
		names[n] = malloc(l);
		snprintf(names[n], l, "%s/%s", path, e->d_name);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str); /* same order every run */
	for (size_t i = 0; i < n; i++) {
		load_path(names[i]);
		free(names[i]);
	}
	free(names);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static uint32_t rng(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng_state >> 33);
}

static void run_one(const uint8_t *data, size_t size)
{
	/* An exact-size heap copy, so ASan sees reads past the end. */
	uint8_t *copy = malloc(size ? size : 1);
	if (size) {
		memcpy(copy, data, size);
	}
	LLVMFuzzerTestOneInput(copy, size);
	free(copy);
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	long mutations = 0;
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--mutations=", 12) == 0) {
			mutations = atol(argv[i] + 12);
		} else {
			load_path(argv[i]);
		}
	}
	for (size_t i = 0; i < ninputs; i++) {
		run_one(inputs[i].data, inputs[i].size);
	}
	printf("%s: %zu corpus inputs ok\n", name, ninputs);
	if (mutations > 0 && ninputs > 0) {
		uint8_t *buf = malloc(8192);
		for (long m = 0; m < mutations; m++) {
			const input_t *base = &inputs[rng() % ninputs];
			size_t len = base->size > 4096 ? 4096 : base->size;
			memcpy(buf, base->data, len);
			int edits = 1 + (int)(rng() % 8);
			for (int e = 0; e < edits; e++) {
				uint32_t r = rng();
				size_t pos = len ? rng() % (len + 1) : 0;
				switch (r % 5) {
				case 0: /* flip a byte */
					if (len) {
						buf[pos % len] ^= (uint8_t)(1u << (rng() % 8));
					}
					break;
				case 1: /* set a byte to an interesting value */
					if (len) {
						static const uint8_t vals[] = {0, '\n', '\r', ':', '[', ']', 0xff, '0', '9', '/'};
						buf[pos % len] = vals[rng() % sizeof(vals)];
					}
					break;
				case 2: /* insert random bytes */
					if (len < 4096) {
						size_t k = 1 + rng() % 16;
						if (len + k > 4096) {
							k = 4096 - len;
						}
						memmove(buf + pos + k, buf + pos, len - pos);
						for (size_t j = 0; j < k; j++) {
							buf[pos + j] = (uint8_t)rng();
						}
						len += k;
					}
					break;
				case 3: /* delete bytes */
					if (len) {
						pos %= len;
						size_t k = 1 + rng() % 16;
						if (k > len - pos) {
							k = len - pos;
						}
						memmove(buf + pos, buf + pos + k, len - pos - k);
						len -= k;
					}
					break;
				case 4: { /* splice in part of another input */
					const input_t *o = &inputs[rng() % ninputs];
					if (o->size && len < 4096) {
						size_t from = rng() % o->size;
						size_t k = 1 + rng() % (o->size - from);
						if (len + k > 4096) {
							k = 4096 - len;
						}
						memmove(buf + pos + k, buf + pos, len - pos);
						memcpy(buf + pos, o->data + from, k);
						len += k;
					}
					break;
				}
				}
			}
			run_one(buf, len);
		}
		free(buf);
		printf("%s: %ld mutated inputs ok\n", name, mutations);
	}
	for (size_t i = 0; i < ninputs; i++) {
		free(inputs[i].data);
	}
	free(inputs);
	printf("RESULT %s: passed=1 failed=0\n", name);
	return 0;
}
