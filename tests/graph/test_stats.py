"""Graph counts: pyoxigraph alone (store_stats) gives exactly what the KnowledgeGraph path (graph_stats) gives."""

from __future__ import annotations

import subprocess
import sys

import pytest

from nevkg.graph.build import build
from nevkg.graph.knowledge_graph import open_graph
from nevkg.graph.stats import graph_stats, store_stats

STATS_TABLE = "tests/resources/stats/comtrade-small.csv"


@pytest.mark.parametrize("inputs", [[], [STATS_TABLE]], ids=["shipped", "shipped+table"])
def test_store_stats_equal_graph_stats(tmp_path, monkeypatch, inputs):
    monkeypatch.setenv("NEVKG_HOME", str(tmp_path / "home"))
    spec = f"oxigraph:{tmp_path / 'kg'}"
    build(spec, inputs).close()
    with open_graph(spec) as kg:
        expected = graph_stats(kg)
    got = store_stats(spec)
    assert got == expected
    assert got.triples > 1000 and got.per_class and got.per_source and got.per_relation and got.facts > 0
    assert any(s["title"] for s in got.per_source) and any(s["facts"] for s in got.per_source)


def test_store_stats_is_for_the_embedded_store_only(tmp_path):
    assert store_stats("memory") is None
    assert store_stats(f"oxigraph:{tmp_path / 'nothing-built'}") is None


def test_nevkg_stats_imports_no_rdflib(tmp_path):
    spec = f"oxigraph:{tmp_path / 'kg'}"
    build(spec, ["tests/resources/records"], shipped=False).close()
    script = ("import sys, json; from click.testing import CliRunner; from nevkg.cli import main; "
              f"r = CliRunner().invoke(main, ['stats', '--store', {spec!r}, '--format', 'json']); "
              "assert r.exit_code == 0, r.output; "
              "print(json.dumps([json.loads(r.output)['per_class'], "
              "sorted(m for m in sys.modules if m.split('.')[0] in ('rdflib', 'pyshacl', 'networkx'))]))")
    import json

    per_class, loaded = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                                  check=True).stdout)
    assert per_class["Partnership"] == 2 and loaded == []
