"""Measure ``kg eval``: wall time per document and in total, with 1 and 2 worker processes.

Usage: ``python bench/eval_speed.py [FOLDER]`` (default ``eval``). Prints one line per run with
the number of documents, total seconds, seconds per document and the peak resident memory of
this process and its workers (from ``resource``), then the overall F1 figures of the last run.
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import kg


def peak_mib() -> float:
    """Peak RSS of this process and of its finished children, in MiB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def main(folder: Path) -> None:
    report = None
    for jobs in (1, 2):
        start = time.perf_counter()
        report = kg.evaluate(folder, jobs=jobs)
        seconds = time.perf_counter() - start
        docs = sum(len(s.documents) for s in report.subsets)
        print(f"jobs={jobs}: {docs} documents in {seconds:.1f} s "
              f"({seconds / docs:.2f} s/document), peak RSS {peak_mib():.0f} MiB")
    for category, counts in report.overall().items():
        print(f"overall {category}: P {counts.precision:.3f} R {counts.recall:.3f} F1 {counts.f1:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("eval"))
