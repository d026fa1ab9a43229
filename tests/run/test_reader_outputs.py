"""What the committed notebooks show a reader: tables without codes, indexes, internal ids or cuts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from histkit.core.errors import DateError
from histkit.present.display import date_in_words

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# an EDTF code with a month or season ("1927-21", "1919-09/1919-11", "../1927-03", "[1919-09..1919-11]")
EDTF = re.compile(
    r"(?<![\w-])(?:\.\./)?\[?\d{4}-(?:0[1-9]|1[0-2]|2[1-4])(?:-\d\d)?[~?%]?(?:(?:/|\.\.)[\d.-]*\]?)?(?![\w-])"
)
# a comparison sign, or a phrase followed by its own reading ("'1926' (1926)"), quotes as HTML escapes them
MACHINE_SIGNS = re.compile(r"&lt;=|&gt;=|(?:'|&#x27;|&#39;)(\d{4})(?:'|&#x27;|&#39;) \(\1\)")
INTERNAL_ID = re.compile(r"\b(?:ref\d\d|s\dp\d\d|fn\d+\.\d+|stay-[a-z]+|c\d\d|q\d{3})\b")


def _tables(notebook: Path) -> list[tuple[int, str]]:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found = []
    for index, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            html = "".join(output.get("data", {}).get("text/html", ""))
            if "<table" in html:
                found.append((index, html))
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_tables_are_written_for_readers(notebook: Path) -> None:
    tables = _tables(notebook)
    assert tables, f"{notebook.name} shows no table"
    for index, html in tables:
        where = f"{notebook.name}, cell {index}"
        assert 'class="histkit-reader' in html, f"{where}: a table not made by histkit.present.display"
        assert "…" not in html, f"{where}: text cut with '…'"
        assert "&lt;NA&gt;" not in html and "\\n" not in html, f"{where}: <NA> or an escape sequence"
        codes = [c for c in EDTF.findall(html) if _is_edtf(c)]
        assert codes == [], f"{where}: raw EDTF codes {codes[:5]}"
        ids = INTERNAL_ID.findall(html)
        assert ids == [], f"{where}: internal ids {ids[:5]}"
        signs = [m.group(0) for m in MACHINE_SIGNS.finditer(html)]
        assert signs == [], f"{where}: machine notation {signs[:5]}"


def _is_edtf(code: str) -> bool:
    try:
        date_in_words(code)
    except DateError:  # what the edtf package refuses is not a code ("1926-27": two years)
        return False
    return True


def test_setup_and_export_cells_are_collapsed() -> None:
    for notebook in NOTEBOOKS:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        params = next(i for i, c in enumerate(code) if "parameters" in c["metadata"].get("tags", []))
        setup = code[params + 1]
        exports = [c for c in code if "export" in "".join(c["source"]).split("(")[0]]
        for cell in [setup, *exports]:
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, (
                f"{notebook.name}: {''.join(cell['source'])[:60]!r} is not collapsed"
            )
        # the question still opens the notebook, and it ends with what it cannot tell
        assert nb["cells"][0]["cell_type"] == "markdown" and "question" in "".join(nb["cells"][0]["source"]).lower()
        assert "cannot" in "".join(nb["cells"][-1]["source"]) or "cannot" in "".join(nb["cells"][-2]["source"])


def test_the_bibliography_shown_keeps_the_archives_and_call_numbers() -> None:
    """Notebook 03 shows the list in ABNT with what the article prints of each archival item."""
    article = (ROOT / "seeds" / "spenser-bolsheviks-mexico" / "article.txt").read_text(encoding="utf-8")
    nb = json.loads((ROOT / "notebooks" / "03-citations.ipynb").read_text(encoding="utf-8"))
    shown = [
        "".join(o["data"]["text/markdown"])
        for c in nb["cells"] for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})
    ]  # fmt: skip
    [bibliography] = [text for text in shown if text.startswith("AHSRE. ")]
    for printed in ("Acervo Histórico de la Secretaría de Relaciones Exteriores", "Genaro Amezcua Archive",
                    "Fondo VIII-2, file 4", "RGASPI, fond 495, reg. 108, file 4",
                    "In: MCDERMOTT, K.; AGNEW, J. **The Comintern**"):  # fmt: skip
        assert printed in article
        assert printed.replace("**", "") in bibliography, printed
    assert "(Eds.)" not in bibliography
