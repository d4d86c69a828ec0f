"""The curated record format: one pydantic schema per record kind (DESIGN §7.4).

Every record lives in ``nevkg/data/<file>.yaml`` (see :data:`RECORD_FILES`), has a stable ``id``
(lowercase kebab-case, unique across all kinds), a ``label``, optional ``aliases`` and a ``note`` (our own
short paraphrase of the evidence, never a copied sentence), and ``sources``: ids of records in
``sources.yaml``. Unknown keys are rejected.

Each field declares how it becomes RDF in its ``json_schema_extra``: ``rdf`` is the predicate (a CURIE
over :data:`nevkg.ontology.namespaces.PREFIXES`), ``ref`` the record kinds a reference may point to.
The curated loader reads these declarations; it has no per-kind code.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "SLUG", "PartialDate", "Record", "Source", "Concept", "Organization", "Person", "Role", "Place",
    "ProductionSite", "Partnership", "MarketPresence", "Policy", "Deployment", "VehicleModel", "Statement",
    "Observation", "Target", "DutyRate", "Plan", "MarketProfile", "RECORD_FILES", "KIND_OF_CLASS",
]

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PartialDate = str  # "2026", "2026-02" or "2026-02-09"; checked by the validators below


def rel(predicate: str, *kinds: str, description: str, **kw: Any) -> Any:
    """A field that points at other records of the given kinds (empty: any kind)."""
    return Field(description=description, json_schema_extra={"rdf": predicate, "ref": list(kinds)}, **kw)


def lit(predicate: str, *, description: str, datatype: str | None = None, **kw: Any) -> Any:
    """A field that becomes a literal (``datatype`` overrides the one inferred from the Python value)."""
    extra: dict[str, Any] = {"rdf": predicate}
    if datatype:
        extra["datatype"] = datatype
    return Field(description=description, json_schema_extra=extra, **kw)


def concept(predicate: str, prefix: str, *, description: str, **kw: Any) -> Any:
    """A field whose value names an ontology individual: ``joint-venture`` → ``nev:<prefix>joint-venture``."""
    return Field(description=description, json_schema_extra={"rdf": predicate, "vocab": prefix}, **kw)


#: dates outside these years are refused as implausible (a typo such as 0000 or 20266)
YEARS = (1800, 2200)
#: the largest magnitude a figure may have (1e18: far above any trade value in any currency)
MAX_FIGURE = Decimal("1e18")
#: a BCP 47 language tag: a 2-3 letter language, then subtags of 1-8 letters or digits
LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def _check_date(value: Any) -> Any:
    if value is None:
        return value
    value = str(value)
    if not DATE_RE.match(value):
        raise ValueError(f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(x) for x in value.split("-")]
    if not YEARS[0] <= parts[0] <= YEARS[1]:
        raise ValueError(f"'{value}': year {parts[0]:04d} is not plausible (give a year {YEARS[0]}-{YEARS[1]})")
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise ValueError(f"'{value}': there is no month {parts[1]}; months run 01-12")
    if len(parts) > 2:
        import calendar

        last = calendar.monthrange(parts[0], parts[1])[1]
        if not 1 <= parts[2] <= last:
            raise ValueError(f"'{value}': there is no day {parts[2]} in that month (it has {last} days)")
    return value


def _check_figure(value: Any) -> Any:
    """Refuse figures no source states: infinite, not a number, or beyond :data:`MAX_FIGURE` (``1e400``)."""
    if isinstance(value, Decimal) and (not value.is_finite() or abs(value) > MAX_FIGURE):
        raise ValueError(f"{value} is not a plausible figure; figures must be finite and at most {MAX_FIGURE:.0E} "
                         f"in size")
    return value


def _check_language(value: Any) -> Any:
    if isinstance(value, str) and not LANGUAGE_RE.match(value):
        raise ValueError(f"'{value}' is not a BCP 47 language tag; write e.g. en, zh, pt-BR")
    return value


class Record(BaseModel):
    """Fields every record has."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    #: rdf:type of every record of this kind (CURIEs); ``kind`` may add one more (see ``KIND_CLASSES``).
    RDF_TYPES: ClassVar[tuple[str, ...]] = ()
    #: value of the ``kind`` field → extra class (CURIE)
    KIND_CLASSES: ClassVar[dict[str, str]] = {}
    #: whether this is a fact node (an n-ary qualified statement) rather than a thing
    FACT: ClassVar[bool] = False

    id: str = Field(pattern=SLUG, description="Stable identifier, lowercase kebab-case, unique across all kinds.")
    label: str = lit("rdfs:label", description="Preferred English name.", min_length=1)
    aliases: list[str] = lit("skos:altLabel", description="Other names: abbreviations, Chinese names, old names.",
                             default_factory=list)
    note: str | None = lit("rdfs:comment", description="Our own short paraphrase of the evidence (never copied).",
                           default=None)
    sources: list[str] = rel("prov:wasDerivedFrom", "sources", min_length=1,
                             description="Ids of the source records that state this.")
    stated_by: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Which of the sources state a field, when not all of them do: field name (or "
                    "'field=value' for one value of a list) → source ids. Unlisted fields are stated by every "
                    "source; each source's named graph holds only what it states.")
    inferred: list[str] = Field(
        default_factory=list,
        description="Fields whose value the curators inferred rather than read (e.g. 'dozens' recorded as 24); "
                    "they become nev:inferred true and one nev:inferredProperty per field.")
    inferred_reason: str | None = lit("nev:inferenceNote", default=None,
                                      description="How the inferred values were obtained (our own words).")

    @model_validator(mode="after")
    def _attribution(self) -> Any:
        fields = type(self).model_fields
        for key, srcs in self.stated_by.items():
            name, _, value = key.partition("=")
            if name not in fields or name in {"id", "sources", "stated_by", "inferred", "inferred_reason"}:
                raise ValueError(f"stated_by: '{name}' is not a field of this record")
            if getattr(self, name) in (None, [], False):
                raise ValueError(f"stated_by: field '{name}' has no value")
            current = getattr(self, name)
            if value and value not in (current if isinstance(current, list) else [str(current)]):
                raise ValueError(f"stated_by: '{value}' is not a value of '{name}'")
            if not srcs or not set(srcs) <= set(self.sources):
                raise ValueError(f"stated_by: the sources of '{key}' must be a non-empty subset of 'sources'")
        for name in self.inferred:
            if name not in fields or getattr(self, name) in (None, [], False):
                raise ValueError(f"inferred: '{name}' is not a field with a value in this record")
        if self.inferred and not self.inferred_reason:
            raise ValueError("inferred values need 'inferred_reason': say how they were obtained")
        return self

    _figures = field_validator("*", mode="after")(_check_figure)


class Source(BaseModel):
    """A source document: a news article, a regulation, a dataset, or the curators' own work."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Source", "prov:Entity")
    KIND_CLASSES: ClassVar[dict[str, str]] = {
        "news-article": "schema:NewsArticle", "legislation": "schema:Legislation", "dataset": "schema:Dataset",
        "curation": "nev:CuratorsCompilation", "report": "schema:Report",
    }
    FACT: ClassVar[bool] = False

    id: str = Field(pattern=SLUG, description="Stable identifier; also names the source's graph.")
    kind: Literal["news-article", "legislation", "dataset", "curation", "report"] = Field(
        description="What sort of document this is.")
    title: str = lit("dcterms:title", description="Title as published.", min_length=1)
    publisher: str = rel("dcterms:publisher", "organizations", description="Organisation that published it.")
    issued: PartialDate = lit("dcterms:issued", description="Date published (YYYY[-MM[-DD]]).")
    date_inferred: bool = lit("nev:dateInferred", description="True when the article gives no date and we inferred it.",
                              default=False)
    date_note: str | None = lit("nev:dateNote", description="Why the date is what it is, when inferred.",
                                default=None)
    url: str | None = lit("schema:url", default=None, datatype="xsd:anyURI",
                          description="Address of the document: where an article gives one, or the official "
                                      "address of a regulation or dataset the curators can vouch for.")
    language: str = lit("dcterms:language", description="BCP 47 language tag.", default="en")
    author: str | None = lit("schema:author", description="Author's name as credited.", default=None)
    channel: str | None = rel("nev:republishedFrom", "organizations", default=None,
                              description="Original outlet when the publisher republished another's article.")
    cites: list[str] = rel("dcterms:references", "organizations", default_factory=list,
                           description="Primary sources the document cites (statistics compilers, companies).")
    secondary: bool = lit("nev:secondary", description="True when it reports another document at second hand.",
                          default=False)
    file: str | None = Field(default=None, description="Name of the article's text in shared/sources/, if any.")
    note: str | None = lit("rdfs:comment", description="Curators' note on the source.", default=None)

    _date = field_validator("issued", mode="before")(_check_date)
    _language = field_validator("language", mode="after")(_check_language)

    @property
    def label(self) -> str:
        return self.title


class Concept(Record):
    """A term of a controlled vocabulary: a measure, a product scope (product codes included), a unit, or a
    charging connector."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("skos:Concept",)
    KIND_CLASSES: ClassVar[dict[str, str]] = {
        "measure": "nev:Measure", "product-scope": "nev:ProductScope", "unit": "nev:Unit",
        "connector": "nev:ChargingConnector"}
    kind: Literal["measure", "product-scope", "unit", "connector"] = Field(
        description="Which vocabulary the term belongs to.")
    definition: str | None = lit("skos:definition", description="What the term means.", default=None)
    notation: str | None = lit("skos:notation", default=None,
                               description="A code the term stands for, e.g. an HS or customs tariff code.")
    broader: str | None = rel("skos:broader", "concepts", description="A broader term.", default=None)
    symbol: str | None = lit("nev:unitSymbol", description="Symbol or ISO 4217 code of a unit.", default=None)
    sources: list[str] = rel("prov:wasDerivedFrom", "sources", min_length=1,
                             description="Ids of the source records (the curation record for our own terms).")


class Organization(Record):
    """A company, brand, government body, association, university, publisher …"""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Organization",)
    KIND_CLASSES: ClassVar[dict[str, str]] = {
        "automaker": "nev:Automaker", "brand": "nev:Brand", "government-body": "nev:GovernmentBody",
        "customs-office": "nev:CustomsOffice", "ministry": "nev:Ministry", "legislature": "nev:Legislature",
        "political-body": "nev:PoliticalBody", "industry-association": "nev:IndustryAssociation",
        "business-association": "nev:BusinessAssociation", "technology-company": "nev:TechnologyCompany",
        "mobility-platform": "nev:MobilityPlatform", "university": "nev:University",
        "research-centre": "nev:ResearchCentre", "publisher": "nev:Publisher", "company": "nev:Company",
        "subsidiary": "nev:Company", "joint-venture-company": "nev:JointVentureCompany", "project": "nev:Organization",
    }
    kind: Literal[
        "automaker", "brand", "government-body", "customs-office", "ministry", "legislature", "political-body",
        "industry-association", "business-association", "technology-company", "mobility-platform", "university",
        "research-centre", "publisher", "company", "subsidiary", "joint-venture-company", "project",
    ] = Field(description="What sort of organisation; selects the nev: class.")
    parent: str | None = rel("nev:parentOrganization", "organizations", default=None,
                             description="The organisation that owns or contains this one.")
    brand_of: str | None = rel("nev:brandOf", "organizations", default=None,
                               description="For brands: the company that owns the brand.")
    based_in: str | None = rel("nev:basedIn", "places", default=None, description="Where it is headquartered.")
    country: str | None = rel("nev:country", "places", default=None,
                              description="The company's country: where it is controlled from (for a brand, "
                                          "its owner's country).")
    brand_origin: str | None = rel("nev:brandOrigin", "places", default=None,
                                   description="For a brand: the country it comes from, when not its owner's "
                                               "(MG: British brand, Chinese owner).")
    acts_as: list[Literal["automaker", "company"]] = Field(
        default_factory=list,
        description="Further kinds a brand acts as (GAC Aion runs plants and plans of its own: an automaker too); "
                    "each adds its class.")
    wikidata: str | None = Field(default=None, pattern=r"^Q\d+$",
                                 description="Wikidata id, only where known for certain.")


class Person(Record):
    """A person named or quoted in a source."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Person",)
    native_name: str | None = lit("nev:nativeName", description="Name in Chinese characters, if a source gives it.",
                                  default=None)


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

    _dates = field_validator("start", "end", "as_of", mode="before")(_check_date)


class Place(Record):
    """A country, region, province, city, district or port."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Place",)
    KIND_CLASSES: ClassVar[dict[str, str]] = {
        "country": "nev:Country", "region": "nev:Region", "province": "nev:Province", "city": "nev:City",
        "district": "nev:District", "port": "nev:Port",
        "special-administrative-region": "nev:SpecialAdministrativeRegion",
        "economic-union": "nev:EconomicUnion",
    }
    kind: Literal["country", "region", "province", "city", "district", "port", "special-administrative-region",
                  "economic-union"] = Field(description="What sort of place; selects the nev: class.")
    located_in: list[str] = rel("nev:locatedIn", "places", default_factory=list,
                                description="Places that contain this one (transitive).")
    iso_code: str | None = lit("nev:isoCode", default=None,
                               description="ISO 3166-1 alpha-2 for countries, ISO 3166-2 for subdivisions.")
    wikidata: str | None = Field(default=None, pattern=r"^Q\d+$",
                                 description="Wikidata id, only where known for certain.")


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

    _date = field_validator("by", mode="before")(_check_date)
    _figures = field_validator("*", mode="after")(_check_figure)


class ProductionSite(Record):
    """A factory, plant, production project or knock-down assembly operation."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:ProductionSite",)
    FACT: ClassVar[bool] = True
    kind: Literal["factory", "plant", "production-project", "knock-down-assembly", "parts-factory",
                  "production-base"] = concept("nev:siteKind", "site-", description="What sort of site.")
    operator: list[str] = rel("nev:operator", "organizations", min_length=1,
                              description="Who runs it (several for a joint plant).")
    place: str | None = rel("nev:place", "places", default=None, description="Where it is.")
    status: Literal["planned", "announced", "under-construction", "launched", "operating", "closing",
                    "expanding"] | None = concept("nev:status", "status-", default=None,
                                                  description="Status as stated by the source.")
    start: PartialDate | None = lit("nev:startDate", default=None, description="When production or work began.")
    announced_on: PartialDate | None = lit("nev:announcedOn", default=None, description="When it was announced.")
    products: list[str] = rel("nev:produces", "vehicle_models", default_factory=list,
                              description="Vehicle models made there.")

    _dates = field_validator("start", "announced_on", mode="before")(_check_date)


class Partnership(Record):
    """A joint venture, cooperation or alliance between two or more parties (a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Partnership",)
    FACT: ClassVar[bool] = True
    kind: Literal["joint-venture", "strategic-cooperation", "cooperation", "alliance", "brand-ownership"] = concept(
        "nev:partnershipKind", "", description="What sort of partnership.")
    partners: list[str] = rel("nev:partner", "organizations", "places", min_length=2,
                              description="The parties (at least two).")
    majority_partner: str | None = rel("nev:majorityPartner", "organizations", default=None,
                                       description="Partner with the majority stake, if stated.")
    markets: list[str] = rel("nev:market", "places", default_factory=list, description="Markets it covers.")
    site: str | None = rel("nev:atSite", "sites", default=None, description="Production site it runs.")
    announced_on: PartialDate | None = lit("nev:announcedOn", default=None, description="When it was announced.")
    start: PartialDate | None = lit("nev:startDate", default=None, description="When it began.")
    end: PartialDate | None = lit("nev:endDate", default=None, description="When it ended.")
    targets: list[Target] = Field(default_factory=list, description="Goals the partners set.",
                                  json_schema_extra={"rdf": "nev:hasTarget"})

    _dates = field_validator("announced_on", "start", "end", mode="before")(_check_date)


class MarketPresence(Record):
    """An exporter's presence in a market: exports to, deliveries in, entry into (a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:MarketPresence",)
    FACT: ClassVar[bool] = True
    exporter: str = rel("nev:exporter", "organizations", "places", description="Company, or country/city exporting.")
    market: str = rel("nev:market", "places", description="The market (a country, region or city).")
    activity: Literal["exports-to", "delivers-to", "opened-deliveries", "entered", "sells-in", "core-market",
                      "key-destination", "distribution-network", "targets-market"] = concept(
        "nev:activity", "activity-", description="How it is present.")
    start: PartialDate | None = lit("nev:startDate", default=None, description="Start of the period stated.")
    end: PartialDate | None = lit("nev:endDate", default=None, description="End of the period stated.")
    period_inferred: bool = lit("nev:periodInferred", default=False,
                                description="True when the period was resolved from 'this year' etc.")
    products: list[str] = rel("nev:product", "vehicle_models", "concepts", default_factory=list,
                              description="Models or product scopes concerned.")

    _dates = field_validator("start", "end", mode="before")(_check_date)


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

    _dates = field_validator("issued_on", "start", "end", "expected_on", mode="before")(_check_date)

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

    _dates = field_validator("announced_on", mode="before")(_check_date)


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

    _dates = field_validator("start", "end", mode="before")(_check_date)

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


class Deployment(Record):
    """A robotaxi fleet or service, a charging network, stores or service centres (a fact node)."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Deployment",)
    FACT: ClassVar[bool] = True
    kind: Literal["robotaxi-fleet", "robotaxi-service", "charging-network", "store-network", "sales-service-centre",
                  "delivery-centre"] = concept("nev:deploymentKind", "deployment-", description="What is deployed.")
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

    _dates = field_validator("date", "start", mode="before")(_check_date)


class VehicleModel(Record):
    """A vehicle model named in a source."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:VehicleModel",)
    maker: str = rel("nev:manufacturer", "organizations", description="Automaker or brand that makes it.")
    powertrain: Literal["bev", "phev", "hev", "ice", "nev"] | None = concept(
        "nev:powertrain", "powertrain-", default=None, description="Propulsion, if stated.")
    body: str | None = lit("nev:bodyStyle", default=None, description="Body style, e.g. SUV, if stated.")
    role: str | None = lit("nev:modelRole", default=None,
                           description="Its role, e.g. first global strategic model, locally built model.")
    released: PartialDate | None = lit("nev:releasedOn", default=None, description="Release or debut date.")

    _dates = field_validator("released", mode="before")(_check_date)


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

    _dates = field_validator("date", mode="before")(_check_date)


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

    _dates = field_validator("period_start", "period_end", mode="before")(_check_date)


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
