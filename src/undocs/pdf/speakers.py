"""Who speaks in a PDF: the states that send a letter, sponsor a draft, speak in a meeting.

Read from the document's own words, in the language's wording (``undocs.lang``):

- a letter's or a note verbale's title names its senders: "Letter dated … from the Permanent
  Representatives of Denmark, Sierra Leone and the United Kingdom … addressed to …";
- a draft resolution's or an amendment's title lists its sponsors before the colon:
  "Azerbaijan,* Bangladesh, …: draft resolution";
- a verbatim record's speakers are read by the layout, paragraph by paragraph.

States are found in those words by the gazetteer: a sender that is not a state (the
Secretary-General, an organisation) gives no statement.
"""

from __future__ import annotations

from .. import lang
from ..model import Statement
from ..parse.common import PartDraft
from ..read import Found, StateFinder


def add_speakers(drafts: list[PartDraft], found: Found, language: lang.Language | None, states: StateFinder) -> None:
    """Give the document's first part its senders or sponsors, as its title names them."""
    if not drafts or found.title is None:
        return
    candidates = (language,) if language else lang.languages()
    for block in found.title.split(" : "):
        block = " ".join(block.split())
        for wording in candidates:
            letter = wording.letter_title.match(block)
            if letter:
                senders = letter.group("senders")
                if wording.representative.search(senders):
                    _assign(drafts[0], states.mentions(senders), "sender")
                if not drafts[0].title:
                    drafts[0].title = block  # the letter's own heading names the part
                return
            draft = wording.draft_title.match(block)
            if draft:
                _assign(drafts[0], states.mentions(draft.group("sponsors")), "sponsor")
                return


def _assign(part: PartDraft, state_ids: tuple[str, ...], role: str) -> None:
    if state_ids and not part.statements:
        part.statements = [Statement(state=state_id, role=role) for state_id in state_ids]
