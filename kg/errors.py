"""Errors the user can act on: the CLI prints them as one line and exits 2."""
from __future__ import annotations


class KgError(Exception):
    """An error caused by input or environment, shown to the user without a traceback."""

    exit_code = 2


class InputError(KgError):
    """Bad input: a missing folder, an unreadable document, a malformed ontology or query."""


class ValidationError(KgError):
    """The built graph violates the SHACL shapes; the message lists the violations."""

    exit_code = 1


class KgWarning(UserWarning):
    """Something the user should know that did not stop the command (the CLI prints one line)."""
