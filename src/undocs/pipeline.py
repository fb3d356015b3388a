"""The whole build, top to bottom: load → read sources → parse → enrich → render → check → write.

Every source is read and validated first. Then each file of the site is written as soon as it
is made, into a staging folder beside the output (``output.Staging``): a large archive's pages
are never all in memory. The staging folder replaces the output in one swap at the end, so any
error, at any stage, leaves the previous site intact.
"""

from __future__ import annotations

import functools
import pickle
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import fidelity
from .acronyms import Acronym, load_acronyms
from .cache import BuildCache, digest
from .enrich import enrich
from .errors import FidelityError, Notice, SourceError
from .export import download_sizes, export_data
from .model import Corpus, Document
from .output import Staging, check_target, write_into
from .parallel import Deferred
from .parse.document import parse_source, source_hints
from .read import read
from .render import render_pages, static_files
from .search import META_PATH, write_search_files
from .search.index import Counted
from .report import BuildReport
from .settings import Settings, load_settings
from .sources import discover
from .states import Gazetteer, load_states
from .topics import TopicMatcher, load_topics
from .urls import document_url
from .vendor_assets import SEARCH_BUNDLE, copy_vendor_assets, with_search_meta
from .views import build_views

#: The project folder (``node_modules/`` lives beside ``src/``).
PROJECT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Options:
    """One build's inputs; paths default to the project's folders (see ``cli``)."""

    seeds: Path
    out: Path
    data: Path
    templates: Path
    static: Path
    base_url: str | None = None
    strict: bool = False
    jobs: int = 1  # processes: 2 builds the search index beside the pages (the command's default)
    cache: Path | None = None  # keep each document's reading and enrichment there (--cache)


@dataclass(frozen=True)
class Summary:
    documents: int
    statements: int
    paragraphs: int
    states: int
    topics: int
    pages: int
    files: int
    seconds: float
    warnings: tuple[str, ...]

    def line(self, out: Path) -> str:
        return (
            f"Built {self.documents} documents, {self.statements} statements, {self.paragraphs} paragraphs, "
            f"{self.states} states, {self.topics} topics: {self.pages} pages ({self.files} files) "
            f"written to {out} in {self.seconds:.2f} s"
        )


class SourceTexts(Mapping[str, str]):
    """Each document's source text (what the fidelity check compares its page with), kept
    compressed: an archive of 400,000 paragraphs holds about 300 MB of it until its pages are
    rendered, a fifth of that compressed."""

    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}

    def __setitem__(self, doc_id: str, text: str) -> None:
        self._packed[doc_id] = zlib.compress(text.encode("utf-8"), 1)

    def __getitem__(self, doc_id: str) -> str:
        return zlib.decompress(self._packed[doc_id]).decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._packed  # the ids read so far, without decompressing

    def pop(self, doc_id: str) -> str:
        text = self[doc_id]
        del self._packed[doc_id]
        return text


#: The curated data a document's reading, enrichment and page depend on (the cache's keys).
CURATED = ("states.yaml", "topics.yaml", "unbis-disarmament-terms.tsv")


def load_corpus(seeds: Path, data: Path, strict: bool = False,
                cache: BuildCache | None = None) -> tuple[Corpus, BuildReport, SourceTexts]:  # fmt: skip
    """Read, parse and enrich every document; returns the corpus, the report and each source's text.

    With a ``cache``, each document's reading is kept under the digest of its file, its
    sidecar's hints and the gazetteer's data, and its enrichment under the digest of the
    document read and of the states' and topics' data (:mod:`undocs.cache`).
    """
    states = load_states(data / "states.yaml")
    topics = load_topics(data / "topics.yaml", data / "unbis-disarmament-terms.tsv")
    gazetteer = Gazetteer(states)
    matcher = TopicMatcher(topics)
    curated = [(data / name).read_bytes() for name in CURATED]
    documents = []
    warnings: list[str] = []
    texts = SourceTexts()
    failing: list[SourceError] = []  # under --strict, every document's first fatal warning
    for source in discover(seeds):
        try:
            reading = None
            if cache is not None:
                hints = source_hints(source)
                inputs = [source.path.name.encode(), source.path.read_bytes(), source.format.encode(), repr(hints).encode()]
                reading = cache.get_or_make("read", [*inputs, curated[0]], lambda: read(source.path, source.format, hints, gazetteer))
            document, doc_warnings, text = parse_source(source, gazetteer, texts.keys(), reading)
        except SourceError as error:
            if source.format != "pdf":
                raise
            # A PDF that cannot be read (damaged, encrypted, no text) is left out, said once;
            # under --strict it fails the build, with every other refused document.
            if strict:
                failing.append(error)
            else:
                warnings.append(f"{error} (left out of the archive)")
            continue
        fatal = [w for w in doc_warnings if not isinstance(w, Notice)]
        if strict and fatal:
            failing.append(fatal[0])
            continue
        warnings.extend(str(w) for w in doc_warnings)
        where = str(source.sidecar or source.path)
        if cache is None:
            documents.append(enrich(document, gazetteer, matcher, where))
        else:
            # The document is made of its file, its sidecar and its id (which depends on the
            # documents read before it): those, with the curated data, key its enrichment.
            sidecar = source.sidecar.read_bytes() if source.sidecar else b""
            documents.append(cache.get_or_make(
                "enrich", [*inputs, sidecar, document.id.encode(), where.encode(), *curated],
                lambda: enrich(document, gazetteer, matcher, where),
            ))  # fmt: skip
        texts[document.id] = text
    if len(failing) == 1:
        raise failing[0]
    if failing:
        # One line that names every document --strict refuses (e.g. each PDF whose masthead
        # cannot be read), so that an editor fixes them all at once.
        raise SourceError(f"{len(failing)} documents fail --strict: " + "; ".join(str(w) for w in failing))
    # The archive's states are those its documents give a voice or name, not the whole gazetteer.
    named = {st.state for d in documents for st in d.statements} | {m for d in documents for p in d.paragraphs for m in p.mentions}
    corpus = Corpus(documents=tuple(documents), states=tuple(s for s in states if s.id in named), topics=topics)
    removals = tuple(r for d in documents for r in d.removals)
    return corpus, BuildReport(removals=removals, warnings=tuple(warnings)), texts


def build(options: Options) -> Summary:
    started = time.perf_counter()
    protected = (PROJECT, Path.cwd())
    sources = (options.seeds, options.data, options.templates, options.static)
    sources += (options.cache,) if options.cache else ()  # the site must not replace its cache
    check_target(options.out, protected, sources)
    settings = load_settings(options.data / "site.yaml", options.base_url)
    acronyms = load_acronyms(options.data / "acronyms.yaml", optional=True)
    cache = BuildCache(options.cache) if options.cache else None
    corpus, report, texts = load_corpus(options.seeds, options.data, options.strict, cache)
    views = build_views(corpus)
    warnings = list(report.warnings)
    # Each document pickled once, its digest keying its page, its fidelity verdict and its
    # search counts.
    doc_keys = {d.id: _key(d) for d in corpus.documents} if cache else {}
    counts = _CountReuse(cache, doc_keys, acronyms, options.data) if cache else None
    with Staging(options.out, protected, sources) as site:
        # The search files are independent of the pages: made beside them (``--jobs 2``), each
        # written into the new site as soon as it is made.
        search = Deferred(write_search_files, views, acronyms, functools.partial(write_into, site.folder), counts,
                          jobs=options.jobs)  # fmt: skip
        try:
            data_files = export_data(corpus, report, views=views, base_url=settings.base_url)
            for name in sorted(data_files):
                site.write(name, data_files[name])
            data_sizes = download_sizes(data_files)
            del data_files
            pages = {document_url(d.id) + "index.html": d for d in corpus.documents}
            keys = {name: doc_keys[document.id] for name, document in pages.items()} if cache else {}
            reuse = _page_reuse(cache, keys, settings, options.templates, options.data) if cache else None
            for name, data in render_pages(views, settings, report, options.templates, data_sizes, reuse):
                if name in pages:
                    document, text = pages[name], texts.pop(pages[name].id)
                    check = functools.partial(_check_fidelity, document, text, data, options.strict)
                    if cache is None:
                        warnings.extend(check())
                    else:  # the same document, text and page give the same verdict (an error is not kept)
                        inputs = [keys[name], text.encode(), data, str(options.strict).encode()]
                        warnings.extend(cache.get_or_make("fidelity", inputs, check))
                site.write(name, data)
            site.adopt(search.result())
            if counts is not None:
                counts.keep_all()  # asked for in the worker, whose record of them is its own
            search_meta = site.read(META_PATH)
            for name, data in sorted(static_files(options.static).items()):
                site.write(name, data)
            for name, data in sorted(copy_vendor_assets(PROJECT / "node_modules").items()):
                site.write(name, with_search_meta(data, search_meta) if name == SEARCH_BUNDLE else data)
        except BaseException:
            search.cancel()  # before the staging folder is deleted: nothing written there after
            raise
    if cache is not None:
        cache.prune()
    return Summary(
        documents=len(corpus.documents),
        statements=sum(len(d.statements) for d in corpus.documents),
        paragraphs=len(views.paragraphs),
        states=len(corpus.states),
        topics=len(corpus.topics),
        pages=sum(1 for name in site.written if name.endswith(".html")),
        files=len(site.written),
        seconds=time.perf_counter() - started,
        warnings=tuple(warnings),
    )


def _key(document: Document) -> bytes:
    """A document's part of a cache key: the digest of its pickle (a document read from the
    cache pickles the same way build after build)."""
    return digest([pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)]).encode()


def _page_reuse(cache: BuildCache, keys: dict[str, bytes], settings: Settings, templates: Path,
                data: Path) -> Callable[[str, Callable[[], bytes]], bytes]:  # fmt: skip
    """The build cache's copy of each document page (``keys``: page path -> :func:`_key` of its
    document), keyed by the document and by what every document page shares: the templates,
    the settings and the curated states and topics (a page names only its own document's
    states and topics: another document does not change it)."""
    shared = [
        *(p.relative_to(templates).as_posix().encode() + b"\0" + p.read_bytes() for p in sorted(templates.rglob("*")) if p.is_file()),
        repr(settings).encode(),
        *((data / name).read_bytes() for name in CURATED),
    ]

    def reuse(path: str, render: Callable[[], bytes]) -> bytes:
        if path not in keys:
            return render()
        return cache.get_or_make("page", [path.encode(), keys[path], *shared], render)

    return reuse


class _CountReuse:
    """The build cache's copy of each document's search counts (``search.CountReuse``), keyed
    by the document (:func:`_key`), the acronyms and the curated states and topics (a
    paragraph's fields hold their names): another document does not change them."""

    def __init__(self, cache: BuildCache, doc_keys: dict[str, bytes], acronyms: tuple[Acronym, ...], data: Path) -> None:
        self._cache, self._doc_keys = cache, doc_keys
        self._shared = [repr(acronyms).encode(), *((data / name).read_bytes() for name in CURATED)]

    def __call__(self, doc_id: str, count: Callable[[], Counted]) -> Counted:
        return self._cache.get_or_make("count", [self._doc_keys[doc_id], *self._shared], count)

    def keep_all(self) -> None:
        for key in self._doc_keys.values():
            self._cache.keep("count", [key, *self._shared])


def _check_fidelity(document: Document, text: str, page: bytes, strict: bool) -> list[str]:
    """Every word of the source on its page (or removed and reported): the warning, or the
    error under --strict, that a lost word gives."""
    loss = fidelity.check_removals(document, text) or fidelity.check(document, text, page.decode("utf-8"))
    if loss and strict:
        raise FidelityError(f"the word {loss.word!r} of the source {loss.why}", loss.file, loss.line)
    return [str(loss)] if loss else []
