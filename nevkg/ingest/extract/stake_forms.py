"""The written forms of stakes and ownership that :mod:`.relations_stakes` and :mod:`.ventures` read: a share
with its percentage, a stake taken or sold, a company owned in parts, a unit of its parent, the words that may
stand between a stake and its company, a joint venture's company named as one. Regular expressions and word sets,
and the one test of them that two rule modules share (:func:`named_as_venture`)."""

from __future__ import annotations

import re

PCT = r"(?P<pct>\d+(?:\.\d+)?)(?:\s*|-)(?:%|per[\s-]*cent\b|percent\b|pc\b)"
#: the whole of a company's shares, which a share in a relative clause may be "of" ("in which A will hold 70 per cent
#: of the shares", "of its share capital"): a share of the company the clause is about
WHOLE_SHARES = r"(?:shares|share\s+capital|capital|equity)"
#: a holder's share in brackets after its name ("A (51%)")
BRACKETED_PCT = rf"\s*\(\s*{PCT}\s*\)"
#: "a 26 % stake in", "a majority stake in", "a 10 per cent equity interest in", "30 % of the equity interest in"
STAKE = re.compile(rf"(?:{PCT}|(?P<word>majority|minority|controlling))\s+(?:of\s+(?:the\s+)?(?=[a-z]+\s+interest|"
                   r"equity|issued\s+share|shares\b))?(?:[a-z]+\s+)?"
                   r"(?:stake|share(?:holding|s|\s+capital)?|holding|interest)\b(?P<of>\s+(?:in|of)\s+(?:the\s+)?)?",
                   re.I)
#: a share held or taken with no stake noun: "A will hold 55% in the joint venture, B, and C 45%", "A owns 30% of B",
#: "A has acquired 20 percent of B" (a share bought is held)
HOLDS = re.compile(rf"\b(?:hold|holds|held|own|owns|control|controls|acquir(?:e|es|ed|ing)|buy|buys|bought|buying|"
                   rf"purchas(?:e|es|ed|ing)|take|takes|took|taking)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?"
                   rf"{PCT}(?P<of>\s+(?:in|of)\s+(?:the\s+)?(?:(?:(?:joint\s+)?venture|(?:new\s+)?company),\s+)?)",
                   re.I)  # ("62.5 per cent of the company, X,")
#: a stake bought, with or without its price ("agreed to buy a 51 percent stake in X for $310 million", "acquire …",
#: "took over X", "is paying CHF96 million for the majority stake in X"): a majority bought is an investment too
_MONEY = r"(?:about\s+|around\s+)?(?:[A-Z]{0,3}\$|US\$|€|£|¥|Rs\.?\s?|[A-Z]{3}\s?)\d"
BOUGHT = re.compile(rf"\b(?:buy|buys|bought|buying|acquir\w+|purchas\w+|takeover|t(?:akes?|ook|aking)\s+over)\b|"
                    rf"\b(?:pay|pays|paid|paying)\s+{_MONEY}[^.;]*?\bfor\b")
#: a verb of selling right before a stake ("agreed to sell, 40% of …", "will dispose of a 20% stake in …")
SOLD_BEFORE = re.compile(r"\b(?:sell|sells|sold|selling|dispos(?:e|es|ed|ing)\s+of|divest(?:s|ed|ing)?|"
                         r"offload(?:s|ed|ing)?)[\s,]+(?:(?:a|an|its|their|the|her|his|entire|remaining|all)\s+)*$",
                         re.I)
#: "is 51 % owned by A", "will be owned 51 % by A"
OWNED = re.compile(rf"\b(?:is|was|are|were|will\s+be|would\s+be|being)\s+(?:(?:\w+\s+)?{PCT}\s+owned|"
                   rf"owned\s+{PCT.replace('?P<pct>', '?P<pct2>')})\s+by\s+(?:the\s+)?", re.I)
#: between the company and "is 51 % owned": nothing, the comma closing an apposition ("The operating company, X,
#: is …") or a relative word ("X, which is …"), after the dot of an abbreviated legal form ("X Ltda., to be …")
OWNED_GAP = re.compile(r"\.?\s*,?\s*(?:(?:which|that)\s+)?")
#: "and (only) 49 % by C"
AND_BY = re.compile(rf",?\s+(?:and|while)\s+(?:only\s+|just\s+)?{PCT}\s+by\s+(?:the\s+)?", re.I)
#: "X, a unit of Y", "X, a wholly owned subsidiary of Y", "X, owned by Y"
UNIT_OF = re.compile(r",\s+(?:(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?(?:subsidiary|unit|arm|division|affiliate|"
                     r"subsidiaries)\s+of|(?:which\s+is\s+|now\s+)?(?:wholly\s+|fully\s+|majority[\s-]+)?owned\s+by)"
                     r"\s+(?:the\s+)?", re.I)
#: "Y, a joint venture backed by X": the one backer named after a venture company
BACKED_BY = re.compile(r",\s+(?:an?|the|its)\s+(?:[\w\-]+\s+){0,3}?joint[\s-]venture\s+(?:company\s+)?(?:(?:backed|"
                       r"owned|set\s+up|formed|created|led|controlled|founded|run)\s+by|of)\s+(?:the\s+)?"
                       r"(?:[\w\-]+\s+){0,6}?", re.I)
#: "X's joint venture Y", "its joint venture, Y"
OWN_VENTURE = re.compile(r"(?:['’]s?)?\s+(?:[\w\-]+\s+){0,2}?joint[\s-]venture(?:\s+company)?,?\s+(?:the\s+)?", re.I)
#: "Y's subsidiary X", "Y's local unit X", "Y's autonomous driving arm, X"
UNIT_POSS = re.compile(r"['’]s?\s+(?:[\w\-]+\s+){0,2}?(?:subsidiary|unit|arm|division|affiliate),?\s+(?:the\s+)?$",
                       re.I)
#: "X-owned Y", "X-controlled carmaker Y"
OWNED_BEFORE = re.compile(r"-(?:owned|controlled)\s+(?:[a-z][\w\-]*\s+){0,3}")
#: verbs of buying a company (only when their object is an organisation: "buy batteries" is no acquisition)
ACQUIRE = {"acquire", "takeover", "buy", "purchase"}
#: nouns of buying a company ("X's acquisition of Y")
ACQUISITION = {"acquisition", "takeover", "buyout", "purchase"}
#: "X-backed" before what it backs ("the X-backed start-up Y"; not a joint venture: that is its parent's)
BACKED = re.compile(r"(?:-backed\s+|\s+portfolio\s+company\b\s*)(?!(?:[\w\-]+\s+){0,2}?(?:joint[\s-]venture|JV)\b)"
                    r"(?:[a-z][\w\-]*\s+){0,3}")
#: "Y, an X-backed …": the company before the backer in apposition
BACKED_APPOS = re.compile(r",\s+(?:an?|the)\s+")
#: the other owner's share after "and B" ("and B the remaining 49 %", "and B the rest")
REST = re.compile(rf"\s+(?:(?:will\s+|would\s+|is\s+to\s+)?(?:holds?|owns?|keeps?|retains?)\s+)?(?:the\s+)?"
                  rf"(?:other\s+|remaining\s+)?(?:{PCT}|rest\b|remainder\b|balance\b)", re.I)
#: verbs of holding a share of a company ("A owns 20 % of B")
HOLD = {"hold", "own", "keep", "retain", "control"}
STAKE_NOUNS = {"stake", "share", "holding", "interest", "shareholding"}
#: words that may stand between a stake and the company it is in ("a stake in Chinese carmaker X", "China's X",
#: "UAE battery-swapping company X", "Kitwe-based X")
DESCR = re.compile(r"(?:[a-z][\w\-]*\s+|(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]{2,4})\s+(?=[a-z])|[A-Z][a-z]+['’]s\s+"
                   r"|[A-Z][\w'’]+-(?:based|listed|headquartered)\s+)*")
#: words after which the company named is a partner, not the company the stake is in ("a stake in a new venture
#: with X": X is the venture's other owner; "of the venture, while X holds …": X opens a clause of its own)
PARTNER_WORD = re.compile(r"\b(?:with|and|between|alongside|together|from|by|for|to|while|whereas)\b", re.I)
#: a stake only possible: "would take a stake", "could acquire"
HEDGED = re.compile(r"\b(?:would|could|might|may)\s+(?:\w+\s+){0,3}$")
#: a company's unit named right after it is described ("X's Middle East subsidiary, X Auto Middle East")
NAMED_UNIT = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:subsidiary|unit|arm|affiliate|division|venture)\s*,\s*"
                        r"(?:the\s+)?")
#: the verb of two partners who make a new company ("A and B formed X", "set up X in 2024")
FORMED = re.compile(r"\b(?:formed|set\s+up|established|created|founded|launched)\s+(?:(?:a|the|their|its)\s+)?"
                    r"(?:(?:new|joint|50:50|\d+:\d+)\s+)*(?:(?:company|venture|JV|entity)\s*,?\s*(?:called\s+)?)?$",
                    re.I)
#: a joint venture's company named in apposition: "the joint venture X", "X, their JV, …"
JV_BEFORE = re.compile(r"\b(?:joint[\s-]venture|JV)(?:\s+company)?,?\s+$", re.I)
JV_AFTER = re.compile(r",?\s+(?:is\s+|was\s+)?(?:a|the|their|its)\s+(?:(?:new|\d+:\d+|50-50)\s+)?"
                      r"(?:joint[\s-]venture|JV)\b", re.I)


def named_as_venture(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is told as a joint venture's company or a company two partners made.

    >>> text = "A and B set up a joint venture, AB Motors, in May."
    >>> named_as_venture(text, text.index("AB"), text.index(", in")), named_as_venture(text, 0, 1)
    (True, False)
    """
    before = text[max(0, start - 40):start]
    return bool(JV_BEFORE.search(before) or JV_AFTER.match(text, end) or FORMED.search(before))
