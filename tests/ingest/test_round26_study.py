"""Forms found on the round-26 samples (a free-zone hub in Zarqa, an e-bus venture in Namanve, a stake and
re-exports in Georgia, an EV venture in Zhovkva, e-taxis and chargers in Windhoek, a robotaxi trial and a dealer
network in New Zealand) once their unseen scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _ids(result, file):
    return {c.record["id"]: c.record for c in cands(result, file)}


def test_a_share_of_a_venture_company_and_the_remaining_share_held_by_another_make_a_joint_venture(gaz):
    result = run(gaz, "Hongfei Motors Co., Ltd will own 60 per cent of the new company, Hongfei Lakeside Buses Ltd, "
                      "while Lakeside Coaches Holdings, which runs buses around the lake, will hold the remaining 40 "
                      "per cent.", date="2026-11-05")
    jv = [c.record for c in cands(result, "partnerships") if c.record["kind"] == "joint-venture"]
    assert [(set(r["partners"]), r.get("company"), r.get("majority_partner")) for r in jv] == [
        ({"hongfei-motors-co-ltd", "lakeside-coaches-holdings"}, "hongfei-lakeside-buses-ltd", "hongfei-motors-co-ltd")]


def test_the_joint_venture_named_in_apposition_to_its_company_noun_installs_the_chargers(gaz):
    result = run(gaz, "Hongfei Motors Co., Ltd will own 60 per cent of the joint venture company, Hongfei Lakeside "
                      "Buses Ltd, while Lakeside Coaches Holdings will hold the remaining 40 per cent.\n\nThe joint "
                      "venture will install 45 chargers at its depots in Kampala and Entebbe by June 2027.",
                 date="2026-11-05")
    nets = [(r["operator"], r["places"]) for r in _ids(result, "deployments").values()
            if r["kind"] == "charging-network"]
    assert nets == [("hongfei-lakeside-buses-ltd", ["kampala", "entebbe"])]


def test_a_budget_opening_with_its_fiscal_year_is_no_place_and_a_sacco_is_an_organisation(gaz):
    result = run(gaz, "The plant qualifies for a tax holiday introduced in the 2025/26 Budget. Hongfei Motors will "
                      "supply 300 minibuses to Owino Market Taxi Operators Sacco.", date="2026-11-05")
    ids = {c.record["id"]: c.file for c in result.candidates}
    assert not [i for i in ids if "budget" in i]
    assert ids.get("owino-market-taxi-operators-sacco") == "organizations"


def _exports(result):
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")
            if c.record["activity"] == "exports-to"}


def test_a_share_of_imports_from_a_country_of_origin_makes_it_an_exporter_to_the_importer(gaz):
    result = run(gaz, "Chinese-made vehicles accounted for 74 percent of the cars Tanzania imported last year.",
                 date="2026-11-05")
    assert _exports(result) == {("china", "tanzania")}


def test_them_speaks_of_the_imports_the_sentence_before_counted_and_lists_of_origins_are_origins(gaz):
    result = run(gaz, "Zambia imported 9,400 electric vehicles in the first ten months of the year. Some 61 percent "
                      "of them came from China, while the share of used cars from Japan and Thailand fell.",
                 date="2026-11-05")
    assert _exports(result) == {("china", "zambia"), ("japan", "zambia"), ("thailand", "zambia")}


def test_goods_imported_from_a_country_under_a_union_s_duty_go_to_the_union(gaz):
    result = run(gaz, "Buses imported fully built from China pay the European Union's standard customs duty of 16 "
                      "percent.", date="2026-11-05")
    assert _exports(result) == {("china", "european-union")}


def test_a_maker_s_possessive_before_a_country_is_no_part_of_a_name(gaz):
    result = run(gaz, "Chinese carmaker Xinrui Auto will open showrooms. Xinrui's Canada distributor, Ottawa-based "
                      "Maple Motor Group, expands its dealer network.", date="2026-11-05")
    ids = {c.record["id"] for c in result.candidates}
    assert not [i for i in ids if i.startswith("xinrui-s")]
    assert ("xinrui-auto", "canada") in {(c.record["exporter"], c.record["market"])
                                         for c in cands(result, "market_presence")}


def test_an_importer_of_a_maker_s_cars_works_with_it_and_the_maker_exports_to_the_article_s_country(gaz):
    result = run(gaz, "Chinese carmaker Hongfei Motors will open showrooms in Wellington, New Zealand. Kowhai Motor "
                      "Group, which has imported Hongfei cars since 2023, sold 900 of them this year. New Zealand "
                      "buyers pay no duty on them, New Zealand officials said.", date="2026-11-05")
    parts = {frozenset(c.record["partners"]) for c in cands(result, "partnerships")}
    assert frozenset({"kowhai-motor-group", "hongfei-motors"}) in parts
    assert ("hongfei-motors", "new-zealand") in _exports(result)


def _deployed(result):
    return {(r["operator"], p) for r in _ids(result, "deployments").values() for p in r["places"]}


def test_new_sites_after_a_sentence_s_dealerships_are_stores_and_sales_sites_are_stores_too(gaz):
    result = run(gaz, "Chinese carmaker Xinrui Auto sells cars in Canada through Maple Motor Group. Maple has 9 "
                      "dealerships and plans to have 14 by 2028, with new sites in Regina, Saskatoon and Halifax. "
                      "Xinrui also has 40 sales and service sites across Canada.", date="2026-11-05")
    deployed = _deployed(result)
    assert {("maple-motor-group", p) for p in ("regina", "saskatoon", "halifax")} <= deployed
    assert ("xinrui-auto", "canada") in deployed


def test_stores_from_one_town_to_another_are_in_both(gaz):
    result = run(gaz, "Chinese carmaker Xinrui Auto sells cars in Canada through Maple Motor Group. Maple has 9 "
                      "dealerships, from Vancouver to Halifax, and plans to have 14 by 2028.", date="2026-11-05")
    assert {("maple-motor-group", "vancouver"), ("maple-motor-group", "halifax")} <= _deployed(result)


def test_sites_a_company_weighed_for_a_plant_are_no_stores(gaz):
    result = run(gaz, "Xinrui Auto chose Halifax over sites in Regina and Saskatoon for its plant.", date="2026-11-05")
    assert not _ids(result, "deployments")


def test_a_maker_s_exports_named_after_its_home_province_go_to_no_province(gaz):
    result = run(gaz, "The cars are built at Xinrui's plant in Wuhu. Xinrui Auto, which is based in Hefei, also in "
                      "China's Anhui province, exported 80,000 vehicles in the first ten months.", date="2026-11-05")
    assert not [m for _, m in _exports(result) if m != "china"]


def test_a_paper_named_after_its_country_leaves_the_country_a_country(gaz):
    result = run(gaz, "Xinrui Auto sold 300 cars in Namibia this year, its manager told The Namibian. The Namibian "
                      "understands that 1,046 electric vehicles were registered in Namibia.", date="2026-11-05")
    at = {result.mentions[i].text: result.mentions[i].id for i in range(len(result.mentions))}
    assert at["Namibia"] == "namibia" and at["The Namibian"] == "the-namibian"


def test_a_distributor_of_a_maker_s_vehicles_makes_the_maker_sell_and_export_there(gaz):
    result = run(gaz, "WINDHOEK – Xinrui Auto will supply 200 taxis. Namib Motors (Pty) Ltd, which has distributed "
                      "Xinrui vehicles in Namibia since 2025, sold 286 of them this year.", date="2026-11-05")
    presence = {(c.record["exporter"], c.record["market"], c.record["activity"])
                for c in cands(result, "market_presence")}
    assert {("xinrui-auto", "namibia", "sells-in"), ("xinrui-auto", "namibia", "exports-to")} <= presence


@pytest.mark.parametrize(("text", "name"), [("Before Xinrui, Petra Motors was its agent.", "Petra Motors"),
                                            ("Xinrui, Inc. was its agent.", "Xinrui, Inc.")])
def test_a_word_and_a_comma_before_a_company_s_name_are_no_part_of_it_unless_a_legal_form_follows(text, name):
    """The parser's span "Haolan, Mshatta Motors" (of "Before Haolan, Mshatta Motors was the agent …") is set here by
    hand: the parser does not read every such sentence so."""
    from spacy.tokens import Span

    from nevkg.ingest.extract.ner_spans import name_spans
    from nevkg.ingest.extract.nlp import load_pipeline

    doc = load_pipeline()(text)
    start = 1 if text.startswith("Before") else 0
    doc.ents = [Span(doc, start, start + 4 if start else 3, "ORG")]
    assert [doc.text[x.start_char:x.end_char] for x in name_spans(doc)] == [name]


def test_a_maker_supplying_its_dealers_in_countries_sells_and_exports_there(gaz):
    result = run(gaz, "Chinese carmaker Xinrui Auto opened a parts centre in the Aqaba Special Economic Zone, from "
                      "which it supplies its dealers in Iraq and Lebanon.", date="2026-11-05")
    presence = {(c.record["market"], c.record["activity"]) for c in cands(result, "market_presence")
                if c.record["exporter"] == "xinrui-auto"}
    assert {("iraq", "sells-in"), ("iraq", "exports-to"), ("lebanon", "exports-to")} <= presence


def test_a_maker_s_importer_in_a_country_since_a_date_makes_it_enter_export_and_sell_there(gaz):
    result = run(gaz, "Kura Auto Group has been Xinrui Auto's official importer in Armenia since May 2024. It runs "
                      "six showrooms.", date="2026-11-05")
    presence = {(c.record["exporter"], c.record["market"], c.record["activity"])
                for c in cands(result, "market_presence")}
    assert {("xinrui-auto", "armenia", a) for a in ("entered", "exports-to", "sells-in")} <= presence


def test_the_ends_of_a_buyer_s_routes_are_no_places_of_the_plant_it_buys_from():
    """The parser's reading of the round-26 sentence ("will also buy 150 electric coaches from the plant for its
    routes from Kampala to Mbarara, Fort Portal and Kabale") made three sites of the buyer; the clause's places are
    given here as the site rule finds them."""
    from nevkg.ingest.extract.model import Mention
    from nevkg.ingest.extract.nlp import load_pipeline
    from nevkg.ingest.extract.relations_types import route_places

    text = "Kagera Transit will buy 90 coaches from the plant in Jinja for its routes from Kampala to Gulu and Lira."
    doc = load_pipeline()(text)
    where = [Mention(text.index(n), text.index(n) + len(n), n, "places", n.lower(), True, "city", "t", 1.0)
             for n in ("Jinja", "Kampala", "Gulu", "Lira")]
    assert [m.id for m in route_places(where, doc)] == ["jinja"]


def test_a_company_word_alone_is_no_name(gaz):
    result = run(gaz, "Kampala Taxi Operators Sacco will buy 300 minibuses. Mbale Development Bank has approved a "
                      "Shs54 billion credit line for the Sacco's members, and the Treasury will guarantee it.",
                 date="2026-11-05")
    ids = {c.record["id"]: c.record for c in result.candidates}
    assert "sacco" not in ids
    assert ids["treasury"]["kind"] == "government-body"  # (the state's Treasury is a body of its own)


def test_a_lender_that_finances_through_a_loan_to_a_borrower_works_with_it(gaz):
    result = run(gaz, "The Namib Development Bank will finance the cars through a N$120 million loan facility to the "
                      "Khomas Taxi Cooperative. The Ghana Trade Bank has approved a GH¢180 million facility to "
                      "finance Volta Motors Limited's working capital.", date="2026-11-05")
    parts = {frozenset(c.record["partners"]) for c in cands(result, "partnerships")}
    assert {frozenset({"namib-development-bank", "khomas-taxi-cooperative"}),
            frozenset({"ghana-trade-bank", "volta-motors-limited"})} <= parts


def test_a_clause_opening_with_a_name_and_a_comma_before_the_joint_venture_names_no_venture():
    """"Under the GADP, the joint venture will enjoy …" made the policy's short form the venture that later "the
    joint venture" stood for."""
    from nevkg.ingest.extract.anaphora_ventures import JV_NAMED

    assert JV_NAMED.match(", the joint venture will enjoy a ten-year tax holiday") is None
    assert JV_NAMED.match(", the joint venture of A and B, will build") is not None


def test_sales_in_new_towns_no_record_places_are_the_reporting_country_s_but_a_world_town_keeps_its_own(gaz):
    result = run(gaz, "AMMAN – Jordan's electric car imports rose 20 percent this year. Wadi Motors, a Chinese car "
                      "importer, has showrooms in Abdoun and Khalda. Xinrui also sells its SUVs in Madrid, Spain.",
                 date="2026-11-05")
    markets = {c.record["market"] for c in cands(result, "market_presence") if c.record["activity"] == "sells-in"}
    assert not markets & {"abdoun", "khalda"}
    assert "jordan" in markets and "spain" in markets


def test_a_road_named_with_its_head_in_lower_case_is_a_road_where_chargers_run_and_no_plant_stands(gaz):
    result = run(gaz, "Xinrui Auto will build a plant beside the Lviv-Rava highway in Zhovkva. Charging operator "
                      "Smereka Charge will install 90 fast chargers along the Kyiv-Chop highway by 2027.",
                 date="2026-11-05")
    places = {c.record["id"]: c.record.get("kind") for c in cands(result, "places")}
    assert places.get("kyiv-chop-highway") == "road"
    assert [r["places"] for r in _ids(result, "deployments").values()] == [["kyiv-chop-highway"]]
    assert "lviv-rava-highway" not in {r["place"] for r in _ids(result, "sites").values()}


def test_an_article_without_a_dateline_reports_from_the_country_whose_towns_it_names(gaz):
    result = run(gaz, "Chinese carmaker Xinrui Auto opened a showroom. Kagera Motors, which has imported Xinrui cars "
                      "since 2023, sold 900 of them in Kampala, Jinja and Mbarara this year. Its showroom in Gulu "
                      "opened in May, as demand in Uganda rose.", date="2026-11-05")
    assert ("xinrui-auto", "uganda") in _exports(result)
