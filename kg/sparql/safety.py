"""Read-only guard for SPARQL text: every query path (``kg query``, ``kg.query()``, ``kg serve``)
passes its text through :func:`safe_query` and executes only the text it returns.

The guard reads the query by the SPARQL grammar's own lexical rules (strings, IRIs, and comments
that end at *either* line-end character, ``\\n`` or ``\\r``) and returns it with the comments
removed, so the engine executes exactly the code the guard checked: a comment cannot hide code
from one reader and show it to the other. The text is then parsed with rdflib's SPARQL parser:
updates (including ``LOAD``) are refused, and both the parse tree and the algebra are searched for
``SERVICE``, which would make the engine open a connection to any URL (server-side request
forgery). A scan of the code outside strings and IRIs backs the parser up, so a query the two
parsers read differently is still refused.

:func:`quick_query` is the guard without rdflib's parser (whose import alone takes about 0.4 s),
for ``kg query`` on Oxigraph: the same comment stripping and SERVICE scan, and the query form read
from its first keyword. Oxigraph's ``Store.query`` parses queries only (an update or LOAD is a
syntax error there) and the build's store is opened read-only; a text the quick check does not
recognise, and any text Oxigraph cannot parse, goes through :func:`safe_query` for its verdict.
"""
from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.prefixes import QUERY_PREFIXES

QUICK_MAX_DEPTH = 16  # brackets nested deeper go to the full guard (Oxigraph's parser overflows its stack)

if TYPE_CHECKING:  # rdflib's SPARQL parser is imported when a query is first fully checked
    from pyparsing import ParseException

QUERY_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK",
               "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}

# The lexemes that decide what is code, after the SPARQL 1.1 grammar (section 19.8): long and
# short strings (a short one holds no raw line end), IRIREF (no space or control character), a
# comment up to either line-end character, a backslash escape in a prefixed name (PN_LOCAL_ESC,
# e.g. ``ex:a\\#b``), and any other run of code.
_LEXEME = re.compile(
    r'(?P<string>"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""|\'\'\'(?:(?:\'|\'\')?(?:[^\'\\]|\\.))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\')'
    r'|(?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)'
    r'|(?P<comment>#[^\n\r]*)'
    r'|(?P<code>\\.|[^"\'<#\\]+|.)', re.DOTALL)
_SERVICE_WORD = re.compile(r"(?<![\w:?$-])SERVICE(?![\w:-])", re.IGNORECASE)
_FROM_WORD = re.compile(r"(?<![\w:?$-])FROM(?![\w:-])", re.IGNORECASE)
# the prologue (IRIs are blanked in the code) and the keyword that says the query form
_QUERY_FORM = re.compile(r"\s*(?:(?:PREFIX\s*[^\s:{}()]*:|BASE)\s*)*(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])",
                         re.IGNORECASE)


def strip_comments(text: str) -> tuple[str, str]:
    """Split ``text`` by the SPARQL lexical rules: (the text without comments, its code alone).

    The code alone has every string and IRI replaced by a space; it is what the keyword scan reads.

    Examples
    --------
    >>> strip_comments('SELECT * # note\\rWHERE { ?s ?p "# no comment" }')
    ('SELECT * \\rWHERE { ?s ?p "# no comment" }', 'SELECT * \\rWHERE { ?s ?p   }')
    """
    kept: list[str] = []
    code: list[str] = []
    for match in _LEXEME.finditer(text):
        kind = match.lastgroup
        if kind == "comment":
            continue
        kept.append(match.group())
        code.append(match.group() if kind == "code" else " ")
    return "".join(kept), "".join(code)


def _contains(node: Any, names: set[str]) -> str | None:
    """Return the first CompValue name in ``names`` found anywhere under ``node``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, CompValue):
            if item.name in names:
                return item.name
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(list(item))
    return None


def _syntax_message(err: ParseException, source: str) -> str:
    """One line: where the parser stopped (line and column) and what it expected."""
    near = err.line.strip()[:60]
    return (f"{source}: SPARQL syntax error at line {err.lineno}, column {err.col}: {err.msg}"
            + (f" (in {near!r})" if near else ""))


def _refuse_update(text: str, source: str, err: ParseException) -> None:
    """Raise the right error for text that is not a query: an update, or a syntax error."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        update = parseUpdate(text)
    except ParseException:
        raise InputError(_syntax_message(err, source)) from None
    if _contains(update, {"Load"}):
        raise InputError(f"{source}: LOAD is refused: queries may not fetch data from the network")
    raise InputError(f"{source}: SPARQL UPDATE is refused: the graph is read-only here "
                     "(rebuild it with `kg build` instead)")


@dataclass(frozen=True)
class SafeQuery:
    """A query that passed the guard: its kind and the exact text to execute (comments removed)."""

    kind: str
    text: str
    has_dataset_clause: bool


def _refused(source: str, what: str) -> InputError:
    return InputError(f"{source}: {what}")


_NO_SERVICE = "SERVICE is refused: queries may not contact other endpoints"

# rdflib's SPARQL grammar (pyparsing) is not thread-safe: 32 threads parsing at once all fail
# with TypeErrors from its parse actions. One parse at a time, then; and a fork waits for a parse
# in progress, so that a child (a ``kg serve`` query process) gets a consistent parser and a
# free lock.
_PARSE_LOCK = threading.Lock()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_PARSE_LOCK.acquire, after_in_parent=_PARSE_LOCK.release,
                        after_in_child=_PARSE_LOCK.release)


@lru_cache(maxsize=256)
def safe_query(text: str, source: str = "query") -> SafeQuery:
    """Check that ``text`` is one read-only SPARQL query without SERVICE; return what to execute.

    Parsing with rdflib takes 15-300 ms, so answers are cached by text (errors are not cached).
    Safe to call from several threads (they parse one at a time).

    Parameters
    ----------
    text : str
        The SPARQL query text. The project prefixes (``akg:``, ``schema:``, ...) may be used
        without ``PREFIX`` lines.
    source : str
        How to name the query in error messages (a file name or ``"query"``).

    Returns
    -------
    SafeQuery
        ``kind`` is ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``; ``text`` is the
        query without its comments, the only text an engine may be given.

    Raises
    ------
    kg.errors.InputError
        On an empty query, a syntax error (with line and column), an update, LOAD or SERVICE.

    Examples
    --------
    >>> safe_query("SELECT ?s WHERE { ?s a schema:Place } # places").text
    'SELECT ?s WHERE { ?s a schema:Place } '
    >>> safe_query("SELECT * WHERE { # x\\rSERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: query: SERVICE is refused: queries may not contact other endpoints
    """
    checked, code = strip_comments(text)
    if not code.strip():  # else rdflib reads it as an empty update, and we would refuse that
        raise InputError(f"{source}: the query is empty")
    if _SERVICE_WORD.search(code):
        raise _refused(source, _NO_SERVICE)
    with _PARSE_LOCK:
        return _parse_checked(checked, code, source)


def _parse_checked(checked: str, code: str, source: str) -> SafeQuery:
    """The parser's part of :func:`safe_query`, for comment-free text (hold ``_PARSE_LOCK``)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(checked)
    except ParseException as err:
        _refuse_update(checked, source, err)
        raise  # unreachable: _refuse_update always raises
    except RecursionError:
        raise _refused(source, "query is nested too deeply to check") from None
    if _contains(parsed, {"ServiceGraphPattern"}):
        raise _refused(source, _NO_SERVICE)
    try:
        algebra = translateQuery(parsed, initNs=dict(QUERY_PREFIXES))
    except RecursionError:
        raise _refused(source, "query is nested too deeply to check") from None
    except Exception as err:  # rdflib raises plain Exceptions for unknown prefixes and the like
        raise InputError(f"{source}: SPARQL error: {err}") from None
    if _contains(algebra.algebra, {"ServiceGraphPattern"}):
        raise _refused(source, _NO_SERVICE)
    dataset = bool(_FROM_WORD.search(code)) or bool(algebra.algebra.get("datasetClause"))
    return SafeQuery(QUERY_KINDS[algebra.algebra.name], checked, dataset)


def quick_query(text: str, source: str = "query") -> SafeQuery | None:
    """The guard for a query that Oxigraph will parse: comments removed and SERVICE refused as in
    :func:`safe_query`, the form read from the first keyword after the prologue, no parser.
    None when the text does not start like a query, or nests brackets deeper than
    ``QUICK_MAX_DEPTH`` (Oxigraph's recursive parser would overflow its stack on thousands):
    call :func:`safe_query` for the verdict.
    Only for the Oxigraph engine on a store that cannot be written (see the module docstring).

    Examples
    --------
    >>> quick_query("PREFIX ex: <http://example.org/> # ask\\nASK { ?s ex:p ?o }").kind
    'ASK'
    >>> quick_query("INSERT DATA { <urn:a> <urn:b> <urn:c> }") is None
    True
    >>> quick_query("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: query: SERVICE is refused: queries may not contact other endpoints
    """
    checked, code = strip_comments(text)
    if _SERVICE_WORD.search(code):
        raise _refused(source, _NO_SERVICE)
    form = _QUERY_FORM.match(code)
    if form is None or _depth(code) > QUICK_MAX_DEPTH:
        return None
    return SafeQuery(form.group(1).upper(), checked, bool(_FROM_WORD.search(code)))


def _depth(code: str) -> int:
    """How deep brackets of any kind nest in ``code`` (strings and IRIs already blanked).

    >>> _depth("SELECT * { FILTER((1)) }")
    3
    """
    depth = deepest = 0
    for char in code:
        if char in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")}]":
            depth -= 1
    return deepest


def check_query(text: str, source: str = "query") -> str:
    """The kind of a query that passes :func:`safe_query` (``"SELECT"``, ``"ASK"``, ...).

    Examples
    --------
    >>> check_query("SELECT ?s WHERE { ?s a schema:Place }")
    'SELECT'
    """
    return safe_query(text, source).kind
