"""What "it", "the company", "the carmaker", "the plant" or "the venture" stands for: one resolver on the mention
layer, shared by every relation family.

:func:`resolve_anaphors` runs once over an article's sentences and returns a :class:`~.model.Mention` for each
anaphoric phrase, carrying the id of the organisation it stands for (rule ``anaphor:<head>``). The relation rules
read these mentions beside the named ones (:meth:`~.relations_actors.ActorRules.orgs_in`), so that "The carmaker
plans a plant in X" gives the carmaker named before a site in X, whichever rule reads the sentence. They are not
entity mentions: the review's entity list and the statistics do not see them.

Antecedents:

* an organisation noun ("the company", "the Chinese carmaker", "the group") or "it"/"its": the subject of the
  sentence when it is a named organisation earlier in the same sentence ("X said it would …"), else the
  organisation the latest sentence that named one spoke about (its first one), else the latest one named; a
  carmaker noun wants a carmaker or brand where there is one; "it" or "its" after an anaphor of its own sentence
  that no name precedes stands for what that anaphor stands for ("The venture will raise its output");
* a site noun ("the plant", "the factory", "the facility"): the organisation of the latest sentence that named a
  site noun together with an organisation (the site's operator, as far as the text says), or, before any such
  sentence, the latest joint venture; "the X plant" with a place X that sentence did not name is another plant, no
  anaphor;
* a venture noun ("the venture", "the JV", "the joint venture"): the latest organisation described as a joint
  venture ("X, a joint venture of A and B", "the X joint venture", "their joint venture, X, in which …", "a new JV
  called X"; the forms are :mod:`.anaphora_ventures`).

"it" that points forward ("it is expected that …", "it was not clear whether …") stands for nothing; "its" in
apposition to a name ("X, its joint venture with Y") is not that name's. Whom "we" stands for (a quotation's
speaker, a statement's issuer, an interviewee) is :mod:`.anaphora_quotes`.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.anaphora_its import clause_subject_of, parsed_its, passive_agent_of, speaker_of
from nevkg.ingest.extract.anaphora_origin import described_from, described_otherwise
from nevkg.ingest.extract.anaphora_quotes import interviewee_voice, issuer_voice, quoted_voice
from nevkg.ingest.extract.anaphora_ventures import (
    NAMED_AFTER,
    UNNAMED_VENTURE,
    named_venture,
    new_company,
    stake_bought,
)
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import _GOV
from nevkg.ingest.extract.spans import controller, span_at, unit_appositions, verb_of
from nevkg.ingest.extract.vocab import LEGAL_FORM_END, MEMBERS_NOUNS, OPEN_QUOTES, SITE_NOUNS

__all__ = ["resolve_anaphors", "members_body", "ORG_NOUNS", "SITE_NOUNS", "VENTURE_NOUNS"]

#: nouns that speak again of an organisation named before
ORG_NOUNS = {"company", "firm", "group", "carmaker", "automaker", "maker", "manufacturer", "brand", "startup",
             "start-up", "automaker's", "conglomerate", "giant", "producer", "supplier", "operator", "cooperative",
             "co-operative", "sacco", "association"}
#: of these, the ones that want a carmaker (or a brand) when the article names one
_CAR_NOUNS = {"carmaker", "automaker", "maker", "manufacturer", "brand"}
#: nouns that speak again of a joint venture
VENTURE_NOUNS = {"venture", "jv", "partners"}  # ("the (two) partners": the parents of the venture, its company)
#: nouns that speak again of a public body ("the regulator", "the authority's director"): the last one named
AUTHORITY_NOUNS = {"regulator", "authority", "agency", "ministry", "commission", "administration"}
#: nouns of the role a company plays for another ("the distributor"): they speak again of the one named in that role
ROLE_NOUNS = {"distributor", "importer", "dealer"}
#: "the company", "the Chinese carmaker", "the Shenzhen-based group", "The plant", "the joint venture", "the JV"
_PHRASE = re.compile(r"\b(?P<det>[Tt]he)\s+(?:(?:[A-Z][a-z]+|[A-Za-z]+-based|new|joint|local|state-owned|"
                     r"electric(?:-vehicle)?|EV)\s+){0,2}(?P<head>" +
                     "|".join(sorted(ORG_NOUNS | SITE_NOUNS | AUTHORITY_NOUNS | ROLE_NOUNS | {"output"}
                                     | {"venture", "JV", "partners"}, key=len, reverse=True)) +
                     r")\b(?![\-]|(?<!company)(?<!firm)(?<!group)(?<!regulator)(?<!authority)(?<!agency)(?<!ministry)"
                     r"(?<!venture)(?<!JV)(?<!carmaker)(?<!automaker)(?<!maker)(?<!operative)(?<!association)['’]|"
                     r"['’](?!s\b)|"
                     r"\s+(?:of|in|at|near|for|between)\s+[A-Z])")  # ("the Chinese carmaker's distributor")
_IT = re.compile(r"\b(?P<head>[Ii]ts?)\b")
#: what lies between "the company" and a quoted name it introduces ("The company “Y” d.o.o."): blanks and the quote
#: (read up to the name's first character, which the quote may be)
_QUOTED_NAME = re.compile(rf"\s+[{OPEN_QUOTES}]\S?")
#: a sentence that tells of a site
_SITE_TOLD = re.compile(r"\b(?:plants?|factor(?:y|ies)|facilit(?:y|ies)|assembly|production\s+(?:base|line))\b", re.I)
#: a sentence telling of a site that stopped working ("since the X plant in Tirana stopped building tractors"):
#: the plant of a later "the plant" is another, still to come or running
_SITE_ENDED = re.compile(r"\b(?:stopped|ceased|shut\s+down|closed\s+(?:down|in\s+\d{4}))\b")
#: "it" pointing forward: "it is expected that", "it was unclear whether", "it takes time to"
_FORWARD_IT = re.compile(r"^\s+(?:(?:is|was|has\s+been|will\s+be|would\s+be|remains|seems|appears)\s+(?:not\s+)?"
                         r"(?:\w+\s+){0,2}(?:that|whether|if|to|how|why|when)\b|(?:is|was)\s+(?:now\s+)?"
                         r"(?:time|possible|likely|unlikely|clear|unclear|expected|hoped|reported|understood|"
                         r"said|believed)\b|takes\b|means\b)", re.I)
#: organisations that are never "the company" (authorities speak for a country)
_NOT_COMPANY = {"government-body", "ministry", "customs-office", "legislature", "political-body", "publisher"}


def resolve_anaphors(text: str, mentions: list[Mention], sentences: list[tuple[int, int, int]],
                     doc: Any = None) -> list[Mention]:
    """A mention for each anaphoric phrase of the article that stands for a named organisation.

    Parameters
    ----------
    text : str
        The article's text (offsets refer to it).
    mentions : list of Mention
        The named mentions found in it (organisations are the possible antecedents).
    sentences : list of (int, int, int)
        ``(start, end, paragraph)`` of each sentence, in order.
    doc : spaCy Doc, optional
        The parse: with it, a name is a sentence's subject only as a grammatical subject.

    Returns
    -------
    list of Mention
        In text order, each with the antecedent's ``id``, ``file``, ``kind`` and ``label`` and the rule
        ``anaphor:<head word>``.

    Examples
    --------
    >>> from nevkg.ingest.extract.model import Mention
    >>> t = "Korvell Motors opened a plant in Chile. The carmaker will build buses there."
    >>> k = Mention(0, 14, "Korvell Motors", "organizations", "korvell-motors", False, "automaker")
    >>> [(a.text, a.id) for a in resolve_anaphors(t, [k], [(0, 39, 0), (40, 77, 0)])]
    [('The carmaker', 'korvell-motors')]
    """
    orgs = sorted((m for m in mentions if m.file == "organizations" and not m.compiler), key=lambda m: m.start)
    out: list[Mention] = []
    topic: Mention | None = None  # the organisation the latest sentence naming one spoke about
    site_op: Mention | None = None  # the organisation of the latest sentence naming a site
    by_noun: dict[str, tuple[Mention | None, set[str]]] = {}  # the same for each site noun
    venture: Mention | None = None  # the latest joint venture
    places = [m for m in mentions if m.file == "places"]
    site_places: set[str] = set()  # the places the sentence that set site_op names
    site_at: dict[str, Mention] = {}  # a town or province of a site sentence → its organisation
    for s, e, _ in sentences:
        own = [m for m in orgs if s <= m.start and m.end <= e]
        if UNNAMED_VENTURE.match(text, s):
            venture = None  # a new venture without a name: "the joint venture" has no antecedent
        found = [(m.start(), m) for m in _PHRASE.finditer(text, s, e)] + \
            [(m.start(), m) for m in _IT.finditer(text, s, e)]
        for pos, m in sorted(found, key=lambda x: x[0]):
            head = m.group("head").lower()
            if any(o.start < m.end() and pos < o.end for o in own) or head in ORG_NOUNS and any(
                    re.fullmatch(r",\s+", text[m.end():o.start]) and re.match(r"\s*[,(]", text[o.end:o.end + 2])
                    or _QUOTED_NAME.fullmatch(text, m.end(), min(o.end, o.start + 1)) for o in own):
                continue  # a name of its own ("the Stellantis plant") or inside one ("The Motor Company"), or
                # given in apposition ("The new company, Y, is …", "The company “Y” d.o.o. ordered": Y itself)
            if head == "it" and doc is not None and not _is_subject(doc, m.start()):
                continue  # "making it around 31 %": an object stands for no actor
            if head == "its" and doc is not None and _of_a_site(doc, m.start()):
                continue  # "the plant will double its output": the plant's own, no company's
            if head in SITE_NOUNS or head == "output":  # ("the output will be sold to A": the site's)
                named_at = {p.id for p in places if m.start() <= p.start and p.end <= m.end()}
                # "the plant" after "its factory in Yibin" (a supplier's) stands for the site told last by its own
                # noun, where one was
                op, op_places = by_noun.get(head, (site_op, site_places))
                # "the X plant" with X a place the site sentence did not name is another plant, not an anaphor
                target = op if named_at <= op_places else None
                if site_op is None and not named_at:
                    target = venture  # no site told yet: the plant of the joint venture just set up ("The two
                    # companies will set up X, in which … The plant will be built …")
            elif head in AUTHORITY_NOUNS:
                target = next((o for o in reversed(orgs) if o.end <= pos and (o.kind or "") in _GOV), None)
            elif head in ROLE_NOUNS:
                target = _named_in_role(text, orgs, pos, head)
            elif (founded := new_company(text, orgs, pos, m.group(0))) is not None:
                target = founded  # "The agreement creates Y. A will own 60% of the new company": Y
            elif head in VENTURE_NOUNS:
                named = next((o for o in own if re.fullmatch(NAMED_AFTER, text[m.end():o.start])), None)
                target = named or venture  # "The joint venture, to be renamed X, …": X
            else:
                if head == "it" and _FORWARD_IT.match(text[m.end():m.end() + 60]):
                    continue
                earlier = [a for a in out if s <= a.start < pos]
                # (a name "its" is in apposition to is not its owner: "handled by X, its joint venture with Y")
                before = [o for o in own if o.end <= pos and not (head == "its" and re.fullmatch(r",\s*",
                                                                                               text[o.end:pos]))]
                rel = _relative_antecedent(doc, pos, own + earlier) if head in {"it", "its"} else None
                if rel is not None:  # "X, a supplier, which said it would …": X
                    target = rel
                elif head in {"it", "its"} and earlier and all(o.id == earlier[0].id for o in before):
                    target = earlier[0]  # "The venture will raise its output": what the subject stands for
                else:
                    target = described_from(text, orgs, pos, m.group(0))
                    if target is None:  # (never a company described as of another nation: "the German carmaker"
                        foreign = described_otherwise(text, orgs, pos, m.group(0))  # is not "Chinese maker X")
                        target = _org_antecedent(text, [o for o in before if o.id not in foreign],
                                                 topic if topic is not None and topic.id not in foreign else None,
                                                 [o for o in orgs if o.id not in foreign], pos, head, doc)
            if target is None:
                continue
            out.append(Mention(m.start(), m.end(), m.group(0), target.file, target.id, target.known, target.kind,
                               f"anaphor:{head}", round(target.confidence * 0.8, 2), target.label))
        lead = [a for a in out if s <= a.start < e and not any(o.start < a.start for o in own)]
        if lead and lead[0].rule != "anaphor:its" and _subject([lead[0]], doc) is not None:
            topic = next((o for o in orgs if o.id == lead[0].id), topic)  # "The startup will …": the same one
        elif own:
            topic = _subject(own, doc, agent=True) or own[0]
        named_places = [p for p in places if s <= p.start and p.end <= e]
        # a government that welcomes a plant runs none ("The Government has welcomed a joint venture … the first
        # vehicle factory"); the company it signs with does ("the Zone Administration signed an agreement with Y on
        # the construction of a plant": Y's)
        runner = topic if topic is None or (topic.kind or "") not in _GOV else next(
            (o for o in own if (o.kind or "") not in _GOV), None)
        if (own or lead) and _SITE_TOLD.search(text[s:e]) and not _SITE_ENDED.search(text, s, e) and (
                topic is None or runner is not None):
            site_op = runner
            site_places = {p.id for p in named_places}
            nouns = {w.lower() for w in re.findall(r"\b(plant|factory|facility)\b", text[s:e], re.I)}
            for noun in nouns:  # (a sentence naming two sites by two nouns says which is whose no more clearly)
                by_noun[noun] = (runner, site_places) if len(nouns) == 1 else (site_op, site_places)
            if runner is not None:
                site_at.update({p.id: runner for p in named_places if p.kind not in {"country", "region"}})
        elif (back := [p for p in named_places if p.id in site_at]) and len({site_at[p.id].id for p in back}) == 1:
            # "BYD is building a factory in Szeged … 'Pecs gives us the workforce' … The plant will …": the site
            # of the town named again
            site_op, site_places = site_at[back[0].id], {p.id for p in back}
        venture = named_venture(text, own, s) or venture
    out = interviewee_voice(text, orgs, issuer_voice(text, orgs, out))
    return quoted_voice(text, orgs, sentences, out,
                        [m for m in mentions if m.file == "organizations" and m.compiler],
                        [m for m in mentions if m.file == "people"])


def members_body(orgs: list[Mention], noun: str, pos: int) -> Mention | None:
    """The last of ``orgs`` named before ``pos`` whose name holds the body-of-members noun ``noun``
    (:data:`~nevkg.ingest.extract.vocab.MEMBERS_NOUNS`): "X Bus Owners Co-operative Society" for "co-operative",
    also in a Romance language's form ("Cooperativa de Taxis X" for "cooperative")."""
    stem = noun.rstrip("aeo")
    return next((m for m in reversed(orgs) if m.end <= pos and any(
        w == noun or len(stem) > 6 and w.rstrip("aeo") == stem for w in (m.label or m.text).lower().split())), None)


def _org_antecedent(text: str, before: list[Mention], topic: Mention | None, orgs: list[Mention], pos: int,
                    head: str, doc: Any) -> Mention | None:
    """The organisation an organisation noun or "it" at ``pos`` stands for."""
    fit = (lambda m: (m.kind or "") not in _NOT_COMPANY) if head not in {"it", "its"} else (lambda m: True)
    # "X, part of the family-owned Y Group, … The group operates 46 showrooms": the one whose name ends in the noun
    ending = [m for m in orgs if m.end <= pos and LEGAL_FORM_END.sub("", m.label or m.text).lower().split()[-1:]
              == [head]] if head not in {"it", "its"} else []  # (before a legal form: "Y Group Limited")
    if not ending and head in MEMBERS_NOUNS:  # ("X Co-operative Society Ltd" … "the co-operative's president")
        ending = [body] if (body := members_body(orgs, head, pos)) is not None else []
    from nevkg.ingest.countries import DEMONYMS

    # (nearby; or further back for a noun a nation's adjective describes: "the Jamaican group")
    described = re.match(r"[Tt]he\s+(?P<adj>[A-Z][a-z]+)\s", text[pos:pos + 40])
    reach = 800 if described and described.group("adj") in DEMONYMS else 400
    named = [m for m in ending if pos - m.end < reach or head in MEMBERS_NOUNS]  # (a body of members: by name)
    if named or head == "association":  # (an association is one whose name says so: "the association" of
        return named[-1] if named else None  # residents named by no such name is none of the companies)
    # "… Fenglin Mexico's sales rose … Zhou Lan was named chief technology officer of the group": the group of the
    # unit spoken of, named earlier, whose name opens as the unit's does
    far = [m for m in ending if topic is not None and m.id != topic.id
           and (m.label or m.text).split()[0] == (topic.label or topic.text).split()[0]]
    if far:
        return far[-1]
    # a carmaker is one whichever of its mentions says so ("Jinxiu" after "Jinxiu Auto": the short name the parser
    # tagged is the same carmaker)
    makers = {m.id for m in orgs if (m.kind or "") in {"automaker", "brand"}}
    car = (lambda m: m.id in makers) if head in _CAR_NOUNS else (lambda m: True)
    here = [m for m in before if fit(m)]
    speaker = speaker_of(doc, pos, here) if head in {"it", "its"} else None
    if speaker is None and head == "its":
        its = parsed_its(doc, pos)
        if its is not None:
            speaker = passive_agent_of(its, here) or controller(verb_of(its.head), here) or clause_subject_of(its, here)
    if speaker is not None:  # "A runs fleets, while B's unit has said it will …": B, not A
        return speaker
    if here:  # "X said it would …", "X, which …; the company …": the sentence's own subject
        subj = _subject(here, doc)
        if subj is not None and car(subj):
            return subj
        if head in {"it", "its"} and subj is not None:
            return subj
    bought = stake_bought(text, orgs, pos) if head in {"company", "firm"} and not here else None
    if bought is not None:  # "X acquired a 35 percent stake in Y for $4.2 million. The company operates …": Y
        return bought
    if topic is not None and fit(topic) and car(topic) and topic.end <= pos:
        return topic
    earlier = [m for m in orgs if m.end <= pos and fit(m)]
    cars = [m for m in earlier if car(m)]
    if cars:
        return cars[-1]
    return topic if topic is not None and fit(topic) else (earlier[-1] if earlier else None)


def _of_a_site(doc: Any, pos: int) -> bool:
    """Whether "its" at ``pos`` belongs to a site noun that is its clause's subject ("the factory will double its
    output", "expects the plant to reach its full capacity")."""
    span = span_at(doc, pos, pos + 3)
    if span is None or not len(span):
        return False
    verb = span.root.head
    while verb.dep_ in {"dobj", "pobj", "prep", "attr", "npadvmod"} and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ in {"xcomp", "ccomp"}:  # "expects the plant to reach …": the plant
        subjects = [c for c in verb.head.children if c.dep_ == "dobj"]
    return any(c.lemma_.lower() in SITE_NOUNS for c in subjects)


def _relative_antecedent(doc: Any, pos: int, own: list[Mention]) -> Mention | None:
    """The organisation a relative clause holding "it" or "its" at ``pos`` is about ("X, which said it was
    considering a plant": X; "X, a supplier of Y, which said its …": X, through the apposition), when the clause
    hangs on a name of the sentence."""
    span = span_at(doc, pos, pos + 2) if doc is not None else None
    if span is None:
        return None
    rel = next((a for a in span.root.ancestors if a.dep_ == "relcl"), None)
    pron = next((c for c in rel.children if c.lower_ in {"which", "that", "who"}), None) if rel is not None else None
    if pron is None:
        return None
    if pron.dep_ in {"dobj", "pobj"}:  # "X ordered cars from Y, which it will lease from Z": "it" is no Y but
        verb = next((a for a in rel.ancestors if a.pos_ in {"VERB", "AUX"}), None)  # the subject of the clause
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb else None  # (X)
        return next((m for m in own if subj is not None and m.start <= subj.idx < m.end and m.start < pos), None)
    noun = rel.head
    while True:
        if noun.dep_ == "appos" and noun.head.i != noun.i:
            noun = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.dep_ == "appos":
            noun = noun.head.head  # "X, a rival of Y, which said …": the clause is about X, Y only describes it
        else:
            break
    return next((m for m in own if m.start <= noun.idx < m.end and m.start < pos), None)


def _is_subject(doc: Any, pos: int) -> bool:
    """Whether the token at ``pos`` is a grammatical subject (or the parse cannot say)."""
    span = span_at(doc, pos, pos + 2)
    return span is None or span.root.dep_ in {"nsubj", "nsubjpass"}


def _subject(cands: list[Mention], doc: Any, agent: bool = False) -> Mention | None:
    """Of the names of one sentence, the one that is a grammatical subject or its possessor, or the head of a
    sentence without a verb (the first name without a parse); with ``agent``, the agent of a passive whose subject
    only names goods ("X cars are sold by Y": Y, the one the next sentence speaks of)."""
    if doc is None:
        return cands[0] if cands else None
    for m in cands:
        span = span_at(doc, m.start, m.end)
        if span is None:
            continue
        root = span.root
        while root.dep_ in {"compound", "appos", "conj"} and root.head.i != root.i:
            root = root.head
        if root.dep_ == "poss" and root.head.dep_ in {"nsubj", "nsubjpass"}:
            # "X's arm, Y, has been …": the subject is the name in apposition to what X owns, Y
            units = unit_appositions(root.head)
            apposed = next((o for o in cands if o is not m and _name_root(doc, o) in units), None)
            if apposed is not None:
                return apposed
            root = root.head  # "X's sales rose …, with A among its markets": the sentence speaks of X
        if root.dep_ == "poss" and root.head.dep_ == "appos" and root.head.head.dep_ in {"nsubj", "nsubjpass"}:
            return m  # "NAME, X's vice president, told …": the company of the one who speaks
        if agent and root.dep_ == "nsubjpass" and root.pos_ == "NOUN" and (by := _agent_name(cands, doc, root.head)):
            return by
        if root.dep_ in {"nsubj", "nsubjpass"} or root.dep_ == "ROOT" and root.pos_ in {"PROPN", "NOUN"}:
            return m  # (a verbless item of a list: "(a) X, a company …, jointly with its partner Y": X)
    return None


def _agent_name(cands: list[Mention], doc: Any, verb: Any) -> Mention | None:
    """The name that is the agent of the passive ``verb`` ("… by Y")."""
    agents = [t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
    return next((o for o in cands if _name_root(doc, o) in agents), None)


def _name_root(doc: Any, m: Mention) -> Any:
    """The token the name ``m`` hangs on as a whole (past its compounds), or ``None`` without a parse of it."""
    span = span_at(doc, m.start, m.end)
    if span is None:
        return None
    root = span.root
    while root.dep_ == "compound" and root.head.i != root.i:
        root = root.head
    return root


def _named_in_role(text: str, orgs: list[Mention], pos: int, noun: str) -> Mention | None:
    """The organisation named last before ``pos`` in the role ``noun`` ("its exclusive distributor, X", "importer
    X", "X, its local distributor"): what "the distributor" stands for (none when no one was named so)."""
    before = rf"\b{noun}s?\b,?\s+(?:[a-z][\w-]*\s+)?$"
    after = rf"\.?,\s+(?:its|the|a|an|their)\s+(?:[\w-]+\s+){{0,3}}{noun}\b"  # (".": "S.A., a … importer")
    named = [o for o in orgs if o.end <= pos and (re.search(before, text[max(0, o.start - 40):o.start])
                                                  or re.match(after, text[o.end:o.end + 60]))]
    return named[-1] if named else None
