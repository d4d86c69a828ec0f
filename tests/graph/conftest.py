"""Fixtures of the graph layer's tests: counting pyshacl runs, a record that violates the shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

#: a partnership with one partner: the shapes ask for at least two
LONELY = """@prefix nev: <https://w3id.org/nevkg/ontology#> .
    <https://w3id.org/nevkg/id/lonely> a nev:Partnership ; <http://www.w3.org/2000/01/rdf-schema#label> "x" ;
        nev:partnershipKind nev:Cooperation ; nev:partner <https://w3id.org/nevkg/id/chery> ."""


@pytest.fixture
def runs(monkeypatch) -> list[int]:
    """Counts pyshacl runs of the build (each fresh validation appends one)."""
    from nevkg.graph import build_hooks

    calls: list[int] = []
    real = build_hooks.validate_graph

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(build_hooks, "validate_graph", counted)
    return calls


@pytest.fixture
def lonely(tmp_path: Path) -> Path:
    """A Turtle file holding a partnership with a single partner (a shape violation)."""
    path = tmp_path / "bad.ttl"
    path.write_text(LONELY, encoding="utf-8")
    return path
