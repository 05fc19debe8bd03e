"""Atomic file writing: write a temporary file in the target folder, then rename it over the
target, so a reader never sees a half-written page.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import InputError
from kg.rdf.graph import write_atomic as write_bytes_atomic


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; returns ``path``.

    >>> write_atomic(Path("page.html"), "<p>hi</p>")
    PosixPath('page.html')
    """
    path = Path(path)
    if path.parent and not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise InputError(f"{path}: cannot create folder ({err.strerror})") from None
    try:
        write_bytes_atomic(path, text.encode("utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror})") from None
    return path
