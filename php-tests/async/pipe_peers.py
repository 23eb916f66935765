# Peers for the pipe() proxy tests (php-tests/async/pipe_*_ext.phpt), bounded in time.
#   echo PORT LOG         a threaded TCP echo server; writes "backend eof" to LOG when a
#                         client's side ends, closes a connection on the line "CLOSE\n"
#   connect PROXY BACKEND send CONNECT through the proxy, then 1 MB each way at once
#   sink PORT LOG SIZE    accepts, reads nothing for 1.5 s, then SIZE bytes; logs their md5
import hashlib, socket, sys, threading

def echo(port, log):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(16)
    s.settimeout(30)
    def serve(c):
        c.settimeout(30)
        while True:
            b = c.recv(65536)
            if not b:
                with open(log, "a") as f:
                    f.write("backend eof\n")
                break
            if b == b"CLOSE\n":
                break
            c.sendall(b)
        c.close()
    while True:
        try:
            c, _ = s.accept()
        except socket.timeout:
            return
        threading.Thread(target=serve, args=(c,), daemon=True).start()

def tunnel(proxy, backend):
    c = socket.create_connection(("127.0.0.1", proxy), timeout=20)
    c.sendall(("CONNECT 127.0.0.1:%d HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % (backend, backend)).encode())
    head = b""
    while b"\r\n\r\n" not in head:
        b = c.recv(1)
        if not b:
            raise SystemExit("proxy closed during CONNECT")
        head += b
    return c, head.split(b"\r\n")[0].decode()

def connect(proxy, backend):
    c, status = tunnel(proxy, backend)
    print(status)
    size = 1 << 20
    data = bytes((i * 7 + (i >> 10)) & 0xFF for i in range(size))
    t = threading.Thread(target=c.sendall, args=(data,))
    t.start()
    got = b""
    while len(got) < size:
        b = c.recv(65536)
        if not b:
            break
        got += b
    t.join()
    print("echoed %d bytes, same=%s" % (len(got), hashlib.md5(got).digest() == hashlib.md5(data).digest()))
    c.close()
    # the backend closes this one: the proxy closes the client's side
    c, status = tunnel(proxy, backend)
    c.sendall(b"CLOSE\n")
    c.settimeout(10)
    rest = c.recv(100)
    print("after the backend closed: eof=%s" % (rest == b""))
    c.close()

def slow_sink(port, log, size):
    # reads nothing for 1.5 s, then everything: the proxy must hold back meanwhile
    import time
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(4)
    s.settimeout(30)
    while True:
        c, _ = s.accept()
        c.settimeout(30)
        time.sleep(1.5)
        h, n = hashlib.md5(), 0
        while n < size:
            b = c.recv(1 << 16)
            if not b:
                break
            h.update(b)
            n += len(b)
        if n == 0:
            c.close()  # the readiness probe
            continue
        with open(log, "a") as f:
            f.write("sink got %d bytes md5=%s\n" % (n, h.hexdigest()))
        c.close()
        return

if __name__ == "__main__":
    if sys.argv[1] == "echo":
        echo(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == "sink":
        slow_sink(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    else:
        connect(int(sys.argv[2]), int(sys.argv[3]))
