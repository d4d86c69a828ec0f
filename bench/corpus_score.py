"""Scoring ``nevkg ingest`` against the annotated real-article corpus (``../shared/corpus``).

Implements the matching rules of the corpus README ("How a scorer should match"): names are compared after
normalising case, accents, punctuation and "&", or by a content-word Jaccard index >= 0.7; statistics by value
(within 0.5 %, sign ignored), canonical unit and overlapping periods; relations by both ends (either order, any
alternative, a containing place through the gold's own ``located_in`` chain) and compatible predicate families;
people by person, organisation and a title sharing at least half its content words. Matching is one-to-one,
best match first.

The corpus texts are read from the shared folder at run time and never copied: this module and the reports it
writes hold only figures, ids and the gold's entity names.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from corpus_predicted import known_names, norm, predicted_names, predicted_relations

_STOP = {"the", "of", "and", "a", "an", "for", "in", "on", "at", "to", "de", "do", "da", "del", "la", "le", "s"}
_UNITS = {"units": "vehicles", "unit": "vehicles", "cars": "vehicles", "car": "vehicles", "vehicle": "vehicles",
          "evs": "vehicles", "nevs": "vehicles", "outlets": "stores", "showrooms": "stores", "dealers": "stores",
          "dealerships": "stores", "store": "stores", "reais": "brl", "real": "brl", "employees": "jobs",
          "workers": "jobs", "staff": "jobs", "%": "percent", "pct": "percent", "percentage-points": "percent",
          "us$": "usd", "$": "usd", "dollars": "usd", "euros": "eur", "yuan": "cny", "rmb": "cny",
          "square-metres": "squaremetres", "square-meters": "squaremetres", "m2": "squaremetres", "gw-h": "gwh",
          "countries-and-regions": "countries"}
CO_PLACE = {"plant_in", "production_project_in", "sells_in", "exports_to", "deploys_in", "invests_in", "located_in"}
CO_CO = {"joint_venture_with", "partner_of", "supplies", "subsidiary_of", "brand_of", "acquires", "invests_in",
         "other:model_of"}


def _words(key: str) -> set[str]:
    return {w for w in key.split() if w not in _STOP}


def names_match(a: set[str], b: set[str]) -> bool:
    """Two sets of normalised names name the same thing (equal, or content-word Jaccard >= 0.7)."""
    if a & b:
        return True
    for x in a:
        wx = _words(x)
        for y in b:
            wy = _words(y)
            if wx and wy and len(wx & wy) / len(wx | wy) >= 0.7:
                return True
    return False


class GoldEntities:
    """The gold entities of one article and a resolver from names to them."""

    def __init__(self, gold: dict[str, Any]) -> None:
        self.items = gold.get("entities") or []
        self.names = [{norm(e["name"]), *(norm(a) for a in e.get("aliases") or [])} for e in self.items]

    def find(self, names: set[str]) -> set[int]:
        """Indexes of the gold entities that any of ``names`` (normalised) names."""
        return {i for i, gn in enumerate(self.names) if names_match(names, gn)}

    def of(self, text: str | None) -> set[int]:
        """The gold entities an ``"A / B"`` gold argument names."""
        if not text:
            return set()
        out: set[int] = set()
        for part in str(text).split(" / "):
            out |= self.find({norm(part)})
        return out


# ---------------------------------------------------------------- statistics
def canonical_unit(unit: Any) -> str:
    u = str(unit or "").strip().lower().replace(" ", "-")
    return _UNITS.get(u, u)


def _interval(start: str | None, end: str | None) -> tuple[date, date] | None:
    if not start:
        return None

    def lo(s: str) -> date:
        p = [int(x) for x in str(s).split("-")]
        return date(p[0], p[1] if len(p) > 1 else 1, p[2] if len(p) > 2 else 1)

    def hi(s: str) -> date:
        p = [int(x) for x in str(s).split("-")]
        if len(p) == 3:
            return date(*p)
        if len(p) == 2:
            nxt = date(p[0] + (p[1] == 12), p[1] % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(p[0], 12, 31)

    return lo(start), hi(end or start)


def gold_interval(period: str | None) -> tuple[date, date] | None:
    if not period:
        return None
    a, _, b = str(period).partition("/")
    return _interval(a, b or a)


def stat_matches(g: dict[str, Any], p: dict[str, Any], *, use_period: bool = True) -> bool:
    gv, pv = abs(Decimal(str(g["value"]))), abs(Decimal(str(p["value"])))
    if abs(gv - pv) > gv * Decimal("0.005") or canonical_unit(g["unit"]) != canonical_unit(p.get("unit")):
        return False
    if not use_period or not g.get("period"):
        return True
    gi, pi = gold_interval(g["period"]), _interval(p.get("period_start"), p.get("period_end"))
    return pi is not None and gi is not None and pi[0] <= gi[1] and gi[0] <= pi[1]


def exact_period(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gi, pi = gold_interval(g.get("period")), _interval(p.get("period_start"), p.get("period_end"))
    return gi == pi


def one_to_one(gold: list, pred: list, score) -> list[tuple[int, int]]:
    """Greedy best-first one-to-one assignment; ``score(g, p)`` is None for no match, else higher is better."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                cands.append((s, i, j))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


# ---------------------------------------------------------------- one article
def score_article(doc: dict[str, Any], gold: dict[str, Any], gaz: Any) -> dict[str, Any]:
    """Counts for one article: per kind tp/fp/fn, and the statistics' side figures."""
    ge = GoldEntities(gold)
    names = predicted_names(doc, gaz)
    out: dict[str, Any] = {}

    # entities
    pred_ids = sorted(names)
    pairs = one_to_one(list(range(len(ge.items))), pred_ids,
                       lambda i, pid: (2 if ge.names[i] & names[pid] else 1) if names_match(ge.names[i],
                                                                                          names[pid]) else None)
    matched_p = {pred_ids[j] for _, j in pairs}
    matched_g = {a for a, _ in pairs}
    out["entities"] = _counts(len(pairs), len(pred_ids), len(ge.items),
                              missed=[ge.items[i]["name"] for i in range(len(ge.items)) if i not in matched_g],
                              extra=[p for p in pred_ids if p not in matched_p])

    def resolves(pid: str | None, gold_text: str | None) -> bool:
        return bool(pid) and bool(ge.find(known_names(pid, names, gaz)) & ge.of(gold_text))

    # statistics
    gs = gold.get("statistics") or []
    ps = list((doc.get("candidates") or {}).get("observations") or [])

    def sscore(g: dict, p: dict) -> float | None:
        if not stat_matches(g, p):
            return None
        return 1 + exact_period(g, p) + resolves(p.get("subject"), g.get("subject")) * 0.5
    spairs = one_to_one(gs, ps, sscore)
    used_p = {j for _, j in spairs}
    gold_yoy = [Decimal(str(g["yoy_pct"])) for g in gs if g.get("yoy_pct") is not None]
    neutral = 0
    for j, p in enumerate(ps):
        if j in used_p:
            continue
        repeat = any(stat_matches(gs[i], p) for i, _ in spairs)
        as_yoy = canonical_unit(p.get("unit")) == "percent" and any(
            abs(abs(Decimal(str(p["value"]))) - abs(y)) <= abs(y) * Decimal("0.005") for y in gold_yoy)
        neutral += repeat or as_yoy
    extra = [j for j in range(len(ps)) if j not in used_p]
    out["statistics"] = _counts(len(spairs), len(ps) - neutral, len(gs),
                                missed=[_stat_show(gs[i]) for i in range(len(gs)) if i not in {a for a, _ in spairs}],
                                extra=[_stat_show(ps[j], pred=True) for j in extra])
    side = {"subject_right": 0, "period_exact": 0, "dest_right": 0, "dest_gold": 0, "yoy_gold": 0, "yoy_sign": 0,
            "yoy_value": 0, "core_tp": 0, "core_gold": sum(not g.get("minor") for g in gs)}
    for i, j in spairs:
        g, p = gs[i], ps[j]
        side["subject_right"] += resolves(p.get("subject"), g.get("subject"))
        side["period_exact"] += exact_period(g, p)
        side["core_tp"] += not g.get("minor")
        if g.get("destination"):
            side["dest_right"] += resolves(p.get("destination"), g["destination"])
        if g.get("yoy_pct") is not None and p.get("yoy_change_pct") is not None:
            gy, py = Decimal(str(g["yoy_pct"])), Decimal(str(p["yoy_change_pct"]))
            side["yoy_sign"] += (gy > 0) == (py > 0)
            side["yoy_value"] += abs(gy - py) <= abs(gy) * Decimal("0.005")
    side["dest_gold"] = sum(bool(g.get("destination")) for g in gs)
    side["yoy_gold"] = len(gold_yoy)
    side["value_unit_tp"] = len(one_to_one(gs, ps, lambda g, p: 1 if stat_matches(g, p, use_period=False) else None))
    out["stat_side"] = side

    # relations (role_at included) and people
    gr = gold.get("relations") or []
    pr = predicted_relations(doc)
    contains = _containment(gr, ge)

    def ends(gtext: str, pid: str, place_ok: bool) -> bool:
        want = ge.of(gtext)
        have = ge.find(known_names(pid, names, gaz))
        if want & have:
            return True
        return place_ok and any(w in contains and contains[w] & have for w in want)

    def rscore(g: dict, p: tuple) -> float | None:
        fam, a, b, _ = p
        pred = g["predicate"]
        if pred == "role_at":
            if fam != "role":
                return None
        elif pred in ("imposes_measure_on", "policy_targets") or pred.startswith("other:"):
            pass
        elif fam == "role" or (fam == "place" and pred not in CO_PLACE) or (fam == "org" and pred not in CO_CO) \
                or fam == "policy":
            return None
        direct = (ends(g["subject"], a, False) and ends(g["object"], b, False)) or \
            (ends(g["subject"], b, False) and ends(g["object"], a, False))
        ok = direct or (ends(g["subject"], a, False) and ends(g["object"], b, True)) or \
            (ends(g["subject"], b, False) and ends(g["object"], a, True))
        if not ok:
            return None
        exact = (fam == "place" and pred in CO_PLACE) or (fam == "org" and pred in CO_CO) or \
                (fam == "role" and pred == "role_at") or (fam == "policy" and pred in ("imposes_measure_on",
                                                                                       "policy_targets"))
        return 1 + exact + 0.5 * direct  # best match first: the place itself before a place containing it
    rpairs = one_to_one(gr, pr, rscore)
    mg = {i for i, _ in rpairs}
    mp = {j for _, j in rpairs}
    out["relations"] = _counts(len(rpairs), len(pr), len(gr),
                               missed=[f"{g['subject']} {g['predicate']} {g['object']}" for i, g in enumerate(gr)
                                       if i not in mg],
                               extra=[f"{p[0]}: {p[1]} → {p[2]}" for j, p in enumerate(pr) if j not in mp])
    out["rel_side"] = {"exact_family": sum(rscore(gr[i], pr[j]) >= 2 for i, j in rpairs),
                       "noroles_tp": sum(gr[i]["predicate"] != "role_at" for i, _ in rpairs),
                       "noroles_pred": sum(p[0] != "role" for p in pr),
                       "noroles_gold": sum(g["predicate"] != "role_at" for g in gr)}
    gp = gold.get("people") or []
    roles = [p for p in pr if p[0] == "role"]

    def pscore(g: dict, p: tuple) -> float | None:
        if not (ends(g["name"], p[1], False) and ends(g["organization"], p[2], False)):
            return None
        return 1 if _titles_match(g.get("title") or "", p[3] or "") else None
    ppairs = one_to_one(gp, roles, pscore)
    out["people"] = _counts(len(ppairs), len(roles), len(gp),
                            missed=[f"{g['name']} / {g['title']} / {g['organization']}" for i, g in enumerate(gp)
                                    if i not in {a for a, _ in ppairs}],
                            extra=[f"{p[1]} / {p[3]} / {p[2]}" for j, p in enumerate(roles)
                                   if j not in {b for _, b in ppairs}])
    return out


def _titles_match(a: str, b: str) -> bool:
    wa, wb = _words(norm(a)), _words(norm(b))
    if not wa or not wb:
        return False
    na, nb = norm(a), norm(b)
    return na in nb or nb in na or len(wa & wb) * 2 >= max(len(wa), len(wb))


def _containment(relations: list[dict[str, Any]], ge: GoldEntities) -> dict[int, set[int]]:
    """Gold place → every gold place containing it, through the gold's ``located_in`` relations."""
    up: dict[int, set[int]] = {}
    for r in relations:
        if r["predicate"] == "located_in":
            for s in ge.of(r["subject"]):
                up.setdefault(s, set()).update(ge.of(r["object"]))
    changed = True
    while changed:
        changed = False
        for k, vs in up.items():
            more = set().union(*(up.get(v, set()) for v in vs)) - vs - {k}
            if more:
                vs |= more
                changed = True
    return up


def _counts(tp: int, pred: int, gold: int, *, missed: list, extra: list) -> dict[str, Any]:
    return {"tp": tp, "fp": max(pred - tp, 0), "fn": gold - tp, "missed": missed, "extra": extra}


def _stat_show(s: dict[str, Any], pred: bool = False) -> str:
    """A statistic as figures only (value, unit, period, subject), never its evidence."""
    if pred:
        period = "/".join(x for x in (s.get("period_start"), s.get("period_end")) if x) or "-"
        return f"{s['value']} {s.get('unit')} {period} subject={s.get('subject')} yoy={s.get('yoy_change_pct')}"
    return f"{s['value']} {s['unit']} {s.get('period') or '-'} subject={s.get('subject')} yoy={s.get('yoy_pct')}"
