"""Shared fixtures: one build of the seed documents per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build ``seeds/`` once into a temporary folder; returns the output folder (graph.ttl, ...)."""
    import kg

    work = tmp_path_factory.mktemp("seed-build")
    seeds = work / "seeds"
    shutil.copytree(SEEDS, seeds)
    out = work / "build"
    kg.build(seeds, out)
    return out


@pytest.fixture(scope="session")
def seed_dataset(seed_build: Path):
    """The seed build loaded back as an rdflib Dataset (facts + provenance named graphs)."""
    import kg

    return kg.load(seed_build)
