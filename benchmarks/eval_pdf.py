"""Score the text made from each corpus PDF against the same JATS truth, and time ``histkit new`` on a PDF.

For the three corpus articles that hold the publisher's ``article.pdf``: the text made by the package's
PDF reader (:mod:`histkit.file.pdf`) with pypdfium2 (chosen) and with pdfminer.six (compared) is scored as
``benchmarks/eval_corpus.py`` scores ``article.txt``, with the per-entry count method (positions differ
from the JATS text): ``refs`` (first author + year of each JATS ``<ref>``), ``cnt F1`` (citations per
entry), sections and notes found. The JATS text row is the package's JATS reader on ``source.xml``
(identical to ``article.txt``); ``ratio`` is the PDF's figure over the JATS one (target ≥ 0.95).

Then ``histkit new`` end to end (conversion, ingest, seed folder) on a 30-page PDF made by joining the
corpus PDFs' pages (pypdfium2), median of three runs (target < 10 s).

Run: ``.venv/bin/python benchmarks/eval_pdf.py``; ``--jats`` also scores every corpus ``source.xml`` read by
the package against ``article.txt`` made by ``../shared/tools/jats2txt.py``. Asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_corpus import CORPUS, _pipeline, read_truth, score_article

from histkit.file.jats import jats_text
from histkit.file.pdf import convert_pdf
from histkit.file.pdf_chars import pdfium_pages, pdfminer_pages

PDFS = ("ecos-china-new-normal", "acta-amazonica-land-cover", "hoehnea-senna-extracts")
READERS = {"pypdfium2": pdfium_pages, "pdfminer.six": pdfminer_pages}


def _row(label: str, row: dict[str, Any], seconds: float, base: dict[str, Any] | None) -> str:
    if "error" in row:
        return f"{label:<44} ERROR {row['error']}"
    ratio = ""
    if base is not None and "error" not in base:
        r = row["refs"] / base["refs"] if base["refs"] else float("nan")
        c = row["cnt_F1"] / base["cnt_F1"] if base["cnt_F1"] else float("nan")
        ratio = f"{r:>6.2f} {c:>6.2f}"
    return (f"{label:<44} {row['refs']:>5.2f} {row['cnt_F1']:>6.2f} {row['n_refs']!s:>7} {row['n_cit']!s:>8} "
            f"{row['sec']!s:>6} {row['fn']!s:>6} {seconds:>6.2f} {ratio}")


def scores() -> None:
    run = _pipeline()
    head = (f"{'article / text from':<44} {'refs':>5} {'cnt F1':>6} {'entries':>7} {'cites':>8} {'sec':>6} "
            f"{'fn':>6} {'conv s':>6} {'refs/J':>6} {'F1/J':>6}")
    print(head)
    print("-" * len(head))
    for name in PDFS:
        folder = CORPUS / name
        truth = read_truth(folder / "source.xml")
        t0 = time.perf_counter()
        text = jats_text(ET.parse(folder / "source.xml").getroot())
        seconds = time.perf_counter() - t0
        base = score_article(run, name, text, truth, 1)
        print(_row(f"{name} JATS", base, seconds, None))
        for reader_name, reader in READERS.items():
            t0 = time.perf_counter()
            try:
                converted = convert_pdf(folder / "article.pdf", reader)
            except Exception as err:  # the table reports any failure
                print(f"{name} PDF {reader_name}: ERROR {type(err).__name__}: {err}")
                continue
            seconds = time.perf_counter() - t0
            row = score_article(run, name, converted.text, truth, 1)
            print(_row(f"{name} PDF {reader_name}", row, seconds, base))
        print()


def jats_scores() -> None:
    run = _pipeline()
    print(f"{'article':<27} {'refs ours':>9} {'refs j2t':>8} {'F1 ours':>7} {'F1 j2t':>7} {'same text':>9}")
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "source.xml").is_file()):
        truth = read_truth(folder / "source.xml")
        ours = jats_text(ET.parse(folder / "source.xml").getroot())
        theirs = (folder / "article.txt").read_text(encoding="utf-8")
        a = score_article(run, folder.name, ours, truth, 1, folder / "source.xml")
        b = score_article(run, folder.name, theirs, truth, 1, folder / "source.xml")
        print(f"{folder.name:<27} {a.get('refs', 0):>9.2f} {b.get('refs', 0):>8.2f} {a.get('F1', 0):>7.2f} "
              f"{b.get('F1', 0):>7.2f} {ours == theirs!s:>9}")


def thirty_pages(out: Path) -> Path:
    """A 30-page PDF: the corpus PDFs' pages, in turn, until there are thirty."""
    import pypdfium2 as pdfium

    joined = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(str(CORPUS / name / "article.pdf")) for name in PDFS]
    while len(joined) < 30:
        for doc in sources:
            take = min(len(doc), 30 - len(joined))
            if take > 0:
                joined.import_pages(doc, list(range(take)))
    path = out / "thirty.pdf"
    joined.save(str(path))
    return path


def timing() -> None:
    from histkit.text.new_seed import new_seed

    with tempfile.TemporaryDirectory() as tmp:
        pdf = thirty_pages(Path(tmp))
        samples = []
        for i in range(3):
            t0 = time.perf_counter()
            made = new_seed(pdf, Path(tmp) / "seeds", f"thirty-{i}")
            samples.append(time.perf_counter() - t0)
        print(f"\nhistkit new on a {30}-page PDF: median {statistics.median(samples):.2f} s "
              f"(runs {', '.join(f'{s:.2f}' for s in samples)}); {made.found[2]}, {made.found[3]}")


if __name__ == "__main__":
    if "--jats" in sys.argv:
        jats_scores()
    else:
        scores()
        if "--no-timing" not in sys.argv:
            timing()
