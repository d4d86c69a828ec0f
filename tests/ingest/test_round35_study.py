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
