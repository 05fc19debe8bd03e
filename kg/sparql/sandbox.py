"""Defence in depth for query execution: cut a process off the network before it runs a query.

The query guard (:mod:`kg.sparql.safety`) refuses SERVICE and LOAD; this is the second wall, for a
guard bug we do not know of. On Linux, :func:`deny_network` moves the calling process into a new,
empty network namespace: no interface is up there, not even loopback, so every ``connect`` fails.
``kg serve`` calls it in each query child, and so does the child that runs a query with a
timeout (``kg query``, whose default timeout is 300 s, and ``kg.query(..., timeout=...)``). It
needs root or unprivileged user namespaces (most Linux systems); elsewhere it reports why not,
and ``kg serve`` says so at start-up.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import sys

_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000


@functools.cache
def _libc() -> ctypes.CDLL:
    """The C library, looked up once (``find_library`` runs ``ldconfig``: ~5 ms a call)."""
    return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def _unshare(flags: int) -> int:
    """``unshare(2)``: 0, or the errno of the failure."""
    libc = _libc()
    if libc.unshare(ctypes.c_int(flags)) == 0:
        return 0
    return ctypes.get_errno()


def deny_network() -> str | None:
    """Leave the network: ``None`` when this process can no longer open connections, else why not.

    A network namespace cannot be left again, so call it only in a process that needs no network
    afterwards (a query child, a one-shot command). Without root, a user namespace is created
    first, which Linux allows only in a single-threaded process.

    """
    if not sys.platform.startswith("linux"):
        return f"no network sandbox on {sys.platform}"
    if _unshare(_CLONE_NEWNET) == 0:
        return None
    err = _unshare(_CLONE_NEWUSER | _CLONE_NEWNET)
    if err == 0:
        return None
    return f"cannot create a network namespace ({os.strerror(err)})"


def probe_sandbox() -> str | None:
    """Whether :func:`deny_network` works here, tried in a throw-away child: ``None`` or why not.

    Examples
    --------
    >>> reason = probe_sandbox()      # None on Linux as root or with user namespaces
    >>> reason is None or reason.startswith(("cannot", "no network"))
    True
    """
    if not hasattr(os, "fork"):
        return "no network sandbox without fork()"
    if sys.platform.startswith("linux"):
        _libc()  # look it up here, once, so that every later child inherits it
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        os.write(write_fd, (deny_network() or "").encode()[:500])
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        reason = pipe.read().decode(errors="replace")
    os.waitpid(pid, 0)
    return reason or None
