"""People with their titles and organisations in the common English forms (sentences written for these tests).

Each sentence names invented people and, mostly, invented companies, so that the rules are checked on forms,
not on names they have seen. Needs the statistical pipeline (skips without it unless ``NEVKG_REQUIRE_ALL=1``).
"""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


def roles(gaz, text):
    """(person label, title, organisation label or id) of every proposed role, and the new people's labels."""
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    labels = {c.id: c.record.get("label", c.id) for c in result.candidates
              if c.file in {"people", "organizations", "places"}}
    got = [(labels.get(c.record["person"], c.record["person"]), c.record["title"],
            labels.get(c.record["organization"], c.record["organization"]))
           for c in result.candidates if c.file == "roles"]
    people = sorted(c.record["label"] for c in result.candidates if c.file == "people")
    return got, people


VELMORA, ORVISTA = "Velmora Motors", "Orvista Mobility"


@pytest.mark.parametrize("text, expected", [
    # the title before the name
    ("Velmora Motors chief executive Otto Brandt expects a busy spring.",
     ("Otto Brandt", "chief executive", VELMORA)),
    ("Chery's international president Marcus Hale gave the keynote.",
     ("Marcus Hale", "international president", "chery")),
    ("Velmora Motors Chairman Otto Brandt spoke at the fair.", ("Otto Brandt", "Chairman", VELMORA)),
    ("Chairman Otto Brandt of Velmora Motors said the plan was on track.", ("Otto Brandt", "Chairman", VELMORA)),
    ("The chairman of Velmora Motors, Otto Brandt, opened the event.", ("Otto Brandt", "chairman", VELMORA)),
    ("BYD's head of Europe, Tomas Kral, announced the model.", ("Tomas Kral", "head of Europe", "byd")),
    # honorifics are not part of the name or the title
    ("Mr Otto Brandt, the chief executive of Velmora Motors, welcomed the guests.",
     ("Otto Brandt", "chief executive", VELMORA)),
    ("Velmora Motors president Mr. Otto Brandt declined to comment.", ("Otto Brandt", "president", VELMORA)),
    ("Dr. Helga Rinne, head of research at Velmora Motors, presented the battery.",
     ("Helga Rinne", "head of research", VELMORA)),
    # the name, then the title and the organisation
    ("Otto Brandt, who is the chief executive of Velmora Motors, declined to comment.",
     ("Otto Brandt", "chief executive", VELMORA)),
    ("Otto Brandt, Velmora Motors chairman, said the order book was full.", ("Otto Brandt", "chairman", VELMORA)),
    ("Ines Aalto, a spokeswoman for Velmora Motors, confirmed the recall.", ("Ines Aalto", "spokeswoman", VELMORA)),
    ("Priya Nair, co-founder and chief executive of Orvista Mobility, was upbeat.",
     ("Priya Nair", "co-founder and chief executive", ORVISTA)),
    ("Jorge Lemos, president of the national vehicle makers association Autobras, backed the plan.",
     ("Jorge Lemos", "president", "Autobras")),
    ("Priya Nair, who heads Orvista Mobility's European business, welcomed the decision.",
     ("Priya Nair", "head of European business", ORVISTA)),  # (the unit she heads is part of the title)
    # speech and attribution
    ("Velmora Motors expects growth. The plant will open next year, said Tomas Kral, the company's chief "
     "operating officer.", ("Tomas Kral", "chief operating officer", VELMORA)),
    ("According to Tomas Kral, chief technology officer of Velmora Motors, the battery lasts longer.",
     ("Tomas Kral", "chief technology officer", VELMORA)),
    ('"We are ready," Priya Nair, chief executive of Orvista Mobility, said.', ("Priya Nair", "chief executive",
                                                                              ORVISTA)),
    # appointments
    ("Velmora Motors has named Otto Brandt as its new chief executive.", ("Otto Brandt", "chief executive", VELMORA)),
    ("Otto Brandt was appointed chief executive of Velmora Motors in January.",
     ("Otto Brandt", "chief executive", VELMORA)),
    ("The venture will be led by Rakesh Varma, currently chief commercial officer of Velmora Motors.",
     ("Rakesh Varma", "chief commercial officer", VELMORA)),
    ("VTR Group's Rakesh Varma, its chairman, said the venture would list.", ("Rakesh Varma", "chairman", "VTR Group")),
    # capitalised titles, a one-word company the parser took for a place, datelines
    ("Velmora Chief Executive Otto Brandt said the partnership would start next year.",
     ("Otto Brandt", "Chief Executive", "Velmora")),
    ("Velmora Motors Chief Executive Officer Otto Brandt said in a statement that Europe was key.",
     ("Otto Brandt", "Chief Executive Officer", VELMORA)),
    ("LONDON, Aug 4 (Reuters) - Velmora Chief Executive Otto Brandt said on Monday the cars would arrive in 2026.",
     ("Otto Brandt", "Chief Executive", "Velmora")),
    ('"We are excited," said Otto Brandt, CEO of Velmora, in a statement.', ("Otto Brandt", "CEO", "Velmora")),
    ("Velmora, led by CEO Otto Brandt, has been expanding in Europe.", ("Otto Brandt", "CEO", "Velmora")),
    ("Under CEO Otto Brandt, Velmora has cut costs.", ("Otto Brandt", "CEO", "Velmora")),
    ("Dana Ruiz, who became Kestro's CEO in 2024, has pushed for growth.", ("Dana Ruiz", "CEO", "Kestro")),
    ("Kestro, whose CEO Dana Ruiz joined in 2024, has pushed for growth.", ("Dana Ruiz", "CEO", "Kestro")),
    ("Baidu and Kestro kept the terms private, but Kestro chief Dana Ruiz said the deal was large.",
     ("Dana Ruiz", "chief", "Kestro")),
    # offices of state: the organisation is the country
    ("The deal was announced by Turkish Industry and Technology Minister Kemal Aras.",
     ("Kemal Aras", "Industry and Technology Minister", "turkey")),
    # the country adjective names the organisation and is no part of the title
    ("Turkish Industry Minister Mehmet Fatih Kacir attended the signing.",
     ("Mehmet Fatih Kacir", "Industry Minister", "turkey")),
    ("Portugal's Minister for Transport and Digital Affairs Ana Kovacs signed the permit.",
     ("Ana Kovacs", "Minister for Transport and Digital Affairs", "portugal")),
    ("The permit was issued in Portugal. Minister of Economy Ana Kovacs said it was the first.",
     ("Ana Kovacs", "Minister of Economy", "portugal")),
])
def test_one_person_in_each_common_form(gaz, text, expected):
    got, people = roles(gaz, text)
    assert len(got) == 1, got
    person, title, org = got[0]
    assert (person, title.lower(), org.lower()) == (expected[0], expected[1].lower(), expected[2].lower())
    assert expected[0] in people or not people  # a known person has no new record; a new one has its full name
    assert not any(p != expected[0] and expected[0] in p for p in people)


def test_two_people_in_one_sentence(gaz):
    got, _ = roles(gaz, "Otto Brandt, president of Velmora Motors, and Priya Nair, chief executive of Orvista "
                        "Mobility, signed the deal.")
    assert sorted(got) == [("Otto Brandt", "president", VELMORA), ("Priya Nair", "chief executive", ORVISTA)]


def test_a_maker_name_before_a_country_is_its_local_arm_not_a_model(gaz):
    text = "Otto Brandt, general manager of BYD Hungary, said the site would grow."
    got, _ = roles(gaz, text)
    assert got == [("Otto Brandt", "general manager", "BYD Hungary")]  # the arm, an organisation of its own
    result = extract(text, gaz, article_date="2026-03-15")
    assert [c.record.get("parent") for c in result.candidates if c.record.get("label") == "BYD Hungary"] == ["byd"]


@pytest.mark.parametrize("text, expected", [
    ("Rakesh Varma, managing director of VTR MG Motor India, said demand was strong.",
     ("Rakesh Varma", "managing director", "VTR MG Motor India")),
    ("Ştefan Doğan, head of KLX Auto Romania, said the plant was ready.", ("Ştefan Doğan", "head", "KLX Auto Romania")),
])
def test_a_carmakers_local_arm_keeps_its_market_in_its_name(gaz, text, expected):
    got, _ = roles(gaz, text)
    assert got == [expected]

