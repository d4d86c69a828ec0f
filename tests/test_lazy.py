"""Lazy package exports: every name resolves to what its module defines, and none is also a submodule's name
(after that submodule loads, Python would bind the package attribute to the module instead)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

PACKAGES = ["nevkg.ingest", "nevkg.ingest.review", "nevkg.loaders"]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_export_resolves_and_none_is_a_submodule(name):
    package = importlib.import_module(name)
    submodules = {m.name for m in pkgutil.iter_modules(package.__path__)}
    assert set(package.__all__) == set(package._EXPORTS)
    for export, module in package._EXPORTS.items():
        assert export not in submodules, f"{name}.{export} is also a submodule"
        assert getattr(package, export) is getattr(importlib.import_module(module), export)
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        package.nothing  # noqa: B018
