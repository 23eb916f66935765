/*
 * ref_echo - minimal C reference echo server for the benchmarks.
 *
 *   ref_echo <port>
 *
 * Single-threaded, non-blocking, level-triggered epoll on 127.0.0.1:<port>.
 * Accepts in a loop until EAGAIN. On a readable connection it reads everything
 * available into a shared buffer (until EAGAIN, or until a short read, which
 * on a Linux TCP socket means the receive queue has been drained; level-
 * triggered epoll reports the socket again if more data arrives) and echoes
 * the whole batch back with ONE write(). Whatever the kernel does not take is
 * kept per connection and flushed on EPOLLOUT; while output is pending the
 * connection is not read (back-pressure), so memory stays bounded.
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

struct pending {
    char *data;
    size_t off, len;
};

static struct pending *pend; /* indexed by fd; data != NULL => EPOLLOUT armed */
static int max_fds;
static int epfd;
static char buf[BUF_SIZE];

static void set_events(int fd, uint32_t events, int op)
{
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.fd = fd;
    if (epoll_ctl(epfd, op, fd, &ev) < 0) {
        perror("ref_echo: epoll_ctl");
        exit(1);
    }
}

static void conn_close(int fd)
{
    free(pend[fd].data);
    pend[fd].data = NULL;
    pend[fd].off = pend[fd].len = 0;
    close(fd);
}

/* flush pending output; returns -1 if the connection was closed */
static int flush_pending(int fd)
{
    struct pending *p = &pend[fd];
    while (p->off < p->len) {
        ssize_t w = write(fd, p->data + p->off, p->len - p->off);
        if (w > 0) {
            p->off += (size_t)w;
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        conn_close(fd);
        return -1;
    }
    free(p->data);
    p->data = NULL;
    p->off = p->len = 0;
    set_events(fd, EPOLLIN, EPOLL_CTL_MOD); /* resume reading */
    return 0;
}

static void on_readable(int fd)
{
    size_t got = 0;
    int eof = 0;
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
    if (got) {
        size_t off = 0;
        while (off < got) {
            ssize_t w = write(fd, buf + off, got - off);
            if (w > 0) {
                off += (size_t)w;
                if (off < got)
                    break; /* kernel took only part of it */
                continue;
            }
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            conn_close(fd);
            return;
        }
        if (off < got) {
            struct pending *p = &pend[fd];
            p->len = got - off;
            p->off = 0;
            p->data = malloc(p->len);
            if (!p->data) {
                conn_close(fd);
                return;
            }
            memcpy(p->data, buf + off, p->len);
            set_events(fd, EPOLLOUT, EPOLL_CTL_MOD); /* stop reading until flushed */
        }
    }
    if (eof && !pend[fd].data)
        conn_close(fd);
    /* with pending data and EOF, EPOLLOUT/EPOLLERR will finish the job */
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s <port>\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "ref_echo: bad port %s\n", argv[1]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);

    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    getrlimit(RLIMIT_NOFILE, &rl);
    max_fds = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 1048576 ? 1048576 : (int)rl.rlim_cur;
    pend = calloc((size_t)max_fds, sizeof *pend);
    if (!pend) {
        fprintf(stderr, "ref_echo: out of memory\n");
        return 1;
    }

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (lfd < 0) {
        perror("ref_echo: socket");
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
        perror("ref_echo: bind");
        return 1;
    }
    if (listen(lfd, SOMAXCONN) < 0) {
        perror("ref_echo: listen");
        return 1;
    }
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        perror("ref_echo: epoll_create1");
        return 1;
    }
    set_events(lfd, EPOLLIN, EPOLL_CTL_ADD);

    static struct epoll_event evs[MAX_EVENTS];
    for (;;) {
        int n = epoll_wait(epfd, evs, MAX_EVENTS, -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("ref_echo: epoll_wait");
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
                            perror("ref_echo: accept4"); /* e.g. EMFILE: retry later */
                        break;
                    }
                    if (cfd >= max_fds) {
                        close(cfd);
                        continue;
                    }
                    setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    set_events(cfd, EPOLLIN, EPOLL_CTL_ADD);
                }
                continue;
            }
            if (pend[fd].data) {
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
