"""The curated record format: one pydantic schema per record kind (DESIGN §7.4).

Every record lives in ``nevkg/data/<file>.yaml`` (see :data:`RECORD_FILES`), has a stable ``id``
(lowercase kebab-case, unique across all kinds), a ``label``, optional ``aliases`` and a ``note`` (our own
short paraphrase of the evidence, never a copied sentence), and ``sources``: ids of records in
``sources.yaml``. Unknown keys are rejected.

Each field declares how it becomes RDF in its ``json_schema_extra``: ``rdf`` is the predicate (a CURIE
over :data:`nevkg.ontology.namespaces.PREFIXES`), ``ref`` the record kinds a reference may point to.
The curated loader reads these declarations; it has no per-kind code.

The schemas live by kind: :mod:`~nevkg.loaders.records.base` (what every record shares),
:mod:`~nevkg.loaders.records.entities` (sources, concepts, organisations, people, places, vehicle models),
:mod:`~nevkg.loaders.records.facts` (roles, sites, partnerships, market presence, investments,
deployments, statements),
:mod:`~nevkg.loaders.records.policies` (policies, plans, duty rates, market profiles) and
:mod:`~nevkg.loaders.records.observations` (statistics).
"""

from __future__ import annotations

from pydantic import BaseModel

from nevkg.loaders.records.base import (
    DATE_RE,
    LANGUAGE_RE,
    MAX_FIGURE,
    SLUG,
    YEARS,
    PartialDate,
    Record,
    concept,
    lit,
    rel,
)
from nevkg.loaders.records.entities import Concept, Organization, Person, Place, Source, VehicleModel
from nevkg.loaders.records.facts import (
    Deployment,
    Investment,
    MarketPresence,
    Partnership,
    ProductionSite,
    Role,
    Statement,
    Target,
)
from nevkg.loaders.records.observations import Observation
from nevkg.loaders.records.policies import DutyRate, MarketProfile, Plan, Policy

__all__ = [
    "SLUG", "PartialDate", "Record", "Source", "Concept", "Organization", "Person", "Role", "Place",
    "ProductionSite", "Partnership", "MarketPresence", "Investment", "Policy", "Deployment", "VehicleModel",
    "Statement",
    "Observation", "Target", "DutyRate", "Plan", "MarketProfile", "RECORD_FILES", "KIND_OF_CLASS",
    "DATE_RE", "YEARS", "MAX_FIGURE", "LANGUAGE_RE", "rel", "lit", "concept",
]


#: file name (without .yaml) → record schema; the curated loader reads them in this order
RECORD_FILES: dict[str, type[BaseModel]] = {
    "sources": Source,
    "concepts": Concept,
    "organizations": Organization,
    "people": Person,
    "places": Place,
    "vehicle_models": VehicleModel,
    "roles": Role,
    "sites": ProductionSite,
    "partnerships": Partnership,
    "market_presence": MarketPresence,
    "investments": Investment,
    "policies": Policy,
    "plans": Plan,
    "duty_rates": DutyRate,
    "market_profiles": MarketProfile,
    "deployments": Deployment,
    "statements": Statement,
    "observations": Observation,
}

#: record schema → file name
KIND_OF_CLASS: dict[type[BaseModel], str] = {cls: name for name, cls in RECORD_FILES.items()}
