"""Real sockets standing in for an Elasticsearch server, for the fault tests (none can be installed here).

- `refused_url()`: an address where nothing listens (the connection is refused);
- `FakeEngine`: a server on a real port that either accepts connections and never answers (`hang()`), or
  answers Elasticsearch's index, bulk, search and count calls with empty successes and records each
  request (`answer()`), so a test can see what the site sent once the engine is back.
"""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def refused_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class _Handler(BaseHTTPRequestHandler):
    server: "FakeEngine"

    def log_message(self, format, *args):
        return

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        if self.server.hanging.is_set():
            self.server.release.wait(timeout=30)
            return
        self.server.requests.append((self.command, self.path, body))
        path = self.path.split("?")[0]
        if path.endswith("/_bulk"):
            reply = {"took": 1, "errors": False, "items": []}
        elif path.endswith("/_search"):
            reply = {"took": 1, "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
        elif path.endswith("/_count"):
            reply = {"count": 0}
        else:
            reply = {"result": "created", "_id": path.rsplit("/", 1)[-1]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer


class FakeEngine(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hanging = threading.Event()
        self.release = threading.Event()
        self.requests: list[tuple[str, str, str]] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def hang(self) -> None:
        self.release.clear()
        self.hanging.set()

    def answer(self) -> None:
        self.hanging.clear()
        self.release.set()

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self.release.set()
        self.shutdown()
        self.server_close()
