"""Vehicle models named by the words around them: "its Nova 7 sedan", "the new Tiara compact SUV", "the Chisong V3
delivery van", the SUV "X7" in quotes, "the A and B models". A name the parser typed a company, place or person
becomes a model when a pattern says so ("its Kestra electric SUV"; "to build Kestra SUV at …" elsewhere in the
article)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["pattern_models"]

_QUOTED = re.compile(r"[\"“‘](?P<name>[A-Z0-9][A-Za-z0-9+\- ]{0,28}?)[\"”’]")
_MODEL_CONTEXT = re.compile(r"\b(?:models?|SUVs?|sedans?|hatchbacks?|MPVs?|pickups?|pick-ups?|coupes?|cars?|"
                            r"vehicles?|wagons?|crossovers?|minivans?|trucks?|buses?)\b", re.I)
_MODEL_NAME = r"[A-Z][A-Za-z0-9+\-]*(?:[ ][A-Z0-9][A-Za-z0-9+\-]*){0,3}"
#: "the A and B models", "its A, B and C SUVs": names listed before a plural model noun
_MODELS_BEFORE_NOUN = re.compile(rf"\b(?:the|its|their)\s+(?P<names>{_MODEL_NAME}(?:,\s+{_MODEL_NAME})*,?\s+and\s+"
                                 rf"{_MODEL_NAME})\s+(?:models|SUVs|sedans|hatchbacks|MPVs|pickups|crossovers)\b")
#: "its Nova 7 sedan", "the new Tiara compact SUV", "the Lumo 5 crossover" (bare "the" with a code only): one name
#: between a determiner and a body type (words of size or drive between) is a model's
_MODEL_BEFORE_BODY = re.compile(
    r"\b(?:its|their|the\s+new|the(?=\s+[A-Z][a-z]+[ -][A-Z]?\d))\s+"
    r"(?P<name>[A-Z][a-z]+(?:[ -](?:[A-Z]?\d+[A-Za-z+]*|[A-Z][A-Za-z]*\d+))?)\s+"
    r"(?:(?:compact|subcompact|mid-?size|full-size|small|large|electric|all-electric|battery-electric|plug-in|"
    r"hybrid|seven-seat|five-seat|luxury|flagship|entry-level|coupe)\s+){0,2}"
    r"(?:SUV|sedan|saloon|hatchback|MPV|pickup|crossover|minivan|estate|wagon|(?:delivery|cargo|panel)\s+van|van)\b")
#: the words of size, drive and body after a model's name
_BODY_WORDS = re.compile(r"(?:\s+(?:compact|subcompact|mid-?size|full-size|small|large|electric|all-electric|"
                         r"battery-electric|plug-in|hybrid|seven-seat|five-seat|luxury|flagship|entry-level|coupe)){0,2}"
                         r"\s+(?:SUV|sedan|saloon|hatchback|MPV|pickup|crossover|minivan|estate|wagon|"
                         r"(?:delivery|cargo|panel)\s+van|van)s?", re.I)
_MODEL_AFTER_NOUN = re.compile(r"\b(?:model|SUV|sedan|hatchback|MPV|pickup|crossover)s?,?\s+(?:the\s+|its\s+)?"
                               r"(?P<name>[A-Z][A-Za-z]*(?:[ -][A-Z0-9][A-Za-z0-9+]*){0,2}\d?[A-Za-z0-9+]*)")


def pattern_models(E: Any) -> None:
    """Add the vehicle models ``E`` (an ``_Entities``) names by their patterns: a quoted name in a sentence about
    models, a name after a model noun ("the SUV X7") or between a determiner and a body type ("its Nova 7
    sedan"), names listed before a plural model noun ("the A and B models")."""
    from nevkg.ingest.countries import DEMONYMS

    text = E.text
    spans: list[tuple[int, int, str]] = []
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        ctx = text[max(0, m.start() - 50):m.end() + 30]
        if len(name.split()) > 4 or not _MODEL_CONTEXT.search(ctx):
            continue
        spans.append((m.start("name"), m.start("name") + len(name), "quoted-model"))
    for m in _MODEL_AFTER_NOUN.finditer(text):
        name = m.group("name").strip()
        if not re.search(r"\d", name) and len(name.split()) < 2:
            continue
        spans.append((m.start("name"), m.start("name") + len(name), "model-after-noun"))
    for m in _MODEL_BEFORE_BODY.finditer(text):
        if m.group("name") not in DEMONYMS and E.gaz.lookup(m.group("name"), ("places", "organizations")) is None:
            spans.append((m.start("name"), m.end("name"), "models-before-noun"))
    for m in _MODELS_BEFORE_NOUN.finditer(text):
        for n in re.finditer(_MODEL_NAME, m.group("names")):
            if n.group(0) not in {"And"}:
                spans.append((m.start("names") + n.start(), m.start("names") + n.end(), "models-before-noun"))
    for s, e, rule in spans:
        name = text[s:e]
        if rule == "models-before-noun":  # "its Kestra electric SUV": the parser's name ran on over the body
            for k in E.overlaps(s, e):
                if k.start == s and k.end > e and not k.known and k.id in E.new and _BODY_WORDS.fullmatch(
                        text[e:k.end]):
                    E.forget(k)
        same = [k for k in E.overlaps(s, e) if (k.start, k.end) == (s, e) and not k.known
                and k.file in {"organizations", "places", "people"} and k.id in E.new]
        if rule == "models-before-noun" and not same:  # (or named it so elsewhere: "to build Kestra SUV at …")
            same = [k for k in E.mentions if k.id in E.new and E.new[k.id].get("label") == name
                    and k.file in {"organizations", "places", "people"} and k.rule.startswith("ner:")
                    and not E.overlaps(s, e)]
            if same:
                E.mentions.append(Mention(s, e, name, same[0].file, same[0].id, False, same[0].kind, rule,
                                             0.45, name))
        if rule == "models-before-noun" and same:  # the parser called a listed model a company, place or person
            from nevkg.ingest.extract.ner import retype

            retype(E, same[0].id, "vehicle_models", "")
            E.new[same[0].id].pop("kind", None)
            for k in E.mentions:
                if k.id == same[0].id:
                    k.kind = None
            continue
        if any(k.start <= s and e <= k.end for k in E.overlaps(s, e)):
            continue
        known = E.gaz.lookup(name, ("vehicle_models",))
        if known:
            E.add(Mention(s, e, name, "vehicle_models", known.id, True, None, rule, 0.8, known.label))
            continue
        rid = E._new_id(name, "vehicle_models")
        E._add_new({"id": rid, "label": name},
                      Mention(s, e, name, "vehicle_models", rid, False, None, rule,
                              0.55 if rule == "quoted-model" else 0.45, name))
