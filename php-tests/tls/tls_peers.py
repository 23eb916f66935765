"""TLS peers for the ssl tests, on Python's ssl module (OpenSSL underneath, nothing of ours).

  tls_peers.py echo CERT KEY PORT       TLS echo server on 127.0.0.1:PORT (one thread per
                                        connection); exits after 60 s
  tls_peers.py client PORT CAFILE N     connects to localhost:PORT verifying against CAFILE,
                                        sends N bytes while reading, prints what came back
                                        ("<len> <md5>") and the negotiated version
"""
import hashlib
import select
import socket
import ssl
import sys
import threading
import time


def echo_server(cert, key, port):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen(64)
    srv.settimeout(60)

    def serve(raw):
        try:
            with ctx.wrap_socket(raw, server_side=True) as s:
                while True:
                    data = s.recv(65536)
                    if not data:
                        break
                    s.sendall(data)
        except (OSError, ssl.SSLError):
            pass

    try:
        while True:
            raw, _ = srv.accept()
            threading.Thread(target=serve, args=(raw,), daemon=True).start()
    except socket.timeout:
        pass


def client(port, cafile, n):
    # One thread sends and reads at once (an SSL object must not be used from two threads).
    ctx = ssl.create_default_context(cafile=cafile)
    payload = bytes((i * 7) % 251 for i in range(n))
    got = bytearray()
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=20) as raw:
        with ctx.wrap_socket(raw, server_hostname="localhost") as s:
            s.setblocking(False)
            deadline = time.time() + 20
            while len(got) < n and time.time() < deadline:
                want_write = sent < n
                select.select([s], [s] if want_write else [], [], 0.5)
                if want_write:
                    try:
                        sent += s.send(payload[sent:sent + 65536])
                    except (ssl.SSLWantWriteError, ssl.SSLWantReadError, BlockingIOError):
                        pass
                try:
                    data = s.recv(65536)
                    if not data:
                        break
                    got += data
                except (ssl.SSLWantReadError, ssl.SSLWantWriteError, BlockingIOError):
                    pass
            version = s.version()
    ok = hashlib.md5(bytes(got)).hexdigest() == hashlib.md5(payload).hexdigest()
    print(len(got), "same" if ok else "differs", version)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "echo":
        echo_server(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif mode == "client":
        client(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
