/*
 * loadgen - epoll load generator for long-connection request/response over a
 * newline-framed line protocol (e.g. Workerman's Text protocol).
 *
 *   loadgen [-h host] -p port [-c conns] [-d depth] [-t secs] [-w secs]
 *           [-m echo|idle] [-s bytes] [-P server_pid] [-T secs] [-v]
 *
 * echo mode: every connection keeps D request lines in flight. Each complete
 * reply line is verified byte-for-byte against the request payload and
 * answered by one new request line (all lines completed by one read() are
 * answered with one write()). Only lines completed inside the measured window
 * (after the warm-up) are counted. Prints one line on stdout:
 *   requests=<n> seconds=<f> rps=<f> errors=<n> conns=<ok>/<N>
 * (plus " srv_ticks=<n>" with -P: utime+stime clock ticks consumed by
 * process <pid> during the measured window, read from /proc/<pid>/stat.)
 *
 * fixed mode (-m fixed -r FILE -L LEN): requests are the bytes of FILE (e.g. one HTTP
 * request), each reply is LEN bytes (e.g. a fixed-size HTTP response: check it once with
 * curl); replies are counted by length only, so servers whose replies differ in content
 * but not in size (nginx's Date header) can be compared. Cheaper per request than wrk:
 * with wrk saturated first, this shows which server is faster.
 *
 * idle mode: opens N connections, sends nothing, prints
 *   ready conns=<ok>/<N>
 * once every connect attempt has settled, then holds them for -t seconds or
 * until SIGINT/SIGTERM.
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
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define MAX_EVENTS 1024
#define RBUF_SIZE (256 * 1024)
#define MAX_PENDING_CONNECTS 256 /* concurrent non-blocking connects */
#define MAX_CONNECT_ATTEMPTS 7   /* first try + 6 retries with backoff */

enum { ST_NEW = 0, ST_WAIT, ST_CONNECTING, ST_UP, ST_DEAD };
enum { MODE_ECHO = 0, MODE_IDLE, MODE_FIXED };

struct conn {
    int fd;
    unsigned char st;
    unsigned char attempts;
    unsigned char out_armed; /* EPOLLOUT currently requested */
    unsigned char skipping;  /* resyncing after a mismatch: skip to '\n' */
    uint32_t rpos;           /* offset inside payload of next expected byte */
    uint32_t wpos;           /* offset inside payload of next byte to send */
    uint64_t owed;           /* bytes of request lines still to be written */
    double retry_at;
};

/* options */
static const char *opt_host = "127.0.0.1";
static const char *opt_port = NULL;
static int opt_conns = 1;
static int opt_depth = 1;
static double opt_secs = 5.0;
static double opt_warm = 1.0;
static int opt_mode = MODE_ECHO;
static size_t opt_size = 0; /* 0 = default payload */
static const char *opt_reqfile = NULL; /* fixed mode: the request bytes */
static size_t opt_replen = 0;          /* fixed mode: bytes per reply */
static long opt_pid = 0;
static int opt_verbose = 0;
static double opt_ctimeout = 30.0; /* connect phase limit */

/* state */
static struct conn *conns;
static int epfd = -1;
static struct sockaddr_storage addr;
static socklen_t addrlen;
static unsigned char *payload; /* one request line, ends with '\n' */
static size_t plen;
static unsigned char *rep; /* payload repeated rep_lines+1 times */
static size_t rep_lines;
static size_t rep_chunk; /* plen * rep_lines */
static unsigned char rbuf[RBUF_SIZE];
static volatile sig_atomic_t stop_flag = 0;

static int n_next = 0;     /* next never-tried connection index */
static int n_connecting = 0;
static int n_waiting = 0;  /* waiting for a retry */
static int n_up = 0;       /* currently connected */
static int n_ok = 0;       /* ever connected */
static int n_dead = 0;     /* permanently failed to connect */
static int last_connect_errno = 0;

static uint64_t good_lines = 0;
static uint64_t err_mismatch = 0, err_reset = 0, err_connect = 0, err_io = 0;

static double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_signal(int sig)
{
    (void)sig;
    stop_flag = 1;
}

static void usage(const char *argv0)
{
    fprintf(stderr,
            "usage: %s [-h host] -p port [-c conns] [-d depth] [-t secs] [-w secs]\n"
            "          [-m echo|idle|fixed] [-s bytes] [-r file -L len] [-P server_pid] [-T secs] [-v]\n"
            "  -h host   server address (default 127.0.0.1)\n"
            "  -p port   server port (required)\n"
            "  -c N      connections (default 1)\n"
            "  -d D      request lines kept in flight per connection (default 1)\n"
            "  -t secs   measured duration (echo) / hold time (idle), default 5\n"
            "  -w secs   warm-up, not counted (default 1)\n"
            "  -m mode   echo (default), idle, or fixed (requests from -r, replies of -L bytes)\n"
            "  -r file   fixed mode: the bytes of one request\n"
            "  -L len    fixed mode: the length of one reply\n"
            "  -s bytes  request line size incl. '\\n' (default 12: \"hello world\\n\")\n"
            "  -P pid    report utime+stime ticks of pid during the window (srv_ticks=)\n"
            "  -T secs   give up on connects still pending after this long (default 30)\n"
            "  -v        print an error breakdown on stderr\n",
            argv0);
}

/* utime+stime of pid in clock ticks, or -1 */
static long long proc_ticks(long pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    if (!p)
        return -1;
    p++;
    /* after ')' comes field 3 (state); utime is field 14, stime 15 */
    int field = 2;
    long long ut = -1, st = -1;
    char *save = NULL;
    for (char *tok = strtok_r(p, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        field++;
        if (field == 14)
            ut = strtoll(tok, NULL, 10);
        else if (field == 15) {
            st = strtoll(tok, NULL, 10);
            break;
        }
    }
    if (ut < 0 || st < 0)
        return -1;
    return ut + st;
}

static void ep_ctl(int op, struct conn *c, uint32_t events)
{
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.u32 = (uint32_t)(c - conns);
    if (epoll_ctl(epfd, op, c->fd, &ev) < 0 && op != EPOLL_CTL_DEL) {
        perror("loadgen: epoll_ctl");
        exit(3);
    }
}

static uint32_t up_events(const struct conn *c)
{
    uint32_t ev = EPOLLIN | EPOLLRDHUP;
    if (c->out_armed)
        ev |= EPOLLOUT;
    return ev;
}

static void conn_close(struct conn *c)
{
    if (c->fd >= 0) {
        close(c->fd); /* also removes it from the epoll set */
        c->fd = -1;
    }
}

/* a connected connection broke */
static void conn_lost(struct conn *c, int is_reset)
{
    if (c->st != ST_UP)
        return;
    conn_close(c);
    c->st = ST_DEAD;
    n_up--;
    if (is_reset)
        err_reset++;
    else
        err_io++;
}

static int retryable(int e)
{
    return e == EAGAIN || e == ECONNREFUSED || e == EADDRNOTAVAIL || e == ETIMEDOUT ||
           e == ECONNRESET || e == EADDRINUSE || e == ENOBUFS || e == EINTR;
}

static void schedule_retry(struct conn *c, int e, double now)
{
    last_connect_errno = e;
    conn_close(c);
    if (c->attempts >= MAX_CONNECT_ATTEMPTS || !retryable(e)) {
        c->st = ST_DEAD;
        n_dead++;
        err_connect++;
        return;
    }
    c->st = ST_WAIT;
    /* 10ms, 20ms, 40ms, ... */
    c->retry_at = now + 0.01 * (double)(1u << (c->attempts - 1));
    n_waiting++;
}

static int conn_write(struct conn *c)
{
    while (c->owed) {
        size_t k = c->owed > rep_chunk ? rep_chunk : (size_t)c->owed;
        ssize_t w = write(c->fd, rep + c->wpos, k);
        if (w > 0) {
            c->owed -= (uint64_t)w;
            c->wpos = (uint32_t)((c->wpos + (size_t)w) % plen);
            if ((size_t)w < k)
                goto arm; /* socket buffer full */
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            goto arm;
        conn_lost(c, w < 0 && (errno == ECONNRESET || errno == EPIPE));
        return -1;
    }
    if (c->out_armed) {
        c->out_armed = 0;
        ep_ctl(EPOLL_CTL_MOD, c, up_events(c));
    }
    return 0;
arm:
    if (!c->out_armed) {
        c->out_armed = 1;
        ep_ctl(EPOLL_CTL_MOD, c, up_events(c));
    }
    return 0;
}

static void on_connected(struct conn *c, int registered)
{
    c->st = ST_UP;
    n_up++;
    n_ok++;
    c->out_armed = 0;
    ep_ctl(registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, c, up_events(c));
    if (opt_mode != MODE_IDLE) {
        c->owed = (uint64_t)opt_depth * plen;
        c->wpos = 0;
        c->rpos = 0;
        conn_write(c);
    }
}

static void start_connect(struct conn *c, double now)
{
    c->attempts++;
    int fd = socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        int e = errno;
        static int warned = 0;
        if ((e == EMFILE || e == ENFILE) && !warned++)
            fprintf(stderr, "loadgen: socket(): %s (raise ulimit -n)\n", strerror(e));
        c->fd = -1;
        schedule_retry(c, e == EMFILE || e == ENFILE ? e : EAGAIN, now);
        return;
    }
    c->fd = fd;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, (struct sockaddr *)&addr, addrlen) == 0) {
        on_connected(c, 0);
        return;
    }
    if (errno == EINPROGRESS) {
        c->st = ST_CONNECTING;
        n_connecting++;
        ep_ctl(EPOLL_CTL_ADD, c, EPOLLOUT);
        return;
    }
    schedule_retry(c, errno, now);
}

static void pump_connects(double now)
{
    if (n_waiting > 0) {
        for (int i = 0; i < opt_conns && n_connecting < MAX_PENDING_CONNECTS; i++) {
            struct conn *c = &conns[i];
            if (c->st == ST_WAIT && c->retry_at <= now) {
                n_waiting--;
                start_connect(c, now);
            }
        }
    }
    while (n_next < opt_conns && n_connecting < MAX_PENDING_CONNECTS)
        start_connect(&conns[n_next++], now);
}

static void on_connect_event(struct conn *c, double now)
{
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
        err = errno;
    n_connecting--;
    if (err == 0)
        on_connected(c, 1);
    else
        schedule_retry(c, err, now);
}

/* verify received bytes, returns number of completed reply lines (good+bad) */
static uint64_t consume(struct conn *c, const unsigned char *buf, size_t n)
{
    size_t i = 0;
    uint64_t lines = 0;
    while (i < n) {
        if (c->skipping) {
            const unsigned char *nl = memchr(buf + i, '\n', n - i);
            if (!nl)
                return lines;
            i = (size_t)(nl - buf) + 1;
            c->skipping = 0;
            c->rpos = 0;
            lines++; /* the bad line (already counted as an error) */
            continue;
        }
        size_t k = n - i;
        if (k > rep_chunk)
            k = rep_chunk; /* rpos < plen, so rep has room */
        if (memcmp(buf + i, rep + c->rpos, k) == 0) {
            uint64_t t = (uint64_t)c->rpos + k;
            good_lines += t / plen;
            lines += t / plen;
            c->rpos = (uint32_t)(t % plen);
            i += k;
            continue;
        }
        /* slow path: locate the first mismatching byte */
        size_t j = 0;
        while (buf[i + j] == rep[c->rpos + j])
            j++;
        uint64_t t = (uint64_t)c->rpos + j;
        good_lines += t / plen;
        lines += t / plen;
        c->rpos = (uint32_t)(t % plen);
        i += j;
        err_mismatch++;
        c->skipping = 1; /* drop the rest of this reply line */
    }
    return lines;
}

static void on_readable(struct conn *c)
{
    ssize_t n = read(c->fd, rbuf, sizeof rbuf);
    if (n > 0) {
        if (opt_mode == MODE_IDLE)
            return; /* idle: discard */
        uint64_t lines;
        if (opt_mode == MODE_FIXED) {
            uint64_t t = (uint64_t)c->rpos + (uint64_t)n;
            lines = t / opt_replen;
            c->rpos = (uint32_t)(t % opt_replen);
            good_lines += lines;
        } else {
            lines = consume(c, rbuf, (size_t)n);
        }
        if (lines) {
            c->owed += lines * plen;
            if (!c->out_armed)
                conn_write(c);
        }
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    /* EOF or error: the server dropped us */
    conn_lost(c, 1);
}

static void build_payload(void)
{
    static const char dflt[] = "hello world\n";
    if (opt_mode == MODE_FIXED) {
        FILE *f = fopen(opt_reqfile, "rb");
        if (!f) {
            fprintf(stderr, "loadgen: cannot read %s: %s\n", opt_reqfile, strerror(errno));
            exit(2);
        }
        payload = malloc(65536);
        plen = payload ? fread(payload, 1, 65536, f) : 0;
        fclose(f);
        if (plen == 0) {
            fprintf(stderr, "loadgen: %s is empty\n", opt_reqfile);
            exit(2);
        }
    } else if (opt_size == 0 || opt_size == sizeof dflt - 1) {
        plen = sizeof dflt - 1;
        payload = malloc(plen);
        memcpy(payload, dflt, plen);
    } else {
        plen = opt_size;
        payload = malloc(plen);
        for (size_t i = 0; i + 1 < plen; i++)
            payload[i] = (unsigned char)('a' + i % 26);
        payload[plen - 1] = '\n';
    }
    rep_lines = (size_t)opt_depth;
    if (rep_lines * plen < 65536)
        rep_lines = 65536 / plen + 1;
    rep_chunk = rep_lines * plen;
    rep = malloc(rep_chunk + plen);
    if (!payload || !rep) {
        fprintf(stderr, "loadgen: out of memory\n");
        exit(3);
    }
    for (size_t i = 0; i <= rep_lines; i++)
        memcpy(rep + i * plen, payload, plen);
}

static void resolve(void)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int r = getaddrinfo(opt_host, opt_port, &hints, &res);
    if (r != 0 || !res) {
        fprintf(stderr, "loadgen: cannot resolve %s:%s: %s\n", opt_host, opt_port, gai_strerror(r));
        exit(2);
    }
    memcpy(&addr, res->ai_addr, res->ai_addrlen);
    addrlen = res->ai_addrlen;
    freeaddrinfo(res);
}

static void raise_nofile(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return;
    rlim_t need = (rlim_t)opt_conns + 32;
    if (rl.rlim_cur >= need)
        return;
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > need ? need : rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur < need)
        fprintf(stderr, "loadgen: warning: RLIMIT_NOFILE is %llu, %d connections need ~%llu\n",
                (unsigned long long)rl.rlim_cur, opt_conns, (unsigned long long)need);
}

static double parse_secs(const char *s, const char *what)
{
    char *end;
    double v = strtod(s, &end);
    if (*s == 0 || *end != 0 || v < 0) {
        fprintf(stderr, "loadgen: bad %s: %s\n", what, s);
        exit(2);
    }
    return v;
}

static long parse_long(const char *s, const char *what, long lo, long hi)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == 0 || *end != 0 || v < lo || v > hi) {
        fprintf(stderr, "loadgen: bad %s: %s (allowed %ld..%ld)\n", what, s, lo, hi);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    int ch;
    while ((ch = getopt(argc, argv, "h:p:c:d:t:w:m:s:r:L:P:T:v")) != -1) {
        switch (ch) {
        case 'h': opt_host = optarg; break;
        case 'p': opt_port = optarg; break;
        case 'c': opt_conns = (int)parse_long(optarg, "-c", 1, 1000000); break;
        case 'd': opt_depth = (int)parse_long(optarg, "-d", 1, 100000); break;
        case 't': opt_secs = parse_secs(optarg, "-t"); break;
        case 'w': opt_warm = parse_secs(optarg, "-w"); break;
        case 's': opt_size = (size_t)parse_long(optarg, "-s", 1, 16 * 1024 * 1024); break;
        case 'r': opt_reqfile = optarg; break;
        case 'L': opt_replen = (size_t)parse_long(optarg, "-L", 1, 16 * 1024 * 1024); break;
        case 'P': opt_pid = parse_long(optarg, "-P", 1, 0x7fffffff); break;
        case 'v': opt_verbose = 1; break;
        case 'T': opt_ctimeout = parse_secs(optarg, "-T"); break;
        case 'm':
            if (strcmp(optarg, "echo") == 0)
                opt_mode = MODE_ECHO;
            else if (strcmp(optarg, "idle") == 0)
                opt_mode = MODE_IDLE;
            else if (strcmp(optarg, "fixed") == 0)
                opt_mode = MODE_FIXED;
            else {
                usage(argv[0]);
                return 2;
            }
            break;
        default: usage(argv[0]); return 2;
        }
    }
    if (!opt_port || optind != argc || (opt_mode == MODE_FIXED && (!opt_reqfile || !opt_replen))) {
        usage(argv[0]);
        return 2;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: epoll_wait returns EINTR */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    resolve();
    build_payload();
    raise_nofile();

    conns = calloc((size_t)opt_conns, sizeof *conns);
    if (!conns) {
        fprintf(stderr, "loadgen: out of memory\n");
        return 3;
    }
    for (int i = 0; i < opt_conns; i++)
        conns[i].fd = -1;
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        perror("loadgen: epoll_create1");
        return 3;
    }

    static struct epoll_event evs[MAX_EVENTS];
    /* phases: 0 connect, 1 warm-up, 2 measure (echo) / hold (idle), 3 done */
    int phase = 0;
    double t_begin = now_sec(), t_phase_end = t_begin + opt_ctimeout;
    double t0 = 0, t1 = 0;
    uint64_t c0 = 0, c1 = 0;
    long long k0 = -1, k1 = -1;
    int interrupted = 0;

    pump_connects(t_begin);
    for (;;) {
        double now = now_sec();

        /* phase transitions */
        if (phase == 0) {
            int settled = n_next == opt_conns && n_connecting == 0 && n_waiting == 0;
            if (!settled && now >= t_phase_end) {
                /* give up on whatever is still pending */
                for (int i = 0; i < opt_conns; i++) {
                    struct conn *c = &conns[i];
                    if (c->st == ST_CONNECTING || c->st == ST_WAIT || c->st == ST_NEW) {
                        conn_close(c);
                        c->st = ST_DEAD;
                        n_dead++;
                        err_connect++;
                    }
                }
                last_connect_errno = ETIMEDOUT;
                n_connecting = n_waiting = 0;
                n_next = opt_conns;
                settled = 1;
            }
            if (settled) {
                if (n_ok == 0) {
                    fprintf(stderr, "loadgen: could not connect to %s:%s: %s\n", opt_host, opt_port,
                            strerror(last_connect_errno ? last_connect_errno : ECONNREFUSED));
                    if (opt_mode != MODE_IDLE)
                        printf("requests=0 seconds=0.000 rps=0.0 errors=%llu conns=0/%d\n",
                               (unsigned long long)err_connect, opt_conns);
                    else
                        printf("ready conns=0/%d\n", opt_conns);
                    fflush(stdout);
                    return 1;
                }
                if (opt_mode == MODE_IDLE) {
                    printf("ready conns=%d/%d\n", n_ok, opt_conns);
                    fflush(stdout);
                    phase = 2;
                    t0 = now;
                    t_phase_end = now + opt_secs;
                } else {
                    phase = 1;
                    t_phase_end = now + opt_warm;
                }
            }
        }
        if (phase == 1 && now >= t_phase_end) {
            phase = 2;
            t0 = now;
            c0 = good_lines;
            if (opt_pid)
                k0 = proc_ticks(opt_pid);
            t_phase_end = now + opt_secs;
        }
        if (phase == 2 && now >= t_phase_end) {
            t1 = now;
            c1 = good_lines;
            if (opt_pid)
                k1 = proc_ticks(opt_pid);
            phase = 3;
        }
        if (phase == 3)
            break;
        if (stop_flag) {
            interrupted = 1;
            break;
        }
        if (phase >= 1 && n_up == 0 && opt_mode != MODE_IDLE) {
            fprintf(stderr, "loadgen: all connections lost\n");
            interrupted = 1;
            break;
        }

        if (phase == 0)
            pump_connects(now);

        double wait = t_phase_end - now;
        if (phase == 0 && n_waiting > 0 && wait > 0.005)
            wait = 0.005;
        int timeout_ms = wait <= 0 ? 0 : (int)(wait * 1000.0) + 1;

        int n = epoll_wait(epfd, evs, MAX_EVENTS, timeout_ms);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("loadgen: epoll_wait");
            return 3;
        }
        if (phase == 0 && n > 0)
            now = now_sec();
        for (int i = 0; i < n; i++) {
            struct conn *c = &conns[evs[i].data.u32];
            uint32_t e = evs[i].events;
            if (c->st == ST_CONNECTING) {
                on_connect_event(c, now);
                continue;
            }
            if (c->st != ST_UP)
                continue;
            if (e & (EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP)) {
                on_readable(c);
                if (c->st != ST_UP)
                    continue;
            }
            if ((e & EPOLLOUT) && c->out_armed)
                conn_write(c);
        }
    }

    uint64_t errors = err_mismatch + err_reset + err_connect + err_io;
    if (opt_verbose || errors)
        fprintf(stderr,
                "loadgen: errors: mismatch=%llu reset=%llu connect=%llu io=%llu; conns up at end=%d\n",
                (unsigned long long)err_mismatch, (unsigned long long)err_reset,
                (unsigned long long)err_connect, (unsigned long long)err_io, n_up);

    if (opt_mode == MODE_IDLE) {
        if (opt_verbose)
            fprintf(stderr, "loadgen: idle done, %d/%d still open\n", n_up, opt_conns);
        return 0;
    }

    if (interrupted) {
        double now = now_sec();
        if (phase == 2) {
            t1 = now;
            c1 = good_lines;
            if (opt_pid)
                k1 = proc_ticks(opt_pid);
        } else {
            t0 = t1 = 0;
            c0 = c1 = 0;
        }
    }
    double secs = t1 - t0;
    uint64_t reqs = c1 - c0;
    printf("requests=%llu seconds=%.3f rps=%.1f errors=%llu conns=%d/%d", (unsigned long long)reqs,
           secs, secs > 0 ? (double)reqs / secs : 0.0, (unsigned long long)errors, n_ok, opt_conns);
    if (opt_pid)
        printf(" srv_ticks=%lld", (k0 >= 0 && k1 >= 0) ? k1 - k0 : -1LL);
    printf("\n");
    fflush(stdout);
    return 0;
}
