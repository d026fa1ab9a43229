"""Where the project lives: the default seed is the project's setting, never a name in the generic code."""

from __future__ import annotations

import pytest

from histkit.core.errors import HistkitError
from histkit.core.paths import default_seed
from tests.conftest import ROOT


def _project(tmp_path, seeds, setting=None):
    for name in seeds:
        (tmp_path / "seeds" / name).mkdir(parents=True)
        (tmp_path / "seeds" / name / "seed.toml").write_text("[bibliographic]\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir(exist_ok=True)
    text = '[project]\nname = "histkit"\n'
    if setting:
        text += f'\n[tool.histkit]\ndefault-seed = "{setting}"\n'
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_this_project_names_the_first_article_as_its_default_in_its_settings():
    assert default_seed(ROOT) == ROOT / "seeds" / "spenser-bolsheviks-mexico"


def test_a_project_of_one_seed_needs_no_setting(tmp_path):
    root = _project(tmp_path, ["cambiemos"])
    assert default_seed(root) == root / "seeds" / "cambiemos"


def test_the_setting_chooses_among_several_seeds(tmp_path):
    root = _project(tmp_path, ["a-seed", "b-seed"], setting="b-seed")
    assert default_seed(root) == root / "seeds" / "b-seed"


def test_several_seeds_and_no_setting_say_how_to_choose(tmp_path):
    root = _project(tmp_path, ["a-seed", "b-seed"])
    with pytest.raises(HistkitError, match=r"2 seeds \(a-seed, b-seed\).*--seed NAME.*default-seed"):
        default_seed(root)


def test_a_folder_without_pyproject_holding_one_seed_is_enough(tmp_path):
    (tmp_path / "seeds" / "only").mkdir(parents=True)
    (tmp_path / "seeds" / "only" / "seed.toml").write_text("", encoding="utf-8")
    assert default_seed(tmp_path) == tmp_path / "seeds" / "only"
