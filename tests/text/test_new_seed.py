"""``histkit new``: a seed folder from a corpus article, metadata read from its front matter."""

from __future__ import annotations

import pytest

from histkit.core.errors import SeedError
from histkit.text.new_seed import new_seed, slug
from histkit.text.seed import read_seed

from ..conftest import CORPUS, corpus_text


@pytest.mark.parametrize(
    ("name", "title", "author"),
    [
        ("mediacoes-cambiemos", "Voces que Gritan Fuerte", "Francisco J. Cantamutto; Emiliano López"),
        ("ciedu-saresp", "Análise regional dos resultados do Saresp", "Camila Fernanda Bassetto"),
    ],
)
def test_new_seed_from_a_corpus_article(tmp_path, name, title, author):
    corpus_text(name)  # fails loudly when the corpus is absent
    made = new_seed(CORPUS / name / "article.txt", tmp_path)
    assert (made.folder / "article.txt").read_bytes() == (CORPUS / name / "article.txt").read_bytes()
    seed = read_seed(made.folder)  # the SHA-256 recorded matches the copy
    assert seed.bibliographic["title"].startswith(title)
    assert seed.bibliographic["author"] == author
    assert any(line.startswith("reference entries: ") for line in made.found)


def test_new_seed_refuses_an_existing_folder(tmp_path):
    source = CORPUS / "ciedu-saresp" / "article.txt"
    new_seed(source, tmp_path, "x")
    with pytest.raises(SeedError, match="already exists"):
        new_seed(source, tmp_path, "x")


def test_slug():
    assert slug("Análise regional dos resultados do Saresp: uma") == "analise-regional-dos-resultados-do-saresp"
