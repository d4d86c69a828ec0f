"""Analytics over the entity graph: paths, neighbourhoods, rankings, footprints, exposure, communities."""

from __future__ import annotations

import networkx as nx
import pytest

from nevkg.errors import QueryError, UnknownNameError
from nevkg.queries.analytics import (
    HUB_KINDS,
    communities,
    entity_graph,
    exposure,
    footprint,
    neighbor_table,
    neighbors,
    path,
    path_text,
    rank,
)

N = "https://w3id.org/nevkg/id/"
DRIVER = "nev-export-driver-2026-03"
SOHU = "sohu-2025-04-16-exports-in-overdrive"
SPICEUP = "spiceup-2022-12-ev-exports-record-november"
KR36 = "36kr-2026-02-11-guangzhou-nev-exports"


@pytest.fixture(scope="module")
def G(kg):
    return entity_graph(kg)


def labels(G, nodes) -> set[str]:
    return {G.nodes[n]["label"] for n in nodes}


def assert_hops_are_edges(G, hops) -> None:
    """Every hop is an edge of G in the stated direction, with the stated words, fact and sources."""
    for hop in hops:
        u, v = (hop["from_id"], hop["to_id"]) if hop["direction"] == "forward" else (hop["to_id"], hop["from_id"])
        assert hop["from"] == G.nodes[hop["from_id"]]["label"] and hop["to"] == G.nodes[hop["to_id"]]["label"]
        matches = [d for d in G.get_edge_data(u, v, default={}).values()
                   if d["words"] == hop["relation"] and d.get("fact", "") == hop["fact"]
                   and sorted(filter(None, d["sources"].split(","))) == hop["sources"]]
        assert matches, hop
    for first, second in zip(hops, hops[1:], strict=False):
        assert first["to_id"] == second["from_id"]


# -- the entity graph ---------------------------------------------------------------------------------------
def test_entity_graph_is_the_collapsed_projection_plus_words(G, kg):
    C = kg.to_networkx(collapse_facts=True)
    assert list(G.nodes) == list(C.nodes)
    ours = sorted((u, v, k, d["relation"], d["label"], d["sources"]) for u, v, k, d in G.edges(keys=True, data=True))
    theirs = sorted((u, v, k, d["relation"], d["label"], d["sources"]) for u, v, k, d in C.edges(keys=True, data=True))
    assert ours == theirs
    assert all(d["words"] for _, _, d in G.edges(data=True))
    exports = G.edges[N + "geely", N + "kyrgyzstan", "marketPresence " + N + "geely-exports-kyrgyzstan"]
    assert (exports["words"], exports["factType"], exports["factLabel"]) == (
        "exports to", "MarketPresence", "Geely NEV exports to Kyrgyzstan")
    # a licence with no issuer makes no pairwise edge, but its participants are kept for footprint/exposure
    licence = G.graph["facts"][N + "abu-dhabi-fully-driverless-licence-weride"]
    assert set(licence["roles"]) == {"jurisdiction", "targets"}
    assert entity_graph(G) is G


def test_entity_graph_accepts_the_projections(G, kg):
    from_facts = entity_graph(kg.to_networkx())
    assert sorted(from_facts.edges(keys=True)) == sorted(G.edges(keys=True))
    from_collapsed = entity_graph(kg.to_networkx(collapse_facts=True))
    assert sorted(from_collapsed.edges(keys=True)) == sorted(G.edges(keys=True))
    assert {o["organization"] for o in exposure(from_collapsed, N + "middle-east")} >= {"WeRide", "Uber"}
    with pytest.raises(QueryError, match="KnowledgeGraph"):
        entity_graph("not a graph")


# -- paths --------------------------------------------------------------------------------------------------
def test_path_geely_kyrgyzstan_is_one_sourced_hop(G):
    assert path(G, N + "geely", N + "kyrgyzstan") == [[{
        "from": "Geely", "from_id": N + "geely", "relation": "exports to", "via": "Geely NEV exports to Kyrgyzstan",
        "fact": N + "geely-exports-kyrgyzstan", "to": "Kyrgyzstan", "to_id": N + "kyrgyzstan",
        "sources": [DRIVER], "direction": "forward", "subject": "Geely", "object": "Kyrgyzstan",
        "sentence": "Geely exports to Kyrgyzstan"}]]


def test_path_ningbo_customs_kyrgyzstan_reads_naturally(G):
    [hops] = path(G, N + "ningbo-customs", N + "kyrgyzstan")
    assert path_text(hops) == ("Ningbo Customs → is based in → Ningbo ← has a production base in ← Geely "
                               "→ exports to → Kyrgyzstan")
    assert [h["direction"] for h in hops] == ["forward", "backward", "forward"]
    assert [h["via"] for h in hops] == ["", "Geely NEV manufacturing facilities in Ningbo",
                                        "Geely NEV exports to Kyrgyzstan"]
    assert [h["sources"] for h in hops] == [[DRIVER], [DRIVER], [DRIVER]]
    assert_hops_are_edges(G, hops)
    # three hops is the fewest, and of the three-hop routes the specific one beats those through the China hub
    U = nx.Graph(G).subgraph(n for n, d in G.nodes(data=True) if d["type"] not in HUB_KINDS)
    assert nx.shortest_path_length(U, N + "ningbo-customs", N + "kyrgyzstan") == 3
    assert len(list(nx.all_shortest_paths(U, N + "ningbo-customs", N + "kyrgyzstan"))) > 1


def test_max_paths_gives_distinct_alternatives_shortest_first(G):
    paths = path(G, N + "ningbo-customs", N + "kyrgyzstan", max_paths=4)
    assert len(paths) == 4
    assert paths[0] == path(G, N + "ningbo-customs", N + "kyrgyzstan")[0]
    sequences = [tuple([p[0]["from_id"]] + [h["to_id"] for h in p]) for p in paths]
    assert len(set(sequences)) == 4
    assert [len(p) for p in paths] == sorted(len(p) for p in paths)
    assert len(paths[1]) == 3  # the other three-hop routes, through China
    assert N + "china" in sequences[1]
    for p in paths:
        assert p[0]["from_id"] == N + "ningbo-customs" and p[-1]["to_id"] == N + "kyrgyzstan"
        assert_hops_are_edges(G, p)


def test_via_a_node_kind_changes_the_path(G):
    direct = path(G, N + "geely", N + "kyrgyzstan")
    # Kyrgyzstan is tied only to Geely and to Asia (a region containing China: a vague hub), so no path
    # reaches it through a city unless vague hubs are allowed
    assert path(G, N + "geely", N + "kyrgyzstan", via="city") == []
    through_city = path(G, N + "geely", N + "kyrgyzstan", via="city", max_paths=2, vague=True)
    assert len(through_city) == 2 and through_city[0] != direct[0]
    for p in through_city:
        inner = [h["to_id"] for h in p[:-1]]
        assert any(G.nodes[n]["type"] == "City" for n in inner)
        assert_hops_are_edges(G, p)
    assert through_city[0][0]["to"] == "Ningbo"
    [p] = path(G, N + "ningbo-customs", N + "kyrgyzstan", via="City")
    assert p[0]["to"] == "Ningbo"


def test_via_a_fact_kind_needs_such_a_hop(G):
    for p in path(G, N + "geely", N + "kyrgyzstan", via="ProductionSite", max_paths=2):
        assert any(G.graph["facts"].get(h["fact"], {}).get("type") == "ProductionSite" for h in p)
        assert_hops_are_edges(G, p)
    [p] = path(G, N + "ningbo-customs", N + "kyrgyzstan", via="MarketPresence")
    assert p[-1]["relation"] == "exports to"


def test_no_path_is_an_empty_list(G):
    H = G.copy()
    H.add_node("urn:example:isolated", label="Isolated", type="Automaker")
    assert path(H, N + "geely", "urn:example:isolated") == []
    assert path(H, N + "geely", N + "kyrgyzstan", via="Port") == []  # the one port is not on the way


def test_hubs_are_not_shortcuts(G):
    for p in path(G, N + "byd", N + "geely", max_paths=5):
        assert not {G.nodes[h["to_id"]]["type"] for h in p[:-1]} & HUB_KINDS


@pytest.mark.parametrize("call", [
    lambda G: path(G, N + "no-such-thing", N + "kyrgyzstan"),
    lambda G: path(G, N + "geely", "Kyrgyzstan"),
    lambda G: neighbors(G, N + "no-such-thing"),
    lambda G: footprint(G, N + "no-such-thing"),
    lambda G: exposure(G, N + "no-such-thing"),
])
def test_unknown_node_ids(G, call):
    with pytest.raises(UnknownNameError, match="unknown"):
        call(G)


@pytest.mark.parametrize("call, message", [
    (lambda G: path(G, N + "geely", N + "kyrgyzstan", max_paths=0), "max_paths"),
    (lambda G: path(G, N + "geely", N + "kyrgyzstan", via="Spaceship"), "unknown kind 'Spaceship'.*Automaker"),
    (lambda G: path(G, N + "geely", N + "geely"), "two different"),
    (lambda G: neighbors(G, N + "geely", depth=-1), "depth"),
    (lambda G: neighbors(G, N + "geely", kinds=["Planet"]), "unknown kind"),
    (lambda G: rank(G, measure="closeness"), "degree, pagerank, betweenness"),
    (lambda G: rank(G, top=0), "top"),
    (lambda G: exposure(G, N + "byd"), "not a place"),
    (lambda G: communities(G, seed="x"), "seed"),
])
def test_bad_options(G, call, message):
    with pytest.raises(QueryError, match=message):
        call(G)


# -- neighbourhoods -----------------------------------------------------------------------------------------
def test_neighbors_depth_and_kinds(G):
    one = neighbors(G, N + "byd")
    assert labels(G, one) == {"BYD", "Belgium", "China", "Germany", "Jiemian News", "Middle East", "Netherlands",
                              "Norway", "South America", "Southeast Asia", "Thailand", "The Spiceup News",
                              "overseas markets"}
    two = neighbors(G, N + "byd", depth=2)
    assert set(one) < set(two) and len(two) == 101  # (the Gulf Cooperation Council in the Middle East, ASEAN in
    # Southeast Asia among them)
    assert {N + "gulf-cooperation-council", N + "asean"} <= set(two)
    assert {two.nodes[n]["distance"] for n in two} == {0, 1, 2}
    assert not {two.nodes[n]["type"] for n in two} & HUB_KINDS
    countries = neighbors(G, N + "byd", kinds="Country")
    assert labels(G, countries) == {"BYD", "Belgium", "China", "Germany", "Netherlands", "Norway", "Thailand"}
    assert {G.nodes[n]["type"] for n in neighbors(G, N + "byd", depth=2, kinds=["country"])} == {"Automaker",
                                                                                                 "Country"}
    assert isinstance(one, nx.MultiDiGraph) and one.has_edge(N + "byd", N + "thailand")


def test_neighbor_table(G):
    sub = neighbors(G, N + "byd", depth=2, kinds=["Country"])
    rows = neighbor_table(G, N + "byd", sub)
    assert N + "byd" not in {r["id"] for r in rows}
    assert [r["distance"] for r in rows] == sorted(r["distance"] for r in rows)
    thailand = next(r for r in rows if r["label"] == "Thailand")
    assert thailand["type"] == "Country" and thailand["distance"] == 1
    assert "BYD → has a factory in → Thailand" in thailand["relations"]
    far = [r for r in rows if r["distance"] == 2]
    assert far and all(r["relations"] for r in far)  # each says how it hangs off a nearer node


# -- rankings -----------------------------------------------------------------------------------------------
def test_rank_degree(G):
    assert rank(G, top=1) == [{"id": N + "china", "label": "China", "type": "Country", "score": 72}]
    automakers = rank(G, kinds="Automaker")
    assert {r["type"] for r in automakers} == {"Automaker"}
    assert automakers[0]["label"] == "XPeng Motors" and automakers[0]["score"] == 19
    assert [r["label"] for r in automakers[:3]] == ["XPeng Motors", "GAC Aion", "BYD"]  # GAC Aion acts as an automaker
    keys = [(-r["score"], r["label"].casefold()) for r in automakers]
    assert keys == sorted(keys)
    neighbours = set(nx.Graph(G).neighbors(N + "byd"))
    byd = next(r for r in automakers if r["label"] == "BYD")
    assert byd["score"] == len({n for n in neighbours if G.nodes[n]["type"] not in HUB_KINDS})


# (betweenness: GAC Aion just ahead of XPeng since the world regions joined the shipped places, 0.088 to 0.087)
@pytest.mark.parametrize("measure, top", [("pagerank", "XPeng Motors"), ("betweenness", "GAC Aion")])
def test_rank_other_measures(G, measure, top):
    rows = rank(G, measure=measure, kinds=["Automaker"], top=3)
    assert len(rows) == 3 and rows[0]["label"] == top
    assert all(0 < r["score"] <= 1 for r in rows)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert rank(G, measure=measure, top=1)[0]["label"] == "China"


def test_pagerank_sums_to_one(G):
    assert sum(r["score"] for r in rank(G, measure="pagerank")) == pytest.approx(1.0, abs=1e-3)


# -- footprint and exposure ---------------------------------------------------------------------------------
def test_footprint_of_byd(G):
    places = {p["place"]: p for p in footprint(G, N + "byd")}
    factory = [t for t in places["Thailand"]["ties"] if t["fact"] == N + "byd-thailand-factory"]
    assert factory == [{"relation": "has a factory in", "via": "BYD factory in Thailand",
                        "fact": N + "byd-thailand-factory", "since": "", "until": "", "sources": [SOHU],
                        "through": "", "kind": "presence"}]
    for country in ("Germany", "Norway", "Belgium", "Netherlands"):
        [tie] = places[country]["ties"]
        assert (tie["relation"], tie["since"], tie["sources"]) == ("opened deliveries in", "2022", [SPICEUP])
        assert places[country]["country"] == ""
    assert "China" not in places and "Hong Kong" not in places
    assert [p["place"].casefold() for p in footprint(G, N + "byd")] == sorted(p.casefold() for p in places)


def test_footprint_counts_brands_and_subsidiaries(G):
    gac = {p["place"]: p for p in footprint(G, N + "gac-group")}
    assert {t["through"] for t in gac["Thailand"]["ties"]} == {"via brand GAC Aion"}
    assert "has a factory in" in {t["relation"] for t in gac["Thailand"]["ties"]}
    assert "Hong Kong" not in gac  # GAC Aion's Hong Kong plan is domestic
    geely = {p["place"]: p for p in footprint(G, N + "geely")}
    assert {(t["relation"], t["through"]) for t in geely["overseas markets"]["ties"]} == {
        ("exports to", ""), ("plans a knock down assembly in", "via subsidiary Geely Auto")}


def test_footprint_rolls_cities_up_to_countries(G):
    weride = {p["place"]: p for p in footprint(G, N + "weride")}
    assert (weride["Abu Dhabi"]["country"], weride["Riyadh"]["country"]) == ("United Arab Emirates", "Saudi Arabia")
    assert weride["Abu Dhabi"]["country_id"] == N + "united-arab-emirates"
    # a licence that covers WeRide there is an institutional tie, not presence
    assert "is covered by a licence in" not in {t["relation"] for t in weride["Abu Dhabi"]["ties"]}
    assert ("is covered by a licence in", "institutional") in {
        (t["relation"], t["kind"]) for t in weride["Abu Dhabi"]["other_ties"]}


def test_exposure_of_thailand(G):
    orgs = {o["organization"]: o for o in exposure(G, N + "thailand")}
    assert {"BYD", "GAC Aion"} <= set(orgs)
    assert ("has a factory in", "BYD factory in Thailand", "Thailand", (SOHU,)) in {
        (t["relation"], t["via"], t["place"], tuple(t["sources"])) for t in orgs["BYD"]["ties"]}
    aion = {(t["relation"], t["via"], t["since"]) for t in orgs["GAC Aion"]["ties"]}
    assert ("has a factory in", "GAC Aion factory in Thailand", "2025-03") in aion
    assert orgs["GAC Aion"]["type"] == "Automaker"  # a brand that acts as a company (issue 14)


def test_a_companys_own_market_plan_is_presence(G):
    """Corporate plans are not legislation (their own class), but a company's plan for a market is what it does
    there: GAC Aion's plan for Europe counts as presence, dated as the article states it."""
    orgs = {o["organization"]: o for o in exposure(G, N + "europe")}
    plans = [t for t in orgs["GAC Aion"]["ties"] if t["relation"] == "has a market plan for"]
    assert plans and all(t["kind"] == "presence" and t["since"] == "2025" for t in plans)


def test_exposure_of_the_middle_east_reaches_sub_places(G):
    result = exposure(G, N + "middle-east")
    orgs = {o["organization"]: o for o in result}
    assert {"WeRide", "Uber"} <= set(orgs)
    uber_places = {t["place"] for t in orgs["Uber"]["ties"]}
    assert {"Abu Dhabi", "Dubai", "Riyadh"} <= uber_places <= {"Abu Dhabi", "Dubai", "Riyadh", "Middle East"}
    assert ("partners in a robotaxi fleet in", "Riyadh") in {(t["relation"], t["place"]) for t in orgs["Uber"]["ties"]}
    assert all(t["sources"] == [KR36] for t in orgs["Uber"]["ties"])
    assert [len(o["ties"]) for o in result] == sorted((len(o["ties"]) for o in result), reverse=True)
    assert result[0]["organization"] == "WeRide"
    assert all(o["type"] not in ("Country", "City", "Region") for o in result)


# -- communities --------------------------------------------------------------------------------------------
def test_communities_are_deterministic_and_cover_every_node_once(G):
    first, second = communities(G), communities(G)
    assert first == second
    ids = [n for c in first for n in c["member_ids"]]
    assert len(ids) == len(set(ids))
    assert set(ids) == {n for n, d in G.nodes(data=True) if d["type"] not in HUB_KINDS}
    assert [c["id"] for c in first] == list(range(len(first)))
    assert [c["size"] for c in first] == sorted((c["size"] for c in first), reverse=True)
    assert all(c["size"] == len(c["members"]) == len(c["member_ids"]) for c in first)
    together = next(c for c in first if "WeRide" in c["members"])
    assert "Uber" in together["members"]


# -- issue 14: vague hubs, sentences in reading order, presence apart from home and institutional ties ----------
def test_vague_hubs_are_catch_alls_not_specific_places(G):
    from nevkg.queries.analytics import vague_hubs

    hubs = {G.nodes[n]["label"]: why for n, why in vague_hubs(G).items()}
    assert {"World", "Asia", "overseas markets", "Jiemian News", "nevkg project"} <= set(hubs)
    assert hubs["overseas markets"] == "a region that names no place"
    assert {h for h in hubs if h.startswith("unnamed")} and all(
        hubs[h] == "an unnamed person" for h in hubs if h.startswith("unnamed"))
    # specific places stay: a region with places in it, China itself, places inside China without children
    assert not {"Europe", "Middle East", "China", "European Union", "Chinese mainland", "Guangzhou"} & set(hubs)


@pytest.mark.parametrize("a, b", [("zhu-huarong", "weride"), ("geely", "pony-ai"), ("yin-tongyue", "xpeng"),
                                  ("ningbo-customs", "kyrgyzstan")])
def test_paths_leave_vague_hubs_out_unless_asked(G, a, b):
    from nevkg.queries.analytics import vague_hubs

    hubs = vague_hubs(G)
    for p in path(G, N + a, N + b, max_paths=3):
        assert not {h["to_id"] for h in p[:-1]} & set(hubs), path_text(p)
        assert_hops_are_edges(G, p)


def test_zhu_huarong_to_weride_no_longer_runs_through_overseas_markets(G):
    [p] = path(G, N + "zhu-huarong", N + "weride")
    assert "overseas markets" not in path_text(p)
    # asked for: through the hub by name (--via NAME), or any vague hub allowed
    [through] = path(G, N + "zhu-huarong", N + "weride", via=N + "overseas-markets")
    assert "overseas markets" in [h["to"] for h in through]
    assert_hops_are_edges(G, through)
    assert len(path(G, N + "zhu-huarong", N + "weride", vague=True)[0]) <= len(p)


def test_every_hop_is_a_sentence_in_reading_order(G):
    from nevkg.queries.analytics import path_sentences

    [hops] = path(G, N + "ningbo-customs", N + "kyrgyzstan")
    assert path_sentences(hops) == ["Ningbo Customs is based in Ningbo.", "Geely has a production base in Ningbo.",
                                    "Geely exports to Kyrgyzstan."]
    backward = hops[1]
    assert (backward["from"], backward["to"], backward["direction"]) == ("Ningbo", "Geely", "backward")
    assert (backward["subject"], backward["object"]) == ("Geely", "Ningbo")
    assert backward["sentence"] == "Geely has a production base in Ningbo"


def test_exposure_counts_presence_not_home_or_institutional_ties(G):
    orgs = {o["organization"]: o for o in exposure(G, N + "europe")}
    # BMW is present through its plant, not because it is from Germany
    assert "is from" not in {t["relation"] for t in orgs["BMW"]["ties"]}
    assert ("is from", "Germany", "home") in {(t["relation"], t["place"], t["kind"]) for t in orgs["BMW"]["other_ties"]}
    # the European Commission is based in the EU and issues its measures: no presence
    assert orgs["European Commission"]["ties"] == []
    assert {t["kind"] for t in orgs["European Commission"]["other_ties"]} == {"home", "institutional"}
    present = [o["organization"] for o in exposure(G, N + "europe") if o["ties"]]
    absent = [o["organization"] for o in exposure(G, N + "europe") if not o["ties"]]
    assert "European Commission" in absent and "BYD" in present
    assert [o["organization"] for o in exposure(G, N + "europe")] == present + absent
    for o in orgs.values():
        assert all(t["kind"] == "presence" for t in o["ties"])
        assert all(t["kind"] in ("home", "institutional") for t in o["other_ties"])


def test_footprint_keeps_a_brands_home_apart(G):
    saic = {p["place"]: p for p in footprint(G, N + "saic")}
    # MG's British origin (nev:brandOrigin) is neither SAIC's presence nor its home: SAIC is in Europe through
    # what it does there, and the United Kingdom holds no presence tie of SAIC's
    assert not saic.get("United Kingdom", {}).get("ties")
    assert saic["Europe"]["ties"]
    homes = [t for p in saic.values() for t in p.get("other_ties", []) if t["kind"] == "home"]
    assert all(t["relation"] == "is from" for t in homes)


def test_path_command_prints_sentences_and_takes_a_vague_hub_by_name(home):
    import json

    from click.testing import CliRunner

    from nevkg.cli import main

    run = CliRunner().invoke
    assert run(main, ["build"]).exit_code == 0
    text = run(main, ["path", "Zhu Huarong", "WeRide"]).output
    assert "overseas markets" not in text
    assert "WeRide is from China." in text  # a backward hop, stated the way the fact reads
    via = json.loads(run(main, ["path", "Zhu Huarong", "WeRide", "--via", "overseas markets", "--format",
                                "json"]).output)
    [hops] = via["paths"]
    assert "overseas markets" in {h["to"] for h in hops}
    assert all(h["sentence"].startswith(h["subject"]) for h in hops)
    by_kind = json.loads(run(main, ["path", "Ningbo Customs", "Kyrgyzstan", "--via", "City", "--format",
                                    "json"]).output)
    assert by_kind["paths"][0][0]["to"] == "Ningbo"


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """The shipped records built into an oxigraph store: its core, as the commands read it."""
    from nevkg.graph.build import build
    from nevkg.graph.entity_store import stored_core

    spec = f"oxigraph:{tmp_path_factory.mktemp('stored') / 'home'}"
    build(spec).close()
    core = stored_core(spec)
    assert core is not None
    return core


def test_the_stored_core_gives_the_answers_of_the_full_graph(G, stored):
    for options in ({}, {"measure": "pagerank"}, {"measure": "betweenness", "top": 15}, {"kinds": "Automaker"}):
        assert rank(stored, **options) == rank(G, **options)
    assert communities(stored) == communities(G) and communities(stored, seed=5) == communities(G, seed=5)
    for a, b, options in [("zhu-huarong", "weride", {}), ("byd", "geely", {"max_paths": 5}),
                          ("ningbo-customs", "kyrgyzstan", {"via": "City", "max_paths": 2}),
                          ("geely", "kyrgyzstan", {"via": "ProductionSite", "max_paths": 2}),
                          ("zhu-huarong", "weride", {"via": N + "overseas-markets"})]:
        assert path(stored, N + a, N + b, **options) == path(G, N + a, N + b, **options)


def test_path_ends_are_found_among_the_nodes_by_label_alias_or_id(kg, G, stored):
    from nevkg.queries.analytics import find_node
    from nevkg.queries.resolve import resolve

    for core in (G, stored):
        assert find_node(core, "byd") == find_node(core, "BYD") == N + "byd"
        assert find_node(core, N + "geely") == N + "geely"
        assert find_node(core, "ningbo customs") == N + "ningbo-customs"
        assert find_node(core, "no such thing") is None and find_node(core, "") is None
    for node in list(G.nodes)[::7]:  # where a label names one node, the resolver agrees
        found = find_node(stored, G.nodes[node]["label"])
        if found is not None:
            assert found == node
    for name in ("BYD", "Zhu Huarong", "Kyrgyzstan", "geely-auto", "UAE"):
        assert find_node(stored, name) == str(resolve(kg, name))


def test_the_path_command_leaves_other_names_to_the_resolver(home):
    from click.testing import CliRunner

    from nevkg.cli import main

    run = CliRunner().invoke
    assert run(main, ["build"]).exit_code == 0
    typo = run(main, ["path", "Zhu Huarongg", "WeRide"])
    assert typo.exit_code != 0 and "did you mean" in typo.output and "Zhu Huarong" in typo.output
    assert "WeRide" in run(main, ["path", "zhu huarong", "weride"]).output
