"""Query latency of every query in ``queries/``, Oxigraph vs rdflib, on the seed build and on a
synthetic graph of about 1M triples (bench/synthetic.py). Each engine runs in its own process
(so peak memory is its own); each query is run once cold (includes the SPARQL safety parse) and
then ``--repeat`` times, and the median of the repeats is reported. rdflib runs that exceed
``--rdflib-cap`` seconds are stopped and reported as "> cap".

Usage: python bench/bench_query.py --graph build [--graph /tmp/synth] [--repeat 5]
       [--param company="Podjetje 700" ...]   (for every query that declares the parameter)
Writes a Markdown table to stdout and JSON to --json if given.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class Capped(BaseException):
    """A run took longer than the cap (BaseException, so no ``except Exception`` swallows it)."""


def _alarm(signum: int, frame: object) -> None:
    raise Capped()


def fits(run, cap: float) -> bool:
    """Run ``run()`` in a forked child; False if it has not finished after ``cap`` seconds.

    Oxigraph evaluates in Rust, where a Python alarm cannot interrupt it, so each query is first
    tried in a child process that is killed at the cap.
    """
    pid = os.fork()
    if pid == 0:
        try:
            run()
        finally:
            os._exit(0)
    deadline = time.monotonic() + cap
    while time.monotonic() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0]:
            return True
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return False


def measure(graph: str, engine: str, repeat: int, cap: float, params: dict[str, str]) -> dict:
    """Load ``graph`` with ``engine`` and time every named query; runs in a child process."""
    import kg.sparql.query as kq
    from kg.sparql.store import open_rdflib, open_store

    start = time.perf_counter()
    source = open_store(graph) if engine == "oxigraph" else open_rdflib(graph)
    load = time.perf_counter() - start
    size = len(source)
    out = {"graph": graph, "engine": engine, "triples": size, "load_s": load, "queries": {}}
    signal.signal(signal.SIGALRM, _alarm)
    for nq in kq.iter_named_queries(ROOT / "queries"):
        given: dict[str, Any] = {k: v for k, v in params.items() if k in nq.params}  # others: defaults
        times: list[float] = []
        rows = None
        capped = False
        if engine == "oxigraph" and not fits(
                lambda name=nq.name, given=given: kq.query(source, name, queries_dir=ROOT / "queries",
                                                           **given), cap):
            out["queries"][nq.name] = {"cold_s": None, "median_s": None, "runs": 0,
                                       "rows": None, "capped": True}
            continue
        for run in range(repeat + 1):
            signal.setitimer(signal.ITIMER_REAL, cap)
            t0 = time.perf_counter()
            try:
                rows = len(kq.query(source, nq.name, engine=engine, queries_dir=ROOT / "queries", **given))
            except Capped:
                capped = True
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - t0)
            if engine == "rdflib" and times[-1] > 5 and run >= 1:  # slow: one warm run is enough
                break
        warm = times[1:] or times
        out["queries"][nq.name] = {"cold_s": times[0] if times else None,
                                   "median_s": statistics.median(warm) if warm and not capped else None,
                                   "runs": len(warm), "rows": rows, "capped": capped}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def fmt(entry: dict, cap: float) -> str:
    if entry["capped"]:
        return f"> {cap:g} s"
    value = entry["median_s"]
    return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", action="append", required=True, help="build folder (repeatable)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-cap", type=float, default=60.0,
                        help="seconds after which a query run is stopped (both engines)")
    parser.add_argument("--engines", default="oxigraph,rdflib")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="bind NAME in every query that declares it (repeatable)")
    parser.add_argument("--child", nargs=2, metavar=("GRAPH", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    params = dict(p.split("=", 1) for p in args.param)
    if args.child:
        print(json.dumps(measure(args.child[0], args.child[1], args.repeat, args.rdflib_cap, params)))
        return
    results = []
    for graph in args.graph:
        for engine in args.engines.split(","):
            cmd = [sys.executable, __file__, "--graph", graph, "--child", graph, engine,
                   "--repeat", str(args.repeat), "--rdflib-cap", str(args.rdflib_cap),
                   *(f"--param={p}" for p in args.param)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"# {graph} {engine}: failed\n{done.stderr}", file=sys.stderr, flush=True)
                continue
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"# {graph} {engine}: done", file=sys.stderr, flush=True)
            if args.json:
                args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    for graph in args.graph:
        rows = [r for r in results if r["graph"] == graph]
        by = {r["engine"]: r for r in rows}
        print(f"\n### {graph} ({rows[0]['triples']:,} triples)\n")
        print("| engine | load | peak RSS |\n|---|---|---|")
        for r in rows:
            print(f"| {r['engine']} | {r['load_s']:.2f} s | {r['peak_rss_mb']:.0f} MB |")
        print("\n| query | rows | Oxigraph median | Oxigraph cold | rdflib median | rdflib / Oxigraph |")
        print("|---|---|---|---|---|---|")
        for name, ox_q in by.get("oxigraph", {"queries": {}})["queries"].items():
            rl_q = by.get("rdflib", {"queries": {}})["queries"].get(name)
            ratio = ""
            if ox_q["capped"]:
                ratio = "-"
            elif rl_q and not rl_q["capped"] and ox_q["median_s"]:
                ratio = f"{rl_q['median_s'] / ox_q['median_s']:.0f}x"
            elif rl_q and rl_q["capped"]:
                ratio = f"> {args.rdflib_cap / ox_q['median_s']:.0f}x"
            cold = f"{ox_q['cold_s'] * 1000:.1f} ms" if ox_q["cold_s"] is not None else "-"
            print(f"| {name} | {ox_q['rows']} | {fmt(ox_q, args.rdflib_cap)} | {cold} | {fmt(rl_q, args.rdflib_cap) if rl_q else '-'} | {ratio} |")


if __name__ == "__main__":
    main()
