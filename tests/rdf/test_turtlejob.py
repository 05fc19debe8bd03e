"""The Turtle files written in a forked process (``kg.rdf.turtlejob``) while the build loads and
checks its store: the same bytes, the writer's errors raised, and no process left behind."""
from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

import kg
import kg.rdf.turtlejob as turtlejob
from tests.conftest import SEEDS

FILES = ("graph.ttl", "provenance.ttl")


def test_a_build_whose_turtle_is_written_in_another_process_has_the_same_bytes(seed_build, tmp_path, monkeypatch):
    monkeypatch.setattr(turtlejob, "TURTLE_BACKGROUND_MIN_BYTES", 0)  # even the seed's files
    writers = tmp_path / "writers"
    real = turtlejob.write_turtle

    def write_turtle(*args, **kwargs):  # the forked writer inherits this: it notes its pid
        with open(writers, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(turtlejob, "write_turtle", write_turtle)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    kg.build(seeds, tmp_path / "out", full=True)
    pids = writers.read_text(encoding="utf-8").split()
    assert len(pids) == 2 and set(pids) != {str(os.getpid())} and len(set(pids)) == 1
    assert {f: (tmp_path / "out" / f).read_bytes() for f in FILES} == {f: (seed_build / f).read_bytes() for f in FILES}
    assert multiprocessing.active_children() == []


def _pairs(seed_build: Path, tmp_path: Path) -> list[tuple[Path, Path]]:
    import pyoxigraph as ox

    pairs = []
    for name in FILES:
        nt = tmp_path / f"{name}.nt"
        nt.write_bytes(ox.serialize(ox.parse(path=str(seed_build / name)), format=ox.RdfFormat.N_TRIPLES))
        pairs.append((nt, tmp_path / name))
    return pairs


def test_the_writers_error_is_raised_by_the_wait(seed_build, tmp_path, monkeypatch):
    monkeypatch.setattr(turtlejob, "TURTLE_BACKGROUND_MIN_BYTES", 0)
    pairs = _pairs(seed_build, tmp_path)
    pairs[1][1].write_text("already here", encoding="utf-8")  # the writer opens with "xb"
    with pytest.raises(FileExistsError), turtlejob.turtle_writer(pairs) as wait:
        wait()
    assert multiprocessing.active_children() == []


def test_a_failing_build_step_stops_the_writer(seed_build, tmp_path, monkeypatch):
    monkeypatch.setattr(turtlejob, "TURTLE_BACKGROUND_MIN_BYTES", 0)
    read: list[int] = []
    with pytest.raises(RuntimeError, match="the checks failed"), \
            turtlejob.turtle_writer(_pairs(seed_build, tmp_path), read.append):
        raise RuntimeError("the checks failed")
    assert multiprocessing.active_children() == []


def test_progress_counts_every_byte_read(seed_build, tmp_path, monkeypatch):
    monkeypatch.setattr(turtlejob, "TURTLE_BACKGROUND_MIN_BYTES", 0)
    pairs = _pairs(seed_build, tmp_path)
    read: list[int] = []
    with turtlejob.turtle_writer(pairs, read.append) as wait:
        wait()
    assert sum(read) == sum(nt.stat().st_size for nt, _ in pairs)
    assert [turtle.read_bytes() for _, turtle in pairs] == [(seed_build / f).read_bytes() for f in FILES]
