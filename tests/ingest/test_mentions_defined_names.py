"""Names defined in brackets (:mod:`nevkg.ingest.extract.acronyms`): a short name in quotes after a company's name
is that company everywhere, and a public body's name with "and" spelled out before its initials is one body.
Sentences written for these tests, invented companies."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


def _run(gaz, text):
    return extract(text, gaz, article_date="2026-03-15", source_id="test-source")


def _named(gaz, text, short):
    """The ids the occurrences of ``short`` name."""
    later = [m for m in _run(gaz, text).mentions if m.text == short]
    assert later
    return {m.id for m in later}


@pytest.mark.parametrize("text, short, full", [
    ('Tengyun Auto ("Tengyun") and Nordlys Taxi AS ("Nordlys") announced a partnership. Nordlys Autonom AS, a new '
     "subsidiary of Nordlys, will run the fleet.", "Nordlys", "nordlys-taxi-as"),
    ("Velmora Holdings Berhad (“Velmora”) signed a deal with Kestrel Fleet Ltd. Velmora will pay for the cars, "
     "and Velmora Leasing will insure them.", "Velmora", "velmora-holdings-berhad"),
    ('The fleet will be run by Orvia Mobility Services Ltd ("Orvia Mobility"), which Orvia Mobility Leasing '
     "partly owns. Orvia Mobility expects to hire 80 staff.", "Orvia Mobility", "orvia-mobility-services-ltd"),
    # no definition: of two names starting with the short name, the one it cuts least
    ("Shenzhen's Ziyun Drive showed its new car on Tuesday. Ziyun and Trasporti Lombardi formed a venture, Ziyun "
     "Lombardia Mobility, in which Ziyun holds 51 percent.", "Ziyun", "ziyun-drive"),
    ("Hangzhou's Qiaolin Robotics raised $80 million in May. Its new venture, Qiaolin Gulf Mobility Services, will "
     "test cars in Dubai, and Qiaolin will supply the software.", "Qiaolin", "qiaolin-robotics"),
    ("Weilong Motors opened a plant in Chile, and Weilong Motors Andina Holdings will sell its cars. Weilong said "
     "exports would double.", "Weilong", "weilong-motors"),
])
def test_a_short_name_is_the_company_defined_with_it_or_the_one_it_cuts_least(gaz, text, short, full):
    assert _named(gaz, text, short) == {full}


def test_a_defined_role_in_quotes_is_no_name(gaz):
    result = _run(gaz, 'Kestrel Fleet Ltd (the "Operator") will run the cars. The Operator expects 90 staff.')
    assert not any(m.text == "Operator" and m.id == "kestrel-fleet-ltd" for m in result.mentions)


@pytest.mark.parametrize("text, full, acr", [
    ("Kairo received a permit from the Roads and Transport Authority (RTA) on Monday. The RTA said it would review "
     "the tests.", "roads-and-transport-authority", "RTA"),
    ("Velvix was licensed by the Department for Infrastructure and Transport (DIT) in May, and the DIT will audit "
     "its fleet.", "department-for-infrastructure-and-transport", "DIT"),
    ("A permit came from the Ports and Roads Regulatory Commission (PRRC), and PRRC inspectors will ride along.",
     "ports-and-roads-regulatory-commission", "PRRC"),
])
def test_a_public_body_named_with_and_before_its_initials_is_one_body(gaz, text, full, acr):
    result = _run(gaz, text)
    ids = {m.id for m in result.mentions if m.file == "organizations"}
    assert full in ids
    assert all(m.id == full for m in result.mentions if m.text == acr)
    assert not ids & {"roads", "transport-authority", "ports", "department-for-infrastructure"}


def test_two_companies_before_one_set_of_initials_stay_two(gaz):
    result = _run(gaz, "Lanshan Motors and Kairo Mobility (LMKM) will build a plant in Chile.")
    assert {"lanshan-motors", "kairo-mobility"} <= {m.id for m in result.mentions}


@pytest.mark.parametrize("text, org, not_place", [
    ("Charging will be handled by Lion City Fleet Services, a local operator of taxi depots.",
     "lion-city-fleet-services", "lion"),
    ("The cars are insured by Garden City Mobility Group under a three-year contract.", "garden-city-mobility-group",
     "garden"),
    ("Rides are booked through Harbour City Taxis, which runs 400 cabs.", "harbour-city-taxis", "harbour"),
])
def test_a_place_like_name_that_goes_on_into_a_company_word_is_no_place(gaz, text, org, not_place):
    ids = {m.id for m in _run(gaz, text).mentions}
    assert not_place not in ids and org in ids


def test_a_city_name_alone_stays_a_place(gaz):
    result = _run(gaz, "The robotaxis will run in Quezon City from May.")
    assert any(m.file == "places" and m.text == "Quezon City" for m in result.mentions)
