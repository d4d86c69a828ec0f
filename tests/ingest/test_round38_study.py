"""Forms found on the round-38 samples (an e-minibus and e-van venture at Lower Valley in the Cayman Islands, an
e-bus and e-van venture at the North Mole in Gibraltar, an e-motorcycle and e-mikrolet venture at Tibar in
Timor-Leste, an e-minibus and e-truck venture at Pekoa in Vanuatu, an e-truck and e-kombi venture at Matsapha in
Eswatini, an e-taxi and e-minibus venture at Crabbs in Antigua) once their unseen scores were recorded. The
sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _orgs(result):
    return {c.id for c in cands(result, "organizations")}


@pytest.mark.parametrize("tail", [".", "., its dealer in Luanda."])
def test_portugals_limited_company_ends_the_name_after_a_comma(gaz, tail):
    text = (f"Scooters have been sold in Angola since 2021 by Kassoma Motors, Lda{tail} This year Kassoma Motors "
            "sold 900 scooters.")
    assert "kassoma-motors-lda" in _orgs(run(gaz, text, date="2026-12-10"))


def _titles(result):
    return {(c.record["person"], c.record["title"]) for c in cands(result, "roles")}


@pytest.mark.parametrize("said, title", [("The Labour Party's spokeswoman on the economy, Ms Rosa Vella, said",
                                          "spokeswoman on the economy"),
                                         ("Mark Vella, the Labour Party's spokesman for the economy, said",
                                          "spokesman for the economy")])
def test_a_briefs_article_stays_in_the_title(gaz, said, title):
    text = f"{said} the plant was welcome but the land was leased too cheaply to Weilong Auto."
    name = "rosa-vella" if "Rosa" in said else "mark-vella"
    assert (name, title) in _titles(run(gaz, text, date="2026-12-10"))


def _role_rows(result):
    return {(c.record["person"], c.record["organization"], c.record["title"]) for c in cands(result, "roles")}


def test_a_region_after_the_is_no_short_name_of_a_company_it_opens(gaz):
    text = ("Pacific Charge Networks Ltd will install the chargers. Lu Ming, Weilong Auto's general manager for the "
            "Pacific, said assembly would begin in 2028.")
    rows = _role_rows(run(gaz, text, date="2026-12-10"))
    assert ("lu-ming", "weilong-auto", "general manager for the pacific") in {(p, o, t.lower()) for p, o, t in rows}


def _market_actors(result):
    return {(c.record["exporter"], c.record["market"]) for c in cands(result, "market_presence")}


def test_the_plant_stands_for_the_site_told_last_by_that_noun(gaz):
    text = ("Weilong Auto and Kessler Holdings Ltd will build a plant at Crabbs in Antigua. Battery packs will come "
            "from Lanbo Cell Ltd, which will supply them from its factory in Yibin. The plant will employ 190 "
            "people, and about half of its output will be exported to Dominica and Montserrat.")
    actors = {org for org, market in _market_actors(run(gaz, text, date="2026-12-10")) if market == "dominica"}
    assert actors and "lanbo-cell-ltd" not in actors


@pytest.mark.parametrize("said, markets", [
    ("About a third of the output is earmarked for Dominica and Montserrat.", {"dominica", "montserrat"}),
    ("The government said US$2 million is earmarked for Dominica and Montserrat.", set())])
def test_output_earmarked_for_markets_is_exported_there(gaz, said, markets):
    text = f"Weilong Auto will build a plant at Crabbs in Antigua. {said}"
    found = {m for org, m in _market_actors(run(gaz, text, date="2026-12-10")) if org == "weilong-auto"}
    assert found == markets


def _places(result):
    return {c.id for c in cands(result, "places")} | {m.id for m in result.mentions if m.file == "places"}


def test_a_countrys_short_name_is_the_country_alone_and_part_of_a_longer_place_name(gaz):
    text = ("Plants on Grand Cayman and Cayman Brac will open next year. Cayman imported 2,980 vehicles in 2025, "
            "and about half of the output is earmarked for the BVI and the TCI.")
    result = run(gaz, text, date="2026-12-10")
    places = _places(result)
    assert {"grand-cayman", "cayman-islands", "british-virgin-islands", "turks-and-caicos-islands"} <= places
    assert "cayman" not in places
    assert not any(m.id == "cayman-islands" and m.start == text.index("Cayman Brac") for m in result.mentions)


def test_a_co_operative_society_keeps_society_in_its_name(gaz):
    text = ("The first customer is the Harbour Taxi Owners Co-operative Society, which will buy 40 electric "
            "minibuses from Weilong Auto.")
    assert "harbour-taxi-owners-co-operative-society" in _orgs(run(gaz, text, date="2026-12-10"))


def test_a_portfolio_read_as_a_company_by_its_suffix_is_the_ministers_title_again(gaz):
    text = "The Minister of Public Works and Transport, Ama Dlamini, denied a report on route permits in Eswatini."
    assert ("ama-dlamini", "eswatini", "minister of public works and transport") in {
        (p, o, t.lower()) for p, o, t in _role_rows(run(gaz, text, date="2026-12-10"))}


def test_a_title_of_a_company_for_a_region_drops_the_of_left_by_the_name(gaz):
    text = ("Weilong Auto will build a plant in Dili. The general manager of Weilong for Southeast Asia, Lu "
            "Ming, said the scooters would be assembled there.")
    assert ("lu-ming", "weilong-auto", "general manager for southeast asia") in {
        (p, o, t.lower()) for p, o, t in _role_rows(run(gaz, text, date="2026-12-10"))}


def test_a_public_body_named_of_its_town_is_called_by_its_words_before_of(gaz):
    text = ("The Town Council of Lusaka will take 60 electric three-wheelers from Weilong Auto in 2028, said the "
            "President of the Town Council, Gaspar Soares.")
    result = run(gaz, text, date="2026-12-10")
    assert ("gaspar-soares", "town-council-of-lusaka") in {(p, o) for p, o, _ in _role_rows(result)}
    assert "town-council" not in _orgs(result)


def test_a_bare_title_after_a_co_operatives_noun_is_at_the_co_operative(gaz):
    text = ("The first customer is the Harbour Taxi Owners Co-operative Society, which will buy 40 electric "
            "minibuses from Weilong Auto. Ten will arrive from Zhuzhou in 2027 and the rest will come from Pekoa "
            "in 2029, co-operative president Jean Kalo said.")
    assert ("jean-kalo", "harbour-taxi-owners-co-operative-society", "president") in _role_rows(
        run(gaz, text, date="2026-12-10"))


def test_a_chiefs_style_after_the_title_is_no_title_word(gaz):
    text = "Sarakata Holdings Limited signed the deal. Its chairman, Chief Moses Tari, spoke at the signing."
    assert ("moses-tari", "sarakata-holdings-limited", "chairman") in _role_rows(run(gaz, text, date="2026-12-10"))


def test_a_government_that_welcomes_a_plant_is_not_what_the_factory_stands_for(gaz):
    text = ("The Constitutional Government has welcomed a joint venture to assemble electric motorcycles in Tibar, "
            "the first vehicle factory in the country. Weilong Auto will hold 60% of the joint venture company, "
            "Weilong Ramelau Motors, Lda., and Ramelau Holding will hold 40%. The factory will be built on six "
            "hectares next to Tibar Bay Port.")
    operators = {o for c in cands(run(gaz, text, date="2026-12-10"), "sites") for o in c.record["operator"]}
    assert "weilong-ramelau-motors-lda" in operators and "constitutional-government" not in operators


def test_a_company_owned_in_parts_with_the_share_after_owned_is_a_joint_venture(gaz):
    text = ("Weilong Auto and Catalan Marine Group Ltd signed the agreement on Thursday. The joint venture company, "
            "Weilong Catalan Vehicles Ltd, will be owned 51% by Weilong Auto and 49% by Catalan Marine Group Ltd.")
    result = run(gaz, text, date="2026-12-10")
    assert frozenset({"weilong-auto", "catalan-marine-group-ltd"}) in partner_pairs(result, "joint-venture")


def _stat_periods(result):
    return {(c.record["value"], c.record.get("period_start"), c.record.get("period_end"))
            for c in cands(result, "observations")}


def test_the_next_sentence_takes_the_figures_period_not_its_comparisons_base(gaz):
    text = ("Ghana imported vehicles worth $68.4 million in the first nine months of 2026, 6.8% less than in the "
            "same period of last year. Imports from Japan fell 9.4% to $11.2 million.")
    found = {(p, q) for v, p, q in _stat_periods(run(gaz, text, date="2026-12-04")) if float(v) == 11200000}
    assert found == {("2026-01", "2026-09")}


def test_the_bullets_of_a_list_with_no_lead_in_share_their_time(gaz):
    text = ("Weilong Auto will build buses in Ghana. Its sales there rose 12% to 400 from January to October."
            "\n\nFAST FACTS\n\n"
            "• Ghana imported 3,940 vehicles in January-September 2026, down 5.3%.\n"
            "• Imports from Japan fell 11.2% to 2,210.\n"
            "• The authority registered 2,615 vehicles from January to October.")
    found = {(p, q) for v, p, q in _stat_periods(run(gaz, text, date="2026-12-04")) if float(v) == 2210}
    assert found == {("2026-01", "2026-09")}


def test_a_number_of_seats_written_as_a_word_qualifies_the_vehicles(gaz):
    text = "The Harbour Taxi Co-operative Society Ltd has ordered 120 electric seven-seater taxis from Weilong Auto."
    values = {float(v) for v, _, _ in _stat_periods(run(gaz, text, date="2026-12-10"))}
    assert 120 in values


def test_a_batch_of_an_order_written_as_a_word_is_counted(gaz):
    text = ("The Harbour Bus Company has ordered 16 electric buses from Weilong Auto. Six will arrive fully built "
            "from Yangzhou in July 2027 and the other ten will be assembled in Gibraltar in 2028.")
    found = {(float(v), p) for v, p, _ in _stat_periods(run(gaz, text, date="2026-12-04"))}
    assert {(6, "2027-07"), (10, "2028")} <= found


def test_ordered_vehicles_that_will_work_from_places_are_the_buyers_fleet_there(gaz):
    text = ("The Harbour Taxi Co-operative Society Ltd has ordered 120 electric taxis from Weilong Auto. They will "
            "work from Maseru and Mafeteng, the co-operative's president said.")
    fleets = [c.record for c in cands(run(gaz, text, date="2026-12-10"), "deployments")
              if c.record.get("kind") == "vehicle-fleet"]
    assert any(f["operator"] == "harbour-taxi-co-operative-society-ltd" and "maseru" in f["places"] for f in fleets)


def test_a_bare_dateline_of_a_town_a_place_is_named_after_is_the_town(gaz):
    text = ("Chinese truck plant for Matsapha\n\nMATSAPHA – Electric trucks will roll off an assembly line at the "
            "Matsapha Industrial Estate from 2028, Weilong Auto said.")
    result = run(gaz, text, date="2026-12-04")
    assert "matsapha" in _places(result) and "matsapha" not in _orgs(result)


def test_a_share_of_the_company_named_in_apposition_and_the_rest_gapped_is_a_joint_venture(gaz):
    text = ("Weilong Auto will hold 62.5 per cent of the company, Weilong Lusushwana Motors (Pty) Ltd, and "
            "Lusushwana Holdings (Pty) Ltd the remaining 37.5 per cent.")
    result = run(gaz, text, date="2026-12-10")
    assert frozenset({"weilong-auto", "lusushwana-holdings-pty-ltd"}) in partner_pairs(result, "joint-venture")


def test_the_partners_after_a_venture_named_stand_for_its_company(gaz):
    text = ("Weilong Auto will own 65% of the new company, Weilong Pease Bay Motors Ltd., and Pease Bay Holdings "
            "Ltd. the remaining 35%. The partners plan to spend $52 million on a factory in Lower Valley.")
    operators = {o for c in cands(run(gaz, text, date="2026-12-10"), "sites") for o in c.record["operator"]}
    assert operators == {"weilong-pease-bay-motors-ltd"}


@pytest.mark.parametrize("lease", ["from the landowner, Lower Valley Estates Ltd.", "from Lower Valley Estates Ltd."])
def test_a_tenant_that_leases_its_site_from_a_landlord_works_with_it(gaz, lease):
    text = ("Weilong Auto will own 65% of the new company, Weilong Pease Bay Motors Ltd., and Pease Bay Holdings "
            f"Ltd. the remaining 35%. The plant will stand in Lower Valley, which the joint venture will lease for 25 "
            f"years {lease}")
    pairs = partner_pairs(run(gaz, text, date="2026-12-10"), "cooperation")
    assert frozenset({"weilong-pease-bay-motors-ltd", "lower-valley-estates-ltd"}) in pairs


def test_a_site_held_on_a_lease_from_a_landlord_works_with_it(gaz):
    text = ("Weilong Auto will own 51% of the joint venture company, Weilong Catalan Vehicles Ltd, and Catalan Marine "
            "Group Ltd the remaining 49%. The plant will occupy 2.3 hectares at the North Mole on a 25-year lease "
            "from the Gibraltar Port Authority.")
    pairs = partner_pairs(run(gaz, text, date="2026-12-10"), "cooperation")
    assert frozenset({"weilong-catalan-vehicles-ltd", "gibraltar-port-authority"}) in pairs
