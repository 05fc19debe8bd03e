"""Test order and the shared browser; the other shared fixtures (the seed build) are in the
project's root conftest.py."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


# The longest tests, slowest first (`--durations` of a full run: the 10 MB document alone took
# a quarter of the suite's wall time when it happened to start last). They start first, one
# per worker: with `-n 2` and `--maxschedchunk=2` (pyproject's addopts) xdist hands each worker
# two tests at a time, so a slow test at every other place lands on the worker that is free
# next and overlaps the rest of the suite instead of ending it alone.
SLOW_FIRST = (
    "tests/test_robustness.py::test_a_document_past_every_large_document_limit",
    "tests/test_builder_safety.py::test_sigkill_after_random_delays_leaves_the_old_or_the_new_build",
    "tests/evaluation/test_eval.py::test_scores_do_not_fall_below_the_measured_floor[sl/dev]",
    "tests/test_builder_safety.py::test_a_thousand_tiny_documents_build_and_rebuild_from_the_cache",
    "tests/extract/test_large_documents.py::test_bounded_memory_assembly_writes_the_same_bytes[2]",
    "tests/sparql/test_query.py::test_cli_streams_a_large_result_in_flat_memory",
    "tests/test_robustness.py::test_large_document_150_kb",
    "tests/extract/test_large_documents.py::test_large_file_is_extracted_in_a_worker",
    "tests/extract/test_large_documents.py::test_bounded_memory_assembly_writes_the_same_bytes[1]",
    "tests/evaluation/test_eval.py::test_scores_do_not_fall_below_the_measured_floor[en/dev]",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the tests of ``SLOW_FIRST`` first, in that order, each followed by one other test."""
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    slow = sorted((it for it in items if it.nodeid in rank), key=lambda it: rank[it.nodeid])
    rest = [it for it in items if it.nodeid not in rank]
    ordered: list[pytest.Item] = []
    for it in slow:
        ordered.append(it)
        if rest:
            ordered.append(rest.pop(0))
    items[:] = ordered + rest


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    """One headless chromium per test session (per xdist worker): a start costs about a second
    of CPU, and the pages of a test are contexts of their own."""
    from tests.browser import chromium

    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def browser(chromium_browser: Any) -> Iterator[Any]:
    """The session's browser; the pages a test module opened are closed at the module's end."""
    yield chromium_browser
    for context in chromium_browser.contexts:
        context.close()
