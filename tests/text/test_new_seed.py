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


def test_new_seed_says_the_keywords_and_dates_it_found(tmp_path):
    """What the README promises `histkit new` prints: the keywords and dates of the front matter."""
    from tests.conftest import ROOT

    made = new_seed(CORPUS / "ciedu-saresp" / "article.txt", tmp_path)
    assert "keywords pt: Avaliação do rendimento escolar; Proficiência em matemática; Escola pública; SARESP" in (
        made.found
    )
    # the first article prints "RECEBIDO EM: 04/06/2017" and "APROVADO EM: 28/11/2017"
    made = new_seed(ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt", tmp_path, "spenser")
    assert {"received: 2017-06-04", "approved: 2017-11-28"} <= set(made.found)


def test_new_seed_refuses_an_existing_folder(tmp_path):
    source = CORPUS / "ciedu-saresp" / "article.txt"
    new_seed(source, tmp_path, "x")
    with pytest.raises(SeedError, match="already exists"):
        new_seed(source, tmp_path, "x")


def test_slug():
    assert slug("Análise regional dos resultados do Saresp: uma") == "analise-regional-dos-resultados-do-saresp"


def test_new_seed_records_the_licence_the_article_prints(tmp_path):
    # hoehnea-senna-extracts' PDF prints, at the foot of its last page: "This is an open-access article distributed
    # under the terms of the Creative Commons Attribution License"
    made = new_seed(CORPUS / "hoehnea-senna-extracts" / "article.pdf", tmp_path, "hoehnea")
    licence = read_seed(made.folder).bibliographic["licence"]
    assert licence.startswith("Creative Commons Attribution License, as the article prints it (line ")
    line = int(licence.rsplit("line ", 1)[1].rstrip(")"))
    printed = (made.folder / "article.txt").read_text(encoding="utf-8").split("\n")[line - 1]
    assert "distributed under the terms of the Creative Commons Attribution License" in printed
    assert f"licence: {licence}" in made.found
    # an article that states no licence gets none (seed.toml then says nothing, and the JDH copy says so)
    assert "licence" not in new_seed(CORPUS / "ciedu-saresp" / "article.txt", tmp_path).metadata
