"""What ``nevkg --help`` and each command's help teach: command groups and worked examples.

Kept apart from :mod:`nevkg.cli` so the commands stay thin and the help can be checked as data:
``tests/test_cli_help.py`` asserts that every command sits in exactly one group, has at least two examples, and
that every example parses against the command's real options (so an example cannot rot when an option is renamed).
Nothing here imports rdflib: it is read by ``nevkg --help``.
"""

from __future__ import annotations

__all__ = ["SECTIONS", "EXAMPLES", "first_sentence"]

#: ``nevkg --help`` lists the commands in these groups, in this order.
SECTIONS: list[tuple[str, list[str]]] = [
    ("Start here", ["demo", "build", "stats", "validate"]),
    ("Ask", ["query", "ask", "path", "neighbors", "rank", "footprint", "exposure", "communities", "risk",
             "profile", "check-headlines", "alerts"]),
    ("Draw", ["viz", "chart"]),
    ("Serve and publish", ["serve", "export", "release", "diff"]),
    ("Curate", ["ingest", "review", "accept", "generate-stats"]),
]

#: Two or more examples per command, each a full command line as a user types it.
EXAMPLES: dict[str, list[str]] = {
    "demo": ["nevkg demo", "nevkg demo --out-dir pages/"],
    "build": ["nevkg build", "nevkg build --data my-records/ --data extra.ttl",
              "nevkg build --store memory --no-shipped --data my-records/"],
    "stats": ["nevkg stats", "nevkg stats --format json"],
    "validate": ["nevkg validate", "nevkg validate --format json"],
    "query": ["nevkg query 'SELECT ?o WHERE { nevid:byd nev:country ?o }'",
              "nevkg query -f question.rq --format csv --timeout 10"],
    "ask": ["nevkg ask --list",
            "nevkg ask partnerships-of --param org=Chery",
            "nevkg ask trade-top-destinations -p reporter=China -p product=870380 -p from=2024-01 -p to=2024-12"],
    "path": ["nevkg path 'Zhu Huarong' WeRide", "nevkg path BYD Hungary --max 3"],
    "neighbors": ["nevkg neighbors Chery", "nevkg neighbors BYD --depth 2 --format graphml -o byd.graphml"],
    "rank": ["nevkg rank", "nevkg rank --measure pagerank --kind Automaker --top 10"],
    "footprint": ["nevkg footprint 'SAIC Motor'", "nevkg footprint BYD --format json",
                  "nevkg footprint BYD --as-known-on 2025-04-15"],
    "exposure": ["nevkg exposure Europe", "nevkg exposure Thailand --format csv"],
    "communities": ["nevkg communities", "nevkg communities --seed 7 --format json"],
    "risk": ["nevkg risk", "nevkg risk --as-of 2024-10-01 --within 60 --org BYD",
             "nevkg risk --as-of 2024-10-01 --org BYD --as-known-on 2024-10-28"],
    "profile": ["nevkg profile Brazil", "nevkg profile 'European Union' --format json",
                "nevkg profile Canada --as-known-on 2026-01-15"],
    "check-headlines": ["nevkg check-headlines", "nevkg check-headlines --format json"],
    "alerts": ["nevkg alerts -o alerts.atom", "nevkg alerts --org BYD --market 'European Union' -o byd.atom"],
    "viz": ["nevkg viz -o overview.html", "nevkg viz --focus BYD --depth 1 -o byd.html",
            "nevkg viz --market 'European Union' -o eu.html"],
    "chart": ["nevkg chart --measure 'export volume' --subject China -o exports.html",
              "nevkg chart --measure 'export volume' --subject China -o exports.svg"],
    "serve": ["nevkg serve", "nevkg serve --port 0 --timeout 10 --max-rows 1000"],
    "export": ["nevkg export --format ttl -o nevkg.ttl",
               "nevkg export --format graphml --collapse-facts -o nevkg.graphml"],
    "release": ["nevkg release -o releases/2026-12-02", "nevkg release -o releases/next --since releases/2026-12-02"],
    "diff": ["nevkg diff releases/2026-11-01 releases/2026-12-02",
             "nevkg diff releases/2026-11-01 releases/2026-12-02 --format json"],
    "ingest": ["nevkg ingest article.html", "nevkg ingest articles/ --date 2025-05-02"],
    "review": ["nevkg review article.review.yaml", "nevkg review article.review.yaml --min-confidence 0.7"],
    "accept": ["nevkg accept article.review.yaml", "nevkg accept article.review.yaml --ids c1,c4 --no-rebuild"],
    "generate-stats": ["nevkg generate-stats --rows 1000 -o trade.csv",
                       "nevkg generate-stats --rows 1000000 --seed 3 -o big.csv"],
}


def first_sentence(text: str | None) -> str:
    """The first sentence of a help text, whole (never cut mid-sentence), on one line.

    Examples
    --------
    >>> first_sentence("Load every source, validate, and swap the new graph in (atomically). More here.")
    'Load every source, validate, and swap the new graph in (atomically).'
    >>> first_sentence("Counts per class.\\n\\nDetails follow.")
    'Counts per class.'
    >>> first_sentence("Draw statistics: a measure over periods (e.g. 2024 vs. 2025), labelled")
    'Draw statistics: a measure over periods (e.g. 2024 vs. 2025), labelled'
    """
    paragraph = " ".join((text or "").strip().split("\n\n")[0].split())
    depth = 0
    for i, ch in enumerate(paragraph):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "." and depth <= 0 and (i + 1 == len(paragraph) or paragraph[i + 1] == " "):
            word = paragraph[:i].rsplit(" ", 1)[-1]
            if word.lower() in {"e.g", "i.e", "vs", "etc", "cf"}:
                continue
            return paragraph[:i + 1]
    return paragraph
