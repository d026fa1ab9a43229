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


@pytest.mark.parametrize(("name", "stated"), [
    ("ensaio-deficiencia", "CC BY-NC 4.0"),  # <license xlink:href="https://creativecommons.org/licenses/by-nc/4.0/">
    ("bak-p58270", "CC BY 4.0"),  # its <license-p> is in Portuguese; the text histkit makes prints neither
])
def test_new_seed_from_jats_records_the_licence_its_permissions_state(tmp_path, name, stated):
    made = new_seed(CORPUS / name / "source.xml", tmp_path, "x")
    licence = read_seed(made.folder).bibliographic["licence"]
    assert licence.startswith(f"{stated}, as the publisher's JATS states it (<license xlink:href=")
    assert f"licence: {licence}" in made.found


def test_new_seed_records_each_affiliation_anchored_in_the_text(tmp_path):
    # hoehnea-senna-extracts' PDF prints three under its authors ("¹ Universidade Estadual do Ceará, ...")
    made = new_seed(CORPUS / "hoehnea-senna-extracts" / "article.pdf", tmp_path, "hoehnea")
    seed = read_seed(made.folder)
    recorded = seed.bibliographic["affiliations"]
    assert [a["quote"].split(",")[0] for a in recorded] == [
        "Universidade Estadual do Ceará", *["Universidade Estadual Vale do Acaraú"] * 2]
    assert all(seed.text[a["start"] : a["end"]] == a["quote"] for a in recorded)
    assert all(seed.text.split("\n")[a["line"] - 1].lstrip("¹²³⁴ ").startswith(a["quote"]) for a in recorded)
    assert seed.bibliographic["affiliation"] == "; ".join(a["quote"] for a in recorded)
    assert f"affiliation (line {recorded[0]['line']}): {recorded[0]['quote']}" in made.found
    # an article that prints none gets none (no line saying there is one)
    text = tmp_path / "plain.txt"
    text.write_text("A Title\n\nAnn Author\n\n\n1 Introduction\n\nThe body of the text, in 1920.\n", encoding="utf-8")
    assert "affiliation" not in new_seed(text, tmp_path, "plain").metadata


def test_an_affiliation_whose_quote_is_not_at_its_place_is_refused(tmp_path):
    made = new_seed(CORPUS / "ciedu-saresp" / "article.txt", tmp_path, "saresp")
    toml = made.folder / "seed.toml"
    start = read_seed(made.folder).bibliographic["affiliations"][0]["start"]
    toml.write_text(toml.read_text(encoding="utf-8").replace(f"start = {start}\n", f"start = {start + 1}\n"),
                    encoding="utf-8")
    with pytest.raises(SeedError, match=r"seed\.toml: \[\[bibliographic\.affiliations\]\] number 1: article\.txt\["):
        read_seed(made.folder)


def test_new_seed_names_its_origin_without_this_machines_folders(tmp_path):
    # A seed folder is published with a JDH submission: "/home/someone/Downloads/..." would go with it.
    made = new_seed(CORPUS / "ciedu-saresp" / "article.txt", tmp_path, "x")
    toml = (made.folder / "seed.toml").read_text(encoding="utf-8")
    assert 'origin = "article.txt"' in toml and str(CORPUS) not in toml
