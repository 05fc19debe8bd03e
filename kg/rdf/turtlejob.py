"""Write the build's Turtle files from its sorted N-Triples, in another process when they are large.

``kg.rdf.assembly.write_turtle`` streams sorted N-Triples through Oxigraph's Turtle writer: 11 s
for the 2.5 million triples of 10,000 documents, on one core. Nothing else in the build needs the
Turtle files before the switch (the store is loaded from the N-Triples), so ``turtle_writer`` runs
it in a forked process while the build loads and checks the store: the same bytes, on the other
core. Small files are written at once, in this process (a fork costs more than they do).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from kg.parallel import die_with_parent
from kg.rdf.assembly import write_turtle

TURTLE_BACKGROUND_MIN_BYTES = 8 << 20  # N-Triples from which the Turtle is written in another process
_READ: Any = None  # bytes of N-Triples the background writer has read (shared with the forked process)


def _add_read(n: int) -> None:
    _READ.value += n


def _write_turtles(pairs: list[tuple[Path, Path]], on_bytes: Callable[[int], None] | None) -> None:
    for ntriples, turtle in pairs:
        with open(turtle, "xb") as fh:  # nobody reads it before the build's switch
            write_turtle(ntriples, fh, on_bytes)


def _turtle_process(pairs: list[tuple[Path, Path]], parent: int, conn: Connection) -> None:
    """The forked writer: the files, then None or the error through ``conn``."""
    die_with_parent(parent)
    try:
        _write_turtles(pairs, _add_read)
    except BaseException as err:  # the build raises it
        conn.send(err)
        return
    conn.send(None)


@contextmanager
def turtle_writer(pairs: list[tuple[Path, Path]], on_bytes: Callable[[int], None] | None = None
                  ) -> Iterator[Callable[[], None]]:
    """Write the Turtle file of each ``(ntriples, turtle)`` pair (``write_turtle``) while the body
    runs, and yield a function that waits until they are written (raising the writer's error).

    Past ``TURTLE_BACKGROUND_MIN_BYTES`` of N-Triples the files are written in a forked process:
    Oxigraph's writer then runs on another core while the build loads and checks the store (11 s
    at 10,000 documents); smaller ones are written here, at once. If the body raises, the process is
    killed. ``on_bytes`` is told the bytes of N-Triples read (from a thread, when in a process).

    >>> _ = Path("t.nt").write_text("<urn:x:s> <urn:x:p> <urn:x:o> .\\n", encoding="utf-8")
    >>> with turtle_writer([(Path("t.nt"), Path("t.ttl"))]) as wait:
    ...     wait()
    >>> Path("t.ttl").read_text(encoding="utf-8").splitlines()[-1]  # after the project's prefixes
    '<urn:x:s> <urn:x:p> <urn:x:o> .'
    """
    global _READ
    if sum(nt.stat().st_size for nt, _ in pairs) < TURTLE_BACKGROUND_MIN_BYTES:
        _write_turtles(pairs, on_bytes)
        yield lambda: None
        return
    ctx = multiprocessing.get_context("fork")
    _READ = ctx.Value("q", 0, lock=False)  # one writer, read as a progress figure: no lock
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_turtle_process, args=(pairs, os.getpid(), send), name="kg-turtle", daemon=True)
    stop = threading.Event()

    def report() -> None:
        seen, done = 0, False
        while not done:
            done = stop.wait(0.2)  # then a last report
            now = _READ.value
            if on_bytes is not None and now > seen:
                on_bytes(now - seen)
            seen = now

    def wait() -> None:
        error = receive.recv() if receive.poll(None) else None
        process.join()
        if error is not None:
            raise error
        if process.exitcode != 0:
            raise OSError(f"the Turtle writer stopped (exit code {process.exitcode})")

    process.start()
    send.close()
    watcher = threading.Thread(target=report, name="kg-turtle-progress", daemon=True)
    watcher.start()
    try:
        yield wait
    except BaseException:
        process.kill()  # a failed build does not wait for its Turtle files
        raise
    finally:
        process.join()
        stop.set()
        watcher.join()
        receive.close()
        _READ = None
