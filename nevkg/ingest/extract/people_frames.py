"""The bodies and the writer that people's titles name: frames of a title phrase that are no organisation.

A mixin of :class:`~nevkg.ingest.extract.people.PeopleRules`:

* a government portfolio written after an official's title ("Minister of Industry and Trade") is part of the
  title, never a body of its own;
* "Board (of Directors) of X" after a title ("Chairman of the Board of X") is X;
* "NAME, partner, in our Lisbon office": a person of the organisation that writes the text (a law firm's or a
  consultancy's note names itself in its letterhead).

Also :func:`national_portfolio_titles`, a country's minister named by title and portfolio before the name.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.name_people import HONORIFIC_RANK
from nevkg.ingest.extract.portfolios import PORTFOLIO_ORG, PORTFOLIO_WORDS
from nevkg.ingest.extract.title_words import ROLE_TITLE_RX as _TITLE_RX

#: an envoy's office of a country to another, before the name ("the Ambassador of X to Y, …")
_ENVOY = re.compile(r"\b(?P<title>Ambassador|High\s+Commissioner|Consul[\s-]General|Envoy)\s+of\s+(?P<of>(?:the\s+)?"
                    r"[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,4})\s+to\s+(?:the\s+)?[A-Z][\w’'-]*"
                    r"(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,4}")
_PORTFOLIO = rf"(?:(?:National|Federal|Regional|State)\s+)?(?:{PORTFOLIO_WORDS})"  # ("Minister for National Economy")
_NAME_U = r"(?:(?:Ó|Ní|Nic|Uí|Ua|Mac)\s+)?[A-ZÀ-Þ](?:['’][A-ZÀ-Þ])?[a-zß-ÿ]+(?:-[A-ZÀ-Þ]?[a-zß-ÿ]+)?"
# (an Irish surname with its particle, "Ó Ceallaigh", "Ní Bhriain"; "O'Brien")
#: a minister's title with its portfolio, then the name ("Minister of Trade and Industry NAME", "the Minister of
#: Industry, Trade and Investment, Dr NAME")
_PORTFOLIO_TITLE = re.compile(
    rf"(?P<title>(?:(?:Vice\s+President|(?:Deputy\s+)?Prime\s+Minister)\s+and\s+)?"  # ("Vice President and …")
    rf"(?:(?:Deputy|Vice|Prime|State)\s+)?(?:Minister|Secretary|Commissioner)\s+(?:of|for)\s+(?:the\s+)?"
    rf"(?:{_PORTFOLIO})(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:{_PORTFOLIO}))*)(?:\s+\([A-Z]{{2,8}}\))?"  # ("(TEATT)")
    rf"(?:,\s+(?:{HONORIFIC_RANK.pattern})|\s+"
    rf"|,\s+(?=(?:{_NAME_U}\s+){{1,2}}{_NAME_U},))"  # ("the Minister of Works and Housing, NAME, said")
    rf"(?P<name>{_NAME_U}(?:\s+{_NAME_U}){{1,2}})\b")
#: what makes a commissioner's title a state's, not the country's ("the Lagos State …", "the state …")
_STATE_BEFORE = re.compile(r"\b(?:state|provincial|regional|county)\s+$")


def national_portfolio_titles(text: str, s: int, e: int) -> list[re.Match]:
    """The minister's titles with a portfolio, then the name, in ``text[s:e]`` that are a country's: not "the Lagos
    State Commissioner for X" nor "the state Commissioner for X"."""
    out = []
    for m in _PORTFOLIO_TITLE.finditer(text, s, e):
        before = text[max(s, m.start() - 30):m.start()]
        if not (m.group("title").startswith("State ") and re.search(r"[A-Z][\w'’-]*\s+$", before)
                or _STATE_BEFORE.search(before)):
            out.append(m)
    return out


def forget_portfolio_names(ents: Any, s: int, e: int) -> None:
    """Forget the new organisations a pattern or the parser read inside a minister's title from ``s`` to ``e``
    ("Public Works", "Housing" in "the Minister of Infrastructure, Planning and Housing, NAME"): a portfolio."""
    for o in ents.overlaps(s, e):
        if o.file == "organizations" and not o.known and o.rule.startswith(("ner:", "org-suffix:", "context-")):
            ents.forget(o)


_PORTFOLIO_LIST = re.compile(rf"(?:{_PORTFOLIO})(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:{_PORTFOLIO}))*")

#: a portfolio and the country whose it is, read as one name ("Mobility and Public Works of Denmark")
_PORTFOLIO_OF = re.compile(rf"(?:{_PORTFOLIO_LIST.pattern})\s+of\s+(?:the\s+)?"
                           r"(?P<c>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
#: an office of state and its preposition right before a portfolio
_AFTER_OFFICE = (r"\b(?:Minister|Secretary|Under-?[Ss]ecretary|Commissioner|Secretary-General)\s+(?:of|for)\s+"
                 r"(?:the\s+)?$")
#: (or before the rest of a list of portfolios: "Secretary of Industry, …")
_AFTER_OFFICE_LIST = (r"\b(?i:minister|secretary|under-?secretary|commissioner|secretary-general)\s+(?:of|for)\s+"
                      rf"(?:the\s+)?(?:(?:{_PORTFOLIO})\s*(?:,|and|&)\s*)*$")

#: a signature: a name alone on a line ("Mr" before it at most), its title alone on the next
#: (an honorific of rank before it: "Dato'", "Tan Sri", "Sir", "H.E."; a particle inside it: "bin", "van", "de")
_SIGNATURE = re.compile(r"^[ \t]*(?:(?:Mr|Ms|Mrs|Dr|Prof|Sir|Dame|H\.\s?E|Dato['’]?\s?Sri|Dato['’]?|Datuk|Tan\s+Sri|"
                        r"Tun)\.?[ \t]+)?(?P<n>[A-Z][a-z]+(?:[ \t](?:(?:bin|binti|van|von|de|da|der|del|al|el)[ \t])?"
                        r"[A-Z][a-z'’-]+){1,3})[ \t]*\n"
                        r"(?=[ \t]*(?P<t>[A-Z][A-Za-z ,&-]{2,60}?)[ \t]*$)", re.M)
#: the line under a signature's title: an organisation's name alone (its short name in brackets at most)
_ORG_LINE = re.compile(r"\n[ \t]*(?P<o>[A-Z][^\n]{2,100}?)[ \t]*(?:\([^()\n]{2,20}\))?[ \t]*$", re.M)
#: a name in a list of a board, with its own title in brackets after it
_LISTED_NAME = re.compile(r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})"
                          r"(?:\s*\((?P<t>[^()]{3,60})\))?")
#: "the (independent non-executive) directors are …": a board's members listed by a plural title
#: (also a board's one member of a kind: "the non-executive Director is Mr X")
_BOARD_LIST = re.compile(r"\b(?i:the)\s+(?P<title>(?:[a-z][\w-]*\s+){0,3}(?i:directors|supervisors|"
                         r"members\s+of\s+the\s+board|officers))\s+(?:are|were|comprise)\s+|"
                         r"\b(?i:the)\s+(?P<one>(?:[a-z][\w-]*\s+){0,3}(?i:director|supervisor))\s+(?:is|was)\s+"
                         r"(?=(?:Mr|Ms|Mrs|Dr|Prof)\.?\s)")


#: a title that a remit follows ("Vice President for", "Commissioner General of", "head of the")
_TITLE_OF = re.compile(r"\b(?:president|director|commissioner|minister|secretary|manager|officer|head|chief|"
                       r"chairman|chairwoman)(?:[\s-]+general)?\s+(?:of|for)\s+(?:the\s+)?$", re.I)
#: a remit of one or two capitalised words, then a name of two or three ("Asia Pacific Fu Jingchuan")
_REMIT_THEN_NAME = re.compile(r"(?P<r>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?P<n>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})")


class TitleFrames:
    """Portfolios, boards and the writer's own office around a person's title (needs the extractor's mentions)."""

    def _boards_are_their_companies(self, s: int, e: int) -> None:
        """A new organisation "Board (of Directors) of X" right after a title ("Chairman of the Board of X") is
        X: the board is no body of its own, and "of the Board" is part of the title."""
        for m in self.mentions_in(s, e, ("organizations",)):
            board = re.match(r"Board(?:\s+of\s+Directors)?\s+of\s+(?:the\s+)?", m.text)
            if m.known or m.id not in self.ents.new or board is None or m.end - m.start - board.end() < 3 or \
                    not re.search(r"\b(?:chair(?:man|woman|person)?|member|director|president|secretary)\s+of\s+"
                                  r"(?:the\s+)?$", self.text[max(s, m.start - 40):m.start], re.I):
                continue  # (not after a title: "the Board of Investment, which granted …" is a body of its own)
            a = m.start + board.end()
            inner = [k for k in self.ents.mentions if k is not m and a <= k.start < m.end
                     and k.file == "organizations"]
            self.ents.forget(m)
            if inner:
                continue
            name = self.text[a:m.end]
            full = next((o for o in self.ents.mentions if o.file == "organizations" and o.text.startswith(name)
                         and o.start == a), None)  # (the company's full name, which the board's name cut short)
            if full is None:
                from nevkg.ingest.extract.ner import _propose
                from nevkg.ingest.extract.ner_types import _ORG_WORDS

                # ("Chairman of the Board of X Holding NAME said": the parser ran the company's name, named
                # elsewhere, into its chairman's)
                named = max((o.text for o in self.ents.mentions if o.file == "organizations" and o.start != a
                             and re.fullmatch(re.escape(o.text) + r" [A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", name)),
                            key=len, default=None)
                if named is not None and not _ORG_WORDS.search(name[len(named):]):
                    _propose(self.ents, "organizations", "company", named, a, a + len(named), "parse")
                    _propose(self.ents, "people", "", name[len(named) + 1:], a + len(named) + 1, m.end, "parse")
                    continue
                _propose(self.ents, "organizations", "company", name, a, m.end, "parse")

    def _portfolio_run_into_name(self, s: int, e: int) -> None:
        """"Vice President for Asia Pacific NAME said", "Commissioner General of Motor Traffic NAME told": a new
        organisation the parser made of a title's remit and the name after it is the remit (a known place, or the
        last words of an organisation the text names: "Department of Motor Traffic") and a person."""
        from nevkg.ingest.extract.ner import _propose

        orgs = [o.text for o in self.ents.mentions if o.file == "organizations"]
        for m in self.mentions_in(s, e, ("organizations",)):
            split = _REMIT_THEN_NAME.fullmatch(m.text)
            if m.known or m.id not in self.ents.new or not m.rule.startswith("ner:") or split is None or \
                    not _TITLE_OF.search(self.text[max(s, m.start - 50):m.start]):
                continue
            remit, place = split.group("r"), self.gaz.lookup(split.group("r"), ("places",))
            if place is None and not any(o != m.text and o.endswith(" " + remit) for o in orgs):
                continue
            a = m.start + split.start("n")
            self.ents.forget(m)
            if place is not None:  # (the region the title is for: "Vice President for Asia Pacific")
                self.ents.add(Mention(m.start, m.start + len(remit), remit, "places", place.id, True, place.kind,
                                      "gazetteer", 0.8, place.label))
            _propose(self.ents, "people", "", split.group("n"), a, m.end, "parse")

    def _portfolios_are_no_bodies(self, s: int, e: int) -> None:
        """A portfolio written after an official's title ("Minister of Industry and Trade", "Secretary for
        Economic Affairs") is part of the title: a new organisation the parser made of it is dropped (the title's
        organisation is then the country or state the phrase names, or the one around it)."""
        for m in self.mentions_in(s, e, ("organizations",)):
            before = self.text[max(s, m.start - 40):m.start]
            of = _PORTFOLIO_OF.fullmatch(m.text)
            if of and not m.known and m.id in self.ents.new and re.search(_AFTER_OFFICE_LIST, before):
                # "Minister for Mobility and Public Works of Denmark": the portfolio, then the country
                a = m.start + of.start("c")
                country = self.ents._country_mention(a, m.end, of.group("c"), "portfolio-of", 0.8)
                if country is not None:
                    self.ents.forget(m)
                    self.ents.add(country)
                elif re.search(r"\bstate\s+secretary\s+\w+\s+$", before, re.I) or re.match(r"\s+state\b",
                                                                                            self.text[m.end:]):
                    from nevkg.ingest.extract.ner import _propose  # "the state secretary of Trade of Goiás (state)"

                    self.ents.forget(m)
                    _propose(self.ents, "places", "state", of.group("c"), a, m.end, "portfolio-of")
                continue
            if not m.known and m.id in self.ents.new and (m.rule.startswith("ner:") or m.rule == "listed-org") and (
                    PORTFOLIO_ORG.fullmatch(m.text) or _PORTFOLIO_LIST.fullmatch(m.text)) and re.search(
                    _AFTER_OFFICE_LIST, before):  # (the end of a list: "secretary of Industry, [Trade and Services]")
                self.ents.forget(m)

    def _writers_people(self, s: int, e: int) -> list[tuple[int, int, str, int, int, Mention, str]]:
        """"NAME, partner, in our Lisbon office", "NAME, senior adviser at our firm": a person of the organisation
        that writes the text (a law firm's or a consultancy's note, which names itself in its letterhead)."""
        out: list[tuple[int, int, str, int, int, Mention, str]] = []
        for p in [m for m in self.ents.mentions if m.file == "people" and s <= m.start and m.end <= e]:
            m = re.match(r",\s+(?:(?:a|an|the)\s+)?(?P<title>[a-z][a-z\s-]{1,40}?),?\s+"
                         r"(?:at|in|of|from|with|based\s+in)"
                         r"\s+our\b[^,.;]{0,40}?\b(?:office|team|practice|firm|group|desk)s?\b", self.text[p.end:e])
            if m is None or not _TITLE_RX.search(m.group("title")):
                continue
            writer = self._writer()
            if writer is not None:
                out.append((p.start, p.end, m.group("title"), p.end + m.start("title"), p.end + m.end("title"),
                            writer, "person:our-office"))
        if out:  # "contact A, partner in our X office, or B, senior associate, in Y": B is the firm's too
            for p in [m for m in self.ents.mentions if m.file == "people" and s <= m.start and m.end <= e
                      and not any(m.start == x[0] for x in out)]:
                m = re.match(r",\s+(?:(?:a|an|the)\s+)?(?P<title>[a-z][a-z\s-]{1,40}?)"
                             r"(?=,|\s+(?:in|at|based\s+in)\s+[A-Z]|"
                             r"\.?$)", self.text[p.end:e])
                if m is not None and _TITLE_RX.search(m.group("title")) and re.search(
                        r"(?:,\s*)?\b(?:or|and)\s+$", self.text[max(s, p.start - 12):p.start]):
                    out.append((p.start, p.end, m.group("title"), p.end + m.start("title"), p.end + m.end("title"),
                                out[0][5], "person:our-office"))
        return out

    def _board_lists(self, s: int, e: int) -> list[tuple[int, int, str, int, int, Mention, str]]:
        """A signature (a name alone on a line, its title on the next: "NAME / Chairman and Executive Director", the
        organisation on the line above or the one spoken of) and a list of a board ("the independent non-executive
        directors are Mr A and Dr B"; a title in brackets after a name is that person's own): each person's title
        at the company the text speaks of."""
        out: list[tuple[int, int, str, int, int, Mention, str]] = []
        for sig in _SIGNATURE.finditer(self.text):  # (the two lines may be parsed as two sentences)
            ns, ne = sig.span("n")
            if not s <= ns < e or not _TITLE_RX.search(sig.group("t")) or _TITLE_RX.search(sig.group("n")) or any(
                    m.file != "people" for m in self.ents.overlaps(ns, ne)) or self.mentions_in(*sig.span("t")):
                continue
            above = re.search(r"([^\n]+?)[ \t]*\n[ \t]*$", self.text[max(0, sig.start() - 120):sig.start()])
            a0 = max(0, sig.start() - 120)
            org = next(iter(self.mentions_in(a0 + above.start(1), a0 + above.end(1), ("organizations",))), None) \
                if above else None
            below = _ORG_LINE.match(self.text, sig.end("t"))  # "NAME / Chief Executive Officer / ORG (ABBR)"
            if below is not None:
                org = next((m for m in self.mentions_in(*below.span("o"), ("organizations",))
                            if (m.start, m.end) == below.span("o")), None) or org
            org = org or self._company_spoken_of(ns)
            if org is not None:
                out.append((ns, ne, sig.group("t"), *sig.span("t"), org, "person:signature"))
        for m in _BOARD_LIST.finditer(self.text, s, e):
            group = "title" if m.group("title") else "one"
            title = m.group(group)[:-1] if group == "title" else m.group(group)  # (the plural's singular)
            stop = re.search(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.;]|,\s+and\s+the\b", self.text[m.end():e])
            end = m.end() + stop.start() if stop else e
            org = self._company_spoken_of(m.start())
            if org is None:
                continue
            for n in _LISTED_NAME.finditer(self.text, m.end(), end):
                if any(k.file != "people" and not (k.rule.startswith("ner:") and " " not in k.text and not k.known)
                       for k in self.ents.overlaps(*n.span("n"))):
                    continue  # (one word of the name the parser took for a company does not stop it)
                if n.group("t") and _TITLE_RX.search(n.group("t")):  # "Ms Y (Chief Financial Officer)"
                    out.append((*n.span("n"), n.group("t"), *n.span("t"), org, "person:board-list"))
                else:
                    out.append((*n.span("n"), title, m.start(group), m.start(group) + len(title), org,
                                "person:board-list"))
        return out

    def _envoys(self, s: int, e: int) -> list[tuple[int, int, str, int, int, Mention, str]]:
        """"the Ambassador of (the People's Republic of) X to Y, H.E. Mr NAME": an envoy of the country X named
        first (the title is the office's word; the country it is posted to is no part of it)."""
        from nevkg.ingest.extract.name_people import HONORIFIC_RANK
        from nevkg.ingest.extract.people import _NAME

        out = []
        for m in _ENVOY.finditer(self.text, s, e):
            # (the name may lie past the sentence's end: a splitter may end one at "H.E.")
            n = re.match(rf",\s+(?:{HONORIFIC_RANK.pattern})?(?P<name>{_NAME})\b", self.text[m.end():m.end() + 80])
            sent_by = next(iter(self.ents.countries_in(m.start("of"), m.end("of"), adjectives=False)), None)
            if n is None or sent_by is None:
                continue
            a = m.end() + n.start("name")
            out.append((a, a + len(n.group("name")), m.group("title"), m.start("title"), m.end("title"), sent_by,
                        "person:envoy-of-to"))
        return out

    def _title_then_name(self, s: int, e: int) -> list[tuple[int, int, str, int, int, Mention, str]]:
        """"… was confirmed by its head of autonomous mobility. NAME, who runs the programme, said …": a sentence
        that ends on an organisation's title with no name, and a next sentence (``text[s:e]``) that opens with a
        person's name, give that person the title (the organisation: the possessor, "its" the sentence's company)."""
        prev = next(((a, b) for a, b, _ in reversed(self._sentences) if b <= s), None)
        first = next((m for m in self.ents.mentions if m.file == "people" and s <= m.start < s + 3), None)
        if prev is None or first is None or not re.match(r"\s*(?:,|said\b|says\b|told\b)", self.text[first.end:e]):
            return []
        m = re.search(r"\b(?:by|from)\s+(?P<who>its|their|the\s+company['’]s|(?P<org>[A-Z][\w.&\- ]+?)['’]s?)\s+"
                      r"(?P<t>[a-z][a-z\- ]{2,60}?)\s*\.\s*$", self.text[prev[0]:prev[1]])
        if m is None or not _TITLE_RX.search(m.group("t")) or re.search(r"\b(?:of|for)\s+(?:[A-Z]|the\s+[A-Z])",
                                                                         m.group("t")):
            return []
        if m.group("org"):
            a = prev[0] + m.start("org")
            org = next((k for k in self.mentions_in(a, a + len(m.group("org")), ("organizations",))), None)
        else:
            org = self._company_spoken_of(prev[0] + m.start("who"))
        if org is None:
            return []
        ts, te = prev[0] + m.start("t"), prev[0] + m.end("t")
        return [(first.start, first.end, m.group("t"), ts, te, org, "person:title-then-name")]

    def _writer(self) -> Mention | None:
        """The organisation that writes the text: the one opening a letterhead line near the top ("X LLP | Client
        alert | date"), else the publisher where the text names it."""
        head = self.text[:800]
        for line in re.finditer(r"^[^\n|]{3,80}\|[^\n]*$", head, re.M):
            org = next((m for m in self.ents.mentions if m.file == "organizations" and m.start == line.start()
                        + len(line.group(0)) - len(line.group(0).lstrip())), None)
            if org is not None:
                return org
        return next((m for m in self.ents.mentions if m.file == "organizations" and m.compiler
                     and m.kind == "publisher"), None)
