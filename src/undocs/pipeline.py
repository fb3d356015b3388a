"""The whole build, top to bottom: load → read sources → parse → enrich → render → check → write.

Everything is read and validated before anything is written; the output is written in one
atomic step at the end (``output.write_site``), so any error leaves the previous site intact.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from . import fidelity
from .acronyms import load_acronyms
from .enrich import enrich
from .errors import FidelityError, Notice, SourceError
from .export import export_data
from .model import Corpus
from .output import check_target, write_site
from .parallel import Deferred
from .parse.document import parse_source
from .render import render_site, static_files
from .search import META_PATH, search_files
from .report import BuildReport
from .settings import load_settings
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


def load_corpus(seeds: Path, data: Path, strict: bool = False) -> tuple[Corpus, BuildReport, dict[str, str]]:
    """Read, parse and enrich every document; returns the corpus, the report and each source's text."""
    states = load_states(data / "states.yaml")
    topics = load_topics(data / "topics.yaml", data / "unbis-disarmament-terms.tsv")
    gazetteer = Gazetteer(states)
    matcher = TopicMatcher(topics)
    documents = []
    warnings: list[str] = []
    texts: dict[str, str] = {}
    failing: list[SourceError] = []  # under --strict, every document's first fatal warning
    for source in discover(seeds):
        try:
            document, doc_warnings, text = parse_source(source, gazetteer, frozenset(texts))
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
        documents.append(enrich(document, gazetteer, matcher, str(source.sidecar or source.path)))
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
    check_target(options.out, protected, sources)
    settings = load_settings(options.data / "site.yaml", options.base_url)
    acronyms = load_acronyms(options.data / "acronyms.yaml", optional=True)
    corpus, report, texts = load_corpus(options.seeds, options.data, options.strict)
    views = build_views(corpus)
    search = Deferred(search_files, views, acronyms, jobs=options.jobs)  # independent of the pages
    try:
        data_files = export_data(corpus, report, views=views, base_url=settings.base_url)
        files = render_site(views, settings, report, options.templates, data_files)
        warnings = list(report.warnings)
        for document in corpus.documents:
            page = files[document_url(document.id) + "index.html"].decode("utf-8")
            loss = fidelity.check_removals(document, texts[document.id]) or fidelity.check(document, texts[document.id], page)
            if loss and options.strict:
                raise FidelityError(f"the word {loss.word!r} of the source {loss.why}", loss.file, loss.line)
            if loss:
                warnings.append(str(loss))
        files.update(data_files)
        files.update(search.result())
    except BaseException:
        search.cancel()
        raise
    files.update(static_files(options.static))
    files.update(copy_vendor_assets(PROJECT / "node_modules"))
    files[SEARCH_BUNDLE] = with_search_meta(files[SEARCH_BUNDLE], files[META_PATH])
    write_site(files, options.out, protected, sources)
    return Summary(
        documents=len(corpus.documents),
        statements=sum(len(d.statements) for d in corpus.documents),
        paragraphs=sum(len(d.paragraphs) for d in corpus.documents),
        states=len({s.state for d in corpus.documents for s in d.statements} | {m for d in corpus.documents for p in d.paragraphs for m in p.mentions}),
        topics=len(corpus.topics),
        pages=sum(1 for name in files if name.endswith(".html")),
        files=len(files),
        seconds=time.perf_counter() - started,
        warnings=tuple(warnings),
    )
