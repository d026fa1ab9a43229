"""The text shape: notes after the block that calls them, a gap after the front matter, repairs placed."""

from __future__ import annotations

from histkit.file.blocks import Change, Writer, emphasis


def test_notes_follow_their_first_call_and_uncalled_notes_come_last():
    writer = Writer()
    writer.note("1", "First note.")
    writer.note("2", "Never called.")
    writer.emit("Title")
    writer.gap()
    writer.emit("A claim.¹ Again.¹", [Change("hyphenation", 3, "claim-ed", 2)])
    writer.emit("Next.")
    writer.flush_notes("Notes")
    text, changes = writer.render()
    assert text == "Title\n\n\nA claim.¹ Again.¹\n\n¹ First note.\n\nNext.\n\nNotes\n\n² Never called.\n"
    assert [(c.kind, text[c.offset : c.offset + 5]) for c in changes] == [("hyphenation", "claim")]


def test_emphasis_keeps_spaces_outside_the_marks():
    assert emphasis(" a long stay ", True, False) == " *a long stay* "
    assert emphasis("strong", False, True) == "**strong**"
    assert emphasis("  ", True, True) == "  "


def test_control_characters_never_reach_the_text():
    writer = Writer()
    writer.emit("Bell\x07 and form\x0cfeed")
    assert writer.render()[0] == "Bell  and form feed\n"
