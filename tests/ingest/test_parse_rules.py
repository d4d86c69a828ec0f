"""The rules over the statistical parse (spaCy's small English pipeline), on sentences written for these tests.

The pipeline is loaded once per test session (it is cached per process). Without the ``nlp`` extra these tests
skip, except under ``NEVKG_REQUIRE_ALL=1`` (CI), where a missing pipeline is a failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nevkg.ingest.extract import extract
from nevkg.ingest.extract.nlp import WEIGHTS_SHA256, pipeline_status, verify_weights


@pytest.fixture(scope="module", autouse=True)
def pipeline(nlp_pipeline):
    """Every test here needs the statistical pipeline (the shared ``nlp_pipeline`` fixture skips or fails)."""
    return nlp_pipeline


def run(gaz, text, date="2026-03-15"):
    return extract(text, gaz, article_date=date, source_id="test-source")


def cands(result, file):
    return [c for c in result.candidates if c.file == file]


def partner_pairs(result, kind=None):
    """The partners of each partnership proposed (of ``kind`` only, when given), as a set of frozensets (the order of
    partners aside)."""
    return {frozenset(c.record["partners"]) for c in cands(result, "partnerships")
            if kind is None or c.record.get("kind") == kind}


def records(result, file):
    return {c.id: c.record for c in cands(result, file)}


# ------------------------------------------------------------------------------------- the pipeline
def test_the_pipeline_is_the_pinned_one():
    assert pipeline_status().startswith("spaCy 3.8") and "en_core_web_sm 3.8.0" in pipeline_status()


def test_the_default_tokenizer_is_the_packages_and_spacy_cli_still_imports():
    import spacy

    from nevkg.ingest.extract.nlp import _model_dir, load_pipeline

    load_pipeline()
    saved = spacy.blank("en").tokenizer.from_disk(_model_dir() / "tokenizer")
    assert load_pipeline().tokenizer.to_bytes(exclude=["vocab"]) == saved.to_bytes(exclude=["vocab"])
    import spacy.cli

    assert callable(spacy.cli.download) and callable(spacy.info)


def test_changed_weights_are_refused(tmp_path):
    for component in WEIGHTS_SHA256:
        (tmp_path / component).mkdir()
        (tmp_path / component / "model").write_bytes(b"not the weights")
    assert "does not have the recorded SHA-256" in verify_weights(tmp_path)
    assert "is missing" in verify_weights(tmp_path / "nowhere")


def test_rules_only_says_so(gaz):
    result = extract("Velmora Motors opened a plant in Kestrel.", gaz, nlp=False)
    assert result.pipeline.startswith("rules only")
    assert extract("Velmora Motors opened a plant.", gaz).pipeline.startswith("spaCy")


# ------------------------------------------------------------------------------------------ entities
def test_names_without_a_company_suffix_and_people(gaz):
    text = "Orlanda Vesk, chief executive of Brightwater Fleet, said the firm would buy cars from Karvo."
    result = run(gaz, text)
    people = records(result, "people")
    assert [r["label"] for r in people.values()] == ["Orlanda Vesk"]
    orgs = {r["label"] for r in records(result, "organizations").values()}
    assert "Brightwater Fleet" in orgs


def test_a_demonym_names_its_country(gaz):
    text = "Polish officials welcomed the investment by Chery."
    result = run(gaz, text)
    poland = [m for m in result.mentions if m.file == "places" and m.text == "Polish"]
    assert len(poland) == 1 and poland[0].id in {"poland", "poland-country"}


def test_a_model_takes_its_maker_from_its_name(gaz):
    text = "Production of the Chery Tiggo 9 starts in Barcelona, while the BYD Seal 06 follows in May."
    models = records(run(gaz, text), "vehicle_models")
    makers = {r["label"]: r.get("maker") for r in models.values()}
    assert makers.get("Chery Tiggo 9") == "chery" or makers.get("Tiggo 9") == "chery"


def test_new_ids_never_take_a_known_id(gaz):
    from nevkg.ingest.extract.mentions import _Entities

    ents = _Entities("", gaz)
    assert ents._new_id("BYD", "organizations") != "byd"
    assert ents._new_id("Thailand", "places") not in gaz.ids


def test_a_place_and_its_country(gaz):
    text = "Velmora Motors will assemble cars at a new plant in Kestrelburg, Poland, from next year."
    result = run(gaz, text)
    places = records(result, "places")
    city = next(r for r in places.values() if r["label"] == "Kestrelburg")
    assert city["located_in"] in (["poland"], ["poland-country"])
    sites = records(result, "sites")
    assert any(r["place"] == city["id"] for r in sites.values())


def test_a_list_of_places_is_not_a_chain_of_containers(gaz):
    text = "The brand now sells its cars in Lindhaven, Norway, Portugal and Ireland."
    places = records(run(gaz, text), "places")
    assert all(not r.get("located_in") for r in places.values() if r["label"] == "Lindhaven")


# -------------------------------------------------------------------------------------------- people
@pytest.mark.parametrize("text, person, title, org", [
    ("Velmora Motors chairman Otto Brandt said sales were strong.", "Otto Brandt", "chairman", "Velmora Motors"),
    ("Sales were strong, said Ana Lindqvist, vice-president of marketing at BYD.", "Ana Lindqvist",
     "vice-president of marketing", "byd"),
    ("The deal was welcomed by Rui Tamsin, BYD's head of Europe.", "Rui Tamsin", "head of Europe", "byd"),
])
def test_people_with_titles(gaz, text, person, title, org):
    result = run(gaz, text)
    roles = cands(result, "roles")
    assert roles, [m.text for m in result.mentions]
    rec = roles[0].record
    people = {**records(result, "people")}
    assert people[rec["person"]]["label"] == person
    assert rec["title"].lower() == title.lower()
    orgs = records(result, "organizations")
    assert rec["organization"] == org or orgs[rec["organization"]]["label"] == org


def test_a_minister_of_a_country_is_proposed_for_review(gaz):
    text = "Brazil's trade minister Helena Matos announced the quota on Tuesday."
    roles = cands(run(gaz, text), "roles")
    assert len(roles) == 1
    assert roles[0].record["organization"] == "brazil" and roles[0].status == "incomplete"
    assert roles[0].missing == ["organization"]


# ----------------------------------------------------------------------------------------- relations
def test_markets_from_a_list(gaz):
    text = "Chery sells its SUVs in Chile, Peru and Colombia through local dealers."
    found = {(r["exporter"], r["market"]) for r in records(run(gaz, text), "market_presence").values()}
    assert {("chery", "chile"), ("chery", "peru"), ("chery", "colombia")} <= found


def test_the_actor_is_the_clause_subject(gaz):
    text = "Backed by Geely, Velmora Motors opened a factory in Thailand last month."
    sites = records(run(gaz, text), "sites")
    assert len(sites) == 1
    (site,) = sites.values()
    assert site["place"] == "thailand" and site["operator"] != ["geely"]


def test_brands_of_an_owner(gaz):
    text = "Velmora Motors launched its brands Arvik and Solenne in the UK."
    orgs = {r["label"]: r for r in records(run(gaz, text), "organizations").values()}
    owner = next(r["id"] for r in orgs.values() if r["label"] == "Velmora Motors")
    assert orgs["Arvik"].get("brand_of") == owner and orgs["Solenne"].get("brand_of") == owner


def test_a_measure_and_what_it_hits(gaz):
    text = "Canada will impose a 100% surtax on Chinese-made electric vehicles from October."
    (policy,) = cands(run(gaz, text), "policies")
    assert policy.record["issuer"] == "canada" and "china" in policy.record["origins"]


# ----------------------------------------------------------------------------------------- figures
@pytest.mark.parametrize("text, value, unit", [
    ("Staffing at the site will reach 1,000 by December.", 1000, "jobs"),
    ("The carmaker will invest R$1.5 billion in the plant.", 1_500_000_000, "brl"),
    ("The duty on such kits rises to 35pc in 2027.", 35, "percent"),
    ("Velmora Motors plans to launch eight models in Europe.", 8, "models"),
    ("The plant has a capacity of 40 GWh a year.", 40, "gwh"),
])
def test_units_written_and_implied(gaz, text, value, unit):
    obs = [c.record for c in cands(run(gaz, text), "observations")]
    assert any(o["value"] == value and o["unit"] == unit for o in obs), obs


def test_a_pronoun_subject_is_the_company_named_before(gaz):
    text = "Velmora Motors opened its order books in March. It sold 4,200 cars in the first month."
    obs = [c.record for c in cands(run(gaz, text), "observations") if c.record["value"] == 4200]
    velmora = next(c.id for c in cands(run(gaz, text), "organizations") if c.record["label"] == "Velmora Motors")
    assert obs and obs[0]["subject"] == velmora


def test_review_file_names_the_pipeline(tmp_path, gaz):
    from nevkg.ingest import ingest_document

    path = Path(tmp_path) / "a.txt"
    path.write_text("Velmora Motors sold 1,200 cars in Chile in May 2026.\n")
    doc = ingest_document(path, date="2026-06-01", kg_or_records=gaz)
    assert doc["extractor"].startswith("spaCy 3.8")


def test_driverless_operations_with_a_partner(gaz):
    text = "Velmora Mobility will test driverless robotaxis in Oslo and Bergen with local partner Northgate Fleet."
    deps = [c.record for c in cands(run(gaz, text), "deployments")]
    places = {p for d in deps for p in d["places"]}
    assert {"oslo", "bergen"} <= places or {"oslo"} <= places
    first = deps[0]
    assert "bergen" not in first.get("partners", [])
    assert any("northgate-fleet" in d.get("partners", []) or d["operator"] == "northgate-fleet" for d in deps)


def test_by_year_end_is_the_article_year(gaz):
    obs = [c.record for c in cands(run(gaz, "Velmora Motors expects its workforce to reach 900 by year-end."),
                                   "observations")]
    assert obs and obs[0]["unit"] == "jobs" and obs[0]["period_start"] == "2026" and obs[0]["period_inferred"]


def test_a_flow_figure_takes_the_reports_period(gaz):
    text = ("Vehicle exports from Norland reached 1.2 million units in the first eight months of 2026.\n\n"
            "Electric models made up 640,000 of the exports, the data showed.")
    obs = {c.record["value"]: c.record for c in cands(run(gaz, text, date="2026-09-20"), "observations")}
    assert obs[640000]["period_start"] == "2026-01" and obs[640000]["period_end"] == "2026-08"


def test_the_publication_is_a_source_not_an_actor(gaz):
    text = "Velmora Motors plans 40 showrooms in Chile, Harbour Auto News has learned. Harbour Auto told dealers."
    result = extract(text, gaz, article_date="2026-03-15", publisher="Harbour Auto News")
    actors = {c.record.get("exporter") for c in cands(result, "market_presence")}
    assert actors and not any(a and a.startswith("harbour") for a in actors)
    assert all(m.compiler for m in result.mentions if m.text.startswith("Harbour"))


def test_contract_assembly_gives_the_clients_production_and_a_partnership(gaz):
    text = "Velmora Motors' plant in Kestrelburg, Poland is assembling the G7 and G8 SUVs for Chery."
    result = run(gaz, text)
    sites = {(tuple(r["operator"]), r.get("place")) for r in records(result, "sites").values()}
    assert any(op == ("chery",) for op, _ in sites)
    assert any("chery" in r["partners"] for r in records(result, "partnerships").values())


def test_respectively_pairs_names_and_figures_in_order(gaz):
    text = "BYD and Chery sold 12,000 and 8,000 cars in Chile, respectively."
    obs = {c.record["value"]: c.record["subject"] for c in cands(run(gaz, text), "observations")}
    assert obs == {12000: "byd", 8000: "chery"}


def test_a_numbered_regulation_is_a_named_measure(gaz):
    text = "Under Regulation (EU) 2031/77 the duty on the cars rises."
    (policy,) = cands(run(gaz, text), "policies")
    assert policy.record["label"] == "Regulation (EU) 2031/77" and policy.record["kind"] == "regulation"


def test_a_dateline_gives_here_its_place_and_the_agency_is_a_source(gaz):
    text = "KESTRELBURG, Poland, May 17 (Xinhua) -- Velmora Motors opened a car plant here on Friday."
    result = run(gaz, text, date="2026-05-18")
    (site,) = cands(result, "sites")
    assert site.record["operator"] == ["velmora-motors"] and site.record["place"] == "kestrelburg"
    place = records(result, "places")["kestrelburg"]
    assert place["label"] == "Kestrelburg" and place["located_in"] in (["poland"], ["poland-country"])


@pytest.mark.parametrize("text, expected", [
    ("Karl Steen, who heads Velmora Motors, said demand was strong.", [("Karl Steen", "head", "Velmora Motors")]),
    ("The plant was opened by Velmora Motors CEO Karl Steen and Thai Prime Minister Anna Kovacs.",
     [("Karl Steen", "CEO", "Velmora Motors"), ("Anna Kovacs", "Prime Minister", "thailand")]),
    ("Karl Steen, Velmora Motors' head of Europe, and Jane Doerr, its chief financial officer, attended.",
     [("Karl Steen", "head of Europe", "Velmora Motors"), ("Jane Doerr", "chief financial officer",
                                                           "Velmora Motors")]),
    ("Lyft CEO David Risher said the partnership was a milestone.", [("David Risher", "CEO", "Lyft")]),
])
def test_more_forms_of_people_with_titles(gaz, text, expected):
    result = run(gaz, text)
    names = {**{k: r["label"] for k, r in records(result, "people").items()},
             **{k: r["label"] for k, r in records(result, "organizations").items()}}
    got = [(names[c.record["person"]], c.record["title"], names.get(c.record["organization"],
                                                                     c.record["organization"]))
           for c in cands(result, "roles")]
    assert got == expected
