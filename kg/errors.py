"""Errors and warnings the user can act on: the CLI prints each as one line (errors exit 2)."""
from __future__ import annotations

from collections.abc import Iterable


class KgError(Exception):
    """An error caused by input or environment, shown to the user without a traceback."""

    exit_code = 2


class InputError(KgError):
    """Bad input: a missing folder, an unreadable document, a malformed ontology or query."""


class ValidationError(KgError):
    """The built graph violates the SHACL shapes; the message lists the violations."""

    exit_code = 1


class KgWarning(UserWarning):
    """Input the build skipped or kept apart on purpose; the CLI prints ``warning: <message>``."""


def did_you_mean(wrong: str, choices: Iterable[str], *, limit: int = 3) -> str:
    """``"; did you mean 'x'?"`` for the choices closest to ``wrong`` (case ignored), or ``""``.

    >>> did_you_mean("akg:Plantt", ["akg:Plant", "akg:Market"])
    "; did you mean 'akg:Plant'?"
    >>> did_you_mean("zzz", ["akg:Plant"])
    ''
    """
    from difflib import SequenceMatcher

    by_folded: dict[str, str] = {}
    for choice in sorted(set(choices)):
        by_folded.setdefault(choice.casefold(), choice)
    folded = wrong.casefold()
    scores = sorted(((SequenceMatcher(None, folded, c).ratio(), c) for c in by_folded),
                    key=lambda sc: (-sc[0], sc[1]))
    best = scores[0][0] if scores else 0.0
    # only the nearest few: a shared prefix such as "akg:" makes far names look close too
    names = [repr(by_folded[c]) for score, c in scores[:limit] if score >= max(0.6, best - 0.05)]
    if not names:
        return ""
    return f"; did you mean {' or '.join(names)}?"
