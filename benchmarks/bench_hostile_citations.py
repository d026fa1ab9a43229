"""Citation and reference extraction on hostile texts at 1x, 4x and 16x: time must grow linearly.

Each row is a repetitive text built to make a backtracking pattern work hard (issue 21): a run of
citation-like groups, one group holding thousands of works, names chained by commas with no
parenthesis after them, a run of upper-case words, a run of years; and reference entries that are a
long run of initials, of ";"-separated persons, of APA names, or words with no shape. The last rows
scale a real corpus article (its body repeated) through parse + extract + reconcile. ``x4`` and
``x16`` are the ratios of the best time at 4x and 16x to the best at 1x: linear is about 4 and 16,
quadratic 16 and 256. Asserts nothing (``tests/extract/test_citation_groups.py`` and
``tests/extract/test_references.py`` check the growth with a generous bound).

Run: PYTHONPATH=src python benchmarks/bench_hostile_citations.py [repeats]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from histkit.analyse.reconcile import reconcile
from histkit.extract.citations import citations_table, find_groups
from histkit.extract.list_clues import list_clues
from histkit.extract.references import article_references, parse_entry
from histkit.text.ingest import parse_article

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LISTED = frozenset({"silva", "aaaa"})

CITATION_CASES: dict[str, Callable[[int], str]] = {
    "10,000 groups '(Silva, 2001) '": lambda n: "(Silva, 2001) " * n,
    "one group of 10,000 works": lambda n: "(" + "Silva, 2001; " * n + ")",
    "10,000 works split by commas": lambda n: "(" + "Silva 2001, " * n + ")",
    "10,000 names chained, no parenthesis": lambda n: "Aaaa, " * n + "end.",
    "10,000 upper-case words, then a year": lambda n: "SILVA " * n + "(2001)",
    "one name and 10,000 years": lambda n: "(Silva, " + "2001, " * n + ")",
    "10,000 'et al.' names": lambda n: "Silva et al. " * n + "(2001)",
}
# The forms the reference list vouches for (issue 19): a year alone after a listed person, a lower-case lead,
# an italic title the list prints.
CLUES = list_clues(["SILVA, A. *Aaaa bbbb*. Place: Pub, 2001.", "AAAA. Site. Online, 2001."])
CLUE_CASES: dict[str, Callable[[int], str]] = {
    "10,000 years alone after a listed person": lambda n: "Silva wrote " + "(2001) " * n,
    "10,000 'Silva said (2001)' in one sentence": lambda n: "Silva said (2001), " * n + ".",
    "10,000 lower-case leads 'aaaa (2001)'": lambda n: "aaaa (2001) " * n,
    "10,000 titles then a year": lambda n: "*Aaaa bbbb* (2001) " * n,
    "10,000 quotations, then a year": lambda n: "Silva: “a. B” " * n + "(2001)",
}
REFERENCE_CASES: dict[str, Callable[[int], str]] = {
    "entry with 10,000 initials (ABNT)": lambda n: "SILVA, " + "A. " * n + "Title. Place: Pub, 2001.",
    "entry with 10,000 initials (mixed)": lambda n: "Silva, " + "A. " * n + "Title.",
    "entry with 10,000 persons ';'": lambda n: "SILVA, A.; " * n + "Title. Place: Pub, 2001.",
    "entry with 10,000 APA names": lambda n: "Silva, A., " * n + "& Lima, B. (2001). Title.",
    "entry of 10,000 words": lambda n: "Aaa " * n + "2001.",
    # the forms read from their words (reference_abnt, reference_apa, reference_host, reference_edition)
    "entry with 10,000 ', v. 1' (periodical)": lambda n: "SILVA, A. Title. Journal" + ", v. 1" * n + ", 2001.",
    "entry with 10,000 title ends '. Aaa'": lambda n: "SILVA, A. " + "Aaa. " * n + "Journal, v. 1, n. 2, 2001.",
    "entry with 10,000 'Tese (x) –' (thesis)": lambda n: "SILVA, A. Title. " + "Tese (x) – " * n + "Universidade, "
    "São Paulo, 2001.",
    "entry with 10,000 gazettes (legislation)": lambda n: "BRASIL. Lei. " + "Diário Oficial da União, Brasília, " * n
    + "2001.",
    "entry with 10,000 '(Ed.),' (chapter host)": lambda n: "Silva, A. (2001). Title. In " + "A. B. (Ed.), " * n
    + "*Book*. Place: Pub.",
    "entry with 10,000 '. Trad' (edition notes)": lambda n: "SILVA, A. Title" + ". Trad" * n + ". Place: Pub, 2001.",
    "entry with 10,000 'Title. Journal,' (APA)": lambda n: "Silva, A. (2001). " + "Title. Journal, " * n
    + "12(3), 1-2.",
    "entry with 10,000 '. 2001' (title, year)": lambda n: "SILVA, A. Title" + ". 2001" * n + ".",
}


def best_ms(fn: Callable[[], object], repeats: int) -> float:
    """Best of ``repeats`` runs, in ms (the best is the least disturbed by other load)."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return min(samples)


def corpus_text(name: str, times: int) -> str:
    """A corpus article with its body repeated ``times`` times (front matter and references once)."""
    text = (CORPUS / name / "article.txt").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    heads = [i for i, line in enumerate(lines) if line.strip().upper() in {"REFERÊNCIAS", "REFERENCES", "REFERENCIAS"}]
    if not heads:
        return text
    cut = heads[-1]
    # The body's paragraphs again before the list: the same citations, many more times.
    body = "".join(line for line in lines[len(lines) // 4 : cut] if not line.lstrip().startswith(("#", "[")))
    return "".join(lines[:cut]) + body * (times - 1) + "".join(lines[cut:])


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    parse_entry("Warm, A. Up. Place: Pub, 2001.", "r", 1)  # loads the title-language model once
    n = 10_000 // 16
    print(f"{'input (at 16x)':<42} {'1x ms':>8} {'4x ms':>8} {'16x ms':>9} {'x4':>6} {'x16':>6}")
    rows: list[tuple[str, Callable[[int], Callable[[], object]]]] = []
    rows += [
        (k, lambda m, mk=mk: lambda: find_groups(mk(m), bare="all", listed=LISTED)) for k, mk in CITATION_CASES.items()
    ]
    rows += [
        (k, lambda m, mk=mk: lambda: find_groups(mk(m), listed=LISTED, clues=CLUES)) for k, mk in CLUE_CASES.items()
    ]
    rows += [(k, lambda m, mk=mk: lambda: parse_entry(mk(m), "r", 1)) for k, mk in REFERENCE_CASES.items()]
    for label, make in rows:
        times = [best_ms(make(n * k), repeats) for k in (1, 4, 16)]
        print(f"{label:<42} {times[0]:>8.1f} {times[1]:>8.1f} {times[2]:>9.1f} {times[1] / times[0]:>6.1f} "
              f"{times[2] / times[0]:>6.1f}")
    for name in ("paz-mixed-flocks", "bak-p59099", "bak-p58270"):
        if not (CORPUS / name).exists():
            continue

        def pipeline(k: int, name: str = name) -> Callable[[], object]:
            text = corpus_text(name, k)
            return lambda: reconcile(citations_table(a := parse_article(text, name)), article_references(a))

        times = [best_ms(pipeline(k), repeats) for k in (1, 4, 16)]
        label = f"{name} body x1/x4/x16 (parse+reconcile)"
        print(f"{label:<42} {times[0]:>8.1f} {times[1]:>8.1f} {times[2]:>9.1f} {times[1] / times[0]:>6.1f} "
              f"{times[2] / times[0]:>6.1f}")


if __name__ == "__main__":
    main()
