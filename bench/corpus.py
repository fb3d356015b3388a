"""Deterministic synthetic corpora for benchmarks, in both source formats the build reads.

    python bench/corpus.py --docs N --out DIR [--seed S]

Writes a seeds folder (sources + YAML sidecars, like ``seeds/``) that ``build.py --seeds DIR``
builds. ``--docs 2`` is the real seeds, copied unchanged; a larger corpus is the real seeds
plus N-2 generated documents that alternate the two kinds of the real corpus, so that a scale
benchmark exercises every path of the parsers, not a simplified one:

- a report of the Secretary-General (plain text, as extracted from a PDF): a numbered
  introduction, then replies from several states under ``[Original : …]`` and date lines,
  hard-wrapped at ~85 columns, words split at a real hyphen across lines, a bulleted list now
  and then, and page header/footer blocks (the symbol, the page number glued to the job
  number) that sometimes cut a paragraph in two;
- a note verbale of the Conference on Disarmament (Markdown) transmitting one or two
  declarations with numbered paragraphs, a second block or a page break inside some of them,
  a place-and-date line, and sometimes a title footnote.

The text is French as the seeds write it: sentences are either taken whole from the seeds or
walked along the seeds' word pairs, and some words are swapped for invented French-looking
words drawn with Zipf weights, so that the index sees a realistic head of frequent words and
a long tail of rare ones, as a real archive would. 2,000 documents give about 40,000
paragraphs (about 20 per generated document).

Same (N, seed), same bytes: every choice comes from ``random.Random`` seeded from the seed
(one generator per document, so a small corpus is a prefix of a larger one), nothing depends
on the clock or on set order. The exact paragraph count of the corpus is returned, so a
benchmark or a test can check the build read every paragraph.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from undocs.model import Document, State  # noqa: E402
from undocs.parse.common import MONTHS  # noqa: E402
from undocs.parse.document import parse_source  # noqa: E402
from undocs.sources import discover  # noqa: E402
from undocs.states import Gazetteer, load_states  # noqa: E402

SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
#: Written into every corpus folder: a folder holding it may be replaced by the next run.
MARKER = ".undocs-corpus"
MARKER_TEXT = b"This folder was written by bench/corpus.py; the next run may replace its files.\n"

WIDTH = 85  # the column at which the PDF extraction hard-wraps lines
MIN_WORDS, MAX_WORDS = 15, 60  # words per generated sentence
SENTENCES_PER_PARAGRAPH = (1, 2, 3, 4, 5)
SENTENCE_WEIGHTS = (35, 30, 20, 10, 5)
PARAGRAPHS_PER_DOCUMENT = (8, 32)  # inclusive: 20 on average
VERBATIM = 0.3  # share of sentences taken whole from the seeds
INVENTED = 0.15  # share of eligible words swapped for an invented one
TAIL = 200_000  # ranks of invented words: a tail that keeps growing with the corpus
FIRST_DAY, LAST_DAY = date(2000, 6, 1), date(2020, 12, 31)
LANGUAGES = ("anglais", "espagnol", "français", "russe", "arabe", "chinois")
LANGUAGE_WEIGHTS = (40, 20, 15, 12, 8, 5)
MONTH_NAMES = {number: name for name, number in MONTHS.items()}

#: Words of the seeds that the Markdown reader or the page would not keep as they are.
_UNSAFE = re.compile(r"[*_\[\]<>`\\&#|~]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý«])")
#: A plain lower-case word (with its trailing punctuation) that may be swapped for an invented one.
_SWAPPABLE = re.compile(r"^([a-zàâäçéèêëîïôöùûüÿœæ]{5,})([,;:.]?)$")
_END = ""  # successor of a sentence's last word in the word-pair table

REPORT_TOPICS = (
    "Promotion du multilatéralisme", "Renforcement de la coopération internationale",
    "Mise en œuvre des engagements", "Application des mesures de confiance",
    "Examen des progrès accomplis", "Transparence et vérification", "Réduction des risques",
    "Information sur les mesures prises", "Universalisation des instruments",
    "Contrôle des transferts", "Coopération régionale", "Prévention de la prolifération",
)
REPORT_FIELDS = (
    "dans le domaine du désarmement nucléaire", "en matière d’armes classiques",
    "en matière de non-prolifération", "relatives aux armes légères et de petit calibre",
    "concernant les mines antipersonnel", "relatives aux armes chimiques",
    "relatives aux armes biologiques et à toxines", "dans l’espace extra-atmosphérique",
    "concernant les matières fissiles", "relatives aux missiles", "dans le cyberespace",
    "relatives aux armes à sous-munitions", "concernant les essais nucléaires",
    "en matière de contrôle des exportations",
)
REPORT_SCOPES = (
    "", " aux niveaux régional et sous-régional", " en Asie centrale", " en Afrique",
    " en Amérique latine et dans les Caraïbes", " au Moyen-Orient", " dans l’hémisphère Sud",
    " en Europe", " dans le cadre des Nations Unies", " au service du développement",
)
DECLARATION_AUTHORS = (
    "chefs d'État et de gouvernement", "ministres des affaires étrangères",
    "représentants permanents", "chefs des délégations", "ministres de la défense",
)
DECLARATION_SUBJECTS = (
    "le désarmement nucléaire", "la non-prolifération des armes de destruction massive",
    "la sécurité régionale", "les armes légères et de petit calibre",
    "la sécurité de l'information", "l'utilisation pacifique de l'espace extra-atmosphérique",
    "le Traité d'interdiction complète des essais nucléaires",
    "les zones exemptes d'armes nucléaires", "la lutte contre le terrorisme",
    "les mesures de confiance et de sécurité", "la sûreté et la sécurité nucléaires",
)
CITIES = ("Genève", "New York", "Vienne", "Moscou", "Astana", "Minsk", "Bichkek", "Douchanbé",
          "Erevan", "Oslo", "Madrid", "La Havane", "Doha", "Achgabat", "Tokyo")

# Syllables of the invented words: French spelling, some accents, French endings.
_ONSETS = ("b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "gr", "pr",
           "tr", "cl", "bl", "fr", "pl", "qu", "j", "br", "dr")
_VOWELS = ("a", "e", "i", "o", "u", "é", "è", "ou", "ai", "au", "eu", "oi", "â", "ê", "î", "ô")
_CODAS = ("", "", "", "n", "r", "s", "l", "m")  # "" thrice: most French syllables are open
_ENDINGS = ("tion", "ment", "ité", "age", "isme", "ance", "ence", "eur", "ique", "able", "ier",
            "ière", "oire", "ure", "ette", "elle", "al", "aux", "ées", "ante", "iste", "esse")


@dataclass(frozen=True)
class Vocabulary:
    """What sentences are made of: the seeds' sentences and word pairs, and the invented tail."""

    sentences: tuple[str, ...]  # seed sentences of MIN_WORDS..MAX_WORDS words, taken whole
    starts: tuple[str, ...]  # words that open a seed sentence (with repeats: weighted)
    clauses: tuple[str, ...]  # words that open a clause after a comma ("notamment", "qui")
    follows: dict[str, tuple[str, ...]]  # word -> the words after it in the seeds (repeats kept)
    swappable: dict[str, tuple[str, str]]  # word -> (letters, punctuation) when it may be swapped
    head: int  # distinct words of the seeds: the invented words are ranked after them
    seed: int  # which invented word stands at each rank


@dataclass(frozen=True)
class Generated:
    """One generated document: its two files and what the build must find in it."""

    stem: str  # file name without ".fr.txt"/".fr.md"/".fr.yaml"; the document's id
    suffix: str
    text: str
    sidecar: str
    title: str
    paragraphs: int  # citable paragraphs (paragraphs, list items, closing lines)
    removals: int  # page header/footer lines the parser must recognise and remove


@dataclass(frozen=True)
class SeedCorpus:
    """The real seeds as the build reads them: their text, counts and the state gazetteer."""

    documents: tuple[Document, ...]
    states: tuple[State, ...]


# --------------------------------------------------------------------------------------------
# Entry points


def generate(n_docs: int, out: Path, seed: int = 0) -> dict:
    """Write a corpus of ``n_docs`` documents into ``out`` and return its statistics.

    ``out`` must be missing, empty, or a corpus folder written before (it holds ``MARKER``):
    its files are then replaced. Returns documents, paragraphs (exact: what the build must
    count), removals (page artefact lines), bytes, the number of each kind, and the
    paragraphs of each document by id.
    """
    if n_docs < 2:
        raise ValueError("a corpus holds at least the 2 real seeds (--docs 2)")
    _prepare(out)
    seeds = _read_seeds()
    by_document = {d.id: len(d.paragraphs) for d in seeds.documents}
    removals = sum(len(d.removals) for d in seeds.documents)
    for path in _seed_files():
        shutil.copyfile(path, out / path.name)
    kinds = {kind: sum(d.format == kind for d in seeds.documents) for kind in ("plaintext", "markdown")}
    if n_docs > 2:
        vocabulary = build_vocabulary(seeds.documents, seed)
        for doc in _documents(n_docs - 2, seed, vocabulary, seeds.states):
            (out / f"{doc.stem}{doc.suffix}").write_bytes(doc.text.encode("utf-8"))
            (out / f"{doc.stem}.fr.yaml").write_bytes(doc.sidecar.encode("utf-8"))
            by_document[doc.stem] = doc.paragraphs
            removals += doc.removals
            kinds["plaintext" if doc.suffix == ".fr.txt" else "markdown"] += 1
    files = [p for p in out.iterdir() if p.is_file() and p.name != MARKER]
    return {
        "documents": n_docs,
        "paragraphs": sum(by_document.values()),
        "removals": removals,
        "bytes": sum(p.stat().st_size for p in files),
        **kinds,
        "paragraphs_by_document": dict(sorted(by_document.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/corpus.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True, help="documents in the corpus (2: the real seeds)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (missing, empty or a previous corpus)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.docs < 2:
        parser.error("--docs must be at least 2 (the real seeds)")
    started = time.perf_counter()
    try:
        stats = generate(args.docs, args.out, args.seed)
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"Wrote {stats['documents']} documents ({stats['plaintext']} plain text, {stats['markdown']} Markdown), "
        f"{stats['paragraphs']} paragraphs, {stats['bytes'] / 1e6:.2f} MB to {args.out} "
        f"in {time.perf_counter() - started:.2f} s"
    )
    return 0


def _prepare(out: Path) -> None:
    """Make ``out`` an empty corpus folder, refusing to empty a folder this script did not write."""
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise FileExistsError(f"refusing to write into {out}: it is not empty and holds no {MARKER}")
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(out.iterdir()):
        if path.is_file():
            path.unlink()
    (out / MARKER).write_bytes(MARKER_TEXT)


def _seed_files() -> list[Path]:
    return sorted(p for p in SEEDS.iterdir() if p.is_file() and not p.name.startswith("."))


def _read_seeds() -> SeedCorpus:
    """Parse the real seeds with the project's own readers: their paragraphs are clean text
    (no page artefacts, lines re-joined) and their counts are what the build will find."""
    states = load_states(DATA / "states.yaml")
    gazetteer = Gazetteer(states)
    documents = tuple(parse_source(source, gazetteer)[0] for source in discover(SEEDS))
    return SeedCorpus(documents, states)


# --------------------------------------------------------------------------------------------
# Vocabulary and sentences


def build_vocabulary(documents: tuple[Document, ...], seed: int) -> Vocabulary:
    """Learn the seeds' sentences and word pairs, and invent the long tail of rare words."""
    sentences: list[str] = []
    starts: list[str] = []
    clauses: list[str] = []
    follows: dict[str, list[str]] = {}
    for para in (p for d in documents for p in d.paragraphs):
        for text in _SENTENCE_END.split(" ".join(para.text.split())):
            words = text.split()
            if not words or _UNSAFE.search(text):
                continue
            if words[0][0].isalpha() and words[0][0].isupper():
                starts.append(words[0])
                if MIN_WORDS <= len(words) <= MAX_WORDS and text.endswith("."):
                    sentences.append(text)
            for word, after in zip(words, words[1:] + [_END]):
                follows.setdefault(word, []).append(after)
                if word.endswith(",") and after[:1].islower():
                    clauses.append(after)
    swappable = {w: (m.group(1), m.group(2)) for w in follows if (m := _SWAPPABLE.match(w))}
    return Vocabulary(
        sentences=tuple(sentences),
        starts=tuple(starts),
        clauses=tuple(clauses),
        follows={w: tuple(after) for w, after in follows.items()},
        swappable=swappable,
        head=len(follows),
        seed=seed,
    )


@functools.lru_cache(maxsize=None)
def invented_word(seed: int, rank: int) -> str:
    """The invented word at ``rank`` of the tail: a fixed function of (seed, rank), so the tail
    needs no table; frequent (low-rank) words are short, as in a real language."""
    rng = random.Random(f"{seed}:word:{rank}")
    syllables = min(3, 1 + rank.bit_length() // 6)
    stem = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))
    return stem + rng.choice(_ENDINGS)


def _tail_rank(rng: random.Random, head: int) -> int:
    """A rank of the tail drawn with Zipf weights 1/(head + rank), continuing the seeds' own
    ranking (their words are the head); the inverse of the continuous distribution function."""
    return int(head * ((head + TAIL) / head) ** rng.random()) - head


def sentence(rng: random.Random, vocabulary: Vocabulary) -> str:
    """One sentence: a seed sentence taken whole, or a walk along the seeds' word pairs."""
    if rng.random() < VERBATIM:
        return rng.choice(vocabulary.sentences)
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    words = [rng.choice(vocabulary.starts)]
    while len(words) < min(target + 8, MAX_WORDS):
        after = rng.choice(vocabulary.follows.get(words[-1], (_END,)))
        if after != _END:
            words.append(after)
        elif len(words) >= target:
            break
        else:  # the seed sentence ended early: join another one with a comma
            _bridge(rng, words, vocabulary)
    _close(words)
    return " ".join(_swap(rng, w, vocabulary) for w in words)


def _bridge(rng: random.Random, words: list[str], vocabulary: Vocabulary) -> None:
    """Go on past the end of a seed sentence: a comma, and a word that opens a clause."""
    _trim(words)
    words[-1] = words[-1].rstrip(".;:!?,") + ","
    words.append(rng.choice(vocabulary.clauses))


def _close(words: list[str]) -> None:
    """End the sentence on a word, with a full stop."""
    _trim(words)
    last = words[-1].rstrip(",;:")
    words[-1] = last if last.endswith((".", "!", "?")) else last + "."


def _trim(words: list[str]) -> None:
    """Drop what a sentence cannot end on: a lone ":" or "–", a short word like "de" or "la"."""
    while len(words) > 1 and (not any(c.isalnum() for c in words[-1]) or len(words[-1]) <= 3):
        words.pop()


def _swap(rng: random.Random, word: str, vocabulary: Vocabulary) -> str:
    """Now and then a plain word of the seeds gives way to a word of the tail (punctuation kept)."""
    parts = vocabulary.swappable.get(word)
    if parts is None or rng.random() >= INVENTED:
        return word
    return invented_word(vocabulary.seed, _tail_rank(rng, vocabulary.head)) + parts[1]


def paragraph(rng: random.Random, vocabulary: Vocabulary) -> str:
    """1 to 5 sentences, mostly 1 to 3: paragraphs about as long as the seeds' (~90 words)."""
    count = rng.choices(SENTENCES_PER_PARAGRAPH, weights=SENTENCE_WEIGHTS)[0]
    return " ".join(sentence(rng, vocabulary) for _ in range(count))


# --------------------------------------------------------------------------------------------
# Documents


def _documents(count: int, seed: int, vocabulary: Vocabulary, states: tuple[State, ...]) -> Iterator[Generated]:
    """The generated documents, alternating reports and notes verbales, with distinct titles."""
    used: set[str] = set()
    for index in range(count):
        make = _report if index % 2 == 0 else _note_verbale
        for attempt in itertools.count():
            # Past 20 draws the title space is nearly spent (huge corpora): number the title.
            qualifier = f" (additif {attempt - 19})" if attempt >= 20 else ""
            doc = make(index, random.Random(f"{seed}:{index}:{attempt}"), vocabulary, states, qualifier)
            if doc.title not in used:
                break
        used.add(doc.title)
        yield doc


def _day(rng: random.Random) -> date:
    """A document's date, in 2000–2020 (replies and summits shortly before it)."""
    return FIRST_DAY + timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))


def french_date(day: date) -> str:
    """"1er juin 2012", "15 mai 2012": dates as UN documents print them."""
    return f"{'1er' if day.day == 1 else day.day} {MONTH_NAMES[day.month]} {day.year}"


def _session(day: date) -> int:
    """The General Assembly session in progress on ``day`` (sessions open in September)."""
    return day.year - 1945 if day.month >= 9 else day.year - 1946


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` positive counts."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def _q(value: object) -> str:
    """A YAML scalar or flow list (JSON is valid YAML, and quoting keeps "2012-05-01" a string)."""
    return json.dumps(value, ensure_ascii=False)


# --- Reports (plain text) -------------------------------------------------------------------


def _report(
    index: int, rng: random.Random, vocabulary: Vocabulary, states: tuple[State, ...], qualifier: str
) -> Generated:
    """A report of the Secretary-General laid out as the extracted text of A/67/131."""
    day = _day(rng)
    session = _session(day)
    symbol = f"A/{session}/{1000 + index}"
    job = f"{day.year % 100:02d}-{rng.randint(20000, 69999)}"
    title = f"{rng.choice(REPORT_TOPICS)} {rng.choice(REPORT_FIELDS)}{rng.choice(REPORT_SCOPES)}{qualifier}"
    resolution = f"{session - 1}/{rng.randint(20, 90)}"
    total = rng.randint(*PARAGRAPHS_PER_DOCUMENT)
    intro = rng.randint(1, 3)
    speakers = sorted(rng.sample(states, min(rng.randint(2, 6), total - intro)), key=lambda s: s.name)
    lines = ["  I. Introduction ", " ", " ", ""]
    for number in range(1, intro + 1):
        text = _intro_paragraph(rng, vocabulary, number, day, resolution, title)
        lines += _wrap(rng, f"{number}. {text}", "") + [""]
    lines += [" ", " ", "", " II. Réponses reçues des gouvernements ", " ", " ", ""]
    languages: list[str] = []
    for state, count in zip(speakers, _split(rng, total - intro, len(speakers))):
        language = rng.choices(LANGUAGES, weights=LANGUAGE_WEIGHTS)[0]
        if language not in languages:
            languages.append(language)
        received = day - timedelta(days=rng.randint(15, 150))
        lines += [f"  {state.name}  ", " ", "", f"[Original : {language}] ", f"[{french_date(received)}] ", "", " ", ""]
        lines += _reply(rng, vocabulary, count)
    text, removals = _paginate(rng, lines, symbol, job)
    stem = f"a-{session}-{1000 + index}"
    sidecar = "\n".join([
        f"# Metadata of {stem}.fr.txt: a synthetic report written by bench/corpus.py.",
        f"symbol: {symbol}",
        "other_symbols: []",
        f"title: {_q(title)}",
        f"date: {_q(day.isoformat())}",
        "body: Assemblée générale",
        "language: fr",
        f"original_languages: {_q(languages)}",
        "format: plaintext",
        f"job_number: {_q(job)}",
        "extra:",
        "  Type: Rapport du Secrétaire général",
        f"  Mandat: {_q(f'résolution {resolution}')}",
        f"  Numéro de tirage: {_q(job)}",
        "",
    ])
    return Generated(stem, ".fr.txt", text, sidecar, title, total, removals)


def _intro_paragraph(
    rng: random.Random, vocabulary: Vocabulary, number: int, day: date, resolution: str, title: str
) -> str:
    """The introduction's opening paragraphs say what the seed's say: the mandate, the request."""
    adopted = day - timedelta(days=rng.randint(200, 300))
    body = paragraph(rng, vocabulary)
    if number == 1:
        return (f"Le {french_date(adopted)}, l’Assemblée générale a adopté la résolution {resolution}, "
                f"intitulée « {title} ». {body}")
    if number == 2:
        return (f"Le {french_date(adopted + timedelta(days=60))}, en réponse à cette demande, une note "
                "verbale a été adressée aux États Membres pour les inviter à fournir des informations sur "
                f"la question. Les réponses reçues sont reproduites dans la section II ci-dessous. {body}")
    return body


def _reply(rng: random.Random, vocabulary: Vocabulary, count: int) -> list[str]:
    """A state's reply: ``count`` paragraphs, some of them, now and then, a bulleted list."""
    lines: list[str] = []
    items = rng.randint(2, min(4, count - 1)) if count >= 5 and rng.random() < 0.3 else 0
    lead = rng.randint(0, count - items - 1) if items else -1
    k = 0
    while k < count:
        text = paragraph(rng, vocabulary)
        if k == lead:
            lines += _wrap(rng, text[:-1].rstrip() + " :", rng.choice((" ", "  "))) + [""]
            for item in range(items):
                end = "." if item == items - 1 else ";"
                lines += _wrap(rng, "• " + sentence(rng, vocabulary)[:-1] + end, " ") + [""]
            k += items + 1
            continue
        same_block = lines and rng.random() < 0.15  # two paragraphs with no blank line between
        if same_block:
            lines.pop()
        lines += _wrap(rng, text, rng.choice((" ", "  "))) + [""]
        k += 1
    return lines


def _wrap(rng: random.Random, text: str, indent: str) -> list[str]:
    """Hard-wrap ``text`` as the PDF extraction does: ~85 columns, a word with a hyphen split
    after it when it straddles the margin, trailing spaces on most lines."""
    lines: list[str] = []
    line = indent
    for word in text.split(" "):
        if line.strip() == "":
            line += word
        elif len(line) + 1 + len(word) <= WIDTH:
            line += " " + word
        else:
            head, tail = _hyphen_split(word, WIDTH - len(line) - 1)
            lines.append(line + " " + head if head else line)
            line = tail if head else word
    lines.append(line)
    return [ln if ln.endswith("-") or rng.random() < 0.3 else ln + " " for ln in lines]


def _hyphen_split(word: str, room: int) -> tuple[str, str]:
    """("non-", "prolifération,") when "non-" fits in ``room``; ("", word) otherwise."""
    for at in range(min(room, len(word) - 1) - 1, 0, -1):
        if word[at] == "-" and word[at - 1].isalpha() and word[at + 1].isalpha():
            return word[: at + 1], word[at + 1:]
    return "", word


def _paginate(rng: random.Random, lines: list[str], symbol: str, job: str) -> tuple[str, int]:
    """Cut the text into pages of 40–55 lines with the page header and footer between them.

    A page ends between two blocks, or inside a paragraph before a line that starts with a
    lower-case word (the parser joins such a block to the paragraph before it).
    """
    out: list[str] = []
    page, since, breaks = 1, 0, 0
    length = rng.randint(40, 55)
    for i, line in enumerate(lines):
        if since >= length and i > 0:
            between_blocks = not lines[i - 1].strip() and line.strip()
            inside = lines[i - 1].strip() and line[:1].isalpha() and line[0].islower()
            if between_blocks or inside:
                page += 1
                out += ["", "", f" {symbol}", "", " ", "", f"{page}{job} ", " ", ""]
                line = " " + line if inside else line
                since, breaks, length = 0, breaks + 1, rng.randint(40, 55)
        out.append(line)
        since += 1
    return "\n".join(out) + "\n", 2 * breaks


# --- Notes verbales (Markdown) --------------------------------------------------------------


def _note_verbale(
    index: int, rng: random.Random, vocabulary: Vocabulary, states: tuple[State, ...], qualifier: str
) -> Generated:
    """A note verbale transmitting declarations, laid out as the Markdown of the CD seed."""
    day = _day(rng)
    summit = day - timedelta(days=rng.randint(20, 120))
    sender = rng.choice(states)
    signatories = rng.sample(states, rng.randint(2, 6))
    languages = rng.sample(LANGUAGES[:4], rng.randint(1, 2))
    city = rng.choice(CITIES)
    authors, subject = rng.choice(DECLARATION_AUTHORS), rng.choice(DECLARATION_SUBJECTS)
    declaration = f"Déclaration des {authors} sur {subject}"
    title = (
        f"Note verbale datée du {french_date(day - timedelta(days=2))}, adressée au Secrétaire général de la "
        f"Conférence du désarmement par la Mission permanente {sender.genitive}, transmettant le texte "
        f"de la déclaration des {authors} sur {subject}, adoptée à {city} le {french_date(summit)}{qualifier}"
    )
    symbol = f"CD/{1900 + index}"
    first_issued = f"A/{_session(summit)}/{1000 + index}-S/{summit.year}/{1000 + index}" if rng.random() < 0.5 else None
    total = rng.randint(*PARAGRAPHS_PER_DOCUMENT)
    numbered = total - 3  # the note's two paragraphs and the closing line
    joint = rng.randint(2, min(6, numbered - 3)) if numbered >= 6 and rng.random() < 0.4 else 0
    blocks = [
        "", "", "---", "", "# Conférence du désarmement", "",
        f"{french_date(day)}  \nFrançais  \nOriginal: {' et '.join(languages)}", "", "---", "",
        "**" + "  \n".join(_lines(title, 55)) + ("\\*" if first_issued else "") + "**", "",
        (f"La Mission permanente {sender.genitive} auprès de l'Office des Nations Unies à Genève présente "
         "ses compliments au secrétariat de la Conférence du désarmement et a l'honneur de lui faire tenir "
         f"le texte de la déclaration des {authors} sur {subject}, adoptée à {city} le {french_date(summit)}."),
        "",
        paragraph(rng, vocabulary), "",
    ]
    if first_issued:
        footnote = (f"\\* Publié initialement comme document de l'Assemblée générale et du Conseil de sécurité, "
                    f"daté du {french_date(summit + timedelta(days=20))}, sous la cote {first_issued}.")
        blocks += ["---", "", footnote, ""]
    # The build accepts a signatory only if the text names it: the opening paragraph does.
    names = ", ".join(s.genitive for s in signatories[:-1]) + f" et {signatories[-1].genitive}"
    opening = f"Nous, {authors} {names}, réunis à {city} le {french_date(summit)}, déclarons ce qui suit."
    blocks += [f"## **{declaration}**", ""] + _numbered(rng, vocabulary, numbered - joint, opening)
    blocks += [f"{city}, le {french_date(summit)}", ""]
    parts = [("Note verbale", "note-verbale", "sender", [sender.id]),
             ("Déclaration des", "declaration", "signatory", [s.id for s in signatories])]
    if joint:
        heading = f"Déclaration conjointe {names} sur {rng.choice(DECLARATION_SUBJECTS)}"
        blocks += [f"**{heading}**", ""] + _numbered(rng, vocabulary, joint)
        parts.append(("Déclaration conjointe", "declaration-conjointe", "signatory", [s.id for s in signatories]))
    blocks += ["---", ""]
    stem = f"cd-{1900 + index}"
    sidecar = [
        f"# Metadata of {stem}.fr.md: a synthetic note verbale written by bench/corpus.py.",
        f"symbol: {symbol}",
        f"other_symbols: {_q([first_issued] if first_issued else [])}",
        f"title: {_q(title)}",
        f"date: {_q(day.isoformat())}",
        "body: Conférence du désarmement",
        "language: fr",
        f"original_languages: {_q(languages)}",
        "format: markdown",
        "extra:",
        f"  Réunion: {_q(f'{city}, {french_date(summit)}')}",
        "parts:",
    ]
    for part_title, key, role, ids in parts:
        sidecar += [f"  - title: {part_title}", f"    id: {key}", f"    role: {role}", f"    states: {_q(ids)}"]
    return Generated(stem, ".fr.md", "\n".join(blocks), "\n".join(sidecar) + "\n", title, total, 0)


def _numbered(rng: random.Random, vocabulary: Vocabulary, count: int, opening: str = "") -> list[str]:
    """Paragraphs 1..count, one line each, the first one after ``opening``; some have a second
    block, some are cut by a page break (a block starting with a lower-case word), as
    paragraphs 4 and 7 of the CD seed."""
    blocks: list[str] = []
    for number in range(1, count + 1):
        text = paragraph(rng, vocabulary)
        if number == 1 and opening:
            text = f"{opening} {text}"
        words = text.split(" ")
        cuts = [i for i, w in enumerate(words) if i > 3 and w[:1].isalpha() and w[0].islower()]
        if cuts and rng.random() < 0.08:
            cut = rng.choice(cuts)
            blocks += [f"{number}. {' '.join(words[:cut])}", "", " ".join(words[cut:]), ""]
        else:
            blocks += [f"{number}. {text}", ""]
        if rng.random() < 0.1:
            blocks += [paragraph(rng, vocabulary), ""]
    return blocks


def _lines(text: str, width: int) -> list[str]:
    """``text`` in lines of about ``width`` columns (the hard-broken lines of a bold title)."""
    lines = [""]
    for word in text.split(" "):
        lines[-1] += (" " if lines[-1] else "") + word
        if len(lines[-1]) >= width:
            lines.append("")
    return [line for line in lines if line]


if __name__ == "__main__":
    sys.exit(main())
