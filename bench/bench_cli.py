"""End-to-end wall time of ``kg query`` on a built store: a new process for each run, as a user
pays it (interpreter start, imports, opening the store, the query, writing the answer).

For each named query given (default: who-leads, plants-of-hub, labels), ``python -m kg query NAME
--build BUILD --format csv`` is run ``--runs`` times and the median, minimum and maximum are
reported, beside the same for ``python -c pass`` (the interpreter alone) and ``kg --help``.
``--pythonpath`` runs another checkout of kg (to compare before and after a change). The
machine is shared, so run it when it is quiet and read the minimum as well as the median.

    python bench/bench_cli.py --build bench/out/build-1000-j2
    python bench/bench_cli.py --build build --pythonpath /path/to/other/checkout --runs 11
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(cmd: list[str], env: dict[str, str], runs: int, cwd: str) -> list[float]:
    """Seconds each of ``runs`` runs of ``cmd`` in ``cwd`` took (it must succeed)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=cwd)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", type=Path, required=True, help="build folder (with its store)")
    parser.add_argument("--queries", nargs="+", default=["who-leads", "plants-of-hub", "labels"])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pythonpath", default=str(ROOT), help="checkout of kg to run [this one]")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": args.pythonpath}
    kg = [sys.executable, "-m", "kg"]
    cases = [("python -c pass", [sys.executable, "-c", "pass"]), ("kg --help", kg + ["--help"])]
    cases += [(f"kg query {name}", kg + ["query", name, "--build", str(args.build.resolve()), "--format", "csv"])
              for name in args.queries]
    print(f"`{args.pythonpath}` on `{args.build}`, {args.runs} runs each, load average "
          f"{os.getloadavg()[0]:.1f}\n")
    print("| command | median s | min s | max s |\n|---|---:|---:|---:|")
    for label, cmd in cases:
        times = wall(cmd, env, args.runs, args.pythonpath)  # `-m kg` imports kg from the cwd
        print(f"| `{label}` | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} |",
              flush=True)


if __name__ == "__main__":
    main()
