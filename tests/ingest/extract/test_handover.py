"""Sites taken over and markets left (:mod:`nevkg.ingest.extract.relations_handover`), on sentences written for
these tests (invented companies)."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def sites(result) -> list[tuple[tuple[str, ...], str | None, tuple[str, ...]]]:
    return sorted((tuple(r["operator"]), r.get("place"), tuple(r.get("previous_operator") or []))
                  for r in records(result, "sites"))


@pytest.mark.parametrize("text", [
    "Orvan Group will take over Kestrel Auto's plant in Monterrey.",
    "Orvan Group acquired the former Kestrel Auto factory in Monterrey last year.",
    "Kestrel Auto's idle plant in Monterrey was bought by Orvan Group in 2024.",
])
def test_a_site_taken_over_is_the_new_operators_with_the_old_one_before_it(run, text):
    assert sites(run(text)) == [(("orvan-group",), "monterrey", ("kestrel-auto",))]


def test_a_factory_on_the_former_site_of_a_company(run):
    text = "Built on the former site of Kestrel Auto's operations, the factory of Orvan Group will open in May."
    assert [s[2] for s in sites(run(text)) if s[0] == ("orvan-group",)] == [("kestrel-auto",)]


def exits(result) -> list[tuple[str, str]]:
    return sorted((r["exporter"], r["market"]) for r in records(result, "market_presence")
                  if r["activity"] == "exited")


@pytest.mark.parametrize("text, market", [
    ("Kestrel Auto pulled out of Russia in 2022.", "russia"),
    ("Kestrel Auto exits the Indian market after ten years.", "india"),
    ("A carmaker like Kestrel Auto is leaving Brazil, the minister said.", "brazil"),
    ("Kestrel Auto's exit from Russia cost it $2 billion.", "russia"),
])
def test_a_company_that_leaves_a_market_exits_it(run, text, market):
    assert exits(run(text)) == [("kestrel-auto", market)]


@pytest.mark.parametrize("text", [
    "Ships carrying Kestrel Auto cars left China in May.",
    "Buyers like Kestrel Auto left the meeting in Lima early.",
])
def test_no_exit_when_the_company_is_not_the_one_leaving(run, text):
    assert exits(run(text)) == []


def test_leaving_a_market_is_no_sale_there(run):
    result = run("Rival Kestrel Auto pulled out of the Moroccan market last year after poor sales.")
    assert [(r["exporter"], r["market"], r["activity"]) for r in records(result, "market_presence")] == \
        [("kestrel-auto", "morocco", "exited")]


def test_a_site_taken_over_without_a_place_is_the_companys_main_site(run):
    text = ("Orvan Group opened its first plant in the Americas in Monterrey on Friday. It is the group's third "
            "site outside Spain. The factory stands on the former site of Kestrel Auto's operations.")
    got = [(r["operator"], r.get("place"), r.get("previous_operator")) for r in records(run(text), "sites")
           if r.get("previous_operator")]
    assert got == [(["orvan-group"], "monterrey", ["kestrel-auto"])]


@pytest.mark.parametrize("text", [
    "Kestrel Auto sold 3,000 cars in Peru last year. The carmaker will now pull out of the market.",
    "Kestrel Auto has sold cars in Peru since 2019, but it exited the market in May.",
])
def test_leaving_the_market_spoken_of(run, text):
    result = run(text)
    assert exits(result) == [("kestrel-auto", "peru")]
    assert ("kestrel-auto", "peru", "sells-in") in {(r["exporter"], r["market"], r["activity"])
                                                    for r in records(result, "market_presence")}


def test_no_market_left_without_a_country_named(run):
    assert exits(run("Chinese carmaker Kestrel Auto said Orvan Group would leave the market.")) == []
