/* Fuzz address parsing. The input up to its first NUL is the string given to
 * wm_addr_parse_inet and wm_addr_parse_unix (in an exact-size heap copy). Neither may
 * crash; when one succeeds the result must be consistent: family and length agree, the
 * port is the number after the separating ':', the IP formats and parses back to the
 * same address, and a unix path is copied whole. Names go to fake_resolver.c (only
 * "localhost" and "ip6-localhost" resolve), never to DNS. */
#include "fuzz_util.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "src/net/wm_addr.h"
#include "src/wm_core.h"

static void check_inet(const char *s, size_t len, size_t iplen_budget)
{
	wm_sockaddr_t a;
	socklen_t alen = 0;
	int rc = wm_addr_parse_inet(s, &a, &alen);
	FUZZ_CHECK(rc == WM_OK || rc == WM_ERR_ADDR);
	const char *colon = s[0] == '[' ? strchr(s, ']') : strrchr(s, ':');
	if (rc != WM_OK) {
		return;
	}
	/* Where the port starts. */
	FUZZ_CHECK(colon != NULL);
	if (s[0] == '[') {
		colon++;
	}
	FUZZ_CHECK(*colon == ':');
	FUZZ_CHECK(colon > s); /* a host is never empty in the plain form */
	char *end;
	errno = 0;
	long port = strtol(colon + 1, &end, 10);
	FUZZ_CHECK(*end == '\0' && errno == 0 && port >= 0 && port <= 65535);
	FUZZ_CHECK(colon + 1 < s + len);

	if (a.sa.sa_family == AF_INET) {
		FUZZ_CHECK(alen == sizeof(struct sockaddr_in));
	} else {
		FUZZ_CHECK(a.sa.sa_family == AF_INET6);
		FUZZ_CHECK(alen == sizeof(struct sockaddr_in6));
	}
	FUZZ_CHECK(wm_addr_port(&a.sa) == port);

	char ip[64];
	size_t n = wm_addr_ip(&a.sa, ip, sizeof(ip));
	FUZZ_CHECK(n > 0 && n == strlen(ip));

	/* Format and parse back: the same address. */
	char again[128];
	snprintf(again, sizeof(again), a.sa.sa_family == AF_INET6 ? "[%s]:%ld" : "%s:%ld", ip, port);
	wm_sockaddr_t b;
	socklen_t blen = 0;
	FUZZ_CHECK(wm_addr_parse_inet(again, &b, &blen) == WM_OK);
	FUZZ_CHECK(blen == alen);
	FUZZ_CHECK(memcmp(&a, &b, alen) == 0);

	/* Formatting into a short buffer never writes past it. */
	size_t small = iplen_budget % 48;
	char *sb = malloc(small ? small : 1);
	size_t m = wm_addr_ip(&a.sa, sb, small);
	FUZZ_CHECK(m == 0 || (m < small && m == n && memcmp(sb, ip, n + 1) == 0));
	free(sb);
}

static void check_unix(const char *s, size_t len)
{
	wm_sockaddr_t a;
	socklen_t alen = 0;
	int rc = wm_addr_parse_unix(s, &a, &alen);
	int fits = len > 0 && len < sizeof(a.un.sun_path);
	FUZZ_CHECK(rc == (fits ? WM_OK : WM_ERR_ADDR));
	if (rc != WM_OK) {
		return;
	}
	FUZZ_CHECK(a.un.sun_family == AF_UNIX);
	FUZZ_CHECK(alen == offsetof(struct sockaddr_un, sun_path) + len + 1);
	FUZZ_CHECK(alen <= sizeof(struct sockaddr_un));
	FUZZ_CHECK(memcmp(a.un.sun_path, s, len + 1) == 0);
	FUZZ_CHECK(wm_addr_port(&a.sa) == 0);
	char ip[64];
	FUZZ_CHECK(wm_addr_ip(&a.sa, ip, sizeof(ip)) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t len = nul ? (size_t)(nul - data) : size;
	char *s = malloc(len + 1);
	memcpy(s, data, len);
	s[len] = '\0';
	check_inet(s, len, size);
	check_unix(s, len);
	free(s);
	return 0;
}
