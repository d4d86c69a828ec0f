"""A figure's destination comes from its own clause (lists paired by "respectively"), and imports are a measure
of their own; on sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract


@pytest.fixture(scope="module", autouse=True)
def pipeline(nlp_pipeline):
    return nlp_pipeline


def figures(gaz, text):
    result = extract(text, gaz, article_date="2025-06-10", source_id="test-source")
    return {str(c.record["value"]): c.record for c in result.candidates if c.file == "observations"}


@pytest.mark.parametrize("text, value, measure, subject", [
    ("Mexico imported about 46,000 Chinese-made cars last year.", "46000", "import-volume", "mexico"),
    ("Brazil's imports of electric cars from China reached 38,000 units in the first five months.", "38000",
     "import-volume", "brazil"),
    ("Chile's car imports were worth $900 million in 2024, the customs office said.", "900000000",
     "import-value", "chile"),
])
def test_imports_are_their_own_measure(gaz, text, value, measure, subject):
    rec = figures(gaz, text)[value]
    assert (rec.get("measure"), rec.get("subject")) == (measure, subject)


@pytest.mark.parametrize("text, value, dest", [
    ("Tianhe Motor, whose overseas sales rose to 9,000 units in May, plans a plant in Hungary.", "9000", None),
    ("Exports of Lanshan Motors climbed to 5,000 units in March, and the company opened an office in Chile.",
     "5000", None),
    ("Lanshan Motors exported 5,000 cars to Chile in March.", "5000", "chile"),
    ("Sales of Lanshan Motors reached 2,000 units in Peru last month.", "2000", "peru"),
])
def test_a_destination_is_in_the_figures_own_clause(gaz, text, value, dest):
    assert figures(gaz, text)[value].get("destination") == dest


@pytest.mark.parametrize("text, want", [
    ("BYD sold 4,300 and 2,900 cars in Thailand and Malaysia, respectively, during the quarter.",
     {"4300": "thailand", "2900": "malaysia"}),
    ("Lanshan Motors shipped 1,200, 800 and 500 vehicles to Chile, Peru and Colombia respectively in April.",
     {"1200": "chile", "800": "peru", "500": "colombia"}),
])
def test_respectively_pairs_figures_with_their_destinations(gaz, text, want):
    got = figures(gaz, text)
    assert {v: got[v].get("destination") for v in want} == want


@pytest.mark.parametrize("text, want", [
    # the market of a tariff sentence is its own authority's, never an earlier sentence's
    ("Turkey imposed an additional 40% duty on electric cars imported from China in June 2024. The European "
     "Commission set countervailing duties of 17% for BYD and 35.3% for SAIC.", {"40": "turkey", "17": None,
                                                                                 "35.3": None}),
    ("Turkey imposed an additional 40% duty on electric cars from China. Canada's 100% surtax on Chinese-made "
     "electric vehicles took effect on October 1, 2024.", {"40": "turkey", "100": "canada"}),
    ("Turkey imposed a 40% duty on electric cars from China. Brazil restored its import tax on electric cars, "
     "which will rise to 35% by July 2026.", {"40": "turkey", "35": "brazil"}),
])
def test_a_tariff_rate_belongs_to_the_market_that_sets_it(gaz, text, want):
    got = figures(gaz, text)
    assert {v: got[v].get("destination") for v in want} == want


@pytest.mark.parametrize("text, value, unit", [
    ("KENITRA, Morocco, May 5 (Reuters) - Lanshan Motors will invest 2.4 billion dirhams in a plant in Kenitra.",
     "2400000000", "mad"),
    ("Lanshan Motors will invest 2.4 billion dirhams in a plant near Dubai, United Arab Emirates.", "2400000000",
     "aed"),
    ("A Danish fleet operator paid 50 million kroner for 300 electric taxis in Denmark.", "50000000", "dkk"),
    ("The state fund of Norway paid NOK 120 million for a stake in the robotaxi venture.", "120000000", "nok"),
    ("Lanshan Motors raised SEK 300 million from Swedish investors.", "300000000", "sek"),
])
def test_currencies_by_code_or_by_the_articles_country(gaz, text, value, unit):
    assert figures(gaz, text)[value]["unit"] == unit


def test_every_unit_the_extractor_writes_is_a_concept():
    import yaml

    from nevkg.home import SHIPPED_DATA_DIR
    from nevkg.ingest.extract import figure_units as F
    from nevkg.ingest.extract.currencies import CODES, SHARED

    units = set(F.UNIT_OF.values()) | set(F.CUR_OF.values()) | {c for d in SHARED.values()
                                                                     for c in d.values()} | CODES
    concepts = yaml.safe_load((SHIPPED_DATA_DIR / "concepts.yaml").read_text(encoding="utf-8"))
    assert units <= {c["id"] for c in concepts if c["kind"] == "unit"}


@pytest.mark.parametrize("text, want", [
    ("The plant is due to start production in the second half of 2027 with capacity for 50,000 vehicles a year.",
     {"50000": "2027-07"}),  # (a start to come dates the capacity it opens with: the later samples' convention)
    ("Lanshan Motors, which employs 640 people, will assemble buses for Europe from the second half of 2027.",
     {"640": None}),
    ("The factory will have a capacity of 80,000 vehicles, to be raised to 150,000 vehicles by 2030.",
     {"80000": None, "150000": "2030"}),
    ("Lanshan Motors employed 1,900 people at the end of 2024.", {"1900": "2024"}),
])
def test_a_stated_capacity_or_headcount_takes_only_its_own_time(gaz, text, want):
    got = figures(gaz, text)
    assert {v: got[v].get("period_start") for v in want} == want


@pytest.mark.parametrize("text, value, period", [
    ("Founded in 2015, Lanshan Motors sold 412,000 vehicles in 2025.", "412000", "2025"),
    ("Nordlys Taxi, founded in 1987 and based in Oslo, operates a fleet of about 1,100 taxis.", "1100", "2025-06"),
    ("Lanshan Motors sold 30,000 cars abroad in 2024. The company now exports to more than 40 countries.", "40",
     "2025-06"),
    ("The platform has 5,000 drivers in Riyadh, the company said.", "5000", None),  # a headcount: no time
])
def test_a_founding_year_dates_no_figure_and_a_count_is_as_of_the_article(gaz, text, value, period):
    assert figures(gaz, text)[value].get("period_start") == period


@pytest.mark.parametrize("text, value", [
    ("Atlas Motors has built cars since 2019. The plant can turn out 60,000 vehicles a year.", "60000"),
    ("Lanshan Motors signed a five-year agreement with the city in November.", "5"),
])
def test_a_rate_per_year_or_a_term_has_no_period(gaz, text, value):
    assert figures(gaz, text)[value].get("period_start") is None


def test_our_largest_market_is_the_destination_and_a_while_clause_keeps_its_names(gaz):
    got = figures(gaz, 'Lanshan Motors Holdings Limited (the "Group") reported its results. Mexico remained our '
                       'largest export market, with 21,700 units, while exports from Wuhu to Europe fell 12% to '
                       '18,400 units.')
    assert got["21700"].get("destination") == "mexico"
    assert got["21700"].get("subject") not in {"mexico", "wuhu"}
    assert got["18400"].get("destination") == "europe"
