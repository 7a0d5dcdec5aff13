#!/usr/bin/python3
"""Demo traffic for the bundled HAProxy: a steady, varying mix of requests.

Usage: traffic.py HTTP_PORT TCP_PORT [RATE]
RATE is the average requests per second (default 30); the actual rate swings between about half and
one and a half times RATE over a two-minute cycle, with jitter. About 8% of requests end in 4xx and 3%
in 5xx; some clients keep the web farm's SERVERID cookie (sticky), others do not. Every minute a
one-line summary is printed. Connection errors (HAProxy reloading or stopped) are counted, not fatal.
"""
import concurrent.futures
import http.client
import math
import random
import signal
import socket
import sys
import threading
import time
from collections import Counter

# (weight, method, path, sticky)
MIX = [
    (40, "GET", "/", True),
    (10, "GET", "/static/app.css", False),
    (8, "GET", "/products/%d", True),
    (18, "GET", "/api/items", False),
    (6, "GET", "/api/items/%d", False),
    (3, "POST", "/api/orders", False),
    (4, "GET", "/status/404", False),
    (3, "GET", "/api/status/404", False),
    (1, "GET", "/status/403", False),
    (2, "GET", "/api/status/500", False),
    (1, "GET", "/status/503", False),
    (2, "GET", "/slow?ms=250", False),
    (2, "TCP", "", False),
]
WEIGHTS = [m[0] for m in MIX]


class Traffic:
    def __init__(self, http_port, tcp_port):
        self.http_port = http_port
        self.tcp_port = tcp_port
        self.counts = Counter()
        self.lock = threading.Lock()
        self.cookies = {}  # client id -> SERVERID cookie

    def count(self, key):
        with self.lock:
            self.counts[key] += 1

    def one(self):
        _, method, path, sticky = random.choices(MIX, WEIGHTS)[0]
        try:
            if method == "TCP":
                self.tcp()
            else:
                self.http(method, path % random.randint(1, 500) if "%d" in path else path, sticky)
        except (OSError, http.client.HTTPException):
            self.count("error")

    def http(self, method, path, sticky):
        client = random.randint(1, 20) if sticky else None
        headers = {"User-Agent": "demo-traffic/1.0"}
        if client is not None and client in self.cookies:
            headers["Cookie"] = self.cookies[client]
        body = b'{"item": 1}' if method == "POST" else None
        if body:
            headers["Content-Type"] = "application/json"
        connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            cookie = response.getheader("Set-Cookie")
            if client is not None and cookie:
                self.cookies[client] = cookie.split(";", 1)[0]
            self.count("%dxx" % (response.status // 100))
        finally:
            connection.close()

    def tcp(self):
        with socket.create_connection(("127.0.0.1", self.tcp_port), timeout=5) as s:
            key = "k%d" % random.randint(1, 50)
            s.sendall(("SET %s %d\r\nGET %s\r\nQUIT\r\n" % (key, random.randint(0, 9999), key)).encode())
            while s.recv(4096):
                pass
        self.count("tcp")

    def summary(self):
        with self.lock:
            text = " ".join("%s=%d" % kv for kv in sorted(self.counts.items()))
            self.counts.clear()
        print(time.strftime("%H:%M:%S") + " last minute: " + (text or "nothing"), flush=True)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    traffic = Traffic(int(sys.argv[1]), int(sys.argv[2]))
    rate = float(sys.argv[3]) if len(sys.argv) > 3 else 30.0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    start = time.monotonic()
    next_summary = start + 60
    print("traffic: ~%.0f req/s to 127.0.0.1:%s (tcp %s)" % (rate, sys.argv[1], sys.argv[2]), flush=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        pending = set()
        while not stop.is_set():
            elapsed = time.monotonic() - start
            current = max(rate * (1 + 0.5 * math.sin(2 * math.pi * elapsed / 120)), 0.5)
            if len(pending) < 64:  # never pile up work when HAProxy is slow or gone
                pending.add(pool.submit(traffic.one))
            pending = {f for f in pending if not f.done()}
            if time.monotonic() >= next_summary:
                traffic.summary()
                next_summary += 60
            stop.wait(random.expovariate(current))
        for future in pending:
            future.cancel()


if __name__ == "__main__":
    main()
