"""Inline display in notebooks (JupyterLab, classic notebook, VS Code): the page goes into an
isolated ``<iframe srcdoc="...">`` (HTML-escaped, sandboxed to scripts only), so it needs no file
beside the notebook and no server, and its scripts cannot touch the notebook page.
"""
from __future__ import annotations

import html
from pathlib import Path


class GraphView:
    """A rendered graph page that notebooks display inline; ``save()`` writes it to a file.

    >>> view = kg.show(kg.load("build"))
    >>> "<iframe" in view._repr_html_()
    True
    """

    def __init__(self, page: str, *, height: int = 620) -> None:
        self.html = page
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
                'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
                'referrerpolicy="no-referrer" loading="eager"></iframe>')

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (atomically) and return the path."""
        from kg.viz.files import write_atomic

        return write_atomic(Path(path), self.html)

    def __repr__(self) -> str:
        return f"<GraphView: {len(self.html):,} bytes of HTML; display it in a notebook or .save(path)>"
