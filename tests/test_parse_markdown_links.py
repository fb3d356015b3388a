"""A Markdown link whose text is cut by a line break: never taken for an autolink."""

from __future__ import annotations

from test_parse_markdown import paragraphs


def test_a_link_whose_text_ends_on_its_address_after_a_break_still_shows_the_address():
    # The text of the link starts the line, and its second line is the address: only a link
    # whose whole text is its address (an autolink) shows it once.
    assert paragraphs("## T\n\n[voir\nhttps://z.org](https://z.org) ici.\n")[0][2] == [
        "voir https://z.org (https://z.org) ici."]
