"""The viz page without a browser: what is drawn, what the page holds, what it never holds."""

from __future__ import annotations

import base64
import json
import re
import struct

import networkx as nx
import pytest

from nevkg.errors import QueryError, UnknownNameError
from nevkg.queries.viz import json_for_html, page_payload, render_html, subgraph_for

N = "https://w3id.org/nevkg/id/"
EVIL = ["<img src=x onerror=alert(1)>", '"><script>alert(1)</script>', "</script><script>alert(2)</script>",
        "a\u2028b\u2029c & <!-- -->"]


def _column(col: dict) -> list:
    """A base64 typed array of the page (little-endian), read with struct rather than the package's code."""
    raw = base64.b64decode(col["b64"])
    code = {"f32": "f", "f64": "d", "u8": "B", "u16": "H", "u32": "I"}[col["type"]]
    return list(struct.unpack(f"<{len(raw) // struct.calcsize(code)}{code}", raw))


def payload_of(page: str) -> dict:
    """The data island, unpacked as the page's data.js does (columns and kind tables back into objects)."""
    m = re.search(r'<script type="application/json" id="nevkg-data">(.*?)</script>', page, re.S)
    assert m, "no data island"
    data = json.loads(m.group(1))
    N, E = data["nodes"], data["edges"]
    x, y, size, value, kind = (_column(N[k]) for k in ("x", "y", "size", "value", "kind"))
    data["nodes"] = [{"id": N["ids"][i], "label": N["labels"][i],
                      **dict(zip(("type", "family", "sources", "facts", "aside"), N["kinds"][kind[i]], strict=True)),
                      "value": value[i], "size": size[i], "x": x[i], "y": y[i]} for i in range(N["count"])]
    src, dst, ekind = (_column(E[k]) for k in ("from", "to", "kind"))
    fields = ("label", "relation", "fact", "factType", "since", "until", "sources", "color")
    data["edges"] = [{"id": f"e{i}", "from": N["ids"][src[i]], "to": N["ids"][dst[i]],
                      **dict(zip(fields, E["kinds"][ekind[i]], strict=True))} for i in range(E["count"])]
    data["order"] = [N["ids"][i] for i in _column(N["order"])]
    return data


def f32(value: float) -> float:
    """A number as the page holds it in a Float32Array."""
    return struct.unpack("<f", struct.pack("<f", value))[0]


def evil_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i, label in enumerate(EVIL):
        G.add_node(f"urn:x:{i}", label=label, type="Automaker", kind_group="entity", sources=f"src{i}",
                   note=label)
    G.add_node("urn:x:cn", label="比亚迪", type="Country", kind_group="entity", sources="src0")
    G.add_edge("urn:x:0", "urn:x:1", relation="partner", words=EVIL[1], sources="src0")
    G.add_edge("urn:x:2", "urn:x:cn", relation="locatedIn", words="located in", sources="src1")
    G.graph["source_info"] = {"src0": {"title": EVIL[0], "issued": "2026-01", "publisher": EVIL[1],
                                       "url": "javascript:alert(1)"}}
    return G


# -- subgraph_for ---------------------------------------------------------------------------------------------
def test_whole_entity_graph_leaves_out_vocabulary(kg):
    G = subgraph_for(kg)
    types = {d["type"] for _, d in G.nodes(data=True)}
    assert {"Automaker", "Country"} <= types
    assert not types & {"Measure", "Unit", "ProductScope"}
    assert not any(d.get("kind_group") == "fact" for _, d in G.nodes(data=True))
    assert N + "byd" in G and G.graph["selection"] == "The whole entity graph"
    assert G.graph["source_info"]["sohu-2025-04-16-exports-in-overdrive"]["issued"] == "2025-04-16"


def test_focus_neighbourhood_has_byd_plants_and_markets(kg):
    G = subgraph_for(kg, focus="BYD")
    labels = {G.nodes[n]["label"] for n in G}
    assert {"BYD", "Thailand", "Belgium"} <= labels
    words = {(G.nodes[u]["label"], d["words"], G.nodes[v]["label"]) for u, v, d in G.edges(data=True)}
    assert ("BYD", "has a factory in", "Thailand") in words
    deeper = subgraph_for(kg, focus="BYD", depth=2)
    assert set(G) < set(deeper)


def test_path_is_the_union_of_shortest_paths(kg):
    G = subgraph_for(kg, path=("Geely", "Thailand"))
    assert N + "geely" in G or any(G.nodes[n]["label"].startswith("Geely") for n in G)
    assert N + "thailand" in G
    assert nx.has_path(G.to_undirected(as_view=True), N + "thailand",
                       next(n for n in G if G.nodes[n]["label"].startswith("Geely")))


def test_named_query_rows(fixture_kg):
    G = subgraph_for(fixture_kg, query="partnerships-of", params={"org": "Chery"})
    assert {G.nodes[n]["label"] for n in G} >= {"Chery", "Ebro"}
    assert G.number_of_edges() >= 1


def test_sparql_select_pairs_and_construct(fixture_kg):
    pairs = subgraph_for(fixture_kg, sparql="SELECT ?a ?b WHERE { ?p a nev:Partnership ; nev:partner ?a, ?b "
                                            "FILTER(STR(?a) < STR(?b)) }")
    assert sorted(pairs.nodes[n]["label"] for n in pairs) == ["Chery", "Ebro", "Uber", "WeRide"]
    built = subgraph_for(fixture_kg, sparql="CONSTRUCT { ?a nev:partner ?b } WHERE { ?p a nev:Partnership ; "
                                            "nev:partner ?a, ?b FILTER(?a != ?b) }")
    assert built.number_of_nodes() == 4 and built.number_of_edges() == 4
    assert {d["relation"] for _, _, d in built.edges(data=True)} == {"partner"}
    with pytest.raises(QueryError):
        subgraph_for(fixture_kg, sparql="ASK { ?s ?p ?o }")


def test_kinds_and_sources(kg):
    orgs = subgraph_for(kg, kinds="Organization")
    assert orgs.number_of_nodes() > 10
    assert all(d["type"] not in ("Country", "City", "Person") for _, d in orgs.nodes(data=True))
    assert "Automaker" in {d["type"] for _, d in orgs.nodes(data=True)}
    one = subgraph_for(kg, sources="nev-export-driver-2026-03")
    assert 0 < one.number_of_nodes() < subgraph_for(kg).number_of_nodes()
    assert all("nev-export-driver-2026-03" in d["sources"].split(",") for _, d in one.nodes(data=True))
    assert all("nev-export-driver-2026-03" in d["sources"].split(",") for _, _, d in one.edges(data=True))


def test_bad_options(kg):
    with pytest.raises(QueryError, match="choose one"):
        subgraph_for(kg, focus="BYD", path=("BYD", "Thailand"))
    with pytest.raises(QueryError, match="unknown kind"):
        subgraph_for(kg, kinds="Spaceship")
    with pytest.raises(UnknownNameError):
        subgraph_for(kg, focus="No Such Carmaker Anywhere")


# -- the page -------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def overview(kg, tmp_path_factory):
    G = subgraph_for(kg)
    out = render_html(G, tmp_path_factory.mktemp("viz") / "overview.html", title="nevkg overview")
    return G, out.read_text(encoding="utf-8")


def test_page_is_self_contained(overview, tmp_path, monkeypatch):
    G, page = overview
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "new Sigma(" in page and "graphology" in page and "default-src 'none'" in page
    monkeypatch.chdir(tmp_path)
    render_html(G, "out.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]  # no lib/, no temp file left


def test_payload_counts_and_facts(overview):
    G, page = overview
    data = payload_of(page)
    assert len(data["nodes"]) == G.number_of_nodes()
    assert len(data["edges"]) == G.number_of_edges()
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])
    byd = next(n for n in data["nodes"] if n["id"] == N + "byd")
    assert byd["family"] == "organization" and "sohu-2025-04-16-exports-in-overdrive" in byd["sources"]
    stats = data["stats"][N + "byd"]
    assert any(r["measure"] == "overseas sales" and r["value"] == "67,025" and r["unit"] == "vehicles"
               for r in stats)
    assert any(r["value"].startswith("≥") for r in stats)  # "more than 1,000 jobs"
    assert data["sources"]["sohu-2025-04-16-exports-in-overdrive"]["title"] == "Exports in Overdrive"
    assert data["refine"] is True and not data["notice"]
    assert {f["key"] for f in data["families"]} >= {"organization", "place"}
    factory = [e for e in data["edges"] if e["from"] == N + "byd" and e["to"] == N + "thailand"]
    assert any(e["label"] == "has a factory in" and e["sources"] for e in factory)


def test_escaping_of_labels(tmp_path):
    G = evil_graph()
    page = render_html(G, tmp_path / "evil.html", title=EVIL[0]).read_text(encoding="utf-8")
    for label in EVIL:
        assert label not in page
    assert "<img" not in page
    assert page.count("</script>") == 5  # data, three vendored scripts, the app: nothing from the data
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in page
    data = payload_of(page)
    assert [n["label"] for n in data["nodes"]][:4] == EVIL
    assert "比亚迪" in page  # UTF-8, not escaped away
    assert data["sources"]["src0"]["url"] == "javascript:alert(1)"  # kept as data; the page links http(s) only
    assert "/^https?:\\/\\//i.test" in page


def test_json_for_html_round_trips():
    obj = {"a": EVIL, "b": "\u2028\u2029<>&"}
    text = json_for_html(obj)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == obj


def test_large_graphs_are_laid_out_here_and_aggregated(tmp_path):
    from nevkg.queries.viz import demo_graph

    G = demo_graph(60)
    p = page_payload(G, layout_threshold=20)
    assert p["refine"] is False and all("x" in n and "y" in n for n in p["nodes"])
    xs = {(n["x"], n["y"]) for n in p["nodes"]}
    assert len(xs) == 60  # no two nodes on the same spot
    assert page_payload(G, layout_threshold=20)["nodes"] == p["nodes"]  # same seed, same picture
    small = page_payload(G, aggregate_threshold=40)
    assert len(small["nodes"]) <= 40 and "more than the 40" in small["notice"]
    page = render_html(G, tmp_path / "agg.html", aggregate_threshold=40).read_text(encoding="utf-8")
    assert payload_of(page)["notice"] and 'id="notice"' in page


def test_aggregation_folds_fact_nodes(tmp_path):
    G = nx.MultiDiGraph()
    for i in range(10):
        G.add_node(f"o{i}", label=f"org {i}", type="Automaker", kind_group="entity")
    for i in range(30):
        G.add_node(f"f{i}", label=f"fact {i}", type="Observation", kind_group="fact")
        G.add_edge(f"f{i}", f"o{i % 10}", relation="subject")
        G.add_edge(f"f{i}", f"o{(i + 1) % 10}", relation="destination")
    p = page_payload(G, aggregate_threshold=20)
    assert len(p["nodes"]) == 10 and "30 fact nodes" in p["notice"]
    assert all(n["family"] == "organization" for n in p["nodes"])


def test_size_by(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", type="Country", population=10)
    G.add_node("b", label="B", type="Country", population=1000)
    p = page_payload(G, size_by="population")
    assert [n["value"] for n in p["nodes"]] == [10.0, 1000.0]
    with pytest.raises(QueryError, match="population"):
        page_payload(G, size_by="label")


def test_atomic_write_keeps_old_file_on_failure(tmp_path, monkeypatch):
    out = tmp_path / "page.html"
    out.write_text("old", encoding="utf-8")
    import nevkg.queries.viz.page as viz

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(viz.os, "replace", boom)
    with pytest.raises(OSError):
        render_html(evil_graph(), out)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_empty_graph_still_makes_a_page(tmp_path):
    page = render_html(nx.MultiDiGraph(), tmp_path / "empty.html").read_text(encoding="utf-8")
    data = payload_of(page)
    assert data["nodes"] == [] and data["edges"] == []


# -- what the page keeps in the background, sizes, the packed data, file mode ---------------------------------------
def test_publishers_curators_and_unnamed_people_are_in_the_background(overview):
    G, page = overview
    data = payload_of(page)
    aside = {n["id"]: n["aside"] for n in data["nodes"] if n["aside"]}
    assert aside[N + "publisher-not-named"] == "unnamed"
    assert aside[N + "government-insider-guangzhou"] == "unnamed"
    assert aside[N + "36kr"] == "bookkeeping"
    assert N + "byd" not in aside and N + "china" not in aside and N + "chen-qingquan" not in aside
    publishers = G.graph["publishers"]
    assert publishers and all(aside.get(p) in ("bookkeeping", "unnamed") for p in publishers)
    assert sum(data["asides"].values()) == len(aside)
    # a real actor is never in the background: every automaker and country is drawn
    assert not any(n["aside"] for n in data["nodes"] if n["type"] in ("Automaker", "Country"))


def test_node_sizes_are_capped():
    from nevkg.queries.viz.payload import MAX_SIZE, MIN_SIZE

    G = nx.MultiDiGraph()
    G.add_node("hub", label="hub", type="Country")
    for i in range(200):
        G.add_node(i, label=str(i), type="City")
        G.add_edge(i, "hub", relation="locatedIn")
    sizes = {n["id"]: n["size"] for n in page_payload(G)["nodes"]}
    assert sizes["hub"] == MAX_SIZE and min(sizes.values()) >= MIN_SIZE
    assert sizes["hub"] / sizes["0"] < 4  # a node with 200 ties is not 200 times the size of a leaf


def test_packed_data_round_trips(overview):
    G, page = overview
    data = payload_of(page)
    plain = page_payload(G, title="nevkg overview")
    for n in plain["nodes"]:  # positions and sizes travel as float32
        n.update(x=f32(n["x"]), y=f32(n["y"]), size=f32(n["size"]))
    assert data["nodes"] == plain["nodes"] and data["edges"] == plain["edges"]
    # labels are placed biggest value first, then biggest node, then by label
    rank = {n["id"]: (-n["value"], -n["size"], n["label"]) for n in plain["nodes"]}
    assert data["order"] == sorted(rank, key=rank.get) and len(data["order"]) == len(plain["nodes"])
    assert len(page.encode("utf-8")) < 1_500_000


def test_page_file_is_readable_by_others(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        out = render_html(evil_graph(), tmp_path / "g.html")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_given_positions_are_kept_and_synthetic_graphs_have_them():
    from nevkg.queries.viz import synthetic_graph

    G = synthetic_graph(300, 600, clusters=5)
    assert G.number_of_nodes() == 300 and G.number_of_edges() == 600
    p = page_payload(G)
    assert p["layout"] == "given"
    assert {(n["x"], n["y"]) for n in p["nodes"]} == {(round(d["x"], 5), round(d["y"], 5))
                                                       for _, d in G.nodes(data=True)}
