"""The bodies and the writer that people's titles name: frames of a title phrase that are no organisation.

A mixin of :class:`~nevkg.ingest.extract.people.PeopleRules`:

* a government portfolio written after an official's title ("Minister of Industry and Trade") is part of the
  title, never a body of its own;
* "Board (of Directors) of X" after a title ("Chairman of the Board of X") is X;
* "NAME, partner, in our Lisbon office": a person of the organisation that writes the text (a law firm's or a
  consultancy's note names itself in its letterhead).
"""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.role_titles import _PORTFOLIO_ORG, _TITLE_RX

#: the common nouns of a government portfolio, written capitalised in a title ("Minister of Economy")
_PORTFOLIO = (r"Economy|Economic\s+Affairs|Finance|Industry|Trade|Commerce|Transport|Mobility|Public\s+Works|"
              r"Foreign\s+Affairs|Energy|Environment|Investment|Development|Infrastructure|Innovation|Technology|"
              r"Agriculture|Labou?r|Interior|Defen[cs]e|Health|Education|Tourism|Planning|Enterprise|Climate|"
              r"Digital\s+Affairs|Treasury|Business|Exports?|International\s+Trade|Transportation|Science|Services|"
              r"Foreign\s+Trade|Mines|Mining|Communications|Urban\s+Development|Housing|Industrial\s+Policy")
_PORTFOLIO_LIST = re.compile(rf"(?:{_PORTFOLIO})(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:{_PORTFOLIO}))*")


class TitleFrames:
    """Portfolios, boards and the writer's own office around a person's title (needs the extractor's mentions)."""

    def _boards_are_their_companies(self, s: int, e: int) -> None:
        """A new organisation "Board (of Directors) of X" right after a title ("Chairman of the Board of X") is
        X: the board is no body of its own, and "of the Board" is part of the title."""
        for m in self.mentions_in(s, e, ("organizations",)):
            board = re.match(r"Board(?:\s+of\s+Directors)?\s+of\s+(?:the\s+)?", m.text)
            if m.known or m.id not in self.ents.new or board is None or m.end - m.start - board.end() < 3:
                continue
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

                _propose(self.ents, "organizations", "company", name, a, m.end, "parse")

    def _portfolios_are_no_bodies(self, s: int, e: int) -> None:
        """A portfolio written after an official's title ("Minister of Industry and Trade", "Secretary for
        Economic Affairs") is part of the title: a new organisation the parser made of it is dropped (the title's
        organisation is then the country or state the phrase names, or the one around it)."""
        for m in self.mentions_in(s, e, ("organizations",)):
            before = self.text[max(s, m.start - 40):m.start]
            if not m.known and m.id in self.ents.new and m.rule.startswith("ner:") and (
                    _PORTFOLIO_ORG.fullmatch(m.text) or _PORTFOLIO_LIST.fullmatch(m.text)) and re.search(
                    r"\b(?:Minister|Secretary|Under-?[Ss]ecretary|Commissioner|Secretary-General)\s+(?:of|for)\s+"
                    r"(?:the\s+)?$", before):
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
