"""Qualified facts (n-ary nodes): roles, production sites, partnerships, market presence, investments,
deployments and statements, with the targets partnerships and deployments set."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from nevkg.loaders.records.base import (
    PartialDate,
    Record,
    check_date,
    check_figure,
    concept,
    lit,
    rel,
)

__all__ = ["Role", "Target", "ProductionSite", "Partnership", "MarketPresence", "Investment", "Deployment",
           "Statement"]


class Role(Record):
    """A dated role: a person holds a title in an organisation (a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Role",)
    FACT: ClassVar[bool] = True
    person: str = rel("nev:person", "people", description="Who holds the role.")
    organization: str = rel("nev:organization", "organizations", description="Where the role is held.")
    title: str = lit("nev:title", description="Title as given by the source, in English.")
    start: PartialDate | None = lit("nev:startDate", description="When the role began, if stated.", default=None)
    end: PartialDate | None = lit("nev:endDate", description="When it ended, if stated.", default=None)
    as_of: PartialDate | None = lit("nev:asOf", description="A date at which the source attests the role.",
                                    default=None)

    _dates = field_validator("start", "end", "as_of", mode="before")(check_date)


class Target(BaseModel):
    """A goal attached to a partnership, plan or deployment: a value to reach by a date."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    #: a nested record declares how its node is typed and labelled (the loader has no per-kind code)
    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Target",)
    NOUN: ClassVar[str] = "target"
    measure: str = rel("nev:measure", "concepts", description="What is counted (a measure concept).")
    value: Decimal = lit("nev:value", description="The figure to reach.")
    unit: str = rel("nev:unit", "concepts", description="Unit concept.")
    bound: Literal["lower", "upper"] | None = lit("nev:bound", default=None,
                                                  description="'lower' for 'at least', 'upper' for 'at most'.")
    by: PartialDate | None = lit("nev:targetDate", default=None, description="When it is to be reached.")
    places: list[str] = rel("nev:place", "places", default_factory=list, description="Where it applies.")

    _date = field_validator("by", mode="before")(check_date)
    _figures = field_validator("*", mode="after")(check_figure)


class ProductionSite(Record):
    """A factory, plant, production project or knock-down assembly operation."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:ProductionSite",)
    FACT: ClassVar[bool] = True
    kind: Literal["factory", "plant", "production-project", "knock-down-assembly", "parts-factory",
                  "production-base"] = concept("nev:siteKind", "site-", description="What sort of site.")
    operator: list[str] = rel("nev:operator", "organizations", min_length=1,
                              description="Who runs it (several for a joint plant).")
    previous_operator: list[str] = rel("nev:previousOperator", "organizations", default_factory=list,
                                       description="Who ran the site before it changed hands (a plant taken over).")
    place: str | None = rel("nev:place", "places", default=None, description="Where it is.")
    status: Literal["planned", "announced", "under-construction", "launched", "operating", "closing",
                    "expanding", "considered", "postponed", "dropped"] | None = concept(
        "nev:status", "status-", default=None,
        description="Status as stated by the source (considered: one of the places a company weighs; dropped: "
                    "a plan given up or ruled out).")
    start: PartialDate | None = lit("nev:startDate", default=None, description="When production or work began.")
    announced_on: PartialDate | None = lit("nev:announcedOn", default=None, description="When it was announced.")
    products: list[str] = rel("nev:produces", "vehicle_models", default_factory=list,
                              description="Vehicle models made there.")

    _dates = field_validator("start", "announced_on", mode="before")(check_date)


class Partnership(Record):
    """A joint venture, cooperation or alliance between two or more parties, or a supply of parts (a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Partnership",)
    FACT: ClassVar[bool] = True
    kind: Literal["joint-venture", "strategic-cooperation", "cooperation", "alliance", "brand-ownership",
                  "supply"] = concept("nev:partnershipKind", "", description="What sort of partnership.")
    partners: list[str] = rel("nev:partner", "organizations", "places", min_length=2,
                              description="The parties (at least two).")
    majority_partner: str | None = rel("nev:majorityPartner", "organizations", default=None,
                                       description="Partner with the majority stake, if stated.")
    supplier: str | None = rel("nev:supplier", "organizations", default=None,
                               description="In a supply partnership, the partner that supplies parts or materials "
                                           "to the others.")
    company: str | None = rel("nev:ventureCompany", "organizations", default=None,
                              description="The joint-venture company the partners set up, if named (its parent is "
                                          "the majority partner; the others hold minority stakes in it).")
    markets: list[str] = rel("nev:market", "places", default_factory=list, description="Markets it covers.")
    site: str | None = rel("nev:atSite", "sites", default=None, description="Production site it runs.")
    announced_on: PartialDate | None = lit("nev:announcedOn", default=None, description="When it was announced.")
    start: PartialDate | None = lit("nev:startDate", default=None, description="When it began.")
    end: PartialDate | None = lit("nev:endDate", default=None, description="When it ended.")
    targets: list[Target] = Field(default_factory=list, description="Goals the partners set.",
                                  json_schema_extra={"rdf": "nev:hasTarget"})

    _dates = field_validator("announced_on", "start", "end", mode="before")(check_date)

    @model_validator(mode="after")
    def _supplier(self) -> Partnership:
        if (self.kind == "supply") != (self.supplier is not None):
            raise ValueError("a 'supply' partnership names its 'supplier', and only a supply names one")
        if self.supplier is not None and self.supplier not in self.partners:
            raise ValueError(f"the supplier '{self.supplier}' must be one of the 'partners'")
        return self


class MarketPresence(Record):
    """An exporter's presence in a market: exports to, deliveries in, entry into, exit from (a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:MarketPresence",)
    FACT: ClassVar[bool] = True
    exporter: str = rel("nev:exporter", "organizations", "places", description="Company, or country/city exporting.")
    market: str = rel("nev:market", "places", description="The market (a country, region or city).")
    activity: Literal["exports-to", "delivers-to", "opened-deliveries", "entered", "sells-in", "core-market",
                      "key-destination", "distribution-network", "targets-market", "exited"] = concept(
        "nev:activity", "activity-", description="How it is present.")
    start: PartialDate | None = lit("nev:startDate", default=None, description="Start of the period stated.")
    end: PartialDate | None = lit("nev:endDate", default=None, description="End of the period stated.")
    period_inferred: bool = lit("nev:periodInferred", default=False,
                                description="True when the period was resolved from 'this year' etc.")
    products: list[str] = rel("nev:product", "vehicle_models", "concepts", default_factory=list,
                              description="Models or product scopes concerned.")

    _dates = field_validator("start", "end", mode="before")(check_date)


class Investment(Record):
    """An investment by a company (or a state) in a place or in another organisation, with its amount where
    stated (a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Investment",)
    FACT: ClassVar[bool] = True
    investor: str = rel("nev:investor", "organizations", "places", description="Who invests.")
    place: str | None = rel("nev:place", "places", default=None, description="Where the money goes.")
    investee: str | None = rel("nev:investee", "organizations", default=None,
                               description="The organisation invested in (a carmaker, a venture).")
    amount: Decimal | None = lit("nev:amount", default=None,
                                 description="How much, written out (2 billion → 2000000000).")
    currency: str | None = rel("nev:unit", "concepts", default=None, description="Currency concept of the amount.")
    amount_bound: Literal["lower", "upper"] | None = lit("nev:bound", default=None,
                                                          description="'lower' for more than, 'upper' for up to.")
    approximate: bool = lit("nev:approximate", default=False, description="True for about/nearly/around.")
    status: Literal["planned", "announced", "in-progress"] | None = concept(
        "nev:status", "status-", default=None, description="Planned (will invest, pledged), announced, in progress.")
    announced_on: PartialDate | None = lit("nev:announcedOn", default=None, description="When it was announced.")
    date_inferred: bool = lit("nev:dateInferred", default=False, description="True when the date is inferred.")

    _dates = field_validator("announced_on", mode="before")(check_date)

    @model_validator(mode="after")
    def _where(self) -> Investment:
        if self.place is None and self.investee is None:
            raise ValueError("an investment needs a 'place' or an 'investee' (where or in whom the money goes)")
        if self.amount is not None and self.currency is None:
            raise ValueError("an investment amount needs its 'currency' (a unit concept such as usd)")
        return self


class Deployment(Record):
    """A robotaxi fleet or service, a charging network, stores or service centres, or a customer's fleet of
    vehicles in service (a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Deployment",)
    FACT: ClassVar[bool] = True
    kind: Literal["robotaxi-fleet", "robotaxi-service", "charging-network", "store-network", "sales-service-centre",
                  "delivery-centre", "vehicle-fleet"] = concept("nev:deploymentKind", "deployment-",
                                                                description="What is deployed.")
    operator: str = rel("nev:operator", "organizations", description="Who runs it.")
    partners: list[str] = rel("nev:partner", "organizations", default_factory=list, description="Who it is run with.")
    places: list[str] = rel("nev:place", "places", default_factory=list, description="Where it is.")
    count: Decimal | None = lit("nev:count", default=None, description="How many (vehicles, countries, stores).")
    count_unit: str | None = rel("nev:unit", "concepts", default=None, description="What the count counts.")
    count_bound: Literal["lower", "upper"] | None = lit("nev:bound", default=None,
                                                         description="'lower' for 'more than'.")
    status: Literal["planned", "operating", "launched", "in-progress", "opened"] | None = concept(
        "nev:status", "status-", default=None, description="Status as stated.")
    date: PartialDate | None = lit("nev:asOf", default=None, description="When the figure or status held.")
    start: PartialDate | None = lit("nev:startDate", default=None, description="When it began.")
    date_inferred: bool = lit("nev:dateInferred", default=False, description="True when resolved from 'this year'.")
    targets: list[Target] = Field(default_factory=list, description="Goals for the deployment.",
                                  json_schema_extra={"rdf": "nev:hasTarget"})

    _dates = field_validator("date", "start", mode="before")(check_date)


class Statement(Record):
    """A proposal, claim, forecast or plan voiced by a person or organisation (a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Statement",)
    FACT: ClassVar[bool] = True
    kind: Literal["proposal", "claim", "forecast", "plan", "analysis", "warning", "announcement"] = concept(
        "nev:statementKind", "statement-", description="What sort of statement.")
    speaker: str = rel("nev:speaker", "people", "organizations", description="Who said it.")
    role: str | None = rel("nev:inRole", "roles", default=None, description="The role the speaker spoke in.")
    date: PartialDate | None = lit("nev:statedOn", default=None, description="When it was said.")
    date_inferred: bool = lit("nev:dateInferred", default=False, description="True when the date is inferred.")
    topic: str = lit("nev:topic", description="What it is about, in a few of our own words.")
    about: list[str] = rel("nev:about", default_factory=list, description="Things the statement concerns.")

    _dates = field_validator("date", mode="before")(check_date)
