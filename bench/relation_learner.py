"""Experiment: would a learned relation model add to the extractor's rules?

The rules propose relations from cue words and the dependency parse. This script asks whether a statistical
model, trained on the hand-annotated sample articles, finds relations the rules miss. For every pair of names
in one sentence (an organisation and a place, or two organisations) it reads features from the parse — the
lemma where the two names' paths meet, the words and dependency labels on that path, the word governing each
name, the words between them, negation and modality in the sentence — and fits one logistic regression per
relation family (site, exports-to, sells-in, entered, deployment, investment, partnership) with numpy.

A pair the rules already relate is left to the rules; every other pair whose probability passes a threshold
becomes a proposed record, added to the review document, and the document is scored again by the benchmark's
own scorers (:mod:`extract` for the samples, :mod:`corpus_score` for the real articles of ``../shared/corpus``).

* samples: cross-validation by group (rounds 6, 7 and 8, the other held-out samples, four folds of the older ones): the
  model never scores an article it was trained on;
* corpus: trained on all the samples, scored on the real articles (it never sees their gold; their texts are
  read from ``../shared/corpus`` and never copied).

Run: ``python bench/relation_learner.py [--out bench/results/relation_learner.md]``. Needs the ``[nlp]`` extra
(numpy comes with it).
"""

from __future__ import annotations

import argparse
import collections
import copy
import re
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_run import read_corpus_article, split_of  # noqa: E402
from corpus_score import score_article  # noqa: E402
from extract import ARTICLES, REPO, _rel_match, match, predicted  # noqa: E402
from mdtable import markdown_table  # noqa: E402

from nevkg.ingest.extract.nlp import parse  # noqa: E402
from nevkg.ingest.gazetteer import Gazetteer  # noqa: E402
from nevkg.ingest.pipeline import ingest_document  # noqa: E402

FAMILIES = ("site", "exports-to", "sells-in", "entered", "deployment", "investment", "partnership")
#: families whose second end is a place (the others may take an organisation too)
_PLACE_ONLY = {"site", "exports-to", "sells-in", "entered", "deployment"}
_NEG = {"not", "no", "never", "n't", "deny", "without"}
_MODAL = {"will", "would", "plan", "aim", "intend", "could", "may"}
THRESHOLDS = (0.5, 0.7, 0.85)


# ----------------------------------------------------------------------------------------------- pairs
def name_spans(doc: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, id, file) of every organisation and place the review names: known ones and new ones."""
    out = [(s, e, m["id"], m["file"]) for m in doc["mentions"] for s, e in m["spans"]]
    for file in ("organizations", "places"):
        for rec in (doc["candidates"].get(file) or []):
            rid = rec["_review"].get("merge_into") or rec["id"]
            out += [(s, e, rid, file) for s, e in rec["_review"].get("spans") or []]
    return [x for x in out if x[3] in ("organizations", "places")]


def _path(t1: Any, t2: Any) -> tuple[list, list, Any] | None:
    up, down = [t1, *t1.ancestors], [t2, *t2.ancestors]
    at = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in at:
            return up[:k + 1], down[:at[t.i]][::-1], t
    return None


def features(sent: Any, a: tuple[int, int], b: tuple[int, int], b_kind: str) -> list[str] | None:
    """The features of one pair of names in one parsed sentence (``None`` when the parse does not join them)."""
    doc = sent.doc
    sa, sb = doc.char_span(*a, alignment_mode="expand"), doc.char_span(*b, alignment_mode="expand")
    if sa is None or sb is None or not len(sa) or not len(sb) or sa.root.i == sb.root.i:
        return None
    h1, h2 = sa.root, sb.root
    found = _path(h1, h2)
    if found is None:
        return None
    up, down, meet = found
    lemma = meet.lemma_.lower()
    f = [f"b={b_kind}", f"meet={lemma}", f"meet={lemma}|{meet.pos_}", f"len={min(len(up) + len(down), 8)}",
         "order=" + ("ab" if a[0] < b[0] else "ba"), f"adep={h1.dep_}", f"bdep={h2.dep_}",
         f"bhead={h2.head.lemma_.lower()}", f"ahead={h1.head.lemma_.lower()}",
         f"ahead={h1.head.lemma_.lower()}|{b_kind}",
         "bhead2=" + (h2.head.head.lemma_.lower() if h2.head.dep_ == "prep" else "-"),
         "dp=" + "/".join(t.dep_ for t in up[:-1]) + "^" + "/".join(t.dep_ for t in down)]
    for t in up[1:-1] + down[:-1]:
        f += [f"pw={t.lemma_.lower()}", f"pw={t.lemma_.lower()}|{b_kind}"]
    f += [f"pd={t.dep_}" for t in up[1:] + down]
    lo, hi = sorted((h1.i, h2.i))
    if hi - lo < 15:
        f += [f"bw={t.lemma_.lower()}" for t in doc[lo + 1:hi] if t.is_alpha]
    lemmas = {t.lemma_.lower() for t in sent}
    f += ["neg"] * bool(lemmas & _NEG) + ["modal"] * bool(lemmas & _MODAL)
    return f


def pairs(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every (organisation, other name) pair of one sentence with its features and the sentence's text."""
    parsed = parse(doc["text"].replace("\u2019", "'"))
    names = name_spans(doc)
    rows = []
    for sent in parsed.sents:
        inside = [n for n in names if sent.start_char <= n[0] and n[1] <= sent.end_char]
        seen: set[tuple[str, str]] = set()
        for a in (n for n in inside if n[3] == "organizations"):
            for b in inside:
                if b[2] == a[2] or (a[2], b[2]) in seen:
                    continue
                seen.add((a[2], b[2]))
                kind = "org" if b[3] == "organizations" else "place"
                f = features(sent, a[:2], b[:2], kind)
                if f is not None:
                    rows.append({"a": a[2], "b": b[2], "kind": kind, "f": f, "sent": sent.text})
    return rows


def sample_labels(gold: dict[str, Any], row: dict[str, Any]) -> set[str]:
    """The families the sample's gold gives the pair (an argument written as a list accepts any of its ids)."""
    def has(arg: Any, rid: str) -> bool:
        return any(rid == (x[0] if isinstance(x, list) else x) for x in (arg if isinstance(arg, list) else [arg]))
    out = set()
    for kind, first, second in ((g[0], g[1], g[2]) for g in gold.get("relations") or []):
        family = "partnership" if kind.startswith("partnership:") else kind
        if family == "partnership" and {row["a"], row["b"]} == {first, second}:
            out.add(family)
        elif family in FAMILIES and family != "partnership" and has(first, row["a"]) and has(second, row["b"]):
            out.add(family)
    return out


# ----------------------------------------------------------------------------------------------- model
class Model:
    """One-vs-rest logistic regression over binary features (L2, full-batch gradient descent)."""

    def __init__(self, rows: list[dict[str, Any]], min_count: int = 2, l2: float = 1.0, steps: int = 300) -> None:
        counts = collections.Counter(f for r in rows for f in set(r["f"]))
        self.vocab = {f: i for i, f in enumerate(k for k, v in counts.items() if v >= min_count)}
        x = self.matrix(rows)
        y = np.array([[fam in r["y"] for fam in FAMILIES] for r in rows], dtype=np.float32)
        self.w = np.zeros((x.shape[1], len(FAMILIES)), dtype=np.float32)
        for _ in range(steps):
            p = 1 / (1 + np.exp(-(x @ self.w)))
            self.w -= 0.5 * (x.T @ (p - y) + l2 * self.w) / len(x)

    def matrix(self, rows: list[dict[str, Any]]) -> np.ndarray:
        x = np.zeros((len(rows), len(self.vocab) + 1), dtype=np.float32)
        x[:, -1] = 1  # bias
        for k, r in enumerate(rows):
            x[k, [self.vocab[f] for f in r["f"] if f in self.vocab]] = 1
        return x

    def proba(self, rows: list[dict[str, Any]]) -> np.ndarray:
        return 1 / (1 + np.exp(-(self.matrix(rows) @ self.w))) if rows else np.zeros((0, len(FAMILIES)))


def _related(doc: dict[str, Any]) -> set[frozenset[str]]:
    """The pairs of ids the rules already relate, in any family."""
    c = doc["candidates"]
    out = {frozenset([op, r.get("place")]) for r in c.get("sites") or [] for op in r.get("operator") or []}
    out |= {frozenset([r["exporter"], r["market"]]) for r in c.get("market_presence") or []}
    out |= {frozenset([r["investor"], r.get("place") or r.get("investee")]) for r in c.get("investments") or []}
    for r in c.get("partnerships") or []:
        ps = r.get("partners") or []
        out |= {frozenset([a, b]) for i, a in enumerate(ps) for b in ps[i + 1:]}
    for r in c.get("deployments") or []:
        for actor in [r["operator"], *(r.get("partners") or [])]:
            out |= {frozenset([actor, p]) for p in r.get("places") or []}
    return out


def with_proposals(doc: dict[str, Any], rows: list[dict[str, Any]], proba: np.ndarray, threshold: float
                   ) -> tuple[dict[str, Any], int]:
    """A copy of the review document with a record for each pair the model relates and the rules do not."""
    out = copy.deepcopy(doc)
    c, related, added = out["candidates"], _related(doc), set()
    for row, p in zip(rows, proba, strict=True):
        for j, family in enumerate(FAMILIES):
            key = (family, row["a"], row["b"])
            if (p[j] < threshold or frozenset([row["a"], row["b"]]) in related or key in added
                    or (family in _PLACE_ONLY) != (row["kind"] == "place") and family != "investment"):
                continue
            added.add(key)
            if family == "site":
                c.setdefault("sites", []).append({"operator": [row["a"]], "place": row["b"]})
            elif family == "deployment":
                c.setdefault("deployments", []).append({"operator": row["a"], "places": [row["b"]]})
            elif family == "investment":
                c.setdefault("investments", []).append(
                    {"investor": row["a"], ("place" if row["kind"] == "place" else "investee"): row["b"]})
            elif family == "partnership":
                kind = "joint-venture" if re.search(r"joint[ -]venture", row["sent"], re.I) else "cooperation"
                c.setdefault("partnerships", []).append({"kind": kind, "partners": [row["a"], row["b"]]})
            else:
                c.setdefault("market_presence", []).append(
                    {"activity": family, "exporter": row["a"], "market": row["b"]})
    return out, len(added)


# ----------------------------------------------------------------------------------------------- runs
def _counts_samples(doc: dict[str, Any], gold: dict[str, Any]) -> tuple[int, int, int]:
    pairs_, missed, extra = match(gold.get("relations") or [], predicted(doc)["relations"], _rel_match)
    return len(pairs_), len(extra), len(missed)


def _counts_corpus(doc: dict[str, Any], gold: dict[str, Any], gaz: Any) -> tuple[int, int, int]:
    r = score_article(doc, gold, gaz)["relations"]
    return r["tp"], r["fp"], r["fn"]


def _row(name: str, threshold: float, before: collections.Counter, after: collections.Counter, n: int) -> tuple:
    def pr(t: collections.Counter) -> str:
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
        return f"{p:.2f} / {r:.2f}"
    return (name, f"{threshold:.2f}", pr(before), pr(after), n, after["tp"] - before["tp"],
            after["fp"] - before["fp"])


def run() -> str:
    gaz = Gazetteer.load()
    samples = {}
    for gold_path in sorted(ARTICLES.glob("*.gold.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        doc = ingest_document(ARTICLES / gold["article"], date=str(gold["date"]) if gold.get("date") else None,
                              publisher=gold.get("publisher"), kg_or_records=gaz)
        rows = pairs(doc)
        for r in rows:
            r["y"] = sample_labels(gold, r)
        samples[gold["article"]] = (doc, gold, rows)
    names = sorted(samples)
    groups = {f"round {k}": [n for n in names if n.startswith(f"r{k}-")] for k in (8, 7, 6)}
    groups["held-out samples"] = [n for n in names if samples[n][1].get("split") == "held-out" and n[:3] not in
                                  ("r8-", "r7-", "r6-")]
    older = [n for n in names if not any(n in g for g in groups.values())]
    groups.update({f"older, fold {k + 1}": older[k::4] for k in range(4)})
    table = []
    totals = {t: (collections.Counter(), collections.Counter(), 0) for t in THRESHOLDS}
    for group, test in groups.items():
        model = Model([r for n in names if n not in test for r in samples[n][2]])
        for t in THRESHOLDS:
            before, after, added = collections.Counter(), collections.Counter(), 0
            for n in test:
                doc, gold, rows = samples[n]
                more, k = with_proposals(doc, rows, model.proba(rows), t)
                for counter, d in ((before, doc), (after, more)):
                    counter.update(dict(zip(("tp", "fp", "fn"), _counts_samples(d, gold), strict=True)))
                added += k
            table.append(_row(f"samples: {group}", t, before, after, added))
            b, a, k = totals[t]
            totals[t] = (b + before, a + after, k + added)
    table += [_row("samples: all (cross-validated)", t, *totals[t]) for t in THRESHOLDS]
    model = Model([r for n in names for r in samples[n][2]])
    corpus = REPO.parent / "shared" / "corpus"
    if (corpus / "articles").is_dir():
        import json
        runs = {t: {s: (collections.Counter(), collections.Counter(), 0) for s in ("dev", "held-out")}
                for t in THRESHOLDS}
        with tempfile.TemporaryDirectory() as tmp:
            for art in sorted((corpus / "articles").glob("*.txt")):
                meta, body = read_corpus_article(art)
                body_path = Path(tmp) / "article.txt"
                body_path.write_text(body, encoding="utf-8")
                gold = json.loads((corpus / "gold" / (art.stem + ".json")).read_text(encoding="utf-8"))
                doc = ingest_document(body_path, date=meta.get("date"), title=meta.get("title"),
                                      publisher=meta.get("publisher"), url=meta.get("url"), kg_or_records=gaz)
                rows = pairs(doc)
                proba = model.proba(rows)
                for t in THRESHOLDS:
                    more, k = with_proposals(doc, rows, proba, t)
                    b, a, n = runs[t][split_of(art.name)]
                    b.update(dict(zip(("tp", "fp", "fn"), _counts_corpus(doc, gold, gaz), strict=True)))
                    a.update(dict(zip(("tp", "fp", "fn"), _counts_corpus(more, gold, gaz), strict=True)))
                    runs[t][split_of(art.name)] = (b, a, n + k)
        table += [_row(f"corpus {s} (trained on all samples)", t, *runs[t][s])
                  for s in ("held-out", "dev") for t in THRESHOLDS]
    head = ("articles", "threshold", "rules P / R", "rules + model P / R", "proposed", "tp added", "fp added")
    return (f"# bench/relation_learner.py, {date.today().isoformat()}\n\n"
            "Relations only. A learned pair model (logistic regression over parse features, trained on the "
            "samples) adds its proposals to the rules' for the pairs the rules leave unrelated; each set is scored "
            "by the benchmark's own scorer. See the module's docstring for the method.\n\n"
            + markdown_table(head, table) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="also write the report here")
    args = ap.parse_args(argv)
    report = run()
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
