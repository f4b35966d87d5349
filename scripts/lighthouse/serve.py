"""Serve a built site as a static host does: files as they are, or gzip-compressed on the fly (``--gzip``)."""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import os
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    """http.server's handler, which can compress text responses when the client accepts gzip."""

    compress = False

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (self.compress and path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--gzip", action="store_true")
    options = parser.parse_args()
    handler = type("Compressing" if options.gzip else "Plain", (Handler,), {"compress": options.gzip})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", options.port), functools.partial(handler, directory=os.fspath(options.site)))
    server.serve_forever()


if __name__ == "__main__":
    main()
