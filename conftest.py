"""Fixtures shared by the tests (``tests/``) and the docstring examples (``kg/``): one build of
the seed documents per test session, and a folder for the examples to run in."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build ``seeds/`` once into a temporary folder; returns the output folder (graph.ttl, ...).
    Tests read it; a test that changes a build copies it first."""
    import kg

    work = tmp_path_factory.mktemp("seed-build")
    seeds = work / "seeds"
    shutil.copytree(SEEDS, seeds)
    out = work / "build"
    kg.build(seeds, out)
    return out


@pytest.fixture(scope="session")
def seed_dataset(seed_build: Path) -> Any:
    """The seed build loaded back as an rdflib Dataset (facts + provenance named graphs)."""
    import kg

    return kg.load(seed_build)


@pytest.fixture(scope="session")
def example_folder(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the docstring examples run: ``seeds/``, ``build/`` (a copy of the seed build),
    and the checkout's ``eval/``, ``queries/``, ``kg/`` and ``ontology.ttl``, as in a checkout after
    ``kg build``."""
    folder = tmp_path_factory.mktemp("examples")
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(seed_build, folder / "build", symlinks=True)
    (folder / "eval").symlink_to(ROOT / "eval")
    for name in ("ontology.ttl", "queries", "kg"):
        (folder / name).symlink_to(ROOT / name)
    return folder


@pytest.fixture(autouse=True)
def _examples_run_in_a_build(request: pytest.FixtureRequest) -> Iterator[None]:
    """Docstring examples run in :func:`example_folder`, with ``kg`` and ``Path`` imported."""
    if not isinstance(request.node, pytest.DoctestItem):
        yield
        return
    import kg

    folder = request.getfixturevalue("example_folder")
    namespace = request.getfixturevalue("doctest_namespace")
    namespace.update(kg=kg, Path=Path)
    old = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)
