"""The project documents itself: the data contract and the architecture are in docs/, where citations find them."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_docs_are_in_the_repository():
    for name in ("data-contract.md", "architecture.md"):
        assert (ROOT / "docs" / name).is_file(), name


def test_nothing_cites_a_file_outside_the_repository():
    """Sources, tests and pyproject.toml cite docs/, never a WORKBOOK.md the repository does not hold."""
    cited = []
    sources = [*(ROOT / "src").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]
    for path in [ROOT / "pyproject.toml", ROOT / "README.md", *sources]:
        text = path.read_text(encoding="utf-8")
        if path.name != "test_docs.py" and "WORKBOOK.md" in text:
            cited.append(str(path.relative_to(ROOT)))
    assert cited == []


def test_cited_sections_exist():
    """"docs/data-contract.md, section 3" names a section the page has."""
    headings = {
        name: set(re.findall(r"^## (\d+)\.", (ROOT / "docs" / name).read_text(encoding="utf-8"), re.MULTILINE))
        for name in ("data-contract.md",)
    }
    for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]:
        for section in re.findall(r"docs/data-contract\.md, section (\d+)", path.read_text(encoding="utf-8")):
            assert section in headings["data-contract.md"], (path, section)


def test_the_readme_says_how_long_the_test_command_takes():
    """Right after the test command, the README says how long the whole suite took, and on what."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = list(re.finditer(r"^```sh\n(.*?)\n```$", readme, re.MULTILINE | re.DOTALL))
    assert len(commands) == 2 and "python -m pytest" in commands[1][1]
    after = readme[commands[1].end():].split("\n## ", 1)[0]
    assert re.search(r"the whole suite \([^)]*\d[\d,]* tests\) took \d+ min \d+ s", after), after[:400]
    assert "2-core" in after
