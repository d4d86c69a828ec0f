"""Word lists that several rule modules read, kept in one place so that they do not drift apart.

Each list is the shared base of its kind; a module that needs more (or a narrower reading) adds its own words to
the base where it uses it, under a comment that says why. This module imports nothing from the package, so any
rule module may import from it.

* :data:`SITE_WORDS`, :data:`SITE_NOUNS`, :data:`SITE_NOUN_RE`: the nouns of a production site ("the plant", "its
  factory", "a facility in X"), as lemmas and as a regular-expression alternation (same order as the tuple);
* :data:`NAMED_WORKS_RE`: what follows a place that names a plant ("the Shanghai plant", "its Szeged EV factory").
"""

from __future__ import annotations

__all__ = ["SITE_WORDS", "SITE_NOUNS", "SITE_NOUN_RE", "NAMED_WORKS_RE"]

#: nouns of a production site, singular and lower-case: what "the plant", "its factory" or "a facility in X" name
SITE_WORDS = ("plant", "factory", "facility", "site", "works", "complex")
#: the same as a set of lemmas
SITE_NOUNS = frozenset(SITE_WORDS)
#: the same as a regular-expression alternation, to be put in a group: ``rf"(?:{SITE_NOUN_RE}|…)"``
SITE_NOUN_RE = "|".join(SITE_WORDS)
#: a site noun right after a place that names the site ("the Shanghai plant", "its Szeged EV factory"), with an
#: optional word of what is made there; no leading space, no trailing boundary (the user adds what it needs)
NAMED_WORKS_RE = r"(?:(?:car|vehicle|assembly|battery|EV)\s+)?(?:plant|factory|works|facility|gigafactory)"
