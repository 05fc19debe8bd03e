"""``kg.evaluate``: build each gold-annotated document alone and score it (``kg eval``).

Every ``NAME.gold.toml`` under a folder (recursively) names a document ``NAME.txt`` (or
``NAME.md``) beside it. Each document is copied, with its ``NAME.meta.toml``, into a fresh
temporary seeds folder, built with :func:`kg.build` (without ``graph.html``: nobody sees the
page of a temporary build), and its facts graph scored against the gold
by :mod:`kg.evaluation.scoring`. Results are grouped by subset (the folder of the document relative to the
evaluated folder, e.g. ``sl/dev``) and micro-averaged per subset and overall.
"""
from __future__ import annotations

import multiprocessing
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.errors import InputError, KgError
from kg.evaluation.gold import GOLD_SUFFIX, Gold, read_gold
from kg.evaluation.scoring import CATEGORIES, Counts, Score, score_graph
from kg.extract.reading import DOCUMENT_SUFFIXES, META_SUFFIX
from kg.namespaces import FACTS_GRAPH

Builder = Callable[[Path, Path], Any]


@dataclass
class DocResult:
    """The scores of one document: one :class:`kg.evaluation.scoring.Score` per category."""

    name: str
    subset: str
    scores: dict[str, Score]
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: counts, P/R/F1, missed and extra per category."""
        return {"document": self.name, "subset": self.subset, "error": self.error,
                **{c: {**s.counts.as_dict(), "missed": s.missed, "extra": s.extra}
                   for c, s in self.scores.items()}}


@dataclass
class SubsetResult:
    """The documents of one subset and their micro-averaged totals."""

    name: str
    documents: list[DocResult] = field(default_factory=list)

    def totals(self) -> dict[str, Counts]:
        """Summed counts per category over the subset's documents (micro-average)."""
        out = {c: Counts() for c in CATEGORIES}
        for doc in self.documents:
            for cat, score in doc.scores.items():
                out[cat] += score.counts
        return out

    def by_predicate(self) -> dict[str, Counts]:
        """Summed counts per relation and literal predicate over the subset's documents."""
        out: dict[str, Counts] = {}
        for doc in self.documents:
            for cat in ("relations", "literals"):
                score = doc.scores.get(cat)
                for pred, counts in (score.by_predicate if score else {}).items():
                    out.setdefault(pred, Counts())
                    out[pred] += counts
        return dict(sorted(out.items()))


@dataclass
class EvalReport:
    """The result of :func:`evaluate`: subsets (sorted by name), their documents and totals."""

    root: str
    subsets: list[SubsetResult]

    def overall(self) -> dict[str, Counts]:
        """Summed counts per category over every document."""
        return SubsetResult("all", [d for s in self.subsets for d in s.documents]).totals()

    def overall_by_predicate(self) -> dict[str, Counts]:
        """Summed counts per relation and literal predicate over every document."""
        return SubsetResult("all", [d for s in self.subsets for d in s.documents]).by_predicate()

    def errors(self) -> list[str]:
        """One line per document the builder could not build (scored as an empty graph)."""
        return [f"{d.name}: {d.error}" for s in self.subsets for d in s.documents if d.error]

    def below(self, min_entity_f1: float | None = None,
              min_relation_f1: float | None = None) -> list[str]:
        """Readable lines for each subset whose entity or relation F1 is under a threshold."""
        fails = []
        for subset in self.subsets:
            totals = subset.totals()
            for cat, limit in (("entities", min_entity_f1), ("relations", min_relation_f1)):
                if limit is not None and totals[cat].f1 < limit:
                    fails.append(f"{subset.name}: {cat} F1 {totals[cat].f1:.3f} < {limit}")
        return fails

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form of the whole report."""
        return {"root": self.root,
                "subsets": [{"subset": s.name,
                             "totals": {c: n.as_dict() for c, n in s.totals().items()},
                             "by_predicate": {p: n.as_dict() for p, n in s.by_predicate().items()},
                             "documents": [d.as_dict() for d in s.documents]} for s in self.subsets],
                "overall": {c: n.as_dict() for c, n in self.overall().items()},
                "overall_by_predicate": {p: n.as_dict() for p, n in self.overall_by_predicate().items()},
                "errors": self.errors()}


def find_gold_documents(root: Path) -> list[tuple[Path, Path]]:
    """(gold file, document) pairs under ``root`` (a folder, a gold file or a document)."""
    if root.is_file():
        stem = root.name.removesuffix(GOLD_SUFFIX) if root.name.endswith(GOLD_SUFFIX) else root.stem
        golds = [root.with_name(stem + GOLD_SUFFIX)]
        if not golds[0].is_file():
            raise InputError(f"{root}: no gold file {golds[0].name} beside it")
    elif root.is_dir():
        golds = sorted(p for p in root.rglob("*" + GOLD_SUFFIX)
                       if not any(part.startswith(".") for part in p.relative_to(root).parts))
    else:
        raise InputError(f"{root}: no such file or folder")
    if not golds:
        raise InputError(f"{root}: no *.gold.toml files found")
    pairs = []
    for gold in golds:
        stem = gold.name.removesuffix(GOLD_SUFFIX)
        docs = [gold.with_name(stem + s) for s in DOCUMENT_SUFFIXES if gold.with_name(stem + s).is_file()]
        if not docs:
            raise InputError(f"{gold}: no document {stem}.txt or {stem}.md beside it")
        pairs.append((gold, docs[0]))
    return pairs


def _subset(root: Path, doc: Path) -> str:
    if root.is_file():
        return doc.parent.name
    rel = doc.parent.relative_to(root).as_posix()
    return root.resolve().name if rel == "." else rel


def _default_builder(seeds: Path, out: Path) -> Any:
    import kg

    # the page is a third of a small build's time, and the folder is deleted unseen
    return kg.build(seeds, out, html=False)


def build_alone(doc: Path, builder: Builder | None = None) -> Any:
    """Build ``doc`` (with its ``.meta.toml``) alone in a temporary folder; returns its facts graph."""
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        shutil.copy2(doc, seeds / doc.name)
        meta = doc.with_name(doc.stem + META_SUFFIX)
        if meta.is_file():
            shutil.copy2(meta, seeds / meta.name)
        dataset = (builder or _default_builder)(seeds, Path(tmp) / "out")
        return dataset.graph(FACTS_GRAPH)


def _score_one(args: tuple[Gold, Path, str, str, Builder | None]) -> DocResult:
    """Build and score one document; a document the builder rejects scores as an empty graph."""
    gold, doc, name, subset, builder = args
    try:
        facts = build_alone(doc, builder)
    except KgError as err:
        return DocResult(name, subset, score_graph(gold, Graph()), error=str(err))
    return DocResult(name, subset, score_graph(gold, facts))


def evaluate(path: str | Path = "eval", *, builder: Builder | None = None,
             jobs: int = 1) -> EvalReport:
    """Build every gold-annotated document under ``path`` alone and score it against its gold.

    Parameters
    ----------
    path
        A folder searched recursively for ``NAME.gold.toml`` files (each beside ``NAME.txt``
        or ``NAME.md``), or one gold file or document.
    builder
        Function ``(seeds_dir, out_dir) -> rdflib.Dataset`` to evaluate; default :func:`kg.build`
        with ``html=False``.
        With ``jobs > 1`` it must be a module-level function (it is sent to worker processes).
    jobs
        Documents built in parallel (worker processes).

    Returns
    -------
    EvalReport
        Per document and per subset: precision, recall and F1 for entities, relations, literals,
        quotes and markets/concepts, with the missed and extra items.

    Raises
    ------
    kg.errors.InputError
        A missing folder, a gold file without its document, or a malformed gold file (checked
        for every file before anything is built). A document the builder rejects does not stop
        the run: it is scored as an empty graph and listed by :meth:`EvalReport.errors`.

    Examples
    --------
    >>> import kg
    >>> report = kg.evaluate("eval/sl/seed")
    >>> round(report.overall()["relations"].f1, 2)
    1.0
    """
    root = Path(path)
    pairs = find_gold_documents(root)
    golds = [read_gold(g) for g, _ in pairs]
    tasks = [(gold, doc, doc.relative_to(root).as_posix() if root.is_dir() else doc.name,
              _subset(root, doc), builder) for gold, (_, doc) in zip(golds, pairs, strict=True)]
    if jobs > 1 and len(tasks) > 1:
        # spawned, not forked: each worker writes a build's RocksDB store, which deadlocks in a
        # child forked from a process that has opened one (RocksDB's threads are not forked)
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=spawn) as pool:
            results = list(pool.map(_score_one, tasks))
    else:
        results = [_score_one(t) for t in tasks]
    subsets: dict[str, SubsetResult] = {}
    for result in results:
        subsets.setdefault(result.subset, SubsetResult(result.subset)).documents.append(result)
    return EvalReport(root.as_posix(), [subsets[k] for k in sorted(subsets)])
