"""The joint venture "the venture" or "the JV" stands for: the latest organisation a sentence names as one.

The forms: "X, a joint venture of A and B", "the X joint venture", "A and B (the two companies) set up X", "their
joint venture, X, in which …", "a new JV called X", "a new company, X, in which A holds 51 %". A sentence opening
with a venture of no name ("A joint venture of A and B has …") leaves "the venture" without an antecedent. So,
too, the company a stake was just bought in is the one "The company" opening the next sentence describes. Used by
:func:`~.anaphora.resolve_anaphors`.
"""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention

__all__ = ["JV_NAMED", "NAMED_AFTER", "UNNAMED_VENTURE", "named_venture", "new_company", "stake_bought"]

#: a sentence opening with a venture of no name ("A joint venture of A and B has started …")
UNNAMED_VENTURE = re.compile(r"\s*(?:A|An)\s+(?:new\s+)?(?:[\w\-:]+\s+)?(?:joint[\s-]venture|JV|venture)\s+"
                             r"(?:of|between|set\s+up\s+by|formed\s+by)\s")
#: "X, a joint venture of/between …", "the X joint venture" (not "Under X, the joint venture will …": a new clause)
JV_NAMED = re.compile(r"^\s*(?:(?:,|\s+(?:is|was|will\s+be|becomes|became))\s*(?:a|the|their)\s+(?:[\w\-:]+\s+){0,3}?"
                       r"(?:joint[\s-]venture|JV\b)(?!\s+(?:will|would|is|was|has|had|can|could|may|might|shall|should|"
                       r"must|plans|expects|aims|intends|said|says)\b)|\s+joint[\s-]venture\b|\s*\(\s*(?:a\s+)?(?:JV|joint[\s-]venture))",
                       re.I)
#: "A and B set up Y", "A and B have formed a joint venture, Y", "The two companies will set up Y": Y
_JV_FOUNDED = re.compile(r"(?:\b(?:and|&)\s+(?:[A-Z][\w\-]*\s+){1,4}|\b(?:[Tt]he\s+two|[Bb]oth)\s+"
                         r"(?:companies|firms|groups|partners)\s+)(?:have\s+|had\s+|will\s+|jointly\s+)*(?:set\s+up|"
                         r"formed|created|established|founded)\s+(?:(?:a|an|their)\s+(?:new\s+)?(?:joint[\s-]venture|"
                         r"JV|company)\s*,?\s+(?:called\s+|named\s+)?)?$")
#: "their passenger-car joint venture, Y, in which …", "a new JV called Y", "the joint venture company, Y": Y, the
#: venture named in apposition
_JV_APPOSED = re.compile(r"\b(?:their|its|a|an|the|new|proposed|planned)\s+(?:[\w\-]+\s+){0,3}?(?:joint[\s-]venture|JV)"
                         r"(?:\s+(?:company|firm|entity))?\s*(?:,|\s+(?:called|named|known\s+as))\s*$", re.I)
#: "a new company, Y, in which A holds 51 % and B 49 %": Y, a venture owned in parts
_NEW_COMPANY = re.compile(r"\b(?:a|the)\s+new\s+(?:company|firm|entity)\s*,\s*$", re.I)
_SHARES_AFTER = re.compile(r"\.?\s*,\s+(?:in|of)\s+which\s+(?:[A-Z][\w\-]*\s+){1,4}(?:will\s+)?(?:holds?|owns?|"
                           r"has|have|takes?)\s+\d")
#: "A will hold 65% of the new company, Y, and B the remaining 35%": Y, the company the shares are of
_SHARE_OF_NEW = re.compile(r"\d\s*(?:%|per\s?cent)\s+(?:stake\s+)?(?:of|in)\s+(?:the|a)\s+new\s+(?:company|firm|entity)"
                           r"\s*,\s*$", re.I)
#: what closes such an apposition: the name is not the subject of a new clause ("Under the venture, X will …")
_JV_APPOSED_END = re.compile(r"\s*(?:[,;.(]|$|\s+(?:in\s+which|which|that)\b)")


#: what stands between a venture noun and the name it is given ("The venture, to be renamed X", "the JV, called X")
NAMED_AFTER = (r",?\s+(?:(?:which\s+)?(?:is\s+|will\s+be\s+)?(?:to\s+be\s+)?(?:re)?(?:named|called|branded)"
                r"|known\s+as)\s+")


def named_venture(text: str, own: list[Mention], s: int) -> Mention | None:
    """The last of a sentence's names ``own`` (the sentence starting at ``s``) that the sentence gives as a joint
    venture, else ``None``.

    >>> from nevkg.ingest.extract.model import Mention
    >>> t = "Korvell and Andes set up Korvell Andes Motors."
    >>> m = Mention(25, 45, "Korvell Andes Motors", "organizations", "korvell-andes-motors", False, "company")
    >>> named_venture(t, [m], 0).id
    'korvell-andes-motors'
    """
    return next((o for o in reversed(own) if JV_NAMED.match(text[o.end:o.end + 60])
                 or _JV_FOUNDED.search(text[max(s, o.start - 90):o.start])
                 or (_JV_APPOSED.search(text[max(s, o.start - 90):o.start]) and _JV_APPOSED_END.match(text, o.end))
                 or (_NEW_COMPANY.search(text, max(s, o.start - 40), o.start) and _SHARES_AFTER.match(text, o.end))
                 or _SHARE_OF_NEW.search(text, max(s, o.start - 60), o.start)),
                None)


#: what precedes the company a stake is bought in: "a 35 percent stake in (the) Y", "bought 20% of Y"
_BOUGHT_INTO = re.compile(r"(?:\bstake\s+in|\d(?:\s*|-)(?:%|per\s?cent)\s+(?:stake\s+)?(?:of|in))\s+(?:the\s+)?"
                          r"(?:[\w-]+\s+){0,4}$", re.I)


def stake_bought(text: str, orgs: list[Mention], pos: int) -> Mention | None:
    """The company a stake was bought in by the sentence right before ``pos``, when the noun at ``pos`` opens its
    sentence ("X has acquired a 35 percent stake in Y for $4.2 million. The company operates 86 stations", "X has
    bought 20% of Y. The company runs …": the company described next is the one bought into).

    >>> t = "X bought a 35 percent stake in Y Charge LLC. The company runs 86 chargers."
    >>> y = Mention(t.index("Y"), t.index(" LLC") + 4, "Y Charge LLC", "organizations", "y", False, "company", "r",
    ...             0.6, "Y Charge LLC")
    >>> stake_bought(t, [y], t.index("The company")).id
    'y'
    """
    if not re.search(r"[.!?]\s+$", text[max(0, pos - 4):pos]):
        return None
    last = [m for m in orgs if m.end <= pos and pos - m.end < 200  # (in the sentence before: "Y S.A. for …" is)
            and not re.search(r"[.!?]\s+[A-Z\"“]", text[m.end:pos - 2])]
    return next((m for m in reversed(last) if _BOUGHT_INTO.search(text[max(0, m.start - 60):m.start])), None)


#: a verb that brings a company into being, right before its name ("creates Y", "will set up Y", "registered Y")
_FOUNDING = re.compile(r"\b(?:creat(?:e|es|ed|ing)|set(?:s|ting)?\s+up|form(?:s|ed|ing)?|establish(?:es|ed|ing)?|"
                       r"found(?:s|ed|ing)?|register(?:s|ed|ing)?|incorporat(?:e|es|ed|ing))\s+$")


def new_company(text: str, orgs: list[Mention], pos: int, phrase: str) -> Mention | None:
    """What "the new company" (firm, entity) at ``pos`` stands for: the organisation last named before it right
    after a verb that brings a company into being; ``None`` for any other phrase or where none was.

    >>> t = "The deal creates Korvell Andes Motors. Korvell will own 60% of the new company."
    >>> m = Mention(17, 37, "Korvell Andes Motors", "organizations", "korvell-andes-motors", False, "company")
    >>> new_company(t, [m], t.index("the new"), "the new company").id
    'korvell-andes-motors'
    """
    if not re.fullmatch(r"[Tt]he\s+new\s+(?:company|firm|entity)", phrase):
        return None
    return next((o for o in reversed(orgs) if o.end <= pos and _FOUNDING.search(text, max(0, o.start - 30),
                                                                                   o.start)), None)
