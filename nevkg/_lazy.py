"""Lazy package exports: a package names what it offers, and a submodule loads only when one of its names is used.

So ``import nevkg.ingest.pipeline`` (which first runs ``nevkg/ingest/__init__.py``) does not also load the review
and accept half with rdflib and the record schemas, and ``nevkg --help`` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for a package whose names live in submodules loaded on first use.

    Parameters
    ----------
    package : str
        The package's ``__name__`` (for the error message).
    exports : dict
        Each public name → the module that defines it.

    Returns
    -------
    tuple
        The package's module-level ``__getattr__`` and ``__dir__`` (PEP 562).

    Examples
    --------
    >>> getattr_, dir_ = lazy_exports("demo", {"dumps": "json"})
    >>> getattr_("dumps")([1])
    '[1]'
    >>> getattr_("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'demo' has no attribute 'nothing'
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module '{package}' has no attribute '{name}'")
        return getattr(importlib.import_module(module), name)

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
