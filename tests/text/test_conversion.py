"""Repairs made while converting a PDF, read back from conversion.tsv into the repairs table."""

from __future__ import annotations

import hashlib
import shutil

import pytest

import histkit
from histkit.core.errors import SeedError
from histkit.run import cli
from histkit.text.seed import read_seed
from histkit.text.tables import repairs_table
from tests.conftest import CORPUS


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A throwaway project with an empty seeds/ folder."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "histkit"\n')
    (tmp_path / "seeds").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HISTKIT_ROOT", raising=False)
    return tmp_path


def test_a_converted_pdf_lists_its_repairs_with_ingest_s(project, capsys):
    source = project / "hoehnea.pdf"
    shutil.copy(CORPUS / "hoehnea-senna-extracts" / "article.pdf", source)
    assert cli.main(["new", str(source), "--name", "hoehnea"]) == 0
    article = histkit.load_seed(str(project / "seeds" / "hoehnea"))
    table = repairs_table(article)
    heads = table[table["kind"] == "running-head"]
    assert len(heads) >= 9
    assert heads["reason"].str.contains("running head").all()
    assert heads["reason"].str.contains("Hoehnea 49: e1112020, 2022").any()
    assert (table["quote"] == [article.text[s:e] for s, e in zip(table["start"], table["end"], strict=True)]).all()


def test_a_malformed_conversion_file_is_named(project, capsys):
    source = project / "hoehnea.pdf"
    shutil.copy(CORPUS / "hoehnea-senna-extracts" / "article.pdf", source)
    assert cli.main(["new", str(source), "--name", "hoehnea"]) == 0
    (project / "seeds" / "hoehnea" / "conversion.tsv").write_text("offset\tkind\tpage\ttext\treason\nx\ty\t1\tz\tw\n")
    with pytest.raises(SeedError, match=r"conversion\.tsv:2: expected offset, kind, page"):
        histkit.load_seed(str(project / "seeds" / "hoehnea"))


def test_seed_toml_s_conversion_table_is_checked(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "article.txt").write_text("T\n", encoding="utf-8")
    digest = hashlib.sha256(b"T\n").hexdigest()
    (folder / "seed.toml").write_text(
        f'[seed]\nid = "s"\nfile = "article.txt"\nsha256 = "{digest}"\n\n[conversion]\nfile = "received.pdf"\n'
        f'sha256 = "{digest}"\nformat = "exe"\nconverter = "x"\nversion = "1"\n', encoding="utf-8")
    with pytest.raises(SeedError, match=r"seed\.toml.*format"):
        read_seed(folder)
