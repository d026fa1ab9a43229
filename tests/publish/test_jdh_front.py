"""The JDH's mandatory cells from the article and seed.toml; what the article lacks is said in plain words."""

from __future__ import annotations

import shutil

import pytest

from histkit.core.errors import ParameterError
from histkit.publish import jdh_front
from histkit.text.seed import read_seed
from tests.conftest import DATA, rehash


def test_the_front_matter_is_the_articles(tiny):
    front = jdh_front.front_matter(read_seed(DATA / "tiny"))
    # tests/data/tiny/article.txt: "ABSTRACT: A fixture for the ingest tests.", "KEYWORDS: Page breaks. Footnotes."
    assert front.abstract == "A fixture for the ingest tests."
    assert front.keywords == ("Page breaks", "Footnotes")
    assert front.title == "A Tiny Article on Page Breaks" and front.authors == ("Ana Autora",)
    cell, notes = jdh_front.keywords_cell(front)
    assert cell.source == "Page breaks, Footnotes" and notes == []


def test_what_the_article_lacks_is_said(tmp_path):
    folder = shutil.copytree(DATA / "tiny", tmp_path / "bare")
    text = (folder / "article.txt").read_text(encoding="utf-8")
    for line in ("ABSTRACT: A fixture for the ingest tests.", "KEYWORDS: Page breaks. Footnotes.", "RESUMO: Um teste.",
                 "PALAVRAS-CHAVE:QuebrasDePágina.Notas."):
        text = text.replace(line + "\n", "")
    (folder / "article.txt").write_text(text, encoding="utf-8")
    toml = (folder / "seed.toml").read_text().replace('author = "Ana Autora"\n', "")
    (folder / "seed.toml").write_text(toml)
    rehash(folder)
    front = jdh_front.front_matter(read_seed(folder))
    assert front.abstract == "" and front.keywords == () and front.affiliation == "" and front.article_licence == ""
    cell, notes = jdh_front.keywords_cell(front)
    assert cell.source == "The article prints no keywords." and notes
    cell, notes = jdh_front.abstract_cell(front, "<cite/>")
    assert cell.source.startswith("The article prints no abstract.") and notes
    cell, notes = jdh_front.copyright_cell(front)
    assert "seed.toml records no licence for it, and none is assumed here" in cell.source and notes
    cells, notes = jdh_front.contributor_cells(front)
    assert ("Affiliation: not recorded in seed.toml." in cells[0].source and len(notes) == 2) or front.authors


def test_the_licence_is_one_the_jdh_publishes_under():
    assert jdh_front.check_licence("CC-BY-NC-ND-4.0") == "CC-BY-NC-ND-4.0"
    with pytest.raises(ParameterError, match=r"--licence 'CC0' is not one the JDH publishes under; choose one of "
                                             r"CC-BY-4.0, "):
        jdh_front.check_licence("CC0")


@pytest.mark.parametrize(("line", "names"), [
    # as hoehnea-senna-extracts prints its authors under the title (its PDF; the JATS separates them with ";")
    ("Andréa Maria Neves, Selene Maia de Morais, Hélcio Silva dos Santos and Raquel Oliveira dos Santos Fontenelle",
     ("Andréa Maria Neves", "Selene Maia de Morais", "Hélcio Silva dos Santos",
      "Raquel Oliveira dos Santos Fontenelle")),
    ("Francisco J. Cantamutto; Emiliano López", ("Francisco J. Cantamutto", "Emiliano López")),
    ("Ana Souza, João Silva y Pedro Paz", ("Ana Souza", "João Silva", "Pedro Paz")),
    ("Silva, J. and Souza, M.", ("Silva, J.", "Souza, M.")),  # surnames first: the commas do not part names
    ("Pedro de Alcântara e Silva", ("Pedro de Alcântara e Silva",)),  # one name holding "e"
    ("Daniela Spenser", ("Daniela Spenser",)),
])
def test_each_author_an_author_line_names_gets_a_contributor_cell(line, names):
    assert jdh_front.author_names(line) == names


def test_an_article_without_an_english_abstract_gives_its_own(tmp_path):
    import hashlib

    from tests.conftest import corpus_text

    # bak-p58270 prints "RESUMO Apesar de terem sido estudos ..." and no English abstract.
    folder = tmp_path / "bak"
    folder.mkdir()
    (folder / "article.txt").write_text(corpus_text("bak-p58270"), encoding="utf-8")
    digest = hashlib.sha256((folder / "article.txt").read_bytes()).hexdigest()
    (folder / "seed.toml").write_text(f'[seed]\nid = "bak"\nfile = "article.txt"\nsha256 = "{digest}"\n')
    front = jdh_front.front_matter(read_seed(folder))
    assert front.abstract.startswith("Apesar de terem sido estudos realizados por autores diferentes")
    cell, notes = jdh_front.abstract_cell(front, "<cite/>")
    assert cell.source.startswith("Apesar de terem sido estudos") and notes == []
