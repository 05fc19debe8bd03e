"""Read-only guard for SPARQL text: every query path (``kg query``, ``kg.query()``, ``kg serve``)
calls :func:`check_query` before anything is executed. It parses the text with rdflib's SPARQL
parser, refuses updates (including ``LOAD``), and walks both the parse tree and the algebra for a
``SERVICE`` clause, which would make the engine open a connection to any URL (server-side request
forgery). A lexical scan of the text outside strings, IRIs and comments backs the parser up, so a
query the two parsers read differently is still refused.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pyparsing import ParseException
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import InputError
from kg.namespaces import PREFIXES

QUERY_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK",
               "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}

# strings (all four quote styles), IRIs and comments: removed before the lexical scan
_NOT_CODE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                       r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_SERVICE_WORD = re.compile(r"(?<![\w:?$-])SERVICE(?![\w:-])", re.IGNORECASE)


def _contains(node: Any, names: set[str]) -> str | None:
    """Return the first CompValue name in ``names`` found anywhere under ``node``."""
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
    try:
        update = parseUpdate(text)
    except ParseException:
        raise InputError(_syntax_message(err, source)) from None
    if _contains(update, {"Load"}):
        raise InputError(f"{source}: LOAD is refused: queries may not fetch data from the network")
    raise InputError(f"{source}: SPARQL UPDATE is refused: the graph is read-only here "
                     "(rebuild it with `kg build` instead)")


@lru_cache(maxsize=256)
def check_query(text: str, source: str = "query") -> str:
    """Check that ``text`` is one read-only SPARQL query without SERVICE; return its kind.

    Parsing with rdflib takes 15-300 ms, so answers are cached by text (errors are not cached).

    Parameters
    ----------
    text : str
        The SPARQL query text. The project prefixes (``akg:``, ``schema:``, ...) may be used
        without ``PREFIX`` lines.
    source : str
        How to name the query in error messages (a file name or ``"query"``).

    Returns
    -------
    str
        ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``.

    Raises
    ------
    kg.errors.InputError
        On a syntax error (with line and column), an update, LOAD or SERVICE.

    Examples
    --------
    >>> check_query("SELECT ?s WHERE { ?s a schema:Place }")
    'SELECT'
    """
    try:
        parsed = parseQuery(text)
    except ParseException as err:
        _refuse_update(text, source, err)
        raise  # unreachable: _refuse_update always raises
    if _contains(parsed, {"ServiceGraphPattern"}):
        raise InputError(f"{source}: SERVICE is refused: queries may not contact other endpoints")
    try:
        algebra = translateQuery(parsed, initNs=dict(PREFIXES))
    except Exception as err:  # rdflib raises plain Exceptions for unknown prefixes and the like
        raise InputError(f"{source}: SPARQL error: {err}") from None
    if _contains(algebra.algebra, {"ServiceGraphPattern"}):
        raise InputError(f"{source}: SERVICE is refused: queries may not contact other endpoints")
    if _SERVICE_WORD.search(_NOT_CODE.sub(" ", text)):
        raise InputError(f"{source}: SERVICE is refused: queries may not contact other endpoints")
    return QUERY_KINDS[algebra.algebra.name]
