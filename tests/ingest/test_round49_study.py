"""Forms found on the round-49 samples (an e-van and battery venture in San Marino, e-motorcycles from Christmas
Island, import duty cuts and e-utes in Wallis and Futuna, a council's lease of e-utes and chargers on Norfolk Island,
electric boats for Tokelau's atolls, e-buses for St. Pierre and Miquelon) once their unseen scores were recorded.
The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round48_study import _markets


def test_the_external_territories_of_australia_france_and_new_zealand_are_places_of_their_own(gaz):
    text = ("Island fleets\n\n"
            "Chen Motors sells its utes on Norfolk Island and on Christmas Island, and ships vans to St. Pierre and "
            "Miquelon and to the Cocos (Keeling) Islands. A boat went to Pitcairn in May.")
    places = {c.record["id"]: c.record.get("iso_code") for c in cands(run(gaz, text, date="2026-12-10"), "places")}
    assert {"norfolk-island": "NF", "christmas-island": "CX", "saint-pierre-and-miquelon": "PM",
            "cocos-keeling-islands": "CC", "pitcairn-islands": "PN"}.items() <= places.items()


def test_a_bare_dollar_in_an_article_without_a_dateline_is_the_dollar_of_the_land_it_is_about(gaz):
    text = ("Island council leases electric utes\n\n"
            "The Tokelau Government has signed a $2.4 million lease for 14 electric utes. Tokelau will pay $300,000 "
            "a year, and the utes will be charged from solar panels in Tokelau, which has three atolls. The utes "
            "are the first electric vehicles in Tokelau.")
    units = {c.record["value"]: c.record["unit"] for c in cands(run(gaz, text, date="2026-12-10"), "observations")}
    assert units.get(2400000) == "nzd" and units.get(300000) == "nzd"


def test_a_small_fleet_counted_in_words_is_a_figure_of_vehicles(gaz):
    text = ("Council fleet\n\n"
            "The council ordered nine electric utes and four 30-seat midibuses from Chen Motors. Two electric boats "
            "will follow. One in five new cars sold on the island is electric.")
    figs = {(c.record["value"], c.record["unit"]) for c in cands(run(gaz, text, date="2026-12-10"), "observations")}
    assert {(9, "vehicles"), (4, "vehicles"), (2, "vehicles")} <= figs
    assert (5, "vehicles") not in figs


def test_a_body_named_after_its_land_keeps_the_lands_name_the_parser_cut(gaz):
    text = ("Power\n\n"
            "Norfolk Island Electricity will install eight chargers at the depot in Headstone, the utility said.")
    orgs = {c.record["id"] for c in cands(run(gaz, text, date="2026-12-10"), "organizations")}
    assert "norfolk-island-electricity" in orgs and "island-electricity" not in orgs


def test_a_paragraph_that_opens_with_parts_of_them_counts_them_in_the_whole_before(gaz):
    text = ("Pacific push\n\n"
            "Chen Motors shipped 2,940 vehicles to Pacific Island markets in the first ten months of this year.\n\n"
            "Fiji took 1,160 of them, Papua New Guinea 620 and Samoa 240.")
    figs = {c.record["value"]: c.record for c in cands(run(gaz, text, date="2026-12-10"), "observations")}
    for value in (1160, 620, 240):
        assert (figs[value]["measure"], figs[value]["period_start"], figs[value]["period_end"]) == \
            ("export-volume", "2026-01", "2026-10")


def test_used_and_second_hand_vehicles_are_counted_like_new_ones(gaz):
    text = ("Imports\n\n"
            "The islands imported 314 new and used vehicles in the first nine months of 2026, and 120 second-hand "
            "cars came from Japan.")
    figs = {c.record["value"]: c.record["unit"] for c in cands(run(gaz, text, date="2026-12-10"), "observations")}
    assert figs.get(314) == "vehicles" and figs.get(120) == "vehicles"


def test_chargers_counted_in_words_are_a_figure(gaz):
    text = ("Chargers\n\n"
            "The utility plans to put two fast chargers at the ferry terminal by the end of June, and has six "
            "public charging points in the town already.")
    figs = {c.record["value"]: c.record for c in cands(run(gaz, text, date="2026-12-10"), "observations")}
    assert figs[2]["unit"] == "chargers" and figs[2].get("period_start") == "2027-06"
    assert figs[6]["unit"] == "chargers"


def test_vehicles_due_in_a_month_named_without_its_year_arrive_in_the_next_such_month(gaz):
    text = ("Buses\n\n"
            "The council has ordered nine buses from Chen Motors. The first 4 buses are due in May. Three electric "
            "vans are to follow in August.")
    figs = {c.record["value"]: c.record for c in cands(run(gaz, text, date="2026-12-03"), "observations")}
    assert figs[4].get("period_start") == "2027-05" and figs[3].get("period_start") == "2027-08"


def test_a_deadline_a_body_agreed_to_meet_is_the_next_such_month(gaz):
    text = ("Chargers\n\n"
            "The power company has agreed with the council to install 7 chargers at the bus garage by the end of "
            "April.")
    figs = {c.record["value"]: c.record for c in cands(run(gaz, text, date="2026-12-03"), "observations")}
    assert (figs[7].get("period_start"), figs[7].get("period_end")) == ("2027-04", "2027-04")


def test_a_part_of_a_fleet_counted_in_words_is_a_figure(gaz):
    text = ("Buses\n\n"
            "The council ordered 9 buses from Chen Motors. Seven of the 30-seat buses will run the town routes.")
    figs = {c.record["value"]: c.record["unit"] for c in cands(run(gaz, text, date="2026-12-03"), "observations")}
    assert figs.get(7) == "vehicles" and 30 not in figs


def test_an_australian_councillors_cr_and_malay_encik_are_honorifics(gaz):
    text = ("Council\n\n"
            "Shire President Cr Lim Swee Hock said the plant was welcome. Its general manager, Encik Rahman Daud, "
            "said hiring would start in March.")
    people = {c.record["id"] for c in cands(run(gaz, text, date="2026-12-03"), "people")}
    assert {"lim-swee-hock", "rahman-daud"} <= people and not {"cr-lim-swee-hock", "encik-rahman-daud"} & people


def test_an_island_lands_first_word_alone_is_that_land_where_the_article_names_it_in_full(gaz):
    text = ("Council\n\n"
            "Norfolk Island Regional Council has ordered nine utes. \"Every litre of fuel has to come to Norfolk by "
            "ship,\" Mayor Robyn Quintal said. Grand Cayman and Cayman Brac were not mentioned.")
    result = run(gaz, text, date="2026-12-03")
    places = {c.record["id"] for c in cands(result, "places")}
    assert "norfolk" not in places and "norfolk-island" in places
    assert {m.id for m in result.mentions if m.text == "Norfolk"} == {"norfolk-island"}


def test_the_territory_names_the_dependency_named_before(gaz):
    text = ("Duty cut\n\n"
            "Lawmakers in Wallis and Futuna cut the duty on electric cars. Chen Motors shipped its "
            "first four vehicles to the territory in November.")
    assert ("chen-motors", "exports-to", "wallis-and-futuna") in _markets(run(gaz, text, date="2026-12-03"))


def test_the_parts_of_an_export_count_told_by_market_are_exports_to_each(gaz):
    text = ("Pacific push\n\n"
            "Chen Motors shipped 2,940 vehicles to Pacific Island markets in the first ten months of this year.\n\n"
            "Fiji took 1,160 of them, Papua New Guinea 620 and Samoa 240.")
    result = run(gaz, text, date="2026-12-10")
    dests = {c.record["value"]: c.record.get("destination") for c in cands(result, "observations")}
    assert (dests[1160], dests[620], dests[240]) == ("fiji", "papua-new-guinea", "samoa")
    markets = {(c.record["activity"], c.record["market"]) for c in cands(result, "market_presence")}
    assert {("exports-to", "fiji"), ("exports-to", "papua-new-guinea"), ("exports-to", "samoa")} <= markets


def test_a_joint_venture_of_owners_each_with_its_share_in_a_relative_clause(gaz):
    text = ("Plant\n\n"
            "Council leased the land to Lily Beach Fengyu Motors Pty Ltd for 15 years. The company is a joint "
            "venture of the Chinese manufacturer Fengyu Electric Motorcycle Co., Ltd., which holds 60 per cent, and "
            "Lily Beach Industries Pty Ltd, an Island-owned building firm, which holds the other 40 per cent.")
    pairs = {frozenset(c.record["partners"]) for c in cands(run(gaz, text, date="2026-12-03"), "partnerships")
             if c.record["kind"] == "joint-venture"}
    assert frozenset({"fengyu-electric-motorcycle-co-ltd", "lily-beach-industries-pty-ltd"}) in pairs


def test_ordered_vehicles_based_or_garaged_at_places_are_the_buyers_fleet_there(gaz):
    text = ("Council fleet\n\n"
            "The Dunmore Council has ordered nine utes and four vans from Chen Motors. Six of the utes will be "
            "based at the works depot in Headstone, and the vans will be garaged in Kingston.")
    places = {p for c in cands(run(gaz, text, date="2026-12-03"), "deployments") for p in c.record.get("places", [])}
    assert {"headstone", "kingston"} <= places


def test_a_territorys_administrator_holds_an_office_of_that_territory(gaz):
    text = ("Boats\n\n"
            "The Administrator of Tokelau, Mark Sefton, attended the signing of the boat order.")
    roles = {(c.record["person"], c.record["organization"], c.record["title"])
             for c in cands(run(gaz, text, date="2026-12-03"), "roles")}
    assert ("mark-sefton", "tokelau", "Administrator") in roles


def test_a_term_repaid_over_or_granted_for_the_first_years_is_a_duration_with_no_bound(gaz):
    text = ("Loan\n\n"
            "The venture will pay half the usual tax rate for its first eight years. Its loan of 18 million euros "
            "is to be repaid over ten years.")
    figs = {(c.record["value"], c.record["unit"]): c.record for c in cands(run(gaz, text, date="2026-12-03"),
                                                                            "observations")}
    assert (8, "years") in figs and (10, "years") in figs
    assert "bound" not in figs[(10, "years")]


def test_a_lease_or_loan_term_in_months_is_a_duration_with_no_bound(gaz):
    text = ("Lease\n\n"
            "The buses are being leased from the Harbour Bank over 60 months, and the loan carries an 18-month grace "
            "period. Sales rose for 14 consecutive months, and 9,400 cars were sold in the 10-month period.")
    figs = {(c.record["value"], c.record["unit"]): c.record for c in cands(run(gaz, text, date="2026-12-03"),
                                                                            "observations")}
    assert "bound" not in figs[(60, "months")] and "measure" not in figs[(60, "months")]
    assert (18, "months") in figs and (10, "months") not in figs
    assert figs[(14, "months")]["measure"] == "consecutive-growth-months"


def test_a_country_the_parser_ran_into_its_count_keeps_the_count_as_a_figure(gaz):
    text = ("Pacific push\n\n"
            "Chen Motors shipped 2,940 vehicles to Pacific Island markets in the first ten months of this year.\n\n"
            "Fiji took 1,160 of them, Papua New Guinea 620, New Caledonia 480, Samoa 240, Tonga 205 and Vanuatu 150.")
    result = run(gaz, text, date="2026-12-10")
    markets = {c.record["market"] for c in cands(result, "market_presence") if c.record["activity"] == "exports-to"}
    assert {"papua-new-guinea", "tonga", "vanuatu"} <= markets
    assert {620, 205, 150} <= {c.record["value"] for c in cands(result, "observations")}
