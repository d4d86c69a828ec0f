"""Statistics: the observation record (a figure with its measure, subject, period, unit and qualifiers)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import field_validator

from nevkg.loaders.records.base import (
    PartialDate,
    Record,
    check_date,
    concept,
    lit,
    rel,
)

__all__ = ["Observation"]


class Observation(Record):
    """A statistical figure: a measure of a subject over a period (``qb:Observation``, a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Observation",)
    FACT: ClassVar[bool] = True
    label: str | None = lit("rdfs:label", default=None,
                            description="Optional; generated from measure, subject and period when absent.")
    measure: str = rel("nev:measure", "concepts", description="What is measured (a measure concept).")
    subject: str = rel("nev:subject", "organizations", "places", "vehicle_models",
                       description="Whom or where the figure is about.")
    destination: str | None = rel("nev:destination", "places", default=None,
                                  description="Destination or market, for trade flows.")
    scope: str | None = rel("nev:productScope", "concepts", default=None,
                            description="Product scope: all vehicles, NEVs, EVs, passenger cars …")
    period_start: PartialDate = lit("nev:periodStart", description="First day (or month/year) of the period.")
    period_end: PartialDate = lit("nev:periodEnd", description="Last day (or month/year) of the period.")
    period_inferred: bool = lit("nev:periodInferred", default=False,
                                description="True when the period was resolved from 'last year' etc.")
    value: Decimal = lit("nev:value", description="The figure, written out (1.35 million → 1350000).")
    value_max: Decimal | None = lit("nev:valueMax", default=None, description="Upper end when a range is given.")
    unit: str = rel("nev:unit", "concepts", description="Unit concept (vehicles, CNY, USD, percent …).")
    bound: Literal["lower", "upper"] | None = lit("nev:bound", default=None,
                                                  description="'lower' for more than/over, 'upper' for less than.")
    approximate: bool = lit("nev:approximate", default=False, description="True for nearly/about/around.")
    yoy_change_pct: Decimal | None = lit("nev:yoyChangePct", default=None,
                                         description="Year-on-year change in percent, as reported.")
    yoy_bound: Literal["lower", "upper"] | None = lit("nev:yoyBound", default=None,
                                                      description="Qualifier of the reported change.")
    status: Literal["reported", "forecast", "target", "estimate", "preliminary"] = concept(
        "nev:observationStatus", "obs-", default="reported", description="Reported, forecast, target or estimate.")
    compiler: str | None = rel("nev:compiledBy", "organizations", default=None,
                               description="Who compiled the figure (CAAM, customs, a company).")
    rank: int | None = lit("nev:rank", default=None, description="A rank the source gives, if any.")
    figure_of: list[str] = rel("nev:figureOf", "deployments", "partnerships", "sites", default_factory=list,
                                description="The fact node whose count or target this figure also is (a deployment's "
                                            "count, a partnership's target): one figure, several shapes, linked.")

    _dates = field_validator("period_start", "period_end", mode="before")(check_date)
