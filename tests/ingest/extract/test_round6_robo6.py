"""Round 6 (robotaxi) forms, on sentences written for these tests: a relation only asked about ("declined to say
whether …") is not stated."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records

RELATION_FILES = ("partnerships", "sites", "market_presence", "investments", "deployments")


def relations(result) -> list[dict]:
    return [r for f in RELATION_FILES for r in records(result, f)]


# ------------------------------------------------------------------ an open question states no relation
@pytest.mark.parametrize("text", [
    "Velmora Motors declined to say whether it would build a plant in Mexico.",
    "Velmora Motors did not confirm whether it will start selling cars in Chile next year.",
    "A Velmora Motors spokesperson declined to comment on whether the company would form a joint venture with "
    "Karvo Group.",
    "Velmora Motors would not say if it plans to invest in Hungary.",
])
def test_a_relation_only_asked_about_is_not_stated(run, text):
    assert relations(run(text)) == []


def test_the_stated_clause_beside_an_open_question_stays(run):
    result = run("Velmora Motors sells cars in Chile, and analysts asked whether it would open a plant in Peru.")
    assert {(r["exporter"], r["market"]) for r in records(result, "market_presence")} == {("velmora-motors", "chile")}
    assert records(result, "sites") == []
