"""The checks of an article's statements in words, for readers (table ``claims``).

Three views of one ``claims`` table (curated and automatic rows alike, as
:func:`histkit.analyse.verdicts.all_claims` returns it):

- :func:`claim_sentences`: one plain sentence per statement, its readings together ("The article
  says “an increase of 225%”; its own figures give 122% (as an increase) or 222% (as a ratio):
  that does not hold.");
- :func:`claims_summary`: one line per article ("18 checks, 2 inconsistent");
- :func:`claims_reader_table`: the table with no machine words: dates in words, "is no later
  than" for ``<=``, each row saying which reading it tests and who checked it.
"""

from __future__ import annotations

import re

import pandas as pd

from histkit.present.display import codes_in_words

_VERDICT_WORDS = {
    "consistent": "it holds",
    "inconsistent": "that does not hold",
    "unverifiable": "the article alone cannot settle it",
}
_KIND_WORDS = {
    "share": "a share of a total",
    "sum": "a total and its parts",
    "percent_change": "a percent change",
    "points_change": "a change in percentage points",
    "direction": "a rise or fall",
    "ratio": "a multiple",
    "duration": "a length of time",
    "age": "an age",
    "order": "the order of dated events",
    "other": "a list given 'respectively'",
    "chronology": "a date or length of time",
    "arithmetic": "a calculation",
    "conversion": "a conversion between currencies",
    "product": "a total and the factors it multiplies",
    "range": "a range and the values it spans",
    "average": "an average and its values",
    "comparison": "a figure said to be higher or lower than others",
    "table_cell": "a figure of a table restated",
}
_ISO_DAY = re.compile(r"\b(\d{4}-\d\d-\d\d)\b")


def reading(row: pd.Series) -> str:
    """Which reading of its statement a row tests ("as an increase", "as a ratio"), or ``""``."""
    text = f"{row.get('claim_id', '')} {row.get('formula', '')} {row.get('explanation', '')}".lower()
    if "as a ratio" in text or "expressed as a percentage" in text:
        return "as a ratio"
    if "as an increase" in text or "read as an increase" in text:
        return "as an increase"
    if "as a fall" in text:
        return "as a fall"
    return ""


def _rounded(computed: str, stated: str) -> str:
    """A computed percentage at the stated precision ("122.31%" beside "225%" reads "122%")."""
    match = re.fullmatch(r"(-?\d+(?:\.\d+)?)%", computed.strip())
    shown = re.fullmatch(r"-?\d+(?:\.(\d+))?%", stated.strip())
    if not match or not shown:
        return computed
    decimals = len(shown.group(1) or "")
    digits = match.group(1).partition(".")[2]
    if len(digits) > decimals and digits[decimals:].rstrip("0") == "5":
        # "3.95%" is itself rounded (from 3.947%): rounding it again would say 4.0% beside a stated
        # 3.9% that holds. A tie keeps the precision it has.
        return computed
    return f"{float(match.group(1)):.{decimals}f}%"


# "'1926' (1926)": a quoted phrase and, in brackets, how it was read (negated classes: linear time).
_PHRASE_AND_READING = re.compile(r"'([^'()]+)' \(([^()]+)\)")


def in_words(text: str) -> str:
    """Machine notation in a stated or computed value written out: dates, ``<=``, ``..``, units."""
    text = str(text)
    text = no_later_than(text)
    text = re.sub(r"(\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)",
                  lambda m: m.group(1) if m.group(1) == m.group(2) else f"between {m.group(1)} and {m.group(2)}", text)
    text = _ISO_DAY.sub(lambda m: codes_in_words(m.group(1)), text)
    text = codes_in_words(text)
    text = text.replace("RUB/USD", "roubles to the dollar").replace(" points;", " percentage points;")
    text = re.sub(r"([+-]?\d+(?:\.\d+)?)% relative", r"\1% of the starting level", text)
    return said_once(text)


def no_later_than(text: str) -> str:
    """``a <= b`` in words: "30 September 1919, no later than 1 November 1919"."""
    return re.sub(r"\s*<=\s*", ", no later than ", text)


def said_once(text: str) -> str:
    """A quoted phrase followed by its own reading is said once: "'1926' (1926)" -> "1926"."""
    return _PHRASE_AND_READING.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else m.group(0), text)


def with_parts(row: pd.Series, computed: str) -> str:
    """A total's sum with its parts, as the article prints them: "55 + 378 = 433", not a bare "433".

    The parts are those of the formula "55 + 378 against the total 433"; any other formula leaves ``computed``.
    """
    parts, found, _ = str(row.get("formula", "")).strip().rpartition(" against the total ")
    return f"{parts} = {computed}" if found and " + " in parts and row.get("kind") == "sum" else computed


def claim_sentence(row: pd.Series, readings: list[tuple[str, str]] | None = None) -> str:
    """One check (or the readings of one statement) as a sentence a reader can follow."""
    quote = " ".join(str(row["quote"]).split())
    stated = in_words(row["stated"])
    if readings:
        computed = " or ".join(f"{_rounded(c, str(row['stated']))} ({r})" for c, r in readings)
    else:
        computed = with_parts(row, in_words(_rounded(str(row["computed"]), str(row["stated"]))))
    verdict = _VERDICT_WORDS[str(row["status"])]
    said = f"“{quote}”" if stated.strip() in quote else f"“{quote}” ({stated})"
    if computed.startswith("needs "):
        # What is missing is an outside value, not a figure the article gives.
        return f"The article says {said}; {verdict}: the check {computed}."
    return f"The article says {said}; its own figures give {computed}: {verdict}."


def claim_sentences(claims: pd.DataFrame) -> list[str]:
    """One sentence per statement, in text order; the readings of one statement in one sentence.

    A statement read two ways is one sentence whose verdict is the better one: it holds if either
    reading holds.
    """
    sentences = []
    for _, group in claims.sort_values(["start", "end"], kind="stable").groupby(["start", "end"], sort=False):
        first = group.iloc[0]
        if len(group) > 1 and all(reading(r) for _, r in group.iterrows()):
            pairs = [(str(r["computed"]), reading(r)) for _, r in group.iterrows()]
            best = first.copy()
            best["status"] = "consistent" if (group["status"] == "consistent").any() else first["status"]
            sentences.append(claim_sentence(best, pairs))
        else:
            sentences.extend(claim_sentence(r) for _, r in group.iterrows())
    return sentences


def claims_summary(claims: pd.DataFrame, name: str = "") -> str:
    """One line: how many checks, how many inconsistent (and unverifiable, if any)."""
    total = len(claims)
    bad = int((claims["status"] == "inconsistent").sum()) if total else 0
    unsure = int((claims["status"] == "unverifiable").sum()) if total else 0
    line = f"{total} check{'s' if total != 1 else ''}, {bad} inconsistent"
    if unsure:
        line += f", {unsure} that the article alone cannot settle"
    return f"{name}: {line}" if name else line


def claims_reader_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims table in words, one row per check, for :func:`histkit.present.display.reader_table`.

    Columns: ``start``/``end`` (kept for links to the text, never shown), ``line`` when present,
    ``quote`` (headed "The article says": the static site links it to the article), "What is checked",
    "Reading", "Stated", "Its own figures give", "Verdict", "Why", "Checked".
    """
    rows = []
    for _, row in claims.iterrows():
        rows.append({
            "start": row["start"],
            "end": row["end"],
            **({"line": row["line"]} if "line" in claims.columns else {}),
            "quote": " ".join(str(row["quote"]).split()),
            "What is checked": _KIND_WORDS.get(str(row["kind"]), str(row["kind"]).replace("_", " ")),
            "Reading": reading(row),
            "Stated": in_words(row["stated"]),
            "Its own figures give": with_parts(row, in_words(row["computed"])),
            "Verdict": str(row["status"]),
            "Why": in_words(row.get("reason") or row.get("explanation", "")),
            "Checked": "automatically" if row.get("checker") == "automatic" else "by hand (curated)",
        })
    frame = pd.DataFrame(rows)
    frame.attrs["headings"] = {"quote": "The article says"}  # reader_table heads the column so
    return frame
