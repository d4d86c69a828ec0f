"""Statistics in more news forms (sentences written for these tests, invented companies): ranges, numbers without a
unit noun, a change leading to the figure it belongs to, months named as the base of a change, currency codes, and
subjects read through the parse (a company described by its nationality, a relative clause inside the subject,
"N% of X's exports")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nevkg.ingest.extract import extract
from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.periods import find_periods


def figures(text):
    return [(s.value, s.value_max, s.unit) for s in find_statistics(text)]


def obs(gaz, text, date="2026-03-15"):
    """(value, value_max, unit, subject, destination, period start, period end, yoy) of every observation."""
    result = extract(text, gaz, article_date=date, source_id="test-source")
    out = []
    for c in result.candidates:
        if c.file == "observations":
            r = c.record
            out.append((r["value"], r.get("value_max"), r["unit"], r.get("subject"), r.get("destination"),
                        r.get("period_start"), r.get("period_end"), r.get("yoy_change_pct")))
    return out


@pytest.mark.parametrize("text, expected", [
    ("The brand holds between 10 and 15 per cent of the market.", [(10, 15, "percent")]),
    ("Analysts expect margins of 12-15% next year.", [(12, 15, "percent")]),
    ("Growth of 5 to 8 percent is forecast.", [(5, 8, "percent")]),
    ("The group sold between 40,000 and 45,000 cars last year.", [(40000, 45000, "vehicles")]),
    # two rates each written with its own unit stay two figures; a change "from A to B" is two figures
    ("The duties range between 17% and 35.3%.", [(17, None, "percent"), (Decimal("35.3"), None, "percent")]),
    ("Its sales rose from 40,000 to 45,000 cars.", [(40000, None, "vehicles"), (45000, None, "vehicles")]),
])
def test_ranges(text, expected):
    assert figures(text) == [(Decimal(a), None if b is None else Decimal(b), u) for a, b, u in expected]


@pytest.mark.parametrize("text, expected", [
    ("China exported 5.1 million cars in 2025, of which the top brand accounted for 210,000.",
     [(5100000, "vehicles"), (210000, "vehicles")]),
    ("The firm sold 48,000 cars in 2025 and 52,000 in 2026.", [(48000, "vehicles"), (52000, "vehicles")]),
    ("Of the 210,000 cars it sold abroad, 80,000 went to Europe.", [(210000, "vehicles"), (80000, "vehicles")]),
    ("Sales fell 8% to 21,000 in March.", [(-8, "percent"), (21000, "vehicles")]),
    ("Its exports in May were up 35% from a year earlier at 12,400.", [(35, "percent"), (12400, "vehicles")]),
    # a bare number that counts something else, or a small one, takes nothing
    ("The line makes 200,000 cars a year and half a million batteries.", [(200000, "vehicles")]),
    ("It sold 9,000 cars in 12 markets.", [(9000, "vehicles"), (12, "countries-and-regions")]),
])
def test_numbers_without_a_unit_noun(text, expected):
    assert [(v, u) for v, _, u in figures(text)] == [(Decimal(v), u) for v, u in expected]


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text", ["The plant will cost EUR 1.2bn, Korvan Motors said.",
                                  "Talvik Energy plans to spend USD 300 million on the line."])
def test_a_currency_code_is_not_an_organisation_hiding_the_figure(gaz, text):
    got = obs(gaz, text)
    assert [(v, u) for v, _, u, *_ in got] in ([(1200000000, "eur")], [(300000000, "usd")])
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert not any(c.record.get("label") in {"EUR", "USD"} for c in result.candidates if c.file == "organizations")


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, value, change", [
    ("Korvan Motors' exports rose 12% to 48,000 units in the first half of 2025.", 48000, 12),
    ("Talvik Energy said its sales in Chile fell 20 percent to 9,000 units in 2025.", 9000, -20),
    ("Korvan Motors' sales in Peru were up 35% from a year earlier at 12,400 in 2025.", 12400, 35),
])
def test_a_change_written_before_its_figure_is_its_yearly_change(gaz, text, value, change):
    got = obs(gaz, text)
    assert [(g[0], g[7]) for g in got] == [(value, change)]


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text", [
    "Korvan Motors' sales fell 8% to 21,000 units in March from February.",
    "Talvik Energy's exports rose 5 percent to 7,000 units in May compared with April.",
])
def test_a_change_against_the_month_before_stays_a_figure_of_its_own(gaz, text):
    got = obs(gaz, text)
    assert sorted(g[2] for g in got) == ["percent", "vehicles"]
    assert all(g[7] is None for g in got)


@pytest.mark.parametrize("text, month", [
    ("Sales were down 8% from February at 21,000 in March.", "2026-03"),
    ("Exports in April were higher than in March, at 5,000 units.", "2026-04"),
])
def test_a_month_named_as_the_base_of_a_change_is_not_a_period(text, month):
    assert [p.period_start for p in find_periods(text, 0, "2026-05-10")] == [month]


def test_a_month_opening_a_period_is_still_one():
    assert [p.period_start for p in find_periods("Deliveries will start from May.", 0, "2026-03-10")] == ["2026-05"]


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, subject", [
    # "the Chinese carmaker": the company the sentence cites, not China
    ("The Chinese carmaker sold 210,000 vehicles abroad in 2025, Korvan Motors said.", "korvan-motors"),
    ("The German supplier shipped 35,000 packs in 2025, Talvik Energy said on Monday.", "talvik-energy"),
    # a relative clause inside the subject does not name it
    ("Korvan Motors opened a plant in Hungary. The group, which also owns Talvik Energy, sold 210,000 cars "
     "in 2025.", "korvan-motors"),
    ("Talvik Energy listed in May. The company, which supplies Korvan Motors, shipped 35,000 packs in 2025.",
     "talvik-energy"),
    # "N% of X's exports": whose total the share is of
    ("Europe accounted for 40% of Korvan Motors' exports in 2025.", "korvan-motors"),
    ("Mexico took 25 percent of Talvik Energy's overseas shipments last year.", "talvik-energy"),
])
def test_subjects_through_the_parse(gaz, text, subject):
    got = obs(gaz, text)
    assert len(got) == 1 and got[0][3] == subject, got



@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, whole, part", [
    ("Korvan Motors aims to sell 10,000 cars in Peru in 2026. Managers said about 40% of that 10,000 target will "
     "go to fleets.", (10000, "korvan-motors", "2026"), (40, "korvan-motors", "2026")),
    ("China exported 4.9 million cars in the first nine months of 2025. About 65% of the total were petrol models.",
     (4900000, "china", "2025-01"), (65, "china", "2025-01")),
    ("Of the 1.7 million cars Talvik Energy sold in 2025, 30% were electric.", (1700000, "talvik-energy", "2025"),
     (30, "talvik-energy", "2025")),
])
def test_a_share_of_an_earlier_figure_takes_its_owner_and_period(gaz, text, whole, part):
    got = [(g[0], g[3], g[5]) for g in obs(gaz, text)]
    assert got == [whole, part]


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, change", [
    ("Korvan Motors delivered 12,345 EVs in October, up 20% from September.", None),
    ("Talvik Energy shipped 8,000 packs in June, 15 percent more than in May.", None),
    ("Korvan Motors delivered 12,345 EVs in October, up 20% from a year earlier.", 20),
])
def test_a_change_against_the_month_before_is_not_the_yearly_change(gaz, text, change):
    got = obs(gaz, text)
    assert got[0][7] == change
    assert len(got) == (1 if change is not None else 2)


@pytest.mark.parametrize("text, period", [
    # "million" ends in "on": no comparison ("up 5% on last year") is read into it
    ("The quota will be cut to 463 million next year.", "2027"),
    ("Exports reached 1.2 billion last year.", "2025"),
])
def test_a_scale_word_before_a_relative_year_is_no_comparison(text, period):
    assert [p.period_start for p in find_periods(text, 0, "2026-03-15")] == [period]


def test_a_relative_year_after_on_is_still_a_comparison():
    assert find_periods("Sales rose 5% on last year.", 0, "2026-03-15") == []


@pytest.mark.parametrize("text, expected", [
    ("The brand has about 500 touchpoints across 70 cities.", [(500, "stores"), (70, "cities")]),
    ("It runs 40 points of sale and 12 sales points.", [(40, "stores"), (12, "stores")]),
])
def test_sales_points_are_stores(text, expected):
    assert [(v, u) for v, _, u in figures(text)] == [(Decimal(v), u) for v, u in expected]


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text", [
    "Korvan Motors sold 9,000 cars in 2025. It will invest $300 million in a new line.",
    "Talvik Energy shipped 4,000 packs in 2025. The plant will employ 1,200 workers.",
    "Korvan Motors sold 9,000 cars in 2025. Talvik Energy holds a 20% stake in it.",
])
def test_investments_headcounts_and_stakes_take_no_period_from_the_sentence_before(gaz, text):
    got = obs(gaz, text)
    assert got[0][5] == "2025" and len(got) == 2
    assert got[1][5] is None, got


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, subject", [
    ("Korvan Motors and Talvik Energy set up Korvan Talvik Mobility, a joint venture, in 2024. The joint venture "
     "plans to invest over $500 million.", "korvan-talvik-mobility"),
    ("Orbis Holdings and Korvan Motors created Orbis Korvan Auto, a 50:50 joint venture. The venture sold 8,000 cars "
     "in 2025.", "orbis-korvan-auto"),
])
def test_the_venture_is_the_joint_venture_named_before(gaz, text, subject):
    got = [g for g in obs(gaz, text) if g[2] != "percent"]
    assert [g[3] for g in got] == [subject]


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, subject", [
    ("Orvika Auto will build a plant in Kenya. The factory near Mombasa will employ 4,500 people.", "orvika-auto"),
    ("Talvik Energy is expanding in Spain. The plant outside Valencia will make 80,000 cars a year.",
     "talvik-energy"),
])
def test_a_place_inside_the_facility_phrase_is_not_the_subject(gaz, text, subject):
    assert [g[3] for g in obs(gaz, text)] == [subject]


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, subject, destination", [
    ("Orvika Auto sold 31,000 cars abroad in 2025. Its overseas chief said Africa would account for about 15% of "
     "its exports by 2027.", "orvika-auto", "africa"),
    ("Talvik Energy said Mexico took 20 percent of its overseas shipments in 2025.", "talvik-energy", "mexico"),
])
def test_a_share_of_its_exports_is_the_companys_and_the_place_its_destination(gaz, text, subject, destination):
    share = [g for g in obs(gaz, text) if g[2] == "percent"]
    assert [(g[3], g[4]) for g in share] == [(subject, destination)]


@pytest.mark.parametrize("text, date, period", [
    # a part of a year named without one that ends after the article's month: last year's, unless put ahead
    ("It exported 80,000 cars in the first three quarters.", "2026-03-15", ("2025-01", "2025-09")),
    ("Sales reached 9,000 units in the fourth quarter.", "2026-01-20", ("2025-10", "2025-12")),
    ("It sold 40,000 cars in the first half.", "2025-07-02", ("2025-01", "2025-06")),
    ("It will sell 80,000 cars in the first three quarters.", "2026-03-15", ("2026-01", "2026-09")),
    ("In the first nine months, exports reached 1.2 million.", "2025-10-05", ("2025-01", "2025-09")),
])
def test_a_part_of_a_year_without_its_year(text, date, period):
    assert [(p.period_start, p.period_end) for p in find_periods(text, 0, date)] == [period]


@pytest.mark.parametrize("text, change", [
    ("It sold 70,000 cars overseas, a 35 percent increase year on year.", 35),
    ("It shipped 3,000 cars to Peru, a 12% drop from a year earlier.", -12),
    ("Deliveries reached 8,100 units, a 4.5 per cent decline compared with the same period last year.", -4.5),
])
def test_a_change_written_as_size_then_direction(text, change):
    got = [(s.role, s.value) for s in find_statistics(text) if s.unit == "percent"]
    assert got == [("yoy", Decimal(str(change)))]


@pytest.mark.parametrize("text, expected", [
    ("The group will invest RM2 billion in the plant.", (2000000000, "myr")),
    ("The plant will cost Bt5 billion.", (5000000000, "thb")),
    ("It raised C$300 million from investors.", (300000000, "cad")),
    ("The line cost HK$2 billion.", (2000000000, "hkd")),
    ("The state fund put in AED 2 billion.", (2000000000, "aed")),
    ("The plant will cost 3 billion Turkish lira.", (3000000000, "try")),
    ("The venture will invest 300 mln euros.", (300000000, "eur")),
    ("Investors pledged 12 trillion rupiah.", (12000000000000, "idr")),
])
def test_more_currencies_and_scale_words(text, expected):
    assert [(v, u) for v, _, u in figures(text)] == [(Decimal(expected[0]), expected[1])]


@pytest.mark.parametrize("text", ["The RM2 trim sells well in Malaysia.", "Its Bt3 edition is sold out."])
def test_a_trim_name_is_no_amount(text):
    assert figures(text) == []


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, subject, destination", [
    ("OTTAWA — Canada will impose a 100% surtax on electric vehicles made in China from October 1.", "china",
     "canada"),
    ("Mexico will charge a 50% duty on cars imported from China starting in January.", "china", "mexico"),
    ("Peru will apply a 20% tariff on Japanese-made trucks from March 1.", "japan", "peru"),
])
def test_a_rate_belongs_to_the_country_whose_goods_it_hits(gaz, text, subject, destination):
    got = [g for g in obs(gaz, text, date="2024-08-27") if g[2] == "percent"]
    assert [(g[3], g[4]) for g in got] == [(subject, destination)]


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text", [
    "LIMA — Sales of electric cars reached 4,200 units in 2025, the industry body said.",
    "NAIROBI: About 9,000 electric cars were sold in 2025, dealers said.",
])
def test_a_dateline_city_is_no_subject(gaz, text):
    got = obs(gaz, text)
    assert got and all(g[3] not in {"lima", "nairobi"} for g in got), got


@pytest.mark.parametrize("text, unit", [
    ("Imports rose to 2.2 billion Canadian dollars in 2023.", "cad"),
    ("The plant cost 40 million Australian dollars.", "aud"),
    ("The deal is worth 3 billion New Taiwan dollars.", "twd"),
    ("The deal is worth 5 million dollars.", "usd"),
])
def test_dollars_of_other_countries(text, unit):
    assert [u for _, _, u in figures(text)] == [unit]


@pytest.mark.parametrize("text, value", [
    ("About 4,000 Korvan Motors cars were registered in Spain in 2025.", 4000),
    ("China exported 5 million Orvika vehicles last year.", 5000000),
])
def test_a_brand_between_the_number_and_its_unit(text, value):
    assert [(v, u) for v, _, u in figures(text)] == [(Decimal(value), "vehicles")]


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, expected", [
    # the base of a comparison stated for the year before, and the change belongs to the newer figure
    ("Korvan Motors' exports rose to 4,000 units in 2025 from 3,000 a year earlier, up 33%.",
     [(4000, "2025", 33), (3000, "2024", None)]),
    ("Korvan Motors sold 30,000 vehicles in 2025, compared with 18,000 in 2024, an increase of 67%.",
     [(30000, "2025", 67), (18000, "2024", None)]),
    ("Talvik Energy delivered 5,200 cars in March, against 3,100 in the same month a year earlier.",
     [(5200, "2026-03", None), (3100, "2025-03", None)]),
])
def test_the_base_of_a_comparison(gaz, text, expected):
    assert [(g[0], g[5], g[7]) for g in obs(gaz, text)] == expected


@pytest.mark.usefixtures("nlp_pipeline")
@pytest.mark.parametrize("text, subject", [
    # a head that names nothing takes the company of its relative clause
    ("The plant, which Korvan Motors opened in 2023, produced 48,000 cars in 2025.", "korvan-motors"),
    ("The line that Talvik Energy runs near Valencia turned out 35,000 cars last year.", "talvik-energy"),
])
def test_a_relative_clause_names_the_subject_when_its_head_does_not(gaz, text, subject):
    assert [g[3] for g in obs(gaz, text)] == [subject]
