"""Limits on one query: a hard timeout and a row cap, for ``kg query`` and ``kg.query()``.

pyoxigraph cannot cancel a query: ``Store.query`` evaluates an aggregate or ORDER BY inside one
call that never returns to Python (it releases the GIL, so a watchdog thread runs, but it cannot
stop the work). A query with a timeout therefore runs in a forked child process, which shares
the loaded graph copy-on-write and is killed with SIGKILL when the time is up. The child writes
its answer to a temporary file, not a pipe, so the parent holds no copy while it waits, and
reports success or a one-line error over a pipe. :func:`export` streams the rows into that file
and then copies it to the output, so a failed or stopped query writes nothing there.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import select
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from kg.errors import InputError, KgError
from kg.sparql.query import Prepared
from kg.sparql.results import GRAPH_KINDS, Result, check_format, collect, write
from kg.sparql.sandbox import deny_network

if TYPE_CHECKING:
    from kg.sparql.query import Prepared


def _child(work: Callable[[IO[bytes]], None], out: IO[bytes], status_fd: int, origin: str) -> None:
    """In the forked child: leave the network (``kg.sparql.sandbox``), run ``work(out)``, write b'O' or
    b'E'+message to ``status_fd``, exit."""
    try:
        try:
            deny_network()  # a query that slipped past the guard still reaches no server
            work(out)
            out.flush()
            message = b"O"
        except KgError as err:
            message = b"E" + str(err).encode("utf-8", "replace")
        except MemoryError:
            message = b"E" + f"{origin}: out of memory; add LIMIT or narrow the query".encode()
        except BaseException as err:  # anything else is still one line, never a traceback
            message = b"E" + f"{origin}: query failed: {type(err).__name__}: {err}".encode(
                "utf-8", "replace")
        view = memoryview(message)
        while view:
            view = view[os.write(status_fd, view):]
    finally:
        os._exit(0)  # never return into the parent's code (or run its atexit handlers)


def _wait(pid: int, status_fd: int, timeout: float, origin: str) -> bytes:
    """Read the child's status until it closes the pipe, or kill it at the deadline."""
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([status_fd], [], [], left)[0]:
            os.kill(pid, signal.SIGKILL)
            raise InputError(f"{origin}: stopped after {timeout:g} s (the --timeout / timeout "
                             "limit); narrow the query, add LIMIT or raise the limit")
        chunk = os.read(status_fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def run_forked(work: Callable[[IO[bytes]], None], out: IO[bytes], timeout: float,
               origin: str = "query") -> None:
    """Run ``work(out)`` in a forked child and wait at most ``timeout`` seconds for it.

    ``out`` is a file both processes share (a temporary file). A KgError raised by ``work`` is
    raised here as an InputError with the same message; at the deadline the child is killed
    and an InputError says so. The child is always reaped, also on KeyboardInterrupt.
    """
    out.flush()
    status_read, status_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(status_read)
        _child(work, out, status_write, origin)
    os.close(status_write)
    reaped = False
    try:
        message = _wait(pid, status_read, timeout, origin)
        _, status = os.waitpid(pid, 0)
        reaped = True
    finally:
        os.close(status_read)
        if not reaped:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    if message[:1] == b"O":
        return
    if message[:1] == b"E":
        raise InputError(message[1:].decode("utf-8", "replace"))
    how = (f"signal {signal.Signals(-os.waitstatus_to_exitcode(status)).name}"
           if os.WIFSIGNALED(status) else f"exit code {os.waitstatus_to_exitcode(status)}")
    raise KgError(f"{origin}: the query process ended without an answer ({how}); "
                  "it may have run out of memory")


def result_in_child(prepared: Prepared, timeout: float, *, limit: int | None = None,
                    max_rows: int | None = None) -> Result:
    """Evaluate ``prepared`` in a forked child with a hard timeout; return the Result.

    The child hands the answer over as data (a JSON line, then SPARQL JSON results or
    N-Triples), never as pickle: nothing read back can run code."""

    def work(out: IO[bytes]) -> None:
        result = collect(prepared.answer(), limit=limit, max_rows=max_rows)
        out.write(json.dumps({"truncated": result.truncated}).encode() + b"\n")
        out.write(result.serialize("nt" if result.graph is not None else "json").encode("utf-8"))

    with tempfile.TemporaryFile(prefix="kg-query-") as spool:
        run_forked(work, spool, timeout, prepared.origin)
        spool.seek(0)
        truncated = bool(json.loads(spool.readline())["truncated"])
        body = spool.read()
    import rdflib
    import rdflib.query

    if prepared.kind in GRAPH_KINDS:
        graph = rdflib.Graph().parse(data=body.decode("utf-8"), format="nt")
        return Result(prepared.kind, graph=graph, truncated=truncated)
    parsed = rdflib.query.Result.parse(io.BytesIO(body), format="json")
    if prepared.kind == "ASK":
        return Result(prepared.kind, boolean=bool(parsed.askAnswer))
    names = [str(v) for v in parsed.vars or []]
    rows = [tuple(row.get(v) for v in parsed.vars or []) for row in parsed.bindings]
    return Result(prepared.kind, names, rows, truncated=truncated)


def export(prepared: Prepared, fmt: str | None, out: IO[bytes], *, timeout: float | None,
           max_rows: int | None) -> None:
    """Write the answer of ``prepared`` to ``out`` in ``fmt``: all of it, or nothing.

    The rows stream into a temporary file (in a forked child killed at ``timeout`` seconds, or
    in this process if ``timeout`` is None), which is copied to ``out`` once the query has
    succeeded; more than ``max_rows`` rows is an InputError. Memory stays flat for SELECT;
    CONSTRUCT/DESCRIBE results are sorted, so they are built in memory (capped by ``max_rows``).
    """
    fmt = check_format(prepared.kind, fmt)
    # rows as the engine gives them, unless the writer needs rdflib's terms (graphs, XML)
    native = prepared.kind not in GRAPH_KINDS and fmt != "xml"

    def work(spool: IO[bytes]) -> None:
        write(prepared.answer(native=native), fmt, spool, max_rows=max_rows)

    with tempfile.TemporaryFile(prefix="kg-query-") as spool:
        if timeout is None:
            work(spool)
        else:
            run_forked(work, spool, timeout, prepared.origin)
        spool.seek(0)
        shutil.copyfileobj(spool, out, 1 << 20)
    out.flush()
