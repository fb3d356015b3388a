"""French typography of the interface (never of the source text, which stays as printed):
no-break spaces before ``: ; ? !`` and inside ``« »``, typographic apostrophes, "§" kept with
its number. Checked on the templates' own words and on the rendered pages' interface text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"

#: An ordinary space where French wants a no-break one, or a straight apostrophe in a word.
BAD = re.compile(r"\w [:;?!»]|« \w|\w'\w")


def interface_text(template: str) -> str:
    """A template's words: without Jinja tags and expressions, HTML tags and comments."""
    text = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", template, flags=re.S)
    text = re.sub(r"<!--.*?-->|<[^>]+>", " ", text, flags=re.S)
    return text.replace("&nbsp;", "\u00a0")


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_template_words_follow_french_typography(template):
    text = interface_text((TEMPLATES / template).read_text(encoding="utf-8"))
    assert not BAD.findall(text), f"{template}: {BAD.findall(text)}"


def test_the_checker_sees_the_mistakes():
    found = BAD.findall(interface_text("<p>{{ x }}Original : anglais, l'archive « Citer »</p>"))
    assert found == ["l :", "l'a", "« C", "r »"]
    assert not BAD.findall(interface_text("<p>Original&nbsp;: anglais, l’archive «&nbsp;Citer&nbsp;»</p>"))


def test_section_sign_stays_with_its_number(built_site):
    page = (built_site / "documents" / "a-67-131" / "index.html").read_text(encoding="utf-8")
    # Every "§" the interface prints (citations, permalink markers, notes) holds its number.
    assert "§\u00a04" in page
    assert not re.search(r"§ \d", page), re.findall(r".{20}§ \d", page)[:3]
