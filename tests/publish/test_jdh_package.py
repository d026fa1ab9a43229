"""histkit's wheel built offline from its source, the requirements that install it, the seed folder's files."""

from __future__ import annotations

import io
import zipfile

from histkit.publish import jdh_package
from tests.conftest import DATA, ROOT


def test_the_wheel_is_built_from_the_source_the_same_bytes_twice():
    before = sorted(p.name for p in (ROOT / "src").iterdir())  # an editable install leaves its egg-info there
    name, wheel = jdh_package.build_wheel()
    assert name == "histkit-0.1.0-py3-none-any.whl"
    assert jdh_package.build_wheel()[1] == wheel
    names = zipfile.ZipFile(io.BytesIO(wheel)).namelist()
    # the package and what it ships beside its modules (the site's template)
    assert "histkit/publish/jdh.py" in names and "histkit/publish/templates/histkit-site/index.html.j2" in names
    assert not any("__pycache__" in n for n in names)
    # and nothing was left in the project by the build
    assert sorted(p.name for p in (ROOT / "src").iterdir()) == before


def test_requirements_install_the_wheel_and_pin_its_dependencies():
    name, wheel = jdh_package.build_wheel()
    lines = [line for line in jdh_package.requirements(name, wheel).splitlines() if not line.startswith("#")]
    assert lines[0] == f"./{name}"
    assert "pandas==3.1.1" in lines and "matplotlib==3.11.2" in lines
    assert len(lines) - 1 == len(jdh_package.wheel_requirements(wheel))


def test_the_seed_folder_goes_whole():
    files = jdh_package.seed_files(DATA / "tiny")
    assert files == {"seeds/tiny/article.txt": (DATA / "tiny" / "article.txt").read_bytes(),
                     "seeds/tiny/seed.toml": (DATA / "tiny" / "seed.toml").read_bytes()}
