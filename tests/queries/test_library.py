"""The named query library: real rows from the shipped graph, store parity, headers, binding safety, errors.

Every named query of "Answers" part 2 has a test here asserting rows of the shipped records; every query in
the library (whoever wrote it) runs with its header's example parameters on the memory and the oxigraph store
and must give identical rows.
"""

from __future__ import annotations

import json
import re
import shlex

import pytest
from rdflib import Literal, URIRef

from nevkg.errors import AmbiguousNameError, NevkgError, ParameterError, UnknownNameError
from nevkg.ontology.namespaces import NEV, NEVID
from nevkg.queries.library import ask, bind_params, get_query, list_queries

#: the queries of this issue: each must return rows for its header example
ANSWERS = {
    "org-profile", "brands-of", "people-of", "place-hierarchy", "places-in", "roles-of", "sites-of", "markets-of",
    "partnerships-of", "deployments-of", "who-is-in", "sites-in", "deployments-in", "exporters-to", "partnerships",
    "partnerships-by-kind", "partnerships-in", "policies", "policies-by-issuer", "policies-in", "policies-in-year",
    "policies-targeting", "observations-of", "exports-by-period", "growth-rates", "compare-measure",
    "computed-shares", "forecasts", "sources-of", "facts-from", "published-after", "conflicting-figures",
    "inferred-dates", "statements-by", "statements-about", "proposals", "quotes-on-topic", "models-of",
    "neighbourhood-graph", "duty-rates-in", "duty-rates-of",
}
ALL = [q.name for q in list_queries()]
INJECTION = 'BYD" } UNION { ?s ?p ?o } #'


@pytest.fixture(scope="module")
def ox_kg(tmp_path_factory):
    """The shipped records built into an oxigraph store, once for this module."""
    from nevkg.graph.build import build

    kg = build(f"oxigraph:{tmp_path_factory.mktemp('oxigraph')}/kg")
    yield kg
    kg.close()


_RESULTS: dict = {}


def run(kg, name: str, **params) -> tuple[list[str], list[tuple]]:
    """``(variables, rows)`` of a named query, each row a tuple of terms; run once per graph, query and params."""
    key = (id(kg), name, tuple(sorted((k, str(v)) for k, v in params.items())))
    if key not in _RESULTS:
        result = ask(kg, name, **params)
        variables = [str(v) for v in result.vars] if result.type == "SELECT" else ["s", "p", "o"]
        _RESULTS[key] = (variables, [tuple(row) for row in result])
    return _RESULTS[key]


def rows(kg, name: str, **params) -> list[dict[str, str | None]]:
    """The rows of a named query, each a dict of variable → str(value) (None when unbound), in result order."""
    variables, found = run(kg, name, **params)
    return [{v: (None if t is None else str(t)) for v, t in zip(variables, row, strict=True)} for row in found]


def pick(table: list[dict], *cols: str) -> set[tuple]:
    """The distinct tuples of some columns."""
    return {tuple(r[c] for c in cols) for r in table}


def column(table: list[dict], col: str) -> list:
    """One column, in row order, consecutive repeats dropped."""
    out: list = []
    for r in table:
        if not out or out[-1] != r[col]:
            out.append(r[col])
    return out


def example_params(name: str) -> dict[str, str]:
    return {p.name: p.example for p in get_query(name).params if p.example is not None}


def n3_rows(kg, name: str, **params) -> list[tuple[str, ...]]:
    """Sorted rows as tuples of N-Triples terms, comparable across stores."""
    return sorted(tuple("UNDEF" if t is None else t.n3() for t in row) for row in run(kg, name, **params)[1])


# -- parity: every query, every store --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL)
def test_same_rows_on_memory_and_oxigraph(kg, ox_kg, name):
    params = example_params(name)
    on_memory = n3_rows(kg, name, **params)
    on_oxigraph = n3_rows(ox_kg, name, **params)
    assert on_memory == on_oxigraph
    if name in ANSWERS:
        assert on_memory, f"the example of {name} finds nothing in the shipped graph"


@pytest.mark.parametrize(("name", "params"), [
    ("deployments-in", {"place": "Middle East"}),
    ("exports-by-period", {}),
    ("growth-rates", {}),
    ("compare-measure", {"measure": "market reach"}),
    ("computed-shares", {}),
    ("forecasts", {}),
    ("conflicting-figures", {}),
])
def test_optional_params_unbound_agree_across_stores(kg, ox_kg, name, params):
    on_memory = n3_rows(kg, name, **params)
    assert on_memory == n3_rows(ox_kg, name, **params)
    assert len(on_memory) > len(n3_rows(kg, name, **example_params(name)))


def test_answers_are_all_in_the_library():
    assert ANSWERS <= set(ALL)
    assert len(ANSWERS - {"partnerships-of"}) >= 32


# -- headers ---------------------------------------------------------------------------------------------------
def _projection(text: str) -> str:
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return body[:body.index("WHERE")] if "SELECT" in body[:body.index("WHERE")] else ""


@pytest.mark.parametrize("name", ALL)
def test_header_is_complete(kg, name):
    q = get_query(name)
    assert q.title and q.description, name
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
    assert q.examples, f"{name}: no '# example:' line"
    for example in q.examples:
        words = shlex.split(example)
        assert words[:3] == ["nevkg", "ask", name]
        given = dict(w.split("=", 1) for w in words[4::2])
        assert words[3::2] == ["--param"] * len(given)
        assert {p.name for p in q.params if p.required} <= set(given) <= {p.name for p in q.params}
        bind_params(kg, q, given)  # every value in the CLI example resolves
    for p in q.params:
        assert p.example, f"{name}: parameter {p.name} has no example"
        assert p.description
        projection = _projection(q.text)
        if projection:  # SELECT: the oxigraph store needs every bound variable in the projection
            assert re.search(rf"\?{p.name}\b", projection), f"{name}: ?{p.name} is not projected"
            if "GROUP BY" in q.text:
                assert re.search(rf"GROUP BY[^\n]*\?{p.name}\b", q.text), f"{name}: ?{p.name} not grouped"
        else:
            assert re.search(rf"\?{p.name}\b", q.text)
    bound = bind_params(kg, q, example_params(name))
    assert set(bound) == {p.name for p in q.params}


def test_list_data_is_json():
    data = json.loads(json.dumps([q.as_dict() for q in list_queries()]))
    by_name = {d["name"]: d for d in data}
    assert by_name["sites-of"]["parameters"][0]["name"] == "org"
    assert by_name["compare-measure"]["parameters"][1]["required"] is False


# -- errors ----------------------------------------------------------------------------------------------------
def test_unknown_query_suggests_close_names(kg):
    with pytest.raises(UnknownNameError, match="did you mean: .*partnerships-of"):
        ask(kg, "partnership-of", org="Chery")


def test_missing_parameter_names_the_expected_ones(kg):
    with pytest.raises(ParameterError, match=r"sites-of needs org; its parameters: org \(organization\)"):
        ask(kg, "sites-of")
    with pytest.raises(ParameterError, match=r"compare-measure needs measure; .*from \(date, optional\)"):
        ask(kg, "compare-measure", **{"from": "2025"})


def test_unknown_parameter_names_the_expected_ones(kg):
    with pytest.raises(ParameterError, match=r"no parameter place; its parameters: org \(organization\)"):
        ask(kg, "sites-of", org="XPeng", place="Spain")


def test_malformed_values_are_parameter_errors(kg):
    with pytest.raises(ParameterError, match="not a number"):
        ask(kg, "policies-in-year", year="2025 || true")
    with pytest.raises(ParameterError, match="not a date"):
        ask(kg, "published-after", date='2025" } UNION {')
    with pytest.raises(ParameterError, match="not an ontology value"):
        ask(kg, "partnerships-by-kind", kind='joint venture" } UNION { ?s ?p ?o')
    # punctuation is folded away when names are matched: this is the plain term, bound as an IRI
    assert rows(kg, "partnerships-by-kind", kind='joint venture" } #') == rows(kg, "partnerships-by-kind",
                                                                               kind="joint venture")


def test_ambiguous_name_lists_candidates_with_kinds(kg):
    # "deliveries" is both a measure and the unit deliveries are counted in
    with pytest.raises(AmbiguousNameError) as info:
        ask(kg, "compare-measure", measure="deliveries")
    assert {c.kind for c in info.value.candidates} == {"Measure", "Unit"}
    assert "deliveries (Measure, deliveries)" in str(info.value)
    assert "deliveries (Unit, deliveries-unit)" in str(info.value)
    found = rows(kg, "compare-measure", measure=str(NEVID["deliveries"]))
    assert pick(found, "subjectLabel", "value") == {("XPeng Motors", "10000"), ("XPeng Motors", "20000")}


def test_wrong_kind_of_thing_is_unknown(kg):
    with pytest.raises(UnknownNameError, match="is called 'Spain'"):
        ask(kg, "sites-of", org="Spain")


# -- injection: values are bound as terms, never pasted into the text -------------------------------------------
@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_string_parameter_cannot_inject(kg, ox_kg, store):
    graph = kg if store == "memory" else ox_kg
    harmless = rows(graph, "quotes-on-topic", text="no such words anywhere")
    assert harmless == []
    assert rows(graph, "quotes-on-topic", text=INJECTION) == harmless
    tricky = 'database" } \n UNION { ?statement ?p ?o }\n#"""\n'
    assert rows(graph, "quotes-on-topic", text=tricky) == []
    assert len(rows(graph, "quotes-on-topic", text="database")) == 2


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_entity_parameter_cannot_inject(kg, ox_kg, store):
    graph = kg if store == "memory" else ox_kg
    with pytest.raises(UnknownNameError):
        ask(graph, "sites-of", org=INJECTION)
    with pytest.raises(UnknownNameError):
        ask(graph, "sites-of", org=f"{NEVID}byd> <x")
    with pytest.raises(UnknownNameError):
        ask(graph, "observations-of", subject=str(NEVID) + "byd> } UNION { ?s ?p ?o } #")
    # an rdflib term passed straight through is bound as a term: no rows, or a clear error, never extra rows
    try:
        assert rows(graph, "sites-of", org=URIRef(f"{NEVID}byd> <x")) == []
    except NevkgError:
        pass
    assert rows(graph, "quotes-on-topic", text=Literal('"')) == []


# -- lookups ---------------------------------------------------------------------------------------------------
def test_org_profile(kg):
    found = rows(kg, "org-profile", org="GAC Group")
    assert {("kind", "automaker"), ("kind", "organisation"), ("brand", "GAC Aion"), ("brand", "GAC Trumpchi"),
            ("based in", "Guangzhou"), ("country", "China"), ("alias", "Guangzhou Automobile Group"),
            ("person", "Feng Xingya")} <= pick(found, "aspect", "valueLabel")
    assert ("person", "Feng Xingya", "general manager") in pick(found, "aspect", "valueLabel", "detail")
    assert "subsidiary" not in column(found, "aspect")  # brands are listed as brands
    aion = rows(kg, "org-profile", org="Aion")
    assert {("brand of", "GAC Group"), ("parent", "GAC Group"), ("kind", "brand")} <= pick(aion, "aspect", "valueLabel")
    customs = rows(kg, "org-profile", org="China Customs")
    assert {("subsidiary", "Guangzhou Customs"), ("subsidiary", "Ningbo Customs"),
            ("kind", "customs office")} <= pick(customs, "aspect", "valueLabel")


def test_brands_of(kg):
    saic = rows(kg, "brands-of", org="SAIC")
    assert pick(saic, "brandLabel", "ownerLabel", "via") == {
        ("MG", "SAIC Group", "brand record"), ("MG", "SAIC Group", "partnership: SAIC ownership of MG")}
    assert pick(rows(kg, "brands-of", org="GAC Group"), "brandLabel") == {("GAC Aion",), ("GAC Trumpchi",)}
    assert pick(rows(kg, "brands-of", org="BMW"), "brandLabel") == {("MINI",)}


def test_people_of(kg):
    assert pick(rows(kg, "people-of", org="XPeng"), "personLabel", "title", "asOf") == {
        ("Gu Yuanqin", "vice-president", "2026-02-09"), ("He Xiaopeng", "chairman", "2026-02-11")}
    bpa = rows(kg, "people-of", org="BPA")  # held in a unit of the organisation
    assert pick(bpa, "personLabel", "unitLabel") == {("Michael Woo Kim-kong", "BPA Supervisory Council")}


def test_place_hierarchy(kg):
    found = rows(kg, "place-hierarchy", place="Huangpu District")
    assert [(r["containerLabel"], r["kind"], r["depth"]) for r in found] == [
        ("Guangzhou", "city", "4"), ("Guangdong", "province", "3"), ("China", "country", "2"),
        ("Asia", "region", "1"), ("World", "region", "0")]


def test_places_in(kg):
    found = rows(kg, "places-in", place="Middle East")
    labels = column(found, "subLabel")
    assert labels == sorted(labels)
    assert {"Abu Dhabi", "Dubai", "Qatar", "Riyadh", "Saudi Arabia", "United Arab Emirates"} <= set(labels)
    assert "Thailand" not in labels
    assert ("Dubai", "city", "United Arab Emirates", None) in pick(found, "subLabel", "kind", "parentLabel", "isoCode")
    assert ("United Arab Emirates", "AE") in pick(found, "subLabel", "isoCode")


def test_roles_of(kg):
    found = rows(kg, "roles-of", person="Zhu Huarong")
    assert [(r["title"], r["orgLabel"], r["asOf"]) for r in found] == [
        ("president", "Changan Automobile", "2025-03-01"),
        ("National People's Congress delegate", "National People's Congress", "2025-04-16")]
    assert pick(rows(kg, "roles-of", person="Yin Tongyue"), "title") == {
        ("chairman",), ("deputy to the 14th National People's Congress",)}


# -- footprints ------------------------------------------------------------------------------------------------
def test_sites_of(kg):
    found = rows(kg, "sites-of", org="XPeng")
    assert pick(found, "placeLabel", "kind", "status", "start", "where") == {
        ("Indonesia", "production project", "launched", "2025-01-01", "abroad"),
        ("Austria", "production project", "launched", "2025-01-01", "abroad"),
        ("Malaysia", "production project", "launched", "2025-01-01", "abroad"),
        ("overseas markets", "factory", "operating", None, "abroad")}
    vw = rows(kg, "sites-of", org="Volkswagen")  # through its joint-venture subsidiary
    assert pick(vw, "siteLabel", "operatorLabel", "placeLabel", "where", "product", "announced") == {
        ("Volkswagen joint-venture plant in Anhui", "Volkswagen Anhui joint venture", "Anhui", "abroad",
         "Cupra Tavascan", "2022-12-01")}
    bmw = rows(kg, "sites-of", org="BMW")
    assert ("BMW Oxford plant", "Oxford", None, "MINI electric models") in pick(
        bmw, "siteLabel", "placeLabel", "status", "product")


def test_markets_of(kg):
    found = rows(kg, "markets-of", org="GAC Group")  # all through its brand GAC Aion
    assert column(found, "exporterLabel") == ["GAC Aion"]
    assert ("delivers to", "Poland", "2025-07-01", "true") in pick(found, "activity", "marketLabel", "start",
                                                                "periodInferred")
    assert ("sells in", "Hong Kong", "2025-12-31", "false") in pick(found, "activity", "marketLabel", "end",
                                                              "periodInferred")
    assert len({r["presence"] for r in found}) == 11


def test_deployments_of(kg):
    found = rows(kg, "deployments-of", org="WeRide")
    assert ("WeRide robotaxi fleet in the Middle East", "robotaxi fleet", "Middle East", "200", "vehicles",
            "lower", "operating") in pick(found, "deploymentLabel", "kind", "placeLabel", "count", "countUnit",
                                          "bound", "status")
    assert ("WeRide fully driverless robotaxi service in Abu Dhabi with Uber", "WeRide Middle East subsidiary",
            "operator") in pick(found, "deploymentLabel", "partyLabel", "as")
    uber = rows(kg, "deployments-of", org="Uber")
    assert column(uber, "as") == ["partner"]
    assert pick(uber, "deploymentLabel") == {("WeRide fully driverless robotaxi service in Abu Dhabi with Uber",),
                                             ("WeRide–Uber planned Middle East robotaxi fleet",)}


def test_partnerships_of(kg):
    found = rows(kg, "partnerships-of", org="Chery")
    assert pick(found, "partnerLabel", "kind", "market", "since") == {("Ebro", "joint venture", "Spain", "2024-01-01")}


# -- markets ---------------------------------------------------------------------------------------------------
def test_who_is_in(kg):
    found = rows(kg, "who-is-in", place="United Arab Emirates")
    assert {("China",), ("Pony.ai",), ("Uber",), ("WeRide",), ("WeRide Middle East subsidiary",)} <= pick(
        found, "actorLabel")
    assert ("XPeng Motors",) not in pick(found, "actorLabel")
    assert ("China", "market presence", "core market", "United Arab Emirates") in pick(
        found, "actorLabel", "what", "detail", "whereLabel")
    assert ("Pony.ai", "deployment (operator)", "robotaxi service", "Dubai") in pick(
        found, "actorLabel", "what", "detail", "whereLabel")
    assert ("WeRide", "partnership", "strategic cooperation", "Abu Dhabi") in pick(
        found, "actorLabel", "what", "detail", "whereLabel")
    spain = rows(kg, "who-is-in", place="Spain")
    assert {("Chery Automobile Co., Ltd.", "production site"), ("Ebro", "production site"),
            ("Chery Automobile Co., Ltd.", "partnership"), ("Ebro", "partnership")} <= pick(spain, "actorLabel", "what")


def test_sites_in(kg):
    found = rows(kg, "sites-in", place="Southeast Asia")
    assert pick(found, "siteLabel", "whereLabel") >= {
        ("XPeng production project in Indonesia", "Indonesia"), ("XPeng production project in Malaysia", "Malaysia"),
        ("BYD factories in Southeast Asia", "Southeast Asia"), ("Chery factories in Southeast Asia", "Southeast Asia"),
        ("BYD factory in Thailand", "Thailand"), ("GAC Aion factory in Thailand", "Thailand")}
    assert pick([r for r in found if r["whereLabel"] == "Thailand" and r["product"]], "product") == {
        ("AION V",), ("AION UT",)}


def test_deployments_in(kg):
    robotaxis = rows(kg, "deployments-in", place="Middle East", kind="robotaxi service")
    assert column(robotaxis, "kindLabel") == ["robotaxi service"]
    assert pick(robotaxis, "deploymentLabel", "whereLabel") >= {
        ("WeRide fully driverless robotaxi service in Abu Dhabi with Uber", "Abu Dhabi"),
        ("Pony.ai robotaxi launches abroad", "Dubai"), ("Pony.ai robotaxi launches abroad", "Qatar"),
        ("WeRide public robotaxi service in Dubai", "Dubai"), ("WeRide public robotaxi service in Riyadh", "Riyadh")}
    everything = rows(kg, "deployments-in", place="Middle East")
    assert {("charging network", "XPeng supercharging build-out by industrial cluster"),
            ("robotaxi fleet", "WeRide robotaxi fleet in the Middle East")} <= pick(everything, "kindLabel",
                                                                                    "deploymentLabel")
    assert column(everything, "kind") == [None]


def test_exporters_to(kg):
    found = rows(kg, "exporters-to", place="Europe")
    assert {("BYD", "opened deliveries", "Norway"), ("China", "core market", "Russia"),
            ("GAC Aion", "delivers to", "Poland"), ("XPeng Motors", "deliveries", "Europe")} <= pick(
        found, "exporterLabel", "activity", "marketLabel")
    assert ("XPeng Motors", "10000", "vehicles") in pick(found, "exporterLabel", "value", "unit")


# -- partnerships ----------------------------------------------------------------------------------------------
def test_partnerships(kg):
    found = rows(kg, "partnerships")
    assert pick(found, "partnershipLabel") >= {
        ("BMW Brilliance joint venture",), ("Chery–Ebro joint venture",), ("SAIC Volkswagen joint venture",),
        ("SAIC ownership of MG",), ("Volkswagen Anhui joint venture",),
        ("WeRide and Uber driverless operation in Abu Dhabi",), ("WeRide–Uber strategic cooperation",)}
    assert ("WeRide–Uber strategic cooperation", "Uber", "Riyadh", "2026-02-06") in pick(
        found, "partnershipLabel", "partnerLabel", "market", "since")


def test_partnerships_by_kind(kg):
    jv = rows(kg, "partnerships-by-kind", kind="joint venture")
    assert column(jv, "kindLabel") == ["joint venture"]
    assert {("BMW Brilliance joint venture", "BMW", "true"), ("BMW Brilliance joint venture", "Brilliance Auto", "false"),
            ("Volkswagen Anhui joint venture", "Volkswagen", "true"), ("Chery–Ebro joint venture", "Ebro", "false"),
            ("SAIC Volkswagen joint venture", "SAIC Group", "false")} <= pick(jv, "partnershipLabel", "partnerLabel",
                                                                              "majority")
    assert "SAIC ownership of MG" not in column(jv, "partnershipLabel")
    brand = rows(kg, "partnerships-by-kind", kind="BrandOwnership")
    assert pick(brand, "partnershipLabel", "partnerLabel") == {("SAIC ownership of MG", "MG"),
                                                               ("SAIC ownership of MG", "SAIC Group")}


def test_partnerships_in(kg):
    found = rows(kg, "partnerships-in", place="Middle East")
    assert pick(found, "partnershipLabel") >= {("WeRide–Uber strategic cooperation",),
                                               ("WeRide and Uber driverless operation in Abu Dhabi",)}
    assert ("Chery–Ebro joint venture",) not in pick(found, "partnershipLabel")
    spain = rows(kg, "partnerships-in", place="Spain")
    assert pick(spain, "partnershipLabel", "how") >= {("Chery–Ebro joint venture", "market"),
                                                      ("Chery–Ebro joint venture", "production site")}


# -- policies --------------------------------------------------------------------------------------------------
def test_policies(kg):
    found = rows(kg, "policies")
    assert len(pick(found, "policy")) >= 13
    assert ("Resumption of the NEV purchase tax", "tax change", "in force", "China", "2026-01-01", "new energy vehicles") in \
        pick(found, "policyLabel", "kind", "status", "jurisdictionLabel", "start", "targetLabel")


def test_policies_by_issuer(kg):
    assert pick(rows(kg, "policies-by-issuer", issuer="Guangzhou"), "policyLabel", "issuedOn") >= {
        ("Guangzhou advanced manufacturing city plan (2024–2035)", "2026-01-01"),
        ("Guangzhou three-year action plan for the intelligent connected NEV industry", "2025-01-01")}
    # GAC Aion's market plans are corporate plans, not policies (issue 14)
    assert rows(kg, "policies-by-issuer", issuer="GAC Aion") == []


def test_policies_in(kg):
    assert pick(rows(kg, "policies-in", place="Guangdong"), "policyLabel") >= {
        ("Guangdong support for firms expanding abroad",),
        ("Guangzhou advanced manufacturing city plan (2024–2035)",),
        ("Guangzhou three-year action plan for the intelligent connected NEV industry",)}
    china = pick(rows(kg, "policies-in", place="China"), "policyLabel")
    assert ("Pony.ai test licences in the Chinese mainland",) in china
    assert ("WeRide fully driverless operation licence in Abu Dhabi",) not in china
    assert ("Resumption of the NEV purchase tax",) in china


def test_policies_in_year(kg):
    found = rows(kg, "policies-in-year", year="2025")
    assert pick(found, "how", "policyLabel") >= {
        ("issued", "Guangzhou three-year action plan for the intelligent connected NEV industry"),
        ("in force", "Guangzhou advanced manufacturing city plan (2024–2035)")}
    in_2026 = pick(rows(kg, "policies-in-year", year="2026"), "how", "policyLabel")
    assert ("issued", "GAC Aion Thailand Action") not in in_2026
    assert in_2026 >= {
        ("issued", "Guangzhou advanced manufacturing city plan (2024–2035)"),
        ("in force", "Guangzhou advanced manufacturing city plan (2024–2035)"),
        ("starts", "Resumption of the NEV purchase tax")}
    assert rows(kg, "policies-in-year", year="1999") == []


def test_policies_targeting(kg):
    nev = rows(kg, "policies-targeting", thing="NEV")
    assert pick(nev, "policyLabel", "targetLabel") >= {
        ("Resumption of the NEV purchase tax", "new energy vehicles"),
        ("Guangzhou three-year action plan for the intelligent connected NEV industry", "new energy vehicles")}
    vehicles = pick(rows(kg, "policies-targeting", thing="all vehicles"), "policyLabel", "targetLabel")
    assert ("Guangdong support for firms expanding abroad", "electric vehicles") in vehicles  # narrower scopes
    # the Guangzhou plan names no company (issue 14)
    assert ("Guangzhou three-year action plan for the intelligent connected NEV industry",) not in pick(
        rows(kg, "policies-targeting", thing="XPeng"), "policyLabel")


# -- statistics ------------------------------------------------------------------------------------------------
def test_observations_of(kg):
    found = rows(kg, "observations-of", subject="XPeng")
    starts = [r["periodStart"] for r in found]
    assert starts == sorted(starts) and starts[0] == "2024-01-01" and starts[-1] == "2030-01-01"
    assert ("overseas deliveries", "2025-01-01", "2025-12-31", "45000", "vehicles", "96", "reported", "XPeng Motors") \
        in pick(found, "measure", "periodStart", "periodEnd", "value", "unit", "yoyChangePct", "status", "compiler")
    assert ("overseas share of sales", "50", "target") in pick(found, "measure", "value", "status")
    assert ("deliveries", "20000", "true") in pick(found, "measure", "value", "approximate")


def test_exports_by_period(kg):
    nev = rows(kg, "exports-by-period", scope="NEV")
    assert pick(nev, "subjectLabel", "measure", "value", "unit") >= {
        ("China", "export volume", "583000", "vehicles"), ("Zhejiang", "export volume", "98000", "vehicles"),
        ("Ningbo", "export value", "6820000000", "Chinese yuan"), ("Ningbo", "export value", "990290000", "US dollars")}
    everything = rows(kg, "exports-by-period")
    starts = [r["periodStart"] for r in everything]
    assert starts == sorted(starts)
    assert ("2020-01-01", "China", "1080000", "all vehicles") in pick(everything, "periodStart", "subjectLabel", "value",
                                                                     "scopeLabel")
    assert not [r for r in nev if r["scopeLabel"] != "new energy vehicles"]
    assert ("2022-11-01", "China", "3200000000", "electric vehicles", "165") in pick(
        everything, "periodStart", "subjectLabel", "value", "scopeLabel", "yoyChangePct")


def test_growth_rates(kg):
    assert pick(rows(kg, "growth-rates", subject="XPeng"), "measure", "yoyChangePct", "yoyBound") == {
        ("first registrations", "308.8", None), ("overseas deliveries", "96", None), ("deliveries", "-34.1", None),
        ("overseas deliveries", "100", "lower")}
    everything = rows(kg, "growth-rates")
    assert ("China", "export volume", "new energy vehicles", "110") in pick(everything, "subjectLabel", "measure",
                                                                           "scope", "yoyChangePct")
    assert ("GAC Trumpchi", "-23.02") in pick(everything, "subjectLabel", "yoyChangePct")


def test_compare_measure(kg):
    found = rows(kg, "compare-measure", measure="market reach", **{"from": "2025", "to": "2026-12-31"})
    reach = [(r["subjectLabel"], r["value"]) for r in found if r["unit"] == "countries and regions"]
    assert [v for v in reach if v[0] in ("Zhejiang", "XPeng Motors", "GAC Aion")] == [
        ("Zhejiang", "125"), ("XPeng Motors", "60"), ("GAC Aion", "47")]
    assert all(r["periodStart"] >= "2025-01-01" and r["periodEnd"] <= "2026-12-31" for r in found)
    assert ("GAC Aion", "lower") in pick(found, "subjectLabel", "bound")
    assert ("XPeng Motors", "30") in pick(rows(kg, "compare-measure", measure="market reach"), "subjectLabel", "value")
    orders = rows(kg, "compare-measure", measure=str(NEVID["orders"]))  # narrower measures count
    assert pick(orders, "value") == {("6900",), ("10000",)}


def test_computed_shares(kg):
    found = rows(kg, "computed-shares", subject="China")
    assert ("export volume", "2026-01-01", "new energy vehicles", "583000", "1350000", "43.19", "40", "lower") in pick(
        found, "measure", "periodStart", "partScope", "part", "total", "computedSharePct", "reportedSharePct",
        "reportedBound")
    assert ("export value", "2022-11-01", "electric vehicles", "53.33", None) in pick(
        found, "measure", "periodStart", "partScope", "computedSharePct", "reportedSharePct")
    assert pick([r for r in found if r["periodStart"] == "2024-01-01"], "total", "computedSharePct") == {
        ("6400000", "31.25"), ("6410000", "31.2")}
    assert rows(kg, "computed-shares", subject="XPeng") == []


def test_forecasts(kg):
    weride = rows(kg, "forecasts", subject="WeRide")
    assert pick(weride, "kind", "measure", "value", "bound", "by") == {
        ("target", "robotaxi fleet size", "1200", "lower", "2027-12-31"),
        ("target of a partnership or deployment", "robotaxi fleet size", "1200", "lower", "2027-12-31")}
    everything = rows(kg, "forecasts")
    assert {("XPeng Motors", "forecast", "overseas deliveries", "90000"),
            ("GAC Group", "forecast", "net loss attributable to shareholders", "8000000000"),
            ("Uber", "target of a partnership or deployment", "robotaxi fleet size", "1200")} <= pick(
        everything, "whoLabel", "kind", "measure", "value")


# -- provenance ------------------------------------------------------------------------------------------------
def test_sources_of(kg):
    jv = rows(kg, "sources-of", thing="Chery–Ebro joint venture")
    assert pick(jv, "title", "issued", "dateInferred", "publisher") == {
        ("NEVs at the two sessions (lawmakers on overseas expansion)", "2025-03-01", "true",
         "publisher not named in the text")}
    assert ("National Development and Reform Commission",) in pick(jv, "cites")
    assert len(pick(rows(kg, "sources-of", thing="BYD"), "source")) >= 4
    sohu = rows(kg, "sources-of", thing="Guangdong support for firms expanding abroad")
    assert pick(sohu, "title", "url", "republishedFrom") == {
        ("Exports in Overdrive", "https://www.sohu.com/a/868809686_122066676_", "BRICS bridge")}


def test_facts_from(kg):
    found = rows(kg, "facts-from", source="Exports in Overdrive")
    assert {("automaker", "BYD"), ("policy", "Anhui special support policy for car industry internationalisation"),
            ("market presence", "Russia as a core export market of China, 2024"),
            ("production site", "BYD factory in Thailand")} <= pick(found, "kind", "label")
    assert ("organisation", "BYD") not in pick(found, "kind", "label")  # only the most specific kind
    assert column(found, "title") == ["Exports in Overdrive"]


def test_published_after(kg):
    def sources(date):
        return {r["source"] for r in rows(kg, "published-after", date=date)}
    assert "China's electric car exports hit record high in November and 70% of it sell to Europe" not in \
        sources("2026-02")
    assert sources("2026-02") >= {
        "Expanding production capacity and building charging piles, the export of new energy vehicles in Guangzhou "
        "is accelerating", "NEVs become important driver for China's auto export growth",
        "nevkg curators' reference data (vocabularies, place hierarchy, ISO codes)"}
    # a source dated only by month counts from that month's first day
    assert "NEVs become important driver for China's auto export growth" in sources("2026-03")
    assert "NEVs become important driver for China's auto export growth" not in sources("2026-03-02")
    found = rows(kg, "published-after", date="2026-03")
    assert ("Geely NEV exports to Kyrgyzstan", "market presence", "2026-03-01", "true") in pick(
        found, "label", "kind", "issued", "dateInferred")


def test_conflicting_figures(kg):
    china = rows(kg, "conflicting-figures", subject="China")
    assert ("value", "6410000", "approximate", "6400000", "lower", "2024-01-01", "Exports in Overdrive") in {
        (r["field"], r["valueA"], r["qualifierA"], r["valueB"], r["qualifierB"], r["periodStart"], r["sourceA"])
        for r in china}
    assert column(china, "subjectLabel") == ["China"]
    everything = rows(kg, "conflicting-figures")
    assert ("Ningbo", "year-on-year change (%)", "312.6", "exact", "300", "lower") in pick(
        everything, "subjectLabel", "field", "valueA", "qualifierA", "valueB", "qualifierB")
    assert not [r for r in everything if r["subjectLabel"] == "China" and r["scope"] == "electric vehicles"]


def test_inferred_dates(kg):
    found = rows(kg, "inferred-dates")
    assert pick([r for r in found if r["what"] == "source publication date"], "date") >= {
        ("2026-03-01",), ("2025-03-01",), ("2022-12-01",)}
    assert ("statement date", "Li Yuxi on NEVs and Geely's globalisation", "2026-03-01") in pick(
        found, "what", "label", "date")
    assert ("period", "Chinese EV exports to Belgium, November 2022", "2022-11-01") in pick(found, "what", "label", "date")
    assert ("period", "BYD overseas sales", "2025-02-01") not in pick(found, "what", "label", "date")


# -- people ----------------------------------------------------------------------------------------------------
def test_statements_by(kg):
    found = rows(kg, "statements-by", by="Yin Tongyue")
    assert len(found) == 5
    assert ("Yin Tongyue on internationally competitive NEV clusters", "proposal",
            "deputy to the 14th National People's Congress", "National People's Congress", "2025-03-01", "true") in pick(
        found, "statementLabel", "kind", "title", "roleOrg", "date", "dateInferred")
    chery = rows(kg, "statements-by", by="Chery")  # people speaking in a role at Chery
    assert pick(chery, "speakerLabel", "title") == {("Yin Tongyue", "chairman")}
    assert len(chery) == 4


def test_statements_about(kg):
    found = rows(kg, "statements-about", thing="WeRide")
    assert pick(found, "statementLabel", "via") == {
        ("WeRide more aggressive abroad than Pony.ai", "directly"),
        ("Guangzhou's early lead in autonomous driving", "directly"),
        ("WeRide announces upgraded cooperation with Uber", "through WeRide–Uber strategic cooperation"),
        ("WeRide expects per-vehicle break-even in Abu Dhabi",
         "through WeRide fully driverless operation licence in Abu Dhabi")}


def test_proposals(kg):
    found = rows(kg, "proposals")
    assert column(found, "kind") == ["proposal"]
    assert len(pick(found, "statement")) >= 10
    assert pick([r for r in found if r["speakerLabel"] == "Feng Xingya"], "policyLabel") == {
        ("Proposed pilot programmes for recovering defective parts from abroad",),
        ("Proposed revision of recall rules for parts returned from abroad",)}
    dates = [r["date"] or "" for r in found]
    assert dates == sorted(dates)


def test_quotes_on_topic(kg):
    found = rows(kg, "quotes-on-topic", text="database")
    assert pick(found, "speakerLabel", "title", "date") == {
        ("Zhu Huarong", "National People's Congress delegate", "2025-01-01"), ("Zhu Huarong", "president", "2025-03-01")}
    assert pick(rows(kg, "quotes-on-topic", text="HONG KONG"), "speakerLabel") >= {
        ("Chen Qingquan",), ("Michael Woo Kim-kong",), ("Mo Luyi",)}


def test_models_of(kg):
    gac = rows(kg, "models-of", org="GAC Group")
    assert pick(gac, "modelLabel", "makerLabel", "siteLabel") == {
        ("AION V", "GAC Aion", "GAC Aion factory in Thailand"), ("AION UT", "GAC Aion", "GAC Aion factory in Thailand")}
    assert pick([r for r in gac if r["modelLabel"] == "AION V"], "market") == {
        ("Europe",), ("Australia",), ("New Zealand",), ("Thailand",)}
    bmw = rows(kg, "models-of", org="BMW")
    assert ("MINI electric models", "MINI", "bev", "Oxford") in pick(bmw, "modelLabel", "makerLabel", "powertrain",
                                                                     "sitePlace")


def test_neighbourhood_graph(kg):
    graph = ask(kg, "neighbourhood-graph", thing="Chery").graph
    chery, jv = NEVID["chery"], NEVID["chery-ebro-jv"]
    assert (jv, NEV.partner, chery) in graph
    assert (chery, NEV.country, NEVID["china"]) in graph
    assert (NEVID["china"], URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("China")) in graph
    assert not list(graph.triples((NEVID["byd"], None, None)))


# -- issue 14: duty rates by market and by company; one parameter name per meaning -----------------------------
def test_duty_rates_of_a_company_follow_its_brands(kg):
    saic = pick(rows(kg, "duty-rates-of", org="SAIC"), "measure", "ratePct", "previousPct", "status")
    assert (str(NEVID["eu-definitive-cvd-bev-2024"]), "35.3", "37.6", "in force") in saic
    assert (str(NEVID["eu-provisional-cvd-bev-2024"]), "37.6", None, "expired") in saic
    # MG is SAIC's brand: SAIC's company rate is the one MG's cars pay
    assert pick(rows(kg, "duty-rates-of", org="MG"), "measure", "ratePct") == pick(
        rows(kg, "duty-rates-of", org="SAIC"), "measure", "ratePct")
    assert rows(kg, "duty-rates-of", org="Li Auto") == []


def test_duty_rates_of_a_market_include_the_measures_around_it(kg):
    germany = rows(kg, "duty-rates-in", place="Germany")
    assert {"European Union"} == {r["jurisdictionLabel"] for r in germany}
    groups = pick(germany, "measure", "group", "ratePct")
    assert (str(NEVID["eu-provisional-cvd-bev-2024"]), "all other (non-cooperating) companies", "37.6") in groups
    assert pick(rows(kg, "duty-rates-in", place="European Union"), "rate") == pick(germany, "rate")
    assert not {r["jurisdictionLabel"] for r in rows(kg, "duty-rates-in", place="Thailand")} & {"European Union"}


def test_policies_targeting_finds_measures_through_their_rates(kg):
    saic = pick(rows(kg, "policies-targeting", thing="SAIC"), "policy", "how")
    assert {(str(NEVID["eu-definitive-cvd-bev-2024"]), "sets a rate for"),
            (str(NEVID["eu-provisional-cvd-bev-2024"]), "sets a rate for")} <= saic
    # through a brand too (MG is SAIC's): the measure sets a rate for SAIC, not for MG
    assert pick(rows(kg, "policies-targeting", thing="MG"), "policy") == set()


def test_one_parameter_name_per_meaning():
    from nevkg.queries.library import PARAM_NAMES, RENAMED

    for q in list_queries():
        for p in q.params:
            assert p.name not in RENAMED, f"{q.name}: parameter {p.name} is now {RENAMED[p.name]}"
            if p.name in PARAM_NAMES:
                assert p.type == PARAM_NAMES[p.name][0], (q.name, p.name, p.type)
    by_type = {}
    for q in list_queries():
        for p in q.params:
            if p.type in ("organization", "person", "concept"):
                by_type.setdefault(p.type, set()).add(p.name)
    # an organisation is always "org", a person "person"; a concept is a measure or a scope
    assert by_type["organization"] == {"org"} and by_type["person"] == {"person"}
    assert by_type["concept"] <= {"measure", "scope"}


def test_an_old_parameter_name_is_answered_with_the_new_one(kg):
    with pytest.raises(ParameterError, match=r"no parameter since \(since is now from\)"):
        ask(kg, "compare-measure", measure="market reach", since="2025")


def test_ask_list_shows_an_example_for_every_query():
    from click.testing import CliRunner

    from nevkg.cli import main
    from nevkg.queries.library import usage_example

    listing = CliRunner().invoke(main, ["ask", "--list"]).output
    for q in list_queries():
        assert usage_example(q).startswith(f"nevkg ask {q.name}")
        assert usage_example(q) in listing
