"""Named services: a robotaxi, ride-hailing or mobility service named like a company ("X's Y robotaxi service",
"the Y app", "Y robotaxis", "robotaxi service Y") is a brand of its own (its owner is found by the relation rules);
a coded name before "robotaxi" ("X's RT6 robotaxi") is a vehicle model."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["named_services"]

#: one capitalised word of a name ("Pony.ai", "Sales-Lentz", "WeRide")
_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž0-9]*(?:[.\-&][A-Za-zÀ-ÖØ-öø-ÿĀ-ž0-9]+)*"  # (accented: "Emajõe", "Łódź")
#: a name of up to three such words
_RUN = rf"{_WORD}(?:[ ]{_WORD}){{0,2}}"
#: a number written as a word ("Fifty robotaxis will run"): no name
_NUMBER_WORD = re.compile(r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                          r"fifty|sixty|seventy|eighty|ninety|hundreds?|dozens?|thousands?)(?:-[a-z]+)?")
#: nouns and words of a named service after its name ("X robotaxi service", "X app", "X robotaxis")
_SERVICE_AFTER = re.compile(r"\s+(?:(?:robo-?taxis?|robo-?taxi\s+(?:service|app|platform|brand|fleet|unit|"
                            r"business)\b)|(?:(?:ride-?hailing|ride-?sharing|autonomous(?:[\s-]driving)?|driverless|"
                            r"self-driving|mobility|taxi)\s+(?:service|app|platform|brand|unit|business)\b)|"
                            r"(?:app|platform)\b)")  # (singular nouns: "Western ride-hailing platforms" names none)
_SERVICE_BEFORE = re.compile(r"\b(?:robo-?taxi|ride-?hailing|ride-?sharing|autonomous(?:[\s-]driving)?|driverless|"
                             r"self-driving|mobility)\s+(?:service|app|platform|brand|unit|arm)\s+$")
#: a service named in apposition: "Y, X's robotaxi service", "Y, the ride-hailing app owned by X"
_SERVICE_APPOS = re.compile(rf"(?P<n>{_RUN}),[ ](?:(?:[A-Z][\w.]*['’]s|its|their|the|a|an)[ ])?(?:[\w\-]+[ ]){{0,2}}?"
                            r"(?:robo-?taxi|ride-?hailing|ride-?sharing|autonomous(?:[\s-]driving)?|driverless|"
                            r"self-driving|mobility|taxi)[ ](?:service|app|platform|brand)\b")


def named_services(E: Any) -> None:
    """"X's Y robotaxi service", "the Y app", "Y robotaxis", "robotaxi service Y": Y is a named service (a brand;
    its owner is found by the relation rules)."""
    text = E.text
    from nevkg.ingest.extract.ner import retype
    from nevkg.ingest.extract.ner_types import _model_like
    from nevkg.ingest.extract.org_context import _ok_name, _set_kind, org_at

    for m in re.finditer(rf"(?P<n>{_RUN})(?=" + _SERVICE_AFTER.pattern + ")", text):
        s, e = m.start("n"), m.end("n")
        if _NUMBER_WORD.fullmatch(m.group("n")):
            continue
        over = E.overlaps(s, e)
        if _model_like(m.group("n")):  # "X's RT6 robotaxi": a vehicle model, not a service
            for k in over:
                if (k.start, k.end) == (s, e) and not k.known and k.id in E.new and k.file != "vehicle_models":
                    retype(E, k.id, "vehicle_models", "")
                    E.new[k.id].pop("kind", None)
            if not over and _ok_name(E, s, e) == (s, e):
                from nevkg.ingest.extract.ner import _propose

                _propose(E, "vehicle_models", "", m.group("n"), s, e, "context-model")
            continue
        if any(k.known or k.file == "organizations" and k.kind != "company" for k in over):
            continue
        same = [k for k in over if k.file == "organizations" and (k.start, k.end) == (s, e)]
        if same and same[0].id in E.new and all(_SERVICE_AFTER.match(text, k.end) for k in E.mentions
                                                if k.id == same[0].id):
            _set_kind(E, same[0].id, "brand")  # named only as a service ("Roadgo robotaxis")
        elif not same:  # (a company named elsewhere as itself: "the Tripla app" is its own app)
            org_at(E, s, e, "brand", "service")
    for m in re.finditer(rf"(?P<n>{_RUN})", text):
        if _SERVICE_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            org_at(E, m.start("n"), m.end("n"), "brand", "service")
    for m in _SERVICE_APPOS.finditer(text):  # "Y, X's robotaxi service, …", "Y, the ride-hailing app owned by X"
        if not any(k.known or k.file == "organizations" and k.kind != "brand"
                   for k in E.overlaps(m.start("n"), m.end("n"))):
            org_at(E, m.start("n"), m.end("n"), "brand", "service")
