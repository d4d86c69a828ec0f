"""Relations a sentence names but negates or denies (:mod:`relations_assert`), on sentences written for these tests:
each negated or denied form is checked beside the same fact stated plainly, which the rules do propose."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)


def pairs(result) -> set[tuple[str, str, str]]:
    """(file, actor, place or partner) of every relation candidate."""
    out = set()
    for c in result.candidates:
        r = c.record
        if c.file == "sites":
            out |= {("sites", op, r.get("place")) for op in r.get("operator") or []}
        elif c.file == "market_presence":
            out.add(("market_presence", r["exporter"], r["market"]))
        elif c.file == "partnerships":
            a, b = sorted(r["partners"])[:2]
            out.add(("partnerships", a, b))
        elif c.file == "investments":
            out.add(("investments", r["investor"], r.get("place") or r.get("investee")))
    return out


def test_a_negated_market_is_no_presence(gaz):
    assert ("market_presence", "byd", "norway") in pairs(run(gaz, "BYD sells its cars in Norway."))
    for text in ("BYD does not sell its cars in Norway.",
                 "BYD has never sold cars in Norway, a spokesman said.",
                 "Unlike its rivals, BYD doesn't export any cars to Norway."):
        assert not {p for p in pairs(run(gaz, text)) if p[2] == "norway"}, text


def test_a_negated_plant_is_no_site(gaz):
    assert ("sites", "chery", "poland") in pairs(run(gaz, "Chery will build a car plant in Poland, it said."))
    for text in ("Chery will not build a car plant in Poland, it said.",
                 "Chery has no plans for a car plant in Poland.",
                 "Chery said it had no car plant in Poland and would keep importing."):
        assert not {p for p in pairs(run(gaz, text)) if p[2] == "poland"}, text


def test_a_site_not_yet_opened_is_still_a_site(gaz):
    for text in ("Chery has not yet opened its car plant in Poland.",
                 "Chery has not started production at its plant in Poland."):
        assert ("sites", "chery", "poland") in pairs(run(gaz, text)), text


def test_a_denied_report_gives_no_relation(gaz):
    for text in ("Chery denied a report that it was weighing a car plant in Poland.",
                 "Chery on Monday denied reports that it would build a factory in Poland.",
                 "Chery dismissed speculation that it planned an assembly plant in Poland."):
        assert not {p for p in pairs(run(gaz, text)) if p[2] == "poland"}, text


def test_not_only_is_no_negation(gaz):
    got = pairs(run(gaz, "BYD not only sells cars in Norway but also builds buses in Hungary."))
    assert ("market_presence", "byd", "norway") in got


def test_a_place_that_only_names_a_home_is_no_site_market_or_partner(gaz):
    got = pairs(run(gaz, "Vinter Group, the Stockholm-listed retailer, will sell Kovara Motors cars in Norway."))
    assert not {p for p in got if "stockholm" in p} and ("market_presence", "kovara-motors", "norway") in got, got
    got = pairs(run(gaz, "The Madrid-listed Iberauto will distribute Kovara Motors cars in Portugal."))
    assert not {p for p in got if "madrid" in p} and ("market_presence", "kovara-motors", "portugal") in got, got
    got = pairs(run(gaz, "Tongyu Motors bought the bus plant in Gyor. It is the first European factory of the "
                         "Shanghai group."))
    assert not {p for p in got if "shanghai" in p}, got
    got = pairs(run(gaz, "The Shenzhen group Kovara Motors will open a car plant in Hungary next year."))
    assert got == {("sites", "kovara-motors", "hungary")}, got


def test_a_plant_in_a_place_is_still_a_site_beside_a_home(gaz):
    got = pairs(run(gaz, "The Shanghai-based carmaker Kovara Motors will build a second car plant in Shanghai."))
    assert ("sites", "kovara-motors", "shanghai") in got, got
    got = pairs(run(gaz, "Kovara Motors opened a car plant in Shanghai, where it is also headquartered."))
    assert ("sites", "kovara-motors", "shanghai") in got, got


def test_a_run_in_head_is_no_company_and_no_market(gaz):
    for text in ("Weekly round-up.\n\nDISTRIBUTION — Kovara Motors has named Sentosa Holdings its distributor for "
                 "Malaysia.",
                 "Weekly round-up.\n\nDEALS: Kovara Motors has named Sentosa Holdings its distributor for Malaysia.",
                 "Weekly round-up.\n\nRETAIL - Kovara Motors has named Sentosa Holdings its distributor for Malaysia."):
        result = run(gaz, text)
        orgs = {c.record["label"] for c in result.candidates if c.file == "organizations"}
        assert not {o for o in orgs if o.isupper()}, (text, orgs)
    got = pairs(run(gaz, "Weekly round-up.\n\nLATIN AMERICA — Kovara Motors opened its first showrooms in "
                         "Santiago last week."))
    assert not {p for p in got if p[2] == "latin-america"}, got


def test_a_denied_contract_gives_no_site_or_partner_to_anyone(gaz):
    for text in ("Kovara Motors denied a report that it would build Jinlan Auto's vans in Spain.",
                 "Kovara Motors denied reports that it would assemble cars for Jinlan Auto in Spain.",
                 "Kovara Motors dismissed claims that it would make Jinlan Auto's buses at a plant in Spain."):
        got = pairs(run(gaz, text))
        assert not {p for p in got if p[0] in {"sites", "partnerships"}}, (text, got)


def test_a_site_of_which_none_was_announced_or_opened_is_no_site(gaz):
    for text in ("Chery has not announced a car plant in Poland.",
                 "So far Chery has not opened any car plant in Poland.",
                 "Chery did not confirm a factory in Poland, its spokesman said."):
        assert ("sites", "chery", "poland") not in pairs(run(gaz, text)), text
    assert ("sites", "chery", "poland") in pairs(run(gaz, "Chery has not opened its car plant in Poland yet."))
