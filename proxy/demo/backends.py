#!/usr/bin/python3
"""Demo backends for the bundled HAProxy: several small servers in one process.

Usage: backends.py RUN_DIR NAME:KIND:PORT [NAME:KIND:PORT ...]
  KIND http: serves a page naming itself, /health (200, or 503 while RUN_DIR/demo/NAME.down exists),
             /status/NNN (answers NNN), /slow?ms=N (waits N ms, at most 5000), anything else 200.
  KIND kv:   a line protocol on TCP: PING -> +PONG (-ERR down while the flag exists),
             SET k v -> +OK, GET k -> $v or $-1, QUIT closes.
The flag files are written by toggle.sh; nothing else is read or written.
"""
import http.server
import json
import os
import signal
import socketserver
import sys
import threading
import time
from urllib.parse import parse_qs, urlsplit


def is_down(run_dir, name):
    return os.path.exists(os.path.join(run_dir, "demo", name + ".down"))


def http_handler(run_dir, name):
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "demo-backend"

        def log_message(self, *args):  # HAProxy logs every request; no second log here.
            pass

        def answer(self, code, body, content_type="text/html; charset=utf-8"):
            data = body.encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Served-By", name)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def do_GET(self):
            url = urlsplit(self.path)
            path = url.path
            if path == "/health":
                if is_down(run_dir, name):
                    self.answer(503, "DOWN " + name + "\n", "text/plain")
                else:
                    self.answer(200, "OK " + name + "\n", "text/plain")
                return
            if "/status/" in path:
                try:
                    code = int(path.rsplit("/", 1)[1])
                except ValueError:
                    code = 400
                code = code if 200 <= code <= 599 else 400
                self.answer(code, "%d from %s\n" % (code, name), "text/plain")
                return
            if path.endswith("/slow"):
                ms = parse_qs(url.query).get("ms", ["300"])[0]
                time.sleep(min(max(int(ms) if ms.isdigit() else 300, 0), 5000) / 1000)
            if path.startswith("/api"):
                self.answer(200, json.dumps({"server": name, "path": path, "items": [1, 2, 3]}) + "\n",
                            "application/json")
                return
            self.answer(200, "<!doctype html><title>%s</title><h1>Served by %s</h1><p>%s</p>\n"
                        % (name, name, path))

        do_HEAD = do_GET

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(min(length, 1 << 20))
            self.answer(201, json.dumps({"server": name, "created": True}) + "\n", "application/json")

    return Handler


def kv_handler(run_dir, name, store):
    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            for raw in self.rfile:
                parts = raw.decode("utf-8", "replace").strip().split(" ", 2)
                command = parts[0].upper()
                if command == "PING" and is_down(run_dir, name):
                    self.wfile.write(b"-ERR down\r\n")
                    return  # closing at once makes HAProxy's check fail now, not at its timeout
                elif command == "PING":
                    reply = "+PONG"
                elif command == "SET" and len(parts) == 3:
                    store[parts[1]] = parts[2]
                    reply = "+OK"
                elif command == "GET" and len(parts) >= 2:
                    reply = "$" + store[parts[1]] if parts[1] in store else "$-1"
                elif command == "QUIT":
                    self.wfile.write(b"+BYE\r\n")
                    return
                else:
                    reply = "-ERR unknown command"
                self.wfile.write((reply + "\r\n").encode("utf-8"))

    return Handler


class HttpServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class KvServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    run_dir = sys.argv[1]
    os.makedirs(os.path.join(run_dir, "demo"), exist_ok=True)
    servers = []
    for spec in sys.argv[2:]:
        name, kind, port = spec.split(":")
        address = ("127.0.0.1", int(port))
        if kind == "http":
            servers.append(HttpServer(address, http_handler(run_dir, name)))
        elif kind == "kv":
            servers.append(KvServer(address, kv_handler(run_dir, name, {})))
        else:
            sys.exit("unknown kind %r in %r" % (kind, spec))
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("demo backends listening: " + " ".join(sys.argv[2:]), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    for server in servers:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
