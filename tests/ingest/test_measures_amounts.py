"""What a figure measures when it is a plant's capacity, an amount invested or a market share, and whose it is when
the subject is a facility ("the new factory will be able to build …") or "the brand's share in X"; sentences written
for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract
from tests.ingest.test_parse_rules import pipeline  # noqa: F401  (the pipeline fixture applies here too)


def figures(gaz, text):
    """value → (subject, measure, destination, period start) of every proposed observation."""
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    return {c.record["value"]: (c.record.get("subject"), c.record.get("measure"), c.record.get("destination"),
                                c.record.get("period_start")) for c in result.candidates if c.file == "observations"}


@pytest.mark.parametrize("text, value, subject", [
    ("Brisco Motors is expanding in Thailand. The new factory in Rayong will be able to build 120,000 vehicles a "
     "year once it is completed in 2027.", 120000, "brisco-motors"),
    ("Tallis Motors said its Hungarian plant has an annual capacity of 200,000 units.", 200000, "tallis-motors"),
    ("Calder Auto's line in Tangier can turn out 45,000 vans a year.", 45000, "calder-auto"),
])
def test_a_capacity_is_a_production_capacity_with_no_time(gaz, text, value, subject):
    assert figures(gaz, text)[value] == (subject, "production-capacity", None, None)


@pytest.mark.parametrize("text, value, subject, dest", [
    ("Kessel Group will invest 1.2 billion euros in a battery plant in Hungary.", 1200000000, "kessel-group",
     "hungary"),
    ("Kessel Group plans to invest 800 million dollars in Mexico.", 800000000, "kessel-group", "mexico"),
    ("The investment of $300 million by Orvane Auto covers a paint shop and a test track.", 300000000,
     "orvane-auto", None),    ("Kessel Group said it had poured 2.5 billion yuan into its Mexican venture.", 2500000000, "kessel-group", None),
    ("Orvane Auto agreed a capital injection of EUR 40 million into the venture.", 40000000, "orvane-auto",
     None),
])
def test_money_invested_is_an_investment_amount(gaz, text, value, subject, dest):
    assert figures(gaz, text)[value] == (subject, "investment-amount", dest, None)


@pytest.mark.parametrize("text, value, subject, dest", [
    ("Orvane Auto is growing fast in Europe. The brand's market share in Norway rose to 4.6% in 2025.", 4.6,
     "orvane-auto", "norway"),
    ("Brisco Motors opened a showroom in Madrid. The carmaker's share in Spain reached 1.8% in May.", 1.8,
     "brisco-motors", "spain"),
    ("Orvane Auto held a 4.6% share of the market in Norway last year.", 4.6, "orvane-auto", "norway"),
])
def test_a_share_in_a_market_is_the_companys_there(gaz, text, value, subject, dest):
    assert figures(gaz, text)[value][:3] == (subject, "market-share", dest)


@pytest.mark.parametrize("text, value", [
    ("Calder Auto's exports to Mexico totalled 3,150 cars in February, a 12 percent decline on January.", -12),
    ("Brisco Motors sold 8,400 cars in Chile in March, 9% fewer than in February.", -9),
    ("Brisco Motors sold 16,000 cars abroad in January, down 3.5% from December but up 40% from a year earlier.",
     -3.5),
    ("Orvane Auto's deliveries fell 14.2% month on month to 5,600 units in October.", -14.2),
    ("Calder Auto's sales rose to 5,000 units, a 3 percent rise over the previous quarter.", 3),
])
def test_a_change_against_the_month_before_is_a_signed_figure_of_its_own(gaz, text, value):
    found = figures(gaz, text)
    subject, measure, _, _ = found[value]
    assert subject is not None and measure is None  # (no month-on-month measure concept yet; never a yearly rate)
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert all(c.record.get("yoy_change_pct") != value for c in result.candidates if c.file == "observations")


@pytest.mark.parametrize("text, value, dest", [
    ("Halvard Trucks reported a 7 percent drop in van sales in Peru for 2025.", -7, "peru"),
    ("Exports of Chinese electric cars to Turkey slumped 48% year on year in July.", -48, "turkey"),
])
def test_a_decline_with_no_figure_keeps_its_sign_and_market(gaz, text, value, dest):
    assert figures(gaz, text)[value][2] == dest


def test_a_month_and_year_after_a_change_is_a_date_not_its_base(gaz):
    text = "The decision brings a 10% rise in the levy forward to March 2027 from May 2028."
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    notes = [n for c in result.candidates if c.file == "observations" and c.record["value"] == 10 for n in c.notes]
    assert notes and not any("month or quarter before" in n for n in notes)


@pytest.mark.parametrize("text, value, subject, period", [
    ("NIO said its swap network in Europe now counts 68 stations. The carmaker has sold 11,000 cars in Europe "
     "since January, it said.", 11000, "nio", "2026-01"),
    ("Xuanwu Robotics reported on Thursday. Revenue for the third quarter rose to 612 million yuan, lifted by fares "
     "in Beijing and Wuhan.", 612000000, "xuanwu-robotics", "2025-07"),
    ("Brisco Motors reported on Monday. Sales rose to 9,000 cars in the second quarter, helped by demand in Chile, "
     "Peru and Ecuador.", 9000, "brisco-motors", "2025-04"),
])
def test_the_span_since_a_month_and_places_that_say_where(gaz, text, value, subject, period):
    got = figures(gaz, text)[value]
    assert (got[0], got[3]) == (subject, period)


@pytest.mark.parametrize("text, value, yoy, period", [
    ("Orvane Auto's exports climbed 25% in 2025 to 88,000 vehicles.", 88000, 25, ("2025", "2025")),
    ("Calder Mexico's sales rose 38 per cent in the first nine months to 12,300 units.", 12300, 38,
     ("2025-01", "2025-09")),
    ("Brisco Motors' deliveries grew 12% during the second quarter to 7,400 vans.", 7400, 12, ("2025-04", "2025-06")),
])
def test_a_change_then_its_period_then_the_figure_it_leads_to(gaz, text, value, yoy, period):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    rec = next(c.record for c in result.candidates if c.file == "observations" and c.record["value"] == value)
    assert (rec.get("yoy_change_pct"), rec.get("period_start"), rec.get("period_end")) == (yoy, *period)


@pytest.mark.parametrize("text, value, period", [
    ("Fenglin Motors exported 96,000 vehicles in 2025. By the end of September it had shipped 81,500, according "
     "to the filing.", 81500, ("2025-01", "2025-09")),
    ("By the end of October, Brisco Motors had sold 41,000 cars abroad.", 41000, ("2025-01", "2025-10")),
    ("Orvane Auto has delivered 3,900 vans to Peru as of the end of August.", 3900, ("2025-01", "2025-08")),
])
def test_a_count_built_up_by_the_end_of_a_month_is_the_year_so_far(gaz, text, value, period):
    assert figures(gaz, text)[value][3] == period[0]
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert any(c.record["value"] == value and c.record.get("period_end") == period[1] for c in result.candidates
               if c.file == "observations")


def test_a_month_without_a_built_up_count_stays_one_month(gaz):
    text = "Brisco Motors sold 4,100 cars abroad in October, up from 3,600 by the end of September last year."
    assert figures(gaz, text)[4100][3] == "2025-10"


@pytest.mark.parametrize("text, value, period", [
    ("Hanyu Motors says demand is strong. We are putting USD 300 million into the Anapolis plant over three years, "
     "and by 2028 it should make 50,000 cars a year.", 300000000, None),
    ("Kessel Group will pour 2 billion euros into its Hungarian battery plant, the company said in May.",
     2000000000, None),
    ("Brisco Motors injected $150 million into its Thai unit last year.", 150000000, "2025"),
])
def test_money_put_poured_or_injected_into_something_is_invested(gaz, text, value, period):
    subject, measure, _, start = figures(gaz, text)[value]
    assert (measure, start) == ("investment-amount", period)


@pytest.mark.parametrize("text, value, want", [
    ("Hanyu Motors will open a plant in Goias. By 2028 it should make 50,000 cars a year.", 50000,
     "production-capacity"),
    ("The Rayong plant of Orvane Auto produced 61,000 vehicles last year and will make 90,000 vehicles a year from "
     "2027.", 90000, "production-capacity"),
    ("Brisco Motors sells about 50,000 cars a year in Chile.", 50000, "sales-volume"),
])
def test_cars_made_a_year_are_a_capacity_and_cars_sold_a_year_sales(gaz, text, value, want):
    assert figures(gaz, text)[value][1] == want


@pytest.mark.parametrize("text, value, want", [
    ("Xuanwu Robotics reported its results on Thursday. The net loss widened to 380 million yuan.", 380000000,
     "net-loss"),
    ("Brisco Motors posted a loss of $42 million in the first half.", 42000000, "net-loss"),
    ("Calder Auto's operating losses narrowed to 15 million euros in 2025.", 15000000, "net-loss"),
    ("Calder Auto's revenue rose to 1.2 billion euros in 2025.", 1200000000, "revenue"),
])
def test_a_loss_in_money_is_a_net_loss(gaz, text, value, want):
    assert figures(gaz, text)[value][1] == want


@pytest.mark.parametrize("text, value, bound", [
    ("Najwa Motors shall establish not less than 18 showrooms in Oman by 2027.", 18, "lower"),
    ("Najwa Motors will buy no fewer than 12,000 vehicles over three years.", 12000, "lower"),
    ("The combined fleet of Orvane Mobility in the zone shall not exceed 80 vehicles.", 80, "upper"),
    ("Orvane Mobility may run not more than 40 vehicles in the district.", 40, "upper"),
    ("Orvane Mobility runs fewer than 40 vehicles in the district.", 40, "upper"),
])
def test_a_negated_comparison_is_the_opposite_bound(gaz, text, value, bound):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    (rec,) = [c.record for c in result.candidates if c.file == "observations" and c.record["value"] == value]
    assert rec.get("bound") == bound


def test_a_count_takes_no_time_of_a_later_clause(gaz):
    found = figures(gaz, "Korvell Motors sells in 38 countries, and its target is 500,000 overseas sales in 2028.")
    assert found[38][1] == "market-reach" and found[38][3] == "2026-03"  # as of the article (2026-03-15)
    assert found[500000][3] == "2028"


@pytest.mark.parametrize("text, value, period", [
    ("Korvell Motors has sold about 3,100 vans since it entered the market in 2025.", 3100, "2025-01"),
    ("Korvell Motors has delivered 12,000 vans in Chile since March 2024.", 12000, "2024-03"),
    ("Korvell Motors has exported 40,000 cars since 2019.", 40000, "2019-01"),
])
def test_a_perfect_total_since_a_start_runs_to_the_article(gaz, text, value, period):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    (rec,) = [c.record for c in result.candidates if c.file == "observations" and c.record["value"] == value]
    assert (rec["period_start"], rec["period_end"]) == (period, "2026-03")


def test_a_best_month_since_a_year_is_no_total(gaz):
    found = figures(gaz, "Korvell Motors sold 4,000 cars in May, its best month since 2019.")
    assert found[4000][3] == "2025-05"


def test_a_non_profit_body_has_no_profit(gaz):
    found = figures(gaz, "The Tallis Mobility Association is a non-profit association of 60 companies and universities.")
    assert found[60][1] != "profit"
    assert figures(gaz, "Korvell Motors made a net profit of 2 billion yuan in 2025.")[2000000000][1] == "profit"


@pytest.mark.parametrize("text, value", [
    ("Korvell Robotics will deploy 30 shuttles in Doha next year.", 30),
    ("Korvell Robotics will deploy four robotaxis in Doha next year.", 4),
    ("Korvell Robotics will deploy 30 K5 robotaxis in Doha next year.", 30),
    ("Testing in Doha will start next year with four Korvell WS-6 shuttles, each carrying eight passengers.", 4),
])
def test_a_fleet_in_words_or_with_a_model_name(gaz, text, value):
    found = figures(gaz, text)
    assert value in found and 6 not in found  # ("WS-6" is a designation, no figure)


@pytest.mark.parametrize("text", ["Korvell Motors makes two SUVs in Chile.", "Two cars collided near the plant."])
def test_other_vehicles_in_words_are_no_figure(gaz, text):
    assert figures(gaz, text) == {}


def test_of_these_n_takes_the_unit_of_the_figure_before(gaz):
    found = figures(gaz, "Korvell Motors sold 412,600 vehicles in 2025. Of these, 96,300 were sold outside the "
                         "Chinese mainland, an increase of 38.2% year on year.")
    assert found[96300][:2] == ("korvell-motors", "overseas-sales") and found[96300][3] == "2025"


@pytest.mark.parametrize("text, value, year", [
    ("Chinese exports as a whole reached about 7.1 million vehicles, up 13% from 2025, customs data show.", 7100000,
     "2026"),
    ("Korvell Motors' revenue was 2 billion yuan, a rise of 8% on 2024.", 2000000000, "2025"),
])
def test_a_figure_with_a_change_against_a_named_year_is_of_the_year_after(gaz, text, value, year):
    assert figures(gaz, text)[value][3] == year


@pytest.mark.parametrize("text, value, measure", [
    ("Korvell Motors will cut 2,000 jobs at its plant in Spain.", 2000, None),
    ("Korvell Motors laid off 300 workers in Chile last year.", 300, None),
    ("Korvell Motors employs 1,400 people in Spain.", 1400, None),
    ("The new plant in Spain will create 3,000 jobs.", 3000, "jobs-created"),
    ("Korvell Motors' new plant will employ 3,000 workers.", 3000, "jobs-created"),
])
def test_only_jobs_to_be_created_are_jobs_created(gaz, text, value, measure):
    assert figures(gaz, text)[value][1] == measure


@pytest.mark.parametrize("text, value, unit", [
    ("Korvell Motors entered Kenya in May, bringing the number of countries in which its cars are sold to 46.", 46,
     "countries-and-regions"),
    ("Korvell Motors opened 12 showrooms, raising the number of showrooms in Chile to 58.", 58, "stores"),
])
def test_the_number_of_countries_or_showrooms_raised_to_n(gaz, text, value, unit):
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    assert [c.record["unit"] for c in result.candidates if c.file == "observations" and c.record["value"] == value] \
        == [unit]
