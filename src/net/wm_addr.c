/* Socket address helpers. */
#include "src/net/wm_addr.h"
#include "src/wm_core.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

static int parse_port(const char *s, int *port)
{
	char *end;
	if (*s == '\0') {
		return WM_ERR_ADDR;
	}
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end != '\0' || errno || v < 0 || v > 65535) {
		return WM_ERR_ADDR;
	}
	*port = (int)v;
	return WM_OK;
}

int wm_addr_split(const char *hostport, char *host, size_t hostcap, int *port)
{
	const char *colon;
	size_t hlen;
	if (hostport[0] == '[') {
		const char *close = strchr(hostport, ']');
		if (!close || close[1] != ':') {
			return WM_ERR_ADDR;
		}
		hlen = (size_t)(close - hostport - 1);
		if (hlen >= hostcap) {
			return WM_ERR_ADDR;
		}
		memcpy(host, hostport + 1, hlen);
		colon = close + 1;
	} else {
		colon = strrchr(hostport, ':');
		if (!colon) {
			return WM_ERR_ADDR;
		}
		hlen = (size_t)(colon - hostport);
		if (hlen == 0 || hlen >= hostcap) {
			return WM_ERR_ADDR;
		}
		memcpy(host, hostport, hlen);
	}
	host[hlen] = '\0';
	return parse_port(colon + 1, port);
}

int wm_addr_literal(const char *host, int port, wm_sockaddr_t *out, socklen_t *outlen)
{
	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, host, &out->in4.sin_addr) == 1) {
		out->in4.sin_family = AF_INET;
		out->in4.sin_port = htons((uint16_t)port);
		*outlen = sizeof(out->in4);
		return WM_OK;
	}
	if (inet_pton(AF_INET6, host, &out->in6.sin6_addr) == 1) {
		out->in6.sin6_family = AF_INET6;
		out->in6.sin6_port = htons((uint16_t)port);
		*outlen = sizeof(out->in6);
		return WM_OK;
	}
	return WM_ERR_ADDR;
}

int wm_addr_parse_inet(const char *hostport, wm_sockaddr_t *out, socklen_t *outlen)
{
	char host[256];
	int port;

	memset(out, 0, sizeof(*out));
	if (wm_addr_split(hostport, host, sizeof(host), &port) != WM_OK) {
		return WM_ERR_ADDR;
	}
	if (wm_addr_literal(host, port, out, outlen) == WM_OK) {
		return WM_OK;
	}
	/* A host name: resolved once, at listen time, so blocking is acceptable here. */
	struct addrinfo hints, *res = NULL;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host, NULL, &hints, &res) != 0 || !res) {
		return WM_ERR_ADDR;
	}
	memcpy(out, res->ai_addr, res->ai_addrlen);
	*outlen = res->ai_addrlen;
	freeaddrinfo(res);
	if (out->sa.sa_family == AF_INET) {
		out->in4.sin_port = htons((uint16_t)port);
	} else if (out->sa.sa_family == AF_INET6) {
		out->in6.sin6_port = htons((uint16_t)port);
	} else {
		return WM_ERR_ADDR;
	}
	return WM_OK;
}

int wm_addr_parse_unix(const char *path, wm_sockaddr_t *out, socklen_t *outlen)
{
	size_t len = strlen(path);
	memset(out, 0, sizeof(*out));
	if (len == 0 || len >= sizeof(out->un.sun_path)) {
		return WM_ERR_ADDR;
	}
	out->un.sun_family = AF_UNIX;
	memcpy(out->un.sun_path, path, len);
	*outlen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + 1);
	return WM_OK;
}

size_t wm_addr_ip(const struct sockaddr *sa, char *buf, size_t buflen)
{
	const char *r = NULL;
	if (sa->sa_family == AF_INET) {
		r = inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf, (socklen_t)buflen);
	} else if (sa->sa_family == AF_INET6) {
		r = inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, buf, (socklen_t)buflen);
	}
	return r ? strlen(buf) : 0;
}

int wm_addr_port(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET) {
		return ntohs(((const struct sockaddr_in *)sa)->sin_port);
	}
	if (sa->sa_family == AF_INET6) {
		return ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
	}
	return 0;
}
