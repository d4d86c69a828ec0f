"""No sentence of a source article may be copied into the repository (DESIGN: facts and figures only).

Every run of eight consecutive words of any article in ``shared/sources`` is forbidden in every text file
of the repository. Two exemptions, both names rather than sentences:

* the ``title`` of a source record in ``nevkg/data/sources.yaml``: a citation has to quote the title as
  published;
* the published title of a document the data models (a label or alias of a policy or plan record) where an
  article prints that title *between quotation marks*: users look the document up by the title they read,
  so it is a name (issue 14). Only the exact quoted title is cut out, nothing around it;
* a long proper name of an organisation (a label or alias of an organisation record) that an article prints
  in title case, e.g. a committee's full name: every word but "of", "the", "and", "for" … is capitalised,
  which no sentence is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SOURCES_DIR = Path(__file__).resolve().parents[3] / "shared" / "sources"
SHINGLE = 8
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
TEXT_SUFFIXES = {
    ".py", ".yaml", ".yml", ".md", ".rst", ".ttl", ".rq", ".txt", ".toml", ".json", ".jsonld", ".html", ".htm",
    ".cfg", ".ini", ".csv", ".tsv", ".nq", ".nt", ".trig", ".sparql", ".j2", ".jinja", ".css", ".js", ".xml", ".sh",
}
SKIP_DIRS = {".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache", ".nevkg",
             "build", "dist", "node_modules", ".tox", ".eggs"}


def words(text: str) -> list[str]:
    """Lower-cased words, apostrophe contractions kept whole."""
    return WORD.findall(text.lower())


def shingles(tokens: list[str], n: int = SHINGLE) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def exempt_titles() -> list[list[str]]:
    """Word lists of the source titles, which may be quoted exactly."""
    path = REPO / "nevkg" / "data" / "sources.yaml"
    if not path.exists():
        return []
    records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [words(str(r["title"])) for r in records if isinstance(r, dict) and r.get("title")]


#: record files whose records are documents (their published titles may be quoted as names)
DOCUMENT_FILES = ("policies.yaml", "plans.yaml")
QUOTED = re.compile(r'["“]([^"”]{3,300})["”]')


def quoted_document_titles() -> list[list[str]]:
    """Word lists of the document names in the data that an article prints as a quoted title."""
    if not SOURCES_DIR.is_dir():
        return []
    quoted = [words(q) for article in sorted(SOURCES_DIR.glob("*.txt"))
              for q in QUOTED.findall(article.read_text(encoding="utf-8"))]
    found = []
    for name in DOCUMENT_FILES:
        path = REPO / "nevkg" / "data" / name
        records = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
        for record in records or []:
            for title in [record.get("label", ""), *record.get("aliases", [])]:
                tokens = words(str(title))
                if len(tokens) >= SHINGLE and any(tokens == q for q in quoted):
                    found.append(tokens)
    return found


FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "&"}


def is_title_case(name: str) -> bool:
    """Every word a capitalised word, a number or a function word: a proper name, not a sentence.

    >>> is_title_case("Supervisory Council of the Business Alliance"), is_title_case("The plan asks firms to export")
    (True, False)
    """
    tokens = name.replace("(", " ").replace(")", " ").split()
    return bool(tokens) and all(t[0].isupper() or t[0].isdigit() or t.lower() in FUNCTION_WORDS for t in tokens)


def printed_organisation_names() -> list[list[str]]:
    """Word lists of long title-case organisation names in the data that an article prints exactly."""
    if not SOURCES_DIR.is_dir():
        return []
    texts = [" ".join(words(a.read_text(encoding="utf-8"))) for a in sorted(SOURCES_DIR.glob("*.txt"))]
    path = REPO / "nevkg" / "data" / "organizations.yaml"
    found = []
    for record in (yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None) or []:
        for name in [record.get("label", ""), *record.get("aliases", [])]:
            tokens = words(str(name))
            if len(tokens) >= SHINGLE and is_title_case(str(name)) and any(f" {' '.join(tokens)} " in f" {t} " for t in texts):
                found.append(tokens)
    return found


def strip_titles(tokens: list[str], titles: list[list[str]]) -> list[list[str]]:
    """Split a file's words into runs with every exact occurrence of an exempt title cut out."""
    runs: list[list[str]] = []
    current: list[str] = []
    i = 0
    while i < len(tokens):
        for title in titles:
            if title and tokens[i:i + len(title)] == title:
                runs.append(current)
                current = []
                i += len(title)
                break
        else:
            current.append(tokens[i])
            i += 1
    runs.append(current)
    return runs


def repo_text_files(root: Path):
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part in SKIP_DIRS or part.endswith(".egg-info") for part in rel.parts[:-1]):
            continue
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            yield path


def copied_runs(text: str, forbidden: set[tuple[str, ...]], titles: list[list[str]]) -> list[str]:
    """The forbidden eight-word runs found in ``text`` (outside exempt titles)."""
    hits = []
    for run in strip_titles(words(text), titles):
        for sh in sorted(shingles(run) & forbidden):
            hits.append(" ".join(sh))
    return hits


@pytest.fixture(scope="module")
def forbidden() -> set[tuple[str, ...]]:
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"no source articles at {SOURCES_DIR}")
    found: set[tuple[str, ...]] = set()
    for article in sorted(SOURCES_DIR.glob("*.txt")):
        found |= shingles(words(article.read_text(encoding="utf-8")))
    if not found:
        pytest.skip("the source folder holds no article text")
    return found


def test_no_eight_word_run_of_any_article_is_copied(forbidden):
    titles = exempt_titles() + quoted_document_titles() + printed_organisation_names()
    problems = []
    for path in repo_text_files(REPO):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        hits = copied_runs(text, forbidden, titles)
        if hits:
            problems.append(f"{path.relative_to(REPO)}: " + " | ".join(hits[:5])
                            + (f" (+{len(hits) - 5} more)" if len(hits) > 5 else ""))
    assert not problems, "text copied from the source articles (paraphrase it):\n" + "\n".join(problems)


def test_the_check_catches_a_copied_sentence(forbidden, tmp_path):
    """The check itself must be able to fail: a copied run is found, a paraphrase is not.

    The copied text is taken from an article at run time, so this file holds no copied sentence itself.
    """
    article = sorted(SOURCES_DIR.glob("*.txt"))[0].read_text(encoding="utf-8")
    lifted = " ".join(words(article)[10:22])
    planted = tmp_path / "planted.yaml"
    planted.write_text(f"- id: planted\n  note: {lifted}\n", encoding="utf-8")
    assert copied_runs(planted.read_text(encoding="utf-8"), forbidden, []), "a lifted sentence went unnoticed"
    assert not copied_runs("Ningbo's NEV exports came to 6.82 billion yuan in early 2026.", forbidden, [])


def test_only_exact_source_titles_are_exempt(forbidden):
    title = words("Expanding production capacity and building charging piles, the export of new energy "
                  "vehicles in Guangzhou is accelerating")
    text = "title: Expanding production capacity and building charging piles, the export of new energy vehicles in Guangzhou is accelerating"
    assert not copied_runs(text, forbidden, [title])
    assert copied_runs(text, forbidden, [])


def test_quoted_document_titles_are_exempt_only_as_whole_titles(forbidden):
    """The Guangzhou plan's title is printed in quotes: as a name it is allowed, a longer run around it is not."""
    titles = quoted_document_titles()
    plan = words("Three-Year Action Plan for Promoting the Development of the Intelligent Connected New Energy "
                 "Vehicle Industry in Guangzhou")
    assert plan in titles
    assert not copied_runs("aliases: [" + " ".join(plan) + "]", forbidden, titles)
    # the words the article prints right after the quoted title are not part of the name
    article = next(a.read_text(encoding="utf-8") for a in sorted(SOURCES_DIR.glob("*.txt"))
                   if "Intelligent Connected New Energy Vehicle Industry" in a.read_text(encoding="utf-8"))
    tail = words(article.split("Industry in Guangzhou", 1)[1])[:8]
    assert copied_runs(" ".join(plan[-2:] + tail), forbidden, titles)


def test_long_organisation_names_are_names_sentences_are_not(forbidden):
    names = printed_organisation_names()
    council = words("Supervisory Council of the Business and Professionals Alliance for Hong Kong")
    assert council in names
    assert not copied_runs("aliases: [" + " ".join(council) + "]", forbidden, names)
    assert not is_title_case("the ships of new energy cars from Guangzhou are speeding up")
