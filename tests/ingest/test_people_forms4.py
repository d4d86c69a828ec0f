"""People forms of round 4 (sentences written for these tests, invented names and companies).

Names joined by particles (bin, binti, dos, de la, van der, von), honorifics of rank (Datuk, Tan Sri, Sheikh,
H.E.), and a government portfolio written after an official's title. Needs the statistical pipeline.
"""

from __future__ import annotations

import pytest

from tests.ingest.test_people import roles
from tests.ingest.test_people_more_forms import check

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


@pytest.mark.parametrize("text, expected", [
    ("Velmora Motors' group managing director, Datuk Rahim bin Yusof, said the plant would open in May.",
     ("Rahim bin Yusof", "group managing director", "Velmora Motors")),
    ("Siti Hajar binti Kamal, who heads Velmora Motors Malaysia, said the unit would add dealers.",
     ("Siti Hajar binti Kamal", "head", "Velmora Motors Malaysia")),
    ("The plan was approved by Ricardo dos Santos Almeida, Secretary of Industry and Commerce of the state of "
     "Bahia.", ("Ricardo dos Santos Almeida", "Secretary of Industry and Commerce", "bahia")),
    ("Chile's Undersecretary for Economic Affairs, Ana Lucia de la Rosa, announced the quota on Monday.",
     ("Ana Lucia de la Rosa", "Undersecretary for Economic Affairs", "chile")),
    ("Orvista Mobility chief executive Pieter van den Berg expects higher margins.",
     ("Pieter van den Berg", "chief executive", "Orvista Mobility")),
])
def test_a_name_with_particles_is_one_person(gaz, text, expected):
    check(gaz, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Velmora Motors chairman Tan Sri Azman Hashim said the plant would open in May.",
     ("Azman Hashim", "chairman", "Velmora Motors")),
    ("Sheikh Hamad Al Kuwari, chairman of Orvista Mobility, opened the showroom.",
     ("Hamad Al Kuwari", "chairman", "Orvista Mobility")),
    ("The agreement was welcomed by H.E. Mr. Karim Bennani, Minister of Industry and Trade of Morocco.",
     ("Karim Bennani", "Minister of Industry and Trade", "morocco")),
])
def test_an_honorific_of_rank_is_no_part_of_the_name(gaz, text, expected):
    check(gaz, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Kenya will cut duties, said Peter Mwangi, Minister of Trade and Industry, on Monday.",
     ("Peter Mwangi", "Minister of Trade and Industry", "kenya")),
    ("Ghana will open the market, according to Ama Owusu, Minister for Trade and Industry.",
     ("Ama Owusu", "Minister for Trade and Industry", "ghana")),
    ("Jonas Lind, Secretary of Industry of the state of Minas Gerais, signed the decree.",
     ("Jonas Lind", "Secretary of Industry", "minas gerais")),
])
def test_a_portfolio_after_the_title_is_part_of_the_title(gaz, text, expected):
    got, _ = roles(gaz, text)
    assert [(p, t, o.lower()) for p, t, o in got] == [expected]


def test_a_company_named_with_a_particle_is_no_person(gaz):
    got, people = roles(gaz, "Renault do Brasil will build the car, and Banco do Nordeste lent the money.")
    assert got == [] and people == []
