"""What every record kind shares: the field makers (:func:`rel`, :func:`lit`, :func:`concept`), the checks of
dates, figures and language tags, and :class:`Record`, the fields every record has."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = ["SLUG", "DATE_RE", "PartialDate", "rel", "lit", "concept", "YEARS", "MAX_FIGURE", "LANGUAGE_RE",
           "check_date", "check_figure", "check_language", "Record"]


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


def check_date(value: Any) -> Any:
    """A partial date as stated (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), refused when it names no real day.

    >>> check_date(2026), check_date("2024-02-29")
    ('2026', '2024-02-29')
    """
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


def check_figure(value: Any) -> Any:
    """Refuse figures no source states: infinite, not a number, or beyond :data:`MAX_FIGURE` (``1e400``)."""
    if isinstance(value, Decimal) and (not value.is_finite() or abs(value) > MAX_FIGURE):
        raise ValueError(f"{value} is not a plausible figure; figures must be finite and at most {MAX_FIGURE:.0E} "
                         f"in size")
    return value


def check_language(value: Any) -> Any:
    """A BCP 47 language tag, refused when it is not one.

    >>> check_language("pt-BR")
    'pt-BR'
    """
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

    _figures = field_validator("*", mode="after")(check_figure)
