"""The graph layer never imports the query layer (DESIGN §1: ontology ← loaders → graph ← queries)."""

import pkgutil
import subprocess
import sys

import nevkg.graph


def test_graph_modules_import_no_queries_module():
    modules = sorted(m.name for m in pkgutil.iter_modules(nevkg.graph.__path__, "nevkg.graph."))
    assert "nevkg.graph.remote" in modules and "nevkg.graph.build" in modules
    code = (f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
            "print(sorted(m for m in sys.modules if m.startswith('nevkg.queries')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_remote_query_form_comes_from_the_graph_layer():
    # the remote store asks for a query's form; that check lives in the graph layer, re-exported by queries
    from nevkg.graph.sparql_form import query_type
    from nevkg.queries import sparql

    assert sparql.query_type is query_type
    assert query_type("ASK { ?s ?p ?o }") == "ASK"


def test_no_graph_module_imports_queries_even_lazily():
    # an import inside a function (the old circle: graph/remote → queries/sparql) counts too
    import ast
    from pathlib import Path

    offenders = []
    for path in sorted(Path(nevkg.graph.__path__[0]).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            offenders += [f"{path.name}:{node.lineno} {n}" for n in names if n.startswith("nevkg.queries")]
    assert offenders == []
