"""The rules and plans of markets: policies, company plans, duty rates and market profiles."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from nevkg.loaders.records.base import (
    PartialDate,
    Record,
    check_date,
    concept,
    lit,
    rel,
)

__all__ = ["Policy", "Plan", "DutyRate", "MarketProfile"]


class Policy(Record):
    """A policy, plan, tax change, support measure, regulation or trade measure (a fact node).

    A trade measure says whose goods it targets (``origins``; none: goods of every origin), which products
    (``product_codes``), in which direction of trade (``trade_flow``), and its dates: issued, in force
    (``start``/``end``) and, while still proposed, ``expected_on``. Its rates are :class:`DutyRate`
    records that point back at it.
    """

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Policy",)
    KIND_CLASSES: ClassVar[dict[str, str]] = {
        "trade-measure": "nev:TradeMeasure", "price-undertaking": "nev:TradeMeasure",
        "trade-arrangement": "nev:TradeMeasure"}
    FACT: ClassVar[bool] = True
    kind: Literal["action-plan", "industrial-plan", "tax-change", "support-measure", "trade-measure",
                  "regulation", "licence", "pilot-programme", "price-undertaking",
                  "trade-arrangement"] = concept(
        "nev:policyKind", "policy-", description="What sort of policy.")
    issuer: str | None = rel("nev:issuer", "organizations", "places", default=None, description="Who issued it.")
    jurisdiction: str | None = rel("nev:jurisdiction", "places", default=None, description="Where it applies.")
    implementers: list[str] = rel("nev:implementer", "organizations", default_factory=list,
                                  description="Other authorities that issue it jointly with the issuer or carry it "
                                              "out (a customs administration that enforces a licence rule).")
    status: Literal["proposed", "formulating", "adopted", "in-force", "suspended", "expired", "announced"] = concept(
        "nev:lifecycle", "lifecycle-", description="Lifecycle state as stated by the source.")
    issued_on: PartialDate | None = lit("nev:issuedOn", default=None, description="When it was issued.")
    start: PartialDate | None = lit("nev:startDate", default=None, description="Start of its period in force.")
    end: PartialDate | None = lit("nev:endDate", default=None, description="End of its period in force.")
    expected_on: PartialDate | None = lit("nev:expectedOn", default=None,
                                          description="When it is expected to take effect, while not yet in force.")
    targets: list[str] = rel("nev:targets", default_factory=list,
                             description="What it targets: organisations, places, product scopes.")
    trade_flow: Literal["imports", "exports", "domestic"] | None = concept(
        "nev:tradeFlow", "flow-", default=None,
        description="For measures: whether it bears on imports into, exports from, or sales within the jurisdiction.")
    origins: list[str] = rel("nev:origin", "places", default_factory=list,
                             description="Places whose goods it targets (empty: goods of every origin).")
    product_codes: list[str] = rel("nev:productCode", "concepts", default_factory=list,
                                   description="Product codes (HS, CN/TARIC, Chinese customs codes) it covers.")
    quota: Decimal | None = lit("nev:quota", default=None, ge=0,
                                description="Vehicles a year admitted under the measure's terms, if it sets a quota.")
    amends: list[str] = rel("nev:amends", "policies", default_factory=list,
                            description="Policies this one amends (they stay in force as amended).")
    replaces: list[str] = rel("nev:replaces", "policies", default_factory=list,
                              description="Policies this one replaces or supersedes.")

    _dates = field_validator("issued_on", "start", "end", "expected_on", mode="before")(check_date)

    @model_validator(mode="after")
    def _measure_has_jurisdiction(self) -> Policy:
        if (self.trade_flow or self.kind in self.KIND_CLASSES) and not self.jurisdiction:
            raise ValueError("a trade measure needs a jurisdiction: the place where it applies")
        return self


class Plan(Record):
    """A company's market plan or a lawmaker's policy proposal: not legislation, so not a :class:`Policy`
    (a fact node of its own class)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Plan",)
    KIND_CLASSES: ClassVar[dict[str, str]] = {
        "corporate-plan": "nev:CorporatePlan", "policy-proposal": "nev:PolicyProposal"}
    FACT: ClassVar[bool] = True
    kind: Literal["corporate-plan", "policy-proposal"] = Field(
        description="A company's own plan, or a proposal for a policy put by a lawmaker or delegate.")
    author: str | None = rel("nev:author", "organizations", "people", default=None,
                             description="The company that launched the plan, or who proposed the policy.")
    markets: list[str] = rel("nev:market", "places", default_factory=list,
                             description="Markets a corporate plan is for.")
    places: list[str] = rel("nev:place", "places", default_factory=list,
                            description="Where a proposed policy would apply.")
    status: Literal["proposed", "launched"] = concept("nev:planStatus", "plan-",
                                                      description="Proposed, or launched by its author.")
    announced_on: PartialDate | None = lit("nev:announcedOn", default=None,
                                           description="When it was launched or proposed.")
    policy_kind: Literal["regulation", "pilot-programme", "support-measure", "tax-change"] | None = concept(
        "nev:proposedPolicyKind", "policy-", default=None, description="For a proposal: the kind of policy proposed.")
    proposed_in: str | None = rel("nev:proposedIn", "statements", default=None,
                                  description="The statement in which it was proposed.")
    concerns: list[str] = rel("nev:concerns", default_factory=list,
                              description="What it is about: product scopes, sectors, companies.")

    _dates = field_validator("announced_on", mode="before")(check_date)


class DutyRate(Record):
    """One rate of a measure: a duty, surtax, tariff, tax or relief, for a company, a group or a powertrain,
    from a date (a fact node of its own, pointing at its measure with ``measure``)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:DutyRate",)
    FACT: ClassVar[bool] = True
    measure: str = rel("nev:rateOf", "policies", description="The measure (a policy record) the rate belongs to.")
    kind: Literal["countervailing", "mfn", "surtax", "additional", "import-tax", "section-301", "tariff",
                  "in-quota", "undertaking", "tax-relief"] = concept(
        "nev:rateKind", "rate-", description="What sort of rate (countervailing duty, MFN duty, surtax …).")
    rate_pct: Decimal = lit("nev:ratePct", ge=0, le=1000,
                            description="The rate in percent of the customs value (0–1000).")
    bound: Literal["lower", "upper"] | None = lit("nev:bound", default=None,
                                                  description="'upper' for 'up to', 'lower' for 'at least'.")
    previous_pct: Decimal | None = lit("nev:previousRatePct", default=None, ge=0, le=1000,
                                       description="The rate it replaced, in percent, when the source states it.")
    applies_to: list[str] = rel("nev:appliesTo", "organizations", default_factory=list,
                                description="Companies the rate is specific to (empty: not company-specific).")
    applies_to_group: str | None = lit("nev:appliesToGroup", default=None,
                                       description="The group a residual rate covers, e.g. 'other cooperating'.")
    powertrain: Literal["bev", "phev", "hev"] | None = concept(
        "nev:ratePowertrain", "powertrain-", default=None, description="Powertrain the rate is for, if it differs.")
    product_codes: list[str] = rel("nev:productCode", "concepts", default_factory=list,
                                   description="Product codes the rate is for, when narrower than the measure's.")
    min_amount: Decimal | None = lit("nev:minimumAmount", default=None, ge=0,
                                     description="Least amount due per vehicle, if the rate has a floor.")
    max_amount: Decimal | None = lit("nev:maximumAmount", default=None, ge=0,
                                     description="Most relief or duty per vehicle, if the rate has a cap.")
    amount_unit: str | None = rel("nev:unit", "concepts", default=None,
                                  description="Currency of the floor or cap (a unit concept).")
    start: PartialDate | None = lit("nev:startDate", default=None,
                                    description="From when this rate applies, if not from the measure's start.")
    end: PartialDate | None = lit("nev:endDate", default=None, description="Until when this rate applies.")

    _dates = field_validator("start", "end", mode="before")(check_date)

    @model_validator(mode="after")
    def _amount_has_unit(self) -> DutyRate:
        if (self.min_amount is not None or self.max_amount is not None) and not self.amount_unit:
            raise ValueError("a floor or cap needs its currency in 'amount_unit'")
        return self


class MarketProfile(Record):
    """What is known about one market for Chinese NEV makers (a fact node about the place).

    Each group of facts names its own sources (``traffic_sources``, ``connector_sources``,
    ``local_rule_sources``, ``note_sources``); ``sources`` lists them all. Unknown stays empty: a profile
    never guesses a driving side or a connector no source gives. Measures are not copied here: they are the
    policy records whose jurisdiction contains the market (see :func:`nevkg.queries.profile.profile`).
    """

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:MarketProfile",)
    FACT: ClassVar[bool] = True
    #: field → the field listing the sources that state it (each source's graph gets only its own group)
    FIELD_SOURCES: ClassVar[dict[str, str]] = {
        "traffic": "traffic_sources", "right_hand_drive": "traffic_sources", "connectors": "connector_sources",
        "local_rules": "local_rule_sources", "local_rule_policies": "local_rule_sources",
        "climate_note": "note_sources", "road_note": "note_sources", "market_note": "note_sources"}
    market: str = rel("nev:profileOf", "places", description="The market (a country, region or territory).")
    traffic: Literal["left", "right"] | None = concept(
        "nev:trafficSide", "traffic-", default=None, description="Side of the road traffic keeps to.")
    right_hand_drive: Literal["needed", "not-needed"] | None = concept(
        "nev:rightHandDrive", "rhd-", default=None,
        description="Whether right-hand-drive models are needed (left-hand traffic).")
    traffic_sources: list[str] = rel("nev:trafficSideSource", "sources", default_factory=list,
                                     description="Sources of the driving side.")
    connectors: list[str] = rel("nev:chargingConnector", "concepts", default_factory=list,
                                description="Common passenger-car charging connectors (connector concepts).")
    connector_sources: list[str] = rel("nev:connectorSource", "sources", default_factory=list,
                                       description="Sources of the connector list.")
    local_rules: str | None = lit("nev:localContentRule", default=None,
                                  description="Local-content or local-production rules, in our own words.")
    local_rule_policies: list[str] = rel("nev:localContentPolicy", "policies", default_factory=list,
                                         description="The policy records that set those rules.")
    local_rule_sources: list[str] = rel("nev:localContentSource", "sources", default_factory=list,
                                        description="Sources of the local rules.")
    climate_note: str | None = lit("nev:climateNote", default=None,
                                   description="Climate conditions, only where a source states them.")
    road_note: str | None = lit("nev:roadNote", default=None,
                                description="Road or vehicle conditions, only where a source states them.")
    market_note: str | None = lit("nev:marketNote", default=None,
                                  description="Other market facts a source states (size, demands), in our words.")
    note_sources: list[str] = rel("nev:marketNoteSource", "sources", default_factory=list,
                                  description="Sources of the climate, road and market notes.")

    @model_validator(mode="after")
    def _consistent(self) -> MarketProfile:
        if self.traffic and self.right_hand_drive:
            expected = "needed" if self.traffic == "left" else "not-needed"
            if self.right_hand_drive != expected:
                raise ValueError(f"{self.traffic}-hand traffic means right_hand_drive is '{expected}'")
        for group, facts in (("traffic_sources", self.traffic), ("connector_sources", self.connectors),
                             ("local_rule_sources", self.local_rules or self.local_rule_policies),
                             ("note_sources", self.climate_note or self.road_note or self.market_note)):
            cited = getattr(self, group)
            if facts and not cited:
                raise ValueError(f"'{group}' must name the sources of these facts")
            if not set(cited) <= set(self.sources):
                raise ValueError(f"every id in '{group}' must also be in 'sources'")
        return self
