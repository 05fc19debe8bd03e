"""The output folder of a build: one build at a time, switched in whole or not at all.

A build writes all its files into a staging folder of its own, ``<out>/.builds/<id>/``, and then
makes it the folder's build with one atomic step: ``<out>/current`` is a symbolic link to the
build in place, replaced with ``os.replace``. The files a reader opens are fixed links through it
(``<out>/graph.ttl -> current/graph.ttl``, the same for ``provenance.ttl`` and ``graph.html``), so
at every moment, even if the build is killed, they are all of the previous build or all of the
new one. The previous build's folder is deleted after the switch; staging folders of killed
builds are deleted by the next build. Regular files where the links go (from an older version,
or a page written by ``kg viz``) are first taken into the current build's folder, so that
replacing them with links changes nothing a reader sees.

A build holds an exclusive ``fcntl.flock`` on ``<out>/.lock`` from before it reads the cache until
its files and cache are in place; the file holds the pid of the build that holds it. A second
build into the same folder waits for the lock (saying so once), then runs.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from kg.errors import InputError
from kg.rdf.graph import CURRENT_LINK, FACTS_FILE, HTML_FILE, PROVENANCE_FILE

LOCK_FILE = ".lock"
BUILDS_DIR = ".builds"
OUTPUT_FILES = (FACTS_FILE, PROVENANCE_FILE, HTML_FILE)
# temporary files that a killed build (of this or an older version) can leave in the folder
STALE_PREFIXES = tuple(f".{name}." for name in (*OUTPUT_FILES, CURRENT_LINK)) + (".kg-write-test.",)
DEBUG_ENV = "KG_DEBUG_AT"  # test hook, see ``checkpoint``


def checkpoint(name: str) -> None:
    """A named point of the build where tests can stop it: ``KG_DEBUG_AT=name:kill`` sends SIGKILL
    to this process, ``name:fail`` raises OSError, ``name:wait=FILE`` waits until FILE exists,
    ``name:kill-once=FILE`` sends SIGKILL to the first process that gets there (and creates FILE).
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
        elif action.startswith("kill-once="):
            with suppress(FileExistsError):
                Path(action[10:]).touch(exist_ok=False)
                os.kill(os.getpid(), signal.SIGKILL)
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

    >>> with locked(Path("build")):
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


def _current_name(out: Path) -> str | None:
    """The name, under ``.builds/``, of the build in place; None if there is none."""
    link = out / CURRENT_LINK
    if not link.is_symlink():
        return None
    parent, _, name = os.readlink(link).partition("/")
    return name if parent == BUILDS_DIR and name and "/" not in name else None


def prepare(out: Path) -> None:
    """Check that nothing is in the way of the layout, and delete what killed builds left.

    Called with the lock held. An InputError names a folder where an output file goes, or a
    ``current`` that this program did not make.
    """
    for name in OUTPUT_FILES:
        if (out / name).is_dir():
            raise InputError(f"{out / name}: a folder is in the way of the build's {name}; move it away")
    link = out / CURRENT_LINK
    if (link.exists() or link.is_symlink()) and _current_name(out) is None:
        raise InputError(f"{link}: in the way of the link to the current build (not made by kg build); move it away")
    if (out / BUILDS_DIR).exists() and not is_real_folder(out / BUILDS_DIR):
        raise InputError(f"{out / BUILDS_DIR}: not a folder; move it away")
    keep = _current_name(out)
    if is_real_folder(out / BUILDS_DIR):
        for entry in (out / BUILDS_DIR).iterdir():
            if entry.name != keep:
                remove_path(entry)
    for entry in out.iterdir():
        if entry.name.startswith(STALE_PREFIXES) and not is_real_folder(entry):
            entry.unlink(missing_ok=True)


def is_real_folder(path: Path) -> bool:
    """A folder, not a link to one."""
    return path.is_dir() and not path.is_symlink()


def remove_path(path: Path) -> None:
    """Delete a file, a link (not what it points to) or a folder."""
    if is_real_folder(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def new_staging(out: Path) -> Path:
    """A new, empty folder ``<out>/.builds/<time>-<pid>`` for a build's files."""
    (out / BUILDS_DIR).mkdir(exist_ok=True)
    stem = f"{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}-{os.getpid()}"
    for n in range(1000):
        path = out / BUILDS_DIR / (stem if n == 0 else f"{stem}-{n}")
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free staging folder name", str(out / BUILDS_DIR))


def new_scratch(out: Path, prefix: str = "scratch-") -> Path:
    """A new, empty folder under ``<out>/.builds/`` for a build's temporary files (the sorted
    lines of a large graph, an on-disk store). Its user deletes it; what a killed build left,
    the next build deletes (``prepare``)."""
    (out / BUILDS_DIR).mkdir(exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=out / BUILDS_DIR))


def remove_scratch(out: Path, scratch: Path) -> None:
    """Delete a scratch folder (``new_scratch``), and ``.builds`` if that leaves it empty."""
    shutil.rmtree(scratch, ignore_errors=True)
    with suppress(OSError):
        (out / BUILDS_DIR).rmdir()


def discard(out: Path, staging: Path) -> None:
    """Delete a staging folder that did not become the current build (the build failed)."""
    if _current_name(out) != staging.name:
        remove_path(staging)
    try:
        (out / BUILDS_DIR).rmdir()  # only if nothing else is there
    except OSError:
        pass


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def flush_early(paths: list[Path]) -> Callable[[], None]:
    """Start flushing ``paths`` to disk in a thread while the build goes on; call the result to
    wait for it. ``publish`` still flushes every file (then quickly: nothing is left to write),
    so a failure here only loses the head start."""
    def run() -> None:
        for path in paths:
            with suppress(OSError):
                _fsync(path)

    thread = threading.Thread(target=run, name="kg-flush", daemon=True)
    thread.start()
    return thread.join


def _symlink(target: str, path: Path) -> None:
    """Make ``path`` a link to ``target`` in one step, whatever file was there."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, path)


def _current_folder(out: Path) -> Path:
    """The folder of the build in place; an empty one is made current if there is none."""
    name = _current_name(out)
    if name is not None and is_real_folder(out / BUILDS_DIR / name):
        return out / BUILDS_DIR / name
    folder = new_staging(out)
    _symlink(f"{BUILDS_DIR}/{folder.name}", out / CURRENT_LINK)
    return folder


def _adopt(out: Path, name: str) -> None:
    """Put the regular file ``<out>/name`` into the current build's folder (a hard link, or a copy
    across devices), so that the link that replaces it shows the same bytes."""
    folder = _current_folder(out)
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    try:
        os.link(out / name, tmp)
    except OSError:
        shutil.copyfile(out / name, tmp)
    os.replace(tmp, folder / name)


def _link_outputs(out: Path) -> None:
    """Make each output name a link through ``current``, without changing what a reader sees."""
    for name in OUTPUT_FILES:
        path, target = out / name, f"{CURRENT_LINK}/{name}"
        if path.is_symlink() and os.readlink(path) == target:
            continue
        if path.exists():  # a file of an older version, or a page written by `kg viz`
            _adopt(out, name)
        _symlink(target, path)
        checkpoint(f"linked-{name}")


def publish(out: Path, staging: Path) -> None:
    """Make the complete build in ``staging`` the folder's build, in one atomic rename.

    The files are flushed to disk first, so the switch never points at a half-written build,
    even after a power cut. The previous build's folder is deleted afterwards.
    """
    for entry in sorted(staging.rglob("*"), reverse=True):  # files before their folders (the store's)
        _fsync(entry)
    _fsync(staging)
    _link_outputs(out)
    previous = _current_name(out)
    checkpoint("switch")
    _symlink(f"{BUILDS_DIR}/{staging.name}", out / CURRENT_LINK)
    _fsync(out)
    checkpoint("switched")
    if previous is not None and previous != staging.name:
        remove_path(out / BUILDS_DIR / previous)
