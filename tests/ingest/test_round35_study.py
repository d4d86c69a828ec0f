"""Forms found on the round-35 samples (an e-truck and e-bus venture near Narva, a pickup and e-bus venture in
Bhutan's Gelephu, an e-jitney venture at Freeport, an e-minibus and e-truck venture in Mozambique's Beluluane park,
an e-bus and e-taxi venture at Vaitele, a car and e-bus venture in a Kyrgyz free economic zone) once their unseen
scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _roles(result):
    return {(c.record["person"], c.record.get("organization"), c.record["title"]) for c in cands(result, "roles")}


@pytest.mark.parametrize("job, slug", [("Economist", "bakyt-osmonov"), ("Analyst", "bakyt-osmonov")])
def test_an_occupation_opening_a_sentence_is_no_part_of_the_name(gaz, job, slug):
    text = (f"{job} Bakyt Osmonov, head of the research firm Ala-Too Insight, said the plant would need buyers in "
            "Kazakhstan and Uzbekistan.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert (slug, "ala-too-insight", "head") in roles
    assert not any(p.startswith(job.lower()) for p, _, _ in roles)


@pytest.mark.parametrize("text, slug", [
    ("The Thimphu assembler will pay no import duty on kits, said the authority's director of investment, Dasho "
     "Ugyen Tenzin.", "ugyen-tenzin"),
    ("Bhutan will lease the land to the assembler for 30 years, said Trade Minister Lyonpo Pema Wangchuk.",
     "pema-wangchuk"),
])
def test_bhutans_honorifics_are_no_part_of_the_name(gaz, text, slug):
    people = {c.id for c in cands(run(gaz, text, date="2026-12-10"), "people")}
    assert slug in people and not any(p.startswith(("dasho", "lyonpo")) for p in people)


def test_a_portfolio_of_several_fields_after_of_keeps_its_first_field(gaz):
    text = ("Bhutan signed the lease with the assembler on Tuesday in the presence of Industry, Commerce and "
            "Employment Minister Sonam Dorji and officials of the park's authority.")
    assert ("sonam-dorji", "bhutan", "Industry, Commerce and Employment Minister") in _roles(
        run(gaz, text, date="2026-12-10"))


@pytest.mark.parametrize("name, slug", [
    ("Nurbek Asan uulu", "nurbek-asan-uulu"),
    ("Gulnara Temir kyzy", "gulnara-temir-kyzy"),
    ("Anar Rasul oglu", "anar-rasul-oglu"),
])
def test_a_name_ending_with_son_of_or_daughter_of_is_one_person(gaz, name, slug):
    text = (f"Tash-Kumyr Motors will assemble 2,000 electric cars a year in Bishkek from 2028, its founder {name} "
            "said on Friday.")
    result = run(gaz, text, date="2026-12-10")
    assert (slug, "tash-kumyr-motors", "founder") in _roles(result)
    assert slug in {c.id for c in cands(result, "people")}


def _deployments(result):
    return {(c.record["operator"], p) for c in cands(result, "deployments") for p in c.record.get("places") or []}


@pytest.mark.parametrize("text, operator, country", [
    ("Fengqi cars have been sold in Kenya since 2024 by Rift Valley Motors Ltd, which has showrooms in Nairobi, "
     "Mombasa and Kisumu.", "rift-valley-motors-ltd", "kenya"),
    ("Tallinn Charge AS runs 40 fast chargers in Tallinn and Tartu, and plans to have 120 by 2028 across Estonia.",
     "tallinn-charge-as", "estonia"),
])
def test_a_network_over_towns_of_one_country_is_deployed_in_that_country(gaz, text, operator, country):
    found = _deployments(run(gaz, text, date="2026-12-10"))
    assert (operator, country) in found
    assert {p for o, p in found if o == operator} - {country}  # and in its towns


def test_a_network_in_one_town_is_not_said_to_cover_its_country(gaz):
    text = "Rift Valley Motors Ltd, the Kenyan dealer, has three showrooms in Nairobi."
    found = _deployments(run(gaz, text, date="2026-12-10"))
    assert ("rift-valley-motors-ltd", "nairobi") in found and ("rift-valley-motors-ltd", "kenya") not in found


def _ventures(result):
    return {frozenset(c.record["partners"]): c.record for c in cands(result, "partnerships")
            if c.record.get("kind") == "joint-venture"}


@pytest.mark.parametrize("shares", [
    "in which Laowo will hold 70 per cent of the shares and Grupo Limpopo 30 per cent",
    "in which Laowo will hold 70 per cent of the share capital and Grupo Limpopo 30 per cent",
    "in which Laowo will hold 70 per cent and Grupo Limpopo 30 per cent",
])
def test_shares_of_the_whole_in_a_relative_clause_make_a_venture(gaz, shares):
    text = ("Laowo Commercial Vehicle Co., Ltd. has signed an agreement with Grupo Limpopo, S.A. The two partners "
            f"will form a new company, Laowo Limpopo Motores, S.A., {shares}.")
    ventures = _ventures(run(gaz, text, date="2026-12-10"))
    assert frozenset({"laowo-commercial-vehicle-co-ltd", "grupo-limpopo-s-a"}) in ventures


def test_the_joint_venture_company_named_after_a_share_and_the_other_partners_share(gaz):
    text = ("Heyun Motor Co., Ltd. and Long Island Industries Ltd signed the agreement in Nassau yesterday. Heyun "
            "will own 55 percent of the joint venture company, Heyun Bahamas Motors Ltd, and Long Island "
            "Industries 45 percent.")
    venture = _ventures(run(gaz, text, date="2026-12-10")).get(
        frozenset({"heyun-motor-co-ltd", "long-island-industries-ltd"}))
    assert venture is not None and venture.get("company") == "heyun-bahamas-motors-ltd"


def _org_ids(result):
    return {c.id for c in cands(result, "organizations")}


@pytest.mark.parametrize("name, slug", [
    ("Peipsiääre Bussiliinid AS", "peipsiaare-bussiliinid-as"),
    ("Kärdla Liinid AS", "kardla-liinid-as"),
    ("Emajõe Bussiliinid AS", "emajoe-bussiliinid-as"),  # (a trade noun before a name with "õ" inside a word)
])
def test_an_accented_name_and_the_legal_form_as_make_one_company(gaz, name, slug):
    text = f"Tartu bus operator {name} has ordered 24 electric city buses for €9.8 million."
    ids = _org_ids(run(gaz, text, date="2026-12-10"))
    assert slug in ids
    assert not {c.id for c in cands(run(gaz, text, date="2026-12-10"), "people")}


@pytest.mark.parametrize("more", [
    "It plans to have 150 by the end of 2028 in Tartu, Pärnu and Narva.",
    "Its chief executive said the company plans to have 150 by the end of 2028, in Tartu, Pärnu and Narva.",
])
def test_more_of_a_counted_network_told_by_a_number_alone_runs_in_the_places_named(gaz, more):
    text = f"Lääne Laadimine AS currently operates 30 public chargers in Tallinn. {more}"
    found = _deployments(run(gaz, text, date="2026-12-10"))
    assert {("laane-laadimine-as", p) for p in ("tartu", "parnu", "narva")} <= found


def test_a_number_alone_after_a_count_of_something_else_is_no_network(gaz):
    text = ("Lääne Laadimine AS currently employs 30 people in Tallinn. It plans to have 150 by the end of 2028 in "
            "Tartu, Pärnu and Narva.")
    assert not _deployments(run(gaz, text, date="2026-12-10"))


@pytest.mark.parametrize("utility_sentence", [
    "Distribution company Lõuna Võrk AS will connect them to the grid.",
    "Lõuna Võrk AS will supply the electricity for the new chargers.",
    "The stations will draw on the Lõuna Võrk AS grid at night under a ten-year agreement.",
    "The new chargers will be connected to the grid by Lõuna Võrk AS.",
])
def test_a_utility_connecting_a_charging_network_works_with_its_operator(gaz, utility_sentence):
    text = ("Valga Laadimine OÜ currently operates 12 fast chargers in Tartu and Pärnu. It plans to have 40 by the end of "
            f"2028. {utility_sentence}")
    pairs = partner_pairs(run(gaz, text, date="2026-12-10"), "cooperation")
    assert frozenset({"valga-laadimine-ou", "louna-vork-as"}) in pairs


def test_a_utility_connecting_a_plant_is_no_charging_partner(gaz):
    text = ("Valga Laadimine OÜ currently operates 12 fast chargers in Tartu and Pärnu. Separately, Lõuna Võrk AS will "
            "connect the new bus plant in Tartu to the grid.")
    pairs = partner_pairs(run(gaz, text, date="2026-12-10"), "cooperation")
    assert frozenset({"valga-laadimine-ou", "louna-vork-as"}) not in pairs


def _sales(result):
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")
            if c.record.get("activity") == "sells-in"}


def test_a_dealers_showrooms_in_a_market_are_the_brands_sales_there_not_the_dealers_own(gaz):
    text = ("Jinhe Motor Co., Ltd. will assemble cars in Kenya. Jinhe cars have been sold in Uganda since 2024 by "
            "Nile Crest Motors Ltd, which has showrooms in Kampala, Entebbe and Jinja.")
    result = run(gaz, text, date="2026-12-10")
    assert ("jinhe-motor-co-ltd", "uganda") in _sales(result)
    assert ("nile-crest-motors-ltd", "uganda") not in _sales(result)
    assert ("nile-crest-motors-ltd", "kampala") in _deployments(result)  # (its stores are still its own)


def _capacities(result):
    return {(float(c.record["value"]), c.record.get("period_start"), c.record.get("period_end"))
            for c in cands(result, "observations") if c.record.get("measure") == "production-capacity"}


@pytest.mark.parametrize("text, period", [
    ("According to Jinhe's general manager for Africa, production will begin in the third quarter of 2028 with a "
     "capacity of 2,400 vans a year.", ("2028-07", "2028-09")),
    ("Assembly is due to start in the second half of 2027 with capacity for 2,400 vans a year.",
     ("2027-07", "2027-12")),
])
def test_a_capacity_a_start_to_come_opens_with_is_dated_by_the_start(gaz, text, period):
    assert (2400.0, *period) in _capacities(run(gaz, f"Jinhe Motor Co., Ltd. will build vans in Kisumu. {text}",
                                                date="2026-12-10"))


def test_a_capacity_a_past_opening_came_with_is_not_dated_by_the_opening(gaz):
    text = ("Jinhe Motor Co., Ltd., which opened a plant in Kisumu last year with a capacity of 2,400 vans a year, "
            "built 900 vans there in the first ten months.")
    assert (2400.0, None, None) in _capacities(run(gaz, text, date="2026-12-10"))


@pytest.mark.parametrize("text, role", [
    ("An economist with Ruvuma Research, Neema Mollel, said the plant made sense.",
     ("neema-mollel", "ruvuma-research", "economist")),
    ("Neema Mollel, principal of the Arusha consultancy Ruvuma Advisory, said the project made sense.",
     ("neema-mollel", "ruvuma-advisory", "principal")),
])
def test_an_economist_with_a_firm_and_a_consultancys_principal_are_its_people(gaz, text, role):
    assert role in _roles(run(gaz, text, date="2026-12-10"))


@pytest.mark.parametrize("country, period", [("Bhutan", ("2025-07", "2026-06")), ("Ethiopia", ("2025-07", "2026-07")),
                                             ("Fiji", ("2025-08", "2026-07"))])
def test_a_fiscal_year_of_a_country_the_article_is_about_runs_from_its_own_start(gaz, country, period):
    text = (f"{country} imported 8,640 vehicles in the 2025-26 fiscal year, the customs office said. Electric cars "
            f"are a growing part of {country}'s imports, and {country} plans lower duties on them.")
    stats = {(float(c.record["value"]), c.record.get("period_start"), c.record.get("period_end"))
             for c in cands(run(gaz, text, date="2026-12-10"), "observations")}
    assert (8640.0, *period) in stats


def test_a_flow_changed_by_a_share_to_a_bare_number_counts_in_the_units_before(gaz):
    text = ("Tonga imported 3,120 vehicles in 2025. Imports from Japan fell 9.5 percent to 2,040, while imports from "
            "China rose 64 percent to 410.")
    stats = {(c.record.get("value"), c.record.get("unit"), c.record.get("yoy_change_pct"))
             for c in cands(run(gaz, text, date="2026-12-10"), "observations")}
    assert {(2040, "vehicles", -9.5), (410, "vehicles", 64)} <= {(float(v), u, y) for v, u, y in stats}


def _stats(result):
    return {(float(c.record["value"]), c.record.get("measure"), c.record.get("period_start"),
             c.record.get("period_end")) for c in cands(result, "observations")}


@pytest.mark.parametrize("text, want", [
    ("Figures show that 5,120 new vehicles were licensed in Tonga in the first 10 months of 2026. Of these, 390 were "
     "electric. EVs made up 7.6 percent of new vehicles licensed, up from 4.1 percent in the same period last year.",
     {(7.6, "nev-penetration-rate", "2026-01", "2026-10"), (4.1, None, "2025-01", "2025-10")}),  # (the base's
    # period is the same months a year before; its measure is left to the reviewer: taking the head's measure over
    # a longer gap cost round 13 ten figures)
    ("In January-November, 3,310 electric cars were registered in Tonga. Their share in the total number of newly "
     "registered cars reached 6.2 percent.", {(6.2, "nev-penetration-rate", "2026-01", "2026-11")}),
])
def test_the_electric_cars_share_of_new_registrations_is_a_penetration_rate(gaz, text, want):
    assert want <= _stats(run(gaz, text, date="2026-12-10"))


def test_a_companys_share_of_electric_registrations_stays_its_market_share(gaz):
    text = "In January-November, 3,310 electric cars were registered in Tonga. Jinhe took 31 percent of them."
    assert not {m for _, m, _, _ in _stats(run(gaz, text, date="2026-12-10"))} & {"nev-penetration-rate"}


@pytest.mark.parametrize("territory, slug, code", [
    ("the Turks and Caicos Islands", "turks-and-caicos-islands", "TC"),
    ("American Samoa", "american-samoa", "AS"),
    ("the Cook Islands", "cook-islands", "CK"),
])
def test_a_territory_with_its_own_iso_code_is_a_market_of_its_own(gaz, territory, slug, code):
    text = f"Jinhe Motor Co., Ltd. will export 300 buses a year to {territory} and Jamaica from its plant in Kingston."
    places = {c.id: c.record for c in cands(run(gaz, text, date="2026-12-10"), "places")}
    assert places[slug].get("iso_code") == code


@pytest.mark.parametrize("name, slug", [
    ("Demerara Power and Light Inc", "demerara-power-and-light-inc"),
    ("Essequibo Water and Power Ltd", "essequibo-water-and-power-ltd"),
])
def test_a_utility_named_by_what_it_sells_is_one_company(gaz, name, slug):
    text = f"Mahaica Volt Inc. runs 20 chargers in Georgetown. The {name} would connect the chargers to the grid."
    assert slug in _org_ids(run(gaz, text, date="2026-12-10"))


def test_the_company_after_a_stake_bought_is_the_company_bought_into(gaz):
    text = ("Jinhe Motor Co., Ltd. will build cars in Bishkek. Jinhe has also acquired a 30 percent stake in Ala-Too "
            "Charge LLC for $3.1 million. The company operates 64 charging stations in Bishkek and Osh.")
    assert ("ala-too-charge-llc", "bishkek") in _deployments(run(gaz, text, date="2026-12-10"))


def _sites(result):
    return {(op, c.record.get("place")) for c in cands(result, "sites") for op in c.record.get("operator") or []}


def test_a_suppliers_workshop_or_yard_in_a_town_is_its_site(gaz):
    text = ("Seats for the cars will be supplied by Kara-Balta Komponent LLC, which will expand its workshop in "
            "Kant. Issyk Steel Ltd will build the frames at its yard in Balykchy.")
    assert {("kara-balta-komponent-llc", "kant"), ("issyk-steel-ltd", "balykchy")} <= _sites(
        run(gaz, text, date="2026-12-10"))
