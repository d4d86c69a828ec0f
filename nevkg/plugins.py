"""Registries of lazily imported classes (like rdflib's ``plugin.py``): name → ``"module:Class"``."""

from __future__ import annotations

import importlib
from typing import Any

from nevkg.errors import UnknownNameError

__all__ = ["instantiate"]


def instantiate(registry: dict[str, str], name: str, what: str, **options: Any) -> Any:
    """Import the class registered under ``name`` and return an instance built with ``options``.

    Raises
    ------
    UnknownNameError
        When ``name`` is not registered; the message lists the valid names.

    Examples
    --------
    >>> instantiate({"path": "pathlib:PurePosixPath"}, "path", "thing", )
    PurePosixPath('.')
    >>> instantiate({"path": "pathlib:PurePosixPath"}, "file", "thing")
    Traceback (most recent call last):
    ...
    nevkg.errors.UnknownNameError: unknown thing 'file'; choose one of: path
    """
    try:
        target = registry[name]
    except (KeyError, TypeError):
        raise UnknownNameError(f"unknown {what} '{name}'; choose one of: {', '.join(sorted(registry))}") from None
    module, cls = target.split(":")
    return getattr(importlib.import_module(module), cls)(**options)
