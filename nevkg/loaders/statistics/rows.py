"""Rows → quads: one table's rows turned into :class:`pyoxigraph.Quad` objects, every repeated term cached."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

from nevkg.loaders.statistics.cells import _amount, _BadRow, _decimal, _parse_period
from nevkg.loaders.statistics.concepts import closing_quads
from nevkg.loaders.statistics.context import TableContext, TableReport
from nevkg.loaders.statistics.vocab import (
    _COMTRADE_AREA,
    _HS,
    COUNT_UNITS,
    FLOWS,
    GRAPH,
    HS_CODES,
    MEASURES,
    NEV,
    NEVID,
    PROV,
    QB,
    QUALIFIERS,
    RDF_TYPE,
    RDFS,
    SOURCE,
    TRADE_MEASURES,
    UNITS,
    XSD,
    _slug,
    table_slug,
)

__all__ = ["RowBuilder"]


class RowBuilder:
    """Turns rows of one table into quads, caching every term that repeats (places, codes, periods)."""

    def __init__(self, path: Path, ctx: TableContext, report: TableReport, sink=None) -> None:
        import pyoxigraph as ox

        #: where observations also go as rows (``add_observation(*row)``), e.g. the build's columnar copy
        self.sink = sink
        self.pending: list[tuple] = []

        self.ox, self.ctx, self.path, self.report = ox, ctx, path, report
        N = ox.NamedNode
        self.slug = table_slug(path)
        self.g = N(GRAPH + self.slug)
        self.src = N(SOURCE + self.slug)
        self.ds = N(NEVID + "dataset-" + self.slug)
        report.graph, report.source = str(self.g.value), str(self.src.value)
        self.t_decimal, self.t_date = N(XSD + "decimal"), N(XSD + "date")
        p = {k: N(NEV + k) for k in ("measure", "subject", "destination", "productScope", "periodStart",
                                     "periodEnd", "value", "unit", "observationStatus", "tradeFlow", "bound",
                                     "approximate", "isoCode")}
        self.p = p
        self.type, self.label = N(RDF_TYPE), N(RDFS + "label")
        self.derived, self.dataset_p = N(PROV + "wasDerivedFrom"), N(QB + "dataSet")
        self.c_obs = N(NEV + "Observation")
        self.status = {k: N(NEV + k) for k in ("ObsReported", "ObsEstimate", "ObsForecast", "ObsPreliminary",
                                              "ObsTarget")}
        self.true = ox.Literal("true", datatype=N(XSD + "boolean"))
        # the ontology's trade-flow values; re-exports and re-imports differ from exports and imports by measure
        self.flows = {"X": N(NEV + "FlowExports"), "M": N(NEV + "FlowImports")}
        self.prefix = hashlib.blake2b(self.slug.encode(), digest_size=16)
        # caches: code → (node, label)
        self._places: dict[tuple[str, str], tuple] = {}
        self._products: dict[str, tuple] = {}
        self._periods: dict[tuple, tuple] = {}
        self._concepts: dict[str, tuple] = {}
        self._literals: dict[str, object] = {}
        # what the closing quads must describe
        self.minted_places: dict[str, tuple[str, str, str | None]] = {}  # iri → (class, label, iso2)
        self.used_products: set[str] = set()
        self.minted_concepts: dict[str, tuple[str, str, str, str | None]] = {}
        self.product_labels: dict[str, str] = {}

    # -- terms ---------------------------------------------------------------------------------------------
    def _lit(self, text: str):
        lit = self._literals.get(text)
        if lit is None:
            lit = self._literals[text] = self.ox.Literal(text)
        return lit

    def place_iso3(self, code: str, desc: str, role: str, column: str | None = None) -> tuple:
        key = (code, desc)
        hit = self._places.get(key)
        if hit is not None:
            return hit
        code_u = code.strip().upper()
        if not code_u:
            raise _BadRow(f"the {column or role + 'ISO'} column is empty")
        if code_u == "W00":
            hit = self._place_from(self.ctx.ids.get("world"), "world", "Region", desc or "World", None)
        else:
            import pycountry

            country = pycountry.countries.get(alpha_3=code_u) if len(code_u) == 3 else None
            if country is None and len(code_u) == 3:
                country = pycountry.historic_countries.get(alpha_3=code_u)
            if country is not None:
                alpha2 = country.alpha_2
                name = getattr(country, "common_name", None) or country.name
                hit = self._place_from(self.ctx.iso.get(alpha2), f"country-{alpha2.lower()}", "Country", name,
                                       alpha2 if len(alpha2) == 2 and alpha2.isalpha() else None)
            elif _COMTRADE_AREA.match(code_u):
                hit = self._place_from(None, f"comtrade-area-{_slug(code_u)}", "Region",
                                       desc or f"Comtrade area {code_u}", None)
            else:
                raise _BadRow(f"unknown {role} code '{code}' in column {column or role + 'ISO'}: not an ISO 3166 "
                              "alpha-3 code, W00 (World) or a Comtrade area code")
        self._places[key] = hit
        return hit

    def place_any(self, value: str, role: str) -> tuple:
        """A plain-layout place or subject: a curated id, or an ISO 3166 alpha-2/alpha-3 code."""
        key = (value, role)
        hit = self._places.get(key)
        if hit is not None:
            return hit
        iri = self.ctx.ids.get(value)
        if iri is not None and not self.ctx.is_a(iri, "Source"):
            hit = (self.ox.NamedNode(iri), self.ctx.labels.get(iri, value))
        elif re.fullmatch(r"[A-Za-z]{2}", value):
            import pycountry

            country = pycountry.countries.get(alpha_2=value.upper())
            if country is None:
                raise _BadRow(f"unknown {role} '{value}': not a curated id or an ISO 3166 code")
            hit = self.place_iso3(country.alpha_3, "", role, role)
        elif re.fullmatch(r"[A-Za-z0-9_]{3}", value):
            hit = self.place_iso3(value, "", role, role)
        else:
            raise _BadRow(f"unknown {role} '{value}': not a curated id or an ISO 3166 code")
        self._places[key] = hit
        return hit

    def _place_from(self, known: str | None, slug: str, cls: str, label: str, iso2: str | None) -> tuple:
        if known:
            return self.ox.NamedNode(known), self.ctx.labels.get(known, label)
        iri = NEVID + slug
        self.minted_places.setdefault(iri, (cls, label, iso2))
        return self.ox.NamedNode(iri), label

    def product(self, code: str, desc: str = "") -> tuple:
        hit = self._products.get(code)
        if hit is not None:
            return hit
        norm = code.strip().replace(".", "").replace(" ", "").upper()
        if norm != "TOTAL" and not _HS.match(norm):
            scope = self.ctx.ids.get(code.strip())
            if scope and self.ctx.is_a(scope, "ProductScope"):
                hit = (self.ox.NamedNode(scope), self.ctx.labels.get(scope, code))
                self._products[code] = hit
                return hit
            raise _BadRow(f"unknown product code '{code}': write an HS code (2 to 10 digits, e.g. 870380) "
                          "or a product-scope id")
        label = HS_CODES.get(norm, (None,))[0] or (f"{desc} (HS {norm})" if desc else f"HS {norm}")
        self.used_products.add(norm)
        self.product_labels.setdefault(norm, label)
        hit = (self.ox.NamedNode(self.product_iri(norm)), f"HS {norm}")
        self._products[code] = hit
        return hit

    def product_iri(self, code: str) -> str:
        """A curated concept with this notation (``hs-870380``, ``cn-8703801090`` …), else ``nevid:hs-<code>``."""
        return self.ctx.notations.get(code) or f"{NEVID}hs-{code.lower()}"

    def concept(self, cid: str, kind: str) -> tuple:
        """A measure or unit concept by id (curated, or minted from :data:`MEASURES`/:data:`UNITS`)."""
        hit = self._concepts.get(cid)
        if hit is not None:
            return hit
        iri = self.ctx.ids.get(cid)
        cls = "Measure" if kind == "measure" else "Unit"
        if iri is not None and self.ctx.is_a(iri, cls):
            hit = (self.ox.NamedNode(iri), self.ctx.labels.get(iri, cid))
        elif iri is None and cid in (MEASURES if kind == "measure" else UNITS):
            table = MEASURES if kind == "measure" else UNITS
            label, extra = table[cid]
            iri = NEVID + cid
            self.minted_concepts[iri] = (cls, label, extra, None) if kind == "measure" else (cls, label, None, extra)
            hit = (self.ox.NamedNode(iri), label)
        elif kind == "unit" and cid.upper() in self.ctx.symbols:
            iri = self.ctx.symbols[cid.upper()]
            hit = (self.ox.NamedNode(iri), self.ctx.labels.get(iri, cid))
        else:
            known = sorted(k for k, v in self.ctx.ids.items() if self.ctx.is_a(v, cls))
            raise _BadRow(f"unknown {kind} '{cid}'; known {kind}s: {', '.join(known[:12])}"
                          + (" …" if len(known) > 12 else ""))
        self._concepts[cid] = hit
        return hit

    def period(self, start: str, end: str | None = None) -> tuple:
        key = (start, end)
        hit = self._periods.get(key)
        if hit is not None:
            return hit
        s_first, s_last, s_label = _parse_period(start)
        if end:
            e_first, e_last, e_label = _parse_period(end)
        else:
            e_last, e_label = s_last, s_label
        if e_last < s_first:
            raise _BadRow(f"the period ends ({end}) before it starts ({start})")
        label = s_label if s_label == e_label else f"{s_label}/{e_label}"
        hit = (self.ox.Literal(s_first.isoformat(), datatype=self.t_date),
               self.ox.Literal(e_last.isoformat(), datatype=self.t_date), label)
        self._periods[key] = hit
        return hit

    def obs_node(self, key: str):
        h = self.prefix.copy()
        h.update(key.encode())
        return self.ox.NamedNode(f"{NEVID}obs-{h.hexdigest()[:24]}")

    # -- rows ----------------------------------------------------------------------------------------------
    def _emit(self, out: list, node, measure: tuple, subject: tuple, dest: tuple | None, product: tuple | None,
              period: tuple, value: str, unit: tuple, status: str, extra: list[tuple] = ()) -> None:
        Q, g = self.ox.Quad, self.g
        p = self.p
        where = f" to {dest[1]}" if dest else ""
        what = f", {product[1]}" if product else ""
        out += (
            Q(node, self.type, self.c_obs, g),
            Q(node, self.label, self.ox.Literal(f"{measure[1]} of {subject[1]}{where}{what}, {period[2]}"), g),
            Q(node, self.dataset_p, self.ds, g),
            Q(node, p["measure"], measure[0], g),
            Q(node, p["subject"], subject[0], g),
            Q(node, p["periodStart"], period[0], g),
            Q(node, p["periodEnd"], period[1], g),
            Q(node, p["value"], self.ox.Literal(value, datatype=self.t_decimal), g),
            Q(node, p["unit"], unit[0], g),
            Q(node, p["observationStatus"], self.status[status], g),
            Q(node, self.derived, self.src, g),
        )
        if dest:
            out.append(Q(node, p["destination"], dest[0], g))
        if product:
            out.append(Q(node, p["productScope"], product[0], g))
        for pred, obj in extra:
            out.append(Q(node, pred, obj, g))
        self.report.observations += 1
        if self.sink is not None:  # the columnar copy: one row per observation, kept until the row is good
            self.pending.append((node.value, self.ds.value, subject[0].value, measure[0].value,
                                 dest[0].value if dest else None, product[0].value if product else None,
                                 period[0].value, period[1].value, value, unit[0].value, self.status[status].value,
                                 f"{measure[1]} of {subject[1]}{where}{what}, {period[2]}",
                                 [self.src.value] + [o.value for pr, o in extra if pr == self.derived]))

    def comtrade_row(self, row: list[str], ix: dict[str, int], out: list) -> None:
        def col(name: str) -> str:
            i = ix.get(name)
            return row[i].strip() if i is not None else ""

        flow = col("flowCode").upper()
        measures = FLOWS.get(flow)
        if measures is None:
            raise _BadRow(f"unknown flow code '{col('flowCode')}' in column flowCode; use one of "
                          f"{', '.join(FLOWS)}")
        reporter = self.place_iso3(col("reporterISO"), col("reporterDesc"), "reporter")
        partner = self.place_iso3(col("partnerISO"), col("partnerDesc"), "partner")
        cmd = col("cmdCode")
        if not cmd:
            raise _BadRow("the cmdCode column is empty")
        product = self.product(cmd, col("cmdDesc"))
        period_text = col("period")
        if not period_text:
            year, month = col("refYear"), col("refMonth")
            if not year and col("refPeriodId"):
                year, month = col("refPeriodId")[:4], col("refPeriodId")[4:6]
            if month in ("", "52"):
                period_text = year
            elif month.isdigit():
                period_text = f"{year}{int(month):02d}"
            else:
                raise _BadRow(f"'{month}' in column refMonth is not a month number")
        period = self.period(period_text)
        value = _amount(col("primaryValue"), "primaryValue")
        key = "|".join((col("reporterISO"), col("partnerISO"), col("partner2ISO"), flow, cmd, col("customsCode"),
                        col("motCode"), period_text))
        extra = [(self.p["tradeFlow"], self.flows[flow[-1]])]
        self._emit(out, self.obs_node(key + "|v"), self.concept(measures[0], "measure"), reporter, partner, product,
                   period, value, self.concept("usd", "unit"), "ObsReported", extra)
        qty_unit = col("qtyUnitAbbr")
        qty = col("qty")
        factor = COUNT_UNITS.get(qty_unit.lower()) if qty_unit else None
        if factor and qty and qty.upper() not in ("NA", "N/A"):
            volume = _amount(qty, "qty")
            if factor != 1:
                volume = format(Decimal(volume) * factor, "f")
            estimated = col("isQtyEstimated").lower() in ("true", "1", "yes")
            self._emit(out, self.obs_node(key + "|q"), self.concept(measures[1], "measure"), reporter, partner,
                       product, period, volume, self.concept("vehicles", "unit"),
                       "ObsEstimate" if estimated else "ObsReported", extra)

    def plain_row(self, row: list[str], ix: dict[str, int], out: list) -> None:
        def col(name: str) -> str:
            i = ix.get(name)
            return row[i].strip() if i is not None else ""

        for required in ("subject", "measure", "period_start", "value"):
            if not col(required):
                raise _BadRow(f"the {required} column is empty")
        subject = self.place_any(col("subject"), "subject")
        measure = self.concept(col("measure"), "measure")
        dest = self.place_any(col("destination"), "destination") if col("destination") else None
        product = self.product(col("product")) if col("product") else None
        period = self.period(col("period_start"), col("period_end") or None)
        value = _decimal(col("value"), "value")
        if col("measure") in TRADE_MEASURES:
            value = _amount(value, f"value ({col('measure')})")
        unit_text = col("unit") or col("currency")
        if not unit_text:
            raise _BadRow("give a unit (a unit id such as vehicles) or a currency (an ISO 4217 code such as USD)")
        if unit_text not in self.ctx.ids and (unit_text.lower() in self.ctx.ids or unit_text.lower() in UNITS):
            unit_text = unit_text.lower()
        unit = self.concept(unit_text, "unit")
        status, extra = "ObsReported", []
        for qualifier in filter(None, re.split(r"[;,]\s*", col("qualifier").lower())):
            kind, arg = QUALIFIERS.get(qualifier.replace(" ", "-"), (None, None))
            if kind is None:
                raise _BadRow(f"unknown qualifier '{qualifier}'; use one of {', '.join(QUALIFIERS)}")
            if kind == "status":
                status = arg
            elif kind == "bound":
                extra.append((self.p["bound"], self._lit(arg)))
            else:
                extra.append((self.p["approximate"], self.true))
        if col("source"):
            sid = col("source")
            iri = self.ctx.ids.get(sid)
            if iri is None or not self.ctx.is_a(iri, "Source"):
                raise _BadRow(f"unknown source '{sid}': give the id of a record in sources.yaml")
            extra.append((self.derived, self.ox.NamedNode(iri)))
        key = "|".join(col(c) for c in ("subject", "measure", "destination", "product", "period_start",
                                        "period_end", "qualifier", "source"))
        self._emit(out, self.obs_node(key), measure, subject, dest, product, period, value, unit, status, extra)

    # -- what the rows refer to --------------------------------------------------------------------------

    def closing_quads(self) -> list:
        """See :func:`nevkg.loaders.statistics.concepts.closing_quads`."""
        return closing_quads(self)
