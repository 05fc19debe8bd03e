"""Atomic file writing: write a temporary file in the target folder, then rename it over the
target, so a reader never sees a half-written page.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import InputError


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; returns ``path``.

    >>> write_atomic(Path("/tmp/x.html"), "<p>hi</p>")      # doctest: +SKIP
    PosixPath('/tmp/x.html')
    """
    path = Path(path)
    if path.parent and not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise InputError(f"{path}: cannot create folder ({err.strerror})") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
