"""The things records describe: sources, concepts, organisations, people, places and vehicle models."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from nevkg.loaders.records.base import (
    SLUG,
    PartialDate,
    Record,
    check_date,
    check_language,
    concept,
    lit,
    rel,
)

__all__ = ["Source", "Concept", "Organization", "Person", "Place", "VehicleModel"]


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

    _date = field_validator("issued", mode="before")(check_date)
    _language = field_validator("language", mode="after")(check_language)

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


class Place(Record):
    """A country, region, province, city, district, port or road."""

    RDF_TYPES: ClassVar[tuple[str, ...]] = ("nev:Place",)
    KIND_CLASSES: ClassVar[dict[str, str]] = {
        "country": "nev:Country", "region": "nev:Region", "province": "nev:Province", "city": "nev:City",
        "district": "nev:District", "port": "nev:Port", "road": "nev:Road",
        "special-administrative-region": "nev:SpecialAdministrativeRegion",
        "economic-union": "nev:EconomicUnion",
    }
    kind: Literal["country", "region", "province", "city", "district", "port", "road",
                  "special-administrative-region", "economic-union"] = Field(
        description="What sort of place; selects the nev: class.")
    located_in: list[str] = rel("nev:locatedIn", "places", default_factory=list,
                                description="Places that contain this one (transitive).")
    iso_code: str | None = lit("nev:isoCode", default=None,
                               description="ISO 3166-1 alpha-2 for countries, ISO 3166-2 for subdivisions.")
    wikidata: str | None = Field(default=None, pattern=r"^Q\d+$",
                                 description="Wikidata id, only where known for certain.")


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

    _dates = field_validator("released", mode="before")(check_date)
