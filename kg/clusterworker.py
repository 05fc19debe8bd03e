"""What runs on the Dask workers of ``kg build --cluster`` (``kg.cluster`` is the driver's side).

Imports Dask, so only a cluster build imports this module.
"""
from __future__ import annotations

import functools

from distributed import Worker, WorkerPlugin

from kg.cache import extractor_version
from kg.errors import KgError
from kg.extract.document import Document
from kg.extract.pipeline import extract
from kg.ontology import Ontology, default_file
from kg.outdir import checkpoint
from kg.parallel import Extracted, compact

_ONTOLOGIES: dict[str, Ontology] = {}  # on a worker: the ontologies of the builds it serves, by plugin name


class WorkerMismatch(KgError):
    """A worker's extractor is not the driver's: its results could differ from a local build."""


class OntologyPlugin(WorkerPlugin):
    """Gives every worker the build's ontology, also a worker that joins or is restarted during
    the build (scattered data would be lost with the workers that hold it)."""

    def __init__(self, name: str, onto: Ontology) -> None:
        self.name, self.onto = name, onto

    def setup(self, worker: Worker) -> None:
        _ONTOLOGIES[self.name] = self.onto

    def teardown(self, worker: Worker) -> None:
        _ONTOLOGIES.pop(self.name, None)


@functools.cache
def code_version() -> str:
    """The extractor version of this process's ``kg`` (code, data, libraries; the shipped ontology)."""
    return extractor_version(default_file("ontology.ttl"))


def extract_chunk(docs: list[Document], plugin: str, version: str) -> list[Extracted]:
    """Run on a worker: extract documents the driver read with the ontology ``plugin`` set up
    (``version``: the driver's ``code_version``, which this worker's must equal)."""
    mine = code_version()
    if mine != version:
        raise WorkerMismatch(f"a worker runs another version of the extractor ({mine[:12]}, the build "
                             f"{version[:12]}); install the same ampere-kg on every worker")
    checkpoint("cluster-extract")
    onto = _ONTOLOGIES[plugin]
    return [compact(extract(doc, onto)) for doc in docs]
