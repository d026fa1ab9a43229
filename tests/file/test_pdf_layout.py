"""Lines from characters: superscripts, columns, running heads and page-foot notes, on pages the tests draw."""

from __future__ import annotations

from histkit.file.pdf_chars import Char, Page
from histkit.file.pdf_layout import banner_lines, margin_lines, page_lines, reading_order, split_notes


def _word(text, x, y, size=10.0, raised=0.0, small=1.0):
    chars, at = [], x
    for c in text:
        width = 0.5 * size * small
        chars.append(Char(c, at, y + raised, at + width, y + raised + 0.7 * size * small, size * small, False))
        at += width
    return chars


def _line(words, x, y, size=10.0):
    chars, at = [], x
    for word in words:
        made = _word(word, at, y, size)
        chars += [*made, Char(" ", made[-1].x1, y, made[-1].x1 + 2, y + 7, size, False)]
        at = made[-1].x1 + 0.3 * size
    return chars[:-1]


def test_a_raised_small_number_is_a_superscript_note_call():
    chars = _line(["a", "claim"], 50, 700) + _word("1", 78, 700, raised=4, small=0.6) + _word(",", 81, 700)
    assert [line.text for line in page_lines(Page(1, 600, 800, chars))] == ["a claim¹,"]


def test_a_closing_quote_drawn_apart_from_its_word_stays_with_it():
    # ecos-china-new-normal's reference list sets "China’s" with the apostrophe's ink 2.4 points after the "a"
    # (a fifth of the type would be a space); the JATS prints "China’s", "normal”"
    chars = _word("China", 50, 700) + _word("’s", 78, 700) + _word(" the", 86, 700) + _word("“new", 110, 700)
    chars += _word("normal", 135, 700) + _word("”", 168, 700)
    assert page_lines(Page(1, 600, 800, chars))[0].text == "China’s the “new normal”"


def test_two_columns_read_left_column_first():
    chars = []
    for i in range(6):
        chars += _line(["left", "column", "words", "here", "and", "more", "words"], 40, 700 - 12 * i)
    for i in range(6):
        chars += _line(["right", "column", "words", "here", "and", "more", "words"], 320, 700 - 12 * i)
    page = Page(1, 600, 800, chars)
    ordered = reading_order(page_lines(page), page.width)
    assert [line.text.split()[0] for line in ordered] == ["left"] * 6 + ["right"] * 6


def test_two_columns_over_a_long_table_are_still_two_columns():
    # acta-amazonica's page 276: two columns of text, under them Table 2's thirty rows across the page; the rows
    # are a band of their own and do not outvote the columns
    chars = []
    for i in range(6):
        chars += _line(["left", "column", "words", "here", "and", "more", "words", "too"], 40, 700 - 12 * i)
        chars += _line(["right", "column", "words", "here", "and", "more", "words", "too"], 320, 700 - 12 * i)
    for i in range(30):
        chars += _line(["Row", *(f"{n / 10:.2f}" for n in range(20))], 40, 600 - 12 * i)
    page = Page(1, 600, 800, chars)
    ordered = reading_order(page_lines(page), page.width)
    assert [line.text.split()[0] for line in ordered] == ["left"] * 6 + ["right"] * 6 + ["Row"] * 30


def test_running_heads_repeated_on_pages_and_page_numbers_are_margins():
    pages = []
    for n in range(1, 5):
        chars = _line(["Journal", "of", "Things", f"{n}"], 40, 770) + _line(["body", "text"], 40, 400)
        chars += _word(str(n), 290, 20)
        pages.append(page_lines(Page(n, 600, 800, chars)))
    found = margin_lines(pages, [800.0] * 4)
    texts = {pages[p][i].text for p, i in found}
    assert texts == {"Journal of Things 1", "Journal of Things 2", "Journal of Things 3", "Journal of Things 4",
                     "1", "2", "3", "4"}


def test_small_type_under_the_text_led_by_a_label_is_a_note():
    chars = _line(["body", "text", "here"], 40, 400) + _line(["1", "The", "note."], 40, 100, size=8)
    body, notes = split_notes(page_lines(Page(1, 600, 800, chars)), 10.0)
    assert [n.text for n in notes] == ["1 The note."]
    assert [b.text for b in body] == ["body text here"]


def test_a_raised_sign_after_a_name_is_a_note_mark_removed_and_recorded():
    # ecos-china-new-normal prints "Medeiros**, ***" and "economy *" in raised small type
    chars = _line(["Ana", "Souza"], 50, 700) + _word("**", 106, 700, raised=4, small=0.6) + _word(",", 113, 700)
    chars += _line(["Rui", "Paz"], 125, 700) + _word("***", 165, 700, raised=4, small=0.6)
    (line,) = page_lines(Page(1, 600, 800, chars))
    assert line.text == "Ana Souza, Rui Paz"
    assert [(c.kind, c.text) for c in line.removed] == [("note-mark", "*****")]


def test_a_sign_raised_in_the_lines_own_type_is_a_mark_after_a_word_and_a_key_after_a_space():
    # acta-amazonica prints "MIRANDA¹*" with its "*" raised in the names' own type; hoehnea's caption keys its
    # table's signs, "*Exótica, **Endêmica do Brasil", and those signs are the caption's text
    mark = _line(["Ana", "SOUZA"], 50, 700) + _word("*", 93, 700, raised=4) + _word(",", 98, 700)
    assert page_lines(Page(1, 600, 800, mark))[0].text == "Ana SOUZA,"
    key = _line(["Brasil."], 50, 700) + _word("*", 90, 700, raised=4) + _line(["Exótica"], 95, 700)
    assert page_lines(Page(1, 600, 800, key))[0].text == "Brasil. *Exótica"


def test_small_type_under_the_text_led_by_a_sign_is_a_note():
    # ecos-china-new-normal's first page: "** Emeritus Professor ..." with its label raised in its own small type
    chars = _line(["body", "text", "here"], 40, 400)
    chars += _word("**", 40, 100, size=8, raised=3, small=0.8) + _line(["Emeritus", "Professor."], 50, 100, size=8)
    body, notes = split_notes(page_lines(Page(1, 600, 800, chars)), 10.0)
    assert [n.text for n in notes] == ["** Emeritus Professor."]
    assert [b.text for b in body] == ["body text here"]


def test_ligatures_are_read_as_their_letters_and_counted():
    (line,) = page_lines(Page(1, 600, 800, _line(["ﬁrst", "ﬂow"], 40, 500)))
    assert (line.text, line.ligatures) == ("first flow", 2)


def test_a_subscript_drawn_after_its_line_is_read_into_it():
    chars = _line(["the", "CE"], 40, 500) + _line(["is", "low"], 40 + 6 * 5 + 20, 500)
    chars += _word("50", 68, 500, raised=-2, small=0.6)  # right after "CE" (58-68), drawn last, lowered, small
    (line,) = page_lines(Page(1, 600, 800, chars))
    assert line.text == "the CE50 is low"


def test_what_the_first_page_prints_above_a_title_near_its_top_is_the_journals_banner():
    chars = _line(["Journal", "of", "Things", "12:"], 40, 760) + _line(["Original", "article"], 400, 775)
    chars += _line(["A", "Title", "in", "Large", "Type"], 40, 700, size=20)
    chars += _line(["Second", "title", "line"], 40, 675, size=20)
    chars += _line(["Ann", "Author"], 40, 640) + _line(["Body", "text", "of", "1920"], 40, 400)
    lines = page_lines(Page(1, 600, 800, chars))
    assert sorted(lines[i].text for i in banner_lines(lines, 800.0)) == ["Journal of Things 12:", "Original article"]


def test_a_page_whose_largest_type_is_low_on_it_has_no_banner():
    # a heading in the middle of a page (no title near the top): the prose above it is the article's
    chars = _line(["prose", "at", "the", "top"], 40, 760) + _line(["A", "Heading"], 40, 400, size=14)
    lines = page_lines(Page(1, 600, 800, chars))
    assert banner_lines(lines, 800.0) == set()
