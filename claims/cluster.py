"""The map step on Dask: a LocalCluster of worker processes on this machine, or an existing
cluster's scheduler (`claims ingest --workers N`, `--scheduler ADDRESS`).

Articles go out in chunks, a bounded number in flight, and their rows come back in the order
the articles were read, so the database gets what a one-process run would store and memory
stays flat however big the corpus. Dask does the scheduling: a worker that dies has its
chunks run again elsewhere. Imported only when more than one worker is asked for, so
one-process runs never load Dask.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from claims.db import Extractor
from claims.mapstep import Job, Mapped, default_extractor, extract_chunk, with_article

#: Articles per task, and characters: a chunk ends at whichever comes first.
CHUNK_ARTICLES = 64
CHUNK_CHARACTERS = 400_000
#: Chunks in flight per worker thread: enough that no worker waits, few enough that memory
#: holds a handful of chunks, not the corpus.
IN_FLIGHT_PER_THREAD = 3


def all_cores() -> int:
    """The cores this process may use (`--workers 0` or `auto`)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def dask_setup(worker) -> None:
    """Dask's preload hook (`--preload claims.cluster`): load and compile the extractor
    before the worker takes work, so a new or restarted worker never holds up a chunk, and
    the chunks after it, while it loads."""
    default_extractor().run("At least 12 people were killed, officials said.", None)


#: Dask's periodic upkeep that an ingest's LocalCluster has no use for, turned down: with no
#: dashboard nobody reads the workers' statistical profiles (a sample of every thread's
#: stack every 10 ms) or the system monitor's figures, and a blocked event loop is noticed
#: within a second, not 20 ms. Idle, the three processes spent 2.3 s of CPU in 20 s with
#: Dask's defaults and 0.35 s with these (benchmarks/README.md, "tenth session").
QUIET_UPKEEP = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}
#: Dask keeps the last messages of every stream between client, scheduler and workers for its
#: developers (`distributed.admin.low-level-log-length`, 1,000 batches by default), and a
#: message that sends a chunk of articles to extract holds the chunk: the main process of a
#: `--parquet` ingest grew by 5 KB an article, to 378 MB at 40,000 articles (workers' 205
#: MB), until the logs were cut to a few batches (benchmarks/README.md, "Scaling out,
#: thirteenth session").
SHORT_LOGS = {"distributed.admin.low-level-log-length": 10}
#: What a worker process needs loaded before it takes work: Dask's worker, the map step with
#: its compiled extractor, and the regroup's chunks (claims.compare).
WORKER_MODULES = ["distributed.nanny", "distributed.worker", "claims.cluster",
                  "claims.extraction.pipeline", "claims.compare"]


def _forkserver() -> dict:
    """Dask's config for worker processes forked from a server that has loaded
    WORKER_MODULES once, where the platform forks: each worker (and a worker restarted after
    it died) then starts with Python's imports done and the extractor compiled, instead of
    doing both itself, about 2 s of CPU each (benchmarks/README.md, "tenth session"). The
    server is one process, forked before any thread starts, so the fork is safe. It is
    started here, before this process imports Dask, so that it loads while Dask is imported
    and the scheduler starts, not after (benchmarks/README.md, "eleventh session").
    distributed would otherwise set the server to load its own list, which imports pandas
    into this process too; its flag that it has done so is set here."""
    import multiprocessing
    import multiprocessing.forkserver

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return {}
    multiprocessing.get_context("forkserver").set_forkserver_preload(WORKER_MODULES)
    multiprocessing.forkserver.ensure_running()
    import distributed.utils

    distributed.utils._forkserver_preload_set = True
    return {"distributed.worker.multiprocessing-method": "forkserver"}


@contextlib.contextmanager
def local_cluster(workers: int, forking: dict):
    """A Dask LocalCluster of `workers` single-threaded processes (forked ready to work where
    the platform allows: `forking`, from `_forkserver`), each watched by a nanny that
    restarts it if it dies and each ready to extract when it joins; no dashboard, less of
    Dask's periodic upkeep (QUIET_UPKEEP), and Dask's own logs only when something goes
    wrong."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set({**QUIET_UPKEEP, **forking}), LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.ERROR, preload=["claims.cluster"]) as cluster:
        yield cluster


@contextlib.contextmanager
def client_for(workers: int, scheduler: str | None):
    """A Dask client of the cluster at `scheduler`, else of a LocalCluster of `workers`,
    whose fork server starts before Dask is imported (`_forkserver`); either keeps short
    logs of its messages (SHORT_LOGS)."""
    forking = {} if scheduler else _forkserver()
    import dask
    from dask.distributed import Client

    with contextlib.ExitStack() as stack:
        stack.enter_context(dask.config.set(SHORT_LOGS))
        cluster = scheduler or stack.enter_context(local_cluster(workers, forking))
        client = Client(cluster, set_as_default=False)
        stack.callback(client.close)
        yield client


def chunks(jobs: Iterable[Job]) -> Iterator[list[Job]]:
    """The jobs in chunks of at most CHUNK_ARTICLES articles or CHUNK_CHARACTERS characters."""
    chunk: list[Job] = []
    size = 0
    for job in jobs:
        chunk.append(job)
        size += len(job[1].body)
        if len(chunk) >= CHUNK_ARTICLES or size >= CHUNK_CHARACTERS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


@contextlib.contextmanager
def starting(workers: int, scheduler: str | None):
    """A future of the client (`client_for`). A LocalCluster starts in a thread, which takes
    seconds, while the caller already works; an existing cluster is connected to first, so
    a wrong address fails before anything is read. Closed on exit, once started."""
    with contextlib.ExitStack() as stack:
        if scheduler:
            ready: Future = Future()
            ready.set_result(stack.enter_context(client_for(workers, scheduler)))
            yield ready
            return
        pool = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="dask-start"))
        ready = pool.submit(stack.enter_context, client_for(workers, scheduler))
        try:
            yield ready
        finally:
            ready.result()


def ordered_map(client, function: Callable, calls: Iterable[tuple],
                bounded: bool = True) -> Iterator:
    """`function` over each argument tuple on the cluster, the results in the calls' order,
    a bounded number in flight: the regroup's chunks (claims.compare.group_figures) are
    grouped on the workers while this process stores the ones before. The first calls are
    sent at once, not when the results are first asked for, so the workers start on them
    while this process does something else; not `bounded`, every call is sent at once, for
    work whose results are small and which the workers should finish before they are asked
    for (claims.compare.send_ahead), not stop after the first few."""
    in_flight = (sum(client.nthreads().values()) or 1) * IN_FLIGHT_PER_THREAD if bounded else None
    calls = iter(calls)
    pending = deque(client.submit(function, *args, pure=False)
                    for args in itertools.islice(calls, in_flight))

    def results() -> Iterator:
        """Each result in turn, the next call sent as one is taken."""
        while pending:
            future = pending.popleft()
            for args in itertools.islice(calls, 1):
                pending.append(client.submit(function, *args, pure=False))
            yield future.result()

    return results()


def map_in_order(ready: Future, jobs: Iterable[Job], extractor: Extractor,
                 ) -> Iterator[tuple[str, Mapped]]:
    """(where, rows) for every job, in the order of `jobs`, extracted on the cluster's
    workers once `ready` holds its client. This process only reads, stores and groups: on
    a machine whose cores the workers take, extracting here too while they start slowed
    them and kept the extractor in this process's memory (benchmarks/README.md, "Why
    --workers 2"). Reading the next job waits while the cluster has its fill of chunks, so
    input, results and memory all stay bounded; the oldest chunk is collected first, so
    storage sees the articles in the order they were read."""
    client = None
    pending: deque = deque()

    def collected():
        """The oldest chunk's rows, with its articles, beside where each came from."""
        chunk, future = pending.popleft()
        return ((where, with_article(mapped, article))
                for (where, article, _), mapped in zip(chunk, future.result(), strict=True))

    for chunk in chunks(jobs):
        if client is None:
            client = ready.result()
            in_flight = (sum(client.nthreads().values()) or 1) * IN_FLIGHT_PER_THREAD
        work = [(article, extract) for _, article, extract in chunk]
        future = client.submit(extract_chunk, work, extractor, pure=False)
        pending.append((chunk, future))
        while len(pending) >= in_flight:
            yield from collected()
    while pending:
        yield from collected()
