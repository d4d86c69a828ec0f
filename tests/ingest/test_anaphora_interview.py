"""In an interview written as question and answer turns, "we" and "our" in the answers stand for the organisation
the introduction names most (:func:`anaphora._interviewee_voice`); interviews written for these tests."""

from __future__ import annotations

from tests.ingest.test_parse_rules import pipeline, run  # noqa: F401  (the pipeline fixture applies here too)
from tests.ingest.test_relations_assert import pairs

_INTRO = ("Chery has grown fast abroad. Its export chief, Dai Wen, met us in Wuhu; BYD, its rival, was not "
          "discussed. Chery expects more growth next year.\n\n")


def test_we_in_the_answers_is_the_company_the_introduction_names(gaz):
    for turns, expected in (
            ("Q: Where do you build cars abroad?\n\nA: We opened a car plant in Poland last year.\n",
             ("sites", "chery", "poland")),
            ("Q. Which markets matter most?\n\nA. Our biggest export market is Norway, and we sell cars there "
             "through dealers.\n", ("market_presence", "chery", "norway")),
            ("Q: Any new partners?\n\nA: In March we signed a supply agreement with BYD.\n",
             ("partnerships", "byd", "chery"))):
        assert expected in pairs(run(gaz, _INTRO + turns)), turns


def test_we_in_a_question_or_outside_an_interview_stays_unresolved(gaz):
    text = _INTRO + "Q: We hear you opened a car plant in Poland?\n\nA: That is right.\n"
    assert ("sites", "chery", "poland") not in pairs(run(gaz, text.replace("you opened", "they opened")))
    plain = _INTRO + "We opened a car plant in Poland last year, a visitor said.\n"
    assert ("sites", "chery", "poland") not in pairs(run(gaz, plain))
