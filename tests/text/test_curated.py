"""Curated files checked against their declared shape (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest

from histkit import load_seed
from histkit.analyse.chronology_tables import KINDS
from histkit.core.errors import AnnotationError
from histkit.text.curated import ANNOTATION_KINDS, check_curated
from tests.conftest import ROOT

SEED = ROOT / "seeds" / "spenser-bolsheviks-mexico"


def test_the_declared_kinds_are_those_the_chronology_reads() -> None:
    assert set(ANNOTATION_KINDS) == set(KINDS)


def test_the_real_seed_passes_every_check() -> None:
    assert [p.name for p in check_curated(load_seed(str(SEED)), SEED)] == [
        "annotations.yaml", "argument.yaml", "quantities.yaml"]


def test_a_stay_without_its_departure_is_named_with_its_line(tmp_path: Path) -> None:
    article = load_seed(str(SEED))
    text = (SEED / "annotations.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "seed"
    folder.mkdir()
    # the first stay loses its departure line: the error names the stay's line, found in the real file
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("departure:"))
    stay = max(i for i in range(at) if lines[i].lstrip().startswith("- id:"))
    (folder / "annotations.yaml").write_text("\n".join(lines[:at] + lines[at + 1:]), encoding="utf-8")
    with pytest.raises(AnnotationError, match=rf"annotations\.yaml:{stay + 1}: an item of 'stays' has no 'departure'"):
        check_curated(article, folder)
