"""Unit tests of the French search analysis (src/undocs/analysis.py) and of the vendor files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.tokenizer import Tokenizer

from undocs import analysis
from undocs.analysis import analyze, normalize, stem, tokenize, tokens
from undocs.errors import ConfigError
from undocs.vendor_assets import SEARCH_BUNDLE, VENDOR_FILES, copy_vendor_assets

ROOT = Path(__file__).resolve().parents[1]


# --- tokenisation ---------------------------------------------------------------------------


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_elisions_are_cut_with_every_apostrophe(apostrophe):
    for prefix in ["l", "L", "d", "j", "c", "n", "s", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "Qu"]:
        assert tokenize(f"{prefix}{apostrophe}interdiction") == ["interdiction"], prefix
    assert analyze(f"l{apostrophe}interdiction") == analyze("interdiction") == ["interdict"]


def test_elision_offsets_point_at_the_word():
    text = "Vu l’interdiction."
    (vu, word) = tokens(text)
    assert text[word.start : word.end] == word.surface == "interdiction"
    assert (vu.start, vu.end) == (0, 2)


def test_repeated_elision_and_words_with_an_inner_apostrophe():
    assert tokenize("qu’aujourd’hui") == ["aujourd’hui"]
    assert analyze("aujourd’hui") == analyze("aujourd'hui") == ["aujourd'hui"]
    assert tokenize("prud’hommes") == ["prud’hommes"]  # not an elision prefix: kept whole


def test_apostrophe_outside_a_word_is_a_separator():
    assert tokenize("‘armes’ l’ État 'x") == ["armes", "l", "État", "x"]
    assert analyze("‘armes’ l’ État 'x") == ["arme", "etat", "x"]  # a lone "l" is a stop word


@pytest.mark.parametrize("punct", list(".,;:!?…»«()[]{}\"“”/\\|*+=<>%&@#§") + ["...", " .", "—", "–"])
def test_punctuation_never_sticks(punct):
    assert analyze(f"chimiques{punct}") == analyze("chimiques") == analyze("chimique") == ["chimiqu"]
    assert analyze(f"{punct}chimiques") == ["chimiqu"]


def test_hyphenated_compounds_are_split_into_their_parts():
    assert tokenize("non-prolifération") == ["non", "prolifération"]
    assert analyze("non-prolifération") == ["non", "prolifer"]
    assert analyze("prolifération") == ["prolifer"]
    assert tokenize("soixante-septième ci-dessous") == ["soixante", "septième", "ci", "dessous"]


def test_document_symbols_and_numbers():
    assert tokenize("A/67/131 66/32 1er") == ["A", "67", "131", "66", "32", "1er"]
    assert analyze("A/67/131") == ["67", "131"]  # "a" is a stop word (avoir)
    assert analyze("résolution 66/32") == ["resolu", "66", "32"]


def test_whitespace_of_all_kinds_separates():
    assert tokenize("armes\u00a0nucléaires\u202fet\u2009biologiques\tx\ny") == [
        "armes", "nucléaires", "et", "biologiques", "x", "y",
    ]


# --- folding --------------------------------------------------------------------------------


def test_accents_ligatures_and_case_are_folded():
    assert normalize("États") == "etats"
    assert normalize("Désarmement") == "desarmement"
    assert normalize("Œuvre") == normalize("œuvre") == normalize("oeuvre") == "oeuvre"
    assert normalize("Æ") == "ae"
    assert normalize("ﬁn") == "fin"
    assert normalize("e\u0301te\u0301") == "ete"  # decomposed accents
    assert normalize("aujourd’hui") == "aujourd'hui"


def test_accented_and_unaccented_queries_give_the_same_terms():
    for accented, plain in [
        ("désarmement", "desarmement"),
        ("États", "etats"),
        ("nucléaires", "nucleaires"),
        ("française", "francaise"),
        ("œuvrer", "oeuvrer"),
        ("armée", "armee"),
        ("été élu", "ete elu"),
    ]:
        assert analyze(accented) == analyze(plain), accented


# --- stop words and stemming ----------------------------------------------------------------


def test_stop_words_are_removed():
    assert analyze("le la les de des du à au aux et ou qui que il elle est sont a été") == []
    assert analyze("Le désarmement et la non-prolifération") == ["desarm", "non", "prolifer"]
    assert analysis.is_stopword("a") and not analysis.is_stopword("etat")


def test_stemming_groups_inflections():
    assert len({*analyze("française françaises")}) == 1
    assert len({*analyze("japonaise japonaises")}) == 1
    assert len({*analyze("nucléaire nucléaires")}) == 1
    assert len({*analyze("œuvrer Œuvre oeuvres")}) == 1
    assert analyze("États") == analyze("état") == ["etat"]
    assert stem("interdiction") == "interdict"


def test_stemmer_is_the_snowball_of_orama_fr_js():
    # The Snowball French 2.2.0 of PyStemmer (= @orama/stemmers' fr.js), whose masculine
    # and feminine of -ais adjectives part ways ("japonais" -> "japon", "japonaise" ->
    # "japonais"; 3.x differs on "japonaise"): a known limit, see docs/search-analysis.md.
    assert stem("japonaise") == stem("japonaises") == "japonais" and stem("japonais") == "japon"
    assert stem("francaise") == "francais" and stem("francais") == "franc"


def test_lexicon_file_is_well_formed(tmp_path):
    lex = analysis.lexicon()
    assert {"l", "d", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"} <= lex.elisions
    assert lex.elisions <= lex.stopwords
    assert all(w == normalize(w) for w in lex.stopwords)
    bad = tmp_path / "bad.txt"
    bad.write_text("le\ndeux mots\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="deux mots"):
        analysis.Lexicon.load(bad)
    with pytest.raises(ConfigError):
        analysis.Lexicon.load(tmp_path / "missing.txt")


# --- lunr.py integration --------------------------------------------------------------------


TEXTS = [
    "L’interdiction des armes chimiques.",
    "Le Traité sur la non-prolifération des armes nucléaires (TNP) ; A/67/131.",
    "qu’aujourd’hui, les États Membres œuvrent à la « paix »...",
]


def test_pipeline_on_lunr_tokenizer_equals_analyze():
    builder = analysis.make_builder()
    for text in TEXTS:
        assert [str(t) for t in builder.pipeline.run(Tokenizer(text))] == analyze(text)
        assert builder.search_pipeline.run_string(text) == analyze(text)


def test_builder_has_no_english_defaults_and_labels_are_registered():
    builder = analysis.make_builder()
    assert builder.pipeline.serialize() == list(analysis.LABELS)
    assert builder.search_pipeline.serialize() == list(analysis.LABELS)
    for label in analysis.LABELS:
        assert label in Pipeline.registered_functions
    assert analysis.LABELS == ("undocs-fr-trimmer", "undocs-fr-folding", "undocs-fr-stopwords", "undocs-fr-stemmer")


def test_index_round_trip_and_positions():
    builder = analysis.make_builder(fields=["body"], metadata_whitelist=["position"])
    for i, text in enumerate(TEXTS):
        builder.add({"id": str(i), "body": text})
    index = builder.build()
    serialised = json.loads(json.dumps(index.serialize()))
    assert serialised["pipeline"] == list(analysis.LABELS)
    loaded = Index.load(serialised)
    assert [r["ref"] for r in loaded.search("interdiction")] == ["0"]
    assert [r["ref"] for r in loaded.search("Etats")] == ["2"]
    assert {r["ref"] for r in loaded.search("nucleaire")} == {"1"}
    # Positions point at the word itself in the original text (elision and punctuation excluded).
    start, length = serialised["invertedIndex"][[t for t, _ in serialised["invertedIndex"]].index("interdict")][1]["body"]["0"]["position"][0]
    assert TEXTS[0][start : start + length] == "interdiction"


def test_register_on_a_pipeline():
    pipeline = analysis.register(Pipeline())
    assert pipeline.serialize() == list(analysis.LABELS)


def test_analysis_json_for_the_browser():
    data = json.loads(analysis.analysis_json())
    assert data["labels"] == list(analysis.LABELS)
    assert "l" in data["elisions"] and "le" in data["stopwords"]
    assert data["stopwords"] == sorted(data["stopwords"])
    assert analysis.ANALYSIS_JSON_PATH == "assets/analysis.json"


# --- vendor files ---------------------------------------------------------------------------


def test_vendor_assets_are_copied_with_licences():
    node_modules = ROOT / "node_modules"
    if not (node_modules / "lunr" / "lunr.js").exists():
        pytest.skip("node_modules missing: run `npm ci`")
    files = copy_vendor_assets(node_modules)
    assert set(files) == set(VENDOR_FILES.values()) | {SEARCH_BUNDLE}
    assert b"lunr" in files["assets/vendor/lunr/lunr.js"]
    assert "assets/vendor/lunr/LICENSE" in files
    assert "assets/vendor/orama-stemmers/LICENSE.md" in files
    assert b"export function stemmer" in files["assets/vendor/orama-stemmers/fr.js"]
    assert not any(name.endswith(".wasm") for name in files)


def test_vendor_assets_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=r"node_modules/lunr/lunr.js missing: run `npm ci`"):
        copy_vendor_assets(tmp_path)


def test_package_json_pins_exact_versions():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["private"] is True
    # porter2: Snowball English (Porter2), PyStemmer's "english" (orama's en.js is the original Porter)
    assert {"lunr": "2.3.9", "@orama/stemmers": "3.1.18", "porter2": "1.1.0", "esbuild": "0.28.2"}.items() <= package["dependencies"].items()
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in {**package["dependencies"], **package["devDependencies"]}.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), (name, version)  # exact: no range
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name


def test_python_stemmer_is_the_pinned_snowball_version():
    # PyStemmer 2.2.0.3 (Snowball 2.2.0) is the algorithm of @orama/stemmers' fr.js (Snowball
    # 3 differs, e.g. on "japonaise"); pyproject.toml pins it exactly.
    import importlib.metadata

    assert importlib.metadata.version("PyStemmer") == "2.2.0.3"
    assert '"PyStemmer==2.2.0.3"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_overlong_words_are_not_indexed():
    assert analysis.analyze("a" * 64) == [analysis.stem("a" * 64)]
    assert analysis.analyze("a" * 65 + " désarmement") == analysis.analyze("désarmement")
    assert analysis.term("é" * 65) is None


def test_word_pattern_is_the_word_class_on_every_code_point():
    """The token regex's fast word pattern matches exactly the characters of the L/M/N class."""
    import re
    import sys

    fast = re.compile(analysis._word_pattern())
    exact = re.compile(f"[{analysis._word_class()}]")
    differ = [hex(cp) for cp in range(sys.maxunicode + 1) if bool(fast.fullmatch(chr(cp))) != bool(exact.fullmatch(chr(cp)))]
    assert differ == []


def test_tokenize_is_the_surfaces_of_tokens():
    """The offset-free tokenizer the build uses gives exactly the surfaces of tokens(), on the
    seeds and on random mixes of letters, apostrophes, elisions and combining marks."""
    import random

    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.fr.*")))
    assert analysis.tokenize(text) == [t.surface for t in analysis.tokens(text)]
    rng = random.Random(3)
    alphabet = "abc dé’'ʼ‘qulLsn jusqu’« x »\u0301"
    for _ in range(3000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert analysis.tokenize(sample) == [t.surface for t in analysis.tokens(sample)], repr(sample)


# --- what the module computes once ----------------------------------------------------------
# The lexicons, the regexes and the terms are cached (functools), and the pipeline functions are
# made at import: the tests below call the functions behind them directly, on inputs of their
# own, so that a bug in them shows even where a cache already holds a right answer.


def test_labels_and_unknown_languages():
    assert analysis.labels() == analysis.labels("fr") == analysis.LABELS
    assert analysis.labels("en") == analysis.LABELS_EN
    with pytest.raises(ValueError) as error:
        analysis.labels("de")
    assert str(error.value) == "no analysis for language 'de' (known: fr, en)"


def test_lexicon_file_format(tmp_path):
    """data/stopwords-fr.txt's format, as its header describes it: one entry a line, "#" starts
    a comment, blank lines are ignored, a word ending with an apostrophe is an elision prefix
    (and a stop word on its own), words are compared folded."""
    path = tmp_path / "stopwords.txt"
    path.write_text(
        "# a comment line\n\nle  # an article # and a second hash\n\n   \nÀ\nl’\nqu'\njusqu‘\nÉté\n# the end\nnous\n",
        encoding="utf-8",
    )
    lex = analysis.Lexicon.load(path)
    assert lex.stopwords == {"le", "a", "l", "qu", "jusqu", "ete", "nous"}
    assert lex.elisions == {"l", "qu", "jusqu"}


@pytest.mark.parametrize("entry", ["deux mots", "’", "'", "aujourd’hui", "#", "l’’"])
def test_lexicon_entries_that_are_no_word(tmp_path, entry):
    path = tmp_path / "stopwords.txt"
    path.write_text(f"le\n\n{entry}\nla\n", encoding="utf-8")
    if entry == "#":  # a comment: nothing left of the line
        assert analysis.Lexicon.load(path).stopwords == {"le", "la"}
        return
    with pytest.raises(ConfigError) as error:
        analysis.Lexicon.load(path)
    assert (error.value.path, error.value.line) == (str(path), 3)
    assert error.value.message == f"not a single word or elision prefix: {entry!r}"


def test_lexicon_file_missing(tmp_path):
    with pytest.raises(ConfigError) as error:
        analysis.Lexicon.load(tmp_path / "missing.txt")
    assert error.value.path == str(tmp_path / "missing.txt")
    assert error.value.message == "cannot read the French stop-word list: No such file or directory"


def test_lexicon_of_the_repository():
    lex = analysis.Lexicon.load()
    assert lex == analysis.lexicon("fr")
    # The elision prefixes listed at the top of data/stopwords-fr.txt, all stop words too.
    assert lex.elisions == {"l", "d", "j", "c", "n", "s", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
    assert lex.elisions <= lex.stopwords and {"le", "la", "les", "a", "ete"} <= lex.stopwords
    assert not {"non", "pays", "etat", "etats", "nations"} & lex.stopwords  # kept on purpose (the file says why)


def test_english_lexicon_is_lunrs():
    from lunr.stop_word_filter import WORDS

    lex = analysis.Lexicon.english()
    assert lex.elisions == frozenset()
    assert lex.stopwords == set(WORDS) and len(lex.stopwords) == 119  # lower-case ASCII: folding keeps them
    assert {"the", "and", "of", "it", "its", "is"} <= lex.stopwords and "weapons" not in lex.stopwords


def test_overlong_boundary():
    assert not analysis.is_stopword("b" * 64) and analysis.is_stopword("b" * 65)
    assert not analysis.is_stopword("b" * 64, "en") and analysis.is_stopword("the", "en") and not analysis.is_stopword("the")


def test_english_possessive_folding():
    assert analysis.fold("Norway’s", "en") == "norway" and analysis.fold("Norway’s") == analysis.fold("Norway’s", "fr") == "norway's"
    assert analysis.fold("A’s", "en") == "a"  # the shortest possessive: one letter and 's
    assert analysis.fold("’s", "en") == "'s" and analysis.fold("s’s", "en") == "s"  # "'s" alone is no possessive
    assert analysis.fold("States’", "en") == "states'"  # a plural possessive is the stemmer's


@pytest.mark.parametrize("lang", analysis.LANGUAGES)
def test_pipeline_functions_made_afresh(lang):
    """The four functions of a language, made again (the module makes them once, at import):
    run by a lunr Pipeline behind lunr's tokenizer, they give the terms of analyze() and the
    offsets of each word in the text."""
    functions = analysis._functions(lang)
    assert tuple(functions) == analysis.labels(lang)
    pipeline = Pipeline()
    pipeline.add(*functions.values())
    text = "Vu l’interdiction, Norway’s weapons \u0301 et la non-prolifération; it’s dying"
    out = pipeline.run(Tokenizer(text))
    # Tokenizer lower-cases; "\u0301" alone (a combining accent) folds to nothing: no term. In
    # English, "it’s" is the stop word "it" once its "'s" is cut (before the stop words: Porter2
    # would cut it after them), and Porter2 makes "dying" "die"; French stems neither.
    expected = {
        "fr": [("vu", "vu"), ("interdict", "interdiction"), ("norway'", "norway’s"), ("weapon", "weapons"),
               ("non", "non"), ("prolifer", "prolifération"), ("it'", "it’s"), ("dying", "dying")],
        "en": [("vu", "vu"), ("l'interdict", "l’interdiction"), ("norway", "norway’s"), ("weapon", "weapons"),
               ("et", "et"), ("la", "la"), ("non", "non"), ("prolifer", "prolifération"), ("die", "dying")],
    }[lang]
    assert [str(t) for t in out] == [term for term, _ in expected] == analyze(text, lang)
    for token, (_, word) in zip(out, expected):
        start, length = token.metadata["position"]
        assert text.lower()[start : start + length] == word
    assert [t.metadata["index"] for t in out][:2] == [0, 1]  # lunr's own metadata is kept
    # Without positions (a query), tokens carry none.
    assert all("position" not in t.metadata for t in pipeline.run([lunr_token("l’interdiction")]))


def lunr_token(text):
    from lunr.token import Token

    return Token(text, {})


def test_make_builder_in_english():
    builder = analysis.make_builder(lang="en")
    assert builder.pipeline.serialize() == builder.search_pipeline.serialize() == list(analysis.LABELS_EN)
    assert builder.search_pipeline.run_string("Norway’s weapons") == ["norway", "weapon"]


def test_register_returns_its_target_and_registers_every_label(monkeypatch, caplog):
    assert analysis.register() is None
    monkeypatch.setattr(Pipeline, "registered_functions", {})  # as in a fresh process
    analysis.register()
    assert set(Pipeline.registered_functions) == set(analysis.LABELS) | set(analysis.LABELS_EN)
    for lang in analysis.LANGUAGES:
        stack = analysis.register(Pipeline(), lang)._stack
        assert [Pipeline.registered_functions[label] for label in analysis.labels(lang)] == stack
    # Registering again changes nothing and says nothing (lunr warns when a label is overwritten).
    with caplog.at_level("WARNING"):
        analysis.register()
        analysis.make_builder()
    assert not caplog.records


def test_analysis_json_format():
    data = analysis.analysis_data()
    assert data["version"] == analysis.ANALYSIS_VERSION == 1
    assert data["stemmer"] == "snowball-french-2.2" and data["en"]["stemmer"] == "snowball-english-2.2"
    assert data["en"]["labels"] == list(analysis.LABELS_EN)
    assert data["en"]["stopwords"] == sorted(analysis.Lexicon.english().stopwords)
    assert sorted(data) == ["elisions", "en", "labels", "stemmer", "stopwords", "version"]
    raw = analysis.analysis_json()
    # Keys sorted, one value a line without indentation, a final newline, UTF-8.
    assert raw.startswith(b'{\n"elisions": [\n"c",\n"d",\n') and raw.endswith(b'"version": 1\n}\n')
    assert json.loads(raw.decode("utf-8")) == data
