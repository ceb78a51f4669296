"""Compare trafilatura with readability-lxml on the corpus's saved pages (run by hand).

For each page: how many of the article's own section headings (from the corpus manifest) each
extractor keeps as headings, how many of the page's chrome strings stay in its text, and its time.
Needs `pip install readability-lxml`; it is not a dependency (trafilatura was chosen by this table).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import trafilatura
from lxml import html as lxml_html
from support.article_quality import CORPUS, manifest


def _text_and_headings(markup: str) -> tuple[str, list[str]]:
    """The words of extracted HTML, and the texts of its headings."""
    if not markup.strip():
        return "", []
    tree = lxml_html.fromstring(markup)
    headings = [" ".join(e.text_content().split()) for e in tree.iter("h1", "h2", "h3", "h4")]
    return " ".join(tree.text_content().split()), headings


def _readability(page: str) -> str:
    from readability import Document

    return str(Document(page).summary(html_partial=True))


def _trafilatura(page: str) -> str:
    extracted = trafilatura.extract(page, output_format="xml", include_tables=True) or ""
    return extracted.replace("<head", "<h2").replace("</head>", "</h2>")  # its headings as HTML ones


def _row(entry: dict[str, Any], name: str, markup: str, seconds: float) -> str:
    text, headings = _text_and_headings(markup)
    sections = entry.get("sections") or []
    kept = sum(1 for section in sections if any(section.strip() in heading for heading in headings))
    chrome = [c for c in entry.get("chrome") or [] if len(c) >= 4]
    shown = sum(1 for c in chrome if c.rstrip(".") in text)
    return (
        f"{entry['file'][:44]:44} {name:12} sections {kept}/{len(sections):<3} "
        f"chrome kept {shown:>3}/{len(chrome):<3} {seconds * 1000:5.0f} ms"
    )


def main() -> int:
    """Print one line per page and extractor."""
    try:
        import readability  # noqa: F401
    except ImportError:
        print("readability-lxml is not installed: pip install readability-lxml", file=sys.stderr)
        return 1
    for entry in manifest():
        if entry["format"] != "html":
            continue
        page = (CORPUS / entry["file"]).read_text(encoding="utf-8")
        for name, extract in (("readability", _readability), ("trafilatura", _trafilatura)):
            started = time.perf_counter()
            markup = extract(page)
            print(_row(entry, name, markup, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
