"""Requests per second from a few client processes (no tool to install: plain sockets)."""

import multiprocessing
import time

from cms.benchmarks.serving import fetch

CLIENTS = 4


def _client(port: int, host: str, path: str, seconds: float, results) -> None:
    answered = failed = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if fetch(port, host, path).startswith(b"HTTP/1.1 200"):
            answered += 1
        else:
            failed += 1
    results.put((answered, failed, time.perf_counter() - started))


def requests_per_second(*, port: int, host: str, path: str, seconds: float) -> float:
    """Answers of 200 per second over `seconds`, CLIENTS processes each asking again at once."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    clients = [
        context.Process(target=_client, args=(port, host, path, seconds, results))
        for _ in range(CLIENTS)
    ]
    for client in clients:
        client.start()
    totals = [results.get() for _ in clients]
    for client in clients:
        client.join()
    failed = sum(f for _, f, _ in totals)
    if failed:
        raise RuntimeError(f"{failed} requests to {host}{path} did not answer 200")
    return sum(answered / elapsed for answered, _, elapsed in totals)
