"""Extract documents on a Dask distributed cluster (``kg build --cluster``), in path order.

The driver (the process running ``kg build``) reads every document itself and sends its text
and metadata to the workers, so workers need ``ampere-kg`` installed but no shared filesystem.
Workers run ``kg.extract.pipeline.extract`` on chunks of documents and send back the compact
results; the cache, the merge, the assembly and the store stay on the driver. A few chunks per
worker are in flight at a time, so neither the driver nor the cluster holds the whole corpus.

A worker that dies is replaced and its chunk runs again elsewhere (Dask's
``distributed.scheduler.allowed-failures``, 3 by default); past that the build stops with one
error line and writes nothing. Workers must run the same extractor as the driver (code, language
data, library versions): a worker that does not refuses its chunk, and the build stops.

``cluster`` is ``"local"`` (a local cluster of ``jobs`` worker processes, started for the build
and shut down after it), the address of a running scheduler (``tcp://host:8786``), or a
``distributed.Client`` the caller opened (used as it is and not closed).
"""
from __future__ import annotations

import importlib.util
import logging
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import CancelledError, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.extract.document import Document
from kg.extract.reading import read_document
from kg.ontology import Ontology
from kg.parallel import CHUNK, Extracted

if TYPE_CHECKING:
    from distributed import Client, Future

LOCAL = "local"
CONNECT_SECONDS = 5  # to reach the scheduler, and again for it to have a worker
IN_FLIGHT_PER_WORKER = 4  # chunks submitted ahead per worker thread: keeps every worker busy
INSTALL_HINT = "install it with: pip install 'ampere-kg[cluster]'"


class ClusterError(KgError):
    """The cluster cannot be reached or used, or it lost the work; nothing was written."""


def require_dask(cluster: object = LOCAL) -> None:
    """Raise a ``ClusterError`` (no traceback) when Dask distributed is not installed, or when
    ``cluster`` is neither a string nor a ``distributed.Client``.

    >>> require_dask(4)
    Traceback (most recent call last):
    kg.cluster.ClusterError: cluster must be 'local', a scheduler address or a distributed.Client, not 4
    """
    if importlib.util.find_spec("distributed") is None:
        raise ClusterError(f"--cluster needs Dask distributed, which is not installed; {INSTALL_HINT}")
    from distributed import Client

    if not isinstance(cluster, str | Client):
        raise ClusterError(f"cluster must be 'local', a scheduler address or a distributed.Client, not {cluster!r}")


def describe(cluster: object, jobs: int) -> str:
    """How the summary names the cluster (``cluster``: see the module docstring).

    >>> describe("local", 2)
    'a local Dask cluster of 2 workers'
    >>> describe("tcp://10.0.0.5:8786", 2)
    'the Dask cluster at tcp://10.0.0.5:8786'
    """
    if cluster == LOCAL:
        return f"a local Dask cluster of {jobs} worker{'s' if jobs != 1 else ''}"
    address = cluster if isinstance(cluster, str) else cluster.scheduler.address  # type: ignore[attr-defined]
    return f"the Dask cluster at {address}"


@contextmanager
def connect(cluster: object, jobs: int) -> Iterator[Client]:
    """A client of ``cluster`` (see the module docstring) with at least one worker."""
    require_dask(cluster)
    from distributed import Client, LocalCluster

    if not isinstance(cluster, str):
        yield cluster  # type: ignore[misc]  # the caller's Client: theirs to close
        return
    if cluster == LOCAL:
        # one thread per worker process: extraction is pure Python and holds the GIL
        try:
            # on loopback only; the scheduler's HTTP server on a free port, not 8787 (which may be taken)
            local = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                                 dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": False},
                                 silence_logs=logging.CRITICAL)
        except Exception as err:  # distributed raises RuntimeError and others when a worker cannot start
            raise ClusterError(f"cannot start a local Dask cluster ({err})") from None
        with local, Client(local) as client:
            yield client
        return
    _probe(cluster)
    try:
        client = Client(cluster, timeout=f"{CONNECT_SECONDS}s")
    except Exception as err:
        raise ClusterError(f"{cluster}: cannot connect to the Dask scheduler ({_short(err)})") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except TimeoutError:
            raise ClusterError(f"{cluster}: the Dask scheduler has no workers (waited {CONNECT_SECONDS} s)") from None
        yield client


def _short(err: BaseException) -> str:
    """The first line of an error message, at most 200 characters, or its type's name."""
    text = str(err).strip().splitlines()[0][:200] if str(err).strip() else ""
    return text or type(err).__name__


def _probe(address: str) -> None:
    """Raise a ``ClusterError`` unless a Dask scheduler answers at ``address`` within
    ``CONNECT_SECONDS``. ``Client`` alone would wait forever on a peer that accepts the connection
    but never answers; this runs on a thread of its own, as a notebook's thread has a running loop."""
    import asyncio

    from distributed.comm.core import connect as comm_connect

    async def handshake() -> None:
        comm = await asyncio.wait_for(comm_connect(address, timeout=CONNECT_SECONDS), CONNECT_SECONDS)
        await comm.close()

    with ThreadPoolExecutor(1) as pool:
        try:
            pool.submit(asyncio.run, handshake()).result()
        except ValueError as err:
            raise ClusterError(f"{address}: not a scheduler address ({_short(err)}); give tcp://HOST:PORT "
                               "or 'local'") from None
        except (OSError, TimeoutError) as err:  # refused, unreachable, or no answer
            raise ClusterError(f"{address}: no Dask scheduler answered there within {CONNECT_SECONDS} s "
                               f"({_short(err)})") from None
        except Exception:  # the peer's answer made no sense to the Dask protocol
            raise ClusterError(f"{address}: what answered there is not a Dask scheduler") from None


def _read_chunks(paths: list[Path], root: Path, follow_links: bool) -> Iterator[list[Document] | KgError]:
    """The documents in chunks of ``CHUNK``; a reading error comes after the documents before it."""
    chunk: list[Document] = []
    for path in paths:
        try:
            chunk.append(read_document(path, root, follow_links))
        except KgError as err:
            if chunk:
                yield chunk
            yield err
            return
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _result(future: Future, docs: list[Document], address: str) -> list[Extracted]:
    from distributed import KilledWorker

    try:
        return future.result()  # type: ignore[no-any-return]
    except KilledWorker as err:
        first = docs[0].meta["path"] + (f" and {len(docs) - 1} more" if len(docs) > 1 else "")
        raise ClusterError(f"{address}: workers died extracting {first} each time it "
                           f"ran ({err.allowed_failures + 1} times); the build stopped and wrote nothing") from None
    except ModuleNotFoundError as err:
        raise ClusterError(f"{address}: a worker cannot import {err.name!r}; install ampere-kg on every "
                           "worker") from None
    except (OSError, TimeoutError) as err:  # CommClosedError is an OSError
        raise ClusterError(f"{address}: lost the Dask scheduler ({err}); the build wrote nothing") from None
    except RuntimeError as err:
        if "deserialization of the task graph" not in str(err):  # Dask's words; it has no type for it
            raise
        raise ClusterError(f"{address}: the Dask scheduler cannot load kg's tasks; install the same "
                           "ampere-kg on the scheduler as on the driver and the workers") from None
    except CancelledError:  # distributed's FutureCancelledError
        raise ClusterError(f"{address}: the cluster cancelled the work (scheduler lost or restarted); "
                           "the build wrote nothing") from None


def extract_on(client: Client, paths: list[Path], root: Path, onto: Ontology,
               follow_links: bool) -> Iterator[Extracted]:
    """The extraction results of ``paths`` on ``client``'s workers, in path order; a bad document
    raises its ``InputError`` after the results of the documents before it."""
    address = str(client.scheduler_info().get("address", "the cluster"))
    threads = sum(client.nthreads().values()) or 1
    from kg.clusterworker import OntologyPlugin, code_version, extract_chunk

    plugin = f"kg-ontology-{uuid.uuid4().hex}"  # one per build: builds may share a cluster
    try:
        client.register_plugin(OntologyPlugin(plugin, onto), name=plugin)
    except Exception as err:  # Dask passes a worker's error on as a plain Exception with its text
        hint = "install ampere-kg on every worker" if "ModuleNotFoundError" in str(err) else _short(err)
        raise ClusterError(f"{address}: cannot set up the workers ({hint})") from None
    version = code_version()
    chunks = _read_chunks(paths, root, follow_links)
    window: deque[tuple[Future, list[Document]]] = deque()
    stop: KgError | None = None
    try:
        while True:
            while stop is None and len(window) < threads * IN_FLIGHT_PER_WORKER:
                item = next(chunks, None)
                if item is None:
                    break
                if isinstance(item, KgError):
                    stop = item
                    break
                window.append((client.submit(extract_chunk, item, plugin, version, pure=False), item))
            if not window:
                break
            yield from _result(*window.popleft(), address)
    finally:
        for future, _ in window:
            future.cancel()
        with suppress(Exception):  # the cluster may be gone, and its workers with it
            client.unregister_worker_plugin(plugin)
    if stop is not None:
        raise stop
