"""Forms found on the round-29 samples (an EV venture in Sharjah's Hamriyah Free Zone, an electric minibus-taxi plant
in Tshwane, a Chinese carmaker's stake in its Limassol importer, a dealer-group stake and a taxi order in Sydney, an
EV and e-bus venture in Karaganda, a logistics hub and swap stations in Malta) once their unseen scores were
recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _stakes(result):
    return {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")}


@pytest.mark.parametrize("text, stake", [
    ("To serve its buses, Tianqi Motors has acquired 25 percent of Ardak Charge LLP, an operator of fast chargers, "
     "for $9 million.", ("tianqi-motors", "ardak-charge-llp")),
    ("Lianhe Auto will also take 30% of Protea Energy for R250-million.", ("lianhe-auto", "protea-energy")),
    ("Lianhe Auto has taken a 15 percent stake in UAE charging company Sahra Power for $20 million.",
     ("lianhe-auto", "sahra-power"))])
def test_a_share_bought_without_the_word_stake_or_after_an_acronym_of_a_country_is_a_stake(gaz, text, stake):
    assert stake in _stakes(run(gaz, text, date="2026-12-08"))


def test_a_share_of_a_company_only_described_is_no_stake_of_the_company_named_before(gaz):
    result = run(gaz, "(Wire) Dec. 3 -- Yunqi Motor Group will buy 30 percent of its Saudi distributor, the Chinese "
                      "carmaker said.", date="2026-12-03")
    assert not cands(result, "investments")


def test_a_bare_name_in_use_for_the_company_named_first_stays_its_name_when_a_sister_company_is_named_later(gaz):
    result = run(gaz, "Kenanga Mutiara Holdings Bhd is paying RM150 mil for a stake in a battery maker. In a filing, "
                      "Kenanga said it had agreed to buy 40% of Sungai Power Sdn Bhd. Separately, Kenanga's unit "
                      "Kenanga Motors Sdn Bhd will assemble cars. Kenanga Motors will also sell them. Kenanga Estates "
                      "Sdn Bhd grows oil palm.", date="2026-12-03")
    assert ("kenanga-mutiara-holdings-bhd", "sungai-power-sdn-bhd") in _stakes(result)
    assert ("kenanga-motors-sdn-bhd", "sungai-power-sdn-bhd") not in _stakes(result)


def _exports(result):
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")
            if c.record["activity"] in {"exports-to", "targets-market"}}


@pytest.mark.parametrize("text, exporter, markets", [
    ("Tianqi Motors will build a car plant in Karaganda. About 30 percent of the output is planned for export to "
     "Uzbekistan and Tajikistan, as well as to Russia, the ministry said.", "tianqi-motors",
     {"uzbekistan", "tajikistan", "russia"}),
    ("Lianhe Auto and Protea Holdings set up a joint venture, Lianhe Protea Assemblers, to build minibuses at a plant "
     "in Silverton. About a third of the plant's output is meant for export, to Botswana, Namibia and Zambia.",
     "lianhe-protea-assemblers", {"botswana", "namibia", "zambia"})])
def test_the_output_of_a_plant_meant_for_export_goes_to_every_market_listed_and_is_the_ventures_when_it_is_named(
        gaz, text, exporter, markets):
    assert {(exporter, m) for m in markets} <= _exports(run(gaz, text, date="2026-12-08"))


def test_a_short_name_above_the_full_name_is_of_the_whole_name_not_of_its_first_words(gaz):
    # (the parser tags the deck's short name an organisation, and the name rules had the full name's first words
    # as a company of their own, which the short name then named)
    result = run(gaz, "A joint venture between Xiamen-based Jiangqiao and Johannesburg's Ubuntu Mobility Holdings will "
                      "build taxis.\n\nJiangqiao New Energy Vehicle Co., a maker of electric buses and vans based in "
                      "Xiamen in China's Fujian province, on Wednesday signed a joint venture agreement with Ubuntu "
                      "Mobility Holdings.", date="2026-12-10")
    orgs = {c.record["id"]: c.record for c in cands(result, "organizations")}
    assert "jiangqiao-new-energy-vehicle-co" in orgs and "jiangqiao-new-energy" not in orgs
    assert orgs["jiangqiao-new-energy-vehicle-co"].get("based_in") == "xiamen"


def test_a_town_taken_for_a_company_before_its_name_opens_a_list_of_towns_is_a_town(gaz):
    result = run(gaz, "Lianhe Auto will pay $40 million for a 20 per cent stake in Banksia Motor Group, the "
                      "Parramatta-based dealer group. Banksia runs 12 showrooms, in Parramatta, Penrith, Liverpool, "
                      "Newcastle and Canberra, among others.", date="2026-12-09")
    assert "parramatta" not in {c.record["id"] for c in cands(result, "organizations")}
    places = {p for c in cands(result, "deployments") for p in c.record.get("places", [c.record.get("place")])}
    assert {"parramatta", "penrith", "canberra"} <= places


def test_the_two_companies_after_a_stake_are_the_investor_and_the_company_it_bought_into(gaz):
    result = run(gaz, "Tianqi Motors has acquired 25 percent of Ardak Charge LLP. Together, the two companies will "
                      "install 90 fast chargers in Astana, Almaty and Shymkent by the end of 2027.", date="2026-12-10")
    networks = [c.record for c in cands(result, "deployments")]
    assert any({r["operator"], *r.get("partners", [])} == {"tianqi-motors", "ardak-charge-llp"}
               and {"astana", "almaty", "shymkent"} <= set(r["places"]) for r in networks), networks


def test_a_company_signed_up_to_build_chargers_on_two_highways_named_once_works_with_the_one_that_signed_it(gaz):
    result = run(gaz, "Lianhe Auto has also signed up Perth-based Banksia Charge to build a network of fast chargers "
                      "on the Great Eastern and Brand highways.", date="2026-12-09")
    assert frozenset({"lianhe-auto", "banksia-charge"}) in partner_pairs(result)
    places = {c.record["id"]: c.record for c in cands(result, "places")}
    assert places["great-eastern-highway"]["kind"] == places["brand-highway"]["kind"] == "road"
    assert any({"great-eastern-highway", "brand-highway"} <= set(c.record["places"])
               for c in cands(result, "deployments"))


def test_numbered_roads_written_once_in_the_plural_are_their_numbers(gaz):
    result = run(gaz, "The first 80 sites lie along the A-7 and A-2 highways.", date="2026-12-09")
    assert {"a-7", "a-2"} <= {c.record["id"] for c in cands(result, "places")}


def test_a_short_name_of_two_words_whose_first_word_the_parser_took_for_a_company_is_the_companys(gaz):
    # (the parser tags "Wattle" alone a company here)
    result = run(gaz, "Separately, Sydney taxi operator Wattle Grove Cabs has ordered 900 Lianhe L5 sedans, a contract "
                      "valued at about $40 million.\n\nWattle Grove chief executive Tony Pappas said the cars cost "
                      "less to run.", date="2026-12-09")
    roles = {(c.record["person"], c.record["organization"], c.record["title"]) for c in cands(result, "roles")}
    assert ("tony-pappas", "wattle-grove-cabs", "chief executive") in roles, roles


def test_a_count_in_the_present_tense_after_a_past_clause_is_of_the_articles_month(gaz):
    result = run(gaz, "Lianhe Auto exported 84,200 vehicles in January-November, up 41 percent year-on-year, and sells "
                      "in 27 countries.", date="2026-12-10")
    reach = [c.record for c in cands(result, "observations") if c.record.get("measure") == "market-reach"]
    assert [(r["value"], r["period_start"], r["period_end"]) for r in reach] == [(27, "2026-12", "2026-12")]
    exported = [c.record for c in cands(result, "observations") if c.record.get("measure") == "export-volume"]
    assert [(r["period_start"], r["period_end"]) for r in exported] == [("2026-01", "2026-11")]


@pytest.mark.parametrize("text, value", [
    ("Separately, Limassol bus operator Pafos Coaches Ltd has ordered 60 Lianhe electric buses worth €24 million.", 60),
    ("Pafos Coaches Ltd has placed an order for 1,500 Lianhe Haiyue 7 electric sedans worth €210 million.", 1500)])
def test_a_count_of_vehicles_named_by_their_maker_or_model_is_an_order_and_the_models_number_none(gaz, text, value):
    orders = [c.record["value"] for c in cands(run(gaz, text, date="2026-12-10"), "observations")
              if c.record.get("unit") == "vehicles"]
    assert orders == [value]


def test_a_demonym_describing_a_partner_ships_nothing(gaz):
    result = run(gaz, "Lianhe Auto is to set up a €35 million vehicle hub in Hal Far with a Maltese partner, from which "
                      "cars will be shipped to Libya, Tunisia and Cyprus.", date="2026-12-10")
    exporters = {c.record["exporter"] for c in cands(result, "market_presence")}
    assert "malta" not in exporters and "lianhe-auto" in exporters
