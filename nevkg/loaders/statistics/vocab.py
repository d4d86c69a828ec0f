"""Vocabulary of the statistics loader: IRIs, HS codes and their scopes, flows, measures, units, qualifiers."""

from __future__ import annotations

import re
from pathlib import Path

NEV = "https://w3id.org/nevkg/ontology#"
NEVID = "https://w3id.org/nevkg/id/"
GRAPH = "https://w3id.org/nevkg/graph/"
SOURCE = "https://w3id.org/nevkg/source/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
QB = "http://purl.org/linked-data/cube#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"

#: HS code → (label, definition), from the product-code notes of the reference (markets.md)
HS_CODES: dict[str, tuple[str, str]] = {
    "8702": ("buses and coaches (HS 8702)", "Motor vehicles for ten or more persons."),
    "8703": ("passenger vehicles (HS 8703)", "Motor cars and other vehicles principally for persons."),
    "8704": ("goods vehicles (HS 8704)", "Motor vehicles for the transport of goods."),
    "870240": ("electric buses (HS 870240)", "Buses with an electric motor only."),
    "870340": ("hybrid passenger vehicles, petrol, not plug-in (HS 870340)",
               "Spark-ignition engine and electric motor, not charged from the grid (HS 2017 split)."),
    "870350": ("hybrid passenger vehicles, diesel, not plug-in (HS 870350)",
               "Diesel engine and electric motor, not charged from the grid."),
    "870360": ("plug-in hybrid passenger vehicles, petrol (HS 870360)",
               "Spark-ignition engine and electric motor, charged by plugging in."),
    "870370": ("plug-in hybrid passenger vehicles, diesel (HS 870370)",
               "Diesel engine and electric motor, charged by plugging in."),
    "870380": ("battery-electric passenger vehicles (HS 870380)", "Passenger vehicles with an electric motor only."),
    "870460": ("electric goods vehicles (HS 870460)", "Goods vehicles with an electric motor only (HS 2022)."),
    "8703801090": ("new pure-electric passenger vehicles (China 8703801090)",
                   "China's 10-digit tariff line for new battery-electric passenger vehicles (the licence scope)."),
    "8703801010": ("used pure-electric passenger vehicles (China 8703801010)",
                   "China's 10-digit tariff line for used battery-electric passenger vehicles (2025 schedule)."),
    "TOTAL": ("all products (TOTAL)", "All commodities together."),
}

#: HS 6-digit code → curated product scopes it falls under (``skos:broadMatch``; emitted when the scope exists).
#: Only 6-digit codes carry these, so a table holding both 870380 and 8703801090 is not counted twice.
HS_SCOPES: dict[str, tuple[str, ...]] = {
    "870380": ("ev", "nev", "nev-passenger-cars", "passenger-cars"),
    "870360": ("nev", "nev-passenger-cars", "passenger-cars"),
    "870370": ("nev", "nev-passenger-cars", "passenger-cars"),
    "870340": ("passenger-cars",),
    "870350": ("passenger-cars",),
    "870240": ("nev",),
    "870460": ("nev",),
}

#: flow code → (value measure, volume measure)
FLOWS: dict[str, tuple[str, str]] = {
    "X": ("export-value", "export-volume"), "M": ("import-value", "import-volume"),
    "RX": ("re-export-value", "re-export-volume"), "RM": ("re-import-value", "re-import-volume"),
}
#: the measures of trade flows: their values and quantities are never negative
TRADE_MEASURES = frozenset(m for pair in FLOWS.values() for m in pair)
#: measures and units the loader uses; minted in the table's graph when the curated records lack them
MEASURES = {
    "export-value": ("export value", "Money value of goods exported in a period."),
    "export-volume": ("export volume", "Number of vehicles exported in a period."),
    "import-value": ("import value", "Money value of goods imported in a period."),
    "import-volume": ("import volume", "Number of vehicles imported in a period."),
    "re-export-value": ("re-export value", "Money value of goods re-exported in a period."),
    "re-export-volume": ("re-export volume", "Number of vehicles re-exported in a period."),
    "re-import-value": ("re-import value", "Money value of goods re-imported in a period."),
    "re-import-volume": ("re-import volume", "Number of vehicles re-imported in a period."),
}
UNITS = {"usd": ("US dollars", "USD"), "vehicles": ("vehicles", None)}
#: Comtrade quantity units that count items, with their multiplier
COUNT_UNITS = {"u": 1, "1000u": 1000}
#: Comtrade's own partner/reporter "ISO" codes that are areas, not countries (W00 is the World)
_COMTRADE_AREA = re.compile(r"^(_X|X[0-9A-Z]|EUR|[A-Z]\d{2})$")

COMTRADE_COLUMNS = ("reporterISO", "partnerISO", "flowCode", "cmdCode", "primaryValue")
PLAIN_COLUMNS = ("subject", "measure", "period_start", "value")
_PLAIN_ALIASES = {"product_code": "product", "hs_code": "product", "start": "period_start", "end": "period_end"}
QUALIFIERS = {
    "approximate": ("approximate", None), "about": ("approximate", None), "nearly": ("approximate", None),
    "around": ("approximate", None), "lower": ("bound", "lower"), "more-than": ("bound", "lower"),
    "over": ("bound", "lower"), "at-least": ("bound", "lower"), "upper": ("bound", "upper"),
    "less-than": ("bound", "upper"), "under": ("bound", "upper"), "at-most": ("bound", "upper"),
    "reported": ("status", "ObsReported"), "estimate": ("status", "ObsEstimate"),
    "forecast": ("status", "ObsForecast"), "preliminary": ("status", "ObsPreliminary"),
    "target": ("status", "ObsTarget"),
}
_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_HS = re.compile(r"^\d{2}(\d{2}){0,4}$")
_SAR_CODES = {"CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW"}  # ISO 3166-2 codes that ISO 3166-1 lists too


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "table"


def table_slug(path: Path) -> str:
    """``table-<file name as a slug>``: names the table's source, graph and data set.

    >>> table_slug(Path("data/China EV exports.csv"))
    'table-china-ev-exports-csv'
    """
    return f"table-{_slug(Path(path).name)}"


def table_graph(path: Path) -> str:
    """The named graph (IRI string) holding a table's observations."""
    return GRAPH + table_slug(path)

