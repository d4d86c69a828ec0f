"""A tiny progress bar on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["progress"]

T = TypeVar("T")


def progress(items: Iterable[T], label: str, total: int | None = None, *, enabled: bool | None = None) -> Iterator[T]:
    """Yield ``items`` while drawing ``label [####....] n/total`` on stderr.

    Off when stderr is not a terminal (pipes, CI, tests) unless ``enabled`` says otherwise.

    >>> list(progress([1, 2], "loading", enabled=False))
    [1, 2]
    """
    if enabled is None:
        enabled = sys.stderr.isatty()
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    last = 0.0
    n = 0
    for n, item in enumerate(items, 1):
        now = time.monotonic()
        if enabled and (now - last > 0.1 or n == total):
            last = now
            if total:
                done = int(30 * n / total)
                sys.stderr.write(f"\r{label} [{'#' * done}{'.' * (30 - done)}] {n}/{total}")
            else:
                sys.stderr.write(f"\r{label} {n}")
            sys.stderr.flush()
        yield item
    if enabled and n:
        sys.stderr.write("\n")
