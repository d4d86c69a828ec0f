"""Forms found on the round-46 samples (an e-van joint venture at Moerdijk, a finance law and a distributor in
Algiers, e-taxis, e-buses and a loan in Majuro, e-safari buses, e-taxis and chargers on Tortola, an import levy and an
e-rental fleet on Rarotonga, an e-bus and e-pickup venture in St George's) once their unseen scores were recorded.
The sentences are written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round16_study import _roles as _titled_roles
from tests.ingest.test_round30_study import _places


def test_a_town_named_after_a_saint_in_the_possessive_keeps_its_possessive(gaz):
    text = ("Taxis for the capital\n\n"
            "Palmetto Point Motors will open a showroom in St. George's, Grenada, in March. Its taxis will also serve "
            "hotels in St John's and St Julian's, the company said.")
    result = run(gaz, text, date="2026-12-10")
    places = set(_places(result))
    assert {"st-george-s", "st-john-s", "st-julian-s"} <= places
    assert not {"st-george", "st-john", "st-julian"} & places
    assert not {c.record["id"] for c in cands(result, "people")} & {"st-george-s", "st-john-s", "st-julian-s"}


def _roles(result) -> set[tuple[str, str]]:
    return {(person, org) for person, org, _ in _titled_roles(result)}


def test_a_minister_of_an_island_whose_towns_no_table_knows_is_not_the_makers_country(gaz):
    text = ("Levy to go\n\n"
            "Electric cars and vans will come in free of the import levy from March, Finance Minister Tapi Rongo told "
            "Parliament on Tuesday.\n\n"
            "Arorangi Motors Ltd, which sells cars of the Chinese maker Heyun in Avatiu, Nikao and Titikaveka, said "
            "it would open showrooms in Matavera, Muri and Ngatangiia next year and a workshop in Tupapa. Heyun "
            "builds its cars in Changsha and Zhuzhou, in China.\n\n"
            "The Chinese maker's cars are financed by the Bank of the Cook Islands, which lends over five years. "
            "Imports from China rose to 96 cars, the statistics office said. Heyun has sold 40 cars in the Cook Islands "
            "since May.")
    result = run(gaz, text, date="2026-12-10")
    assert ("tapi-rongo", "cook-islands") in _roles(result)


def test_the_initials_of_a_name_keep_a_capitalised_word_whole(gaz):
    text = ("Chargers\n\n"
            "The BVI Electricity Corporation will install 12 chargers at the depot by June. BVIEC General Manager "
            "Marla Penn said the corporation would bill the depot at its night rate.")
    result = run(gaz, text, date="2026-12-10")
    assert ("marla-penn", "bvi-electricity-corporation") in _roles(result)
    assert "bviec" not in {c.record["id"] for c in cands(result, "organizations")}


def test_a_possessive_inside_a_companys_name_is_part_of_it_unless_it_names_a_country(gaz):
    text = ("Safari buses\n\n"
            "The tour operator signed the purchase with Pelican's Point Motors Ltd., which sells Heyun cars on the "
            "island, and China's Heyun Motors Co., Ltd. will build them. Pelican's Point Motors sold 88 cars this "
            "year, General Manager Dana Frett said.")
    result = run(gaz, text, date="2026-12-10")
    ids = {c.record["id"] for c in cands(result, "organizations")}
    assert {"pelican-s-point-motors-ltd", "heyun-motors-co-ltd"} <= ids
    assert not ids & {"point-motors-ltd", "point-motors", "pelican", "china-s-heyun-motors-co-ltd"}
    assert ("dana-frett", "pelican-s-point-motors-ltd") in _roles(result)


def test_its_officer_after_a_sentence_whose_subject_is_a_noun_for_a_company_is_that_companys(gaz):
    text = ("Distributor\n\n"
            "Pelican Holdings Ltd. has been the distributor of Heyun Automobile Co., Ltd. in Grenada since 2023. The "
            "group sold 212 Heyun vehicles in the first ten months of the year, its chairman, Dr Ralph Mason, said.")
    result = run(gaz, text, date="2026-12-10")
    assert ("ralph-mason", "pelican-holdings-ltd") in _roles(result)


def test_a_titled_speaker_closing_the_sentence_speaks_for_the_subject_of_its_main_verb(gaz):
    text = ("Safari buses\n\n"
            "Sugar Mill Tours Ltd., the island's largest tour operator, has ordered 30 electric safari buses from "
            "Chinese automaker Heyun Automobile Co., Ltd., Managing Director Kemar Penn told the paper on Monday.")
    result = run(gaz, text, date="2026-12-10")
    assert ("kemar-penn", "sugar-mill-tours-ltd") in _roles(result)


def _partners(result) -> set[frozenset[str]]:
    return {frozenset(c.record["partners"]) for c in cands(result, "partnerships")}


def test_a_dealer_named_in_apposition_partners_the_maker_after_for_or_of(gaz):
    text = ("Taxis\n\n"
            "Reef Cab Company signed a deal last Friday with Atoll Motors Inc., the Majuro dealer for Chinese carmaker "
            "Heyun Motors Co., Ltd., for 45 electric sedans. The deal was signed between the Route 9 Taxi "
            "Co-operative Society Ltd and Lagoon Cars Ltd, the local distributor of Qiaoshan Automobile Co., Ltd.")
    result = run(gaz, text, date="2026-12-10")
    partners = _partners(result)
    assert frozenset({"atoll-motors-inc", "heyun-motors-co-ltd"}) in partners
    assert frozenset({"lagoon-cars-ltd", "qiaoshan-automobile-co-ltd"}) in partners
    assert frozenset({"route-9-taxi-co-operative-society-ltd", "qiaoshan-automobile-co-ltd"}) not in partners


def test_the_new_company_is_the_one_a_founding_verb_named_last(gaz):
    text = ("Venture\n\n"
            "Electric bus maker Heyun New Energy Vehicle Co., Ltd. of China and the Vincentian trading group Palm "
            "Holdings Ltd. plan a joint venture for minibuses. The deal, signed on Friday at the Ministry of Trade, "
            "creates Heyun Palm Motors Ltd. Heyun will own 60% of the new company and Palm Holdings the other 40%.")
    result = run(gaz, text, date="2026-12-10")
    ventures = [c.record for c in cands(result, "partnerships") if c.record["kind"] == "joint-venture"]
    assert [set(v["partners"]) for v in ventures] == [{"heyun-new-energy-vehicle-co-ltd", "palm-holdings-ltd"}]


def test_the_first_word_of_a_ministers_portfolio_is_no_company(gaz):
    text = ("Duty waived\n\n"
            "The waiver came under the Customs Management and Duties Act, Communications and Works Minister Delroy "
            "Malone said on Friday.")
    result = run(gaz, text, date="2026-12-10")
    assert "communications" not in {c.record["id"] for c in cands(result, "organizations")}
    assert {c.record["title"] for c in cands(result, "roles")} <= {"Communications and Works Minister"}


def test_a_posts_remit_before_at_its_organisation_is_no_organisation(gaz):
    text = ("Chargers\n\n"
            "The utility signed a memorandum with Hodna Auto for 60 chargers in Oran, said the Director of Electric "
            "Mobility at Sonelgaz, Lyes Amrani.")
    result = run(gaz, text, date="2026-12-10")
    assert "electric-mobility" not in {c.record["id"] for c in cands(result, "organizations")}
    assert ("lyes-amrani", "Director of Electric Mobility") in {(c.record["person"], c.record["title"])
                                                                 for c in cands(result, "roles")}


def test_professor_before_the_name_is_an_honorific_not_part_of_the_title(gaz):
    text = ("Charging\n\n"
            "At the forum, economist Professor Rachid Benali of the University of Oran said the price cut would not "
            "convince families in the south.")
    result = run(gaz, text, date="2026-12-10")
    assert {(c.record["person"], c.record["title"]) for c in cands(result, "roles")} == {
        ("rachid-benali", "economist")}


def test_a_deputy_member_of_a_committee_whose_name_joins_fields_with_and(gaz):
    text = ("Budget\n\n"
            "Deputy Amina Kaci, member of the Trade and Industry Committee of the National Assembly, welcomed the cut. "
            "The PRD deputy Omar Selmi, member of the Transport and Works Committee of the National Assembly, asked "
            "for the contract to be published.")
    result = run(gaz, text, date="2026-12-10")
    roles = {c.record["person"]: (c.record["organization"], c.record["title"]) for c in cands(result, "roles")}
    assert roles["amina-kaci"][1] == "Deputy" and roles["amina-kaci"][0].startswith("trade-and-industry-committee")
    assert roles["omar-selmi"][1] == "deputy"  # (the party before the title is left out of it)
