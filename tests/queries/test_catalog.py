"""The named queries' catalogue: listed and read without rdflib, in step with the library's converters."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from nevkg.queries.catalog import PARAM_TYPE_NAMES, get_query, list_queries


def test_every_declared_type_has_a_converter():
    from nevkg.queries.library import PARAM_TYPES

    assert tuple(PARAM_TYPES) == PARAM_TYPE_NAMES
    assert {p.type for q in list_queries() for p in q.params} <= set(PARAM_TYPE_NAMES)


def test_listing_the_queries_imports_no_rdflib():
    """`nevkg ask --list` (table and json) reads the headers only; the library and rdflib stay unloaded."""
    code = textwrap.dedent("""
        import json, sys
        from click.testing import CliRunner
        from nevkg.cli import main
        out = {fmt: CliRunner().invoke(main, ["ask", "--list", "--format", fmt]) for fmt in ("table", "json")}
        assert all(r.exit_code == 0 for r in out.values()), {k: r.output for k, r in out.items()}
        print(json.dumps({"json": json.loads(out["json"].output), "table": out["table"].output,
                          "loaded": sorted(m for m in sys.modules if m.split(".")[0] == "rdflib"
                                           or m == "nevkg.queries.library")}))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["loaded"] == []
    names = [q.name for q in list_queries()]
    assert [q["name"] for q in out["json"]] == names and len(names) > 40
    assert all(name in out["table"] for name in names)
    share = next(q for q in out["json"] if q["name"] == "trade-share")
    assert [p["name"] for p in share["parameters"]] == [p.name for p in get_query("trade-share").params]
