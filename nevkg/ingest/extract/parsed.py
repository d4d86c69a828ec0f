"""Relations from the dependency parse: who does what where, read from a clause rather than adjacent words.

For each sentence, the *actor* is the organisation that is the grammatical subject of the clause holding a cue
word (its possessor for a noun: "X's plant"; "it", "its" or "the company" → the organisation named last).
The cue's lemma says what kind of fact it is:

* a site (plant, factory, assembly, production, build, manufacture …) → the actor's site at the most specific
  place of the clause;
* a market (sell, launch, export, enter, dealer, showroom …) → the actor in each place of the clause (lists
  included), "from X" and the actor's own country left out;
* a partnership (partner, agreement, deal, joint venture, alliance, dealer …) → the actor and every other
  organisation of the clause;
* a brand ("its brands A and B", "X's A brand") → A and B are brands of the owner;
* a trade measure (tariff, duty, surtax, levy, quota …) imposed by a government or union → one measure per
  authority, with the countries and companies of its clauses as what it hits.

Each fact is proposed once per article, as a record of the curated format, with the clause as evidence.
Partnerships and brands are read in :mod:`relations_partners`, deployments in :mod:`relations_deploy`, trade
measures in :mod:`relations_policy`, stakes and ownership in :mod:`relations_stakes`, investments and import flows
in :mod:`relations_invest`, the actor of a cue in :mod:`parsed_actors`, markets in :mod:`parsed_markets`; this
module reads the clause and sites.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.moved_production import MovedProductionRules
from nevkg.ingest.extract.parsed_actors import ClauseActors
from nevkg.ingest.extract.parsed_markets import SALES_NOUNS, ParsedMarkets
from nevkg.ingest.extract.plans import PlanRules, parsed_plan_status
from nevkg.ingest.extract.relations_actors import (
    _AND_NAME,
    _GOV,
    _ORG_NOUNS,
    _clause,
    _described_home,
    _describes_org,
    _is_home,
    _is_outside,
    _origin_phrase,
    _outside,
    is_destination,
    is_government,
)
from nevkg.ingest.extract.relations_deploy import DeployParseRules
from nevkg.ingest.extract.relations_funding import FundingRules
from nevkg.ingest.extract.relations_grid import GridRules
from nevkg.ingest.extract.relations_invest import InvestRules
from nevkg.ingest.extract.relations_kits import KitExportRules
from nevkg.ingest.extract.relations_loans import LoanRules
from nevkg.ingest.extract.relations_order_fleets import OrderFleetRules
from nevkg.ingest.extract.relations_orders import OrderRules
from nevkg.ingest.extract.relations_partners import PartnerParseRules
from nevkg.ingest.extract.relations_places import PlaceRules
from nevkg.ingest.extract.relations_policy import PolicyRules
from nevkg.ingest.extract.relations_role_nouns import RoleNounPartnerRules
from nevkg.ingest.extract.relations_sites import _POWER_PLANT
from nevkg.ingest.extract.relations_stakes import StakeRules
from nevkg.ingest.extract.relations_supply import SupplyRules
from nevkg.ingest.extract.relations_types import possessor_places, route_places
from nevkg.ingest.extract.spans import span_at, verb_of
from nevkg.ingest.extract.vocab import DESCRIBED_RE, NON_OPERATORS, SITE_NOUNS

#: words of a clause about a production site (nouns and verbs). Kept apart from vocab.SITE_NOUNS: a bare "site"
#: here would make the places a company only looked at ("looked at sites in A and B") its plants (two new sites
#: in the review files)
_SITE = {"plant", "factory", "facility", "assembly", "assemble", "manufacture", "manufacturing", "production",
         "produce", "build", "complex"}
#: a plant named with the one that runs it ("a plant run by its partner X")
_RUN_BY = re.compile(r"\b(?:plant|factory|facility|line)\s+(?:run|operated|owned|managed)\s+by\s+(?:its\s+|their\s+|"
                     r"the\s+)?", re.I)
#: what a site verb must make for the clause to be about a site ("build cars", not "build charging stations")
_MADE = {"car", "vehicle", "ev", "nev", "model", "suv", "sedan", "unit", "plant", "factory", "facility", "battery",
         "pickup", "truck", "bus", "van", "hatchback", "crossover", "robotaxi", "cell", "kit", "line", "motorcycle",
         "motorbike", "scooter", "tricycle", "wheeler", "coach", "minibus", "lorry"}
_MARKET = {"sell", "sale", "launch", "export", "enter", "entry", "market", "available", "deliver", "dealer",
           "dealership", "showroom", "expand", "expansion", "ship", "introduce", "debut", "arrive", "distribute",
           "retail", "presence", "distributor", "importer", "outlet", "supply", "lease"}
_PARTNER = {"partner", "partnership", "agreement", "deal", "venture", "alliance", "cooperation", "cooperate",
            "collaborate", "collaboration", "tie", "team", "contract", "dealer", "retailer", "distributor",
            "franchise", "memorandum", "mou", "jv", "importer", "pilot", "trial"}
_DEPLOY = {"robotaxi", "robotaxis", "driverless", "autonomous", "self", "deploy", "deployment", "permit",
           "fleet", "testing", "test", "ride", "trial", "pilot", "shuttle"}
_SPECIFIC = {"district": 0, "port": 0, "city": 1, None: 1, "province": 2, "state": 2,
             "special-administrative-region": 2, "country": 3, "region": 4, "economic-union": 4}
#: a place that goods go to or pass through ("shipped through the port of X"), not where they are made
_EXPORT_TO = re.compile(r"\b(?:(?:export\w*|ship\w*|sales?|sell\w*|sold|deliver\w*)\s+(?:[\w\-]+\s+){0,2}?(?:to|into)|"
                        r"through|via)\s+(?:the\s+)?(?:port\s+of\s+)?$", re.I)
_PRONOUNS = {"it", "its", "they", "their", "company", "firm", "automaker", "carmaker", "group", "manufacturer"}


#: "A, the US ride-hailing company, and Chinese robotaxi firm B": two names, the first described in apposition
_APPOSED_AND = re.compile(r",\s+(?:an?|the|its)\s+[^,;()]{1,60},\s+and\s+(?:(?:[A-Z][a-z]+|[a-z][\w\-]*)\s+){0,4}")


#: verbs of making goods: a relative clause on what is sold that says where it is made names no market
_MADE_VERBS = {"assemble", "build", "make", "produce", "manufacture"}


class ParsedRelations(ClauseActors, PartnerParseRules, RoleNounPartnerRules, DeployParseRules, PlaceRules, PolicyRules,
                      StakeRules, InvestRules, FundingRules, LoanRules, GridRules, PlanRules, MovedProductionRules,
                      OrderRules, OrderFleetRules, KitExportRules, SupplyRules, ParsedMarkets):
    """Relations read from each sentence's parse (a mixin of the extractor)."""

    def parse_relations(self, s: int, e: int) -> None:
        if self.doc is None:
            return
        sent = span_at(self.doc, s, e)
        if sent is None:
            return
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        named = [m for m in self.mentions_in(s, e, ("organizations",)) if not m.compiler]
        orgs = [m for m in self.orgs_in(s, e) if not m.compiler]  # with "it", "the company" …
        places = self.mentions_in(s, e, ("places",))
        if not places and "here" in lemmas and getattr(self.ents, "dateline", None) is not None:
            places = [self.ents.dateline]
        self.measures(s, sent, lemmas, named, places)
        self.org_places(sent, self.mentions_in(s, e, ("organizations",)), places)  # a source too ("… it said")
        self.invest_relations(sent, orgs)
        self.moved_production(sent, orgs, places)
        self.funding_rounds(sent, orgs)
        self.share_purchases(sent, orgs)
        self.raised_from(sent, orgs)
        self.backers(sent, orgs)
        if not orgs and self.last_org is None:
            return
        self.stakes(sent, orgs)
        self.venture_backer(sent, orgs)
        self.services(sent, orgs)
        self.parts_suppliers(sent, orgs)
        self.supply_partners(sent, orgs)
        self.order_partners(sent, orgs)
        self.order_fleets(sent, places)
        self.loan_partners(sent, orgs)
        self.grid_partners(sent, orgs)
        self.kit_exports(sent, orgs)
        self.copula_partners(sent, orgs)
        self.picked_partners(sent, orgs)
        self.weighed_sites(sent, orgs, places)
        self.plan_followup(s, e)
        self.service_expansions(sent, orgs, places)
        self.adjective_launches(sent, orgs)
        cues = [t for t in sent if (t.lemma_.lower() in _SITE | _MARKET | _PARTNER | _DEPLOY or t.lower_ == "brands"
                                    or t.lemma_.lower() == "brand")
                and not (t.lemma_.lower() == "ship" and t.pos_ != "VERB" and any(
                    c.dep_ in {"det", "nummod", "amod", "poss"} for c in t.children))
                and not (t.lemma_.lower() == "lease" and t.pos_ != "VERB")
                and not (t.lower_ == "presence" and t.head.lower_ == "in")
                and not (t.lemma_.lower() == "delivery" and t.head.lower_ == "for")]
        # ("will lease cars to fleets in X" sells there; "the lithium leases in X" are titles to land; "signed in
        # X in the presence of the minister" is no presence in a market, nor "bikes for deliveries in X" a delivery)
        # (a ship is a vessel: "its fourth car carrier, a 7,000-vehicle ship built by X in Y" ships nothing to Y)
        # ("manufacturing giant X" names no site; nor does a word of a company's name, "X Italia Manufacturing")
        for cue in (c for c in cues if not _describes_org(c) and self._mention_of(c, anaphors=False) is None):
            lem = cue.lemma_.lower()
            actor = self._actor(cue, orgs)
            if actor is None and lem in _SITE and places:
                maker = self._made_model_maker(cue)  # "to assign production of the X to Y": X's maker
                if maker is not None:
                    self._site(cue, maker, places, kind="production-project")
            if actor is None and lem in _SITE and places:  # "options weighed were plants in A and B": whose
                actor = self.plan_actor(cue, parsed_plan_status(cue))
            if actor is None and lem == "permit" and places:  # "…expands X's testing portfolio, building on
                actor = self._sole_owner(cue.sent, orgs)  # permits in A and B": the one company whose it is
            if actor is None and lem in {"venture", "jv"} and (self._named_venture(cue, None, orgs) or
                                                                self._venture_of_owners(cue, self._venture_owners(
                                                                    cue, orgs))):
                continue  # "by X, a joint venture in which A holds 60%", "they set up a venture in which A holds
                # 51% and B 49%"
            if actor is None:
                continue
            if lem in {"brand"}:
                owner = self._owner(cue, orgs)
                if owner is not None:
                    self._brands(cue, owner, orgs)
            if lem in _PARTNER and self.anaphor_at(cue.idx) is None:  # "the venture" names one again
                self._partners(cue, actor, orgs)
            if lem in _SITE:
                self._client(cue, actor, orgs)
            if lem in _SITE and places:
                self._site(cue, actor, places)
            if lem in _MARKET and places:
                self._markets(cue, actor, places)
            if lem in _DEPLOY and places and not (lem == "fleet" and cue.dep_ == "compound"):
                self._deploy(cue, actor, orgs, places)  # ("lease cars to fleet operators": customers, no fleet)
        self.prune_coarse_sites()
        self.narrow_deployments()
        self.same_team_deployments()
        self.nested_deployments()
        self.deployment_partnerships()
        pair = [(a, b) for a in orgs for b in orgs if a.end < b.start and a.id != b.id
                and (_AND_NAME.fullmatch(self.text[a.end:b.start]) or _APPOSED_AND.fullmatch(self.text[a.end:b.start]))]
        if pair:
            self._last_group = list(pair[0])  # "A and B …": "they" or "the companies" next means both
        else:  # "A, a Chinese carmaker, and B, a taxi operator, announced …": the subject's coordinated names
            subj = [[m for c in v.children if c.dep_ in {"nsubj", "nsubjpass"} for t in [c, *c.conjuncts]
                     if (m := self._mention_of(t, anaphors=False)) is not None]
                    for v in sent if v.pos_ in {"VERB", "AUX"}]
            group = next((g for g in subj if len({m.id for m in g}) >= 2), None) or self._dealt_pair(sent, orgs)
            if group is not None:  # (or the two of a stake or a partnership told here: "X has acquired 20% of
                self._last_group = group  # Y. Together, the two companies will …")

    def _dealt_pair(self, sent: Any, orgs: list[Mention]) -> list[Mention] | None:
        """The two companies of the last stake or partnership proposed from ``sent``, as named there."""
        s, e = sent.start_char, sent.end_char
        for c in reversed(self.candidates):
            if c.file in {"investments", "partnerships"} and any(s <= a < e for a, _ in c.spans):
                ids = c.record["partners"] if c.file == "partnerships" else [c.record["investor"],
                                                                              c.record.get("investee")]
                named = [next((o for o in orgs if o.id == i), None) for i in ids]
                if len(named) == 2 and all(named):
                    return named
        return None

    def _clause_places(self, cue: Any, places: list[Mention], actor: Mention) -> list[Mention]:
        head = verb_of(cue)
        clause = _clause(head)
        subject = {d.i for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} for d in c.subtree}
        goods = {d.i for c in head.children if c.dep_ == "dobj" for d in c.subtree}
        for t in head.subtree:  # "X, whose cars Y sells in Z, will open …": Z is not where the cue happens; nor is
            # where the goods are made ("sells three models, including the K5, which is assembled … in Z")
            if t.dep_ in {"relcl", "acl"} and (t.head.i in subject - {cue.i} or t.head.i in goods and t.lemma_.lower()
                                                in _MADE_VERBS) and cue.i not in {d.i for d in t.subtree}:
                clause -= {d.i for d in t.subtree}
            elif t.dep_ == "relcl" and cue.i not in {d.i for d in t.subtree} and (
                    t.head.lemma_.lower() in _ORG_NOUNS or self._org_token(t.head, actor)):
                clause -= {d.i for d in t.subtree}  # "… with Y, a dealer group that runs showrooms in Z": Y's
        home = self._country_of(actor) if actor is not None else None
        out: list[Mention] = []
        left: list[Mention] = []  # (the places left out: a container said of one of them is left out too)
        for p in places:
            span = span_at(self.doc, p.start, p.end)
            if any(re.fullmatch(r",\s+in\s+(?:the\s+)?", self.text[q.end:p.start]) or re.fullmatch(
                    r",\s+", self.text[q.end:p.start]) and p.id in self._containers(q.id) for q in left):
                left.append(p)  # "an importer from Rafaela, in Santa Fe Province": the origin's province
                continue
            if span is None or span.root.i not in clause or p.id == home or self.ents.in_dateline(p):
                left.append(p)
                continue  # (the city and country a story was filed from are not where the actor acts)
            prev = self.doc[span.start - 1] if span.start > 0 else None
            lead = span.root  # (the first of coordinated places: "shipped from Brazil and Japan")
            while lead.dep_ == "conj" and lead.head.i < lead.i:
                lead = lead.head
            if prev is not None and prev.lower_ == "with" and (prev.head.lemma_.lower() in {"start", "begin"} or any(
                    c.dep_ == "prep" and c.lower_ == "as" and c.i > lead.i and any(
                        g.lemma_.lower() in {"market", "destination"} for g in c.children)
                    for c in [*lead.children, *prev.head.children])):
                prev = None  # "22 showrooms, starting with A, B and C", "with A, B and C as its main markets": a
                # list, not a companion
            elif lead is not span.root and lead.dep_ == "pobj" and lead.head.lower_ == "from":
                prev = lead.head
            market = p.rule.startswith("demonym") and span.root.head.lemma_.lower() in SALES_NOUNS  # "Indian market"
            if prev is not None and prev.lower_ in {"from", "with"} or p.rule.startswith("demonym") and not market or \
                    _is_home(self.text, p) or _described_home(span) or _origin_phrase(span) or _outside(span) or \
                    self.aside_place(p) or span.root.dep_ == "appos" and self._mention_of(span.root.head) is not None:
                # (nor a company's seat in apposition to its name: "X GmbH, Hilden, has signed …")
                left.append(p)
                continue  # an origin, a companion ("entered it with X"), or an adjective ("Chinese carmaker") is not
                # where the actor goes
            out.append(p)
        out = [p for p in out if not self._country_of_city(p, out)]  # "in Lyon, France": Lyon
        if head.dep_ == "relcl" and any(c.lower_ == "where" for c in head.children):
            # "… in X, where A operates a fleet": the place the relative clause hangs on is where A acts
            out += [p for p in places if p not in out and (span := span_at(self.doc, p.start, p.end)) is not None
                    and (span.root.i == head.head.i or span.root.dep_ == "compound" and span.root.head.i ==
                         head.head.i)]  # (also "X region, where …")
        dateline = getattr(self.ents, "dateline", None)
        if not out and dateline is not None and any(t.lower_ == "here" and t.i in clause for t in cue.sent):
            out.append(dateline)  # "opened a plant here", under a dateline
        return out

    def _org_token(self, tok: Any, actor: Mention | None) -> bool:
        """Whether a token lies in the name of an organisation other than the actor."""
        return any(m.start <= tok.idx < m.end and (actor is None or m.id != actor.id)
                   for m in self.mentions_in(tok.sent.start_char, tok.sent.end_char, ("organizations",)))

    def _made_model_maker(self, cue: Any) -> Mention | None:
        """The maker of the vehicle model a site cue makes ("produce the X", "production of the X")."""
        objs = [c for c in cue.children if c.dep_ in {"dobj", "nsubjpass"}] + \
            [p for c in cue.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        for tok in (t for o in objs for t in o.subtree):
            model = self._mention_of(tok, ("vehicle_models",))
            if model is None:
                continue
            # the model's full name elsewhere in the article ("the X" and "Maker X") names the maker too
            fuller = [m for m in self.ents.mentions if m.file == "vehicle_models" and m.text.endswith(" " + model.text)]
            for m in [model, *fuller]:
                maker = self._maker_of(m)
                if maker is not None and maker.file == "organizations":
                    return maker
        return None

    def _site_runner(self, cue: Any, place: Mention) -> Mention | None:
        """The organisation that runs the plant a site verb names, when the text says so between the cue and the
        plant's place ("assembling cars at a plant run by its Cambodian partner B in X": B's plant)."""
        m = _RUN_BY.search(self.text, cue.idx, place.start)
        return next((o for o in self.mentions_in(m.end(), place.start, ("organizations",)) if re.fullmatch(
            rf"{DESCRIBED_RE}", self.text[m.end():o.start])), None) if m is not None else None

    def _site(self, cue: Any, actor: Mention, places: list[Mention], kind: str = "factory") -> None:
        if is_government(actor) or (self.ents.new.get(actor.id, {}).get("kind") or "") in _GOV | NON_OPERATORS or \
                cue.dep_ == "pobj" and cue.head.dep_ == "agent":  # ("X is not affected by the plant in Y")
            return  # "the ministry announced a plant in X": a government runs no plant (it approves, announces)
        if cue.pos_ == "NOUN" and any(c.dep_ in {"amod", "compound"} and _POWER_PLANT.search(c.text + " ")
                                      for c in cue.children):
            return  # "its hydroelectric plants in X": a power plant, not a vehicle site
        noun = cue
        while noun.dep_ == "compound" and noun.head.i != noun.i:
            noun = noun.head
        if cue.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "NOUN" and c.tag_ == "NNS"
                                      and self._mention_of(c) is None for c in noun.children):
            return  # "supply cells to Chinese carmakers' assembly operations in Brazil": others' sites, unnamed
        if cue.pos_ == "VERB":
            made = [c for c in cue.children if c.dep_ in {"dobj", "nsubjpass"}]
            built = next((a for a in [cue.head, *cue.head.ancestors] if a.lemma_.lower() in SITE_NOUNS), None) \
                if cue.dep_ == "relcl" and any(c.lower_ in {"which", "that"} for c in made) else None
            if built is not None:  # "a plant at the X Park in Y, which A and B will build": the plant's places,
                subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)  # each builder's site
                builders = [m for c in ([subj, *subj.conjuncts] if subj is not None else [])
                            if (m := self._mention_of(c)) is not None]
                for who in builders or [actor]:
                    self._site(built, who, places, kind)
                return None
            if not any(c.lemma_.lower() in _MADE or self._mention_of(c, ("vehicle_models",)) for c in made):
                return  # "building charging stations" is not a site
        where = [p for p in self._clause_places(cue, places, actor) if not _EXPORT_TO.search(
            self.text[max(0, p.start - 40):p.start]) and not _is_outside(self.text, p)  # "for export to X"
                 and not self._goes_to(p)]  # "the plant will supply X", "cars for X"
        where = [p for p in where if not self._origin_of_org(p)  # "South Korea's X and Y will build …"
                 and self.ents.kind_of(p.id) != "road"]  # ("a plant beside the BR-376 highway": a road is no site)
        where = self._own_places(cue, where, actor)
        where = possessor_places(cue, where, self.doc)  # ("the plant's output to A, B and C": where it goes)
        where = route_places(where, self.doc)  # ("from the plant for its routes from A to B": where they run)
        if not where:
            return
        actor = self._site_runner(cue, where[0]) or actor  # "assembling cars at a plant run by its partner B in X"
        inner = [p for p in where if not any(q.id != p.id and p.id in self._containers(q.id) for q in where)]
        place = min(inner or where, key=lambda p: _SPECIFIC.get(p.kind, 1))  # the most specific: none inside it
        status = parsed_plan_status(cue)  # weighed, put off or given up: every place the plan lists
        if status is not None:
            return self.plan_sites(cue, actor, where, place, status)
        for p in self.listed_places(place, where):  # "plants in Russia and Thailand": one site each
            if not self.known_site(actor, p):  # else proposed already (its place narrowed to this one)
                rec = {"label": f"{self.label(actor.id)} {'production' if kind != 'factory' else 'site'} in "
                                f"{self.label(p.id)}", "kind": kind, "operator": [actor.id], "place": p.id}
                self.add("sites", {"id": self.cid(f"{actor.id}-plant-{p.id}"), **rec}, 0.5,
                         [(actor.start, actor.end), (cue.idx, cue.idx + len(cue.text)), (p.start, p.end)],
                         f"parse:site:{cue.lemma_.lower()}")
            self._made_for(cue, actor, p)

    def _goes_to(self, place: Mention) -> bool:
        """Whether the parse names ``place`` as where goods go (:func:`is_destination`), never a site."""
        if self.doc is None:
            return False
        span = span_at(self.doc, place.start, place.end)
        return span is not None and is_destination(span.root)

    def _made_for(self, cue: Any, actor: Mention, place: Mention) -> None:
        """"X builds Y's cars in Z", "X makes the Y A6 for Y": Y's production is in Z too, and X and Y work
        together (contract manufacturing)."""
        verb = cue if cue.pos_ == "VERB" else cue.head
        listed = {d.i for t in cue.subtree if t.i != cue.i and t.dep_ in {"conj", "appos"} and t.lemma_.lower() in
                  SITE_NOUNS for d in t.subtree} if cue is not verb else set()  # ("supply A's plant in Z, B's
        toks = [t for c in verb.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in {"for", "with"}
                for t in c.subtree if t.i not in listed]  # factory in Y": the sites listed with A's are theirs)
        # (not "unlike Y, X has a plant in Z")
        others: list[Mention] = []
        for t in toks:
            m = self._mention_of(t) or self._mention_of(t, ("vehicle_models",))
            if m is not None and m.file == "vehicle_models":
                maker = self._maker_of(m)
                m = maker if maker is not None and maker.file == "organizations" else None
            if m is not None and m.id != actor.id and m not in others:
                others.append(m)
        for o in others:
            if any(c.file == "sites" and o.id in c.record.get("operator", []) and c.record.get("place") == place.id
                   for c in self.candidates):
                continue
            rid = self.cid(f"{o.id}-production-{place.id}")
            rec = {"label": f"{self.label(o.id)} production in {self.label(place.id)}",
                   "kind": "production-project", "operator": [o.id], "place": place.id}
            self.add("sites", {"id": rid, **rec}, 0.45, [(o.start, o.end), (place.start, place.end)],
                     "parse:site:made-for")
            if self._new_partnership(actor.id, o.id, "cooperation"):
                self.add("partnerships", {"id": self.cid(f"{actor.id}-{o.id}-cooperation"),
                                          "label": f"{self.label(actor.id)} builds for {self.label(o.id)}",
                                          "kind": "cooperation", "partners": [actor.id, o.id]}, 0.45,
                         [(actor.start, actor.end), (o.start, o.end)], "parse:partner:made-for")
