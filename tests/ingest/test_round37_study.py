"""Forms found on the round-37 samples (an e-truck and e-bus venture at Helguvik in Iceland, an e-maxi-taxi and
e-bus venture at Point Lisas in Trinidad, an e-scooter and e-buggy venture at Gulhifalhu in the Maldives, an
e-refuse-truck venture at Liepāja in Latvia, an e-tuk-tuk venture in Tonga, an e-pickup and e-motorcycle venture in
Belize) once their unseen scores were recorded. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.test_parse_rules import cands, partner_pairs, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def _roles(result):
    return {(c.record["person"], c.record["organization"]) for c in cands(result, "roles")}


@pytest.mark.parametrize("title", ["Transport and Energy Minister", "Minister of Energy and Transport"])
def test_a_minister_named_by_portfolio_is_at_the_ministry_the_article_names(gaz, title):
    text = ("Weilong Auto signed the agreement at the Ministry of Transport and Energy on Monday. "
            f"{title} Tevita Halaholo said the boats would be built from 2028.")
    assert ("tevita-halaholo", "ministry-of-transport-and-energy") in _roles(run(gaz, text,
                                                                                          date="2026-12-10"))


def test_a_ministry_named_with_its_country_leaves_the_minister_at_the_country(gaz):
    text = ("The agreement was signed at the Ministry of Transport of Kazakhstan on Monday. Minister of Transport "
            "Tevita Halaholo said the boats would be built from 2028 in Kazakhstan.")
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("tevita-halaholo", "kazakhstan") in roles


def _orgs(result):
    return {c.id for c in cands(result, "organizations")}


@pytest.mark.parametrize("name, slug", [("Hraunfell Logistics ehf.", "hraunfell-logistics-ehf"),
                                        ("Hraunfell Group hf.", "hraunfell-group-hf")])
def test_icelands_legal_forms_end_the_name(gaz, name, slug):
    text = f"{name} has ordered 30 electric trucks from Weilong Auto for its runs between Selfoss and Akureyri."
    assert slug in _orgs(run(gaz, text, date="2026-12-10"))


@pytest.mark.parametrize("name, slug", [("SIA Dzintarkrasts Loģistika", "sia-dzintarkrasts-logistika"),
                                        ("AS Ventspils Mašīnbūve", "as-ventspils-masinbuve"),
                                        ("UAB Žalgiris Transportas", "uab-zalgiris-transportas")])
def test_a_legal_form_written_before_the_name_and_its_baltic_letters_stay_in_it(gaz, name, slug):
    text = f"Weilong Auto will hold 60% of the venture and {name} the remaining 40%, the ministry said."
    assert slug in _orgs(run(gaz, text, date="2026-12-10"))


_ORDER = ("The first customer is the Riverside Maxi Taxi Co-operative Society Ltd, which has ordered 80 electric "
          "maxi-taxis from Weilong Auto. ")


@pytest.mark.parametrize("said", ["the co-operative's president, Hollis Ramdial, said",
                                  "said the co-operative's chairman, Mr. Hollis Ramdial"])
def test_a_co_operatives_officer_is_at_the_co_operative_its_name_says(gaz, said):
    text = _ORDER + f"They will run between Arima, Chaguanas and Couva, {said}."
    roles = _roles(run(gaz, text, date="2026-12-10"))
    assert ("hollis-ramdial", "riverside-maxi-taxi-co-operative-society-ltd") in roles


def test_a_larger_city_listed_with_towns_stays_a_place_before_a_title(gaz):
    text = _ORDER + ("The taxis will operate in Bangkok, Nonthaburi and Nakhon Ratchasima, said the co-operative's "
                     "chairman, Mr Somsak Thongdee.")
    result = run(gaz, text, date="2026-12-10")
    assert "nakhon-ratchasima" not in {c.id for c in cands(result, "people")}
    assert {p for p, _ in _roles(result)} == {"somsak-thongdee"}


def _titles(result):
    return {(c.record["person"], c.record["title"]) for c in cands(result, "roles")}


@pytest.mark.parametrize("said, name", [("according to its general manager, Mrs. Marisol Tzul", "marisol-tzul"),
                                        ("said its managing director, Mrs 'Ana Tupou", "ana-tupou")])
def test_a_title_after_according_to_or_before_an_honorific_keeps_only_its_words(gaz, said, name):
    text = f"The lot is leased from the Harbour Zone Management Agency (HZMA) for 25 years, {said}."
    titles = {t.lower() for p, t in _titles(run(gaz, text, date="2026-12-10")) if p == name}
    assert titles and titles <= {"general manager", "managing director"}


def test_a_towns_hyphened_name_is_one_place_and_names_no_country(gaz):
    text = ("Mon Repos Motors Ltd has sold Weilong cars since 2022 from showrooms in San Fernando and on Wrightson Road, "
            "Port-of-Spain. Weilong buses will run between Chaguanas and Port-of-Spain.")
    result = run(gaz, text, date="2026-12-10")
    places = {c.id for c in cands(result, "places")}
    assert "port-of-spain" in places and "spain" not in places
    assert not any(c.record.get("market") == "spain" for c in cands(result, "market_presence"))


def test_t_and_t_is_trinidad_and_tobago(gaz):
    text = "Weilong Auto will build T&T's first electric bus plant at Point Lisas."
    assert "trinidad-and-tobago" in {c.id for c in cands(run(gaz, text, date="2026-12-10"), "places")}


def test_a_headlines_infinitive_ends_the_name_before_it():
    """The parser's span "Vörður to Assemble Electric Trucks" of a title-case headline is set here by hand (the
    parser reads only some such headlines so)."""
    from spacy.tokens import Span

    from nevkg.ingest.extract.ner_spans import name_spans
    from nevkg.ingest.extract.nlp import load_pipeline

    doc = load_pipeline()("Chinese Truck Maker and Vörður to Assemble Electric Trucks at Helguvík")
    doc.ents = [Span(doc, 4, 9, "ORG")]
    assert [doc.text[x.start_char:x.end_char] for x in name_spans(doc)] == ["Vörður"]


@pytest.mark.parametrize("utility, uid", [
    ("State Electric Company Limited (SECL) will connect the chargers in Tarawa", "state-electric-company-limited"),
    ("Kessler Netz GmbH, the regional distribution company, will connect the chargers outside the capital",
     "kessler-netz-gmbh")])
def test_a_utility_by_its_name_or_an_apposition_connecting_chargers_works_with_their_operator(gaz, utility, uid):
    text = ("Lagoon Charge Pvt Ltd operates 90 scooter chargers in Malé and plans to have 400 by the end of 2028, its "
            f"chief executive Aishath Rifa said. {utility}.")
    assert {"lagoon-charge-pvt-ltd", uid} in partner_pairs(run(gaz, text, date="2026-12-10"))


_JV = ("Weilong Auto Co., Ltd. and Kestrel Holdings Ltd signed the joint venture agreement on Monday. Weilong will own "
       "55 percent of the new company, Weilong Kestrel Motors Ltd, and Kestrel the other 45 percent. Weilong also "
       "makes buses in Changzhou and Chery sells cars here. ")


@pytest.mark.parametrize("order, buyer", [
    ("The first customer of the joint venture is Harbour Cabs Ltd, which has ordered 60 electric taxis.",
     "harbour-cabs-ltd"),
    ("The venture's first customer is Harbour Cabs Ltd, the taxi company of the capital area, which has ordered 24 "
     "electric buses.", "harbour-cabs-ltd"),
    ("The venture's first customer is Strætó bs., the public bus company of the capital area, which has ordered 24 "
     "electric buses.", "straeto-bs")])
def test_the_first_customer_of_a_venture_ordering_vehicles_works_with_it(gaz, order, buyer):
    assert {buyer, "weilong-kestrel-motors-ltd"} in partner_pairs(run(gaz, _JV + order, date="2026-12-10"))


def test_the_first_customer_of_the_plant_names_no_owner_of_the_plant(gaz):
    text = _JV + ("The plant will be built on land owned by Tajik Granite Company. The first customer of the plant "
                  "will be the Harbour Transit Authority, which has ordered 60 electric buses.")
    assert not any("tajik-granite-company" in p for p in partner_pairs(run(gaz, text, date="2026-12-10"))
                   if "harbour-transit-authority" in p)


def test_a_name_with_a_glottal_stop_is_whole(gaz):
    text = "Kolomotu'a Taxis Ltd has ordered 60 electric vans from Weilong Auto for its runs in Nuku'alofa."
    orgs = _orgs(run(gaz, text, date="2026-12-10"))
    assert "kolomotu-a-taxis-ltd" in orgs and "taxis-ltd" not in orgs


def test_a_relative_clause_between_a_parent_and_its_share_leaves_the_venture_whole(gaz):
    text = ("Weilong Auto Co., Ltd., which makes electric three-wheelers, motorcycles and small vans, will own 58 "
            "percent of the new company, Weilong Tonga Motors Ltd, while Kestrel Holdings Ltd will own 42 percent.")
    assert {"weilong-auto-co-ltd", "kestrel-holdings-ltd"} in partner_pairs(run(gaz, text, date="2026-12-10"),
                                                                             "joint-venture")


def test_a_loan_from_a_bank_in_an_order_leaves_the_customer_noun_to_name_the_maker(gaz):
    text = _JV + ("The first customer of the joint venture is Harbour Cabs Ltd, which has ordered 60 electric vans "
                  "worth $1.9 million with a loan from the Harbour Development Bank (HDB).")
    assert {"harbour-cabs-ltd", "weilong-kestrel-motors-ltd"} in partner_pairs(run(gaz, text, date="2026-12-10"))


def test_parts_a_plant_abroad_assembles_vehicles_from_are_the_makers_exports_as_kits_are(gaz):
    text = ("Weilong Auto will build an electric truck plant in Ventspils, Latvia. At first the plant will assemble "
            "vehicles from chassis, electric drive units and battery packs made at Weilong's main factory in "
            "Changzhou, in China's Jiangsu province.")
    markets = {(c.record["exporter"], c.record["market"], c.record["activity"])
               for c in cands(run(gaz, text, date="2026-12-10"), "market_presence")}
    assert ("weilong-auto", "latvia", "exports-to") in markets


def test_the_company_in_what_a_companys_officer_says_is_the_officers(gaz):
    text = _JV + ("Kestrel runs fish trucks in the north. Wu Haotian, Weilong's vice president for Europe, told "
                  "reporters that the first vehicles would be put together from kits made at the company's factory in "
                  "Changzhou, in Jiangsu province.")
    sites = {(op, c.record.get("place")) for c in cands(run(gaz, text, date="2026-12-10"), "sites")
             for op in c.record.get("operator") or []}
    assert ("weilong-auto-co-ltd", "changzhou") in sites and ("kestrel-holdings-ltd", "changzhou") not in sites


@pytest.mark.parametrize("kind", ["scooter", "truck", "bus"])
def test_chargers_named_by_the_vehicles_they_charge_count_chargers(gaz, kind):
    text = f"Lagoon Charge Pvt Ltd operates 90 {kind} chargers in Malé and plans to have 400 by the end of 2028."
    units = {(c.record["value"], c.record["unit"]) for c in cands(run(gaz, text, date="2026-12-10"), "observations")}
    assert (90, "chargers") in units


def test_a_fiscal_year_said_to_end_in_a_month_runs_to_that_month_and_so_do_the_figures_after_it(gaz):
    text = ("According to the Central Statistical Office, the country imported 21,300 cars in fiscal 2025/2026, "
            "which ended in September, 3.2 per cent fewer than in the previous fiscal year. Imports from Japan fell "
            "9.5 per cent to 13,900.")
    periods = {(c.record["value"], c.record.get("period_start"), c.record.get("period_end"))
               for c in cands(run(gaz, text, date="2026-12-04"), "observations")}
    assert {(21300, "2025-10", "2026-09"), (13900, "2025-10", "2026-09")} <= periods


def test_a_capacity_after_a_start_told_in_its_own_sentence_takes_the_starts_time(gaz):
    text = ("Weilong Auto will build the plant in Gulhifalhu. Production is scheduled to start in the second half of "
            "2028, with the capacity to produce 24,000 scooters and 1,500 buggies a year.")
    periods = {(c.record["value"], c.record.get("period_start"), c.record.get("period_end"))
               for c in cands(run(gaz, text, date="2026-12-04"), "observations")
               if c.record.get("measure") == "production-capacity"}
    assert periods == {(24000, "2028-07", "2028-12"), (1500, "2028-07", "2028-12")}


@pytest.mark.parametrize("word", ["Assembly", "Production", "Output"])
def test_a_sentence_opened_by_a_word_of_making_names_no_company(gaz, word):
    text = (f"Weilong Auto will build the plant. {word} is scheduled to start in the second half of 2028, with the "
            "capacity to produce 24,000 scooters a year.")
    assert word.lower() not in _orgs(run(gaz, text, date="2026-12-04"))


def test_a_portfolio_the_parser_read_as_a_body_stays_in_the_title_that_names_the_ministry(gaz):
    text = ("The plant will be built in Liepāja, the Ministry of Economics said on Wednesday. The agreement was signed "
            "in Rīga in the presence of Economics Minister Ilga Strazdiņa (ZZS).")
    result = run(gaz, text, date="2026-12-03")
    assert {(c.record["person"], c.record["organization"], c.record["title"]) for c in cands(result, "roles")} == {
        ("ilga-strazdina", "ministry-of-economics", "Economics Minister")}
    assert "economics" not in _orgs(result)


@pytest.mark.parametrize("firm", ["Dolphin Head Analytics", "Gull Rock Economics", "Kanduvalu Research"])
def test_a_research_houses_name_before_its_economists_title_is_its_organisation(gaz, firm):
    text = ("Imports of cars from China rose 46 per cent to US$118.6 million. Some 2,140 electric cars were imported "
            "under licences from the Trade Board Limited between April and November.\n\n"
            f"{firm} economist Dr Andrea Lyn-Shue said the plant would stand or fall on regional orders.")
    titles = {(c.record["person"], c.record["organization"], c.record["title"])
              for c in cands(run(gaz, text, date="2026-12-04"), "roles")}
    assert titles == {("andrea-lyn-shue", firm.lower().replace(" ", "-"), "economist")}


@pytest.mark.parametrize("said, title", [("Managing director Sharon Reid said the operator spent J$610 million on "
                                          "diesel last year.", "Managing director"),
                                         ("Cooperative chairperson Sharon Reid said about 1,150 taxis are registered "
                                          "with the cooperative.", "chairperson")])
def test_a_bare_title_before_a_name_is_at_the_company_the_speakers_words_speak_of(gaz, said, title):
    text = ("Harbour Coaster Cooperative Limited, which operates 140 diesel buses between Portmore and Kingston, "
            "has agreed to buy 90 electric buses from Weilong Auto. The first 30 are due in April, while the "
            f"remaining 60 will come in 2028.\n\n{said}")
    roles = {(c.record["person"], c.record["organization"], c.record["title"])
             for c in cands(run(gaz, text, date="2026-12-04"), "roles")}
    assert roles == {("sharon-reid", "harbour-coaster-cooperative-limited", title)}


def test_a_larger_town_of_the_world_is_never_made_a_person_by_a_lone_word_of_its_name(gaz):
    text = ("Carga Norte plans to install 380 chargers by the end of 2028 in Santo Domingo, Santiago and Punta Cana. "
            "Domingo said the network would grow. Weilong Auto vehicles are sold by Motores del Norte, S.R.L., which "
            "has 14 showrooms in Santo Domingo, Santiago and Higüey.")
    result = run(gaz, text, date="2026-12-10")
    assert "santo-domingo" in {c.id for c in cands(result, "places")}
    assert "santo-domingo" not in {c.id for c in cands(result, "people")}
