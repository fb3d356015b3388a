"""Broken input: the build keeps every word, or stops with one clear error naming the file.

Two levels:

- property-based (Hypothesis, derandomized): the real seeds are mutated line by line (lines
  inserted, deleted, duplicated, blocks swapped, no-break and narrow no-break spaces, tabs,
  CRLF, a byte-order mark, paragraphs renumbered to skip or repeat, headings emptied or left
  without a body), small documents of both formats are generated from scratch, and sidecars
  get fields removed, added, mistyped or their YAML garbled. Each input goes through
  ``pipeline.load_corpus`` (strict): either it loads and every word of the source is found,
  in order, in the records (``fidelity.check`` against the text the page is made of), or it
  raises an ``UndocsError`` whose message names a file of the seeds folder. Any other
  exception fails the test;
- end to end: ``python build.py --strict`` on the named cases of the hardening issue, which
  must exit 0 (the build's own fidelity check passed: every word kept) or 1 with one line on
  stderr naming the file, never a traceback.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, ROOT, SEEDS
from undocs import fidelity, pipeline
from undocs.errors import UndocsError
from undocs.parse.document import parse_source
from undocs.sources import discover
from undocs.states import Gazetteer, load_states
from undocs.views import french_date

TXT = "a-67-131.fr.txt"
MD = "cd-2012-kazakhstan-otsc.fr.md"
SIDECAR = {TXT: "a-67-131.fr.yaml", MD: "cd-2012-kazakhstan-otsc.fr.yaml"}
NBSP, NNBSP, BOM = "\u00a0", "\u202f", "\ufeff"

#: Every generated input is counted here; the session prints the totals (see the report).
COUNTS: dict[str, int] = {}

SETTINGS = settings(
    derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# The curated data never changes here: read it once, not once per example.
pipeline.load_states = functools.lru_cache(maxsize=None)(pipeline.load_states)
pipeline.load_topics = functools.lru_cache(maxsize=None)(pipeline.load_topics)


# --- the oracle ------------------------------------------------------------------------------

def record_page(document) -> str:
    """The text a document's page is made of, from its records, in reading order.

    Mirrors templates/document.html: masthead, then each part's number and title, its reply
    header ("Original : …", "reçu le …"), its paragraphs (printed number, text), its notes.
    """
    chunks = list(document.masthead)
    for part in document.parts:
        chunks += [part.number or "", part.title]
        for st_ in part.statements:
            chunks += [f"Original : {st_.original_language}" if st_.original_language else "", french_date(st_.date)]
        for para in part.paragraphs:
            chunks += [str(para.number) if para.number is not None else "", para.text]
        chunks += [note.text for note in part.footnotes]
    body = "\n".join(f"<p>{html.escape(c)}</p>" for c in chunks)
    return f'<div id="{fidelity.TEXT_ROOT_ID}">{body}</div>'


def check_outcome(seeds: Path, kind: str) -> str:
    """Load ``seeds`` strictly: every word kept, or an UndocsError naming a file. Returns the outcome."""
    COUNTS[kind] = COUNTS.get(kind, 0) + 1
    names = [p.name for p in seeds.iterdir()]
    try:
        corpus, _, texts = pipeline.load_corpus(seeds, DATA, strict=True)
    except UndocsError as exc:
        message = str(exc)
        assert "\n" not in message, message
        assert any(name in message for name in names) or str(seeds) in message, message
        COUNTS[kind + ": clear error"] = COUNTS.get(kind + ": clear error", 0) + 1
        return "error"
    for document in corpus.documents:
        loss = fidelity.check(document, texts[document.id], record_page(document))
        assert loss is None, f"lost word: {loss}"
    COUNTS[kind + ": built, every word kept"] = COUNTS.get(kind + ": built, every word kept", 0) + 1
    return "built"


def test_oracle_accepts_the_real_seeds(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    assert check_outcome(tmp_path / "seeds", "real seeds") == "built"


def test_oracle_sees_a_lost_word(tmp_path):
    """The oracle is not vacuous: a word the records do not hold is reported."""
    corpus, _, texts = pipeline.load_corpus(SEEDS, DATA)
    document = corpus.documents[0]
    assert fidelity.check(document, texts[document.id] + "\nmotfantôme\n", record_page(document)).word == "motfantôme"


# --- mutating the real seeds -----------------------------------------------------------------

INJECTED = [NBSP, NNBSP, "\t", " ", "« ", " »", f"{NBSP}:", f"{NNBSP};", "-", "\u2019", "*", "  ", "\x0c"]
LINES = st.sampled_from([
    "", " ", "\t", NBSP, "A/67/131", "912-41314", "  II. Réponses reçues des gouvernements ",
    "  Norvège ", "[Original : anglais]", "[5 juin 2012]", "[31 février 2012]", " 7. Numéro sept.",
    " 7. Numéro sept répété.", " • un élément", "suite en minuscules", "## ", "## Titre sans corps",
    "#", "**Titre gras**", "1. Paragraphe un", "---", "\\* note", "    indenté comme du code",
    "```", "> citation", f"«{NNBSP}guillemets{NNBSP}»{NBSP}: fin", "Moscou, le 15 mai 2012",
    "x" * 5000, "mot-", "\tTabulé\tau\tmilieu",
])

OPS = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10**6), LINES),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 8)),
    st.tuples(st.just("duplicate"), st.integers(0, 10**6), st.integers(1, 8)),
    st.tuples(st.just("swap blocks"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("inject"), st.integers(0, 10**6), st.sampled_from(INJECTED)),
    st.tuples(st.just("renumber"), st.integers(0, 10**6), st.integers(-2, 2)),
    st.tuples(st.just("empty heading"), st.integers(0, 10**6), st.booleans()),
)
WHOLE = st.sets(st.sampled_from(["crlf", "cr", "bom", "trailing spaces", "tabs for indent", "nbsp for spaces"]), max_size=3)

_NUMBER = re.compile(r"^(\s*)(\d{1,3})\.(\s)")
_HEADING = re.compile(r"^(\s*(?:#+|[IVX]+\.)\s*|\s{2})(\S.*)$")


def mutate(text: str, ops, whole) -> str:
    lines = text.split("\n")
    for op in ops:
        name, a, b = op
        n = len(lines)
        i = a % (n + 1) if name == "insert" else a % max(n, 1)
        if name == "insert":
            lines.insert(i, b)
        elif name == "delete":
            del lines[i:i + b]
        elif name == "duplicate":
            lines[i:i] = lines[i:i + b]
        elif name == "swap blocks":
            starts = [0] + [k + 1 for k, line in enumerate(lines) if not line.strip()]
            x, y = sorted((starts[a % len(starts)], starts[b % len(starts)]))
            if x != y:
                x_end = next((k for k in range(x, y) if not lines[k].strip()), y)
                y_end = next((k for k in range(y, n) if not lines[k].strip()), n)
                lines = lines[:x] + lines[y:y_end] + lines[x_end:y] + lines[x:x_end] + lines[y_end:]
        elif name == "inject" and lines:
            line = lines[i]
            at = (a // max(n, 1)) % (len(line) + 1)
            lines[i] = line[:at] + b + line[at:]
        elif name == "renumber":
            numbered = [k for k, line in enumerate(lines) if _NUMBER.match(line)]
            if numbered:
                k = numbered[a % len(numbered)]
                m = _NUMBER.match(lines[k])
                lines[k] = f"{m.group(1)}{max(int(m.group(2)) + b, 0)}.{m.group(3)}" + lines[k][m.end():]
        elif name == "empty heading":
            headings = [k for k, line in enumerate(lines) if _HEADING.match(line) and len(line) < 80]
            if headings:
                k = headings[a % len(headings)]
                if b:  # the heading keeps its text but loses its body, up to the next heading
                    end = next((j for j in range(k + 1, len(lines)) if j in headings), len(lines))
                    del lines[k + 1:end]
                else:  # the heading keeps its marker and loses its text
                    lines[k] = _HEADING.match(lines[k]).group(1)
    text = "\n".join(lines)
    if "trailing spaces" in whole:
        text = text.replace("\n", "  \n")
    if "tabs for indent" in whole:
        text = re.sub(r"(?m)^ +", "\t", text)
    if "nbsp for spaces" in whole:
        text = text.replace(" ", NBSP)
    if "crlf" in whole:
        text = text.replace("\n", "\r\n")
    elif "cr" in whole:
        text = text.replace("\n", "\r")
    if "bom" in whole:
        text = BOM + text
    return text


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


@pytest.mark.parametrize("name", [TXT, MD])
def test_mutated_seed_keeps_every_word_or_names_the_file(name, scratch):
    original = (SEEDS / name).read_text(encoding="utf-8")

    @settings(SETTINGS, max_examples=50)
    @given(ops=st.lists(OPS, min_size=1, max_size=6), whole=WHOLE)
    def run(ops, whole):
        text = mutate(original, ops, whole)
        check_outcome(seeds_with(scratch / "seeds", name, text.encode("utf-8")), f"mutated {name}")

    run()


@pytest.mark.parametrize("name", [TXT, MD])
def test_latin1_bytes_are_one_error_naming_file_and_line(name, scratch):
    @settings(SETTINGS, max_examples=8)
    @given(at=st.integers(0, 10**6))
    def run(at):
        text = (SEEDS / name).read_text(encoding="utf-8")
        data = text.encode("utf-8")
        at = at % len(data)
        broken = data[:at] + "é".encode("latin-1") + data[at:]
        seeds = seeds_with(scratch / "seeds", name, broken)
        with pytest.raises(UndocsError, match=rf"{re.escape(name)}:\d+: not valid UTF-8"):
            pipeline.load_corpus(seeds, DATA)
        COUNTS["latin-1 byte"] = COUNTS.get("latin-1 byte", 0) + 1

    run()


# --- generating documents from scratch -------------------------------------------------------

WORD = st.text(
    alphabet=st.sampled_from(list("abcdeéèàçœxyz") + list("ABCÉÀ") + list("0123456789") + ["-", "’", "'"]),
    min_size=1, max_size=12,
)
SPACE = st.sampled_from([" ", " ", " ", NBSP, NNBSP, "\t", "  "])


@st.composite
def sentence(draw, max_words=12):
    words = draw(st.lists(WORD, min_size=1, max_size=max_words))
    out = words[0]
    for word in words[1:]:
        out += draw(SPACE) + word
    return out + draw(st.sampled_from(["", ".", " :", f"{NBSP}:", f"{NNBSP};", " »", " ?"]))


@st.composite
def plaintext_document(draw):
    blocks = []
    for s in range(draw(st.integers(0, 3))):
        blocks.append(f" {['I', 'II', 'III', 'IV'][s]}. {draw(sentence(4))} ")
        for _ in range(draw(st.integers(0, 2))):
            if draw(st.booleans()):
                blocks.append(f"  {draw(st.sampled_from(['Cuba', 'Norvège', 'Qatar', 'Japon', 'Atlantide']))} ")
                # Day 1 is written "1er", as UN documents do (the page prints "1er juin 2012",
                # so a source's "[1 juin 2012]" loses its word "1": see the report).
                day = draw(st.sampled_from(["1er", "2", "5", "15", "30", "31"]))
                blocks.append(f"[Original : {draw(st.sampled_from(['anglais', 'espagnol']))}] \n"
                              f"[{day} {draw(st.sampled_from(['juin', 'mai', 'février']))} 2012] ")
            for number in draw(st.lists(st.integers(0, 12), max_size=4)):
                lines = [draw(sentence()) for _ in range(draw(st.integers(1, 4)))]
                style = draw(st.sampled_from(["numbered", "indented", "bullet", "tail"]))
                head = {"numbered": f" {number}. ", "indented": " ", "bullet": " • ", "tail": ""}[style]
                if style == "tail":
                    lines[0] = lines[0].lower()
                blocks.append(head + "\n".join(lines))
                if draw(st.integers(0, 5)) == 0:
                    blocks.append(draw(st.sampled_from(["A/67/131", "912-41314", "12-41314"])))
    if not blocks or draw(st.booleans()):
        blocks.append(" " + draw(sentence()))
    return "\n\n".join(blocks) + "\n"


@st.composite
def markdown_document(draw):
    blocks = []
    if draw(st.booleans()):
        blocks.append(f"# {draw(sentence(3))}\n\n{draw(sentence(3))}  \n{draw(sentence(2))}\n\n---")
    for _ in range(draw(st.integers(0, 3))):
        title = draw(sentence(5))
        marker = draw(st.sampled_from(["", "\\*", "\\*\\*"]))
        blocks.append(draw(st.sampled_from([f"## {title}{marker}", f"**{title}{marker}**", "## ", "##"])))
        for number in draw(st.lists(st.integers(0, 12), max_size=4)):
            text = draw(sentence())
            style = draw(st.sampled_from(["numbered", "plain", "item", "tail", "closing", "indented"]))
            blocks.append({
                "numbered": f"{number}. {text}", "plain": text, "item": f"- {text}",
                "tail": text.lower(), "closing": "Moscou, le 15 mai 2012", "indented": f"\t{text}",
            }[style])
        if marker and draw(st.booleans()):
            blocks.append(f"---\n\n{marker} {draw(sentence())}")
    if not blocks or draw(st.booleans()):
        blocks.append(draw(sentence()))
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize("name,strategy", [(TXT, plaintext_document()), (MD, markdown_document())], ids=["plaintext", "markdown"])
def test_generated_document_keeps_every_word_or_names_the_file(name, strategy, scratch):
    sidecar = (SEEDS / SIDECAR[name]).read_text(encoding="utf-8")
    sidecar = re.sub(r"(?ms)^parts:.*", "", sidecar)  # generated text has none of the seed's parts

    @settings(SETTINGS, max_examples=45)
    @given(text=strategy, whole=WHOLE)
    def run(text, whole):
        text = mutate(text, [], whole)
        check_outcome(seeds_with(scratch / "seeds", name, text.encode("utf-8"), sidecar.encode("utf-8")), f"generated {name}")

    run()


# --- sidecars --------------------------------------------------------------------------------

VALUES = st.one_of(
    st.none(), st.just(""), st.integers(-5, 3000), st.booleans(), st.text(max_size=20),
    st.lists(st.one_of(st.text(max_size=8), st.integers(), st.none()), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
    st.sampled_from(["2012", "2012-06", "2012-13-45", "plaintext", "markdown", "docx", "A/67/131", "12-41314",
                     "kazakhstan", "../a-67-131.fr.txt", "a-67-131.fr.txt", "Note verbale", "sender"]),
)
FIELDS = ["symbol", "other_symbols", "title", "date", "body", "language", "original_languages", "format",
          "job_number", "extra", "parts", "id", "source", "unknown_field"]


@st.composite
def sidecar_edit(draw):
    edits = draw(st.lists(st.tuples(st.sampled_from(FIELDS), st.sampled_from(["delete", "set"]), VALUES), max_size=4))
    part_edits = draw(st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["title", "id", "role", "states"]),
                                         st.sampled_from(["delete", "set"]), VALUES), max_size=3))
    garble = draw(st.one_of(st.none(), st.tuples(st.integers(0, 10**6), st.sampled_from(["[", ":", "\t", "{", "'", "- ", "\n  x"]))))
    return edits, part_edits, garble


@pytest.mark.parametrize("name", [TXT, MD])
def test_mistyped_sidecar_loads_or_names_the_file(name, scratch):
    source = (SEEDS / name).read_bytes()
    meta = yaml.safe_load((SEEDS / SIDECAR[name]).read_text(encoding="utf-8"))

    @settings(SETTINGS, max_examples=35)
    @given(change=sidecar_edit())
    def run(change):
        edits, part_edits, garble = change
        data = dict(meta)
        for field, action, value in edits:
            if action == "delete":
                data.pop(field, None)
            else:
                data[field] = value
        if isinstance(data.get("parts"), list):
            data["parts"] = [dict(p) if isinstance(p, dict) else p for p in data["parts"]]
            for index, field, action, value in part_edits:
                if data["parts"] and isinstance(data["parts"][index % len(data["parts"])], dict):
                    entry = data["parts"][index % len(data["parts"])]
                    entry.pop(field, None) if action == "delete" else entry.__setitem__(field, value)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        if garble:
            at = garble[0] % (len(text) + 1)
            text = text[:at] + garble[1] + text[at:]
        check_outcome(seeds_with(scratch / "seeds", name, source, text.encode("utf-8")), f"sidecar of {name}")

    run()


# --- sizes: 20 MB, a 1 MB line ---------------------------------------------------------------

def big_plaintext(size: int) -> str:
    """The seed repeated whole (replies, page headers and footers) up to ``size`` bytes."""
    unit = (SEEDS / TXT).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    return unit * -(-size // len(unit.encode("utf-8")))


def test_a_20_mb_source_parses_in_linear_time(scratch):
    """parse_source on 20 MB (the full build of 20 MB is in bench/parse_linear.py): seconds, not minutes."""
    resolve = Gazetteer(load_states(DATA / "states.yaml"))
    timings = {}
    for mb in (2, 20):
        text = big_plaintext(mb * 1_000_000)
        seeds = seeds_with(scratch / "seeds", TXT, text.encode("utf-8"))
        started = time.perf_counter()
        (source,) = discover(seeds)
        document, warnings, _text = parse_source(source, resolve)
        timings[mb] = time.perf_counter() - started
        assert not warnings
        page = record_page(document)
        assert fidelity.check(document, source.text, page) is None
    COUNTS["20 MB plaintext"] = 1
    assert timings[20] < 60
    # Linear: 10 times the text in at most ~25 times the time (generous for a noisy CI machine).
    assert timings[20] < 25 * timings[2] + 1, timings


def test_a_1_mb_line_without_spaces_in_a_long_run_of_no_break_spaces(scratch):
    """Inputs that made regular expressions backtrack: they must parse in well under a second each."""
    long_runs = {
        "1 MB word": " 1. Début " + "x" * 1_000_000 + " fin.",
        "no-break spaces before a marker": "## Titre\n\n1. Début" + NBSP * 200_000 + "fin",
        "spaces in an [Original] line": "  Cuba \n\n[Original : " + " " * 200_000 + "x\n\n 1. Texte.",
    }
    for label, text in long_runs.items():
        name = MD if text.startswith("##") else TXT
        seeds = seeds_with(scratch / "seeds", name, text.encode("utf-8"))
        started = time.perf_counter()
        assert check_outcome(seeds, label) in ("built", "error")
        assert time.perf_counter() - started < 10, label


# --- end to end: python build.py --strict ----------------------------------------------------

def run_build(seeds: Path, out: Path):
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--strict", "--seeds", str(seeds), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def _edit_text(name, change):
    def apply(seeds: Path) -> None:
        path = seeds / name
        path.write_bytes(change(path.read_text(encoding="utf-8")).encode("utf-8"))
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


E2E = {
    # case: (change to the seeds, expected exit status, expected stderr pattern when it fails)
    "crlf txt": (_edit_text(TXT, lambda t: t.replace("\n", "\r\n")), 0, None),
    "crlf md": (_edit_text(MD, lambda t: t.replace("\n", "\r\n")), 0, None),
    "bom": (_edit_text(TXT, lambda t: BOM + t), 0, None),
    "bom md": (_edit_text(MD, lambda t: BOM + t), 0, None),
    "nbsp and nnbsp": (_edit_text(TXT, lambda t: t.replace("« ", f"«{NNBSP}").replace(" »", f"{NNBSP}»")
                                   .replace(" :", f"{NBSP}:").replace(" ;", f"{NNBSP};")), 0, None),
    "nbsp md": (_edit_text(MD, lambda t: t.replace(" :", f"{NBSP}:").replace("la ", f"la{NBSP}")), 0, None),
    "tabs": (_edit_text(TXT, lambda t: re.sub(r"(?m)^ ", "\t", t).replace("de la", "de\tla")), 0, None),
    "tabs md": (_edit_text(MD, lambda t: t.replace("de la", "de\tla")), 0, None),
    "latin-1": (_write_bytes(TXT, lambda t: t.encode("latin-1", "replace")), 1, rf"{re.escape(TXT)}:\d+: not valid UTF-8"),
    "empty file": (_write_bytes(MD, lambda t: b""), 1, rf"{re.escape(MD)}: the document is empty"),
    "only spaces": (_write_bytes(TXT, lambda t: f" \n{NBSP}\n\t\n".encode()), 1, rf"{re.escape(TXT)}: the document is empty"),
    "1 MB line without spaces": (_edit_text(TXT, lambda t: t.replace("les vues des États", "les vues " + "x" * 1_000_000 + " des États", 1)), 0, None),
    "heading with no body (txt)": (_edit_text(TXT, _no_body), 0, None),
    "heading with no body (md)": (_edit_text(MD, lambda t: t.replace("## **Déclaration conjointe", "## Titre sans corps\n\n## **Déclaration conjointe")), 0, None),
    "numbering skips": (_edit_text(TXT, lambda t: t.replace("\n2. Le 13 février", "\n7. Le 13 février", 1)), 0, None),
    "numbering repeats (txt)": (_edit_text(TXT, lambda t: t.replace("\n2. Le 13 février", "\n1. Le 13 février", 1)), 1,
                                rf"{re.escape(TXT)}:\d+: paragraph number 1 appears twice in part 'Introduction'"),
    "numbering repeats (md)": (_edit_text(MD, lambda t: t.replace("\n3. L'Organisation des Nations Unies", "\n2. L'Organisation des Nations Unies", 1)), 1,
                               rf"{re.escape(MD)}:\d+: paragraph number 2 appears twice in part"),
}


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e") / "site"
    result = run_build(SEEDS, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("case", sorted(E2E))
def test_build_end_to_end(case, tmp_path):
    change, status, message = E2E[case]
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    change(seeds)
    out = tmp_path / "site"
    result = run_build(seeds, out)
    COUNTS["end-to-end build"] = COUNTS.get("end-to-end build", 0) + 1
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == status, result.stderr
    if status == 0:
        # --strict: the build's fidelity check found every word of each source on its page.
        assert result.stderr == "", result.stderr
        assert (out / "index.html").is_file()
    else:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
        assert re.search(message, lines[0]), lines[0]
        assert not out.exists()


def test_counts_are_reported(capsys):
    """Prints how many inputs each property tried (run with -s to see it)."""
    with capsys.disabled():
        for kind in sorted(COUNTS):
            print(f"\n  {COUNTS[kind]:5d}  {kind}", end="")
        print()
