/* wm_addr: "host:port" and unix path parsing, IP/port formatting. */
#include "wm_test.h"

#include "src/net/wm_addr.h"
#include "src/wm_core.h"

#include <arpa/inet.h>

/* Parse through an exact-size heap copy so ASan sees reads past the terminator. */
static int parse_inet(const char *s, wm_sockaddr_t *out, socklen_t *len)
{
	char *p = strdup(s);
	int rc = wm_addr_parse_inet(p, out, len);
	free(p);
	return rc;
}

static int parse_unix(const char *s, wm_sockaddr_t *out, socklen_t *len)
{
	char *p = strdup(s);
	int rc = wm_addr_parse_unix(p, out, len);
	free(p);
	return rc;
}

static void check_v4(const char *hostport, const char *ip, int port, const char *file, int line)
{
	wm_sockaddr_t a;
	socklen_t len = 0;
	char buf[64];
	int rc = parse_inet(hostport, &a, &len);
	wm_test_cur_checks++;
	if (rc != WM_OK || a.sa.sa_family != AF_INET || len != sizeof(struct sockaddr_in) ||
			wm_addr_ip(&a.sa, buf, sizeof(buf)) == 0 || strcmp(buf, ip) != 0 ||
			wm_addr_port(&a.sa) != port) {
		wm_test_fail(file, line, "\"%s\": rc %d family %d len %u, expected %s port %d",
			hostport, rc, a.sa.sa_family, (unsigned)len, ip, port);
	}
}

static void check_v6(const char *hostport, const char *ip, int port, const char *file, int line)
{
	wm_sockaddr_t a;
	socklen_t len = 0;
	char buf[64];
	int rc = parse_inet(hostport, &a, &len);
	wm_test_cur_checks++;
	if (rc != WM_OK || a.sa.sa_family != AF_INET6 || len != sizeof(struct sockaddr_in6) ||
			wm_addr_ip(&a.sa, buf, sizeof(buf)) == 0 || strcmp(buf, ip) != 0 ||
			wm_addr_port(&a.sa) != port) {
		wm_test_fail(file, line, "\"%s\": rc %d family %d len %u, expected [%s] port %d",
			hostport, rc, a.sa.sa_family, (unsigned)len, ip, port);
	}
}

static void check_bad(const char *hostport, const char *file, int line)
{
	wm_sockaddr_t a;
	socklen_t len = 12345;
	int rc = parse_inet(hostport, &a, &len);
	wm_test_cur_checks++;
	if (rc != WM_ERR_ADDR) {
		wm_test_fail(file, line, "\"%s\" parsed (rc %d), expected WM_ERR_ADDR", hostport, rc);
	}
}

#define CHECK_V4(s, ip, port) check_v4(s, ip, port, __FILE__, __LINE__)
#define CHECK_V6(s, ip, port) check_v6(s, ip, port, __FILE__, __LINE__)
#define CHECK_BAD(s) check_bad(s, __FILE__, __LINE__)

TEST(addr_parse_v4)
{
	CHECK_V4("127.0.0.1:80", "127.0.0.1", 80);
	CHECK_V4("0.0.0.0:0", "0.0.0.0", 0);
	CHECK_V4("255.255.255.255:65535", "255.255.255.255", 65535);
	CHECK_V4("10.1.2.3:08080", "10.1.2.3", 8080); /* leading zero: decimal, not octal */

	wm_sockaddr_t a;
	socklen_t len;
	REQUIRE_EQ(parse_inet("127.0.0.1:80", &a, &len), WM_OK);
	CHECK_EQ(a.in4.sin_port, htons(80));
	CHECK_EQ(a.in4.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
}

TEST(addr_parse_v6)
{
	CHECK_V6("[::1]:8080", "::1", 8080);
	CHECK_V6("[::]:0", "::", 0);
	CHECK_V6("[2001:db8::1]:443", "2001:db8::1", 443);
	CHECK_V6("[::ffff:1.2.3.4]:1", "::ffff:1.2.3.4", 1);
	/* Without brackets the last ':' separates the port (strrchr rule). */
	CHECK_V6("::1:80", "::1", 80);
	CHECK_V6("2001:db8::1:443", "2001:db8::1", 443);
}

TEST(addr_parse_localhost_resolves)
{
	wm_sockaddr_t a;
	socklen_t len = 0;
	char buf[64];
	int rc = parse_inet("localhost:1234", &a, &len);
	REQUIRE_EQ(rc, WM_OK);
	CHECK(a.sa.sa_family == AF_INET || a.sa.sa_family == AF_INET6);
	CHECK_EQ(wm_addr_port(&a.sa), 1234);
	CHECK(wm_addr_ip(&a.sa, buf, sizeof(buf)) > 0);
	if (a.sa.sa_family == AF_INET) {
		CHECK_EQ(len, sizeof(struct sockaddr_in));
		CHECK_STR_EQ(buf, "127.0.0.1");
	} else {
		CHECK_EQ(len, sizeof(struct sockaddr_in6));
		CHECK_STR_EQ(buf, "::1");
	}
}

TEST(addr_parse_bad)
{
	CHECK_BAD("");
	CHECK_BAD(":80");
	CHECK_BAD("1.2.3.4");
	CHECK_BAD("1.2.3.4:");
	CHECK_BAD("1.2.3.4:65536");
	CHECK_BAD("1.2.3.4:-1");
	CHECK_BAD("1.2.3.4:80x");
	CHECK_BAD("1.2.3.4:99999999999999999999");
	CHECK_BAD("[::1]80");
	CHECK_BAD("[::1]");
	CHECK_BAD("[::1]:");
	CHECK_BAD("[::1:80");
	CHECK_BAD("[::1]:80:1");
	CHECK_BAD("::1");     /* strrchr rule: host ":" port 1, not an address */
	/* A host too long for the 256-byte buffer. */
	char longhost[400];
	memset(longhost, 'a', 300);
	strcpy(longhost + 300, ":80");
	CHECK_BAD(longhost);
	char longv6[400] = "[";
	memset(longv6 + 1, '1', 300);
	strcpy(longv6 + 301, "]:80");
	CHECK_BAD(longv6);
}

TEST(addr_port_syntax_accepted_by_strtol)
{
	/* strtol accepts leading blanks and '+'; pin the current (lenient) behaviour. */
	wm_sockaddr_t a;
	socklen_t len;
	CHECK_EQ(parse_inet("1.2.3.4:+80", &a, &len), WM_OK);
	CHECK_EQ(wm_addr_port(&a.sa), 80);
	CHECK_EQ(parse_inet("1.2.3.4: 80", &a, &len), WM_OK);
	CHECK_EQ(wm_addr_port(&a.sa), 80);
	CHECK_EQ(parse_inet("1.2.3.4:80 ", &a, &len), WM_ERR_ADDR);
}

TEST(addr_parse_unix)
{
	wm_sockaddr_t a;
	socklen_t len = 0;
	CHECK_EQ(parse_unix("", &a, &len), WM_ERR_ADDR);

	char longp[201];
	memset(longp, 'p', 200);
	longp[200] = '\0';
	CHECK_EQ(parse_unix(longp, &a, &len), WM_ERR_ADDR);

	/* sun_path is 108 bytes: 107 characters plus the terminator is the maximum. */
	char maxp[sizeof(a.un.sun_path) + 1];
	memset(maxp, 'm', sizeof(maxp));
	maxp[sizeof(a.un.sun_path) - 1] = '\0';
	CHECK_EQ(parse_unix(maxp, &a, &len), WM_OK);
	CHECK_EQ(a.un.sun_path[sizeof(a.un.sun_path) - 1], '\0');
	maxp[sizeof(a.un.sun_path) - 1] = 'm';
	maxp[sizeof(a.un.sun_path)] = '\0';
	CHECK_EQ(parse_unix(maxp, &a, &len), WM_ERR_ADDR);

	const char *path = "/tmp/workerman.sock";
	len = 0;
	CHECK_EQ(parse_unix(path, &a, &len), WM_OK);
	CHECK_EQ(a.un.sun_family, AF_UNIX);
	CHECK_STR_EQ(a.un.sun_path, path);
	CHECK_EQ(len, offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1);

	char buf[64] = "untouched";
	CHECK_EQ(wm_addr_ip(&a.sa, buf, sizeof(buf)), 0);
	CHECK_EQ(wm_addr_port(&a.sa), 0);
}

TEST(addr_ip_port_round_trip_v4)
{
	static const char *ips[] = {"1.2.3.4", "127.0.0.1", "0.0.0.0", "255.255.255.255"};
	static const int ports[] = {1, 80, 0, 65535};
	for (size_t i = 0; i < sizeof(ips) / sizeof(ips[0]); i++) {
		char in[128], ip[64];
		snprintf(in, sizeof(in), "%s:%d", ips[i], ports[i]);
		wm_sockaddr_t a, b;
		socklen_t la, lb;
		REQUIRE_EQ(parse_inet(in, &a, &la), WM_OK);
		size_t n = wm_addr_ip(&a.sa, ip, sizeof(ip));
		CHECK_EQ(n, strlen(ips[i]));
		CHECK_STR_EQ(ip, ips[i]);
		CHECK_EQ(wm_addr_port(&a.sa), ports[i]);
		snprintf(in, sizeof(in), "%s:%d", ip, wm_addr_port(&a.sa));
		REQUIRE_EQ(parse_inet(in, &b, &lb), WM_OK);
		CHECK_EQ(la, lb);
		CHECK(memcmp(&a.in4, &b.in4, sizeof(a.in4)) == 0);
	}
}

TEST(addr_ip_port_round_trip_v6)
{
	static const char *ips[] = {"::1", "::", "2001:db8::ff00:42:8329", "fe80::1",
		"::ffff:10.0.0.1", "1:2:3:4:5:6:7:8"};
	for (size_t i = 0; i < sizeof(ips) / sizeof(ips[0]); i++) {
		char in[128], ip[64];
		int port = (int)(i * 9000 + 7);
		snprintf(in, sizeof(in), "[%s]:%d", ips[i], port);
		wm_sockaddr_t a, b;
		socklen_t la, lb;
		REQUIRE_EQ(parse_inet(in, &a, &la), WM_OK);
		CHECK_EQ(a.sa.sa_family, AF_INET6);
		size_t n = wm_addr_ip(&a.sa, ip, sizeof(ip));
		CHECK_EQ(n, strlen(ips[i]));
		CHECK_STR_EQ(ip, ips[i]);
		CHECK_EQ(wm_addr_port(&a.sa), port);
		snprintf(in, sizeof(in), "[%s]:%d", ip, wm_addr_port(&a.sa));
		REQUIRE_EQ(parse_inet(in, &b, &lb), WM_OK);
		CHECK_EQ(la, lb);
		CHECK(memcmp(&a.in6, &b.in6, sizeof(a.in6)) == 0);
	}
}

TEST(addr_ip_small_buffer)
{
	wm_sockaddr_t a;
	socklen_t len;
	REQUIRE_EQ(parse_inet("255.255.255.255:1", &a, &len), WM_OK);
	char buf[16];
	CHECK_EQ(wm_addr_ip(&a.sa, buf, sizeof(buf)), 15); /* exactly fits with the NUL */
	char small[15];
	CHECK_EQ(wm_addr_ip(&a.sa, small, sizeof(small)), 0);
	REQUIRE_EQ(parse_inet("[1:2:3:4:5:6:7:8]:1", &a, &len), WM_OK);
	CHECK_EQ(wm_addr_ip(&a.sa, small, sizeof(small)), 0);
	struct sockaddr other;
	memset(&other, 0, sizeof(other));
	other.sa_family = AF_UNSPEC;
	CHECK_EQ(wm_addr_ip(&other, buf, sizeof(buf)), 0);
	CHECK_EQ(wm_addr_port(&other), 0);
}

TEST(split_and_literal_without_resolving)
{
	char host[64];
	int port = -1;
	CHECK_EQ(wm_addr_split("example.com:53", host, sizeof(host), &port), WM_OK);
	CHECK(strcmp(host, "example.com") == 0);
	CHECK_EQ(port, 53);
	CHECK_EQ(wm_addr_split("[::1]:8080", host, sizeof(host), &port), WM_OK);
	CHECK(strcmp(host, "::1") == 0);
	CHECK_EQ(port, 8080);
	CHECK_EQ(wm_addr_split("nohost", host, sizeof(host), &port), WM_ERR_ADDR);
	CHECK_EQ(wm_addr_split("h:99999", host, sizeof(host), &port), WM_ERR_ADDR);
	CHECK_EQ(wm_addr_split("averyveryverylonghostname:1", host, 8, &port), WM_ERR_ADDR);
	wm_sockaddr_t a;
	socklen_t alen;
	CHECK_EQ(wm_addr_literal("127.0.0.1", 7, &a, &alen), WM_OK);
	CHECK_EQ(a.sa.sa_family, AF_INET);
	CHECK_EQ(wm_addr_port(&a.sa), 7);
	CHECK_EQ(wm_addr_literal("::1", 9, &a, &alen), WM_OK);
	CHECK_EQ(a.sa.sa_family, AF_INET6);
	CHECK_EQ(wm_addr_literal("localhost", 9, &a, &alen), WM_ERR_ADDR);
}
