/*
 * ref_http - minimal C reference HTTP/1.1 server for the HTTP benchmarks.
 *
 *   ref_http <port>
 *
 * Single-threaded, non-blocking, level-triggered epoll on 127.0.0.1:<port>.
 * On a readable connection it reads everything available into a shared buffer
 * (until EAGAIN, a short read - on a Linux TCP socket that means the receive
 * queue is drained - or a full buffer), counts the complete requests in it
 * (a head ends at "\r\n\r\n"; a Content-Length body is skipped) and answers
 * all of them with ONE writev() of N copies of the exact response Workerman's
 * Http protocol sends for "hello world". Bytes of an incomplete request are
 * kept for the next read.
 *
 * "Connection: close" (or HTTP/1.0 without "Connection: keep-alive") is
 * honoured: that request gets the same response with "Connection: close", the
 * rest of the batch is ignored and the connection is closed once the answer
 * is written. Whatever the kernel does not take is kept per connection and
 * flushed on EPOLLOUT; while output is pending the connection is not read
 * (back-pressure).
 *
 * SIGUSR1 prints "ref_http: requests=<n> accepted=<n> closed=<n>" on stderr
 * (the counters since start); SIGTERM/SIGINT print it and exit.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_EVENTS 1024
#define BUF_SIZE (256 * 1024)
#define MAX_HEAD (64 * 1024) /* an incomplete request larger than this: close */
#define BLOCK_COPIES 1024    /* responses in the prebuilt block */
#define MAX_IOV 64

static const char RESP_KA[] = "HTTP/1.1 200 OK\r\n"
                              "Content-Type: text/html;charset=utf-8\r\n"
                              "Connection: keep-alive\r\n"
                              "Server: workerman\r\n"
                              "Content-Length: 11\r\n"
                              "\r\n"
                              "hello world";
static const char RESP_CLOSE[] = "HTTP/1.1 200 OK\r\n"
                                 "Content-Type: text/html;charset=utf-8\r\n"
                                 "Connection: close\r\n"
                                 "Server: workerman\r\n"
                                 "Content-Length: 11\r\n"
                                 "\r\n"
                                 "hello world";
#define KA_LEN (sizeof RESP_KA - 1)
#define CLOSE_LEN (sizeof RESP_CLOSE - 1)

struct conn {
    char *in;        /* bytes of an incomplete request, kept for the next read */
    size_t in_len;
    size_t body_left; /* body bytes of the last request still to be skipped */
    char *out;       /* unsent output; non-NULL => EPOLLOUT armed, not reading */
    size_t out_off, out_len;
    int close_after; /* close once the output is flushed */
};

static struct conn *conns; /* indexed by fd */
static int max_fds;
static int epfd;
static char buf[BUF_SIZE];
static char *block; /* BLOCK_COPIES copies of RESP_KA */
static unsigned long long n_requests, n_accepted, n_closed;
static volatile sig_atomic_t want_stats, want_exit;

static void on_signal(int sig)
{
    if (sig == SIGUSR1)
        want_stats = 1;
    else
        want_exit = 1;
}

static void print_stats(void)
{
    fprintf(stderr, "ref_http: requests=%llu accepted=%llu closed=%llu\n", n_requests,
            n_accepted, n_closed);
    fflush(stderr);
}

static void set_events(int fd, uint32_t events, int op)
{
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.fd = fd;
    if (epoll_ctl(epfd, op, fd, &ev) < 0) {
        perror("ref_http: epoll_ctl");
        exit(1);
    }
}

static void conn_close(int fd)
{
    struct conn *c = &conns[fd];
    free(c->in);
    free(c->out);
    memset(c, 0, sizeof *c);
    close(fd);
    n_closed++;
}

/* does [p, p+n) contain the token tok (case-insensitive)? */
static int has_token(const char *p, size_t n, const char *tok)
{
    size_t tl = strlen(tok);
    for (size_t i = 0; i + tl <= n; i++)
        if (strncasecmp(p + i, tok, tl) == 0)
            return 1;
    return 0;
}

/*
 * Inspect one request head [h, h+n) (ends with "\r\n\r\n"). Sets *close_it
 * when the connection must close after this request and returns the body
 * length announced by Content-Length (0 if none).
 */
static size_t parse_head(const char *h, size_t n, int *close_it)
{
    const char *end = h + n;
    const char *eol = memchr(h, '\n', n);
    size_t body = 0;
    int http10 = 0, conn_close_hdr = 0, conn_ka_hdr = 0;

    if (eol && eol - h >= 9 && memcmp(eol - 9, "HTTP/1.0\r", 9) == 0)
        http10 = 1;
    for (const char *l = eol ? eol + 1 : end; l < end;) {
        const char *le = memchr(l, '\n', (size_t)(end - l));
        if (!le)
            break;
        size_t ll = (size_t)(le - l);
        if ((*l == 'c' || *l == 'C') && ll > 11) {
            if (strncasecmp(l, "connection:", 11) == 0) {
                if (has_token(l + 11, ll - 11, "close"))
                    conn_close_hdr = 1;
                else if (has_token(l + 11, ll - 11, "keep-alive"))
                    conn_ka_hdr = 1;
            } else if (ll > 15 && strncasecmp(l, "content-length:", 15) == 0) {
                body = strtoul(l + 15, NULL, 10);
            }
        }
        l = le + 1;
    }
    *close_it = conn_close_hdr || (http10 && !conn_ka_hdr);
    return body;
}

/*
 * Send n keep-alive responses (plus one "Connection: close" one if
 * with_close) with one writev(); keep what the kernel does not take.
 * Returns -1 if the connection was closed.
 */
static int respond(int fd, unsigned long n, int with_close)
{
    struct iovec iov[MAX_IOV];
    int cnt = 0;
    size_t total = 0;
    unsigned long left = n;

    while (left > 0 && cnt < MAX_IOV - 1) {
        unsigned long k = left < BLOCK_COPIES ? left : BLOCK_COPIES;
        iov[cnt].iov_base = block;
        iov[cnt].iov_len = k * KA_LEN;
        total += iov[cnt].iov_len;
        cnt++;
        left -= k;
    }
    if (left > 0) { /* cannot happen with BUF_SIZE and BLOCK_COPIES as set */
        fprintf(stderr, "ref_http: batch too large\n");
        conn_close(fd);
        return -1;
    }
    if (with_close) {
        iov[cnt].iov_base = (void *)RESP_CLOSE;
        iov[cnt].iov_len = CLOSE_LEN;
        total += CLOSE_LEN;
        cnt++;
    }
    if (total == 0)
        return 0;

    ssize_t w;
    do
        w = writev(fd, iov, cnt);
    while (w < 0 && errno == EINTR);
    if (w < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            conn_close(fd);
            return -1;
        }
        w = 0;
    }
    if ((size_t)w == total)
        return 0;

    /* keep the rest */
    struct conn *c = &conns[fd];
    size_t rest = total - (size_t)w, skip = (size_t)w, pos = 0;
    c->out = malloc(rest);
    if (!c->out) {
        conn_close(fd);
        return -1;
    }
    for (int i = 0; i < cnt; i++) {
        size_t len = iov[i].iov_len;
        if (skip >= len) {
            skip -= len;
            continue;
        }
        memcpy(c->out + pos, (char *)iov[i].iov_base + skip, len - skip);
        pos += len - skip;
        skip = 0;
    }
    c->out_off = 0;
    c->out_len = rest;
    set_events(fd, EPOLLOUT, EPOLL_CTL_MOD); /* stop reading until flushed */
    return 0;
}

/* flush pending output; returns -1 if the connection was closed */
static int flush_pending(int fd)
{
    struct conn *c = &conns[fd];
    while (c->out_off < c->out_len) {
        ssize_t w = write(fd, c->out + c->out_off, c->out_len - c->out_off);
        if (w > 0) {
            c->out_off += (size_t)w;
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        conn_close(fd);
        return -1;
    }
    free(c->out);
    c->out = NULL;
    c->out_off = c->out_len = 0;
    if (c->close_after) {
        conn_close(fd);
        return -1;
    }
    set_events(fd, EPOLLIN, EPOLL_CTL_MOD); /* resume reading */
    return 0;
}

static void on_readable(int fd)
{
    struct conn *c = &conns[fd];
    size_t got = 0;
    int eof = 0;

    if (c->in_len) { /* the start of an incomplete request */
        memcpy(buf, c->in, c->in_len);
        got = c->in_len;
        free(c->in);
        c->in = NULL;
        c->in_len = 0;
    }
    while (got < sizeof buf) {
        size_t want = sizeof buf - got;
        ssize_t n = read(fd, buf + got, want);
        if (n > 0) {
            got += (size_t)n;
            if ((size_t)n < want)
                break; /* short read: receive queue drained */
            continue;
        }
        if (n == 0) {
            eof = 1;
            break;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        eof = 1; /* ECONNRESET etc. */
        break;
    }
    if (got == 0 && !eof)
        return; /* spurious wake-up */

    /* count the complete requests */
    size_t pos = 0;
    unsigned long nreq = 0;
    int close_it = 0;
    if (c->body_left) { /* rest of a body from the previous batch */
        size_t k = c->body_left < got ? c->body_left : got;
        c->body_left -= k;
        pos = k;
    }
    while (pos < got && !close_it) {
        const char *e = memmem(buf + pos, got - pos, "\r\n\r\n", 4);
        if (!e)
            break;
        size_t hl = (size_t)(e + 4 - (buf + pos));
        size_t body = parse_head(buf + pos, hl, &close_it);
        nreq++;
        pos += hl;
        if (body) {
            size_t k = body < got - pos ? body : got - pos;
            pos += k;
            c->body_left = body - k;
        }
    }
    n_requests += nreq;

    if (!close_it && pos < got && !c->body_left) {
        size_t rest = got - pos;
        if (rest > MAX_HEAD) {
            conn_close(fd); /* head too large */
            return;
        }
        c->in = malloc(rest);
        if (!c->in) {
            conn_close(fd);
            return;
        }
        memcpy(c->in, buf + pos, rest);
        c->in_len = rest;
    }

    if (close_it) {
        c->close_after = 1;
        if (respond(fd, nreq - 1, 1) < 0)
            return;
    } else if (nreq && respond(fd, nreq, 0) < 0) {
        return;
    }
    if (close_it || eof) {
        if (c->out)
            c->close_after = 1; /* EPOLLOUT (or an error) finishes the job */
        else
            conn_close(fd);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s <port>\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "ref_http: bad port %s\n", argv[1]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: epoll_wait returns EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    getrlimit(RLIMIT_NOFILE, &rl);
    max_fds = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 1048576 ? 1048576 : (int)rl.rlim_cur;
    conns = calloc((size_t)max_fds, sizeof *conns);
    block = malloc(BLOCK_COPIES * KA_LEN);
    if (!conns || !block) {
        fprintf(stderr, "ref_http: out of memory\n");
        return 1;
    }
    for (int i = 0; i < BLOCK_COPIES; i++)
        memcpy(block + (size_t)i * KA_LEN, RESP_KA, KA_LEN);

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (lfd < 0) {
        perror("ref_http: socket");
        return 1;
    }
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons((unsigned short)port);
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&sin, sizeof sin) < 0) {
        perror("ref_http: bind");
        return 1;
    }
    if (listen(lfd, SOMAXCONN) < 0) {
        perror("ref_http: listen");
        return 1;
    }
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        perror("ref_http: epoll_create1");
        return 1;
    }
    set_events(lfd, EPOLLIN, EPOLL_CTL_ADD);

    static struct epoll_event evs[MAX_EVENTS];
    for (;;) {
        int n = epoll_wait(epfd, evs, MAX_EVENTS, -1);
        if (want_stats) {
            want_stats = 0;
            print_stats();
        }
        if (want_exit) {
            print_stats();
            return 0;
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("ref_http: epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; i++) {
            int fd = evs[i].data.fd;
            uint32_t e = evs[i].events;
            if (fd == lfd) {
                for (;;) {
                    int cfd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
                    if (cfd < 0) {
                        if (errno == EINTR || errno == ECONNABORTED)
                            continue;
                        if (errno != EAGAIN && errno != EWOULDBLOCK)
                            perror("ref_http: accept4"); /* e.g. EMFILE: retry later */
                        break;
                    }
                    if (cfd >= max_fds) {
                        close(cfd);
                        continue;
                    }
                    n_accepted++;
                    setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    set_events(cfd, EPOLLIN, EPOLL_CTL_ADD);
                }
                continue;
            }
            if (conns[fd].out) {
                /* waiting for EPOLLOUT (or the error that ends the connection) */
                if (e & (EPOLLOUT | EPOLLERR | EPOLLHUP))
                    flush_pending(fd);
                continue;
            }
            if (e & (EPOLLIN | EPOLLERR | EPOLLHUP))
                on_readable(fd);
        }
    }
}
