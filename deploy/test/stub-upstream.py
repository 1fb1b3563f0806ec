#!/usr/bin/env python3
"""A stand-in for the app behind nginx in deploy/test/validate.sh.

Answers every request with JSON describing what it received (path, forwarding headers, body size,
the peer port of nginx's upstream connection, to see keepalive) and /big with 8 KiB of JSON (to
see gzip). Listens on 127.0.0.1 only, writes its port to the file given as argument, stops after
120 seconds at the latest.
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)
        if self.path == "/big":
            body = json.dumps({"items": ["x" * 64] * 128}).encode()
        else:
            body = json.dumps(
                {
                    "stub": True,
                    "method": self.command,
                    "path": self.path,
                    "x_forwarded_for": self.headers.get("X-Forwarded-For"),
                    "x_forwarded_proto": self.headers.get("X-Forwarded-Proto"),
                    "x_request_id": self.headers.get("X-Request-ID"),
                    "host": self.headers.get("Host"),
                    "body_bytes": length,
                    "peer_port": self.client_address[1],
                }
            ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = answer


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1], "w") as port_file:
        port_file.write(str(server.server_address[1]))
    threading.Timer(120, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
