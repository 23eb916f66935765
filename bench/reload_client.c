/*
 * reload_client - reconnecting request/response client for a newline-framed echo
 * server, used by bench/reload_run to measure what clients see while the server
 * reloads its worker processes.
 *
 *   reload_client -p port [-h host] [-c conns] [-t secs] [-w secs] [-D drain_secs]
 *                 [-R max_retries] [-v]
 *
 * Keeps N connections, each with exactly one request line in flight (ping-pong).
 * Every request line is unique ("q<conn>.<seq>.<try>" padded to 24 bytes) and the
 * reply must be that exact line. When the server closes a connection (EOF) or
 * resets it, or a write fails, the client opens a new connection and, if a
 * request was in flight, sends it again on the new connection (a "retry"; the
 * <try> field is bumped so a late duplicate could be recognised). After -t
 * seconds no new requests are started; requests still in flight get -D seconds
 * to finish.
 *
 * A request "failed" when it never got its correct reply: a mismatching reply,
 * more than -R retries, or still unanswered at the end of the drain.
 *
 * Output (one line, stdout):
 *   requests=<n> seconds=<f> rps=<f> failed=<n> retried=<n> ok_total=<n>
 *   closes_idle=<n> closes_inflight_eof=<n> closes_inflight_rst=<n>
 *   write_errors=<n> partial_replies=<n> mismatches=<n> connect_errors=<n>
 *   reconnects=<n> max_retry_depth=<n> conns=<up>/<N>
 *
 * closes_idle:          the server closed a connection that had no request in flight
 * closes_inflight_eof:  EOF (FIN) while a request was in flight and no byte of
 *                       its reply had arrived: the server closed without
 *                       answering (it either never read the request - a race
 *                       with its close - or read it and dropped it)
 * closes_inflight_rst:  ECONNRESET while a request was in flight: the server's
 *                       socket was closed with the request unread (Linux sends
 *                       RST when unread data is discarded), or the request
 *                       arrived after the close
 * partial_replies:      the connection ended after part of a reply had arrived
 *
 * Plain C99 + POSIX/Linux (epoll). Single-threaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define LINE_LEN 24
#define MAX_EVENTS 512

enum { ST_IDLE = 0, ST_WAIT, ST_CONNECTING, ST_UP };

struct conn {
    int fd;
    int st;
    int inflight;        /* a request is outstanding */
    int retries;         /* retries of the current request */
    uint64_t seq;        /* sequence number of the current request */
    char req[LINE_LEN + 1];
    size_t wlen;         /* bytes of req written on this connection */
    char rbuf[LINE_LEN * 2];
    size_t rlen;         /* bytes of the reply received */
    double retry_at;     /* ST_WAIT: reconnect at */
    int backoff_ms;
    uint32_t armed;      /* epoll events currently registered */
};

static const char *opt_host = "127.0.0.1";
static const char *opt_port = NULL;
static int opt_conns = 50;
static double opt_secs = 10.0;
static double opt_warm = 1.0;
static double opt_drain = 5.0;
static int opt_maxretry = 20;
static int opt_verbose = 0;

static struct conn *conns;
static int epfd = -1;
static struct sockaddr_storage addr;
static socklen_t addrlen;

/* counters */
static uint64_t n_window, n_ok_total, n_failed, n_retried, n_closes_idle, n_closes_eof, n_closes_rst;
static uint64_t n_write_err, n_partial, n_mismatch, n_connect_err, n_reconnects;
static int max_retry_depth;
static double t_start, t_win_start, t_win_end;
static int phase; /* 0 warm-up, 1 window, 2 drain (no new requests) */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *msg)
{
    perror(msg);
    exit(1);
}

static void build_req(struct conn *c, int idx)
{
    char tmp[64];
    int n = snprintf(tmp, sizeof(tmp), "q%d.%llu.%d", idx, (unsigned long long)c->seq, c->retries);
    memset(c->req, '.', LINE_LEN);
    memcpy(c->req, tmp, (size_t)(n < LINE_LEN - 1 ? n : LINE_LEN - 1));
    c->req[LINE_LEN - 1] = '\n';
    c->req[LINE_LEN] = '\0';
}

static void arm(struct conn *c, int idx, uint32_t ev)
{
    if (c->armed == ev) {
        return;
    }
    c->armed = ev;
    struct epoll_event e;
    memset(&e, 0, sizeof(e));
    e.events = ev;
    e.data.u32 = (uint32_t)idx;
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &e) < 0) {
        die("epoll_ctl MOD");
    }
}

static void start_connect(struct conn *c, int idx)
{
    int fd = socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        die("socket");
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    c->fd = fd;
    c->wlen = 0;
    c->rlen = 0;
    struct epoll_event e;
    memset(&e, 0, sizeof(e));
    e.events = EPOLLOUT;
    e.data.u32 = (uint32_t)idx;
    c->armed = EPOLLOUT;
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &e) < 0) {
        die("epoll_ctl ADD");
    }
    if (connect(fd, (struct sockaddr *)&addr, addrlen) < 0 && errno != EINPROGRESS) {
        /* reported through EPOLLOUT + SO_ERROR as well; handle uniformly there */
    }
    c->st = ST_CONNECTING;
}

static void drop_fd(struct conn *c)
{
    if (c->fd >= 0) {
        epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
        c->fd = -1;
    }
}

/* The connection is gone; reconnect (after a back-off if it was a connect error). */
static void lost(struct conn *c, int idx, int connect_error)
{
    drop_fd(c);
    if (c->inflight) {
        if (c->rlen > 0) {
            n_partial++;
        }
        c->retries++;
        n_retried++;
        if (c->retries > max_retry_depth) {
            max_retry_depth = c->retries;
        }
        if (c->retries > opt_maxretry) {
            n_failed++;
            c->inflight = 0;
            c->retries = 0;
        } else {
            build_req(c, idx);
        }
    }
    if (phase == 2 && !c->inflight) {
        c->st = ST_IDLE;
        return;
    }
    if (connect_error) {
        c->backoff_ms = c->backoff_ms ? (c->backoff_ms * 2 > 200 ? 200 : c->backoff_ms * 2) : 5;
        c->st = ST_WAIT;
        c->retry_at = now() + c->backoff_ms / 1000.0;
        return;
    }
    n_reconnects++;
    start_connect(c, idx);
}

static void new_request(struct conn *c, int idx)
{
    c->seq++;
    c->retries = 0;
    c->inflight = 1;
    build_req(c, idx);
    c->wlen = 0;
    c->rlen = 0;
}

/* Write what is left of the request. Returns 0 ok, -1 lost. */
static int flush(struct conn *c, int idx)
{
    while (c->wlen < LINE_LEN) {
        ssize_t n = send(c->fd, c->req + c->wlen, LINE_LEN - c->wlen, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN) {
                arm(c, idx, EPOLLIN | EPOLLOUT | EPOLLRDHUP);
                return 0;
            }
            n_write_err++;
            return -1;
        }
        c->wlen += (size_t)n;
    }
    arm(c, idx, EPOLLIN | EPOLLRDHUP);
    return 0;
}

static void on_event(int idx, uint32_t ev)
{
    struct conn *c = &conns[idx];
    if (c->fd < 0) {
        return;
    }
    if (c->st == ST_CONNECTING) {
        int err = 0;
        socklen_t el = sizeof(err);
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &el);
        if (err || (ev & (EPOLLERR | EPOLLHUP))) {
            n_connect_err++;
            if (opt_verbose) {
                fprintf(stderr, "connect: %s\n", strerror(err ? err : ECONNREFUSED));
            }
            lost(c, idx, 1);
            return;
        }
        c->st = ST_UP;
        c->backoff_ms = 0;
        if (!c->inflight) {
            if (phase == 2) {
                drop_fd(c);
                c->st = ST_IDLE;
                return;
            }
            new_request(c, idx);
        }
        c->wlen = 0;
        c->rlen = 0;
        if (flush(c, idx) < 0) {
            lost(c, idx, 0);
        }
        return;
    }
    if (ev & EPOLLOUT) {
        if (flush(c, idx) < 0) {
            lost(c, idx, 0);
            return;
        }
    }
    if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
        for (;;) {
            char buf[4096];
            ssize_t n = recv(c->fd, buf, sizeof(buf), 0);
            if (n < 0) {
                if (errno == EAGAIN) {
                    return;
                }
                if (c->inflight && c->rlen == 0) {
                    n_closes_rst++;
                } else if (!c->inflight) {
                    n_closes_idle++;
                }
                if (opt_verbose) {
                    fprintf(stderr, "recv: %s (inflight %d, got %zu)\n", strerror(errno), c->inflight, c->rlen);
                }
                lost(c, idx, 0);
                return;
            }
            if (n == 0) {
                if (c->inflight && c->rlen == 0) {
                    n_closes_eof++;
                } else if (!c->inflight) {
                    n_closes_idle++;
                }
                lost(c, idx, 0);
                return;
            }
            int drained = (size_t)n < sizeof(buf); /* short read: the queue is empty (level-triggered) */
            for (ssize_t k = 0; k < n; k++) {
                if (!c->inflight || c->rlen >= sizeof(c->rbuf)) {
                    n_mismatch++; /* unsolicited bytes */
                    continue;
                }
                c->rbuf[c->rlen++] = buf[k];
                if (buf[k] != '\n') {
                    continue;
                }
                /* one complete reply line */
                if (c->rlen == LINE_LEN && memcmp(c->rbuf, c->req, LINE_LEN) == 0) {
                    n_ok_total++;
                    if (phase == 1) {
                        double t = now();
                        if (t >= t_win_start && t < t_win_end) {
                            n_window++;
                        }
                    }
                } else {
                    n_mismatch++;
                    n_failed++;
                    if (opt_verbose) {
                        fprintf(stderr, "mismatch: got %.*s want %.*s\n", (int)c->rlen, c->rbuf, LINE_LEN, c->req);
                    }
                }
                c->inflight = 0;
                c->rlen = 0;
                if (phase == 2) {
                    drop_fd(c);
                    c->st = ST_IDLE;
                    return;
                }
                new_request(c, idx);
                if (flush(c, idx) < 0) {
                    lost(c, idx, 0);
                    return;
                }
            }
            if (drained) {
                return;
            }
        }
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: reload_client -p port [-h host] [-c conns] [-t secs] [-w secs] [-D drain] [-R retries] [-v]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int ch;
    while ((ch = getopt(argc, argv, "h:p:c:t:w:D:R:v")) != -1) {
        switch (ch) {
        case 'h': opt_host = optarg; break;
        case 'p': opt_port = optarg; break;
        case 'c': opt_conns = atoi(optarg); break;
        case 't': opt_secs = atof(optarg); break;
        case 'w': opt_warm = atof(optarg); break;
        case 'D': opt_drain = atof(optarg); break;
        case 'R': opt_maxretry = atoi(optarg); break;
        case 'v': opt_verbose = 1; break;
        default: usage();
        }
    }
    if (!opt_port || opt_conns < 1 || opt_secs <= 0) {
        usage();
    }
    signal(SIGPIPE, SIG_IGN);
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof(hints));
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(opt_host, opt_port, &hints, &res) != 0 || !res) {
        fprintf(stderr, "cannot resolve %s:%s\n", opt_host, opt_port);
        return 2;
    }
    memcpy(&addr, res->ai_addr, res->ai_addrlen);
    addrlen = res->ai_addrlen;
    freeaddrinfo(res);

    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        die("epoll_create1");
    }
    conns = calloc((size_t)opt_conns, sizeof(*conns));
    if (!conns) {
        die("calloc");
    }
    for (int i = 0; i < opt_conns; i++) {
        conns[i].fd = -1;
        start_connect(&conns[i], i);
    }
    t_start = now();
    t_win_start = t_start + opt_warm;
    t_win_end = t_win_start + opt_secs;
    phase = opt_warm > 0 ? 0 : 1;
    double drain_end = t_win_end + opt_drain;
    struct epoll_event evs[MAX_EVENTS];
    for (;;) {
        double t = now();
        if (phase == 0 && t >= t_win_start) {
            phase = 1;
        }
        if (phase == 1 && t >= t_win_end) {
            phase = 2;
            /* idle connections have nothing to wait for */
            for (int i = 0; i < opt_conns; i++) {
                if (!conns[i].inflight) {
                    drop_fd(&conns[i]);
                    conns[i].st = ST_IDLE;
                }
            }
        }
        int busy = 0;
        double next = t + 0.05;
        for (int i = 0; i < opt_conns; i++) {
            struct conn *c = &conns[i];
            if (c->st == ST_WAIT) {
                if (t >= c->retry_at) {
                    n_reconnects++;
                    start_connect(c, i);
                } else if (c->retry_at < next) {
                    next = c->retry_at;
                }
            }
            busy += c->st != ST_IDLE;
        }
        if (phase == 2 && (busy == 0 || t >= drain_end)) {
            break;
        }
        double limit = phase == 1 ? t_win_end : (phase == 0 ? t_win_start : drain_end);
        if (limit < next) {
            next = limit;
        }
        int ms = (int)((next - t) * 1000.0) + 1;
        int n = epoll_wait(epfd, evs, MAX_EVENTS, ms < 0 ? 0 : ms);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            die("epoll_wait");
        }
        for (int k = 0; k < n; k++) {
            on_event((int)evs[k].data.u32, evs[k].events);
        }
    }
    int up = 0;
    for (int i = 0; i < opt_conns; i++) {
        if (conns[i].inflight) {
            n_failed++; /* never answered */
        }
        up += conns[i].st == ST_UP || conns[i].st == ST_IDLE;
    }
    printf("requests=%llu seconds=%.3f rps=%.1f failed=%llu retried=%llu ok_total=%llu "
        "closes_idle=%llu closes_inflight_eof=%llu closes_inflight_rst=%llu write_errors=%llu "
        "partial_replies=%llu mismatches=%llu connect_errors=%llu reconnects=%llu max_retry_depth=%d conns=%d/%d\n",
        (unsigned long long)n_window, opt_secs, (double)n_window / opt_secs, (unsigned long long)n_failed,
        (unsigned long long)n_retried, (unsigned long long)n_ok_total, (unsigned long long)n_closes_idle,
        (unsigned long long)n_closes_eof, (unsigned long long)n_closes_rst, (unsigned long long)n_write_err,
        (unsigned long long)n_partial, (unsigned long long)n_mismatch, (unsigned long long)n_connect_err,
        (unsigned long long)n_reconnects, max_retry_depth, up, opt_conns);
    return n_failed ? 3 : 0;
}
