"""Render one self-contained, offline HTML page: our own template with vis-network (from pyvis's
bundled copy), d3-force (bundled, for re-laying out a filtered graph or a neighbourhood), the app
script and styles inlined; graph data embedded as JSON in a
non-executed ``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped; a
Content-Security-Policy that allows only these inline scripts (by hash) and no network at all.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyvis

from kg.namespaces import SCHEMA
from kg.ontology import Ontology, curie
from kg.viz.model import ViewModel
from kg.viz.network import build_network, node_label, shown_labels, style_of, styles
from kg.viz.structure import communities, degrees

HERE = Path(__file__).parent
VIS_JS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
D3_JS = HERE / "static" / "d3-force.bundle.js"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
# bidirectional marks, embeddings, overrides and isolates: text from a document could reorder what
# the page shows around it ("\u202eexe.txt" displays as "txt.exe")
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def neutralise_bidi(text: str) -> str:
    """Bidirectional controls replaced by U+FFFD, which is visible and as long in UTF-16, so
    mention spans inside the text stay right.

    >>> neutralise_bidi("a\u202eb")
    'a\ufffdb'
    """
    return BIDI_CONTROLS.sub("\ufffd", text)


def json_for_script(value: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``</script>``, ``<!--``, line separators or
    bidirectional controls.

    >>> json_for_script({"t": "</script><b>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], neutralise_bidi(text))


@lru_cache(maxsize=8)
def _asset(path: Path, inline: bool = True) -> str:
    text = path.read_text(encoding="utf-8")
    if inline and "</script" in text.lower():
        raise ValueError(f"{path} contains '</script' and cannot be inlined")
    return text


@lru_cache(maxsize=1)
def ui() -> dict[str, dict[str, str]]:
    """The interface words per language, from ``ui.json``."""
    raw = json.loads((HERE / "ui.json").read_text(encoding="utf-8"))
    return {lang: words for lang, words in raw.items() if not lang.startswith("_")}


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _classes(model: ViewModel, onto: Ontology) -> tuple[list[dict[str, Any]], dict[str, int]]:
    known, _ = styles()
    order = [s.cls for s in known] + sorted({n.cls for n in model.nodes} - {s.cls for s in known})
    counts: dict[str, int] = {}
    for n in model.nodes:
        counts[n.cls] = counts.get(n.cls, 0) + 1
    rows = []
    for cls in order:
        st = style_of(cls)
        rows.append({"iri": cls, "curie": curie(cls) if cls else "other", "color": st.color,
                     "shape": st.shape, "count": counts.get(cls, 0),
                     "en": onto.label(cls, "en") if cls else ui()["en"]["other"],
                     "sl": onto.label(cls, "sl") if cls else ui()["sl"]["other"]})
    return rows, {c: i for i, c in enumerate(order)}


def page_data(model: ViewModel, onto: Ontology, *, lang: str = "en", focus: int | None = None) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-able data."""
    links = [(e.source, e.target) for e in model.edges]
    degree, group = degrees(len(model.nodes), links), communities(len(model.nodes), links)
    net = build_network(model, onto, lang=lang, groups=group)
    classes, class_index = _classes(model, onto)
    terms = sorted({e.pred for e in model.edges} | {p for n in model.nodes for p, _ in n.facts})
    shown = {code: shown_labels(model, onto, code) for code in ("en", "sl")}
    nodes = []
    for i, n in enumerate(model.nodes):
        row = {"iri": n.iri, "c": class_index[n.cls], "sl": n.sl, "en": n.en, "alt": n.alt,
               "ids": [list(x) for x in n.ids], "f": [[p, v if isinstance(v, str) else list(v)] for p, v in n.facts],
               "m": [[s, [list(sp) for sp in spans]] for s, spans in n.mentions], "k": degree[i], "g": group[i]}
        if any(shown[code][i] != node_label(n, code) for code in shown):
            row["d"] = {code: shown[code][i] for code in shown}
        nodes.append(row)
    return {
        "lang": lang,
        "ui": ui(),
        "focus": focus,
        "quotation": str(SCHEMA.Quotation),
        "classes": classes,
        "terms": {t: {"en": onto.label(t, "en"), "sl": onto.label(t, "sl")} for t in terms},
        "nodes": nodes,
        "edges": [[e.pred, e.sentences, e.rules, e.note] for e in model.edges],
        "sentences": [list(s) for s in model.sentences],
        "vis": {"nodes": net.nodes, "edges": net.edges, "options": net.options},
    }


def render_page(data: dict[str, Any]) -> str:
    """The complete HTML text of the page for ``data`` (from :func:`page_data`, with ``title``)."""
    from kg import __version__

    title = data.get("title", {}).get(data["lang"]) or ui()[data["lang"]]["title"]
    vis_js, d3_js, app_js = _asset(VIS_JS), _asset(D3_JS), _asset(HERE / "static" / "app.js")
    csp = ("default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; "
           f"style-src 'unsafe-inline'; script-src {_sha256(vis_js)} {_sha256(d3_js)} {_sha256(app_js)}")
    parts = {"CSP": csp, "LANG": data["lang"], "VERSION": html.escape(__version__),
             "TITLE": html.escape(neutralise_bidi(title)), "CSS": _asset(HERE / "static" / "app.css"),
             "DATA": json_for_script(data),
             "VIS_JS": vis_js, "D3_JS": d3_js, "APP_JS": app_js}
    template = _asset(HERE / "template.html", inline=False)
    return re.sub(r"\{\{([A-Z0-9_]+)\}\}", lambda m: parts[m.group(1)], template)
