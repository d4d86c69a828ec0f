"""Synthetic trade tables in the UN Comtrade bulk layout, for tests and benchmarks.

:func:`generate_comtrade` writes monthly exports of the EV-related HS codes (8703.40–.80, 8702.40,
8704.60) from China and a few other reporters to about 200 partners with real ISO 3166 codes (from
pycountry; Comtrade's own partner numbers where they differ from ISO numeric: 842 USA, 251 France, 699
India, 757 Switzerland, 579 Norway), plus the partner ``W00`` (World) row that sums each group, as Comtrade
does. Values grow by code and year, with seasonality and noise; quantities follow from a unit value per
vehicle; some cells are missing (quantity, net weight), some quantities are flagged estimated.
Deterministic for a given ``seed`` and row count; rows are written one by one (memory does not grow with
``rows``). The figures are made up: never mix them with real data.
"""

from __future__ import annotations

import csv
import math
import random
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import IO

__all__ = ["generate_comtrade", "COLUMNS", "REPORTERS", "PRODUCTS"]

#: the Comtrade bulk download's columns, in its order
COLUMNS = [
    "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
    "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
    "partner2ISO", "partner2Desc", "classificationCode", "isOriginalClassification", "cmdCode", "cmdDesc",
    "aggrLevel", "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc", "qtyUnitCode",
    "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty", "isAltQtyEstimated",
    "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue", "fobvalue", "primaryValue",
    "legacyEstimationFlag", "isReported", "isAggregate",
]
#: (ISO alpha-3, Comtrade code, name, size relative to China)
REPORTERS = [("CHN", 156, "China", 1.0), ("DEU", 276, "Germany", 0.45), ("KOR", 410, "Rep. of Korea", 0.3),
             ("JPN", 392, "Japan", 0.25), ("USA", 842, "USA", 0.15)]
#: HS code → (description, unit value in USD per vehicle, share of the reporter's trade, yearly growth)
PRODUCTS = {
    "870380": ("Vehicles; with only electric motor for propulsion", 21_000, 0.45, 1.30),
    "870360": ("Vehicles; spark-ignition engine and electric motor, plug-in", 26_000, 0.20, 1.45),
    "870370": ("Vehicles; diesel engine and electric motor, plug-in", 38_000, 0.02, 1.05),
    "870340": ("Vehicles; spark-ignition engine and electric motor, not plug-in", 24_000, 0.18, 1.10),
    "870350": ("Vehicles; diesel engine and electric motor, not plug-in", 36_000, 0.02, 1.02),
    "870240": ("Buses; with only electric motor for propulsion", 160_000, 0.08, 1.20),
    "870460": ("Goods vehicles; with only electric motor for propulsion", 32_000, 0.05, 1.35),
}
_COMTRADE_CODES = {"USA": 842, "FRA": 251, "IND": 699, "CHE": 757, "NOR": 579}
#: markets that get more of the trade (the big destinations of Chinese EVs and a few others)
_BIG = {"BEL": 6, "GBR": 6, "THA": 5, "AUS": 5, "ESP": 5, "BRA": 5, "RUS": 5, "MEX": 4, "ARE": 4, "DEU": 4,
        "FRA": 4, "NLD": 4, "ISR": 3, "PHL": 3, "SAU": 3, "TUR": 3, "KAZ": 3, "USA": 4, "CAN": 3, "ITA": 3,
        "IDN": 3, "MYS": 3, "NOR": 3, "SWE": 3, "KOR": 3, "JPN": 2, "CHN": 4, "IND": 2, "SGP": 2, "NZL": 2}


def _partners(rng: random.Random, n: int = 200) -> list[tuple[str, int, str, float]]:
    import pycountry

    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    skip = {"ATA", "BVT", "HMD", "SGS", "UMI", "IOT", "ATF", "TWN"}  # uninhabited or reported by Comtrade otherwise
    countries = [c for c in countries if c.alpha_3 not in skip]
    chosen = sorted(rng.sample(countries, min(n, len(countries))), key=lambda c: c.alpha_3)
    for alpha3 in _BIG:  # the big markets are always among them
        if alpha3 not in {c.alpha_3 for c in chosen}:
            chosen[rng.randrange(len(chosen))] = pycountry.countries.get(alpha_3=alpha3)
    chosen = sorted({c.alpha_3: c for c in chosen}.values(), key=lambda c: c.alpha_3)
    out = []
    for c in chosen:
        weight = _BIG.get(c.alpha_3, 0) + rng.lognormvariate(-1.0, 1.0)
        out.append((c.alpha_3, _COMTRADE_CODES.get(c.alpha_3, int(c.numeric)),
                    getattr(c, "common_name", None) or c.name, weight))
    return out


def generate_comtrade(rows: int, out: str | Path | IO[str], *, seed: int = 0, end: str = "2025-12",
                      partners: int = 200) -> int:
    """Write ``rows`` data rows of synthetic Comtrade exports (plus the header) and return how many were written.

    Parameters
    ----------
    rows : int
        Data rows to write (the last month may be cut short to hit the number exactly).
    out : path or text file
        Where to write (``-`` is standard output).
    seed : int
        Random seed: the same seed and ``rows`` give the same file, byte for byte.
    end : str
        The last month (``YYYY-MM``); the months run back from it as far as ``rows`` needs.
    partners : int
        How many partner countries.

    Returns
    -------
    int
        The number of data rows written (= ``rows``).

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> generate_comtrade(3, buf)
    3
    >>> buf.getvalue().splitlines()[0].split(",")[:6]
    ['typeCode', 'freqCode', 'refPeriodId', 'refYear', 'refMonth', 'period']
    """
    if rows < 0:
        raise ValueError("rows must be zero or more")
    rng = random.Random(seed)
    partner_list = _partners(rng, partners)
    # which (reporter, product, partner) flows exist: fixed for the whole file, so every month has as many rows
    groups = []
    for r_iso, r_code, r_name, r_size in REPORTERS:
        for cmd, (desc, unit_value, share, growth) in PRODUCTS.items():
            active = []
            for p_iso, p_code, p_name, weight in partner_list:
                if p_iso == r_iso or rng.random() > min(0.95, 0.25 + weight / 4):
                    continue
                base = 4e8 * r_size * share * weight * rng.lognormvariate(0, 0.5) / 60
                active.append((p_iso, p_code, p_name, base, unit_value * rng.lognormvariate(0, 0.15)))
            groups.append(((r_iso, r_code, r_name), cmd, desc, growth, active))
    per_month = sum(len(g[4]) + 1 for g in groups)  # + the World row of each group
    months = max(1, math.ceil(rows / per_month))
    end_year, end_month = (int(x) for x in end.split("-"))
    first = end_year * 12 + end_month - 1 - (months - 1)

    target = open(out, "w", newline="", encoding="utf-8") if isinstance(out, (str, Path)) and str(out) != "-" \
        else nullcontext(sys.stdout if str(out) == "-" else out)
    written = 0
    with target as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        for index in range(months):
            year, month = divmod(first + index, 12)
            month += 1
            age = (first + index - (end_year * 12 + end_month - 1)) / 12  # years before the end (≤ 0)
            season = 1 + 0.12 * math.sin(2 * math.pi * (month - 3) / 12)
            for (r_iso, r_code, r_name), cmd, desc, growth, active in groups:
                total_value = total_qty = 0
                qty_known = True
                for p_iso, p_code, p_name, base, unit_value in active:
                    if written >= rows:
                        return written
                    value = round(base * growth ** age * season * rng.lognormvariate(0, 0.3), 2)
                    qty = max(1, round(value / (unit_value * rng.lognormvariate(0, 0.08))))
                    total_value += value
                    total_qty += qty
                    missing_qty = rng.random() < 0.03
                    qty_known &= not missing_qty
                    writer.writerow(_row(year, month, r_iso, r_code, r_name, p_iso, p_code, p_name, cmd, desc,
                                         value, None if missing_qty else qty, rng.random() < 0.05,
                                         rng.random() < 0.1))
                    written += 1
                if written >= rows:
                    return written
                writer.writerow(_row(year, month, r_iso, r_code, r_name, "W00", 0, "World", cmd, desc,
                                     round(total_value, 2), total_qty, not qty_known, False))
                written += 1
    return written


def _row(year: int, month: int, r_iso: str, r_code: int, r_name: str, p_iso: str, p_code: int, p_name: str,
         cmd: str, desc: str, value: float, qty: int | None, estimated: bool, no_weight: bool) -> list:
    weight = "" if no_weight or qty is None else round(qty * 1850.0, 1)
    return ["C", "M", f"{year:04d}{month:02d}01", year, month, f"{year:04d}{month:02d}", r_code, r_iso, r_name,
            "X", "Export", p_code, p_iso, p_name, 0, "W00", "World", "H6", "True", cmd, desc, 6, "True", "C00",
            "TOTAL CPC", 0, 0, "TOTAL MOT", 5 if qty is not None else -1, "u" if qty is not None else "N/A",
            "" if qty is None else qty, "True" if estimated and qty is not None else "False", -1, "N/A", "",
            "False", weight, "False", "", "False", "", f"{value:.2f}", f"{value:.2f}", 0, "True",
            "False" if p_iso != "W00" else "True"]


if __name__ == "__main__":  # pragma: no cover - python -m nevkg.loaders.synthetic ROWS [FILE]
    n = generate_comtrade(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "-")
    print(f"wrote {n} rows", file=sys.stderr)
