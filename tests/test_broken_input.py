"""Broken input: each change says what it breaks and what the build must do with it.

Every generated change is named, and comes with the outcome it must give: the error (its
message, the file and the line it names) or the records the build must make (parts,
paragraphs and their numbers, the document's fields, the lines removed as page furniture).
A wrong rejection and a right one are never the same outcome: a check that disappears (the
ISO date of a sidecar, a duplicate paragraph number) turns an expected error into a build,
and the test says which.

- property-based (Hypothesis, derandomized): the real seeds get changes that must change
  nothing in their records (line ends, a byte-order mark, no-break spaces between words,
  trailing spaces, tabs for indentation, blank lines, page headers and footers between
  blocks), changes whose effect is known (a paragraph deleted or repeated, renumbered, a
  reply's state or date made unknown), and bytes that are not UTF-8; small documents of both
  formats are generated with the records they must give; sidecars get fields removed, set to
  good or bad values, or their YAML broken, each with its error or its effect;
- end to end: ``python build.py --strict`` on the named cases of the hardening issue, which
  must exit 0 with the records the change implies, or 1 with one line on stderr naming the
  file and line, never a traceback.

Loading is ``pipeline.load_corpus`` (strict), and a built document is also held to the
build's own checks: every removal is a whole line with the shape of its rule
(``fidelity.check_removals``), and every word of the source is in its records, in order
(``fidelity.check`` against the text the page is made of).
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import lzma
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, SEEDS
from undocs import fidelity, pipeline
from undocs.errors import UndocsError
from undocs.states import Gazetteer, load_states
from undocs.views import french_date

TXT = "a-67-131.fr.txt"
MD = "cd-2012-kazakhstan-otsc.fr.md"
SIDECAR = {TXT: "a-67-131.fr.yaml", MD: "cd-2012-kazakhstan-otsc.fr.yaml"}
NBSP, NNBSP, BOM = "\u00a0", "\u202f", "\ufeff"

SETTINGS = settings(
    derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# The curated data never changes here: read it once, not once per example.
pipeline.load_states = functools.lru_cache(maxsize=None)(pipeline.load_states)
pipeline.load_topics = functools.lru_cache(maxsize=None)(pipeline.load_topics)


# --- the outcomes ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Fails:
    """The one error a change must give: the file it names, the line (None: the file as a
    whole) and the message."""

    file: str
    line: int | None
    message: str


@dataclass(frozen=True)
class Builds:
    """What the document built from a change must hold: its records (parts and their
    paragraphs, see ``records``), some fields of the document, and the lines removed as
    page furniture ((line, text); None: not judged)."""

    records: tuple
    fields: dict = field(default_factory=dict)
    removals: tuple | None = None


def norm(text: str) -> str:
    """Text with any run of spaces (no-break ones too) as one space: what a change of white
    space leaves the same."""
    return " ".join(text.replace(NBSP, " ").replace(NNBSP, " ").split())


def records(document) -> tuple:
    """A document's structure: each part's key, title and level, its speaking states, and its
    paragraphs (kind, printed number, text)."""
    return tuple(
        (part.key, norm(part.title), part.level, tuple((s.state, s.role, s.original_language, s.date) for s in part.statements),
         tuple((p.kind, p.number, norm(p.text)) for p in part.paragraphs))
        for part in document.parts
    )


def record_page(document) -> str:
    """The text a document's page is made of, from its records, in reading order.

    Mirrors templates/document.html: masthead, then each part's number and title, its reply
    header ("Original : …", "reçu le …"), its paragraphs (printed number, text), its notes.
    """
    chunks = list(document.masthead)
    for part in document.parts:
        chunks += [part.number or "", part.title]
        for st_ in part.statements:
            chunks += [f"Original : {st_.original_language}" if st_.original_language else "", st_.date_text or french_date(st_.date)]
        for para in part.paragraphs:
            chunks += [str(para.number) if para.number is not None else "", para.text]
        chunks += [note.text for note in part.footnotes]
    body = "\n".join(f"<p>{html.escape(c)}</p>" for c in chunks)
    return f'<div id="{fidelity.TEXT_ROOT_ID}">{body}</div>'


#: What each property test met, by change and outcome: each test asserts its changes met both.
SEEN: Counter = Counter()


def judge(seeds: Path, expected: Fails | Builds, kind: str) -> None:
    """Load ``seeds`` (strict) and hold the outcome to ``expected``."""
    try:
        corpus, _, texts = pipeline.load_corpus(seeds, DATA, strict=True)
    except UndocsError as exc:
        got = (Path(exc.path).name if exc.path else None, exc.line, exc.message)
        assert isinstance(expected, Fails), f"{kind}: expected a build, got the error {exc}"
        assert "\n" not in str(exc)
        assert got == (expected.file, expected.line, expected.message), f"{kind}: {got} != {expected}"
        SEEN[kind, "error"] += 1
        return
    assert isinstance(expected, Fails) is False, f"{kind}: expected {expected}, but it built"
    (document,) = corpus.documents
    text = texts[document.id]
    assert records(document) == expected.records, kind
    for name, value in expected.fields.items():
        assert getattr(document, name) == value, (kind, name)
    if expected.removals is not None:
        assert tuple((r.line, r.text) for r in document.removals) == expected.removals, kind
    assert fidelity.check_removals(document, text) is None, kind
    loss = fidelity.check(document, text, record_page(document))
    assert loss is None, f"{kind}: lost word: {loss}"
    SEEN[kind, "built"] += 1


def seeds_with(folder: Path, name: str, data: bytes, sidecar: bytes | None = None) -> Path:
    """A seeds folder holding one document (``name``) and its sidecar."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / SIDECAR[name]).write_bytes(sidecar if sidecar is not None else (SEEDS / SIDECAR[name]).read_bytes())
    return folder


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="undocs-broken-") as tmp:
        yield Path(tmp)


@functools.lru_cache(maxsize=None)
def baseline(name: str):
    """The seed as the build reads it, unchanged: (document, its text)."""
    corpus, _, texts = pipeline.load_corpus(SEEDS, DATA, strict=True)
    document = next(d for d in corpus.documents if d.source_file == name)
    return document, texts[document.id]


def test_the_seeds_build_as_they_are(scratch):
    for name in (TXT, MD):
        document, text = baseline(name)
        seeds = seeds_with(scratch / "seeds", name, (SEEDS / name).read_bytes())
        judge(seeds, Builds(records(document), removals=tuple((r.line, r.text) for r in document.removals)), "real seed")


def test_the_oracle_sees_a_lost_word():
    """The page oracle is not vacuous: a word the records do not hold is reported."""
    document, text = baseline(TXT)
    assert fidelity.check(document, text + "\nmotfantôme\n", record_page(document)).word == "motfantôme"


# --- changing the real seeds -----------------------------------------------------------------

#: A single space between two word characters: where a no-break space may stand instead.
_INNER_SPACE = re.compile(r"(?<=\w) (?=\w)")
_NUMBER = re.compile(r"^(\s*)(\d{1,3})\.(\s)")


@st.composite
def same_records(draw, name):
    """Changes that must leave a seed's records as they are: line ends, a byte-order mark,
    trailing spaces, no-break spaces between words, tabs for indentation (text only), blank
    lines, and page headers and footers between blocks (text only: they are removed, each
    on its line). Returns (the changed text, the removals it must give, what changed)."""
    document, text = baseline(name)
    lines = text.split("\n")
    changed: list[str] = []
    # No-break spaces between words, on some lines.
    candidates = [i for i, line in enumerate(lines) if _INNER_SPACE.search(line)]
    for i in draw(st.lists(st.sampled_from(candidates), unique=True, max_size=6)):
        spaces = list(_INNER_SPACE.finditer(lines[i]))
        at = spaces[draw(st.integers(0, len(spaces) - 1))].start()
        lines[i] = lines[i][:at] + draw(st.sampled_from([NBSP, NNBSP])) + lines[i][at + 1:]
        changed.append("no-break space")
    # Blank lines, headers and footers, each after a blank line that ends a block.
    ends = [i for i, line in enumerate(lines) if i and not line.strip() and lines[i - 1].strip()]
    inserts = {i: draw(st.sampled_from(["blank line"] + (["page header", "page footer"] if name == TXT else [])))
               for i in draw(st.lists(st.sampled_from(ends), unique=True, max_size=4))}
    out: list[str] = []
    new_line: dict[int, int] = {}  # 1-based line of the original -> of the changed text
    inserted: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        out.append(line)
        new_line[i + 1] = len(out)
        kind = inserts.get(i)
        if kind == "blank line":
            out.append("")
        elif kind is not None:
            furniture = "A/67/131" if kind == "page header" else "912-41314"
            out += [f" {furniture}" if kind == "page header" else furniture, ""]
            inserted.append((len(out) - 1, furniture))
        if kind:
            changed.append(kind)
    removals = tuple(sorted([(new_line[r.line], r.text) for r in document.removals] + inserted))
    whole = draw(st.sets(st.sampled_from(["crlf", "cr", "bom", "trailing spaces"] + (["tabs for indent"] if name == TXT else [])), max_size=3))
    result = "\n".join(out)
    if "trailing spaces" in whole:
        result = result.replace("\n", "  \n")
    if "tabs for indent" in whole:
        result = re.sub(r"(?m)^ +", "\t", result)
    if "crlf" in whole:
        result = result.replace("\n", "\r\n")
    elif "cr" in whole:
        result = result.replace("\n", "\r")
    if "bom" in whole:
        result = BOM + result
    return result, removals, ", ".join(sorted(set(changed) | whole)) or "nothing"


@pytest.mark.parametrize("name", [TXT, MD])
def test_white_space_and_page_furniture_leave_the_records_as_they_are(name, scratch):
    document, _ = baseline(name)

    @settings(SETTINGS, max_examples=40)
    @given(change=same_records(name))
    def run(change):
        text, removals, what = change
        SEEN["same records", what] += 1
        judge(seeds_with(scratch / "seeds", name, text.encode("utf-8")), Builds(records(document), removals=removals), what)

    run()
    kinds = {k for (test, what), _ in SEEN.items() if test == "same records" for k in what.split(", ")}
    expected = {"no-break space", "blank line", "crlf", "cr", "bom", "trailing spaces"}
    if name == TXT:
        expected |= {"page header", "page footer", "tabs for indent"}
    assert expected <= kinds


def _replace_records(document, change) -> tuple:
    """``records(document)`` with ``change(part, paragraphs)`` applied to each part's paragraphs."""
    out = []
    for part, record in zip(document.parts, records(document)):
        out.append(record[:4] + (tuple(change(part, list(record[4]))),))
    return tuple(out)


def _later(*paragraphs):
    return max(paragraphs, key=lambda p: p.source.line_start)


def renumbered(name, document, lines, draw):
    """A numbered paragraph given another number: an error when another paragraph of its part
    has that number (at the later of the two), else the paragraph has its new number."""
    numbered = [(part, p) for part in document.parts for p in part.paragraphs if p.number is not None]
    part, paragraph = draw(st.sampled_from(numbered))
    taken = sorted(p.number for p in part.paragraphs if p.number is not None and p is not paragraph)
    if taken and draw(st.booleans()):  # the number of another paragraph of its part
        number = draw(st.sampled_from(taken))
    else:
        number = draw(st.integers(0, 40).filter(lambda n: n != paragraph.number))
    i = paragraph.source.line_start - 1
    m = _NUMBER.match(lines[i])
    lines[i] = f"{m.group(1)}{number}.{m.group(3)}{lines[i][m.end():]}"
    other = next((p for p in part.paragraphs if p.number == number), None)
    if other is not None:
        at = _later(paragraph, other)
        return lines, Fails(name, at.source.line_start, f"paragraph number {number} appears twice in part {part.title!r}")
    index = part.paragraphs.index(paragraph)

    def change(p, paras):
        if p is part:
            kind, _, text = paras[index]
            paras[index] = (kind, number, text)
        return paras
    return lines, Builds(_replace_records(document, change))


def _can_go(name, part, index) -> bool:
    """Whether the paragraph ``index`` of ``part`` can be deleted or repeated with a known
    effect: no footnote call in it, and (Markdown) the paragraph after it would not join a
    numbered paragraph before it as its next block."""
    paragraph = part.paragraphs[index]
    if paragraph.footnote_refs:
        return False
    if name == MD and index + 1 < len(part.paragraphs):
        after, before = part.paragraphs[index + 1], part.paragraphs[index - 1] if index else None
        joins = after.kind == "paragraph" and after.number is None
        return not (joins and before is not None and before.kind == "paragraph" and before.number is not None)
    return True


def deleted(name, document, lines, draw):
    """A paragraph's lines deleted: the others as they were."""
    choices = [(part, i) for part in document.parts for i in range(len(part.paragraphs)) if _can_go(name, part, i)]
    part, index = draw(st.sampled_from(choices))
    paragraph = part.paragraphs[index]
    del lines[paragraph.source.line_start - 1:paragraph.source.line_end]

    def change(p, paras):
        return paras[:index] + paras[index + 1:] if p is part else paras
    return lines, Builds(_replace_records(document, change))


def repeated(name, document, lines, draw):
    """A paragraph's lines repeated after it, as a block of their own: a second paragraph of
    the same text, or an error when it is numbered (the number appears twice)."""
    choices = [(part, i) for part in document.parts for i in range(len(part.paragraphs)) if _can_go(name, part, i)]
    numbered = draw(st.booleans())  # both kinds, however few numbered paragraphs a seed has
    part, index = draw(st.sampled_from([(p, i) for p, i in choices if (p.paragraphs[i].number is not None) == numbered]))
    paragraph = part.paragraphs[index]
    copy = lines[paragraph.source.line_start - 1:paragraph.source.line_end]
    lines[paragraph.source.line_end:paragraph.source.line_end] = [""] + copy
    if paragraph.number is not None:
        title = part.title
        return lines, Fails(name, paragraph.source.line_end + 2, f"paragraph number {paragraph.number} appears twice in part {title!r}")

    def change(p, paras):
        return paras[:index + 1] + paras[index:] if p is part else paras
    return lines, Builds(_replace_records(document, change))


#: Names no gazetteer entry has (checked in ``test_unknown_names_are_unknown``).
UNKNOWN_STATES = ["Atlantide", "Ruritanie", "Syldavie"]


def unknown_state(name, document, lines, draw):
    """A reply headed by a state the gazetteer does not know: an error under --strict, on the
    heading's line."""
    replies = [part for part in document.parts if part.statements and part.statements[0].role == "reply"]
    part = draw(st.sampled_from(replies))
    state = draw(st.sampled_from(UNKNOWN_STATES))
    i = part.source.line_start - 1
    lines[i] = lines[i].replace(part.title, state)
    return lines, Fails(name, i + 1, f"state heading {state!r} is not in the gazetteer (data/states.yaml)")


def bad_reply_date(name, document, lines, draw):
    """A reply's "[5 juin 2012]" made a date that does not exist, or one in no known month."""
    replies = [part for part in document.parts if part.statements and part.statements[0].role == "reply"]
    part = draw(st.sampled_from(replies))
    i = next(k for k in range(part.source.line_start, len(lines)) if re.match(r"^\[\d", lines[k]))
    date = draw(st.sampled_from(["[31 juin 2012]", "[30 février 2012]", "[31 avril 2012]", "[5 brumaire 2012]", "[5 June 2012]"]))
    lines[i] = date + " "
    if "brumaire" in date or "June" in date:
        return lines, Fails(name, i + 1, f"cannot read the date {date!r} (expected e.g. '5 juin 2012')")
    return lines, Fails(name, i + 1, f"the date {date!r} does not exist")


CHANGES = {
    TXT: [renumbered, deleted, repeated, unknown_state, bad_reply_date],
    MD: [renumbered, deleted, repeated],
}


@pytest.mark.parametrize("name", [TXT, MD])
def test_a_change_of_the_text_gives_the_outcome_it_implies(name, scratch):
    document, text = baseline(name)

    @settings(SETTINGS, max_examples=40)
    @given(data=st.data())
    def run(data):
        change = data.draw(st.sampled_from(CHANGES[name]), label="change")
        lines, expected = change(name, document, text.split("\n"), data.draw)
        judge(seeds_with(scratch / "seeds", name, "\n".join(lines).encode("utf-8")), expected, change.__name__)

    run()
    outcomes = {key for key in SEEN if key[0] in {c.__name__ for c in CHANGES[name]}}
    assert {("renumbered", "error"), ("renumbered", "built"), ("deleted", "built"), ("repeated", "built"), ("repeated", "error")} <= outcomes
    if name == TXT:
        assert {("unknown_state", "error"), ("bad_reply_date", "error")} <= outcomes


def test_unknown_names_are_unknown():
    gazetteer = Gazetteer(load_states(DATA / "states.yaml"))
    assert [gazetteer.resolve(name) for name in UNKNOWN_STATES] == [None] * len(UNKNOWN_STATES)


def test_an_empty_source_is_one_error(scratch):
    for name in (TXT, MD):
        for text in ("", " \n\t\n", BOM, f"{NBSP}\n"):
            judge(seeds_with(scratch / "seeds", name, text.encode("utf-8")), Fails(name, None, "the document is empty"), "empty")


@pytest.mark.parametrize("name", [TXT, MD])
def test_latin1_bytes_are_one_error_naming_file_and_line(name, scratch):
    data = (SEEDS / name).read_bytes()

    @settings(SETTINGS, max_examples=8)
    @given(at=st.integers(0, len(data)))
    def run(at):
        # Between two UTF-8 characters: the byte stands on the line it is inserted into.
        while at < len(data) and data[at] & 0xC0 == 0x80:
            at += 1
        broken = data[:at] + "é".encode("latin-1") + data[at:]
        line = data[:at].count(b"\n") + 1
        judge(seeds_with(scratch / "seeds", name, broken), Fails(name, line, "not valid UTF-8 (byte 0xe9); save the file as UTF-8"), "latin-1 byte")

    run()


# --- generating documents from scratch, with the records they must give ----------------------

LETTERS = list("abcdeéèàçœxyz")
WORD = st.text(alphabet=st.sampled_from(LETTERS + list("ABCÉÀ") + list("0123456789") + ["-", "’", "'"]), min_size=1, max_size=12)
SPACE = st.sampled_from([" ", " ", " ", NBSP, NNBSP, "\t", "  "])


@st.composite
def sentence(draw, max_words=12, first="upper"):
    """Words, with spaces of every kind between them. The first word opens with a capital
    (``first="upper"``) or a lower-case letter (the tail of a paragraph cut by a page break);
    no word ends with a hyphen (a line ending so joins the next line's word to it)."""
    words = [w.rstrip("-") or "x" for w in draw(st.lists(WORD, min_size=1, max_size=max_words))]
    opening = draw(st.sampled_from(list("ABCDÉÀ") if first == "upper" else LETTERS))
    out = opening + words[0]
    for word in words[1:]:
        out += draw(SPACE) + word
    return out + draw(st.sampled_from(["", ".", " :", f"{NBSP}:", f"{NNBSP};", " »", " ?"]))


class Model:
    """A generated document as it is written (``lines``) and as it must be read (``parts``:
    title, level, statements, paragraphs [kind, number, text]), with the first error it must
    give instead (``errors``: (line, message), in the order the build meets them)."""

    def __init__(self):
        self.lines: list[str] = []
        self.parts: list[dict] = []
        self.errors: list[tuple[int, str]] = []  # met while reading, in order
        self.duplicates: list[tuple[int, int, dict]] = []  # (line, number, part): met once read
        self.late: list[tuple[int, str]] = []  # met after reading (warnings made errors by --strict)
        self.removals: list[tuple[int, str]] = []

    def block(self, lines: list[str]) -> int:
        """Write a block of lines after a blank line; returns the line of its first."""
        if self.lines:
            self.lines.append("")
        self.lines += lines
        return len(self.lines) - len(lines) + 1

    def part(self, title: str, level: int, statements: tuple = ()) -> dict:
        part = {"title": title, "level": level, "statements": statements, "paragraphs": [], "numbers": {}, "notes": []}
        self.parts.append(part)
        return part

    def current(self) -> dict:
        return self.parts[-1] if self.parts else self.part("", 1)

    def paragraph(self, kind: str, number: int | None, text: str, line: int) -> None:
        part = self.current()
        if number is not None and number in part["numbers"]:
            self.duplicates.append((line, number, part))
        if number is not None:
            part["numbers"][number] = line
        part["paragraphs"].append([kind, number, text])

    def outcome(self, name: str) -> Fails | Builds:
        if self.errors:
            return Fails(name, *self.errors[0])
        if not any(part["paragraphs"] for part in self.parts):
            return Fails(name, None, "no paragraph found in the document")
        if self.duplicates:
            # The part's title as read in the end (a marker without its note is put back).
            line, number, part = self.duplicates[0]
            return Fails(name, line, f"paragraph number {number} appears twice in part {part['title']!r}")
        if self.late:
            return Fails(name, *self.late[0])
        return Builds(tuple(
            (norm(part["title"]), part["level"], part["statements"], tuple((k, n, norm(t)) for k, n, t in part["paragraphs"]),
             tuple(part["notes"]))
            for part in self.parts
        ), removals=tuple(self.removals))


def structure(document) -> tuple:
    """What a generated document's model says of it: ``records`` without the part keys (the
    key rules are tested apart), with the notes of each part (marker, text)."""
    return tuple(
        (title, level, statements, paragraphs, tuple((n.marker, norm(n.text)) for n in part.footnotes))
        for part, (_, title, level, statements, paragraphs) in zip(document.parts, records(document))
    )


STATES = {"Cuba": "cuba", "Norvège": "norvege", "Qatar": "qatar", "Japon": "japon", "Atlantide": None}
MONTHS = {"juin": 6, "mai": 5, "février": 2}


@st.composite
def plaintext_document(draw) -> Model:
    model = Model()
    for s in range(draw(st.integers(0, 3))):
        title = draw(sentence(4))
        number = ["I", "II", "III", "IV"][s]
        model.block([f" {number}. {title} "])
        model.part(title.strip(), 1)
        for _ in range(draw(st.integers(0, 2))):
            if draw(st.booleans()):
                state = draw(st.sampled_from(sorted(STATES)))
                line = model.block([f"  {state} "])
                language = draw(st.sampled_from(["anglais", "espagnol"]))
                # Day 1 is written "1er", as UN documents do.
                day = draw(st.sampled_from(["1er", "2", "5", "15", "30", "31"]))
                month = draw(st.sampled_from(sorted(MONTHS)))
                date_line = model.block([f"[Original : {language}] ", f"[{day} {month} 2012] "]) + 1
                try:
                    iso = datetime.date(2012, MONTHS[month], 1 if day == "1er" else int(day)).isoformat()
                except ValueError:
                    model.errors.append((date_line, f"the date '[{day} {month} 2012]' does not exist"))
                    iso = None
                if STATES[state] is None:
                    model.late.append((line, f"state heading {state!r} is not in the gazetteer (data/states.yaml)"))
                    model.part(state, 2)
                else:
                    model.part(state, 2, ((STATES[state], "reply", language, iso),))
            for number in draw(st.lists(st.integers(0, 12), max_size=4)):
                style = draw(st.sampled_from(["numbered", "indented", "bullet", "tail"]))
                first = draw(sentence(first="lower" if style == "tail" else "upper"))
                lines = [first] + [draw(sentence(first=draw(st.sampled_from(["upper", "lower"])))) for _ in range(draw(st.integers(0, 3)))]
                head = {"numbered": f" {number}. ", "indented": " ", "bullet": " • ", "tail": ""}[style]
                line = model.block([head + lines[0]] + lines[1:])
                text = " ".join(lines)
                part = model.current()
                if style == "tail" and part["paragraphs"]:
                    # A block opening lower case continues the paragraph before it (a page break).
                    part["paragraphs"][-1][2] += " " + text
                elif style == "numbered":
                    model.paragraph("paragraph", number, text, line)
                else:
                    model.paragraph("item" if style == "bullet" else "paragraph", None, text, line)
                if draw(st.integers(0, 5)) == 0:
                    furniture = draw(st.sampled_from(["A/67/131", "912-41314", "12-41314"]))
                    model.removals.append((model.block([furniture]), furniture))
    if not any(part["paragraphs"] for part in model.parts) or draw(st.booleans()):
        text = draw(sentence())
        model.paragraph("paragraph", None, text, model.block([" " + text]))
    return model


@st.composite
def markdown_document(draw) -> Model:
    model = Model()
    markers = iter(["\\*", "\\*\\*", "\\*\\*\\*"])  # each marker once: a note belongs to one title
    if draw(st.booleans()):
        model.block([f"# {draw(sentence(3))}"])
        model.block([f"{draw(sentence(3))}  ", draw(sentence(2))])
        model.block(["---"])
    for _ in range(draw(st.integers(0, 3))):
        title = draw(sentence(5))
        marker = draw(st.sampled_from(["", next(markers, "")]))
        shown = marker.replace("\\", "")
        heading = draw(st.sampled_from(["##", "bold", "## empty"]))
        if heading == "## empty":
            model.block(["## "])
            part = model.part("", 1)
            marker = shown = ""
        else:
            model.block([f"## {title}{marker}" if heading == "##" else f"**{title}{marker}**"])
            part = model.part(title, 1)
        for number in draw(st.lists(st.integers(0, 5), max_size=4)):
            style = draw(st.sampled_from(["numbered", "numbered", "plain", "item", "tail", "closing", "indented"]))
            text = draw(sentence(first="lower" if style == "tail" else "upper"))
            if style == "closing":
                text = "Moscou, le 15 mai 2012"
            line = model.block([{"numbered": f"{number}. {text}", "plain": text, "item": f"- {text}", "tail": text,
                                 "closing": text, "indented": f"\t{text}"}[style]])
            markdown_block(model, style, number, text, line)
        if shown:
            if draw(st.booleans()):
                note = draw(sentence())
                model.block(["---"])
                model.block([f"{marker} {note}"])
                part["notes"].append((shown, norm(note)))
            else:
                part["title"] += shown  # no note: the marker is the title's text after all
    if not any(part["paragraphs"] for part in model.parts) or draw(st.booleans()):
        text = draw(sentence())
        markdown_block(model, "plain", None, text, model.block([text]))
    return model


def markdown_block(model: Model, style: str, number: int | None, text: str, line: int) -> None:
    """What a block of a generated Markdown document is, after the paragraphs before it."""
    part = model.current()
    previous = part["paragraphs"][-1] if part["paragraphs"] else None
    if style == "numbered":
        model.paragraph("paragraph", number, text, line)
    elif style == "item":
        model.paragraph("item", None, text, line)
    elif style == "tail" and previous is not None:
        previous[2] += " " + text  # the tail of the paragraph before (a page break)
    elif style == "closing":
        model.paragraph("closing", None, text, line)
    elif previous is not None and previous[0] == "paragraph" and previous[1] is not None:
        previous[2] += " " + text  # a second block of a numbered paragraph
    else:
        model.paragraph("paragraph", None, text, line)


@pytest.mark.parametrize("name,strategy", [(TXT, plaintext_document()), (MD, markdown_document())], ids=["plaintext", "markdown"])
def test_a_generated_document_gives_the_records_it_is_made_of(name, strategy, scratch):
    sidecar = (SEEDS / SIDECAR[name]).read_text(encoding="utf-8")
    sidecar = re.sub(r"(?ms)^parts:.*", "", sidecar)  # generated text has none of the seed's parts

    @settings(SETTINGS, max_examples=45)
    @given(model=strategy, whole=st.sets(st.sampled_from(["crlf", "bom"]), max_size=2))
    def run(model, whole):
        text = "\n".join(model.lines) + "\n"
        if "crlf" in whole:
            text = text.replace("\n", "\r\n")
        if "bom" in whole:
            text = BOM + text
        seeds = seeds_with(scratch / "seeds", name, text.encode("utf-8"), sidecar.encode("utf-8"))
        expected = model.outcome(name)
        kind = f"generated {name}"
        if isinstance(expected, Fails):
            judge(seeds, expected, kind)
            return
        corpus, _, texts = pipeline.load_corpus(seeds, DATA, strict=True)
        (document,) = corpus.documents
        assert structure(document) == expected.records
        assert tuple((r.line, r.text) for r in document.removals) == expected.removals
        assert fidelity.check_removals(document, texts[document.id]) is None
        assert fidelity.check(document, texts[document.id], record_page(document)) is None
        SEEN[kind, "built"] += 1

    run()
    assert SEEN[f"generated {name}", "built"] and SEEN[f"generated {name}", "error"]


# --- sidecars --------------------------------------------------------------------------------

def sidecar_text(fields: dict, raw: dict | None = None) -> str:
    """A sidecar with one field a line, in YAML's flow style (JSON is YAML): the line of each
    field is known. ``raw``: fields written as given (a YAML date, broken YAML)."""
    raw = raw or {}
    return "".join(f"{key}: {raw[key] if key in raw else json.dumps(value, ensure_ascii=False)}\n"
                   for key, value in fields.items())


def line_of(fields: dict, key: str) -> int:
    return list(fields).index(key) + 1


#: A value each field may take without breaking anything, and what the document then has.
TEXTS = st.lists(st.sampled_from(["Désarmement", "et", "non-prolifération", "2012", "«", "»", "l’ONU", "A/67/999"]),
                 min_size=1, max_size=5).map(" ".join)
GOOD = {
    "title": (TEXTS, lambda v: {"title": v}),
    "body": (TEXTS, lambda v: {"body": v}),
    "language": (st.sampled_from(["fr", "en"]), lambda v: {"language": v}),
    "original_languages": (st.one_of(st.sampled_from(["anglais", "russe"]), st.lists(st.sampled_from(["anglais", "espagnol", "russe"]), max_size=3)),
                           lambda v: {"original_languages": (v,) if isinstance(v, str) else tuple(v)}),
    "other_symbols": (st.lists(st.sampled_from(["A/67/999", "S/2012/1", "CD/1929"]), unique=True, max_size=2),
                      lambda v: {"other_symbols": tuple(v)}),
    "date": (st.sampled_from(["2012", "2012-07", "2012-07-10", "1999-12-31"]), lambda v: {"date": v}),
    "extra": (st.dictionaries(st.sampled_from(["Type", "Session", "Cote"]), TEXTS, max_size=2),
              lambda v: {"extra": tuple(v.items())}),
    "id": (st.sampled_from(["autre-id", "a-67-131-bis", "x1"]), lambda v: {"id": v}),
    "unknown_field": (st.one_of(st.none(), st.integers(), TEXTS), lambda v: {}),
    "job_number": (st.just("12-41314"), lambda v: {}),
}


def bad_sidecar(name: str, fields: dict, draw) -> tuple[dict, dict, Fails]:
    """One change that breaks a sidecar: (fields, raw fields, the error it must give)."""
    sidecar = SIDECAR[name]
    kind = draw(st.sampled_from(["missing", "empty", "date", "format", "id", "extra", "list", "source", "duplicate", "yaml"]
                                + (["parts"] if name == MD else [])), label="breaks")
    raw: dict = {}
    if kind == "missing":
        key = draw(st.sampled_from(["symbol", "title", "date", "body", "language", "original_languages", "format"]))
        del fields[key]
        return fields, raw, Fails(sidecar, None, f"missing required field(s): {key}")
    if kind == "empty":
        key = draw(st.sampled_from(["title", "date", "body", "language", "original_languages"]))
        fields[key] = draw(st.sampled_from([None, ""]))
        return fields, raw, Fails(sidecar, line_of(fields, key), f"field {key!r} is empty")
    if kind == "date":
        value = draw(st.sampled_from(["5 juin 2012", "05/06/2012", "2012-6", "2012-13", "2012-02-30", "2012-06-05T10:00", 2012.5, True, [2012], "12"]))
        fields["date"] = value
        shown = json.dumps(value) if isinstance(value, list) else str(value)
        return fields, raw, Fails(sidecar, line_of(fields, "date"), f"date {shown!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if kind == "format":
        other = {TXT: "markdown", MD: "plaintext"}[name]
        value = draw(st.sampled_from(["docx", "", 5, other, "pdf"]))
        fields["format"] = value
        if value in ("plaintext", "markdown", "pdf"):
            return fields, raw, Fails(sidecar, line_of(fields, "format"), f"format {value!r} does not match the source file {name}")
        return fields, raw, Fails(sidecar, line_of(fields, "format"), f"unknown format {value!r} (expected one of: plaintext, markdown, pdf)")
    if kind == "id":
        value = draw(st.sampled_from(["Mon document", "-x", "a_b", "../x", "é"]))
        fields["id"] = value
        return fields, raw, Fails(sidecar, line_of(fields, "id"), f"id {value!r} must be lower-case letters, digits and hyphens")
    if kind == "extra":
        fields["extra"] = draw(st.sampled_from([["Type"], "Rapport", 5]))
        return fields, raw, Fails(sidecar, line_of(fields, "extra"), "extra must be a mapping of label: value")
    if kind == "list":
        key = draw(st.sampled_from(["other_symbols", "original_languages"]))
        fields[key] = draw(st.sampled_from([{"a": "b"}, [None], [["x"]], 5, [1.5]]))
        return fields, raw, Fails(sidecar, line_of(fields, key), f"{key} must be a text or a list of texts")
    if kind == "source":
        value = draw(st.sampled_from(["autre.txt", f"../{name}", "seeds"]))
        fields["source"] = value
        return fields, raw, Fails(sidecar, line_of(fields, "source"), f"source file {value!r} not found beside the sidecar")
    if kind == "duplicate":
        own = fields.get("symbol") or "CD/1929"
        fields["other_symbols"] = list(fields.get("other_symbols") or []) + [own] * (1 if fields.get("symbol") else 2)
        return fields, raw, Fails(sidecar, line_of(fields, "symbol"), f"duplicate symbol {own!r} (also used by {sidecar})")
    if kind == "yaml":
        key = draw(st.sampled_from(list(fields)))
        raw[key] = draw(st.sampled_from(["[unclosed", "{a: b", "'open", "\"open"]))
        text = sidecar_text(fields, raw)
        try:
            yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:  # PyYAML says what and where: the build must say the same
            return fields, raw, Fails(sidecar, exc.problem_mark.line + 1, f"YAML syntax error: {exc.problem}")
        raise AssertionError(f"not broken YAML: {raw[key]!r}")
    # Markdown: the parts (sender and signatories, by the start of their titles).
    parts = [dict(p) for p in fields["parts"]]
    fields["parts"] = parts
    where = line_of(fields, "parts")
    index = draw(st.integers(0, len(parts) - 1))
    entry = parts[index]
    trouble = draw(st.sampled_from(["no title", "role", "role alone", "states alone", "part id", "no such part", "two parts",
                                    "never named", "not a state", "not a list"]))
    if trouble == "no title":
        del entry["title"]
        return fields, raw, Fails(sidecar, where, "each entry of parts needs a title (the beginning of the part's title)")
    if trouble == "role":
        entry["role"] = draw(st.sampled_from(["speaker", "reply", "Sender"]))
        return fields, raw, Fails(sidecar, where, f"unknown role {entry['role']!r} (expected one of: sender, signatory)")
    if trouble in ("role alone", "states alone"):
        del entry["states" if trouble == "role alone" else "role"]
        return fields, raw, Fails(sidecar, where, "a part's role and states go together")
    if trouble == "part id":
        entry["id"] = draw(st.sampled_from(["Note Verbale", "note_verbale", "-x"]))
        return fields, raw, Fails(sidecar, where, f"part id {entry['id']!r} must be lower-case letters, digits and hyphens")
    if trouble in ("no such part", "two parts"):
        # The document's parts are "Note verbale…", "Déclaration des chefs…", "Déclaration conjointe…".
        entry["title"] = "Annexe" if trouble == "no such part" else "Déclaration"
        found = "no part" if trouble == "no such part" else "2 parts"
        return fields, raw, Fails(sidecar, where, f"parts: {found} of the document has a title starting with {entry['title']!r}")
    if trouble == "never named":
        # Norway is named nowhere in the note verbale or the declarations.
        entry["states"] = ["norvege"]
        return fields, raw, Fails(sidecar, None, f"state 'norvege' is given the role {entry['role']!r} but the document never names it")
    if trouble == "not a state":
        entry["states"] = ["atlantide"]
        title = baseline(MD)[0].parts[index].title
        return fields, raw, Fails(sidecar, None, f"state 'atlantide' (part {title[:40]!r}) is not in data/states.yaml")
    fields["parts"] = "Note verbale"
    return fields, raw, Fails(sidecar, where, "parts must be a list")


@pytest.mark.parametrize("name", [TXT, MD])
def test_a_sidecar_change_gives_the_outcome_it_implies(name, scratch):
    """Some fields set to good values (the document then has them), and at most one change
    that breaks the sidecar (the build then names the sidecar, the line and the fault)."""
    document, _ = baseline(name)
    meta = yaml.safe_load((SEEDS / SIDECAR[name]).read_text(encoding="utf-8"))
    meta["date"] = str(meta["date"])
    source = (SEEDS / name).read_bytes()

    @settings(SETTINGS, max_examples=60)
    @given(data=st.data())
    def run(data):
        fields = dict(meta)
        expected_fields: dict = {}
        for key in data.draw(st.lists(st.sampled_from(sorted(GOOD)), unique=True, max_size=4), label="good"):
            value = data.draw(GOOD[key][0], label=key)
            fields[key] = value
            expected_fields.update(GOOD[key][1](value))
        expected: Fails | Builds = Builds(records(document), expected_fields)
        raw: dict = {}
        if data.draw(st.booleans(), label="break"):
            fields, raw, expected = bad_sidecar(name, fields, data.draw)
        kind = "bad sidecar" if isinstance(expected, Fails) else "good sidecar"
        judge(seeds_with(scratch / "seeds", name, source, sidecar_text(fields, raw).encode("utf-8")), expected, kind)

    run()
    assert SEEN["good sidecar", "built"] and SEEN["bad sidecar", "error"]


def test_a_yaml_date_is_read_as_the_date_it_writes(scratch):
    """``date: 2012-07-10`` (a YAML date, unquoted) is the ISO date it writes."""
    meta = yaml.safe_load((SEEDS / SIDECAR[TXT]).read_text(encoding="utf-8"))
    meta["date"] = "2012"
    text = sidecar_text(meta, {"date": "2012-07-10"})
    document, _ = baseline(TXT)
    judge(seeds_with(scratch / "seeds", TXT, (SEEDS / TXT).read_bytes(), text.encode("utf-8")),
          Builds(records(document), {"date": "2012-07-10"}), "yaml date")


# --- sizes: a large source, long runs --------------------------------------------------------
# How long they take is measured by bench/parse_linear.py (seconds per MB, sizes 1 to 20 MB):
# a benchmark, not a pass/fail test on a shared machine.

def without_keys(document) -> tuple:
    return tuple(record[1:] for record in records(document))


def test_a_large_source_gives_each_copy_of_its_text(scratch):
    """The plain-text seed repeated whole up to 2 MB: its parts again and again, each with its
    paragraphs, and every header and footer removed."""
    document, text = baseline(TXT)
    unit = (SEEDS / TXT).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    copies = -(-2_000_000 // len(unit.encode("utf-8")))
    corpus, _, texts = pipeline.load_corpus(seeds_with(scratch / "seeds", TXT, (unit * copies).encode("utf-8")), DATA, strict=True)
    (big,) = corpus.documents
    assert copies > 10 and without_keys(big) == without_keys(document) * copies
    assert len({part.key for part in big.parts}) == len(big.parts)  # each copy's parts keyed apart
    assert [r.text for r in big.removals] == [r.text for r in document.removals] * copies
    assert fidelity.check(big, texts[big.id], record_page(big)) is None


LONG_RUNS = {
    # input: (file, text, what it must read: one part's title and its paragraphs)
    "a 1 MB word": (TXT, " 1. Début " + "x" * 1_000_000 + " fin.", ("", [("paragraph", 1, "Début " + "x" * 1_000_000 + " fin.")])),
    "no-break spaces before the last word": (MD, "## Titre\n\n1. Début" + NBSP * 200_000 + "fin", ("Titre", [("paragraph", 1, "Début fin")])),
    # No closing bracket: not a reply's header, so the heading and it are paragraphs.
    "spaces in an [Original] line": (TXT, "  Cuba \n\n[Original : " + " " * 200_000 + "x\n\n 1. Texte.",
                                     ("", [("paragraph", None, "Cuba"), ("paragraph", None, "[Original : x"), ("paragraph", 1, "Texte.")])),
}


@pytest.mark.parametrize("case", sorted(LONG_RUNS))
def test_long_runs_are_read_as_they_are(case, scratch):
    """Inputs that made regular expressions backtrack (their time: bench/parse_linear.py)."""
    name, text, (title, paragraphs) = LONG_RUNS[case]
    sidecar = re.sub(r"(?ms)^parts:.*", "", (SEEDS / SIDECAR[name]).read_text(encoding="utf-8"))  # none of the seed's parts
    seeds = seeds_with(scratch / "seeds", name, text.encode("utf-8"), sidecar.encode("utf-8"))
    corpus, _, texts = pipeline.load_corpus(seeds, DATA, strict=True)
    (document,) = corpus.documents
    assert without_keys(document) == ((title, 1, (), tuple(paragraphs)),)
    assert fidelity.check(document, texts[document.id], record_page(document)) is None


# --- end to end: python build.py --strict ----------------------------------------------------

def run_build(seeds: Path, out: Path):
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--strict", "--seeds", str(seeds), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def _edit_text(name, change):
    def apply(seeds: Path) -> None:
        path = seeds / name
        text = path.read_text(encoding="utf-8")
        changed = change(text)
        assert changed != text, "the change changes nothing"
        path.write_bytes(changed.encode("utf-8"))
    return apply


def _write_bytes(name, make):
    def apply(seeds: Path) -> None:
        path = seeds / name
        path.write_bytes(make(path.read_text(encoding="utf-8")))
    return apply


def _no_body(text: str) -> str:
    """The reply of Cuba loses its body: a heading with its [Original] lines and no paragraph."""
    header_end = text.index("[5 juin 2012] \n") + len("[5 juin 2012] \n")
    return text[:header_end] + "\n" + text[text.index("  Espagne"):]


def paragraphs_of(out: Path) -> dict[str, dict]:
    return {p["id"]: p for p in json.loads(lzma.decompress((out / "data" / "paragraphs.json.xz").read_bytes()))}


@functools.lru_cache(maxsize=None)
def seed_paragraphs() -> tuple:
    """The paragraphs of the unchanged seeds as the export writes them: (id, number, text)."""
    corpus, _, _ = pipeline.load_corpus(SEEDS, DATA, strict=True)
    return tuple((p.id, p.number, norm(p.text)) for d in corpus.documents for p in d.paragraphs)


def same_paragraphs(out: Path) -> None:
    assert tuple((p["id"], p["number"], norm(p["text"])) for p in paragraphs_of(out).values()) == seed_paragraphs()


def renumbered_2_to_7(out: Path) -> None:
    paragraphs = paragraphs_of(out)
    assert "a-67-131_introduction-2" not in paragraphs
    assert paragraphs["a-67-131_introduction-7"]["number"] == 7
    assert paragraphs["a-67-131_introduction-7"]["text"].startswith("Le 13 février 2012")


def cuba_without_body(out: Path) -> None:
    parts = {d["id"]: d for d in json.loads(lzma.decompress((out / "data" / "documents.json.xz").read_bytes()))}["a-67-131"]["parts"]
    assert next(p for p in parts if p["key"] == "cuba")["paragraph_count"] == 0
    assert not [i for i in paragraphs_of(out) if i.startswith("a-67-131_cuba-")]


def empty_heading_md(out: Path) -> None:
    parts = {d["id"]: d for d in json.loads(lzma.decompress((out / "data" / "documents.json.xz").read_bytes()))}["cd-2012-kazakhstan-otsc"]["parts"]
    assert [(p["title"], p["paragraph_count"]) for p in parts if p["title"] == "Titre sans corps"] == [("Titre sans corps", 0)]


def long_word(out: Path) -> None:
    assert any("les vues " + "x" * 1_000_000 + " des États" in p["text"] for p in paragraphs_of(out).values())


E2E = {
    # case: (change to the seeds, expected exit status, stderr pattern when it fails / check of the site when it builds)
    "crlf txt": (_edit_text(TXT, lambda t: t.replace("\n", "\r\n")), 0, same_paragraphs),
    "crlf md": (_edit_text(MD, lambda t: t.replace("\n", "\r\n")), 0, same_paragraphs),
    "bom": (_edit_text(TXT, lambda t: BOM + t), 0, same_paragraphs),
    "bom md": (_edit_text(MD, lambda t: BOM + t), 0, same_paragraphs),
    "nbsp and nnbsp": (_edit_text(TXT, lambda t: t.replace("« ", f"«{NNBSP}").replace(" »", f"{NNBSP}»")
                                   .replace(" :", f"{NBSP}:").replace(" ;", f"{NNBSP};")), 0, same_paragraphs),
    "nbsp md": (_edit_text(MD, lambda t: t.replace(" :", f"{NBSP}:").replace("la ", f"la{NBSP}")), 0, same_paragraphs),
    "tabs": (_edit_text(TXT, lambda t: re.sub(r"(?m)^ ", "\t", t).replace("de la", "de\tla")), 0, same_paragraphs),
    "tabs md": (_edit_text(MD, lambda t: t.replace("de la", "de\tla")), 0, same_paragraphs),
    "latin-1": (_write_bytes(TXT, lambda t: t.encode("latin-1", "replace")), 1, rf"{re.escape(TXT)}:5: not valid UTF-8 \(byte 0xe9\); save the file as UTF-8$"),
    "empty file": (_write_bytes(MD, lambda t: b""), 1, rf"{re.escape(MD)}: the document is empty$"),
    "only spaces": (_write_bytes(TXT, lambda t: f" \n{NBSP}\n\t\n".encode()), 1, rf"{re.escape(TXT)}: the document is empty$"),
    "1 MB line without spaces": (_edit_text(TXT, lambda t: t.replace("les vues des États", "les vues " + "x" * 1_000_000 + " des États", 1)), 0, long_word),
    "heading with no body (txt)": (_edit_text(TXT, _no_body), 0, cuba_without_body),
    "heading with no body (md)": (_edit_text(MD, lambda t: t.replace("\n**Déclaration conjointe", "\n## Titre sans corps\n\n**Déclaration conjointe")), 0, empty_heading_md),
    "numbering skips": (_edit_text(TXT, lambda t: t.replace("\n2. Le 13 février", "\n7. Le 13 février", 1)), 0, renumbered_2_to_7),
    "numbering repeats (txt)": (_edit_text(TXT, lambda t: t.replace("\n2. Le 13 février", "\n1. Le 13 février", 1)), 1,
                                rf"{re.escape(TXT)}:12: paragraph number 1 appears twice in part 'Introduction'$"),
    "numbering repeats (md)": (_edit_text(MD, lambda t: t.replace("\n3. L'Organisation des Nations Unies", "\n2. L'Organisation des Nations Unies", 1)), 1,
                               rf"{re.escape(MD)}:35: paragraph number 2 appears twice in part"),
}


@pytest.mark.parametrize("case", sorted(E2E))
def test_build_end_to_end(case, tmp_path):
    change, status, expected = E2E[case]
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    change(seeds)
    out = tmp_path / "site"
    result = run_build(seeds, out)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == status, result.stderr
    if status == 0:
        # --strict: the build's fidelity check found every word of each source on its page.
        assert result.stderr == "", result.stderr
        expected(out)
    else:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
        assert re.search(expected, lines[0]), lines[0]
        assert not out.exists()
