"""Safe YAML (issue 21): aliases refused, depth bounded, duplicate keys refused, messages short."""

from __future__ import annotations

from pathlib import Path

import pytest

from histkit.core.errors import AnnotationError, ParameterError, excerpt
from histkit.core.safe_yaml import MAX_DEPTH, load_file, loads
from histkit.text.anchor import read_yaml


def _file(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "f.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_plain_yaml_reads_as_before() -> None:
    assert loads("a: [1, 2.5, x]\nb: {c: null}\n") == {"a": [1, 2.5, "x"], "b": {"c": None}}


def test_a_single_alias_is_refused_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match=r"f\.yaml:2: an alias \(\*x\) is not allowed"):
        load_file(_file(tmp_path, "a: &x 1\nb: *x\n"), ParameterError)


def test_nesting_is_bounded_just_past_the_limit(tmp_path: Path) -> None:
    assert loads("[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)) is not None
    with pytest.raises(AnnotationError, match=f"nested more than {MAX_DEPTH} levels deep"):
        load_file(_file(tmp_path, "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)), AnnotationError)


def test_block_nesting_is_bounded_too(tmp_path: Path) -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(200))
    with pytest.raises(ParameterError, match="nested more than"):
        load_file(_file(tmp_path, text), ParameterError)


def test_duplicate_keys_are_refused_at_any_depth(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match=r":4: the key 'b' is given twice \(first at line 3\)"):
        load_file(_file(tmp_path, "a:\n  x: 1\n  b: 2\n  b: 3\n"), ParameterError)


def test_a_curated_file_with_duplicate_keys_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "annotations.yaml"
    path.write_text("stages:\n  - id: s1\nstages:\n  - id: s2\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"annotations\.yaml:3: the key 'stages' is given twice"):
        read_yaml(path)


def test_messages_quote_only_an_excerpt(tmp_path: Path) -> None:
    key = "k" * 5000
    with pytest.raises(ParameterError) as caught:
        load_file(_file(tmp_path, f"{key}: 1\n{key}: 2\n"), ParameterError)
    assert len(str(caught.value)) < 300
    assert excerpt("x" * 1000).endswith("(1,002 characters)")
