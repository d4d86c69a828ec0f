"""Forms found on the round-23 samples (an EV assembly venture in 10th of Ramadan City, e-buses for Lima through
the Port of Chancay, a plant in Laos's Saysettha zone, a stake in a Kocaeli van maker, a brand launched in Sri Lanka
through a distributor, an e-motorbike venture in Ghana) once their unseen scores were recorded. The sentences are
written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round13_study import _orgs


def test_a_legal_form_in_brackets_before_ltd_ends_the_company_s_name_and_the_name_without_it_is_the_same(gaz):
    text = ("Kelani Drive (Pvt) Ltd, a unit of Ratmalana Holdings PLC, has launched Chinese brand Lanfeng in Sri "
            "Lanka. Kelani Drive will open 6 showrooms in Colombo. It signed a deal with Meegoda Charge (Pvt) Ltd, "
            "which runs 40 chargers. \"We will add 20 more,\" Meegoda Charge Chief Executive Officer Nadeesha "
            "Priyangika Rathnayake said.")
    result = run(gaz, text, date="2026-11-05")
    ids = set(_orgs(result))
    assert "kelani-drive-pvt-ltd" in ids
    assert not {"kelani-drive", "ltd", "meegoda-charge"} & ids
    assert {c.record["operator"] for c in cands(result, "deployments")} == {"kelani-drive-pvt-ltd"}
    assert {(r.record["person"], r.record["organization"]) for r in cands(result, "roles")} == {
        ("nadeesha-priyangika-rathnayake", "meegoda-charge-pvt-ltd")}


def test_a_brand_named_with_a_nation_s_adjective_is_no_brand_of_the_company_that_signs_for_it(gaz):
    text = ("Grupo Tonala Automotriz, which operates 41 agencies in Jalisco, signed this week a distribution "
            "contract with the Chinese brand Suhang Auto to open six points of sale in Guadalajara.")
    result = run(gaz, text, date="2026-11-05")
    suhang = next(c.record for c in cands(result, "organizations") if c.record["id"] == "suhang-auto")
    assert "brand_of" not in suhang
    assert {tuple(sorted(c.record["partners"])) for c in cands(result, "partnerships")} == {
        ("grupo-tonala-automotriz", "suhang-auto")}


def test_a_company_that_has_been_the_distributor_of_a_brand_in_a_country_since_a_date_brings_the_brand_in(gaz):
    text = ("Suhang Automobile makes cars in Yancheng. Nile Crest Motors has been the exclusive distributor of "
            "Suhang vehicles in Egypt since January 2025.")
    result = run(gaz, text, date="2026-11-05")
    got = {(c.record["exporter"], c.record["market"], c.record["activity"]) for c in cands(result, "market_presence")}
    assert ("suhang-automobile", "egypt", "entered") in got
    assert ("nile-crest-motors", "egypt", "entered") not in got


def test_named_roads_are_places_where_chargers_are_deployed_along_and_never_markets(gaz):
    text = ("Nile Crest Motors signed an agreement with Wattara Charging Company to install 120 fast chargers at its "
            "showrooms and along the Cairo-Suez Desert Road and the Cairo-Ismailia Road by June 2027. In Sri Lanka, "
            "Kelani Drive will add 40 chargers along the Southern and Central Expressways. The Road Transport "
            "Authority welcomed the plan.")
    result = run(gaz, text, date="2026-11-05")
    roads = {c.record["id"] for c in cands(result, "places") if c.record.get("kind") == "road"}
    assert roads == {"cairo-suez-desert-road", "cairo-ismailia-road", "southern-expressway", "central-expressway"}
    nets = {(c.record["operator"], tuple(c.record["places"])) for c in cands(result, "deployments")}
    assert ("wattara-charging-company", ("cairo-suez-desert-road", "cairo-ismailia-road")) in nets
    assert not [c for c in cands(result, "market_presence") if c.record["market"] in roads]


def test_a_relative_clause_after_a_name_says_who_runs_the_chargers_and_energia_ends_a_company_s_name(gaz):
    text = ("Jinlan Motors builds cars in Brazil. It signed a charging agreement in June with Rede Sol Energia, "
            "which runs fast chargers in the cities of the South-East.")
    result = run(gaz, text, date="2026-11-05")
    assert {c.record["operator"] for c in cands(result, "deployments")} == {"rede-sol-energia"}


def test_a_known_city_s_name_before_capital_is_the_city_and_a_weekday_in_a_clause_of_what_happened_is_past(gaz):
    text = ("Suhang Motors and Phonsavan Group will build an assembly plant in the Thanaleng Zone in Vientiane "
            "Capital, after the two companies signed a joint venture agreement on Tuesday. Dunes Capital said.")
    result = run(gaz, text, date="2026-11-19")
    assert "vientiane-capital" not in set(_orgs(result))
    assert "dunes-capital" in set(_orgs(result))
    jvs = [c.record for c in cands(result, "partnerships") if c.record["kind"] == "joint-venture"]
    assert [(sorted(r["partners"]), r.get("announced_on")) for r in jvs] == [
        (["phonsavan-group", "suhang-motors"], "2026-11-17")]


def _ventures(result):
    return {(tuple(sorted(c.record["partners"])), c.record.get("company"), c.record.get("majority_partner"))
            for c in cands(result, "partnerships") if c.record["kind"] == "joint-venture"}


def test_a_venture_company_named_alone_takes_as_parents_the_holders_of_its_shares_told_later(gaz):
    text = ("Suhang Electric Vehicle Co., Ltd and its Ghanaian partner, Kpone Mobility Limited, will build a plant "
            "in Accra. The plant will be operated by a joint venture company, Suhang Kpone Motors Ghana Limited. "
            "Suhang holds 60 per cent of the joint venture, while Kpone holds the remaining 40 per cent.")
    result = run(gaz, text, date="2026-11-19")
    assert _ventures(result) == {(("kpone-mobility-limited", "suhang-electric-vehicle-co-ltd"),
                                  "suhang-kpone-motors-ghana-limited", "suhang-electric-vehicle-co-ltd")}
    kpone = next(c.record for c in cands(result, "organizations") if c.record["id"] == "kpone-mobility-limited")
    assert "parent" not in kpone  # (the company after "while" is no company the stake is in)


def test_a_second_holder_s_share_with_its_verb_left_out_makes_it_the_venture_s_other_parent(gaz):
    text = ("Suhang Motors and Phonsavan Group will build a plant in Vientiane. The joint venture, Suhang Phonsavan "
            "Auto Lao Co., Ltd., will invest USD 85 million in the plant. Phonsavan Group will hold 51 percent of "
            "the company and Suhang 49 percent.")
    result = run(gaz, text, date="2026-11-19")
    assert _ventures(result) == {(("phonsavan-group", "suhang-motors"), "suhang-phonsavan-auto-lao-co-ltd",
                                  "phonsavan-group")}


def test_a_majority_stake_bought_for_a_price_in_a_company_described_as_city_based_is_a_subsidiary_and_an_investment(
        gaz):
    text = ("Chinese electric vehicle maker Suhang Automobile has agreed to buy a 51 percent stake in Bursa-based "
            "light commercial vehicle producer Nilufer Otomotiv for $310 million, the companies said.")
    result = run(gaz, text, date="2026-11-19")
    nilufer = next(c.record for c in cands(result, "organizations") if c.record["id"] == "nilufer-otomotiv")
    assert nilufer.get("parent") == "suhang-automobile"
    assert {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")} == {
        ("suhang-automobile", "nilufer-otomotiv")}


def test_a_body_for_two_places_with_its_short_form_in_brackets_after_them_is_one_name(gaz):
    text = ("The first 60 of the 200 electric buses bought by the Metropolitan Transport Authority for Quito and "
            "Cumbaya (AMTQ) arrived on Sunday. The AMTQ will run them from March.")
    result = run(gaz, text, date="2026-11-19")
    ids = set(_orgs(result))
    assert "metropolitan-transport-authority-for-quito-and-cumbaya" in ids
    assert "metropolitan-transport-authority-for-quito" not in ids


def test_the_place_buses_are_built_for_is_no_site(gaz):
    text = "Suhang Coach sold 7,200 buses in 2025. The buses for Quito were built at its factory in Ningde."
    result = run(gaz, text, date="2026-11-19")
    assert {c.record["place"] for c in cands(result, "sites")} == {"ningde"}


def _stats(result):
    return {(float(c.record["value"]), c.record.get("subject"), c.record.get("period_start"), c.record.get("period_end"))
            for c in cands(result, "observations")}


def test_a_months_code_is_a_period_and_the_same_period_last_year_is_its_months_a_year_before(gaz):
    text = ("COLOMBO: Vehicle imports cost Sri Lanka US $ 1.42 billion in 10M26, compared with US $ 906 million in "
            "the same period last year, central bank data showed. Kelani Motors sold 31,000 cars in 2026, against "
            "22,500 in the previous year.")
    result = run(gaz, text, date="2027-02-03")
    got = _stats(result)
    assert (1420000000.0, "sri-lanka", "2026-01", "2026-10") in got
    assert (906000000.0, "sri-lanka", "2025-01", "2025-10") in got
    assert (22500.0, "kelani-motors", "2025", "2025") in got
    assert not [v for v, *_ in got if v == 10]  # (no figure read from "10M26")
    assert "united-states" not in {m.id for m in result.mentions}  # ("US $" is a currency)


def test_a_title_s_remit_the_parser_ran_into_the_name_after_it_is_cut_off_the_person(gaz):
    text = ("\"Sri Lanka is small,\" Suhang Automobile Vice President for Asia Pacific Fu Jingchuan said at the "
            "launch. According to the Department of Motor Traffic (DMT), 16,240 cars were registered, Commissioner "
            "General of Motor Traffic Nalaka Bandara Herath told reporters.")
    result = run(gaz, text, date="2026-11-19")
    people = {c.record["id"] for c in cands(result, "people")}
    assert {"fu-jingchuan", "nalaka-bandara-herath"} <= people
    assert not {"asia-pacific-fu-jingchuan", "motor-traffic-nalaka-bandara-herath"} & set(_orgs(result))
    assert {(r.record["person"], r.record["organization"], r.record["title"]) for r in cands(result, "roles")} >= {
        ("fu-jingchuan", "suhang-automobile", "Vice President for Asia Pacific")}


def test_a_headline_s_nation_and_company_noun_are_no_part_of_the_name_and_numbered_routes_are_roads(gaz):
    text = ("Chinese EV Maker Suhang, Lao Firm Phonsavan to Build Assembly Plant in Vientiane\n\n"
            "Chinese electric vehicle maker Suhang Motors and Lao conglomerate Phonsavan Group will build an assembly "
            "plant in Vientiane. Phonsavan Motors will install 45 fast charging stations along Route 13 North by "
            "2027.")
    result = run(gaz, text, date="2026-11-19")
    ids = set(_orgs(result))
    assert "lao-firm-phonsavan" not in ids
    group = next(c.record for c in cands(result, "organizations") if c.record["id"] == "phonsavan-group")
    assert group.get("country") == "laos"
    assert {p for c in cands(result, "deployments") for p in c.record["places"]} == {"route-13-north"}


def test_a_model_s_price_is_no_revenue_and_takes_no_period_from_the_sentences_before(gaz):
    text = ("From January to October, Kelani Motors sold 2,140 Suhang vehicles. Its best-selling model, the Suhang "
            "Yunfan 3 electric SUV, sells for USD 24,900.")
    result = run(gaz, text, date="2026-11-19")
    price = next(c.record for c in cands(result, "observations") if float(c.record["value"]) == 24900)
    assert price.get("measure") is None
    assert "period_start" not in price


def test_a_stake_bought_for_a_price_is_read_in_its_own_sentence_after_a_short_one(gaz):
    text = ("Shares rose 3 percent. Suhang Automobile has agreed to buy a 51 percent stake in Bursa-based van "
            "producer Nilufer Otomotiv for $310 million.")
    result = run(gaz, text, date="2026-11-19")
    assert {(c.record["investor"], c.record.get("investee")) for c in cands(result, "investments")} == {
        ("suhang-automobile", "nilufer-otomotiv")}
