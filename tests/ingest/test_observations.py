"""Statistics as observations: subject, destination and period, on sentences written for these tests."""

from __future__ import annotations

import pytest

from nevkg.ingest.extract import extract
from nevkg.ingest.extract.periods import find_periods, resolve_weekday

pytestmark = pytest.mark.usefixtures("nlp_pipeline")


def observations(gaz, text, date="2026-03-15"):
    """value → (subject, destination, period start, period end) of every proposed observation."""
    result = extract(text, gaz, article_date=date, source_id="test-source")
    return {c.record["value"]: (c.record.get("subject"), c.record.get("destination"), c.record.get("period_start"),
                                c.record.get("period_end"))
            for c in result.candidates if c.file == "observations"}


def test_shares_named_by_their_owners(gaz):
    obs = observations(gaz, "The venture is 60% owned by Velmora Motors and 40% by Orvista Mobility.")
    assert obs[60][0] == "velmora-motors" and obs[40][0] == "orvista-mobility"


def test_respectively_pairs_only_the_listed_figures(gaz):
    obs = observations(gaz, "Lisbon charges Chery a rate of 30%, while Geely and BYD pay 12% and 9%, respectively.")
    assert (obs[12][0], obs[9][0]) == ("geely", "byd")


def test_a_tariff_rate_has_the_market_that_charges_it(gaz):
    text = ("Mexico is applying new duties on imported electric cars. Chery faces a rate of 25%. "
            "The European Union imposed a 17% duty on Geely's cars.")
    obs = observations(gaz, text)
    assert obs[25][:2] == ("chery", "mexico")
    assert obs[17][:2] == ("geely", "european-union")


def test_a_flow_named_before_its_figure_has_that_destination(gaz):
    obs = observations(gaz, "Chery said shipments to Chile reached 8,000 units in the first quarter.", "2026-05-15")
    assert obs[8000] == ("chery", "chile", "2026-01", "2026-03")


def test_a_rate_from_a_stated_day_has_that_day(gaz):
    obs = observations(gaz, "Canada will charge a 100% surtax on the cars starting on Oct. 1.", "2026-08-20")
    assert obs[100][1:] == ("canada", "2026-10-01", "2026-10-01")  # ahead of the article: this year's October
    obs = observations(gaz, "Canada began charging a 100% surtax on the cars from Oct. 1.", "2026-12-20")
    assert obs[100][2:] == ("2026-10-01", "2026-10-01")


def test_a_milestone_reached_on_a_weekday(gaz):
    obs = observations(gaz, "Velmora Motors opened its plant on Friday, as its 2 millionth car left the line.",
                       "2026-05-16")
    assert obs[2000000][2:] == ("2026-05-15", "2026-05-15")


def test_a_year_in_brackets_is_not_the_figures_period(gaz):
    obs = observations(gaz, "The plant (bought from a rival in 2019) now employs 900 workers.")
    assert obs[900][2] != "2019"


def test_a_year_in_a_relative_clause_is_not_the_figures_period(gaz):
    obs = observations(gaz, "Velmora Motors said the plant, which opens in 2028, will employ 4,000 people.")
    assert obs[4000] == ("velmora-motors", None, None, None)


def test_a_split_between_partners_gives_each_its_share(gaz):
    obs = observations(gaz, "Velmora Motors and Orvista Mobility set up a 60:40 joint venture in Pune.")
    assert (obs[60][0], obs[40][0]) == ("velmora-motors", "orvista-mobility")


def test_from_a_year_opens_a_period_unless_it_is_the_base_of_a_change(gaz):
    obs = observations(gaz, "Orvista Mobility plans to run 800 robotaxis in Austria from 2028.")
    assert obs[800][2:] == ("2028", "2028")
    obs = observations(gaz, "Orvista Mobility sold 9,000 cars in 2025, up 12% from 2024.")
    assert obs[9000][2:] == ("2025", "2025")


def test_so_far_this_year_is_the_reports_period(gaz):
    text = ("Velmora Motors exported 90,000 cars in the first eight months of 2026. "
            "In the second quarter it shipped 30,000.\nTruck shipments stand at 21,000 so far this year.")
    obs = observations(gaz, text, "2026-09-20")
    assert obs[21000][2:] == ("2026-01", "2026-08")


def test_an_investment_belongs_to_the_company_not_the_host_country(gaz):
    obs = observations(gaz, "The Polish government signed a deal with Velmora Motors for a $2 billion plant.")
    assert obs[2000000000][0] == "velmora-motors"


def test_a_pronoun_or_a_carmaker_noun_is_the_company_named_before(gaz):
    obs = observations(gaz, "Velmora Motors opened a store in Lima. The carmaker sold 4,000 cars in Peru in June.")
    assert obs[4000][0] == "velmora-motors"


def test_a_share_price_move_is_not_a_statistic(gaz):
    assert observations(gaz, "Shares of Velmora Motors rose 5% on Monday after the news.") == {}


def test_a_past_month_stays_in_the_past(gaz):
    obs = observations(gaz, "Car exports through Lindport reached 4,100 units in October, the operator said.",
                       "2026-12-03")
    assert obs[4100][2:] == ("2026-10", "2026-10")  # "through" is a route here, not a time ahead


def test_weekdays_resolve_against_the_article_date():
    assert resolve_weekday("Friday", "2026-05-16") == "2026-05-15"
    assert resolve_weekday("Saturday", "2026-05-16") == "2026-05-16"
    (p,) = find_periods("The plant opened on Tuesday.", 0, "2026-05-16")
    assert (p.period_start, p.date) == ("2026-05-12", True)
    (p,) = find_periods("The plant will open on Tuesday.", 0, "2026-05-16")
    assert p.period_start == "2026-05-19"


def test_a_flow_shares_the_period_of_a_parallel_clause(gaz):
    obs = observations(gaz, "Geely sold 30,000 vehicles in Brazil, while BYD delivered 76,000 units there in 2025.")
    assert obs[30000][2:] == ("2025", "2025") and obs[76000][2:] == ("2025", "2025")
    obs = observations(gaz, "Chery shipped 40,000 cars to Russia; Geely delivered 25,000 to Kazakhstan in May.")
    assert obs[40000][2:] == ("2025-05", "2025-05")  # the last May before the article


def test_a_flow_does_not_take_the_period_of_a_plan(gaz):
    obs = observations(gaz, "Chery sold 40,000 cars in Chile and will open a plant there in 2027.")
    assert obs[40000][2] != "2027"


def test_a_change_belongs_to_the_amount_not_to_a_share_after_it(gaz):
    result = extract("Velmora Motors sold 80,000 cars in 2025, a 12% share of the market, which is 20% more than "
                     "the volume a year earlier.", gaz, article_date="2026-03-15", source_id="test-source")
    yoy = {c.record["value"]: c.record.get("yoy_change_pct") for c in result.candidates if c.file == "observations"}
    assert yoy == {80000: 20, 12: None}


def test_a_figure_stated_twice_is_one_statistic(gaz):
    text = ("Velmora Motors exported 64,000 cars in 2025. Of the 64,000 cars Velmora Motors exported in 2025, "
            "70% went to Latin America.")
    result = extract(text, gaz, article_date="2026-03-15", source_id="test-source")
    values = [c.record["value"] for c in result.candidates if c.file == "observations"]
    assert values.count(64000) == 1 and 70 in values


@pytest.mark.parametrize("text, value, dest", [
    ("Velmora Motor India will sell 50,000 cars next year.", 50000, "india"),
    ("While it has 40 dealers, Orvo and Tarsa UK Ltd wants 80 dealers by the end of the year.", 80,
     "united-kingdom"),
])
def test_a_local_arm_s_figures_are_about_its_country(gaz, text, value, dest):
    assert observations(gaz, text)[value][1] == dest


def test_a_share_of_the_total_takes_the_period_of_the_largest_total(gaz):
    text = ("Velmora Motors exported 90,000 cars in the first half of 2025. The second quarter alone saw 50,000 "
            "units leave the port.\nSUVs made up 60% of the total volume.")
    assert observations(gaz, text)[60][2:] == ("2025-01", "2025-06")


@pytest.mark.parametrize("text", ["Turkey last month imposed an extra 40% tariff on cars imported from China.",
                                  "Turkey on Friday raised its duty on Chinese-made cars to 40%."])
def test_a_market_that_imposes_a_rate_after_a_time_word(gaz, text):
    assert observations(gaz, text)[40][1] == "turkey"


def test_more_than_double_the_year_before_is_the_figure_s_change(gaz):
    result = extract("Velmora Motors shipped 9,400 vehicles to Chile in 2025, more than double the year before.", gaz,
                     article_date="2026-03-15", source_id="test-source")
    obs = [c.record for c in result.candidates if c.file == "observations"]
    assert [(o["value"], o.get("yoy_change_pct"), o.get("yoy_bound")) for o in obs] == [(9400, 100, "lower")]


def test_a_change_without_a_base_takes_the_period_of_the_parallel_clause(gaz):
    obs = observations(gaz, "Orvista Group sold 25,000 cars in Peru in July alone, while Velmora Motors' deliveries "
                            "there more than doubled from a year earlier.")
    assert obs[2][0] == "velmora-motors" and obs[2][2:] == ("2025-07", "2025-07")
