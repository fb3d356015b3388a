"""Cutting the term space into shards (``undocs.search.shards``)."""

from __future__ import annotations

from undocs.search.shards import boundaries, order, shard_of, split


def test_order_is_javascript_order():
    # JavaScript compares UTF-16 code units: an astral character (a surrogate pair, 0xD8xx)
    # sorts before U+FF01, unlike Python's code point order.
    words = ["\uff01", "\U0001f600", "a", "é", "z"]
    assert sorted(words, key=order) == ["a", "z", "é", "\U0001f600", "\uff01"]


def test_boundaries_cut_by_size_between_distinct_keys():
    keys = [("b", 10), ("a", 10), ("a", 10), ("c", 10), ("d", 10)]
    assert boundaries(keys, target=15) == ["", "b", "d"]  # the two "a" stay together
    assert boundaries(keys, target=1000) == [""]


def test_shard_of_and_prefix_ranges():
    bounds = ["", "desarm", "nucl"]
    assert shard_of("abc", bounds) == 0
    assert shard_of("desarm", bounds) == 1
    assert shard_of("des", bounds) == 0
    assert shard_of("nucleair", bounds) == 2
    # Every key with prefix "des" lies between the shards of "des" and "des\uffff".
    assert (shard_of("des", bounds), shard_of("des\uffff", bounds)) == (0, 1)


def test_split_puts_rows_and_words_in_their_range():
    rows = [[t, [0, 5]] for t in ["arm", "desarm", "nucleair", "zone"]]
    words = [("desarmement", "désarmement"), ("armes", "armes"), ("zones", "zones")]
    bounds, shards = split(rows, [100, 100, 100, 100], words, target=150)
    assert len(bounds) == len(shards) > 1
    for n, shard in enumerate(shards):
        assert all(shard_of(row[0], bounds) == n for row in shard.rows)
    where = {w: n for n, shard in enumerate(shards) for w in shard.words}
    assert where["désarmement"] == shard_of("desarmement", bounds)
    assert sorted(r[0] for s in shards for r in s.rows) == ["arm", "desarm", "nucleair", "zone"]
