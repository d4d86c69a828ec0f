"""Vehicle models named after their maker, their makers, platforms and one record per model
(:mod:`nevkg.ingest.extract.car_models`, :mod:`nevkg.ingest.makers`). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import records


def models(result) -> dict[str, dict]:
    return {r["label"]: r for r in records(result, "vehicle_models")}


@pytest.mark.parametrize("text, label, maker", [
    ("Buyers in Lima wanted a Honda Jazz-sized hatchback for city driving.", "Honda Jazz", "honda"),
    ("Workers in Kassel assemble the Opel Astra on two shifts.", "Opel Astra", "opel"),
    ("Dealers in Lima cut the price of the Tesla Model Y by 6 percent.", "Tesla Model Y", "tesla"),
    ("Buyers of the BYD Seal U DM-i waited three months for delivery.", "BYD Seal U DM-i", "byd"),
    ("A Toyota Corolla topped the rental fleet's list again.", "Toyota Corolla", "toyota"),
])
def test_a_maker_then_a_name_is_a_model_of_that_maker(run, text, label, maker):
    rec = models(run(text))[label]
    assert rec["maker"] == maker


@pytest.mark.parametrize("text, maker, kind", [
    ("Buyers in Lima wanted a Honda Jazz-sized hatchback for city driving.", "Honda", "automaker"),
    ("Workers in Kassel assemble the Opel Astra on two shifts.", "Opel", "brand"),
])
def test_an_unknown_maker_named_in_a_model_is_proposed_with_its_kind(run, text, maker, kind):
    result = run(text)
    (org,) = [r for r in records(result, "organizations") if r["label"] == maker]
    assert org["kind"] == kind
    assert any(m.text == maker and m.file == "organizations" for m in result.mentions)


@pytest.mark.parametrize("text", [
    "Nissan Motor said its sales rose in March.",
    "BYD Europe and Tesla CEO Ana Lind met at the BYD Szeged Factory on Monday.",
    "Toyota said the recall covers 2,000 cars; Honda plans none.",
    "Harbour Auto News reported the deal, and Kia Brasil confirmed it.",
])
def test_words_that_continue_a_companys_name_are_no_model(run, text):
    assert models(run(text)) == {}


@pytest.mark.parametrize("text, short, long_", [
    ("The Leapmotor C16 goes on sale in June. The C16 is a six-seat SUV.", "C16", "Leapmotor C16"),
    ("Kia unveiled the EV5 in Seoul. The Kia EV5 will be exported from 2027.", "EV5", "Kia EV5"),
])
def test_a_model_named_with_and_without_its_maker_is_one_model(run, text, short, long_):
    found = models(run(text))  # (named by its full name, as a model is listed; the short one an alias)
    assert set(found) == {long_} and found[long_]["aliases"] == [short] and found[long_]["maker"]


@pytest.mark.parametrize("text", [
    "The Zeno 4 uses the Kestrel 2.0 platform, shared with Tesla models.",
    "Built on the Arc 800 architecture, the sedan reaches Ford dealers in May.",
])
def test_a_name_before_platform_gets_no_guessed_maker(run, text):
    result = run(text)
    platform = [c for c in result.candidates if c.file == "vehicle_models" and c.record["label"] in text
                and text[text.index(c.record["label"]) + len(c.record["label"]):].lstrip().startswith(
                    ("platform", "architecture"))]
    assert platform and all("maker" not in c.record and c.missing == ["maker"] for c in platform)


@pytest.mark.parametrize("text, code, maker", [
    ("Tesla will build its Q9 SUV in Berlin from 2027.", "Q9", "tesla"),
    ("At the show, BYD put the K8 on its stand beside two buses.", "K8", "byd"),
])
def test_a_code_in_a_sentence_naming_a_carmaker_is_its_model(run, text, code, maker):
    assert models(run(text))[code]["maker"] == maker


@pytest.mark.parametrize("text", [
    "BYD said its Q3 deliveries rose, helped by a 40 GWh battery line.",
    "Tesla staff moved into the B2 office block in June.",
    "BYD opened its A4 warehouse near the port.",
])
def test_codes_that_are_no_model_stay_unproposed(run, text):
    assert models(run(text)) == {}


@pytest.mark.parametrize("text, label", [
    ("MG Windsor EV deliveries began in Pune last week.", "MG Windsor EV"),
    ("Dealers said the Kia Niro EV sold out in Chile.", "Kia Niro EV"),
])
def test_a_models_name_keeps_an_ev_it_is_written_with(run, text, label):
    assert label in models(run(text))


@pytest.mark.parametrize("text", [
    "Staff at the Kia Zilina Plant voted on the new shift pattern.",
    "The Toyota Kolin Works will close in August.",
])
def test_a_maker_a_name_and_a_site_word_is_a_site_not_a_model(run, text):
    assert models(run(text)) == {}


@pytest.mark.parametrize("text, label, maker", [
    ("Chery's Tiggo 4 Pro went on sale in Poland this month.", "Tiggo 4 Pro", "chery"),
    ("Dealers in Santiago say Chery's Tiggo hatchback sells out every month.", "Tiggo", "chery"),
    ("Geely’s Coolray SUV is assembled in Belarus.", "Coolray", "geely"),
])
def test_a_makers_possessive_names_a_model_with_a_code_or_a_body_type(run, text, label, maker):
    assert models(run(text))[label]["maker"] == maker


@pytest.mark.parametrize("text", ["BYD's Szeged plant will open later this year.",
                                  "Geely's Zeekr unit listed its shares in New York.",
                                  "BYD's Europe chief spoke at the show in Paris."])
def test_a_makers_possessive_before_a_place_or_a_unit_names_no_model(run, text):
    assert models(run(text)) == {}
