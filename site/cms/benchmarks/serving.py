"""gunicorn with two sync workers on 127.0.0.1, started and stopped by the bench."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
WORKERS = 2


def _answers(port: int, host: str, path: str) -> bool:
    try:
        return fetch(port, host, path).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


@contextmanager
def gunicorn(*, app: str, port: int, host: str, path: str, environment: dict[str, str]):
    """Serve `app` until the block ends; wait until `path` answers 200 first."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        "--no-control-socket",
        "--pythonpath",
        f"{ROOT / 'site'},{ROOT}",
        app,
    ]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(  # noqa: S603 - gunicorn with fixed arguments
            command,
            env={**os.environ, **environment},
            stdout=subprocess.DEVNULL,
            stderr=log,
            cwd=ROOT,
        )
        try:
            _wait_until_answered(server, log, port, host, path)
            yield server
        finally:
            server.terminate()
            server.wait(timeout=30)


def _wait_until_answered(server, log, port: int, host: str, path: str) -> None:
    deadline = time.monotonic() + 60
    while not _answers(port, host, path):
        if server.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            said = log.read().decode(errors="replace")[-3000:]
            raise RuntimeError(f"gunicorn did not answer {path} on port {port}:\n{said}")
        time.sleep(0.3)


def fetch(port: int, host: str, path: str) -> bytes:
    """One GET as a browser without cookies sends it; the whole answer (the server closes)."""
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(request)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)
