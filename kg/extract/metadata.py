"""A document's metadata: the sidecar ``<name>.meta.toml`` read and type-checked field by field.

Fields (all optional):

- ``title``, ``publisher``: strings;
- ``language``: ``"sl"`` or ``"en"`` (detected from the text when absent);
- ``source``: a string; one starting with ``http://`` or ``https://`` must be a valid IRI;
- ``date``: a TOML date (``2023-05-01``) or date-time, a year (``2023``), or a string
  ``"2023"``, ``"2023-05"`` or ``"2023-05-01"``.

A field of the wrong type or form stops the build (``InputError`` naming the file and the
field); an empty string counts as absent; an unknown field is reported back as a warning.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kg.errors import InputError

SUPPORTED_LANGUAGES = ("sl", "en")
META_FIELDS = ("title", "language", "source", "publisher", "date")
DATE_FORMS = "2023, 2023-05 or 2023-05-01"
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
_TOML_TYPES = ((bool, "a boolean"), (int, "an integer"), (float, "a float"), (str, "a string"),
               (list, "an array"), (dict, "a table"), (dt.datetime, "a date-time"), (dt.date, "a date"),
               (dt.time, "a time"))


def toml_type(value: Any) -> str:
    """What a TOML value is, in words.

    >>> toml_type([1, {"a": 3}]), toml_type(dt.date(2023, 5, 1))
    ('an array', 'a date')
    """
    return next(name for kind, name in _TOML_TYPES if isinstance(value, kind))


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_date(value: Any, where: str) -> str:
    """The date as text (``2023``, ``2023-05``, ``2023-05-01``, or an ISO date-time).

    >>> check_date(2023, "f"), check_date("2023-05", "f"), check_date(dt.date(2023, 5, 1), "f")
    ('2023', '2023-05', '2023-05-01')
    >>> check_date("not a date", "a.meta.toml: field 'date'")
    Traceback (most recent call last):
    kg.errors.InputError: a.meta.toml: field 'date' must be a date (2023, 2023-05 or 2023-05-01), not 'not a date'
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str) and (m := _DATE.fullmatch(value)):
        year, month, day = (int(g) if g else 1 for g in m.groups())
        try:
            dt.date(year, month, day)
            return value
        except ValueError:
            pass
    what = _shown(value) if isinstance(value, str) else toml_type(value)
    raise InputError(f"{where} must be a date ({DATE_FORMS}), not {what}")


def check_field(name: str, value: Any, where: str) -> str:
    """A known field's value as text, or an InputError saying what it must be."""
    if name == "date":
        return check_date(value, where)
    if not isinstance(value, str):
        raise InputError(f"{where} must be a string, not {toml_type(value)}")
    if name == "language" and value not in SUPPORTED_LANGUAGES:
        raise InputError(f"{where}: unsupported language {value!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})")
    if name == "source" and value.startswith(("http://", "https://")) and (
            _IRI_BAD.search(value) or not urlsplit(value).netloc):
        raise InputError(f"{where} is not a valid IRI: {_shown(value)}")
    return value


def read_metadata(meta_path: Path | None, shown: str = "") -> tuple[dict[str, str], list[str]]:
    """The known fields of a metadata file as text, and a warning for each unknown field.

    ``shown`` is how error messages name the file (default: the path). No file: ``({}, [])``.
    """
    if meta_path is None:
        return {}, []
    shown = shown or str(meta_path)
    try:
        raw = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{shown}: malformed metadata: {err}") from None
    except UnicodeDecodeError:
        raise InputError(f"{shown}: not valid UTF-8") from None
    except OSError as err:
        raise InputError(f"{shown}: cannot read: {err.strerror}") from None
    meta = {k: check_field(k, raw[k], f"{shown}: field {k!r}") for k in META_FIELDS if k in raw}
    unknown = [f"unknown field {k!r} ignored (known: {', '.join(META_FIELDS)})" for k in raw if k not in META_FIELDS]
    return {k: v for k, v in meta.items() if v.strip()}, unknown
