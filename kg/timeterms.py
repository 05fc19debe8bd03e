"""The terms of the time model (docs/graph-model.md, "Facts in time"): role kinds, role
statuses, event classes, and dates as typed literals as precise as the text gives them."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.namespaces import AKG, TIME

# gold/extractor name of a role kind -> its org:Role individual
ROLE_KINDS: dict[str, URIRef] = {
    "chiefExecutive": AKG.ChiefExecutive, "boardChair": AKG.BoardChair, "boardMember": AKG.BoardMember,
    "supervisoryChair": AKG.SupervisoryChair, "other": AKG.OtherRole,
}
ROLE_STATUSES: dict[str, URIRef] = {"current": AKG.Current, "former": AKG.Former, "future": AKG.Future}
# event type -> its akg:Event subclass (a CURIE, as the ontology helpers take it)
EVENT_CLASSES: dict[str, str] = {
    "founding": "akg:Founding", "acquisition": "akg:Acquisition", "investment": "akg:Investment",
    "appointment": "akg:Appointment", "resignation": "akg:Resignation",
    "siteOpening": "akg:SiteOpening", "siteClosing": "akg:SiteClosing",
}
# date precision (characters of "YYYY-MM-DD") -> (datatype, OWL-Time property of a time:Instant)
_PRECISION: dict[int, tuple[URIRef, URIRef]] = {
    4: (XSD.gYear, TIME.inXSDgYear), 7: (XSD.gYearMonth, TIME.inXSDgYearMonth), 10: (XSD.date, TIME.inXSDDate),
}


def date_literal(date: str) -> Literal:
    """A date "YYYY", "YYYY-MM" or "YYYY-MM-DD" as a literal of the fitting XSD type.

    >>> date_literal("2023").datatype == XSD.gYear, date_literal("2023-05-11").datatype == XSD.date
    (True, True)
    """
    return Literal(date, datatype=_PRECISION[len(date)][0])


def instant_property(date: str) -> URIRef:
    """The ``time:inXSD...`` property that holds a date of this precision on a ``time:Instant``."""
    return _PRECISION[len(date)][1]


def as_of(meta_date: str) -> str:
    """The "as of" date of a document from its ``.meta.toml`` date ("" if it has none):
    the date part of a date-time, a year, a month or a day.

    >>> as_of("2023-05-11T10:00:00"), as_of("2023"), as_of("")
    ('2023-05-11', '2023', '')
    """
    date = meta_date[:10]
    return date if len(date) in _PRECISION else ""
