"""Forms found on the round-48 samples (an e-bus venture and loan in Philipsburg, e-snowmobiles and chargers on
Svalbard, e-motorcycle assembly and battery swaps in Bujumbura, a government lease and solar chargers in Stanley, an
e-bus and e-truck venture at Massawa, e-minibuses, a grant and chargers on St Helena) once their unseen scores were
recorded. The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round16_study import _roles
from tests.ingest.test_round42_study import _flows


def _markets(result):
    return {(c.record["exporter"], c.record["activity"], c.record["market"])
            for c in cands(result, "market_presence")}


def test_the_countries_ranked_after_an_export_market_are_export_markets(gaz):
    text = ("Scooters abroad\n\n"
            "Lanfeng Motor Co., Ltd. shipped 30,200 scooters abroad in the first nine months. Vietnam stayed its "
            "biggest export market with 9,100 units, followed by Thailand with 6,050, Peru with 2,900, and Kenya "
            "with 1,200.")
    result = run(gaz, text, date="2026-12-10")
    flows = _flows(result)
    assert {("lanfeng-motor-co-ltd", m) for m in ("vietnam", "thailand", "peru", "kenya")} <= flows
    assert not {(e, a, m) for e, a, m in _markets(result) if a == "sells-in"}


def test_common_short_names_of_territories_are_those_territories(gaz):
    text = ("Car imports\n\n"
            "Some 1,900 cars were imported into St. Maarten in the first half, and 310 into the Falklands. Japan "
            "supplied 800 of St. Maarten's cars. Chen Motors sells its vans in St Helena and on Ascension Island.")
    result = run(gaz, text, date="2026-12-10")
    places = {c.record["id"]: c.record.get("iso_code") for c in cands(result, "places")}
    assert {"sint-maarten": "SX", "falkland-islands": "FK", "saint-helena": "SH"}.items() <= places.items()
    assert "ascension-island" in places
    assert ("japan", "sint-maarten") in _flows(result)


def test_a_bodys_name_that_lists_its_fields_is_one_organisation(gaz):
    text = ("Tax breaks\n\n"
            "The Ministry of Energy, Mines and Rural Water approved the plant on Monday. The Ministry of Trade and "
            "Cooperative Development granted the tax break, and the money came from the Foreign, Trade and "
            "Development Office (FTDO). The FTDO said the grant was its largest.")
    orgs = {c.record["id"]: c.record for c in cands(run(gaz, text, date="2026-12-10"), "organizations")}
    assert {"ministry-of-energy-mines-and-rural-water", "ministry-of-trade-and-cooperative-development",
            "foreign-trade-and-development-office"} <= set(orgs)
    assert orgs["foreign-trade-and-development-office"].get("aliases") == ["FTDO"]
    assert not {"rural-water", "cooperative-development", "ministry-of-trade", "trade-and-development-office"} & \
        set(orgs)


def test_a_legislature_named_after_in_is_the_body_its_members_sit_in(gaz):
    text = ("Bus levy\n\n"
            "The Yukon Government will buy six electric buses. Speaking in the Legislative Assembly on Tuesday, MLA "
            "Dana Greer said she backed the purchase. The Territorial Assembly of the Republic last week passed the "
            "levy, which Nadim Auto Assembly will pay.")
    result = run(gaz, text, date="2026-12-10")
    orgs = {c.record["id"]: c.record.get("kind") for c in cands(result, "organizations")}
    assert orgs.get("legislative-assembly") == "government-body"
    assert orgs.get("territorial-assembly-of-the-republic") == "government-body"
    assert orgs.get("nadim-auto-assembly") not in {None, "government-body"}
    assert ("dana-greer", "legislative-assembly", "MLA") in _roles(result)


def test_a_senator_sits_in_the_senate_where_the_article_names_another_chamber_too(gaz):
    text = ("Excise tax\n\n"
            "A bill to cut the excise tax on electric cars passed the House of Delegates in May. A similar bill died "
            "in the Senate last year. Sen. Mara T. Olopai said she would vote for it.")
    assert ("mara-t-olopai", "senate", "Senator") in _roles(run(gaz, text, date="2026-12-10"))


def test_a_ministers_portfolio_list_with_its_short_name_in_brackets_before_the_name(gaz):
    text = ("Buses for Basseterre\n\n"
            "BASSETERRE--Ten electric buses will arrive in St Kitts and Nevis next year. The deal was signed in the "
            "presence of Minister of Transport, Works, Housing and Urban Development (MTWH) Delia Francis, who said "
            "the French side of the neighbouring island had done the same.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("delia-francis", "saint-kitts-and-nevis", "Minister of Transport, Works, Housing and Urban Development") \
        in roles
    assert not {o for p, o, _ in roles if p == "delia-francis"} & {"france"}


def test_a_dateline_glued_to_its_double_hyphen_is_the_articles_town(gaz):
    text = ("Buses for the island\n\n"
            "BASSETERRE--Ten electric buses will arrive next year, Minister of Transport Rhea Liburd said.\n\n"
            "China's bus exports rose by a third this year. China now sells buses in 40 countries, among them St Kitts "
            "and Nevis, and China's makers plan more.")
    assert ("rhea-liburd", "saint-kitts-and-nevis", "Minister of Transport") in _roles(run(gaz, text,
                                                                                           date="2026-12-10"))


def test_a_title_after_the_name_runs_over_the_commas_of_its_ministrys_name(gaz):
    text = ("Motorcycles\n\n"
            "\"Each electric motorcycle saves fuel we import,\" said Eng. Aimable Nduwayo, Director of Roads in the "
            "Ministry of Energy, Mines, Transport and Water, who opened the workshop. Eng. Nduwayo said more would "
            "follow.")
    result = run(gaz, text, date="2026-12-10")
    assert ("aimable-nduwayo", "ministry-of-energy-mines-transport-and-water", "Director of Roads") in _roles(result)
    assert "eng" not in {c.record["id"] for c in cands(result, "organizations")}


def test_the_gapped_parts_after_a_part_of_them_count_in_the_same_unit(gaz):
    text = ("Car imports\n\n"
            "Some 3,100 vehicles were imported into Tonga in the first half. New Zealand supplied 1,640 of them, "
            "Japan 910 and Australia 305, while 122 came from China.")
    values = {int(c.record["value"]): c.record.get("unit") for c in cands(run(gaz, text, date="2026-12-10"),
                                                                          "observations")}
    assert {1640: "vehicles", 910: "vehicles", 305: "vehicles", 122: "vehicles"}.items() <= values.items()


def test_a_dealer_appointed_for_a_market_opens_it_to_the_maker_not_to_the_dealer(gaz):
    text = ("Cars for the islands\n\n"
            "Hexian Motor Co., Ltd. makes small vans. Harbour Garage Ltd was appointed Hexian's dealer for Tonga in "
            "May, and Hexian has also named it as its dealer for Samoa. Reef Motors, which was appointed the sole "
            "distributor of Liyun Auto in Fiji in August, opened a showroom.")
    markets = _markets(run(gaz, text, date="2026-12-10"))
    assert {("hexian-motor-co-ltd", "entered", "tonga"), ("hexian-motor-co-ltd", "entered", "samoa")} <= markets
    assert not {(e, a, m) for e, a, m in markets if a == "entered" and e in {"harbour-garage-ltd", "reef-motors"}}


def test_a_town_in_title_case_with_the_full_date_and_a_dash_is_a_dateline(gaz):
    text = ("Bus plant launched\n\n"
            "Mendefera, 03 December 2026- A plant that will assemble electric buses at the Mendefera Free Zone was "
            "launched yesterday. The Mendefera plant will make 400 buses a year.")
    result = run(gaz, text, date="2026-12-10")
    places = {c.record["id"]: c.record.get("kind") for c in cands(result, "places")}
    assert places.get("mendefera") == "city"
    assert "mendefera" not in {c.record["id"] for c in cands(result, "organizations")}


def test_a_bodys_head_word_after_the_speaks_of_the_body_named_before(gaz):
    text = ("Chargers for the capital\n\n"
            "The Kombo Electricity Corporation will install 12 chargers in Banjul by March.\n\n"
            "The first six will stand at the depot of Banjul Transit Lines in Serekunda. \"The grid is ready,\" said "
            "Lamin Ceesay, head of network planning at the Corporation.")
    assert ("lamin-ceesay", "kombo-electricity-corporation", "head of network planning") in _roles(
        run(gaz, text, date="2026-12-10"))
