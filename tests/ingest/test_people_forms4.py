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


@pytest.mark.parametrize("text, person", [
    ("The accord was signed by Karim Bennani, Minister of Industry of Morocco. Minister Bennani called it a "
     "milestone.", "Karim Bennani"),
    ("Orvista Mobility named Youssef Ben Salah its chief executive. Mr. Ben Salah will start in May.",
     "Youssef Ben Salah"),
    ("Velmora Motors' managing director, Rahim bin Yusof, opened the plant. Rahim added that more models would "
     "follow.", "Rahim bin Yusof"),
    ("Ana Lucia de la Rosa, chief executive of Orvista Mobility, spoke first. De la Rosa said prices would fall.",
     "Ana Lucia de la Rosa"),
])
def test_a_later_mention_by_family_name_or_title_is_the_same_person(gaz, text, person):
    got, people = roles(gaz, text)
    assert people == [person] and len(got) == 1


@pytest.mark.parametrize("text, expected", [
    ("The deal was signed by the Chairman of the Board of Velmora Motors Co., Ltd. Mr. Otto Brandt.",
     ("Otto Brandt", "Chairman of the Board", "Velmora Motors Co., Ltd.")),
    ("The Chairman of the Board of Directors of Dunes Capital, Lena Vogt, opened the plant.",
     ("Lena Vogt", "Chairman of the Board of Directors", "Dunes Capital")),
    ("It was signed for Atlas Mobilite Group by its Chief Executive Officer, Mr. Youssef Ben Salah.",
     ("Youssef Ben Salah", "Chief Executive Officer", "Atlas Mobilite Group")),
    ("Also present was Mr. Khalid al-Harthi, Managing Partner of Dunes Capital.",
     ("Khalid al-Harthi", "Managing Partner", "Dunes Capital")),
    ("Lena Vogt, Executive Director of Dunes Capital, attended the ceremony.",
     ("Lena Vogt", "Executive Director", "Dunes Capital")),
])
def test_a_signing_ceremony_names_titles_before_and_after_names(gaz, text, expected):
    check(gaz, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Velmora Motors will enter Chile. The plan was agreed in May, according to Velmora President Lena Vogt.",
     ("Lena Vogt", "President", "Velmora Motors")),
    ("Orvista Mobility will cut prices. The move was approved last week, said Orvista Chairman Otto Brandt.",
     ("Otto Brandt", "Chairman", "Orvista Mobility")),
    ("Exports will rise, Turkish President Mehmet Kaya said on Monday.", ("Mehmet Kaya", "President", "turkey")),
])
def test_a_short_company_name_before_a_title_is_no_part_of_it(gaz, text, expected):
    check(gaz, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Harwick Stone LLP | Client note | Trade | 3 March 2026\nChile will raise duties. For further information, "
     "please contact Lena Vogt, partner, at our Santiago office.", ("Lena Vogt", "partner", "Harwick Stone LLP")),
    ("Harwick Stone LLP | Client note | Trade | 3 March 2026\nChile will raise duties. Questions may be sent to "
     "Pedro Alves, senior consultant in our Lisbon office.", ("Pedro Alves", "senior consultant",
                                                               "Harwick Stone LLP")),
    ("Brightwater Advisory | Market update | May 2026\nPrices fell again. Mia Chen, an analyst with our Singapore "
     "team, expects a rebound.", ("Mia Chen", "analyst", "Brightwater Advisory")),
])
def test_a_person_of_our_office_is_of_the_firm_that_writes(gaz, text, expected):
    check(gaz, text, expected)


@pytest.mark.parametrize("text, company", [
    ("Velmora Motors and Kinta Wira Automotive Sdn Bhd will build a plant in Perak.", "Kinta Wira Automotive Sdn Bhd"),
    ("The venture, Velmora Atlas Automotive SARL, will be based in Tangier.", "Velmora Atlas Automotive SARL"),
    ("Parts will come from Rheinfeld Antriebe GmbH, the group said.", "Rheinfeld Antriebe GmbH"),
])
def test_a_legal_form_ends_a_companys_name(gaz, text, company):
    from nevkg.ingest.extract import extract

    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert company in [c.record["label"] for c in result.candidates if c.file == "organizations"]


@pytest.mark.parametrize("text, short, company", [
    ("Velmora Motors set up Velmora Motors Chile last year. Velmora will open ten showrooms there.", "Velmora",
     "velmora-motors"),
    ("Kinta Wira Automotive Sdn Bhd will assemble the cars. Kinta Wira said the first batch was ready.",
     "Kinta Wira", "kinta-wira-automotive-sdn-bhd"),
])
def test_a_short_name_is_the_parent_companys(gaz, text, short, company):
    from nevkg.ingest.extract import extract

    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    at = text.rindex(short)
    assert [m.id for m in result.mentions if m.start == at] == [company]


@pytest.mark.parametrize("text", [
    "By Aisyah Kamal in Kuala Lumpur\nVelmora Motors will build a plant in Kedah, said Lena Vogt, its chief "
    "executive.",
    "Velmora Motors will build a plant in Kedah, said Lena Vogt, its chief executive. (Reporting by Anna Berg in "
    "Berlin; Editing by Mark Potter)",
    "Velmora Motors will build a plant in Kedah, said Lena Vogt, its chief executive. (Additional reporting by "
    "Chen Hao; Writing by Anna Berg)",
])
def test_the_writers_of_a_byline_or_credits_are_no_people_of_the_story(gaz, text):
    check(gaz, text, ("Lena Vogt", "chief executive", "Velmora Motors"))


@pytest.mark.parametrize("text, expected", [
    ("Zorvex Mobility shares rose 4%. Anna Berg, who became chief executive in 2024, said the company would add "
     "cities.", ("Anna Berg", "chief executive", "Zorvex Mobility")),
    ("Kaltio Motors cut prices. Marco Bellini, who was appointed president last month, said margins would recover.",
     ("Marco Bellini", "president", "Kaltio Motors")),
    ("Zorvex Mobility opened a plant. Lena Vogt, who serves as chief financial officer, said costs were falling.",
     ("Lena Vogt", "chief financial officer", "Zorvex Mobility")),
])
def test_a_relative_clause_before_the_title_is_no_part_of_it(gaz, text, expected):
    check(gaz, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Arka Motor India MD Sunil Kapoor said sales rose 20%.", ("Sunil Kapoor", "MD", "Arka Motor India")),
    ("Sunil Kapoor, MD of Arka Motor India, said sales rose 20%.", ("Sunil Kapoor", "MD", "Arka Motor India")),
    ("Kaltio Motors CMO Marco Bellini unveiled the car in Milan.", ("Marco Bellini", "CMO", "Kaltio Motors")),
])
def test_an_abbreviated_title(gaz, text, expected):
    check(gaz, text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Anna Berg, chief executive of U.S.-based Zorvex Mobility, said the cars were ready.",
     ("Anna Berg", "chief executive", "Zorvex Mobility")),
    ("Marco Bellini, president of Milan-based Kaltio Motors, said prices would fall.",
     ("Marco Bellini", "president", "Kaltio Motors")),
    ("The plan was confirmed by Lena Vogt, chairwoman of state-owned Velmora Group.",
     ("Lena Vogt", "chairwoman", "Velmora Group")),
])
def test_where_the_company_is_based_is_no_part_of_the_title(gaz, text, expected):
    check(gaz, text, expected)


@pytest.mark.parametrize("text, second", [
    ("Harwick Stone LLP | Client note | Trade | 3 March 2026\nChile will raise duties. For further information, "
     "please contact Lena Vogt, partner in our Santiago office, or Pedro Alves, senior associate, in Lima.",
     ("Pedro Alves", "senior associate", "Harwick Stone LLP")),
    ("Brightwater Advisory | Market update | May 2026\nPrices fell. Readers may contact Mia Chen, an analyst with "
     "our Singapore team, and Tom Reyes, director, at the same address.", ("Tom Reyes", "director",
                                                                          "Brightwater Advisory")),
    ("Harwick Stone LLP | Client alert | 3 March 2026\nQuestions go to Lena Vogt, counsel at our Lima office, or "
     "Pedro Alves, partner.", ("Pedro Alves", "partner", "Harwick Stone LLP")),
])
def test_a_contact_listed_with_one_of_our_office_is_of_the_firm_too(gaz, text, second):
    got, _ = roles(gaz, text)
    assert second in got and len(got) == 2
