"""Following builds: the server moves to a new build as a whole, between requests.

The build being served is a :class:`Generation`: one store folder (leased, so no build removes it while it is
read), its counts, and a pool of workers that opened exactly that folder. A watcher thread reads the store's
``current`` link twice a second; when a build has landed it prepares a whole new generation beside the old
one (lease, count, fork the workers), then switches in one assignment. A request takes a worker from the
generation current when it starts, so every answer comes from one build, and every request that starts
after the switch is answered by the new build. The old generation's idle workers stop at once, its busy
ones when their answer is sent; then its lease is released and its folder removed.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from nevkg.server.workers import WorkerPool

__all__ = ["Generation", "Builds"]

#: seconds between two looks at the store's ``current`` link
POLL = 0.5


@dataclass
class Generation:
    """One build being served: what ``/health`` says about it and the workers that answer from it."""

    build: dict  # {"id", "built", "triples"}
    graph_names: list[str]
    pool: WorkerPool
    store_dir: Path | None = None
    lease: Any = None
    _released: bool = field(default=False, repr=False)

    @property
    def triples(self) -> int:
        return self.build["triples"]

    def release(self) -> None:
        if not self._released and self.lease is not None:
            self.lease.release()
        self._released = True


def count_triples(kg: Any) -> int:
    """Quads in the store (oxigraph counts without loading anything into Python)."""
    if kg.spec.kind == "oxigraph":
        return len(kg.dataset.store._inner)
    return len(kg)


def _open_folder(spec: Any, store_dir: Path) -> Any:
    """In a worker: a read-only handle on exactly this store folder (never on whatever is current now)."""
    from nevkg.graph.knowledge_graph import KnowledgeGraph, _open_oxigraph
    from nevkg.graph.store import read_manifest

    return KnowledgeGraph(_open_oxigraph(store_dir), spec, read_manifest(store_dir))


def _in_worker(kg: Any) -> Any:
    return kg


class Builds:
    """The generation being served and the switch to the next (for the oxigraph store; see the module).

    Parameters
    ----------
    kg : KnowledgeGraph or StoreSpec
        The graph to serve. On the oxigraph store only its spec is used (a spec alone will do): the
        server leases and opens the folder ``current`` points at, and follows it. The memory and remote
        stores are served as they are.
    make_pool : callable
        ``make_pool(open_kg)`` returns a :class:`WorkerPool` whose workers call ``open_kg()``.
    """

    def __init__(self, kg: Any, make_pool: Any, poll: float = POLL) -> None:
        self.spec, self._make_pool, self._poll = getattr(kg, "spec", kg), make_pool, poll
        self._switch = threading.Lock()
        self._stop = threading.Event()
        self._retiring: list[Generation] = []
        self.switches = 0
        if self.spec.kind == "oxigraph":
            self.current = self._prepare()
            self._watcher = threading.Thread(target=self._watch, name="nevkg-builds", daemon=True)
            self._watcher.start()
        else:
            manifest = getattr(kg, "manifest", None) or {}
            built = manifest.get("built")
            build = {"id": f"{self.spec.kind}-{built}" if built else self.spec.kind, "built": built,
                     "triples": count_triples(kg)}
            self.current = Generation(build, [str(g) for g in kg.graph_names()], make_pool(partial(_in_worker, kg)))
            self._watcher = None
        self._kg = kg if self.spec.kind != "oxigraph" else None

    def describable(self, gen: Generation) -> Any:
        """What the self-description reads for ``gen``: the VoID file its build wrote, or the graph itself.

        On the oxigraph store the main process holds no open store (the workers do): the build's
        ``void.ttl`` in the generation's folder is read instead, through a stand-in with that folder's spec.
        """
        if self._kg is not None:
            return self._kg
        from types import SimpleNamespace

        from nevkg.graph.store import StoreSpec

        return SimpleNamespace(spec=StoreSpec("oxigraph", gen.store_dir.parent), manifest={}, store_dir=gen.store_dir)

    def _prepare(self) -> Generation:
        """Lease the current folder, count it and start its workers (nothing is switched yet)."""
        from nevkg.graph.store import lease_current

        lease = lease_current(self.spec.path)
        try:
            kg = _open_folder(self.spec, lease.store_dir)
            try:
                build = {"id": lease.store_dir.name, "built": kg.manifest.get("built"), "triples": count_triples(kg)}
                names = [str(g) for g in kg.graph_names()]
            finally:
                kg.close()
            pool = self._make_pool(partial(_open_folder, self.spec, lease.store_dir))
        except BaseException:
            lease.release()
            raise
        return Generation(build, names, pool, lease.store_dir, lease)

    def _watch(self) -> None:
        said = None
        while not self._stop.wait(self._poll):
            try:
                self.check()
                said = None
            except Exception as exc:  # a half-removed or unreadable store: keep serving, look again later
                text = (f"nevkg: could not switch to the new build ({type(exc).__name__}: {exc}); still serving "
                        f"{self.current.build['id']}")
                if text != said:  # once per problem, not twice a second
                    _log(text)
                    said = text

    def check(self) -> bool:
        """Switch to the build ``current`` points at, if it is not the one served; whether it switched."""
        from nevkg.graph.store import current_store_dir

        with self._switch:
            if self._stop.is_set():
                return False
            target = current_store_dir(self.spec.path)
            if target is None or target == self.current.store_dir:
                return False
            new = self._prepare()
            old, self.current = self.current, new  # requests from now on take the new build's workers
            self.switches += 1
            self._retiring.append(old)
        _log(f"nevkg: now serving build {new.build['id']} ({new.triples} triples); build {old.build['id']} "
             f"stops when its running queries finish")
        old.pool.retire(partial(self._retired, old))
        return True

    def _retired(self, gen: Generation) -> None:
        """The last worker of an old generation is gone: let go of its folder and remove it (off-thread)."""
        def clean() -> None:
            from nevkg.graph.store import remove_unused

            gen.release()
            if gen in self._retiring:
                self._retiring.remove(gen)
            if not self._stop.is_set():
                try:
                    for folder in remove_unused(self.spec.path):
                        _log(f"nevkg: removed the old store {folder.name}")
                except OSError as exc:
                    _log(f"nevkg: could not remove old stores: {exc}")

        threading.Thread(target=clean, name="nevkg-retire", daemon=True).start()

    def close(self) -> None:
        """Stop the watcher and every worker; release the leases."""
        self._stop.set()
        with self._switch:
            gens = [self.current, *self._retiring]
        for gen in gens:
            gen.pool.close()
            gen.release()
        if self._watcher is not None:
            self._watcher.join(timeout=2)


def _log(text: str) -> None:
    try:
        print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass
