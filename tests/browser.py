"""Drive Debian's headless chromium with Playwright (never a downloaded browser) and record what a
page does: console errors, page errors, dialogs and every request it makes.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]


@dataclass
class Visit:
    """One opened page and what happened while it was open."""

    page: Any
    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def other_requests(self) -> list[str]:
        """Requests for anything but the page file itself."""
        return [r for r in self.requests if r != self.url]

    def wait_drawn(self, timeout_ms: int = 20000) -> None:
        """Wait until the graph has drawn once."""
        self.page.wait_for_function("window.kgView && window.kgView.ready === true", timeout=timeout_ms)


@contextmanager
def chromium() -> Iterator[Any]:
    """A Playwright Browser on /usr/bin/chromium (Playwright gives it a fresh temporary profile)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Any, path: Path, *, width: int = 1400, height: int = 900) -> Visit:
    """Open ``path`` (file://) in a new page, recording events from before the first byte."""
    page = browser.new_page(viewport={"width": width, "height": height})
    url = Path(path).resolve().as_uri()
    visit = Visit(page, url)
    page.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    page.on("request", lambda r: visit.requests.append(r.url))

    def on_dialog(dialog: Any) -> None:
        visit.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url, wait_until="load")
    return visit
