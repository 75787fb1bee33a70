"""Batch review into a run folder that survives anything: each bundle's outputs are written the moment it is
done, atomically, and listed in an append-only manifest; a rerun with `resume` skips what is already done.

Layout of a run folder (created 0700; every file 0600; a symlink at an output path is replaced, never
followed):

    manifest.jsonl              one line per finished bundle: path, content hash, status, error, outputs, timings
    <name>.json / .md / .html   the record, the summary, the page; <name>.records-request.md when it pends,
                                <name>.denial-letter.md when the request does not meet the criteria

`<name>` is the bundle's id, with a short content hash added when another bundle of the run has that id.
Bundles are reviewed in worker processes (`workers`), each building its `Reviewer` once; a bundle that
crashes its worker, exceeds `timeout` seconds or `max_memory` bytes is recorded as failed with the reason,
and the batch goes on.
"""

from __future__ import annotations

import collections
import hashlib
import itertools
import json
import multiprocessing
import os
import queue
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from abstractor.core.settings import Settings

MANIFEST = "manifest.jsonl"
HASH_CHUNK = 1 << 20


@dataclass
class Done:
    """One bundle's line in the manifest."""

    bundle: str  # the path as given
    hash: str  # the bundle's content hash
    status: str  # reviewed, failed
    name: str | None = None  # the outputs' file stem
    outcome: str | None = None
    indication: str | None = None
    approval_months: int | None = None
    error: str | None = None
    skipped: int = 0  # files of the bundle that could not be read
    seconds: float = 0.0
    peak_mib: float | None = None  # the worker's peak memory so far
    outputs: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)  # each output's bytes, checked on resume


def content_hash(path: Path) -> str:
    """A bundle's content hash: its files' relative names and bytes (a zip: its bytes), streamed."""
    digest = hashlib.sha256()
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink()):
            digest.update(file.relative_to(path).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            _feed(digest, file)
    elif path.is_file():
        _feed(digest, path)
    else:
        digest.update(os.fsencode(str(path)))
    return digest.hexdigest()


def _feed(digest, file: Path) -> None:
    try:
        with file.open("rb") as stream:
            while chunk := stream.read(HASH_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        digest.update(f"unreadable:{exc.errno}".encode())


class RunFolder:
    """The run folder: private outputs written atomically, and the manifest appended line by line."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.manifest = folder / MANIFEST

    def done(self) -> dict[str, Done]:
        """The bundles already reviewed in this folder, by content hash (their outputs present)."""
        found: dict[str, Done] = {}
        if not self.manifest.is_file():
            return found
        for line in self.manifest.read_text(encoding="utf-8").splitlines():
            try:
                entry = Done(**json.loads(line))
            except (ValueError, TypeError):
                continue  # a line cut off by a kill: that bundle is done again
            if entry.status == "reviewed" and all(self._complete(o, entry.sizes.get(o)) for o in entry.outputs):
                found[entry.hash] = entry
        return found

    def _complete(self, output: str, size: int | None) -> bool:
        """The output is there, whole: a machine that lost power may keep a renamed file's name without its
        bytes (outputs are renamed into place but not forced to disk, which would cost a disk flush each)."""
        path = self.folder / output
        if not path.is_file() or path.is_symlink():
            return False
        return size is None or path.stat().st_size == size

    def names_taken(self) -> set[str]:
        """The output stems the manifest already uses."""
        return {d.name for d in self.done().values() if d.name}

    def record(self, entry: Done) -> None:
        """Append the bundle's line to the manifest in one write, after its outputs are in place. A process
        killed at any point leaves whole lines, or a cut last line that `done` ignores."""
        fd = os.open(self.manifest, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, (json.dumps(asdict(entry)) + "\n").encode("utf-8"))
        finally:
            os.close(fd)


def write_private(path: Path, text: str) -> int:
    """Write a file atomically (a private temporary file, then a rename over the name): a reader never sees
    half a file, and a symlink planted at the name is replaced, never followed. Returns its size in bytes.

    The file is not forced to disk (fsync, a disk flush per file): a killed process loses nothing written,
    and after a power loss `--resume` finds a file whose size differs from its manifest line and reviews
    that bundle again."""
    data = text.encode("utf-8")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        return len(data)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --- the work of one bundle, in a worker process ------------------------------------------------------------

_reviewer = None


def _start_worker(settings: Settings, max_memory: int | None) -> None:
    """Build the worker's Reviewer once; bound its memory when asked."""
    global _reviewer
    if max_memory:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
    from abstractor.pipeline import Reviewer

    _reviewer = Reviewer(settings)


def review_one(path: str, folder: str, name: str, digest: str) -> Done:
    """Review one bundle and write its outputs into the run folder; any failure becomes a failed Done."""
    from abstractor.core.record import FailedReview
    from abstractor.report.html import render_html

    started = time.perf_counter()
    (result,) = list(_reviewer.review_each([path]))
    out = Path(folder)
    if isinstance(result, FailedReview):
        return Done(path, digest, "failed", name, error=result.error, seconds=round(time.perf_counter() - started, 3))
    record = result.record
    outputs = {
        f"{name}.json": record.model_dump_json(indent=2) + "\n",  # the JSON of --format json, 3x faster
        f"{name}.md": record.determination.summary_markdown,
        f"{name}.html": render_html(record, result.documents, result.references, result.decision),
    }
    if result.records_request:
        outputs[f"{name}.records-request.md"] = result.records_request
    if result.denial_letter:
        outputs[f"{name}.denial-letter.md"] = result.denial_letter
    sizes = {file: write_private(out / file, text) for file, text in outputs.items()}
    return Done(
        path,
        digest,
        "reviewed",
        name,
        outcome=record.determination.outcome,
        indication=record.determination.indication,
        approval_months=record.determination.approval_months,
        skipped=len(record.skipped),
        seconds=round(time.perf_counter() - started, 3),
        peak_mib=_peak_mib(),
        outputs=list(outputs),
        sizes=sizes,
    )


def _peak_mib() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _worker_loop(settings: Settings, max_memory: int | None, tasks, results) -> None:
    try:
        _start_worker(settings, max_memory)
    except BaseException as exc:  # the worker cannot start: say why, once
        results.put(("start-failed", f"{type(exc).__name__}: {exc}"))
        return
    while (task := tasks.get()) is not None:
        results.put(("started", task[0]))
        try:
            results.put(("done", review_one(*task)))
        except MemoryError:
            results.put(("done", Done(task[0], task[3], "failed", task[2], error="out of memory (--max-memory)")))
        except BaseException as exc:  # a bug must not cost the batch; the message holds no chart text
            results.put(
                ("done", Done(task[0], task[3], "failed", task[2], error=f"internal error: {type(exc).__name__}"))
            )


# --- the batch ------------------------------------------------------------------------------------------------


@dataclass
class Batch:
    """A batch run's options."""

    folder: Path
    settings: Settings
    workers: int = 1
    timeout: float | None = None  # seconds per bundle
    max_memory: int | None = None  # bytes per worker
    resume: bool = False


def plan(batch: Batch, paths: Iterable[Path]) -> Iterator[tuple[str, str, str, str] | Done]:
    """Each bundle's task (path, run folder, output name, content hash), or its Done when `resume` finds its
    content already reviewed. Lazy: a bundle is hashed when its turn comes, so the first review starts at
    once however many bundles follow."""
    run = RunFolder(batch.folder)
    done = run.done() if batch.resume else {}
    taken = run.names_taken() if batch.resume else set()
    for path in paths:
        digest = content_hash(path)
        if digest in done:
            yield done[digest]
            continue
        stem = path.stem if path.suffix.lower() == ".zip" else path.name
        name = stem if stem not in taken else f"{stem}-{digest[:8]}"
        taken.add(name)
        yield (str(path), str(batch.folder), name, digest)


def _split(items: Iterator[tuple[str, str, str, str] | Done], resumed: list[Done]) -> Iterator[tuple[str, ...]]:
    """The tasks of a plan; the bundles already done are set aside in `resumed` as they are met."""
    for item in items:
        if isinstance(item, Done):
            resumed.append(item)
        else:
            yield item


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run(batch: Batch, paths: Iterable[Path], progress: Callable[[Done], None] | None = None) -> Iterator[Done]:
    """Review the bundles into the run folder, yielding each bundle's Done as it finishes (in any order); with
    `resume`, the bundles already done are yielded too, as the plan meets them."""
    run_folder = RunFolder(batch.folder)
    resumed: list[Done] = []
    for done in _pool(batch, _split(plan(batch, paths), resumed)):
        yield from _drain(resumed)
        run_folder.record(done)
        if progress is not None:
            progress(done)
        yield done
    yield from _drain(resumed)


def _drain(items: list[Done]) -> Iterator[Done]:
    while items:
        yield items.pop(0)


def run_on_dask(batch: Batch, paths: Iterable[Path], scheduler: str) -> Iterator[Done]:
    """The same per-bundle work on a dask.distributed cluster: `scheduler` is a scheduler address
    (tcp://host:8786) or "local" for a LocalCluster on loopback with `workers` processes. The run folder must
    be on storage every worker can write (a shared file system); the manifest is written here, as bundles
    finish, so --resume works the same."""
    from distributed import Client, LocalCluster, as_completed

    resumed: list[Done] = []
    todo = _split(plan(batch, paths), resumed)
    first = next(todo, None)
    yield from _drain(resumed)
    if first is None:
        return
    run_folder = RunFolder(batch.folder)
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=max(1, batch.workers),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            memory_limit=batch.max_memory or "auto",
        )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        # A window of bundles in flight, refilled as they finish: bundles are hashed and sent as the cluster
        # takes them, never all up front.
        window = 4 * max(1, batch.workers)
        futures = {}
        finished = as_completed()
        for task in itertools.chain([first], itertools.islice(todo, window - 1)):
            future = client.submit(_review_on_dask, batch.settings, *task, pure=False)
            futures[future] = task
            finished.add(future)
        for future in finished:
            task = futures.pop(future)
            following = next(todo, None)
            if following is not None:
                new = client.submit(_review_on_dask, batch.settings, *following, pure=False)
                futures[new] = following
                finished.add(new)
            yield from _drain(resumed)
            try:
                done = future.result()
            except Exception as exc:  # a worker lost or killed: the message names the bundle, not its text
                done = Done(
                    task[0], task[3], "failed", task[2], error=f"{task[0]}: {type(exc).__name__} on the cluster"
                )
            run_folder.record(done)
            yield done
        yield from _drain(resumed)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _review_on_dask(settings: Settings, path: str, folder: str, name: str, digest: str) -> Done:
    """One bundle on a dask worker: the worker process builds its Reviewer on its first bundle."""
    if _reviewer is None:
        _start_worker(settings, None)
    try:
        return review_one(path, folder, name, digest)
    except Exception as exc:  # the message holds no chart text
        return Done(path, digest, "failed", name, error=f"internal error: {type(exc).__name__}")


def _pool(batch: Batch, todo: Iterator[tuple[str, ...]]) -> Iterator[Done]:
    """A pool of worker processes, each with its own Reviewer; a worker that dies or overruns the timeout is
    replaced and its bundle recorded as failed. With no workers (0) the bundles are reviewed in this process,
    one after another (no timeout then)."""
    first = next(todo, None)
    if first is None:
        return
    if batch.workers == 0:
        _start_worker(batch.settings, None)
        for task in itertools.chain([first], todo):
            try:
                yield review_one(*task)
            except Exception as exc:  # the message holds no chart text
                yield Done(task[0], task[3], "failed", task[2], error=f"internal error: {type(exc).__name__}")
        return
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers: dict[int, tuple] = {}  # slot -> (process, task queue, task, started)
    pending = itertools.chain([first], todo)
    # A few tasks planned ahead (their bundles hashed), so that a worker that finishes is given its next bundle
    # at once, before this process writes the manifest line and hashes the bundle after.
    ready: collections.deque = collections.deque()

    def plan_ahead() -> None:
        while len(ready) < max(1, batch.workers):
            task = next(pending, None)
            if task is None:
                return
            ready.append(task)

    def start(slot: int) -> None:
        tasks = context.Queue()
        process = context.Process(
            target=_worker_loop, args=(batch.settings, batch.max_memory, tasks, results), daemon=True
        )
        process.start()
        workers[slot] = (process, tasks, None, None)

    def give(slot: int) -> None:
        process, tasks, _, _ = workers[slot]
        if not ready:
            plan_ahead()
        task = ready.popleft() if ready else None
        if task is not None:
            tasks.put(task)
            workers[slot] = (process, tasks, task, None)  # the clock starts when the worker starts the bundle
        else:
            tasks.put(None)
            workers[slot] = (process, tasks, None, None)

    for slot in range(max(1, batch.workers)):
        start(slot)
        give(slot)
        if workers[slot][2] is None:  # fewer bundles than workers
            break
    while any(task is not None for _, _, task, _ in workers.values()):
        try:
            kind, payload = results.get(timeout=0.5)
        except queue.Empty:
            kind, payload = None, None
        if kind == "start-failed":  # no worker can review anything: every bundle left fails with the reason
            for process, _, _, _ in workers.values():
                process.kill()
            stranded = [task for _, _, task, _ in workers.values() if task is not None] + list(ready) + list(pending)
            for task in stranded:
                yield Done(
                    task[0],
                    task[3],
                    "failed",
                    task[2],
                    error=f"{task[0]}: the review worker could not start ({payload})",
                )
            return
        if kind == "started":
            slot = next(s for s, (_, _, task, _) in workers.items() if task is not None and task[0] == payload)
            process, tasks, task, _ = workers[slot]
            workers[slot] = (process, tasks, task, time.monotonic())
            continue
        if kind == "done":
            slot = next(s for s, (_, _, task, _) in workers.items() if task is not None and task[0] == payload.bundle)
            give(slot)
            yield payload
            plan_ahead()
            continue
        now = time.monotonic()
        for slot, (process, _, task, started) in list(workers.items()):
            if task is None:
                continue
            overdue = batch.timeout is not None and started is not None and now - started > batch.timeout
            if overdue or not process.is_alive():
                process.kill()
                process.join()
                reason = (
                    f"took longer than {batch.timeout:g} s (--bundle-timeout)"
                    if overdue
                    else f"the review worker stopped (exit code {process.exitcode}; out of memory?)"
                )
                yield Done(task[0], task[3], "failed", task[2], error=f"{task[0]}: {reason}")
                start(slot)
                give(slot)
    for process, _, _, _ in workers.values():
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
