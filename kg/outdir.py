"""The output folder of a build: one build at a time.

A build holds an exclusive ``fcntl.flock`` on ``<out>/.lock`` from before it reads the cache until
its files and cache are in place; the file holds the pid of the build that holds it. A second
build into the same folder waits for the lock (saying so once), then runs.
"""
from __future__ import annotations

import errno
import fcntl
import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".lock"
DEBUG_ENV = "KG_DEBUG_AT"  # test hook, see ``checkpoint``


def checkpoint(name: str) -> None:
    """A named point of the build where tests can stop it: ``KG_DEBUG_AT=name:kill`` sends SIGKILL
    to this process, ``name:fail`` raises OSError, ``name:wait=FILE`` waits until FILE exists.
    Several ``name:action`` pairs are separated by commas. Nothing happens without the variable.
    """
    for item in os.environ.get(DEBUG_ENV, "").split(","):
        point, _, action = item.partition(":")
        if point != name:
            continue
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "fail":
            raise OSError(errno.EIO, f"failure injected at {name} by {DEBUG_ENV}")
        elif action.startswith("wait="):
            while not Path(action[5:]).exists():
                time.sleep(0.01)


def _holder(path: Path) -> str:
    """The pid written in a lock file, or '?'."""
    try:
        return path.read_text(encoding="ascii").strip() or "?"
    except (OSError, UnicodeDecodeError):
        return "?"


def _lock(path: Path, on_wait: Callable[[str], None] | None) -> int:
    """Open and flock ``path``; returns the descriptor once this process holds the lock."""
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None and not told:
                on_wait(_holder(path))
                told = True
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:  # the build before us deletes the file as it ends: a lock on a deleted file guards nothing
            if os.path.samestat(os.fstat(fd), os.stat(path)):
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode("ascii"))
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


@contextmanager
def locked(out: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the build lock of folder ``out``; if another build holds it, call ``on_wait`` with its
    pid once and wait. The lock file is removed on release, while still held.

    >>> with locked(Path("build")):                   # doctest: +SKIP
    ...     pass
    """
    path = Path(out) / LOCK_FILE
    fd = _lock(path, on_wait)
    try:
        checkpoint("locked")
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)
