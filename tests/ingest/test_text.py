"""Reading articles: HTML through a real parser (scripts dropped, never run, no network), Markdown, refusals."""

from __future__ import annotations

import socket

import pytest

from nevkg.ingest.text import ArticleError, html_to_text, markdown_to_text, parse_date, read_article

from .conftest import ARTICLES

PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Fallback title</title>
<meta property="og:title" content="Harbour exports rise">
<meta property="og:site_name" content="Test Harbour News">
<meta property="article:published_time" content="2026-05-04T10:00:00Z">
<meta property="og:url" content="https://example.org/og">
<link rel="canonical" href="https://example.org/canonical">
<style>p { color: red } </style>
<script>window.location = "https://evil.example"; var secret = "SCRIPT-TEXT-ONE";</script>
</head><body>
<nav>Menu SCRIPT-NAV</nav>
<p>Ningbo shipped 1,200 cars in April.</p>
<script type="module">import("https://cdn.example/x.js"); document.body.innerHTML = "SCRIPT-TEXT-TWO"</script>
<noscript>SCRIPT-TEXT-THREE</noscript>
<p>Second <b>paragraph</b> &amp; more.</p>
<template><p>SCRIPT-TEXT-FOUR</p></template>
</body></html>"""


def test_html_text_drops_scripts_styles_and_navigation():
    text, meta = html_to_text(PAGE)
    assert text == "Ningbo shipped 1,200 cars in April.\n\nSecond paragraph & more.\n"
    for hidden in ("SCRIPT-TEXT", "SCRIPT-NAV", "window.location", "color: red", "import("):
        assert hidden not in text


def test_html_metadata_prefers_open_graph_and_canonical():
    _, meta = html_to_text(PAGE)
    assert meta["title"] == "Harbour exports rise"
    assert meta["publisher"] == "Test Harbour News"
    assert meta["date"] == "2026-05-04T10:00:00Z"
    assert meta["url"] == "https://example.org/canonical"
    assert meta["language"] == "en-GB"
    assert meta["_from"]["title"] == "og:title"


def test_html_metadata_falls_back_to_title_and_time():
    _, meta = html_to_text('<html><head><title> Plain  title </title></head><body>'
                           '<time datetime="2025-11-30">30 Nov</time><p>x</p></body></html>')
    assert meta["title"] == "Plain title"
    assert meta["date"] == "2025-11-30"
    assert meta["url"] is None


def test_reading_a_page_opens_no_network_connection(monkeypatch, tmp_path):
    def no_network(*args, **kwargs):
        raise AssertionError("the reader tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert "SCRIPT-TEXT" not in article.text
    assert article.title == "Harbour exports rise" and article.format == "html"


def test_the_sample_page_keeps_its_script_text_out():
    article = read_article(ARTICLES / "qingdao-autumn.html")
    assert "Tracker says" not in article.text and "fetch(" not in article.text and "Tesla" not in article.text
    assert "Copyright" not in article.text and "Subscribe" not in article.text
    assert article.date.startswith("2025-12-03") and article.publisher == "Coastal Business Herald"


def test_markdown_front_matter_and_markup():
    text, meta = markdown_to_text("---\ntitle: 'Front title'\ndate: 2026-01-02\npublisher: Weekly\n---\n"
                                  "# Heading\n\nA **bold** claim with a [link](https://x.example) and `code`.\n"
                                  "![img](a.png)\n- item one\n")
    assert meta["title"] == "Front title" and meta["date"] == "2026-01-02" and meta["publisher"] == "Weekly"
    assert text == "Heading\n\nA bold claim with a link and code.\n\nitem one\n"


@pytest.mark.parametrize("data, fragment", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF"),
    (b"text with a \x00 NUL byte in it", "binary"),
    (b"caf\xe9 latin-1 bytes", "not UTF-8"),
])
def test_binary_or_undecodable_files_are_refused(write, data, fragment):
    with pytest.raises(ArticleError, match=fragment):
        read_article(write(data))


@pytest.mark.parametrize("content, name", [(b"", "empty.txt"), (b"   \n\n  ", "blank.txt"),
                                           (b"<html><script>var a = 1;</script></html>", "only.html")])
def test_empty_articles_are_refused(write, content, name):
    with pytest.raises(ArticleError, match="empty|no article text"):
        read_article(write(content, name))


def test_unsupported_suffix_and_missing_file(write, tmp_path):
    with pytest.raises(ArticleError, match="unsupported kind of file '.docx'"):
        read_article(write("text", "story.docx"))
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")


@pytest.mark.parametrize("given, expected", [
    ("2026-04-08", "2026-04-08"), ("2026-04-08T23:59:00+08:00", "2026-04-08"), ("2026/4/8", "2026-04-08"),
    ("8 April 2026", "2026-04-08"), ("Apr. 8, 2026", "2026-04-08"), ("2026-04", "2026-04"), ("2026", "2026"),
    ("yesterday", None), ("2026-13-01", None),
])
def test_parse_date(given, expected):
    assert parse_date(given) == expected
