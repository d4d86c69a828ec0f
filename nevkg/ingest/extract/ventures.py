"""Joint-venture companies with their parents and the parents' stakes, gathered over a whole article.

A venture company Y and its parents are named in one of several ways ("Y, a joint venture between A and B",
"Y is the JV of A and B", "A and B's joint venture Y", "A and B set up a joint venture, Y", "Y is 60 % owned by A
and 40 % by B"); the stakes may come in the same sentence or later ones ("in which A holds 51 %", "A owns 35 % of
the venture, B the rest", "B holds a 49 % stake in the venture", "the remaining 49 % is held by B").

At the end of the article (:meth:`VentureRules.finish_ventures`) each venture gives:

* one ``joint-venture`` partnership of its parents, with ``company`` (the venture) and ``majority_partner``;
* the venture's ``parent``: the majority parent (none when the split is not given);
* no separate cooperation or partnership between the venture and one of its parents (the partnership's
  ``company`` says it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.stake_forms import BRACKETED_PCT, PCT, WHOLE_SHARES
from nevkg.ingest.extract.vocab import DESCRIBED_RE

_JV = r"(?:joint[\s-]venture|JV)(?:\s+(?:company|firm|partnership))?"
#: "a joint venture between", "the JV of", "a 50:50 joint venture set up by"
_JV_OF = re.compile(rf"\b(?i:{_JV}\s+(?:(?:set\s+up|formed|created|established|owned|backed)\s+by|of|between)\s+"
                    rf"(?:the\s+)?){DESCRIBED_RE}$")
#: what joins a venture's name to the phrase naming its parents: ", a", " is the", " (a"
_NAME_TO_JV = re.compile(r"^\s*(?:,|\(|\s(?:is|was|will\s+be|becomes|became|remains))\s*(?:an?|the|their)\s+"
                         r"(?:[\w\-:–—]+\s+){0,4}?$", re.I)
#: between the second parent and "joint venture": "'s", "'s new", "'s 50:50", " " ("the A–B joint venture")
_POSS_GAP = re.compile(r"(?:['’]s?)?\s+(?:[\w\-:]+\s+){0,2}?")
#: between the second parent and the venture they found: " set up", " have jointly formed a new company,"
_FOUNDED = re.compile(r"\s+(?:have\s+|had\s+|will\s+|jointly\s+|also\s+)*(?:set\s+up|formed|form|created|"
                      r"established|founded|incorporated)\s+(?:(?:a|an|the|their)\s+(?:[\w\-]+\s+){0,3}?"
                      r"(?:company|venture|JV|firm|entity)\s*,?\s+(?:(?:called|named)\s+)?)?", re.I)
#: "a 60:40 joint venture"
#: "Y was founded by", "Y has been set up by"
_FOUNDED_BY = re.compile(r"\s+(?:was|were|is|has\s+been|had\s+been|will\s+be)\s+(?:jointly\s+)?(?:founded|set\s+up|"
                         r"established|created|formed)\s+by\s+")
#: between the first founder and the second: its share, "and", a country's possessive ("(51%) and Armenia's")
_AND_FOUNDER = re.compile(rf"(?:{BRACKETED_PCT})?\s*(?:and|&)\s+(?:the\s+)?(?:[A-Z][\w\-]*['’]s\s+)?")
_RATIO = re.compile(rf"\b(?P<a>\d{{1,2}}(?:\.\d+)?)\s?:\s?(?P<b>\d{{1,2}}(?:\.\d+)?)[\s-]+{_JV}\b", re.I)
#: "holds 51 %", "owns 35 % of", "will own a 49 percent share in"
_HOLDS = re.compile(rf"\b(?:holds?|holding|held|owns?|owning|controls?|controlling|ha(?:s|ve|ving)|keeps?|"
                    rf"retains?|takes?|took)\s+(?:(?:a|an|the)\s+)?(?:other\s+|remaining\s+)?(?:stake\s+of\s+)?{PCT}"
                    r"(?:\s+(?:stake|share|holding|interest|equity))?(?P<of>\s+(?:of|in)\s+(?:the\s+)?)?", re.I)
#: "B the rest", "B holds the remaining 49 %", "B owns the remainder", "the rest is held by B"
_REST = re.compile(r"\bthe\s+(?:rest|remainder|balance|remaining(?:\s+\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent))?)"
                   r"\b", re.I)
#: the words between the holder and its share ("A", "A will", "A, which")
_HOLDER_GAP = re.compile(r"^\s*(?:(?:will|would|now|currently|still|already|is\s+to|to)\s+)*$", re.I)
_VENTURE_WORDS = re.compile(r"(?:the\s+)?(?:new\s+)?(?:joint[\s-]venture|venture|JV|company|it)\b", re.I)


@dataclass
class _Venture:
    company: Mention
    parents: dict[str, Mention] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)
    rest: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


class VentureRules:
    """Joint-venture companies, their parents and their stakes (a mixin of the extractor)."""

    def _venture_table(self) -> dict[str, _Venture]:
        if not hasattr(self, "_ventures"):
            self._ventures: dict[str, _Venture] = {}
            self._shares: list[tuple[Mention, Mention | None, float | None, int]] = []
        return self._ventures

    def note_venture(self, company: Mention, parents: list[Mention], span: tuple[int, int]) -> None:
        """Record that ``company`` is a joint venture of ``parents`` (as far as the text names them)."""
        table = self._venture_table()
        if company.rule.startswith("anaphor:") and company.id not in table:
            return
        v = table.setdefault(company.id, _Venture(company))
        for p in parents:
            if p.id != company.id and not p.rule.startswith("anaphor:") and len(v.parents) < 2:
                v.parents.setdefault(p.id, p)
        v.spans.append(span)

    def note_share(self, holder: Mention, company: Mention | None, pct: float | None, pos: int) -> None:
        """Record that ``holder`` holds ``pct`` % of ``company`` (``None``: of the venture spoken of; ``pct``
        ``None``: the rest)."""
        self._venture_table()
        self._shares.append((holder, company, pct, pos))

    # -- per sentence
    def venture_sentence(self, s: int, e: int) -> None:
        """The venture forms and the shares of one sentence."""
        text = self.text
        orgs = [o for o in self.orgs_in(s, e) if not o.compiler]
        named = [o for o in orgs if not o.rule.startswith("anaphor:")]
        for m in re.finditer(rf"\b{_JV}\b", text[s:e], re.I):
            cue_s, cue_e = s + m.start(), s + m.end()
            pair = self._pair_before(named, cue_s, _POSS_GAP)
            parents = self._parents_after(named, cue_s) or pair
            before = [o for o in named if o.end <= cue_s and _NAME_TO_JV.match(text[o.end:cue_s])]
            if parents and before and before[-1].id not in {p.id for p in parents}:
                self.note_venture(before[-1], parents, (before[-1].start, cue_e))  # "Y, a JV of A and B"
                continue
            own = next((o for o in named if o.start >= cue_e and re.fullmatch(
                r",?\s+(?:(?:called|named)\s+)?(?:the\s+)?", text[cue_e:o.start])), None)
            if pair and own is not None and own.id not in {p.id for p in pair}:
                self.note_venture(own, pair, (pair[0].start, own.end))  # "A and B's joint venture Y"
                continue
            if own is not None and not pair and not parents and re.search(r"\b(?:an?|the)\s+$", text[s:cue_s]):
                self.note_venture(own, [], (cue_s, own.end))  # "operated by a joint venture company, Y": the
                continue  # parents are the holders of its shares, told later
            self._venture_with(named, orgs, s, cue_s, cue_e)
        for y in named:  # "A and B set up Y"
            pair = self._pair_before(named, y.start, _FOUNDED)
            if pair and y.id not in {p.id for p in pair}:
                self.note_venture(y, pair, (pair[0].start, y.end))
        for y in orgs:  # "Y was founded by A (51 %) and B (49 %)"
            self._founded_by(y, named)
        for m in _RATIO.finditer(text, s, e):  # "a 60:40 joint venture": the parents' shares in their order
            v = next((v for v in self._venture_table().values() if any(s <= a < e for a, _ in v.spans)), None)
            if v is not None and len(v.parents) == 2:
                for p, pct in zip(sorted(v.parents.values(), key=lambda p: p.start), (m.group("a"), m.group("b")),
                                  strict=True):
                    self.note_share(p, v.company, float(pct), m.start())
        for m in _HOLDS.finditer(text, s, e):
            holder = next((o for o in reversed(orgs) if o.end <= m.start() and _HOLDER_GAP.match(
                re.sub(r"^\s*,?\s*(?:in\s+which|of\s+which|where|which)\s+", " ", re.sub(
                    r"^\s*,\s+(?:which|who|whose)\b[^;.]{0,150},(?=[^,]*$)", " ", text[o.end:m.start()])))), None)
            # ("A, which makes vans, buses and cars, will own 58 % of …": the relative clause told of A skipped)
            holder = holder or self._relative_holder(named, m.start(), s)
            if holder is None:
                continue
            target = None
            if m.group("of") and not re.match(rf"(?:its\s+|their\s+)?{WHOLE_SHARES}\b", text[m.end():]):
                # ("in which A will hold 70 % of the shares")
                words = _VENTURE_WORDS.match(text, m.end())
                target = next((o for o in orgs if o.id != holder.id and (
                    not o.rule.startswith("anaphor:") or o.id in self._venture_table()) and re.fullmatch(
                    r"(?:(?:(?:new\s+)?(?:joint[\s-]venture|venture|JV)(?:\s+(?:company|firm))?|new\s+(?:company|firm|"
                    r"entity))(?:\s+|,\s+)"
                    r")?", text[m.end():o.start]) and (text[o.start - 2] != "," or re.match(r"\.?,", text[o.end:]))),
                    None)  # ("of the new company, Y, and B the rest"; not "of the venture, B the rest")
                if target is None and not words:
                    continue  # "owns 35 % of its sales": no share of a company
                if target is not None and words and target.id not in self._venture_table():
                    self.note_venture(target, [], (m.start(), target.end))  # "35 % of the venture Y"
            self.note_share(holder, target, float(m.group("pct")), m.start())
            after = _VENTURE_WORDS.match(text, m.end()) if m.group("of") else None
            past = target.end if target is not None and after is not None and target.start > m.end() else \
                after.end() if after is not None else 0  # ("of the joint venture company, Y, and B 45 %")
            other = next((o for o in named if after is not None and o.id != holder.id and re.fullmatch(
                r",?\s+(?:and|while|with)\s+", text[past:o.start])), None)
            gapped = re.match(rf"\s+{PCT}", text[other.end:e]) if other is not None else None
            if gapped is not None:  # "A will hold 51 % of the company and B 49 %": B's share, its verb left out
                self.note_share(other, target, float(gapped.group("pct")), other.start)
        for m in _REST.finditer(text, s, e):
            holder = next((self._named(o) for o in reversed(orgs) if o.end <= m.start() and re.fullmatch(
                r"(?:\s*,\s+(?:whose|which|who)\b[^;.]{0,120}?,)?"  # ("B, whose interests span A and C, holds …")
                r"\s*(?:(?:will\s+)?(?:holds?|holding|owns?|owning|has|having|with|keeps?|takes?)\s+)?",
                text[o.end:m.start()])), None)
            if holder is None:  # "the rest is held by B"
                holder = next((o for o in named if o.start >= m.end() and re.fullmatch(
                    r"\s+(?:\w+\s+){0,2}?(?:held|owned|taken)\s+by\s+(?:the\s+)?", text[m.end():o.start])), None)
            if holder is not None:
                self.note_share(holder, None, None, m.start())

    def _founded_by(self, y: Mention, named: list[Mention]) -> None:
        """"Y was founded by China's A (51 %) and Armenia's B (49 %)": Y is A's and B's venture, when the text has
        called Y a joint venture or gives the two founders' shares."""
        text = self.text
        by = _FOUNDED_BY.match(text, y.end)
        a = next((o for o in named if by is not None and o.start >= by.end() and re.fullmatch(
            r"(?:the\s+)?(?:[A-Z][\w\-]*['’]s\s+)?", text[by.end():o.start])), None)
        g = _AND_FOUNDER.match(text, a.end) if a is not None else None
        b = next((o for o in named if g is not None and o.start == g.end()), None)
        if b is None or len({y.id, a.id, b.id}) < 3:
            return
        shares = [(o, re.match(BRACKETED_PCT, text[o.end:o.end + 20])) for o in (a, b)]
        if y.id not in self._venture_table() and (y.kind or "") != "joint-venture-company" and \
                not all(m for _, m in shares):
            return
        company = self._named(y)
        self.note_venture(company, [a, b], (y.start, b.end))
        for o, m in shares:
            if m is not None:
                self.note_share(o, company, float(m.group("pct")), o.end)

    def _named(self, o: Mention) -> Mention:
        """The first named mention of what the anaphor ``o`` stands for ("the Jamaican group"), or ``o``."""
        return o if not o.rule.startswith("anaphor:") else next(
            (m for m in self.ents.mentions if m.id == o.id and m.file == "organizations"), o)

    def _venture_with(self, named: list[Mention], orgs: list[Mention], s: int, cue_s: int, cue_e: int) -> None:
        """"A formed a joint venture with B called Y", "A holds 51 % of Y, its joint venture with B"."""
        text = self.text
        b = next((o for o in named if o.start >= cue_e and re.fullmatch(
            r"\s+(?:company\s+)?with\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}", text[cue_e:o.start])), None)
        if b is None:
            return
        y = next((o for o in named if o.start > b.end and re.fullmatch(
            r"\s*,?\s+(?:called|named|known\s+as|dubbed)\s+(?:the\s+)?", text[b.end:o.start])), None)
        its = re.search(r",\s+(?P<its>its|their)\s+(?:[\w\-]+\s+){0,2}?$", text[max(s, cue_s - 40):cue_s])
        if y is None and its is not None:
            y = next((o for o in reversed(named) if o.end <= cue_s and re.fullmatch(
                r",\s+(?:its|their)\s+(?:[\w\-]+\s+){0,2}?", text[o.end:cue_s])), None)
        if y is None or y.id == b.id:
            return
        a = self.anaphor_at(max(s, cue_s - 40) + its.start("its")) if its is not None and y.end <= cue_s else None
        a = a or self._actor_before(min(cue_s, y.start), s, [o for o in orgs if o.id not in {y.id, b.id}])
        if a is not None and a.id not in {y.id, b.id}:
            self.note_venture(y, [a, b], (min(a.start, y.start), max(b.end, y.end)))

    def _parents_after(self, named: list[Mention], cue_s: int) -> list[Mention]:
        """"… joint venture between A and B": A and B."""
        a = next((o for o in named if o.start > cue_s and _JV_OF.search(self.text[cue_s:o.start])), None)
        if a is None:
            return []
        b = next((o for o in named if o.start > a.end and re.fullmatch(
            rf"\s*(?:and|&)\s+(?:the\s+)?{DESCRIBED_RE}", self.text[a.end:o.start])), None)
        return [a, b] if b is not None and b.id != a.id else []

    def _pair_before(self, named: list[Mention], pos: int, gap: re.Pattern) -> list[Mention]:
        """Two names joined by "and" whose second one ends ``gap`` before ``pos`` ("A and B's joint venture")."""
        b = next((o for o in reversed(named) if o.end <= pos and gap.fullmatch(self.text[o.end:pos])), None)
        a = next((o for o in named if b is not None and o.end <= b.start and re.fullmatch(
            r"\s*(?:and|&)\s+|\s*[–—/-]\s*", self.text[o.end:b.start])), None)  # "A and B", "A–B"
        return [a, b] if a is not None and b is not None and a.id != b.id else []

    def _relative_holder(self, named: list[Mention], pos: int, s: int) -> Mention | None:
        """"…, in which A holds 51 %": the holder is named right after the relative word."""
        return None if not named else next((o for o in named if o.start < pos and re.fullmatch(
            r"\s*", self.text[o.end:pos]) and re.search(r"\b(?:in|of)\s+which\s+$", self.text[s:o.start])), None)

    # -- at the end of the article
    def finish_ventures(self) -> None:
        """Each venture's partnership of its parents, its majority parent, and no duplicate pairs."""
        table = self._venture_table()
        self._owned_by_two(table)
        latest: list[_Venture] = sorted(table.values(), key=lambda v: min(sp[0] for sp in v.spans))
        for holder, company, pct, pos in self._shares:
            v = table.get(company.id) if company is not None else next(
                (v for v in reversed(latest) if min(sp[0] for sp in v.spans) < pos), None)
            if v is None or holder.id == v.company.id:
                continue
            if holder.id not in v.parents and len(v.parents) < 2 and not holder.rule.startswith("anaphor:"):
                v.parents[holder.id] = holder
            if holder.id not in v.parents:
                continue
            if pct is None:
                v.rest = holder.id
            else:
                v.shares.setdefault(holder.id, pct)
        for v in table.values():
            if len(v.parents) == 2:
                self._settle(v)

    def venture_sites(self) -> None:
        """One plant told at several places by a venture's company and its parents ("Jiuxiao is building a plant
        in Spain with Arlanza …; their joint venture … in a factory on the Villalonquéjar estate in Burgos"): the
        site at the narrowest place stays, those of the same family at places holding it go."""
        for jv in [c for c in self.candidates if c.file == "partnerships" and c.record.get("company")]:
            team = {jv.record["company"], *jv.record["partners"]}
            sites = [c for c in self.candidates if c.file == "sites" and c.record.get("place")
                     and set(c.record.get("operator") or []) & team and not self._own_existing(c)]
            for c in sites:
                narrower = next((o for o in sites if self.narrower_site(o, c)), None)
                if narrower is not None and c in self.candidates:
                    narrower.spans = sorted({*narrower.spans, *c.spans})
                    self.candidates.remove(c)

    def _own_existing(self, c: Any) -> bool:
        """Whether a site is told as a parent's own or existing one ("at its existing factory in Plovdiv"), which
        is not the venture's plant."""
        return any(re.search(r"\b(?:existing|own)\s+$", self.text[max(0, a - 20):a]) for a, _ in c.spans)

    def _owned_by_two(self, table: dict[str, _Venture]) -> None:
        """A company two others hold shares of in one passage ("Y is 51 % owned by A, with B holding the other
        49 %") is their venture; a share of no named company is of the one named last before it."""
        last: tuple[Mention, int] | None = None
        holders: dict[str, dict[str, Mention]] = {}
        for i, (holder, company, pct, pos) in enumerate(self._shares):
            if company is None and last is not None and pos - last[1] < 200 and not any(
                    min(sp[0] for sp in v.spans) < pos for v in table.values()):
                company = last[0]
                self._shares[i] = (holder, company, pct, pos)
            if company is not None:
                last = (company, pos)
                if holder.id != company.id:
                    holders.setdefault(company.id, {})[holder.id] = holder
        for cid, hs in holders.items():
            if cid not in table and len(hs) == 2:
                company = next(c for _, c, _, _ in self._shares if c is not None and c.id == cid)
                self.note_venture(company, list(hs.values()), (company.start, company.end))

    def _settle(self, v: _Venture) -> None:
        (a, ma), (b, mb) = v.parents.items()
        shares = dict(v.shares)
        if len(shares) == 1:
            (known, pct), = shares.items()
            shares[b if known == a else a] = 100 - pct
        majority = next((p for p, x in shares.items() if x > 50), None)
        y = v.company
        rec = self.ents.new.get(y.id)
        if rec is not None and self.ents.new_meta[y.id].file == "organizations":
            rec["kind"] = "joint-venture-company"
            if majority is not None:
                rec["parent"] = majority
            elif rec.get("parent") in v.parents:
                rec.pop("parent")  # one backer of two, with no stated majority, is no parent
        elif majority is not None:
            self._set_parent(y, v.parents[majority], v.spans[0], f"'{majority}' holds {shares[majority]:g} % of "
                                                                 f"'{y.id}', a joint venture")
        for c in list(self.candidates):  # the venture and one of its parents: said by the partnership's company
            if c.file == "partnerships" and y.id in c.record["partners"] and \
                    set(c.record["partners"]) - {y.id} <= set(v.parents) or c.file == "investments" and \
                    c.record.get("investee") == y.id and c.record["investor"] in v.parents:
                self.candidates.remove(c)
        jv = next((c for c in self.candidates if c.tie and set(c.record["partners"]) == {a, b}), None)
        if jv is None:
            jv = self.add("partnerships", {"id": self.cid(f"{a}-{b}-joint-venture"),
                                           "label": f"{self.label(a)}–{self.label(b)} joint venture",
                                           "kind": "joint-venture", "partners": [a, b]}, 0.6,
                          [*v.spans, (ma.start, ma.end), (mb.start, mb.end)], "venture:parents")
        jv.record["kind"] = "joint-venture"
        jv.record["company"] = y.id
        if majority is not None:
            jv.record["majority_partner"] = majority
        split = ", ".join(f"'{p}' {x:g} %" for p, x in shares.items())
        company = f"the joint venture's company is '{y.id}'"
        jv.notes = [n for n in jv.notes if n != company]  # (said once)
        jv.notes.append(company + (f"; stakes: {split}" if split else ""))
