"""Forms found on the round-44 samples (a stake and CKD story in Gomel, an e-bus and e-taxi order in Douala, a
dealer's service centre and VAT cut in St Vincent, a bus lease and chargers in Jersey, a registration tax and imports
in the Faroes, an e-bus venture in Turkmenistan's Farap zone) once their unseen scores were recorded. The sentences are
written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import cands, pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_round30_study import _places, _titles
from tests.ingest.test_round33_study import _org_ids, _people_ids
from tests.ingest.test_round43_study import _fleets


def test_a_name_written_once_with_its_legal_form_keeps_it(gaz):
    text = ("Crossovers for Gomel\n\n"
            "MINSK, 2 December – Luanxing Automobile Group Co., Ltd. will organize the assembly of electric crossovers "
            "in Gomel together with the Belarusian company Drut-Avto OJSC and will become one of its shareholders. The "
            "agreements were signed in Minsk on 1 December. Luanxing will acquire a 40% stake in Drut-Avto for $31 "
            "million. Drut-Avto has been selling Luanxing cars in Belarus since 2024.")
    result = run(gaz, text, date="2026-12-10")
    ids = _org_ids(result)
    assert "drut-avto-ojsc" in ids and "drut-avto" not in ids
    org = next(c for c in cands(result, "organizations") if c.record["id"] == "drut-avto-ojsc")
    assert "Drut-Avto" in org.record.get("aliases", [])


def test_a_name_that_opens_with_a_town_and_ends_in_a_cis_legal_form_is_a_company(gaz):
    text = ("Harnesses for Gomel\n\n"
            "Belarusian suppliers will also take part in the project. Rechitsa Kabel CJSC will supply wiring "
            "harnesses from its factory in Rechitsa, where 120 new jobs will be created.")
    ids = _org_ids(run(gaz, text, date="2026-12-10"))
    assert "rechitsa-kabel-cjsc" in ids and "kabel-cjsc" not in ids


def test_a_groups_short_name_stays_the_groups_beside_its_unit(gaz):
    text = ("Hengrui to assemble cars in Phu Tho with local group Song Lo\n\n"
            "The province granted a certificate to Song Lo Automotive JSC, a subsidiary of Song Lo Group, for a car "
            "assembly plant. Song Lo will put up the capital. Song Lo Group, which makes steel, chose Hengrui Auto "
            "in 2025, said Song Lo chairman Dao Xuan Thinh.")
    result = run(gaz, text, date="2026-12-10")
    assert {"song-lo-group", "song-lo-automotive-jsc"} <= _org_ids(result)
    group = next(c for c in cands(result, "organizations") if c.record["id"] == "song-lo-group")
    assert "Song Lo" in group.record.get("aliases", [])


def test_a_double_surname_after_a_title_is_the_person_named_in_full_before(gaz):
    text = ("Buses for Douala\n\n"
            "The contract was signed on Wednesday in the presence of the Minister of Transport, Ebenezer Tchoungui "
            "Manga. The council will pay the rest from its budget. Minister Tchoungui Manga said the Government backs "
            "the project.")
    ids = _people_ids(run(gaz, text, date="2026-12-10"))
    assert "ebenezer-tchoungui-manga" in ids and "tchoungui-manga" not in ids


def test_a_title_named_in_a_phrase_of_place_is_the_title_alone(gaz):
    text = ("Buses for Douala\n\n"
            "The Douala City Council has signed a contract for 120 electric buses with Sanaga Motors S.A., the "
            "Cameroonian distributor of Yuehan.\n\n"
            "The contract, worth FCFA 34.8 billion, was signed on Wednesday at the council's headquarters in Bonanjo "
            "in the presence of the Minister of Transport, Ebenezer Tchoungui Manga.")
    titles = _titles(run(gaz, text, date="2026-12-10"))
    assert ("ebenezer-tchoungui-manga", "Minister of Transport") in titles


def test_a_legislators_seat_is_no_part_of_the_title(gaz):
    text = ("Buses for Douala\n\n"
            "Enyong Clement Tabot (SDF), MP for Fako West and member of the Finance and Budget Committee of the "
            "National Assembly, said the council should publish the contract.")
    titles = _titles(run(gaz, text, date="2026-12-10"))
    assert ("enyong-clement-tabot", "MP") in titles


def test_jersey_and_guernsey_are_territories_of_their_own():
    from nevkg.ingest.countries import COUNTRIES

    assert COUNTRIES["Jersey"] == "JE" and COUNTRIES["Guernsey"] == "GG"


def test_an_order_told_of_again_keeps_its_fleet_in_reach(gaz):
    text = ("Coaches for the north\n\n"
            "Nordlys Transit AS has ordered 30 electric coaches from Weilong Auto. A bank will own them. The county "
            "will pay part of the lease. Its transport chief welcomed the deal.\n\n"
            "The order is made up of 20 long coaches and 10 short ones, all built in Wuhu. The first 12 are due in "
            "June 2027 and the rest by the end of 2028.\n\n"
            "They will run first between Bergen and Stavanger.")
    fleets = _fleets(run(gaz, text, date="2026-12-10"))
    assert {("nordlys-transit", "bergen"), ("nordlys-transit", "stavanger")} <= fleets


def test_towns_named_after_saints_are_places_not_people(gaz):
    text = ("Buses for the island\n\n"
            "The buses will run between the station in St Helier and the airport, and then on services to St Aubin, "
            "Gorey and St Ouen. They were bought from St Mary Hospital Trust.")
    result = run(gaz, text, date="2026-12-10")
    places = set(_places(result))
    assert {"st-helier", "st-aubin", "st-ouen"} <= places and "st-mary" not in places
    assert not {"st-aubin", "st-ouen"} & {c.record["id"] for c in cands(result, "people")}


def test_a_name_in_quotes_after_a_company_noun_is_a_company(gaz):
    text = ("A venture in Farap\n\n"
            "The documents were signed by the Turkmen joint-stock company \"Ýaşyl Menzil\" and the Chinese company "
            "Songjian Automobile Group Co., Ltd. The new enterprise will be 51 percent owned by \"Ýaşyl Menzil\".")
    assert "yasyl-menzil" in _org_ids(run(gaz, text, date="2026-12-10"))


def test_a_consultancy_is_a_company_and_its_economist_holds_a_post_there(gaz):
    text = ("VAT cut on electric cars\n\n"
            "The minister said the cut would start in January.\n\n"
            "Economist Dr. Garvin R. Jack of Yambou Economic Consultancy said the numbers were still small.")
    result = run(gaz, text, date="2026-12-10")
    assert "yambou-economic-consultancy" in _org_ids(result)
    assert ("garvin-r-jack", "Economist") in _titles(result)
