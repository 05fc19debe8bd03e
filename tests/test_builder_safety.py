"""The output folder is safe to build into: the cache holds data only (a crafted file in it runs
nothing), a killed or failed build leaves the previous build whole, and builds into one folder
do not mix."""
from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus

OUTPUT_FILES = ("graph.ttl", "provenance.ttl", "graph.html")
EXTRA_DOC = "Podjetje Krka ima sedež v Novem mestu. Krka zaposluje več kot 12.000 ljudi.\n"


def run_kg(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], check=False, cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


def build(seeds: Path, out: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    res = run_kg("build", "-q", "--seeds", str(seeds), "--out", str(out), *args, env=env)
    assert "Traceback" not in res.stderr, res.stderr
    return res


def hashes(out: Path) -> dict[str, str | None]:
    """What a reader of the folder sees: the SHA-256 of each output file (None if absent)."""
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() if (out / name).exists() else None
            for name in OUTPUT_FILES}


# session scope, not module: tests/conftest.py starts this module's slow tests first, apart from
# the rest of it, and a module fixture is built again each time a worker comes back to the module
@pytest.fixture(scope="session")
def two_docs(tmp_path_factory) -> Path:
    """The seed document and a short second one."""
    seeds = tmp_path_factory.mktemp("two") / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "krka.txt").write_text(EXTRA_DOC, encoding="utf-8")
    return seeds


@pytest.fixture(scope="session")
def clean_build(two_docs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean") / "out"
    res = build(two_docs, out)
    assert res.returncode == 0, res.stderr
    return out


class _RunsCode:
    """Unpickling this creates ``marker``: what a malicious cache file would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').close()",))


def _payload(marker: Path) -> bytes:
    return pickle.dumps(_RunsCode(marker))


def test_the_payload_does_run_code_when_unpickled(tmp_path):
    """The control: the crafted file below is a working exploit for a pickle-reading cache."""
    marker = tmp_path / "control"
    pickle.loads(_payload(marker))  # the point of the test: this runs code
    assert marker.exists()


def test_crafted_pickles_and_garbage_in_the_cache_are_not_run(two_docs, clean_build, tmp_path):
    out = copy_build(clean_build, tmp_path / "out")  # the same folder a build of two_docs leaves
    marker = tmp_path / "pwned"
    payload = _payload(marker)
    entries = sorted(p for p in (out / ".cache").rglob("*") if p.is_file())
    assert len(entries) == 4  # two documents: extraction results and assembled lines
    for i, entry in enumerate(entries):  # in place of each real entry: a pickle, plain or gzipped
        entry.write_bytes(gzip.compress(payload) if i % 2 else payload)
        entry.with_name(entry.name.split(".")[0] + ".pkl").write_bytes(payload)  # the old cache's name
    (out / ".cache" / "noise.bin").write_bytes(os.urandom(4096))
    (out / ".cache" / "lines" / "empty").write_bytes(b"")
    res = build(two_docs, out)
    assert res.returncode == 0, res.stderr
    assert not marker.exists()
    warnings = res.stderr.strip().splitlines()
    assert warnings and all(line.startswith("warning: ") for line in warnings), res.stderr
    assert "unreadable cache entr" in res.stderr and "not a cache entry" in res.stderr
    assert hashes(out) == hashes(clean_build)
    # the cache was rebuilt: only data entries, and the next build reads them without a word
    for entry in (p for p in (out / ".cache").rglob("*") if p.is_file()):
        assert gzip.decompress(entry.read_bytes()).startswith(b'{"format":'), entry
    res = run_kg("build", "--seeds", str(two_docs), "--out", str(out))
    assert res.returncode == 0 and res.stderr == "" and "2 from cache" in res.stdout
    assert hashes(out) == hashes(clean_build)


def test_an_entry_of_another_document_is_ignored(two_docs, clean_build, tmp_path):
    out = copy_build(clean_build, tmp_path / "out")
    a, b = sorted((out / ".cache").glob("*.json.gz"))
    data_a, data_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(data_b)  # well-formed entries, each under the other's name
    b.write_bytes(data_a)
    res = run_kg("build", "--seeds", str(two_docs), "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "0 from cache" in res.stdout
    assert "ignored 2 unreadable cache entries" in res.stderr and "another document" in res.stderr
    assert hashes(out) == hashes(clean_build)


# --- worker processes ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """60 generated documents: long enough for a -j2 build to have its workers running a while."""
    folder = tmp_path_factory.mktemp("corpus") / "seeds"
    write_corpus(60, folder, seed=3)
    return folder


def live_group(pgid: int) -> set[int]:
    """The processes of process group ``pgid`` that are still running (zombies are dead)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def all_gone(pgid: int) -> bool:
    """Whether every process of group ``pgid`` ends within 10 s."""
    return wait_for(lambda: not live_group(pgid), timeout=10)


def kill_and_check_gone(proc: subprocess.Popen) -> None:
    """SIGKILL the build ``proc`` (see ``start_build``) and check its whole group ends in 10 s."""
    proc.kill()
    proc.wait(timeout=30)
    assert all_gone(proc.pid), f"left running: {live_group(proc.pid)}"


def wait_for(condition, timeout: float = 120.0, step: float = 0.01) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(step)
    return False


def start_build(seeds: Path, out: Path, *args: str, env: dict | None = None,
                stderr: Path | None = None) -> subprocess.Popen:
    """``kg build -q`` in a process group of its own (its id is the build's pid); stderr to a file
    if given."""
    err = open(stderr, "w", encoding="utf-8") if stderr else subprocess.PIPE  # noqa: SIM115
    try:
        return subprocess.Popen([sys.executable, "-m", "kg", "build", "-q", "--seeds", str(seeds), "--out",
                                 str(out), *args], cwd=ROOT, env={**os.environ, **(env or {})},
                                stdout=subprocess.PIPE, stderr=err, text=True, start_new_session=True)
    finally:
        if stderr:
            err.close()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("pool", ["extract", "assemble"])
def test_killing_a_j2_build_leaves_no_worker_running(corpus, tmp_path, pool):
    proc = start_build(corpus, tmp_path / "out", "-j", "2", "--full")
    try:
        first: set[int] = set()
        assert wait_for(lambda: len(live_group(proc.pid) - {proc.pid}) == 2), "no workers started"
        first = live_group(proc.pid) - {proc.pid}
        if pool == "assemble":  # the extraction pool is gone and the assembly pool is up
            assert wait_for(lambda: len(live_group(proc.pid) - {proc.pid} - first) == 2), "no second pool"
        workers = live_group(proc.pid) - {proc.pid}
        assert proc.poll() is None and len(workers) == 2
        kill_and_check_gone(proc)
    finally:
        for pid in live_group(proc.pid):
            os.kill(pid, signal.SIGKILL)
        proc.communicate()


# --- two builds into one folder --------------------------------------------------------------
# ``seed_build`` is the session's build of the seeds (the root conftest.py); the tests here read
# it or copy it, and compare against its bytes: builds are deterministic, so a `kg build` of the
# same seeds in this module would only repeat it.


def test_a_second_build_waits_for_the_first_and_ends_whole(two_docs, seed_build, tmp_path):
    out, go = tmp_path / "out", tmp_path / "go"
    first = start_build(two_docs, out, env={"KG_DEBUG_AT": f"locked:wait={go}"}, stderr=tmp_path / "first.err")
    lock = out / ".lock"
    try:
        assert wait_for(lambda: lock.exists() and lock.read_text().strip() == str(first.pid))
        second = start_build(SEEDS, out, stderr=tmp_path / "second.err")
        note = tmp_path / "second.err"
        assert wait_for(lambda: "waiting for it to finish" in note.read_text()), note.read_text()
        assert second.poll() is None  # it waits while the first build holds the folder
    finally:
        go.touch()
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    errors = (tmp_path / "first.err").read_text() + note.read_text()
    assert "Traceback" not in errors and "error" not in errors, errors
    assert note.read_text().strip() == f"warning: {out}: another build (pid {first.pid}) is writing to this folder; " \
                                       "waiting for it to finish"
    assert hashes(out) == hashes(seed_build)  # the later build, whole
    assert not lock.exists()
    first.communicate()
    second.communicate()


def test_builds_started_together_leave_one_complete_build(two_docs, clean_build, seed_build, tmp_path):
    out = tmp_path / "out"
    for _ in range(2):
        procs = [start_build(two_docs, out, "-j", "2"), start_build(SEEDS, out, "-j", "1")]
        results = [p.communicate(timeout=300) for p in procs]
        for proc, (_, err) in zip(procs, results, strict=True):
            assert proc.returncode == 0 and "Traceback" not in err, err
        assert hashes(out) in (hashes(clean_build), hashes(seed_build))


# --- a killed or failed build leaves the previous one whole ----------------------------------

# the named points of a build (kg.outdir.checkpoint), in the order a build passes them; from
# "switched" on, the new build is in place
POINTS = ["locked", "extracted", "assembled", "staged-graph.ttl", "staged-provenance.ttl", "validated", "html",
          "staged-graph.html", "switch", "switched", "committed-extract-cache", "committed-lines-cache"]
# an output folder of an older version (regular files) passes these too, before "switch"
MIGRATION_POINTS = ["linked-graph.ttl", "linked-provenance.ttl", "linked-graph.html", "switch"]


def copy_build(src: Path, dst: Path, *, regular_files: bool = False) -> Path:
    """A copy of a build folder; with ``regular_files``, laid out as older versions wrote it."""
    if not regular_files:
        shutil.copytree(src, dst, symlinks=True)
        return dst
    shutil.copytree(src / ".cache", dst / ".cache")
    for name in OUTPUT_FILES:
        shutil.copyfile(src / name, dst / name)
    return dst


def assert_clean(out: Path) -> None:
    """Only the build in place: the links, one build folder, the cache; no staging, no temp file."""
    assert {p.name for p in out.iterdir()} == {*OUTPUT_FILES, "current", ".builds", ".cache"}
    for name in OUTPUT_FILES:
        assert os.readlink(out / name) == f"current/{name}"
    current = os.readlink(out / "current")
    assert [p.name for p in (out / ".builds").iterdir()] == [current.split("/")[1]]
    assert sorted(p.name for p in (out / current).iterdir()) == sorted([*OUTPUT_FILES, "store", "incremental"])
    for entry in (out / ".cache").rglob("*"):
        assert entry.name == "lines" or entry.name.endswith((".json.gz", ".lines.gz")), entry


def kill_at(point: str, seeds: Path, out: Path) -> None:
    """Run a -j2 build that SIGKILLs itself at ``point``; no process of it may survive."""
    proc = start_build(seeds, out, "-j", "2", env={"KG_DEBUG_AT": f"{point}:kill"})
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, err
    assert all_gone(proc.pid), f"left running: {live_group(proc.pid)}"


@pytest.mark.parametrize("point", POINTS)
def test_kill_at_each_step_leaves_the_old_or_the_new_build(point, seed_build, two_docs, clean_build, tmp_path):
    import kg

    old, new = hashes(seed_build), hashes(clean_build)
    out = copy_build(seed_build, tmp_path / "out")
    kill_at(point, two_docs, out)
    assert hashes(out) == (new if POINTS.index(point) >= POINTS.index("switched") else old)
    kg.build(two_docs, out, jobs=1)  # the next build cleans up after the killed one
    assert hashes(out) == new
    assert_clean(out)


@pytest.mark.parametrize("point", MIGRATION_POINTS)
def test_kill_while_taking_over_an_older_layout(point, seed_build, two_docs, clean_build, tmp_path):
    import kg

    old = hashes(seed_build)
    out = copy_build(seed_build, tmp_path / "out", regular_files=True)
    assert hashes(out) == old and not (out / "current").exists()
    kill_at(point, two_docs, out)
    assert hashes(out) == old
    kg.build(two_docs, out, jobs=1)
    assert hashes(out) == hashes(clean_build)
    assert_clean(out)


def test_sigkill_after_random_delays_leaves_the_old_or_the_new_build(tmp_path):
    """SIGKILL at six random moments, one in each sixth of a rebuild of 21 documents (the named
    steps have their own test above; these land anywhere, between steps too)."""
    corpus = tmp_path / "seeds"
    write_corpus(20, corpus, seed=3)
    new_seeds = tmp_path / "new-seeds"
    shutil.copytree(corpus, new_seeds)
    shutil.copy(SEEDS / "ampere-sl.txt", new_seeds)
    refs = {}
    for name, seeds in (("old", corpus), ("new", new_seeds)):
        assert build(seeds, tmp_path / name, "-j", "2").returncode == 0
        refs[name] = hashes(tmp_path / name)
    assert refs["old"] != refs["new"]
    timed = copy_build(tmp_path / "old", tmp_path / "timed")
    start = time.monotonic()
    assert build(new_seeds, timed, "-j", "2").returncode == 0
    seconds = time.monotonic() - start
    assert hashes(timed) == refs["new"]
    rng = random.Random(11)
    seen = []
    # one random moment in each sixth of the span from 15% of the build's time to its end
    moments = [0.15 + 0.85 * (k + rng.random()) / 6 for k in range(6)]
    for i, delay in enumerate(m * seconds for m in moments):
        out = copy_build(tmp_path / "old", tmp_path / f"killed-{i}")
        proc = start_build(new_seeds, out, "-j", "2")
        time.sleep(delay)
        proc.kill()
        proc.communicate(timeout=300)
        assert all_gone(proc.pid), f"left running: {live_group(proc.pid)}"
        state = [name for name, ref in refs.items() if hashes(out) == ref]
        assert state, f"killed after {delay:.2f} s: a mix of the two builds"
        seen.append(f"{delay:.2f}s:{state[0]}")
    print(f"build {seconds:.2f} s; killed at", ", ".join(seen))
    assert build(new_seeds, out, "-j", "2").returncode == 0
    assert hashes(out) == refs["new"]
    assert_clean(out)


def test_a_failure_while_writing_the_page_keeps_the_previous_build(seed_build, two_docs, tmp_path):
    out = copy_build(seed_build, tmp_path / "out")
    res = build(two_docs, out, env={"KG_DEBUG_AT": "html:fail"})
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "cannot write the build" in lines[0], res.stderr
    assert hashes(out) == hashes(seed_build)
    assert_clean(out)


def test_a_folder_in_the_way_of_an_output_file_stops_the_build(seed_build, two_docs, tmp_path):
    out = copy_build(seed_build, tmp_path / "out")
    (out / "graph.html").unlink()
    (out / "graph.html").mkdir()
    res = build(two_docs, out)
    assert res.returncode == 2
    assert res.stderr.strip() == f"error: {out / 'graph.html'}: a folder is in the way of the build's graph.html; move it away"
    for name in ("graph.ttl", "provenance.ttl"):
        assert (out / name).read_bytes() == (seed_build / name).read_bytes()


# --- readers take both files from one build ---------------------------------------------------

COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def _switch_after_first_file(out: Path, other: str):
    """A stand-in for a build that switches in while a reader is between its two files."""
    def switch() -> None:
        tmp = out / ".current.test.tmp"
        os.symlink(f".builds/{other}", tmp)
        os.replace(tmp, out / "current")
    return switch


@pytest.mark.parametrize("reader", ["load", "query"])
def test_readers_never_pair_files_of_two_builds(reader, seed_build, clean_build, tmp_path, monkeypatch):
    import rdflib

    import kg
    import kg.sparql.store

    out = copy_build(seed_build, tmp_path / "out")
    shutil.copytree(clean_build / "current", out / ".builds" / "other")  # a second complete build
    for store in (out / ".builds").glob("*/store"):  # builds without a store are loaded from their files
        shutil.rmtree(store)
    expected = [tuple(map(str, row)) for row in kg.query(seed_build, COUNT)]
    switch = _switch_after_first_file(out, "other")
    if reader == "load":
        parse = rdflib.Graph.parse
        monkeypatch.setattr(rdflib.Graph, "parse", lambda self, *a, **k: (parse(self, *a, **k), switch())[0])
        ds = kg.load(out)
        monkeypatch.undo()
        got = [tuple(map(str, row)) for row in kg.query(ds, COUNT)]
    else:
        load_file = kg.sparql.store._load_file
        monkeypatch.setattr(kg.sparql.store, "_load_file", lambda *a: (load_file(*a), switch())[0])
        got = [tuple(map(str, row)) for row in kg.query(out, COUNT)]
    assert os.readlink(out / "current") == ".builds/other"  # the switch did happen mid-read
    assert got == expected


# --- many small documents ---------------------------------------------------------------------

def test_a_thousand_tiny_documents_build_and_rebuild_from_the_cache(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(1000):  # every third one without any fact
        (seeds / f"d{i:04d}.txt").write_text(f"Podjetje Firma{i} ima sedež v Mariboru.\n" if i % 3 else "Lep dan.\n",
                                             encoding="utf-8")
    (seeds / "bom-crlf.txt").write_bytes("\ufeffPodjetje Krka ima sedež v Novem mestu.\r\nKrka raste.\r\n".encode())
    out = tmp_path / "out"
    first = run_kg("build", "--seeds", str(seeds), "--out", str(out), "-j", "2")
    assert first.returncode == 0 and first.stderr == "", first.stderr
    assert "1001 (0 from cache, 1001 assembled, 2 jobs)" in first.stdout
    before = hashes(out)
    second = run_kg("build", "--seeds", str(seeds), "--out", str(out), "-j", "2")
    assert second.returncode == 0 and second.stderr == "", second.stderr
    assert "1001 (1001 from cache, 0 assembled, 2 jobs, incremental)" in second.stdout
    assert hashes(out) == before
    assert len(list((out / ".cache").glob("*.json.gz"))) == len(list((out / ".cache" / "lines").glob("*"))) == 1001
    assert_clean(out)
