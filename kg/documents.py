"""Find the documents in a folder and read them: UTF-8 text plus metadata from a sidecar file.

A document is any ``*.txt`` or ``*.md`` file under the folder. Its metadata (title, language,
source, publisher, date) sits beside it in ``<name>.meta.toml``. Text is read as UTF-8 (a BOM is
dropped), Windows line endings become ``\\n`` and the text is NFC-normalised; character offsets in
the graph refer to this normalised text.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from pathlib import Path

import simplemma

from kg.document import Document
from kg.errors import InputError

DOCUMENT_SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.toml"
SUPPORTED_LANGUAGES = ("sl", "en")
META_FIELDS = ("title", "language", "source", "publisher", "date")


def find_documents(folder: Path) -> list[Path]:
    """The document files under ``folder``, sorted; an InputError if there are none.

    >>> find_documents(Path("seeds"))[0].name   # doctest: +SKIP
    'ampere-sl.txt'
    """
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"{folder}: seeds folder does not exist")
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    paths = sorted(
        p for p in folder.rglob("*")
        if p.suffix.lower() in DOCUMENT_SUFFIXES and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if not paths:
        raise InputError(f"{folder}: no documents (*.txt, *.md) found")
    return paths


def document_id(path: Path, root: Path) -> str:
    """A stable, IRI-safe id from the path relative to the seeds folder (``ampere-sl``)."""
    rel = path.relative_to(root).with_suffix("").as_posix()
    slug = re.sub(r"[^A-Za-z0-9._/-]+", "-", unicodedata.normalize("NFKD", rel).encode("ascii", "ignore").decode())
    return slug.strip("-").replace("/", "--") or "document"


def decode_text(data: bytes, path: Path) -> str:
    """Decode UTF-8 (dropping a BOM), normalise line endings and Unicode; errors name the line."""
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes), not a UTF-8 text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_metadata(path: Path) -> dict[str, str]:
    """Metadata from ``<stem>.meta.toml`` beside the document, or an empty dict."""
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if not meta_path.exists():
        return {}
    try:
        raw = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{meta_path}: malformed metadata: {err}") from None
    except UnicodeDecodeError:
        raise InputError(f"{meta_path}: not valid UTF-8") from None
    return {k: str(raw[k]) for k in META_FIELDS if k in raw}


def detect_language(text: str) -> str:
    """``sl`` or ``en`` by simplemma's word-list detector; Slovenian when undecided."""
    sample = text[:5000]
    scores = dict(simplemma.langdetect(sample, lang=SUPPORTED_LANGUAGES))
    return "en" if scores.get("en", 0) > scores.get("sl", 0) else "sl"


def read_document(path: Path, root: Path) -> Document:
    """Read one document and its metadata; an InputError for binary, non-UTF-8 or empty files."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    text = decode_text(data, path)
    if not text.strip():
        raise InputError(f"{path}: empty document")
    meta = read_metadata(path)
    lang = meta.get("language") or detect_language(text)
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError(f"{path}: unsupported language {lang!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})")
    meta["language"] = lang
    meta.setdefault("title", path.stem)
    meta["path"] = path.relative_to(root).as_posix()
    meta["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(doc_id=document_id(path, root), path=path, text=text, meta=meta, lang=lang)
