/* Socket addresses: parsing "host:port" / unix paths, formatting peers. */
#ifndef WM_NET_WM_ADDR_H
#define WM_NET_WM_ADDR_H

#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>

typedef union wm_sockaddr {
	struct sockaddr sa;
	struct sockaddr_in in4;
	struct sockaddr_in6 in6;
	struct sockaddr_un un;
} wm_sockaddr_t;

/* Compact form kept per connection (no unix paths: those peers are anonymous). */
typedef union wm_inaddr {
	struct sockaddr sa;
	struct sockaddr_in in4;
	struct sockaddr_in6 in6;
} wm_inaddr_t;

/* Parse "host:port" ("[v6]:port" too) into out (numeric hosts, or "localhost"/names via
 * getaddrinfo). Returns WM_OK or WM_ERR_ADDR. Names are resolved with a BLOCKING
 * getaddrinfo: only for listen time, before the loop runs. Clients (connect, UDP send)
 * resolve with wm_resolve_start (src/net/wm_resolve.h), which never blocks the loop. */
int wm_addr_parse_inet(const char *hostport, wm_sockaddr_t *out, socklen_t *outlen);
/* Split "host:port" / "[v6]:port" into host (NUL-terminated, at most hostcap - 1 bytes;
 * brackets removed) and port 0..65535. No resolution. Returns WM_OK or WM_ERR_ADDR. */
int wm_addr_split(const char *hostport, char *host, size_t hostcap, int *port);
/* host as a numeric IPv4/IPv6 literal ("::1", not "[::1]") with port. No resolution.
 * Returns WM_OK, or WM_ERR_ADDR when host is no literal (a name). */
int wm_addr_literal(const char *host, int port, wm_sockaddr_t *out, socklen_t *outlen);
/* Parse a unix socket path. Returns WM_OK or WM_ERR_ADDR (empty or too long). */
int wm_addr_parse_unix(const char *path, wm_sockaddr_t *out, socklen_t *outlen);
/* Write the IP of a (v4 or v6) address into buf; returns its length, 0 for other families. */
size_t wm_addr_ip(const struct sockaddr *sa, char *buf, size_t buflen);
/* Port of a v4/v6 address, 0 otherwise. */
int wm_addr_port(const struct sockaddr *sa);

#endif
