"""What an editor shows: drive the YAML language server (the one VS Code's YAML extension runs) over LSP on a
content file, and print the diagnostics and the field completions it offers inside the first strike.

Not part of the test suite (it needs Node and the server from npm, which the project does not install):

    npm install --prefix /tmp/yls yaml-language-server@1
    python3 scripts/yaml-language-server-probe.py content/articles/<file>.yaml /tmp/yls/node_modules/.bin/yaml-language-server

It adds an unknown field (``article_typo``) and an empty line in the first strike; the server, reading the
file's modeline, should flag the first and offer, for the second, the strike's fields not yet written.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import IO, Any

SETTINGS = {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}


class Client:
    """A minimal LSP client over the server's standard input and output."""

    def __init__(self, command: str) -> None:
        self.server = subprocess.Popen([command, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.ids = count(1)
        assert self.server.stdout is not None
        threading.Thread(target=self._read, args=(self.server.stdout,), daemon=True).start()

    def _read(self, out: IO[bytes]) -> None:
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = out.read(1)
                if not byte:
                    return
                header += byte
            length = next(int(line.split(":")[1]) for line in header.decode().split("\r\n") if line.lower().startswith("content-length"))
            self.messages.put(json.loads(out.read(length)))

    def _write(self, message: dict[str, Any]) -> None:
        assert self.server.stdin is not None
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.server.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._write({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        number = next(self.ids)
        self._write({"id": number, "method": method, "params": params})
        return self.wait(lambda message: message.get("id") == number and "method" not in message)["result"]

    def wait(self, wanted: Callable[[dict[str, Any]], bool], timeout: float = 30) -> dict[str, Any]:
        """The first message ``wanted`` accepts, answering the server's own requests meanwhile."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                message = self.messages.get(timeout=0.5)
            except queue.Empty:
                continue
            if message.get("method") == "workspace/configuration":
                self._write({"id": message["id"], "result": [SETTINGS] * len(message["params"]["items"])})
            elif "id" in message and "method" in message:
                self._write({"id": message["id"], "result": None})
            elif wanted(message):
                return message
        raise SystemExit("the server did not answer in time")


def main(file: Path, command: str) -> None:
    client = Client(command)
    client.request(
        "initialize", {"processId": None, "rootUri": Path.cwd().as_uri(), "capabilities": {"workspace": {"configuration": True}}}
    )
    client.notify("initialized", {})
    client.notify("workspace/didChangeConfiguration", {"settings": {"yaml": SETTINGS}})
    lines = file.read_text(encoding="utf-8").split("\n")
    blank = next(number for number, line in enumerate(lines) if line.startswith("    direction:")) + 2
    lines.insert(2, "article_typo: 1")
    lines.insert(blank, "    ")
    uri = file.resolve().as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": "\n".join(lines)}})
    published = client.wait(
        lambda message: message.get("method") == "textDocument/publishDiagnostics" and bool(message["params"]["diagnostics"])
    )
    for diagnostic in published["params"]["diagnostics"]:
        print(f"line {diagnostic['range']['start']['line'] + 1}: {diagnostic['message']}")
    found = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": blank, "character": 4}})
    items = found["items"] if isinstance(found, dict) else found
    print("completions inside the first strike:", ", ".join(sorted(item["label"] for item in items)))
    client.server.kill()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
