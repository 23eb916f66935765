/* fuzz_addr links with -Wl,--wrap=getaddrinfo,--wrap=freeaddrinfo: arbitrary host names
 * must not reach DNS. Known names resolve as a real resolver would; everything else is
 * "no such name". */
#include <netdb.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int __wrap_getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
		struct addrinfo **res);
void __wrap_freeaddrinfo(struct addrinfo *ai);

int __wrap_getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
		struct addrinfo **res)
{
	(void)service;
	(void)hints;
	if (!node) {
		return EAI_NONAME;
	}
	int v6;
	if (strcmp(node, "localhost") == 0) {
		v6 = 0;
	} else if (strcmp(node, "ip6-localhost") == 0) {
		v6 = 1;
	} else {
		return EAI_NONAME;
	}
	struct addrinfo *ai = calloc(1, sizeof(*ai));
	if (v6) {
		struct sockaddr_in6 *s = calloc(1, sizeof(*s));
		s->sin6_family = AF_INET6;
		s->sin6_addr = in6addr_loopback;
		ai->ai_family = AF_INET6;
		ai->ai_addr = (struct sockaddr *)s;
		ai->ai_addrlen = sizeof(*s);
	} else {
		struct sockaddr_in *s = calloc(1, sizeof(*s));
		s->sin_family = AF_INET;
		s->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		ai->ai_family = AF_INET;
		ai->ai_addr = (struct sockaddr *)s;
		ai->ai_addrlen = sizeof(*s);
	}
	ai->ai_socktype = SOCK_STREAM;
	*res = ai;
	return 0;
}

void __wrap_freeaddrinfo(struct addrinfo *ai)
{
	while (ai) {
		struct addrinfo *next = ai->ai_next;
		free(ai->ai_addr);
		free(ai);
		ai = next;
	}
}
