"""Datelines (the city and agency a story was filed from), on stories written for these tests: the city is a
place, never a company acting in the story, whichever paragraph the dateline opens and whatever its form."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract
from nevkg.ingest.extract.datelines import find_datelines


@pytest.fixture(scope="module", autouse=True)
def pipeline(nlp_pipeline):
    return nlp_pipeline


def run(gaz, text):
    result = extract(text, gaz, article_date="2025-06-10", source_id="test-source")
    return {c.file: {} for c in result.candidates} | _by_file(result)


def _by_file(result):
    out: dict = {}
    for c in result.candidates:
        out.setdefault(c.file, {})[c.id] = c.record
    return out


def _actors(recs):
    """Every organisation a relation record names."""
    ids = set()
    for file in ("sites", "partnerships", "market_presence", "investments"):
        for rec in recs.get(file, {}).values():
            for key in ("operator", "partners", "exporter", "investor", "organization"):
                v = rec.get(key)
                ids.update(v if isinstance(v, list) else [v] if v else [])
    return ids


@pytest.mark.parametrize("story, city", [
    ("Carmaker picks Bahia for second plant\n\nSAO PAULO, May 5 (Reuters) - Lanshan Motors will build a second "
     "plant in Bahia, the company said on Monday, as sales of its electric pickups climb.", "sao-paulo"),
    ("Taxi fleet goes electric\n\nBANGKOK, June 2 (Bernama) -- Siam Fleet Group signed a deal with BYD to buy "
     "five hundred electric taxis for its airport service, the operator said.", "bangkok"),
    ("Electric car imports slow\n\nISTANBUL (AP) — Turkish officials said imports of electric cars from China "
     "fell sharply after the new levy took effect, with dealers cutting orders.", "istanbul"),
    ("Assembly deal signed\n\nSURABAYA, 3 March -- Lanshan Motors agreed with a local partner to assemble its "
     "compact hatchback in East Java from next year, officials said.", "surabaya"),
])
def test_a_dateline_city_is_a_place_and_never_an_actor(gaz, story, city):
    recs = run(gaz, story)
    assert city in recs.get("places", {}) or gaz.lookup(city.replace("-", " "), ("places",)) is not None
    assert not any(city.split("-")[0] in rid for rid in recs.get("organizations", {}))
    assert not any(city.split("-")[0] in a for a in _actors(recs))


def test_a_title_cased_press_release_dateline_names_its_wire_as_a_source(gaz):
    recs = run(gaz, "Kestrel Mobility opens Cikarang line\n\nJakarta, March 3, 2025 /PRNewswire/ -- Kestrel "
                    "Mobility said it had started assembling electric scooters at a new line in Cikarang, West Java.")
    assert "jakarta" in recs.get("places", {}) or gaz.lookup("Jakarta", ("places",)) is not None
    assert not any("prnewswire" in a for a in _actors(recs))


def test_each_item_of_a_round_up_has_its_own_dateline(gaz):
    recs = run(gaz, "Asia briefs\n\nHANOI, May 4 (Reuters) - Sales of electric scooters rose in April, an industry "
                    "group said.\n\nMANILA, May 4 (Reuters) - Lanshan Motors said it would open a showroom in Cebu "
                    "next month.")
    for city in ("hanoi", "manila"):
        assert not any(city in rid for rid in recs.get("organizations", {}))
    assert not any(c in a for a in _actors(recs) for c in ("hanoi", "manila"))


def test_a_banner_in_capitals_is_no_dateline(gaz):
    text = ("EXCLUSIVE: Lanshan Motors is in talks to build cars in Hungary, three people familiar with the "
            "matter said, in what would be its first European plant.")
    recs = run(gaz, text)
    assert not any("exclusive" in rid for file in recs.values() for rid in file)


def test_the_forms_found_and_not_found():
    text = ("Title line\n\nMUMBAI, 8 July (PTI) - A story.\n\nROME, June 9, 2025 /PRNewswire/ -- A release.\n\n"
            "A paragraph that only mentions LONDON, May 5 in passing.\n\nUK - a short heading")
    assert [m.group("city") for m in find_datelines(text)] == ["MUMBAI", "ROME"]
