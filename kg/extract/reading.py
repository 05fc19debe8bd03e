"""Find the documents in a folder and read them: UTF-8 text plus metadata from a sidecar file.

A document is any ``*.txt`` or ``*.md`` file under the folder (links out of it are skipped, see
``find_documents``). Its metadata (title, language, source, publisher, date) sits beside it in
``<name>.meta.toml`` (read by ``kg.extract.metadata``). Text is read as UTF-8 (a BOM is dropped), Windows
line endings become ``\\n`` and the text is NFC-normalised; character offsets in the graph refer
to this normalised text.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import warnings
from pathlib import Path

import simplemma

from kg.errors import InputError, KgWarning
from kg.extract.document import Document
from kg.extract.metadata import SUPPORTED_LANGUAGES, read_metadata
from kg.extract.textview import without_invisible

DOCUMENT_SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.toml"
ID_HASH_DIGITS = 10
HASHED_ID = re.compile(rf"-[0-9a-f]{{{ID_HASH_DIGITS}}}$")


def find_documents(folder: Path, follow_links: bool = False) -> list[Path]:
    """The document files under ``folder``, sorted; an InputError if there are none.

    Symbolic links that lead out of ``folder`` are skipped unless ``follow_links``, with one
    ``KgWarning`` each (as are broken links); links to folders inside it are not followed,
    since their documents are read where they are.

    >>> find_documents(Path("seeds"))[0].name
    'ampere-sl.txt'
    """
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"{shown(folder)}: seeds folder does not exist")
    if not folder.is_dir():
        raise InputError(f"{shown(folder)}: not a folder")
    paths, skipped = _scan(folder, follow_links)
    for line in skipped:
        warnings.warn(KgWarning(line), stacklevel=2)
    if not paths:
        raise InputError(f"{shown(folder)}: no documents (*.txt, *.md) found")
    for path in paths:
        try:
            path.as_posix().encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(f"{shown(path)}: file name is not valid UTF-8; rename the file") from None
    return paths


def _target(link: Path) -> Path | None:
    """Where a symbolic link finally leads, or None if it is broken or loops."""
    try:
        return link.resolve(strict=True)
    except (OSError, RuntimeError):
        return None


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def _scan(folder: Path, follow_links: bool) -> tuple[list[Path], list[str]]:
    """(documents, one message per skipped link), both sorted; hidden names are left out."""
    root = folder.resolve()
    found: list[Path] = []
    skipped: dict[Path, str] = {}
    seen = {root}  # folders walked through links (with follow_links), so a loop ends
    todo = [folder]
    while todo:
        current = todo.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as err:
            raise InputError(f"{shown(current)}: cannot read folder: {err.strerror}") from None
        for entry in entries:
            path = Path(entry.path)
            is_doc = path.suffix.lower() in DOCUMENT_SUFFIXES
            if entry.name.startswith("."):
                continue
            if not entry.is_symlink():
                if entry.is_dir(follow_symlinks=False):
                    todo.append(path)
                elif is_doc and entry.is_file(follow_symlinks=False):
                    found.append(path)
                continue
            action, note = _follow(path, is_doc, root, follow_links, seen)
            if action == "walk":
                todo.append(path)
            elif action == "read":
                found.append(path)
            elif note:
                skipped[path] = note
    for path in found:
        meta = path.with_name(path.stem + META_SUFFIX)
        if meta.is_symlink() and sidecar(path, folder, follow_links) is None:
            skipped[meta] = _unread_sidecar(meta, path)
    return sorted(found), [skipped[p] for p in sorted(skipped)]


def _follow(link: Path, is_doc: bool, root: Path, follow_links: bool, seen: set[Path]) -> tuple[str, str]:
    """What to do with a symbolic link: ``walk`` a folder, ``read`` a document, or ``skip`` it
    (with the warning to print, or ``""`` when there is nothing to say)."""
    target = _target(link)
    if target is None:
        return "skip", f"{shown(link)}: broken symbolic link; skipped" if is_doc else ""
    outside = not _inside(target, root)
    hint = "outside the seeds folder; skipped (--follow-links reads it)"
    if target.is_dir():
        if not outside or target in seen:
            return "skip", ""  # its documents are read where they are (or were already)
        if not follow_links:
            return "skip", f"{shown(link)}: links to the folder {shown(target)}, {hint}"
        seen.add(target)
        return "walk", ""
    if not (is_doc and target.is_file()):
        return "skip", ""
    if outside and not follow_links:
        return "skip", f"{shown(link)}: links to {shown(target)}, {hint}"
    return "read", ""


def _unread_sidecar(meta: Path, path: Path) -> str:
    """The warning for a metadata link that is broken or leads out of the seeds folder."""
    target = _target(meta)
    if target is None:
        return f"{shown(meta)}: broken symbolic link; metadata of {shown(path.name)} not read"
    return (f"{shown(meta)}: links to {shown(target)}, outside the seeds folder; metadata of "
            f"{shown(path.name)} not read (--follow-links reads it)")


def sidecar(path: Path, root: Path, follow_links: bool = False) -> Path | None:
    """The metadata file ``<stem>.meta.toml`` beside a document, if there is one to read.

    None when there is none, or when it is a link that is broken or (unless ``follow_links``)
    leads out of ``root``.
    """
    meta = path.with_name(path.stem + META_SUFFIX)
    if not meta.is_symlink():
        return meta if meta.exists() else None
    target = _target(meta)
    if target is None or not (follow_links or _inside(target, Path(root).resolve())):
        return None
    return meta


def shown(path: Path | str) -> str:
    """A path as one printable line: undecodable bytes and control characters escaped.

    >>> shown("a\\nb.txt"), shown(Path(b"caf\\xe9.txt".decode("utf-8", "surrogateescape")))
    ('a\\\\nb.txt', 'caf\\\\xe9.txt')
    """
    text = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def _id_char(ch: str) -> bool:
    """A character a plain document id keeps: a letter, digit or mark of any script, ``.``, ``_``, ``-``."""
    return ch in "._-" or unicodedata.category(ch)[0] in "LNM"


def _plain_id(rel: str) -> str | None:
    """The id of a ``.txt`` path that is already IRI-safe (``news/ampere-sl.txt`` -> ``news--ampere-sl``).

    None when the path needs a hash: another suffix, a character outside ``_id_char``, a part
    that is empty, starts or ends with ``-`` or holds ``--`` (``/`` becomes ``--``), text that
    is not NFC, or an id that already ends like a hashed one.
    """
    if not rel.endswith(".txt") or unicodedata.normalize("NFC", rel) != rel:
        return None
    parts = rel[: -len(".txt")].split("/")
    if any(not p or "--" in p or p[0] == "-" or p[-1] == "-" or not all(map(_id_char, p)) for p in parts):
        return None
    ident = "--".join(parts)
    return None if HASHED_ID.search(ident) else ident


def document_id(path: Path, root: Path) -> str:
    """A stable IRI-safe id, unique per path relative to the seeds folder.

    A plain ``.txt`` path keeps its name (``ampere-sl``); any other gets a readable slug plus
    ``-`` and the first 10 hex digits of the SHA-256 of the relative path, so ``a b.txt`` and
    ``a-b.txt``, ``x.txt`` and ``x.md``, or ``a/b.txt`` and ``a--b.txt`` never share an id.

    >>> document_id(Path("s/ampere-sl.txt"), Path("s")), document_id(Path("s/a/Čas.txt"), Path("s"))
    ('ampere-sl', 'a--Čas')
    >>> document_id(Path("s/a b.txt"), Path("s"))
    'a-b-cd6c4a051a'
    """
    rel = path.relative_to(root).as_posix()
    plain = _plain_id(rel)
    if plain is not None:
        return plain
    stem = path.relative_to(root).with_suffix("").as_posix()
    parts = (re.sub(r"-+", "-", "".join(c if _id_char(c) else "-" for c in unicodedata.normalize("NFC", part)))
             for part in stem.split("/"))
    readable = "--".join(p.strip("-") for p in parts if p.strip("-"))
    digest = hashlib.sha256(os.fsencode(rel)).hexdigest()[:ID_HASH_DIGITS]
    return f"{readable or 'document'}-{digest}"


def decode_text(data: bytes, path: Path) -> str:
    """Decode UTF-8 (dropping a BOM), normalise line endings and Unicode; errors name the line."""
    if b"\x00" in data:
        raise InputError(f"{shown(path)}: binary file (contains NUL bytes), not a UTF-8 text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(f"{shown(path)}:{line}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def detect_language(text: str) -> str:
    """``sl`` or ``en`` by simplemma's word-list detector; Slovenian when undecided."""
    sample = without_invisible(text[:5000])
    scores = dict(simplemma.langdetect(sample, lang=SUPPORTED_LANGUAGES))
    return "en" if scores.get("en", 0) > scores.get("sl", 0) else "sl"


def read_document(path: Path, root: Path, follow_links: bool = False) -> Document:
    """Read one document and its metadata; an InputError for binary, non-UTF-8 or empty files.

    ``follow_links`` lets a metadata file link out of ``root`` (see ``sidecar``).
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{shown(path)}: cannot read: {err.strerror}") from None
    text = decode_text(data, path)
    if not without_invisible(text).strip():
        raise InputError(f"{shown(path)}: empty document")
    meta_path = sidecar(path, root, follow_links)
    meta, unknown = read_metadata(meta_path, shown(meta_path) if meta_path else "")
    lang = meta.get("language") or detect_language(text)
    meta["language"] = lang
    meta.setdefault("title", path.stem)
    meta["path"] = path.relative_to(root).as_posix()
    meta["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = Document(doc_id=document_id(path, root), path=path, text=text, meta=meta, lang=lang)
    if meta_path is not None:
        doc.warnings += [(meta_path.relative_to(root).as_posix(), note) for note in unknown]
    return doc
