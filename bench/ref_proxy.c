/*
 * ref_proxy - minimal C reference TCP proxy for bench/run_proxy.
 *
 *   ref_proxy <listen_port> <upstream_port>
 *
 * Listens on 127.0.0.1:<listen_port>. Every accepted connection gets its own
 * non-blocking connection to 127.0.0.1:<upstream_port>; the two form a pair
 * and bytes are copied both ways. Single-threaded, level-triggered epoll,
 * TCP_NODELAY on both sockets, accept4 until EAGAIN.
 *
 * Copying: a readable side is read into a shared 256 KB buffer until EAGAIN,
 * a short read (on a Linux TCP socket: the receive queue is drained) or a
 * full buffer, and the batch goes to the other side with ONE write(). What
 * the kernel does not take is kept for that side and flushed on EPOLLOUT;
 * while it is pending, the side it came from is not read (back-pressure), so
 * memory stays bounded. The client is not read until the upstream connect
 * has completed.
 *
 * Closing: EOF or an error on either side ends the pair. Output still queued
 * for the other side is flushed first (neither side is read meanwhile), then
 * both sockets are closed.
 *
 * SIGUSR1 prints "ref_proxy: accepted=N closed=N live=N"; SIGTERM or SIGINT
 * prints it and exits.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_EVENTS 1024
#define BUF_SIZE (256 * 1024)

struct pair;

struct side {
    int fd;
    uint32_t ev;        /* events currently registered */
    char *out;          /* bytes queued for this side (from the peer) */
    size_t off, len;
    struct side *peer;
    struct pair *pr;
};

struct pair {
    struct side cl, up;
    int connecting;     /* upstream connect in progress */
    int closing;        /* flush what is queued, then close both */
    int dead;           /* closed; freed after the current epoll batch */
    struct pair *next_dead;
};

static int epfd;
static char buf[BUF_SIZE];
static struct pair *dead_list;
static struct sockaddr_in up_addr;
static unsigned long n_accepted, n_closed;
static volatile sig_atomic_t got_usr1, got_term;

static void on_signal(int sig)
{
    if (sig == SIGUSR1)
        got_usr1 = 1;
    else
        got_term = 1;
}

static void report(void)
{
    fprintf(stderr, "ref_proxy: accepted=%lu closed=%lu live=%lu\n", n_accepted, n_closed, n_accepted - n_closed);
}

/* the listening socket is registered with data.ptr == NULL */
static void set_events(struct side *s, uint32_t events)
{
    if (s->fd < 0 || s->ev == events)
        return;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.ptr = s;
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, s->fd, &ev) < 0) {
        perror("ref_proxy: epoll_ctl");
        exit(1);
    }
    s->ev = events;
}

static int add_fd(struct side *s, uint32_t events)
{
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.ptr = s;
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, s->fd, &ev) < 0)
        return -1;
    s->ev = events;
    return 0;
}

static void pair_free_now(struct pair *p)
{
    if (p->dead)
        return;
    p->dead = 1;
    if (p->cl.fd >= 0)
        close(p->cl.fd); /* close() also removes it from the epoll set */
    if (p->up.fd >= 0)
        close(p->up.fd);
    free(p->cl.out);
    free(p->up.out);
    p->cl.out = p->up.out = NULL;
    p->next_dead = dead_list; /* other events of this batch may still point at it */
    dead_list = p;
    n_closed++;
}

/* What a side wants from epoll, given the state of the pair. */
static void update(struct pair *p)
{
    if (p->dead)
        return;
    if (p->closing) {
        if (!p->cl.out && !p->up.out) {
            pair_free_now(p);
            return;
        }
        set_events(&p->cl, p->cl.out ? EPOLLOUT : 0);
        set_events(&p->up, p->up.out ? EPOLLOUT : 0);
        return;
    }
    if (p->connecting) {
        set_events(&p->cl, 0);
        set_events(&p->up, EPOLLOUT);
        return;
    }
    /* read a side only while nothing of its is queued on the other side */
    set_events(&p->cl, (p->up.out ? 0 : EPOLLIN) | (p->cl.out ? EPOLLOUT : 0));
    set_events(&p->up, (p->cl.out ? 0 : EPOLLIN) | (p->up.out ? EPOLLOUT : 0));
}

/* write s's queued bytes; 0 ok (maybe still pending), -1 error */
static int flush_out(struct side *s)
{
    while (s->off < s->len) {
        ssize_t w = write(s->fd, s->out + s->off, s->len - s->off);
        if (w > 0) {
            s->off += (size_t)w;
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        return -1;
    }
    free(s->out);
    s->out = NULL;
    s->off = s->len = 0;
    return 0;
}

/* send len bytes of buf to s, queueing what the kernel does not take */
static int send_to(struct side *s, const char *data, size_t len)
{
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(s->fd, data + off, len - off);
        if (w > 0) {
            off += (size_t)w;
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        return -1;
    }
    if (off < len) {
        s->len = len - off;
        s->off = 0;
        s->out = malloc(s->len);
        if (!s->out)
            return -1;
        memcpy(s->out, data + off, s->len);
    }
    return 0;
}

static void on_readable(struct side *s)
{
    struct pair *p = s->pr;
    size_t got = 0;
    int eof = 0;
    while (got < sizeof buf) {
        size_t want = sizeof buf - got;
        ssize_t n = read(s->fd, buf + got, want);
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
    if (got && send_to(s->peer, buf, got) < 0) {
        pair_free_now(p);
        return;
    }
    if (eof)
        p->closing = 1;
    update(p);
}

static void on_connected(struct pair *p)
{
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(p->up.fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err) {
        pair_free_now(p);
        return;
    }
    p->connecting = 0;
    update(p);
}

static void on_event(struct side *s, uint32_t e)
{
    struct pair *p = s->pr;
    if (p->dead || s->fd < 0)
        return;
    if (p->connecting) {
        if (s == &p->up && (e & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            on_connected(p);
        else if (e & (EPOLLERR | EPOLLHUP))
            pair_free_now(p); /* the client left before the upstream answered */
        return;
    }
    if (e & EPOLLERR) {
        pair_free_now(p); /* reset or another socket error: the pair is over */
        return;
    }
    if (s->out && (e & (EPOLLOUT | EPOLLHUP))) {
        if (flush_out(s) < 0) {
            pair_free_now(p);
            return;
        }
        update(p);
        if (p->dead)
            return;
    }
    if (!p->closing && (s->ev & EPOLLIN) && (e & (EPOLLIN | EPOLLHUP))) {
        on_readable(s);
        return;
    }
    if (e & EPOLLHUP) {
        /* finished both ways while not being read (back-pressure or closing):
         * level-triggered epoll would report it again and again */
        if (s->out) {
            pair_free_now(p); /* queued bytes can no longer be delivered */
            return;
        }
        close(s->fd);
        s->fd = -1;
        p->closing = 1;
        update(p);
    }
}

static void on_accept(int lfd)
{
    int one = 1;
    for (;;) {
        int cfd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (cfd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                perror("ref_proxy: accept4"); /* e.g. EMFILE: retry later */
            return;
        }
        n_accepted++;
        struct pair *p = calloc(1, sizeof *p);
        int ufd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (!p || ufd < 0) {
            perror("ref_proxy: pair");
            free(p);
            if (ufd >= 0)
                close(ufd);
            close(cfd);
            n_closed++;
            continue;
        }
        setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setsockopt(ufd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        p->cl.fd = cfd;
        p->up.fd = ufd;
        p->cl.peer = &p->up;
        p->up.peer = &p->cl;
        p->cl.pr = p->up.pr = p;
        p->connecting = 1;
        int r = connect(ufd, (struct sockaddr *)&up_addr, sizeof up_addr);
        if (r < 0 && errno != EINPROGRESS) {
            perror("ref_proxy: connect");
            close(cfd);
            close(ufd);
            free(p);
            n_closed++;
            continue;
        }
        if (add_fd(&p->cl, 0) < 0 || add_fd(&p->up, EPOLLOUT) < 0) {
            perror("ref_proxy: epoll_ctl add");
            close(cfd);
            close(ufd);
            free(p);
            n_closed++;
            continue;
        }
        if (r == 0)
            on_connected(p);
    }
}

static int parse_port(const char *s)
{
    int port = atoi(s);
    return port > 0 && port <= 65535 ? port : -1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s <listen_port> <upstream_port>\n", argv[0]);
        return 2;
    }
    int port = parse_port(argv[1]), uport = parse_port(argv[2]);
    if (port < 0 || uport < 0) {
        fprintf(stderr, "ref_proxy: bad port\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: epoll_wait returns EINTR */
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }

    memset(&up_addr, 0, sizeof up_addr);
    up_addr.sin_family = AF_INET;
    up_addr.sin_port = htons((unsigned short)uport);
    up_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (lfd < 0) {
        perror("ref_proxy: socket");
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
        perror("ref_proxy: bind");
        return 1;
    }
    if (listen(lfd, SOMAXCONN) < 0) {
        perror("ref_proxy: listen");
        return 1;
    }
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        perror("ref_proxy: epoll_create1");
        return 1;
    }
    struct epoll_event lev;
    memset(&lev, 0, sizeof lev);
    lev.events = EPOLLIN;
    lev.data.ptr = NULL;
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, lfd, &lev) < 0) {
        perror("ref_proxy: epoll_ctl");
        return 1;
    }

    static struct epoll_event evs[MAX_EVENTS];
    while (!got_term) {
        if (got_usr1) {
            got_usr1 = 0;
            report();
        }
        int n = epoll_wait(epfd, evs, MAX_EVENTS, -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("ref_proxy: epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; i++) {
            if (!evs[i].data.ptr)
                on_accept(lfd);
            else
                on_event(evs[i].data.ptr, evs[i].events);
        }
        while (dead_list) {
            struct pair *p = dead_list;
            dead_list = p->next_dead;
            free(p);
        }
    }
    report();
    return 0;
}
