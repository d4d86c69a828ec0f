"""Curate: read articles into review files, review and accept candidates; synthetic trade tables."""

from __future__ import annotations

import sys

import click

from nevkg.cli import main
from nevkg.cli.options import store_option


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--publisher", help="Publisher (an organisation's name); default: from the page.")
@click.option("--title", help="Title; default: from the page.")
@click.option("--date", help="Date published, YYYY-MM-DD; default: from the page.")
@click.option("--url", help="Address of the article; default: from the page.")
@click.option("-o", "--output", default=None, metavar="FILE|DIR",
              help="Review file to write ('-' for standard output) for one article, or a folder for the review "
                   "files of several; default: ARTICLE.review.yaml beside each article.")
def ingest(articles: tuple[str, ...], publisher: str | None, title: str | None, date: str | None, url: str | None,
           output: str | None) -> None:
    """Read news articles (.txt, .html, .md files, or folders of them) into review files of candidate facts."""
    from pathlib import Path

    from nevkg.ingest import dump_review, ingest_document
    from nevkg.ingest import ingest as ingest_article
    from nevkg.ingest.pipeline import article_paths, ingest_many

    options = {"publisher": publisher, "title": title, "date": date, "url": url}
    paths = article_paths(list(articles))
    if len(paths) == 1 and (output is None or not Path(output).is_dir()):
        if output == "-":
            click.echo(dump_review(ingest_document(paths[0], **options)), nl=False)
            return
        written = ingest_article(paths[0], out=output, **options)
        click.echo(f"wrote {written}; next: nevkg review {written}")
        return
    if output == "-":
        raise click.UsageError("'-o -' takes one article; give a folder to -o for several")
    if output is not None and not Path(output).is_dir():
        raise click.UsageError(f"-o {output}: for several articles, -o names an existing folder")
    for written in ingest_many(paths, out_dir=output, **options):
        click.echo(f"wrote {written}")
    click.echo(f"{len(paths)} review files; next: nevkg review FILE")


@main.command()
@click.argument("review_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out candidates below this confidence (0-1).")
def review(review_file: str, min_confidence: float) -> None:
    """List the candidates of a review file, grouped by kind, with confidence and evidence."""
    from nevkg.ingest import review_listing

    click.echo(review_listing(review_file, min_confidence=min_confidence))


@main.command()
@store_option
@click.argument("review_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--ids", default=None, help="Comma-separated candidate ids to accept (default: all proposed).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="The records folder to merge into (default: the user data folder $NEVKG_HOME/data, "
                   "which every build loads after the shipped records).")
@click.option("--no-rebuild", is_flag=True, help="Merge only; do not rebuild and validate the graph.")
def accept(store: str | None, review_file: str, ids: str | None, data_dir: str | None, no_rebuild: bool) -> None:
    """Merge accepted candidates into the curated records (ids de-duplicated, conflicts kept), then rebuild."""
    from nevkg.ingest import accept as accept_review

    options = {"ids": [i.strip() for i in ids.split(",") if i.strip()] if ids else None,
               "rebuild": not no_rebuild, "store": store}
    if data_dir:
        options["data_dir"] = data_dir
    click.echo(accept_review(review_file, **options).text())


@main.command("generate-stats")
@click.option("--rows", type=click.IntRange(min=1), required=True, help="How many data rows.")
@click.option("-o", "--output", required=True, metavar="FILE", help="The CSV file to write ('-' for stdout).")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same table.")
def generate_stats(rows: int, output: str, seed: int) -> None:
    """Write a synthetic trade table in the UN Comtrade bulk layout (for tests and benchmarks)."""
    from nevkg.loaders.synthetic import generate_comtrade

    if output == "-":
        generate_comtrade(rows, sys.stdout, seed=seed)
        return
    written = generate_comtrade(rows, output, seed=seed)
    click.echo(f"wrote {written} rows to {output}", err=True)
