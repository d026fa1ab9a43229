from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import histkit
from histkit.core.errors import SeedError
from histkit.text.seed import read_seed
from tests.conftest import DATA, rehash

SRC = Path(histkit.__file__).resolve().parents[1]


@pytest.fixture
def seed_copy(tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(DATA / "tiny", folder)
    return folder


def test_reads_verbatim_text_and_checks_hash(seed_copy):
    seed = read_seed(seed_copy)
    assert seed.seed_id == "tiny"
    assert seed.text == (seed_copy / "article.txt").read_text(encoding="utf-8")
    assert seed.bibliographic["author"] == "Ana Autora"


def test_real_seed_is_a_byte_copy_of_the_shared_one():
    shared = DATA.parents[2] / "shared" / "seeds" / "000_317570f54ee58129.txt"
    if not shared.exists():
        pytest.skip("the shared seed folder sits beside the checkout only on the team's machines")
    ours = DATA.parents[1] / "seeds" / "spenser-bolsheviks-mexico" / "article.txt"
    assert ours.read_bytes() == shared.read_bytes()


def test_missing_folder(tmp_path):
    with pytest.raises(SeedError, match=r"seed folder .*nowhere does not exist"):
        read_seed(tmp_path / "nowhere")


def _drop_hash(folder):
    toml = folder / "seed.toml"
    toml.write_text("\n".join(line for line in toml.read_text().splitlines() if not line.startswith("sha256")))


def _edit(folder, old, new):
    path = folder / "article.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


# (how to spoil the seed folder, the message read_seed must give)
BAD_FOLDERS = [
    (lambda f: (f / "seed.toml").unlink(), r"seed.toml is missing"),
    (lambda f: (f / "article.txt").write_text("\n \n"), r"article.txt is empty"),
    (lambda f: (f / "article.txt").write_bytes("Title\n\nA caf\xe9 line\n".encode("latin-1")),
     r"article.txt:3: not UTF-8 \(byte 0xe9"),
    (lambda f: _edit(f, "Tiny", "Small"), r"SHA-256 is [0-9a-f]{64} but seed.toml records"),
    (_drop_hash, r"sha256 is missing; add sha256 = \""),
    (lambda f: (f / "seed.toml").write_text("[seed\n"), r"not valid TOML"),
]


@pytest.mark.parametrize(("spoil", "message"), BAD_FOLDERS)
def test_bad_seed_folder(seed_copy, spoil, message):
    spoil(seed_copy)
    with pytest.raises(SeedError, match=message):
        read_seed(seed_copy)


def test_no_reference_list_through_load_seed_is_a_warning(seed_copy):
    path = seed_copy / "article.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("REFERENCES")], encoding="utf-8")
    rehash(seed_copy)
    article = histkit.load_seed(str(seed_copy))
    assert [w.kind for w in article.warnings] == ["no-references"]
    assert [s.heading for s in article.sections] == ["1 INTRODUCTION", "2 THE ONLY STAGE"]


def test_no_body_through_load_seed(seed_copy):
    path = seed_copy / "article.txt"
    path.write_text("Bolsheviks' Encounter with the Mexican Revolution\n", encoding="utf-8")
    rehash(seed_copy)
    with pytest.raises(SeedError, match=r"article.txt: no body was found"):
        histkit.load_seed(str(seed_copy))


def test_loading_a_seed_does_not_build_the_iri_grammars_yet_leaves_them_importable(tmp_path):
    # A notebook kernel checks seed.toml with jsonschema: without rfc3987-syntax's grammars (about
    # 1.3 s per kernel), which the seed schema never uses, and without hiding the package from later code.
    code = (
        "import sys, histkit\n"
        f"histkit.load_seed({str(DATA / 'tiny')!r})\n"
        "assert 'jsonschema' in sys.modules and 'rfc3987_syntax' not in sys.modules, sorted(sys.modules)\n"
        "import importlib.util\n"
        "assert importlib.util.find_spec('rfc3987_syntax') is None or __import__('rfc3987_syntax')\n"
    )
    # In an empty project: nothing remembered (build/cache/memo/), so seed.toml is checked with jsonschema.
    _make_project(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(SRC), "HISTKIT_ROOT": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_a_seed_toml_that_passed_is_not_checked_again_but_a_changed_one_is(seed_copy, tmp_path, monkeypatch):
    _make_project(tmp_path)
    monkeypatch.setenv("HISTKIT_ROOT", str(tmp_path))
    code = (
        "import sys, histkit\n"
        f"histkit.load_seed({str(seed_copy)!r})\n"
        "print('jsonschema' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}

    def checked() -> str:
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True).stdout.strip()

    assert checked() == "True"
    assert checked() == "False"  # remembered in build/cache/memo/seed-shapes.json
    toml = seed_copy / "seed.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('id = "tiny"', "id = 7"), encoding="utf-8")
    with pytest.raises(SeedError, match=r"key 'seed.id' must be a string \(in quotes\); got 7"):
        histkit.load_seed(str(seed_copy))


def _make_project(folder: Path) -> None:
    """HISTKIT_ROOT must name a histkit project: a pyproject.toml naming histkit beside seeds/."""
    (folder / "seeds").mkdir(exist_ok=True)
    (folder / "pyproject.toml").write_text('[project]\nname = "histkit"\n', encoding="utf-8")
