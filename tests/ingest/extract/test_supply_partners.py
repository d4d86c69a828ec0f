"""Supplying and building goods for a client makes two companies partners
(:meth:`nevkg.ingest.extract.relations_partners.PartnerParseRules.supply_partners`): the active form with "to",
the passive with "by" (the client after "for", in the goods' phrase, or the company spoken of last). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def _pairs(result) -> set[frozenset[str]]:
    return {frozenset(r["partners"]) for r in records(result, "partnerships")}


@pytest.mark.parametrize("text, maker, client", [
    ("Under the agreement, Geely will supply up to 600 electric vans to Uber over five years.", "geely", "uber"),
    ("The new robotaxi is built for WeRide by Chery at its plant in Wuhu, Anhui province.", "chery", "weride"),
    ("Pony.ai opened a workshop in Stuttgart. The minivans themselves are built by Geely under an agreement signed "
     "last year.", "geely", "pony-ai"),
    ("The cars, electric vehicles fitted with WeRide's own sensors, are supplied by GAC Aion, the electric-vehicle "
     "unit of GAC Group.", "gac-aion", "weride"),
])
def test_the_maker_and_its_client_are_partners(run, text, maker, client):
    assert frozenset((maker, client)) in _pairs(run(text))


@pytest.mark.parametrize("text", [
    "BYD delivered 9,000 cars to Brazil in March and provided details to Reuters.",
    "Chery did not supply any vans to Uber last year.",
    "Geely said it would supply more information to Uber next week.",
])
def test_goods_to_a_country_a_denial_or_no_goods_make_no_partners(run, text):
    assert not _pairs(run(text))


@pytest.mark.parametrize("text, pair", [
    ("WeRide will test robotaxis in Riyadh from July. The local partner is Uber, which will add the cars to its app.",
     {"weride", "uber"}),
    ("Pony.ai plans driverless tests in Qatar. Its partner in Doha is Mowasalat, the state transport company.",
     {"pony-ai", "mowasalat"}),
    ("Uber is WeRide's partner in Abu Dhabi.", {"weride", "uber"}),
])
def test_the_partner_named_with_be_is_a_partner(run, text, pair):
    assert frozenset(pair) in _pairs(run(text))


def test_an_unnamed_partner_is_no_partnership(run):
    assert not _pairs(run("The partner is not yet known, WeRide said."))


@pytest.mark.parametrize("text, pair", [
    ("Under the agreement, Geely will supply up to 600 electric vans to Uber over five years.", {"geely", "uber"}),
    ("From next year Chery will supply 2,000 robotaxis to WeRide.", {"chery", "weride"}),
    ("As part of the deal, BYD will deliver 500 electric buses to Uber in Europe.", {"byd", "uber"}),
])
def test_a_name_read_as_an_adverb_before_its_verb_is_the_subject(run, text, pair):
    assert frozenset(pair) in _pairs(run(text))
