"""Laws, regulations and notices named by their proper names: "the Inflation Reduction Act", "the Foreign Trade
Law", "Regulation (EU) 2024/1785", "Announcement No. 61 of 2025", "Executive Order 14117", "the Measures for
the Administration of Export Licences".

Three forms of English legal names: a capitalised run ending in a head noun of a legal instrument (Act, Law,
Code, Regulation, Directive, Decree, Ordinance, Rules, Measures, Provisions, Guidelines); a head noun first with
a capitalised scope after "on" or "for" ("Provisions on the Export of Dual-Use Items"); an instrument word with
its number ("No. 61", "2024/1785"). The capitals in brackets right after the name are its short name ("the
Inflation Reduction Act (IRA)"), and every later use of the short name names it too.

Each is proposed as a new ``policies`` record (rule ``instrument:<head>``) unless the records know it, and every
occurrence joins the measures of the article (``E.measures``), so that :mod:`.relations_policy` gives it its
issuer, what it covers and when it starts, as for a measure named by head and scope (:mod:`.measures`).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.acronyms import fits_name
from nevkg.ingest.extract.linking import link
from nevkg.ingest.extract.measures import measure_kind, measure_word
from nevkg.ingest.extract.model import Mention

__all__ = ["found_instruments", "instrument_mentions", "instrument_kind"]

_HEADS = r"(?:Act|Law|Code|Regulations?|Directive|Decree|Ordinance|Rules|Measures|Provisions|Guidelines)"
_WORD = r"(?:[A-Z][\w\-’']*|\(?[A-Z]{2,}\)?|\d{4})"
_LINK = r"(?:of|for|on|and|the|to|in|&)"
#: a capitalised run ending in a legal head noun: "the Inflation Reduction Act", "the Foreign Trade Law"
_NAMED = re.compile(rf"(?<![\w\-])(?P<name>{_WORD}(?:[ ](?:{_LINK}[ ])*{_WORD}){{0,9}}?[ ]{_HEADS})(?![\w\-])")
#: a head noun first, its scope after: "Provisions on the Export of Dual-Use Items"
_HEAD_FIRST = re.compile(r"(?<![\w\-])(?P<name>(?:(?:Provisional|Interim|Administrative|Implementing|Detailed)[ ])?"
                         r"(?:Measures|Rules|Provisions|Regulations|Guidelines|Opinions)[ ]"
                         r"(?:on|for)[ ](?:the[ ])?[A-Z][\w\-]*(?:[ ](?:(?:of|for|on|and|the|in)[ ])*[A-Z][\w\-]*)*)")
#: an instrument by its number: "Regulation (EU) 2024/1866", "Announcement No. 61", "Decree No. 123/2025"
_NUMBERED = re.compile(r"(?<![\w\-])(?P<name>(?:Implementing[ ]|Executive[ ])?(?:Regulation|Directive|Decision|Decree|"
                       r"Law|Resolution|Ordinance|Act|Circular|Notice|Announcement|Order|Bulletin|Proclamation)"
                       r"[ ](?:\((?:EU|EC)\)[ ])?(?:\[\d{4}\][ ])?(?:(?:No\.?|Number)[ ]?\d{1,5}(?:[/\-]\d{1,4})*|"
                       r"\d{1,4}(?:[/\-]\d{1,5})+|(?<=Order[ ])\d{3,6}|(?<=Decree[ ])\d{1,4}|(?<=Notice[ ])\d{1,4}"
                       r"|(?<=Circular[ ])\d{1,4})"
                       r"(?:[ ]of[ ](?:19|20)\d\d)?)(?![\w/])")
#: words that open a sentence or describe, never the start of a law's name
_NOT_FIRST = {"The", "A", "An", "Under", "In", "On", "By", "For", "From", "With", "As", "At", "New", "This",
              "That", "These", "Its", "Their", "Our", "His", "Her", "If", "When", "After", "Before", "And", "But",
              "Since", "While", "Of", "To", "According", "Both", "Each", "Every", "All", "Such"}


def instrument_kind(label: str) -> str:
    """The policy kind of a legal instrument's name: the kind of a measure word in it (a tariff act is a trade
    measure, a licence rule a licence), else a regulation.

    >>> instrument_kind("Tariff Act"), instrument_kind("Export Licence Measures"), instrument_kind("Clean Air Act")
    ('trade-measure', 'licence', 'regulation')
    """
    for word in re.findall(r"[A-Za-z]+", label):
        canon = measure_word(word)
        if canon is not None and canon != "ban":
            return measure_kind(canon)
    return "regulation"


def _trim(name: str, start: int) -> tuple[str, int]:
    """Leave out the words in front that only open the sentence or describe ("Under the", "New")."""
    words = name.split(" ")
    owner = next((i for i, w in enumerate(words[:-1]) if re.search(r"['’]s$", w)), None)
    if owner is not None:  # "Peru's Foreign Trade Law": the owner is the issuer, not part of the name
        start += len(" ".join(words[:owner + 1])) + 1
        words = words[owner + 1:]
    while len(words) > 1 and (words[0] in _NOT_FIRST or words[0].lower() in {"of", "for", "on", "and", "the", "to",
                                                                               "in", "&"}):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def found_instruments(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, head rule) of every instrument name, longest first where they overlap."""
    out: list[tuple[int, int, str, str]] = []
    for rx, rule in ((_NUMBERED, "numbered"), (_HEAD_FIRST, "head-first"), (_NAMED, "named")):
        for m in rx.finditer(text):
            name, s = _trim(m.group("name"), m.start("name"))
            if rule == "named" and (len(name.split(" ")) < 2 or name.split(" ")[0] in _NOT_FIRST):
                continue  # a head noun alone ("Act") or after an opening word only
            e = s + len(name)
            if not any(a <= s and e <= b or s < b and a < e for a, b, _, _ in out):
                out.append((s, e, name, rule))
    return sorted(out)


def instrument_mentions(E: Any) -> list[Mention]:
    """Propose the laws and notices the text names (new ``policies`` or mentions of known ones) and return a
    mention of each occurrence (for ``E.measures``). ``E`` is the mention finder (``_Entities``)."""
    out: list[Mention] = []
    for s, e, name, _ in found_instruments(E.text):
        if any(k.file in {"organizations", "people"} and k.start <= s and e <= k.end for k in E.mentions):
            continue  # inside an organisation's name ("the Law Society")
        known = link(name, E.gaz, ("policies",), fuzzy=False)
        if known is not None:
            out.append(Mention(s, e, name, "policies", known.id, True, known.kind, "instrument:known", 0.85,
                               known.label))
            continue
        rid = next((r for r, rec in E.new.items() if E.new_meta[r].file == "policies" and (
            rec["label"] == name or E.new_meta[r].start < e and s < E.new_meta[r].end)), None)
        if rid is None:
            rid = E._new_id(name, "policies")
            kind = instrument_kind(name)
            E.new[rid] = {"id": rid, "label": name, "kind": kind}
            E.new_meta[rid] = Mention(s, e, name, "policies", rid, False, kind, "instrument:name", 0.7, name)
        rec = E.new[rid]
        for k in [k for k in E.mentions if k.file == "organizations" and not k.known and s <= k.start
                  and k.end <= e]:  # "the Provisional Measures for the Export Administration of X": a law's words,
            E.forget(k)  # no organisation's name
        E.new_meta[rid].rule = "instrument:name"  # a name the parse found too ("LAW") is this instrument
        rec["kind"] = E.new_meta[rid].kind = instrument_kind(rec["label"])
        out.append(Mention(s, e, name, "policies", rid, False, rec["kind"], "instrument:name", 0.7, name))
        short = re.match(r"\s*\((?P<acr>[A-Z][A-Za-z]{1,9})\)", E.text[e:e + 14])
        if short and fits_name(short.group("acr"), name):
            acr = short.group("acr")
            if acr not in rec.setdefault("aliases", []):
                rec["aliases"].append(acr)
            for m in re.finditer(rf"(?<![\w]){re.escape(acr)}(?![\w])", E.text):
                if m.start() > e:
                    out.append(Mention(m.start(), m.end(), acr, "policies", rid, False, rec["kind"],
                                       "instrument:name", 0.7, name))
                for k in [k for k in E.mentions if k.start == m.start() and k.text == acr and not k.known]:
                    E.mentions.remove(k)  # the short name is the law's, not a new organisation's
                    if k.id in E.new and not any(x.id == k.id for x in E.mentions):
                        del E.new[k.id], E.new_meta[k.id]
    return out
