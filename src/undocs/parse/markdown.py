"""Reader for UN documents converted to Markdown (format ``markdown``), with markdown-it-py.

Markdown's own reading of a UN document is not the document's structure, so the block tokens
are re-read (see the README's "Formats"):

- the first ``#`` heading and the lines under it (up to a rule or a heading) are the masthead
  (body, date, language, original language), kept verbatim;
- a ``##``… heading, or a paragraph that is bold as a whole, opens a part;
- ``1. …`` is not a list but a numbered paragraph (markdown-it gives each item its number);
  an unnumbered paragraph after a numbered one belongs to it (a second block of the same
  paragraph, like paragraph 4 of the CSTO declaration), unless it is a place-and-date line
  ("Moscou, le 15 mai 2012"), which closes the part;
- a block starting with a lower-case word is the tail of the paragraph before, cut by a page
  break, and is joined to it;
- after a rule, a paragraph opening with ``*`` (or ``**``, ``†``) is the footnote of the title
  or paragraph that ends with that marker.

Raw HTML is disabled: in a source, ``<script>`` is text like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Footnote, SourceSpan
from .common import MONTHS, PartDraft, ParaDraft, finish, join_lines, starts_lowercase

_FOOTNOTE = re.compile(r"^(\*{1,3}|†{1,3})\s+(\S.*)$", re.S)
_TRAILING_MARKER = re.compile(r"(\*{1,3}|†{1,3})$")
#: "Moscou, le 15 mai 2012": a place and a date, its spaces of any kind (French typography puts
#: no-break ones between the day, the month and the year).
_CLOSING = re.compile(
    r"^[A-ZÀ-ÖØ-Ý][^,.;:]{1,40},\s+le\s+(?:1er|\d{1,2})\s+(?:" + "|".join(MONTHS) + r")\s+\d{4}\.?$"
)


@dataclass(frozen=True)
class MarkdownResult:
    drafts: list[PartDraft]
    masthead: tuple[str, ...]


def _destination(url: str | None, title: str | None, shown: str) -> str:
    """A link's or image's address (and title) as text after it: "(https://…)".

    The archive shows sources, it does not link out of them: the address is a word of the
    source like any other, kept and shown inert. An autolink, whose text is its address, adds
    nothing.
    """
    address = unquote(url or "")
    parts = [p for p in (address if address != shown else "", f"« {title} »" if title else "") if p]
    return f" ({' '.join(parts)})" if parts else ""


def _inline_lines(token: Token) -> list[str]:
    """The text of an inline token, one string per source line (breaks kept, markup dropped)."""
    lines = [""]
    link: tuple[str | None, str | None, int, int] | None = None  # href, title, where its text starts
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append("")
        elif child.type in ("text", "code_inline"):
            lines[-1] += child.content
        elif child.type == "image":
            lines[-1] += child.content + _destination(child.attrGet("src"), child.attrGet("title"), child.content)
        elif child.type == "link_open":
            link = (child.attrGet("href"), child.attrGet("title"), len(lines), len(lines[-1]))
        elif child.type == "link_close" and link is not None:
            href, title, line, start = link
            shown = lines[-1][start:] if line == len(lines) else ""
            lines[-1] += _destination(href, title, shown)
            link = None
    return lines


def _code_pieces(token: Token) -> list[tuple[list[str], int, int]]:
    """The lines of a code block (or fence) in runs between blank lines, each with its first
    and last line in the source; a fence's info string is the first line of the first run."""
    first = (token.map[0] + 1 if token.map else 1) + (1 if token.type == "fence" else 0)
    pieces: list[tuple[list[str], int, int]] = []
    run: list[str] = [token.info] if token.type == "fence" and token.info else []
    start = first - 1 if run else first
    for offset, line in enumerate(token.content.split("\n")):
        if line.strip():
            if not run:
                start = first + offset
            run.append(line)
        elif run:
            pieces.append((run, start, first + offset - 1))
            run = []
    if run:
        pieces.append((run, start, first + len(token.content.split("\n")) - 1))
    return pieces


def _is_bold_paragraph(token: Token) -> bool:
    kinds = [c.type for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    return len(kinds) >= 3 and kinds[0] == "strong_open" and kinds[-1] == "strong_close" and kinds.count("strong_open") == 1


def _split_marker(text: str) -> tuple[str, str | None, str]:
    """Split a trailing footnote marker off ``text``: (text, marker, the exact suffix removed)."""
    # The spaces before the marker are stripped in Python: ``\s*`` in front of the pattern
    # made ``search`` backtrack in quadratic time over a long run of (no-break) spaces.
    m = _TRAILING_MARKER.search(text)
    if not m:
        return text, None, ""
    kept = text[: m.start()].rstrip()
    return kept, m.group(1), text[len(kept):]


def parse_markdown(text: str, file: str) -> MarkdownResult:
    """Read ``text`` (already decoded, LF line ends) into part drafts and a masthead."""
    tokens = MarkdownIt("commonmark", {"html": False}).parse(text)
    drafts: list[PartDraft] = []
    masthead: list[str] = []
    in_masthead = False
    after_rule = False
    pending_refs: dict[str, tuple[PartDraft, ParaDraft | None, str]] = {}
    #: Open list items, innermost last: [number (None for "-"), line, first block not read yet].
    items: list[list] = []

    def current_part(line: int) -> PartDraft:
        if not drafts:
            drafts.append(PartDraft(title="", level=1, line=line))
        return drafts[-1]

    def close_empty_item() -> None:
        # A numbered item with no text of its own ("3." alone, or "3. 4." read as a list in a
        # list) still prints its number: it is kept as an empty numbered paragraph.
        if items and items[-1][2]:
            items[-1][2] = False
            if items[-1][0] is not None:
                line = items[-1][1]
                current_part(line).paragraphs.append(ParaDraft("paragraph", items[-1][0], [""], line, line))

    for i, tok in enumerate(tokens):
        if tok.type == "hr":
            after_rule = True
            in_masthead = False
            continue
        if tok.type == "heading_open":
            inline = tokens[i + 1]
            title = join_lines(_inline_lines(inline))
            line = tok.map[0] + 1 if tok.map else 1
            if tok.tag == "h1" and not masthead and not drafts:
                masthead.append(title)
                in_masthead = True
            else:
                in_masthead = False
                # A second "#" heading is a top section like "##" (parts have levels 1 and 2).
                _open_part(drafts, title, min(max(int(tok.tag[1]) - 1, 1), 2), line, pending_refs)
            after_rule = False
            continue
        if tok.type == "list_item_open":
            close_empty_item()
            items.append([int(tok.info) if tok.info.isdecimal() else None, tok.map[0] + 1 if tok.map else 1, True])
            continue
        if tok.type == "list_item_close":
            close_empty_item()
            items.pop()
            continue
        if tok.type in ("code_block", "fence"):
            # Indented or fenced "code" is an accident of conversion (a line indented by four
            # spaces or a tab): it is read as paragraphs, verbatim, so that no word is lost;
            # its blank lines part them, as they part paragraphs (Markdown keeps them in it).
            pieces = _code_pieces(tok)
        elif tok.type == "inline" and i > 0 and tokens[i - 1].type == "paragraph_open":
            pieces = [(_inline_lines(tok), *((tok.map[0] + 1, tok.map[1]) if tok.map else (1, 1)))]
        else:
            continue
        for lines, start, end in pieces:
            body = join_lines(lines)
            if in_masthead:
                masthead.extend(line.strip() for line in lines if line.strip())
                continue
            footnote = _FOOTNOTE.match(body) if after_rule else None
            if footnote and footnote.group(1) in pending_refs:
                part, _, _ = pending_refs.pop(footnote.group(1))
                note_id = f"note-{sum(len(d.footnotes) for d in drafts) + 1}"
                part.footnotes.append(Footnote(note_id, footnote.group(1), footnote.group(2), SourceSpan(file, start, end)))
                _resolve_ref(part, footnote.group(1), note_id)
                continue
            after_rule = False
            number = items[-1][0] if items else None
            if tok.type == "inline" and _is_bold_paragraph(tok) and number is None:
                _open_part(drafts, body, 1, start, pending_refs)
                continue
            part = current_part(start)
            body, marker, suffix = _split_marker(body)
            previous = part.paragraphs[-1] if part.paragraphs else None
            if items and items[-1][2]:
                # The first block of a list item: "1. …" is a numbered paragraph, "- …" a list item.
                para = ParaDraft("paragraph" if number is not None else "item", number, [body], start, end)
                part.paragraphs.append(para)
                items[-1][2] = False
            elif previous is not None and starts_lowercase(body):
                previous.continue_last(body, end)
                para = previous
            elif _CLOSING.match(body):
                para = ParaDraft("closing", None, [body], start, end)
                part.paragraphs.append(para)
            elif previous is not None and previous.number is not None and previous.kind == "paragraph":
                previous.text_blocks().append(body)
                previous.line_end = end
                para = previous
            else:
                para = ParaDraft("paragraph", None, [body], start, end)
                part.paragraphs.append(para)
            if marker:
                pending_refs[marker] = (part, para, suffix)
                para.footnote_refs.append(marker)
    for marker, (part, para, suffix) in pending_refs.items():
        # A marker with no footnote after it is text after all: put it back where it was.
        if para is None:
            part.title += suffix
            part.title_footnote_refs.remove(marker)
        else:
            para.text_blocks()[-1] += suffix
            para.footnote_refs.remove(marker)
    return MarkdownResult(finish(drafts), tuple(masthead))


def _open_part(drafts: list[PartDraft], title: str, level: int, line: int, pending_refs: dict) -> None:
    title, marker, suffix = _split_marker(title)
    part = PartDraft(title=title, level=level, line=line)
    drafts.append(part)
    if marker:
        part.title_footnote_refs.append(marker)
        pending_refs[marker] = (part, None, suffix)


def _resolve_ref(part: PartDraft, marker: str, note_id: str) -> None:
    """Replace a marker in the references of a title or paragraph by the footnote's id."""
    holders = [part.title_footnote_refs] + [p.footnote_refs for p in part.paragraphs]
    for refs in holders:
        if marker in refs:
            refs[refs.index(marker)] = note_id
            return
