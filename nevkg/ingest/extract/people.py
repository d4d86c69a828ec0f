"""People and their titles at organisations."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.name_people import HONORIFIC_RANK
from nevkg.ingest.extract.people_frames import TitleFrames, forget_portfolio_names, national_portfolio_titles
from nevkg.ingest.extract.role_lists import contact_block_roles, headed_list_roles
from nevkg.ingest.extract.role_titles import _DESCRIBED, _DESCRIBED_NEXT, _OWNER_NOUN
from nevkg.ingest.extract.surnames import surname_tail
from nevkg.ingest.extract.title_spans import appointed_roles, bracket_roles, in_charge_roles, pronoun_posts
from nevkg.ingest.extract.title_words import (
    _FUNCTION,
    _FUNCTION_WORD,
    _NAME,
    _RANK,
    _TITLE_RX,
    _TITLE_WORDS,
    _is_name,
    business_partner,
    functions_are_no_companies,
    holder_named_next,
    titles_out_of_org_names,
)
from nevkg.ingest.extract.title_words import ROLE_TITLE_RX as _ANY_TITLE_RX
from nevkg.ingest.gazetteer import slugify

#: where a person is based, before their title ("a Bogotá-based analyst at X")
_BASED = r"[A-ZÀ-Þ][\wß-ÿ.]*(?:[\s-][A-ZÀ-Þ][\wß-ÿ.]*)?-based"
#: an office of state written before the name, its place after it ("Mayor NAME of X")
_OFFICE_NAME_OF = re.compile(rf"\b(?P<title>(?:Deputy\s+)?(?:Mayor|Governor|Premier|Prime\s+Minister|President|"
                             rf"Chancellor))\s+(?P<name>{_NAME})\s+of\s+(?:the\s+)?")
#: words before a title that are not part of it
_TITLE_LEAD = re.compile(r"^(?:(?:currently|now|also|then|its|their|new|newly[\s-]appointed|incoming)\s+|"
                         r"(?:the\s+)?presence\s+of\s+(?:the\s+)?)+", re.I)  # ("in the presence of the Minister …")
#: an honorific before a name ("Mr", "Ms.", "Dr", "Prof."): not part of the person's name
_HONORIFIC_START = re.compile(r"(?:Mr|Ms|Mrs|Mx|Dr|Prof|Sir|Dame)\.?\s+(?=[A-Z])")


#: a part of an organisation right after its name ("X's international business", "X' Europe operations"): the unit
#: a title is of
_UNIT_OF_ORG = re.compile(r"['’]s?\s+(?P<unit>(?:(?!and\b|or\b)[A-Za-z][\w-]*\s+){0,3}?(?:business|operations|division|"
                          r"unit|arm|office|branch|bureau|plant|factory))\b")  # ("X's Zweibruecken office")
#: "NAME, who became TITLE of ORG": the verb of a relative clause that gives a post
_WHO_IS = (r"who\s+(?:(?:has|had|have)\s+been\s+(?:named|appointed|elected|promoted\s+to)|was\s+named|was\s+appointed|"
           r"is\s+also|became|has\s+been|had\s+been|serves\s+as|served\s+as|took\s+over\s+as|joined\s+as|remains|is|"
           r"was(?!\s+previously))\s+")  # (longest first: not "appointed chief executive"; "who was previously TITLE"
# is a post no longer held)
#: regions a title is often scoped to ("head of Asia Pacific")
_REGION = (r"(?:Europe|Asia(?:[\s-]Pacific)?|Africa|Oceania|the\s+Americas|Americas|(?:North|South|Latin|Central)\s+"
           r"America|(?:Southeast|South|East|Central|West)\s+Asia|the\s+Middle\s+East|Middle\s+East|ASEAN|APAC|EMEA)")
#: verbs of saying between an organisation and "its TITLE NAME"
_SAYS = r"(?:said|says|announced|confirmed|added|noted)"
#: a name right after "TITLE of ORG" ("…, Mr NAME"): the holder of that title, not the person before it ("by the
#: Minister of X, Mr A, and the Chairman of B, Mr C": B's chairman is C)
_NEXT_HOLDER = re.compile(rf"^\.?,\s+(?:(?:Mr|Ms|Mrs|Dr|Prof|Sir|Dame|H\.?E\.?)\.?\s+)*{_NAME}\b")
#: a verb in what would be a title: a clause ("NAME, head of sales at X, takes over as director of Y")
_CLAUSE_VERB = re.compile(r"\b(?:takes?|took|becomes?|became|joins?|joined|will|was|is|has|had|replaces?|succeeds?)\b")
#: a lower-case word of a title before its head word (never a verb of saying or a determiner)
_LOWER_WORDS = (r"(?:(?!(?:said|says|told|announced|confirmed|that|its|their|the|whose|to|will|would|report|reports|"
                r"reported)\b)[a-z\-]+\s+)")


def _family_names(name: str) -> list[str]:
    """The words a later mention may use for a person: the last one, and the first of a two-word name (family
    name first, as in Chinese names: "Chen" for "Chen Liwei").

    A name with particles adds its family name with them ("de Souza", "El Mansouri") or, for a patronymic, the
    personal name before it ("Rahim" of "Rahim bin Yusof").

    >>> _family_names("Lena Vogt"), _family_names("Luiz Carlos de Souza")
    (['Vogt', 'Lena'], ['de Souza', 'De Souza', 'Souza'])
    """
    from nevkg.ingest.extract.name_people import family_forms

    words = name.split()
    forms = family_forms(name)
    forms += [f[0].upper() + f[1:] for f in forms if f[0].islower()]  # ("De la Rosa said" opening a sentence)
    return forms + ([words[-1], words[0]] if len(words) == 2 else [words[-1]])



#: an interviewer's verb between it and the person interviewed ("X spoke to NAME", "X interviewed NAME")
_INTERVIEWED = re.compile(r"\s+(?:has\s+|have\s+)?(?:spoke|spoken|talked|talks|speaks|sat\s+down)\s+(?:to|with)\s+|"
                          r"\s+(?:has\s+)?(?:interviewed|asked|met)\s+")

class PeopleRules(TitleFrames):
    """People and their roles ("NAME, TITLE of ORG", "ORG TITLE NAME", …)."""

    # -- people
    def people(self, s: int, e: int) -> None:
        text = self.text
        if self.doc is not None:
            self.companies_named_like_people(s, e)  # "chief executive of Henri Kessler": a family firm
        functions_are_no_companies(self, s, e)
        self._portfolios_are_no_bodies(s, e)
        self._portfolio_run_into_name(s, e)
        self._boards_are_their_companies(s, e)
        titles_out_of_org_names(self, s, e)
        self.surname_mentions(s, e)
        orgs = self.mentions_in(s, e, ("organizations",))
        found: list[tuple[int, int, str, int, int, Mention, str]] = []  # name_s, name_e, title, t_s, t_e, org, rule
        for o in orgs:
            left = text[s:o.start]
            right = text[o.end:e]
            if _DESCRIBED_NEXT.match(right):
                continue  # "at the Oslo lender Fjordbank": the city's name only says where the lender is
            # NAME, (the) TITLE of/at ORG
            m = re.search(rf"(?P<name>{_NAME}),\s+(?:{_WHO_IS}|and\s+(?!the\b))?(?:the\s+|a\s+|an\s+)?(?:{_BASED}\s+)?"
                          rf"(?P<title>[A-Za-z][A-Za-z\s\-&]{{1,70}}?(?:,\s+[A-Za-z][A-Za-z\s\-&]{{1,40}}?)*)\s+(?:of|at|for|with)\s+"
                          rf"(?:the\s+)?(?:[A-Z]\w+['’]s\s+|{_DESCRIBED})?$", left)  # ("Founder and CEO of ORG";
            # "NAME, and the TITLE of ORG": the title's holder is named next)
            if m and _titled_pieces(m.group("title")) and _is_name(m.group("name")) and not re.match(
                    r"and\s+the\s", m.group("title")) and not _CLAUSE_VERB.search(m.group("title")) \
                    and not _NEXT_HOLDER.match(right) and not holder_named_next(self, o.end, e):
                ts, te = s + m.start("title"), s + m.end("title")
                inner = self.mentions_in(ts, te, ("organizations",))
                if inner:  # "NAME, CEO of A and chairwoman of B": B's title starts after A
                    cut = re.match(r"[\s,]*(?:and\s+)?(?:(?:also|the|a|an)\s+)?", text[inner[-1].end:te])
                    ts = inner[-1].end + cut.end()
                board = re.match(r"\s+((?:management|supervisory|executive)\s+board)\b", right)
                if _TITLE_RX.search(text[ts:te]):  # ("president of the X management board": of that board)
                    found.append((s + m.start("name"), s + m.end("name"), text[ts:te] + (
                        f" of the {board.group(1)}" if board else ""), ts, te, o, "person:name-title-of-org"))
                continue
            # NAME, TITLE, ORG (a press release's signature form: "NAME, senior vice-president, ORG, said")
            m = re.search(rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?P<title>[A-Za-z][A-Za-z\s\-&]{{1,50}}?),\s+$", left)
            if m and _TITLE_RX.search(m.group("title")) and _is_name(m.group("name")) and \
                    re.match(r"\s*(?:[,.;)]|$|(?:said|says|told|added)\b)", right) and \
                    not self.mentions_in(s + m.start("title"), s + m.end("title")):
                found.append((s + m.start("name"), s + m.end("name"), m.group("title"), s + m.start("title"),
                              s + m.end("title"), o, "person:name-title-comma-org"))
                continue
            # TITLE of ORG(,) NAME
            m = re.search(rf"(?:^|\s)(?P<title>(?:{_FUNCTION_WORD}[a-z\-]+\s+){{0,3}}"
                          rf"(?i:(?:managing|executive|deputy|senior|vice|assistant)\s+)?(?i:{_TITLE_WORDS})"
                          rf"(?:\s+of\s+the\s+(?i:board)"
                          rf"(?:\s+of\s+directors)?)?)\s+(?:of|at|with)\s+(?:the\s+)?(?:[a-z][\w’'-]*\s+){{0,4}}$",
                          left)  # ("head of the carmakers' association ORG, NAME", "Chairman of the Board of ORG";
            # "an economist with ORG, NAME")
            n = re.match(rf"^\.?,?\s+(?:{HONORIFIC_RANK.pattern})?(?P<name>{_NAME})\b", right)  # (after "Ltd.")
            if m and n and _is_name(n.group("name")) and not self.mentions_in(o.end + n.start("name"),
                                                                             o.end + n.end("name")):
                found.append((o.end + n.start("name"), o.end + n.end("name"), m.group("title"), s + m.start("title"),
                              s + m.end("title"), o, "person:title-of-org-name"))
                continue
            # ORG('s) TITLE NAME; ORG said its TITLE NAME
            n = re.match(rf"^(?:['’]s?|\s+{_SAYS}\s+(?:that\s+)?(?:its|their))?\s+"
                         rf"(?P<title>(?:Board\s+|(?:{_FUNCTION.pattern})\s+(?=(?:Manager|Director|Officer)\b))?"
                         rf"(?:{_LOWER_WORDS}|{_RANK}\s+){{0,3}}?(?:{_TITLE_WORDS}|(?i:{_TITLE_WORDS})(?=\s+(?:of|for)\s+[A-Z]))(?:\s+(?:of|for)\s+"
                         rf"{_FUNCTION.pattern})?)\s+(?:{HONORIFIC_RANK.pattern})?(?P<name>{_NAME})\b", right)
            # ("ORG Board Chairperson Mrs. NAME", "ORG Public Relations Manager Ms. NAME")
            # (a function in the title: "X Vice President of Global Sales NAME")
            if n and _is_name(n.group("name")) and not any(
                    k.file != "people" or (k.start, k.end) != (o.end + n.start("name"), o.end + n.end("name"))
                    for k in self.mentions_in(o.end + n.start("name"), o.end + n.end("name"))):
                found.append((o.end + n.start("name"), o.end + n.end("name"), n.group("title"),
                              o.end + n.start("title"), o.end + n.end("title"), o, "person:org-title-name"))
                continue
            # ORG's TITLE of/for PLACE(,) NAME: "X's head of Europe NAME"
            scoped = self._scoped_title_name(o, e)
            if scoped is not None:
                found.append(scoped)
                continue
            # NAME, ORG's TITLE; NAME, a ORG TITLE
            m = re.search(rf"(?P<name>{_NAME}),\s+(?:the\s+|an?\s+)?$", left)
            n = re.match(rf"^(?:['’]s?)?\s+(?P<title>(?:[a-z\-]+\s+){{0,4}}?(?:{_TITLE_WORDS})(?:\s+of\s+[a-z\s]+?)?)"
                         rf"(?=[,.;]|\s+(?:said|says|told|added|noted))", right)
            if m and n and _is_name(m.group("name")):
                found.append((s + m.start("name"), s + m.end("name"), n.group("title"), o.end + n.start("title"),
                              o.end + n.end("title"), o, "person:name-org-title"))
        for m in re.finditer(rf"\b(?i:the|its)\s+(?:[\w-]+\s+)?(?i:{_OWNER_NOUN})['’]s\s+"
                             rf"(?P<title>(?:[a-z\-]+\s+){{0,3}}?(?:{_TITLE_WORDS}))\s+(?P<name>{_NAME})\b", text[s:e]):
            org = self._company_spoken_of(s + m.start())  # the company of the sentence, else of the one before
            if org is not None and _is_name(m.group("name")):
                found.append((s + m.start("name"), s + m.end("name"), m.group("title"), s + m.start("title"),
                              s + m.end("title"), org, "person:company-title-name"))
        for m in national_portfolio_titles(text, s, e):  # "Minister of Trade and Industry NAME"
            # the country: named before the title, or around it (a portfolio the parser took for an organisation
            # is not the organisation)
            org = next(reversed(self.ents.countries_in(max(s, m.start() - 40), m.start("title"))), None) \
                or self._ministry_of(m.group("title")) or self._country_around(m.start())
            if org is not None and _is_name(m.group("name")):
                forget_portfolio_names(self.ents, m.start("title"), m.end("title"))
                found.append((m.start("name"), m.end("name"), m.group("title"), m.start("title"), m.end("title"),
                              org, "person:portfolio-title-name"))
        for m in _OFFICE_NAME_OF.finditer(text, s, e):  # "Mayor NAME of X", "Governor NAME of X"
            place = next((p for p in self.mentions_in(m.end(), e) if p.start == m.end()), None)
            if place is not None and _is_name(m.group("name")):
                found.append((m.start("name"), m.end("name"), m.group("title"), m.start("title"), m.end("title"),
                              place, "person:office-name-of-place"))
        found += self._writers_people(s, e) + self._board_lists(s, e) + self._title_then_name(s, e) + \
            in_charge_roles(self, s, e) + pronoun_posts(self, s, e) + bracket_roles(self, s, e) + \
            appointed_roles(self, s, e) + headed_list_roles(self, s, e) + contact_block_roles(self, s, e) + \
            self._envoys(s, e)
        for ns, ne, title, ts, te, org, rule in found:
            self.add_role(ns, ne, title, ts, te, org, rule)

    def _scoped_title_name(self, o: Mention, e: int) -> tuple[int, int, str, int, int, Mention, str] | None:
        """"ORG's head of Europe NAME", "ORG president for Asia NAME": a title whose scope is a named place,
        written before the name (the parser often reads the place and the name as one)."""
        text = self.text
        t = re.match(rf"(?:['’]s?)?\s+(?P<title>{_LOWER_WORDS}{{0,3}}?(?:{_TITLE_WORDS}|(?i:{_TITLE_WORDS}))\s+"
                     rf"(?:of|for)\s+(?:the\s+)?)", text[o.end:e])  # (capitalised too: "X Vice President for Asia")
        if not t:
            return None
        at = o.end + t.end()
        place = next((m for m in self.ents.mentions if m.start == at and m.file == "places"), None)
        if place is None:  # a region the parser took into the name ("head for Asia NAME")
            w = re.match(rf"{_REGION}\b", text[at:e])
            place = Mention(at, at + w.end(), w.group(0), "places", "", False, "region", "region-word", 0.5) \
                if w else None
        if place is None:
            return None
        n = re.match(rf",?\s+(?P<name>{_NAME})\b", text[place.end:e])
        if n is None or not _is_name(n.group("name")) or any(
                k.file != "people" or (k.start, k.end) != (place.end + n.start("name"), place.end + n.end("name"))
                for k in self.mentions_in(place.end + n.start("name"), place.end + n.end("name"))):
            return None  # (the name may be a person's already: the one cut from "Asia Pacific NAME")
        return (place.end + n.start("name"), place.end + n.end("name"), text[o.end + t.start("title"):place.end],
                o.end + t.start("title"), place.end, o, "person:org-scoped-title-name")

    def surname_mentions(self, s: int, e: int) -> None:
        """Later mentions of a person by surname alone ("Vogt said", "Ms Vogt") in ``text[s:e]``: mentions of the
        person named in full before, never new people."""
        full = [m for m in self.ents.mentions if m.file == "people" and m.end <= s and len(m.text.split()) >= 2
                and not _HONORIFIC_START.match(m.text)]
        for m in [m for m in self.ents.mentions if m.file == "people" and s <= m.start < e and not m.known]:
            hon = _HONORIFIC_START.match(m.text)  # "Ms Vogt" read by the parser as a new person
            same = self._named_before(m.text[hon.end():], m.start) if hon else None
            if same is not None and same.id != m.id:
                old, m.id, m.label = m.id, same.id, same.label
                self.ents.drop_unused(old)
        for person, last in [(m, w) for m in reversed(full) for w in _family_names(m.text)]:
            if len(last) < 2 or not last[:1].isupper():
                continue
            for hit in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", self.text[s:e]):
                a, b = s + hit.start(), s + hit.end()
                before = re.search(r"([A-Z][\w-]*)\s+$", self.text[max(s, a - 30):a])
                if before and not _HONORIFIC_START.search(self.text[max(s, a - 6):b]) and \
                        not _ANY_TITLE_RX.fullmatch(before.group(1)) or \
                        re.match(r"\s+[A-Z]|['’]s\s+(?:[A-Z]|[a-z]+\s+[A-Z])", self.text[b:b + 12]) and \
                        not re.match(r"['’]s\b", self.text[b:b + 2]):
                    continue  # part of another name
                for odd in [k for k in self.ents.overlaps(a, b) if (k.start, k.end) == (a, b) and not k.known
                            and k.rule.startswith("ner:") and (k.file in {"organizations", "places"} or
                                                               k.file == "people" and k.id != person.id)]:
                    self.ents.forget(odd)  # "Chen said": the person, not a name the parser guessed
                if not self.ents.overlaps(a, b):
                    self.ents.add(Mention(a, b, self.text[a:b], "people", person.id, person.known, None, "surname",
                                          0.7, person.label))

    def _whole_name(self, cut: Mention, name: str) -> str:
        """The id of a person the parser named ``cut`` and a rule reads as ``name``: when ``name`` is the parser's
        name and more words ("Fidelis Wangari" of "Fidelis Wangari Mbugua"), the new record takes the whole name."""
        if cut.known or cut.id not in self.ents.new or len(name) <= len(cut.text) or \
                not name.startswith(cut.text + " "):
            return cut.id
        from nevkg.ingest.extract.ner import relabel

        return relabel(self.ents, cut.id, name, "people")

    def _named_before(self, name: str, ns: int) -> Mention | None:
        """The person named in full before ``ns`` whose surname ``name`` is."""
        if len(name.split()) != 1 and not re.search(r"(?:^|\s)(?:[a-z]+|El|Al|Ben|Ait|Abu|De|Da|Van|Von)\s", name):
            return None
        return next((m for m in sorted(self.ents.mentions, key=lambda m: -m.start) if m.file == "people"
                     and m.start < ns and len(m.text.split()) >= 2 and name in _family_names(m.text)
                     and not _HONORIFIC_START.match(m.text)), None)

    def add_role(self, ns: int, ne: int, title: str, ts: int, te: int, org: Mention, rule: str) -> None:
        """Propose the person at ``text[ns:ne]`` (known, or new) and their role ``title`` at ``org``."""
        text = self.text
        hon = HONORIFIC_RANK.match(text, ns, ne)
        if hon and ne - hon.end() > 3:  # "Mr Otto Brandt", "Datuk Rahim Yusof": the person is Otto Brandt
            ns = hon.end()
        job = re.match(r"([A-Z][a-z]+)[ ]+(?=\S+[ ]+\S)", text[ns:ne])
        if job and _TITLE_RX.fullmatch(job.group(1)):  # "Economist Bakyt Turdubaev": an occupation that opens a
            ns += job.end()  # sentence is no part of the name
        cover = next((m for m in self.ents.mentions if m.file == "people" and m.start <= ns and ne <= m.end
                      and (m.start, m.end) != (ns, ne)), None)
        if cover is not None:  # a pattern's name that is a part of a longer one ("Santos Lima" of "Rui dos Santos
            # Lima")
            ns, ne = cover.start, cover.end
        name = text[ns:ne]
        if org is not None and org.end <= ns and _INTERVIEWED.fullmatch(text[org.end:ns]):
            # "Automotive World spoke to NAME, TITLE": the interviewer is not the employer; the article's company is
            org = next((m for m in [self.focus_org()] if m is not None and m.id != org.id), None)  # type: ignore
            if org is None:
                return
        title = " ".join(_TITLE_LEAD.sub("", title).split())  # "currently chief executive", "its new CFO"
        title = re.sub(r"\s+at\s+.*$", "", title)  # "analyst at Mexico City consultancy X": the post is "analyst"
        if re.match(r"(?:previously|formerly|former|until\s+recently)\s|ex-|(?:who|which)\s", title, re.I):
            return  # "NAME, formerly head of sales at X": a post no longer held is no role (nor a clause's verb
            # read into a title: "who stepped down as chief executive of X")
        if business_partner(title):  # "X, its distribution partner": X is a company, not a person
            self._partner_is_company(ns, ne)
            return
        inside = self.mentions_in(ns, ne, ("organizations", "places"))
        if any(k.file == "organizations" and (k.start, k.end) == (ns, ne) and k.id in self.ents.no_people
               for k in inside):
            return  # a name the context made an organisation ("X (www.x.example), the country's coach operator")
        if inside and not rule.startswith("person:parse") and not all(
                not k.known and k.rule.startswith("ner:") and len(k.text.split()) == 1 and k.end - k.start < ne - ns
                and k.id in self.ents.new for k in inside):
            return  # (one word of the name the parser took for a company or place does not stop it: "Nowak")
        known = self.gaz.lookup(name, ("people",))
        earlier = self._named_before(name, ns)
        if earlier is not None:  # "Ms Vogt", "Vogt": the person named in full before
            pid = earlier.id
            if any(c.file == "roles" and c.record["person"] == pid for c in self.candidates) and \
                    not self.mentions_in(ts, te, ("organizations",)) and rule != "person:second-post":
                return  # "Minister Vogt" after "Lena Vogt, trade minister of X": the role told already
            name = self.label(pid) if not earlier.known else earlier.label or name
            self.ents.add(Mention(ns, ne, text[ns:ne], "people", pid, earlier.known, None, "surname", 0.7,
                                  earlier.label))
        elif known:
            pid = known.id
            self.ents.add(Mention(ns, ne, name, "people", pid, True, None, "gazetteer", 0.95, known.label))
        else:
            cut = next((m for m in self.ents.mentions if m.file == "people" and m.start == ns), None)
            pid = self._whole_name(cut, name) if cut is not None else slugify(name)
            if pid in self.gaz.ids and pid not in self.ents.new:
                pid = f"{pid}-person"
            self._absorb_surname(ns, ne, pid)
            for other in [m for m in self.ents.overlaps(ns, ne) if not m.known and (
                    m.file != "people" or m.start != ns)]:  # (or a person read with an honorific: "Mr X")
                if not any(k.id == other.id and k is not other for k in self.ents.mentions):
                    self.ents.new.pop(other.id, None)  # a name the parser took for an organisation is a person
                    self.ents.new_meta.pop(other.id, None)
            if pid not in self.ents.new:
                self.ents.new[pid] = {"id": pid, "label": name}
                self.ents.new_meta[pid] = Mention(ns, ne, name, "people", pid, False, None, rule, 0.75, name)
            self.ents.add(Mention(ns, ne, name, "people", pid, False, None, rule, 0.75, name))
        between = text[te:org.start] if te <= org.start else "-"
        unit = _UNIT_OF_ORG.match(text, org.end) if re.fullmatch(r"\s+(?:(?:of|at)\s+(?:the\s+)?)?", between) \
            and not re.search(r"\b(?:of|for)\b", title) else None
        if unit:  # "president of X's international business": the title names the unit
            title = f"{title} of {' '.join(unit.group('unit').split())}"
        rec: dict[str, Any] = {"label": f"{name}, {title} of {self.label(org.id)}", "person": pid,
                               "organization": org.id, "title": title}
        if self.date:
            rec["as_of"] = self.date[:7]
        tslug = "-".join(slugify(title).split("-")[:4])
        if any(c.file == "roles" and c.record["person"] == pid and c.record["organization"] == org.id
               and (rule != "person:post-taken" or c.record["title"] == title) for c in self.candidates):
            return  # (a post taken up besides the one held is a second role at the same organisation)
        at_place = org.file == "places"  # a minister of a country: the record needs the government body
        self.add("roles", {"id": self.cid(f"{pid}-{org.id}-{tslug}"), **rec}, (0.75 if org.known else 0.65) -
                 0.2 * at_place, [(ns, ne), (ts, te), (org.start, org.end)], rule,
                 status="incomplete" if at_place else "proposed", missing=["organization"] if at_place else [],
                 notes=[f"a role at the country '{org.id}': set 'organization' to its government body"]
                 if at_place else [])

    def _absorb_surname(self, ns: int, ne: int, pid: str) -> None:
        """A new person the parser made of the last words of the name at ``text[ns:ne]`` ("Ó Ceallaigh" of
        "Niall Ó Ceallaigh", named in full only by a title's rule) is that person, in every later mention too
        ("Mr Ó Ceallaigh said"); so is a surname with its particle named on its own ("Ms Ní Bhriain")."""
        words = self.text[ns:ne].split()
        inside = {m.id for m in self.ents.overlaps(ns, ne) if ns < m.start and m.end == ne}
        for rid in [rid for rid, meta in self.ents.new_meta.items() if meta.file == "people" and rid != pid]:
            tail = self.ents.new[rid]["label"].split()
            if not (rid in inside and len(tail) < len(words) and words[-len(tail):] == tail
                    or len(tail) > 1 and surname_tail(tail, words)):
                continue  # (a one-word surname elsewhere in the text is left to the surname rules)
            self.ents.new.pop(rid, None)
            self.ents.new_meta.pop(rid, None)
            for m in self.ents.mentions:
                if m.id == rid:
                    m.id, m.rule, m.label = pid, "surname", " ".join(words)

    def _partner_is_company(self, ns: int, ne: int) -> None:
        """The name at ``text[ns:ne]``, said to be a company's sales or service partner, is a company: a new
        "person" the parser proposed there becomes an organisation."""
        from nevkg.ingest.extract.ner import retype

        for m in self.ents.overlaps(ns, ne):
            if m.file == "people" and not m.known and m.id in self.ents.new and (m.start, m.end) == (ns, ne) \
                    and all(k.file == "people" and k.rule != "surname" for k in self.ents.mentions if k.id == m.id):
                retype(self.ents, m.id, "organizations", "company")


def _titled_pieces(title: str) -> bool:
    """Whether each comma-separated piece of a title phrase is a title ("Founder, CEO") or, after the first, a
    business function in lower case ("vice-president, international business")."""
    first, *rest = title.split(",")
    return bool(_TITLE_RX.search(first)) and all(
        _TITLE_RX.search(x) or re.fullmatch(r"\s*[a-z][a-z&\-]*(?:\s+[a-z][a-z&\-]*){0,2}\s*", x) and not re.search(
            r"\b(?:the|a|an|this|that|its|said|says|told|added|noted|who|which|is|was|will|has|had)\b", x)
        for x in rest)  # (not "the chief executive, said the deal …")
