"""`kg build --cluster`: extraction on Dask distributed gives the same files as a local build.

A small corpus (the seed and four texts of eval/sl/dev) keeps each cluster build to seconds.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import distributed  # in the test extra: these tests run, never skip
import pytest

import kg
from tests.conftest import ROOT, SEEDS
from tests.test_builder_safety import kill_and_check_gone, live_group, start_build, wait_for

FILES = ("graph.ttl", "provenance.ttl")
EVAL = ROOT / "eval" / "sl" / "dev"


def run_kg(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("cluster") / "seeds"
    shutil.copytree(SEEDS, seeds)
    for text in sorted(EVAL.glob("0[1-4]-*.txt")):
        shutil.copy(text, seeds / text.name)
        shutil.copy(text.with_suffix(".meta.toml"), seeds / f"{text.stem}.meta.toml")
    return seeds


@pytest.fixture(scope="module")
def local_build(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference: the same corpus built on one process."""
    out = tmp_path_factory.mktemp("cluster") / "jobs1"
    res = run_kg("build", "-q", "--seeds", str(corpus), "--out", str(out), "--jobs", "1")
    assert res.returncode == 0, res.stderr
    return out


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A running cluster of two worker processes, reached by its address as a remote one would be."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0", silence_logs=40) as cluster:
        yield cluster.scheduler_address


def same_files(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_local_cluster_of_two_workers_writes_the_same_bytes(corpus, local_build, tmp_path):
    out = tmp_path / "out"
    res = run_kg("build", "--seeds", str(corpus), "--out", str(out), "--jobs", "2", "--cluster", "local")
    assert res.returncode == 0, res.stderr
    assert "a local Dask cluster of 2 workers" in res.stdout
    assert "Traceback" not in res.stderr
    same_files(local_build, out)


def test_scheduler_address_and_cache(corpus, local_build, scheduler, tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    shutil.copytree(corpus, seeds)
    (seeds / "04-aerolet.txt").rename(tmp_path / "04-aerolet.txt")
    res = run_kg("build", "--seeds", str(seeds), "--out", str(out), "--cluster", scheduler)
    assert res.returncode == 0, res.stderr
    assert f"the Dask cluster at {scheduler}" in res.stdout
    assert "(0 from cache" in res.stdout
    # one document more: only it goes to the workers, and the files are the full corpus's
    (tmp_path / "04-aerolet.txt").rename(seeds / "04-aerolet.txt")
    res = run_kg("build", "--seeds", str(seeds), "--out", str(out), "--cluster", scheduler)
    assert res.returncode == 0, res.stderr
    assert "documents             5 (4 from cache" in res.stdout
    same_files(local_build, out)
    # all from the cache: the cluster is not used at all
    res = run_kg("build", "--seeds", str(seeds), "--out", str(out), "--cluster", "tcp://127.0.0.1:9")
    assert res.returncode == 0, res.stderr
    assert "(5 from cache" in res.stdout and "extracted on" not in res.stdout


def test_python_api_takes_a_client(corpus, local_build, scheduler, tmp_path):
    with distributed.Client(scheduler) as client:
        kg.build(corpus, tmp_path / "out", cluster=client)
        assert client.status == "running"  # the caller's client is left open
    same_files(local_build, tmp_path / "out")


def test_bad_document_is_the_usual_error(corpus, scheduler, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(corpus, seeds)
    (seeds / "02-zz.txt").write_bytes(b"\x00\x01binary")
    res = run_kg("build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--cluster", scheduler)
    assert res.returncode == 2
    [line] = res.stderr.strip().splitlines()
    assert line.startswith("error: ") and line.endswith("02-zz.txt: binary file (contains NUL bytes), not a UTF-8 "
                                                        "text document")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_unreachable_or_silent_address_fails_in_seconds(corpus, tmp_path):
    silent = socket.socket()  # accepts connections (the kernel does) and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # bound, not listening: connections are refused
    with silent, closed:
        addresses = [f"tcp://127.0.0.1:{s.getsockname()[1]}" for s in (silent, closed)] + ["host-without-port"]
        start = time.monotonic()
        builds = [subprocess.Popen([sys.executable, "-m", "kg", "build", "--seeds", str(corpus), "--out",
                                    str(tmp_path / f"out{i}"), "--cluster", address], cwd=ROOT, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                  for i, address in enumerate(addresses)]  # at once: each waits out the 5 s timeout
        results = [(b.wait(timeout=60), b.communicate()[1]) for b in builds]
        assert time.monotonic() - start < 40
    for (code, err), address in zip(results, addresses[:2], strict=False):
        assert code == 2, err
        assert err.startswith(f"error: {address}: no Dask scheduler answered there within 5 s"), err
        assert len(err.strip().splitlines()) == 1
    code, err = results[2]
    assert code == 2
    assert err.startswith("error: host-without-port: not a scheduler address") and "tcp://HOST:PORT" in err
    assert not any((tmp_path / f"out{i}" / "graph.ttl").exists() for i in range(3))


def test_missing_dask_says_which_extra_to_install(corpus, tmp_path):
    code = ("import sys; sys.modules['distributed'] = None; sys.argv[0] = 'kg'; "
            "from kg.cli import main; main()")
    res = subprocess.run([sys.executable, "-c", code, "build", "--seeds", str(corpus), "--out",
                          str(tmp_path / "out"), "--cluster", "local"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert "pip install 'ampere-kg[cluster]'" in res.stderr
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_worker_killed_mid_build_is_replaced_and_the_bytes_stay(corpus, local_build, tmp_path):
    flag = tmp_path / "killed"
    res = run_kg("build", "-q", "--seeds", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "2",
                 "--cluster", "local", env={"KG_DEBUG_AT": f"cluster-extract:kill-once={flag}"})
    assert res.returncode == 0, res.stderr
    assert flag.exists()  # a worker did die in its task
    same_files(local_build, tmp_path / "out")


def test_workers_that_keep_dying_fail_the_build_and_keep_the_old_one(corpus, local_build, tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    shutil.copytree(corpus, seeds)
    assert run_kg("build", "-q", "--seeds", str(seeds), "--out", str(out)).returncode == 0
    before = {name: (out / name).read_bytes() for name in FILES}
    (seeds / "05-new.txt").write_text("Podjetje Krka ima sedež v Novem mestu.", encoding="utf-8")
    res = run_kg("build", "--seeds", str(seeds), "--out", str(out), "--jobs", "2", "--cluster", "local",
                 env={"KG_DEBUG_AT": "cluster-extract:kill", "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"})
    assert res.returncode == 2, res.stderr
    assert "workers died extracting" in res.stderr and "wrote nothing" in res.stderr
    assert "Traceback" not in res.stderr
    assert {name: (out / name).read_bytes() for name in FILES} == before


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


BROKEN = {
    "without": "import sys; sys.modules['kg'] = None; ",  # cannot import kg
    "other": "import kg.clusterworker as w; w.code_version = lambda: 'f' * 64; ",  # another extractor
}


def dask_command(which: str, broken: str | None, *args: str) -> subprocess.Popen:
    """``dask scheduler`` or ``dask worker`` in a process of its own, broken as ``BROKEN`` says."""
    code = (BROKEN[broken] if broken else "") + (
        f"import sys; sys.argv[0] = 'dask'; from distributed.cli.dask_{which} import main; main()")
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


EXPECTED = {
    ("scheduler", "without"): "install the same ampere-kg on the scheduler as on the driver and the workers",
    ("worker", "without"): "cannot set up the workers (install ampere-kg on every worker)",
    ("worker", "other"): "a worker runs another version of the extractor (ffffffffffff, the build ",
}


@pytest.mark.parametrize(("where", "broken"), sorted(EXPECTED))
def test_a_scheduler_or_worker_without_our_kg_is_named(corpus, tmp_path, where, broken):
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = dask_command("scheduler", broken if where == "scheduler" else None, "--host", "127.0.0.1",
                             "--port", str(port), "--dashboard-address", "127.0.0.1:0")
    # no nanny: the worker process itself is the broken one
    worker = dask_command("worker", broken if where == "worker" else None, address, "--nthreads", "1",
                          "--no-nanny", "--no-dashboard")
    try:
        res = run_kg("build", "--seeds", str(corpus), "--out", str(tmp_path / "out"), "--cluster", address)
    finally:
        for process in (worker, scheduler):
            process.kill()
            process.wait()
    assert res.returncode == 2, res.stderr
    [line] = res.stderr.strip().splitlines()
    assert line.startswith("error: ") and EXPECTED[where, broken] in line
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_scheduler_without_workers_fails_in_seconds(corpus, tmp_path):
    port = free_port()
    scheduler = dask_command("scheduler", None, "--host", "127.0.0.1", "--port", str(port),
                             "--dashboard-address", "127.0.0.1:0")
    try:
        time.sleep(1)  # a head start (connecting is retried for 5 s anyway)
        res = run_kg("build", "--seeds", str(corpus), "--out", str(tmp_path / "out"), "--cluster",
                     f"tcp://127.0.0.1:{port}")
    finally:
        scheduler.kill()
        scheduler.wait()
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip() == f"error: tcp://127.0.0.1:{port}: the Dask scheduler has no workers (waited 5 s)"
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_killing_the_driver_leaves_no_local_worker_running(corpus, tmp_path):
    never = tmp_path / "never"  # workers wait in their first task for this file
    proc = start_build(corpus, tmp_path / "out", "-j", "2", "--full", "--cluster", "local",
                       env={"KG_DEBUG_AT": f"cluster-extract:wait={never}"})
    try:
        # the two workers and multiprocessing's resource tracker
        assert wait_for(lambda: len(live_group(proc.pid) - {proc.pid}) == 3, timeout=60), "no workers started"
        time.sleep(2)  # time to take a task
        kill_and_check_gone(proc)
    finally:
        for pid in live_group(proc.pid):
            os.kill(pid, signal.SIGKILL)
        proc.communicate()
    assert not (tmp_path / "out" / "graph.ttl").exists()
