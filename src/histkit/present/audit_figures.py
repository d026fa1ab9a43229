"""The citation audit drawn: citations per section, and the age of the sources."""

from __future__ import annotations

import re
import textwrap

import pandas as pd
from matplotlib.figure import Figure

from histkit.analyse.audit import Audit
from histkit.analyse.reconcile import ARCHIVAL_KINDS
from histkit.extract.name_particles import PARTICLE_WORDS
from histkit.present.section_names import numbers_headings
from histkit.text.ingest import Article

# --- figures -----------------------------------------------------------------------------------


def citations_figure(audit: Audit, article: Article) -> Figure:
    """Bar chart: cited works per section, split into published and archival sources."""
    from histkit.present.style import PALETTE, new_figure

    kinds = {r.ref_id: ("archival" if r.kind in ARCHIVAL_KINDS else "published") for r in audit.refs}
    c = audit.citations.assign(source_class=audit.citations["ref_id"].map(kinds).fillna("unmatched"))
    sections = [s for s in article.sections if s.number is not None]
    numbered = numbers_headings(article)
    labels = []
    for s in sections:
        stage = c.loc[c["section"] == s.number, "stage"].dropna()
        extra = f"\nstage {int(stage.iloc[0])}" if len(stage) else ""
        # a title printed in capitals is set in title case; one printed in small letters stays as printed
        # ("Resultados e discussão", never "Resultados E Discussão"); the number is the one the heading prints
        title = (s.title.title() if s.title.isupper() else s.title) or "(no heading)"
        number = s.label if numbered else str(s.number)
        labels.append(f"{number} {title}{extra}" if number else f"{title}{extra}")
    # Up to six sections stand side by side with their titles, each wrapped to its bar's width so that
    # neighbours do not overlap; more are bars across, one per line.
    across = len(sections) > 6
    if not across:
        width = max(10, 100 // max(1, len(sections)))
        labels = ["\n".join(textwrap.fill(part, width) for part in label.split("\n")) for label in labels]
    fig = new_figure(7.5, max(2.2, 0.9 + 0.32 * len(sections))) if across else new_figure(7.5, 4.0)
    ax = fig.add_subplot()
    bottom = [0] * len(sections)
    for colour, cls in zip(PALETTE, ("published", "archival", "unmatched"), strict=False):
        counts = [int(((c["section"] == s.number) & (c["source_class"] == cls)).sum()) for s in sections]
        if not any(counts):
            continue
        if across:
            ax.barh(range(len(sections)), counts, left=bottom, color=colour, label=cls)
        else:
            ax.bar(range(len(sections)), counts, bottom=bottom, color=colour, label=cls)
        bottom = [b + n for b, n in zip(bottom, counts, strict=True)]
    if across:
        ax.set_yticks(range(len(sections)), [t if len(t) <= 44 else t[:43] + "…" for t in labels], fontsize=8)
        ax.invert_yaxis()  # the first section on top, as in the text
        ax.set_xlabel("cited works")
    else:
        ax.set_xticks(range(len(sections)), labels, fontsize=8)
        ax.set_ylabel("cited works")
    ax.set_title("In-text citations per section")
    ax.legend(frameon=False)
    return fig


def short_name(key: str, printed: str = "", person: bool | None = None) -> str:
    """The first author as a label: "CARR; HALLIDAY" -> "Carr", "NBS – National Bureau ..." -> "NBS".

    A name the citation prints in ordinary case is written as printed ("Koo (2023)" -> "Koo", not an
    acronym "KOO"); else names printed in capitals are set in title case, except acronyms ("NBS",
    "SNBP") and particles. Where the list says whether the author is a ``person`` (given names or
    initials printed), a person's name is never an acronym ("GIL, A. C." -> "Gil", "ROY, M. N." -> "Roy")
    and a body's one word of five letters or fewer always is ("IBGE", "CIFRA"; "ARGENTINA" -> "Argentina").
    A corporate name is cut at its dash or after three words.
    """
    words = re.split(r" +[-–—] +", key.split(";")[0].strip())[0].split()
    as_printed = {w.casefold(): w for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", printed) if not w.isupper()}

    def case(word: str) -> str:
        if person and word.isupper() and word.lower() not in PARTICLE_WORDS:
            return word.title()
        if person is False and len(words) == 1 and len(word) <= 5:
            return word  # a body's short name in capitals is its acronym: "IBGE", "CIFRA"; not "ARGENTINA"
        return _word_case(word)

    label = " ".join(as_printed.get(w.casefold()) or case(w) for w in words[:3]) + ("…" if len(words) > 3 else "")
    return label[:1].upper() + label[1:]


def _word_case(word: str) -> str:
    """Title case for a word printed in capitals; an acronym (three letters, or no vowel) and a particle kept."""
    if not word.isupper():
        return word
    if word.lower() in PARTICLE_WORDS:
        return word.lower()
    if len(word.strip("…")) <= 3 or not re.search(r"[AEIOUÁÉÍÓÚÂÊÔÃÕÀ]", word):
        return word
    return word.title()


def ages_figure(ages: pd.DataFrame) -> Figure | None:
    """Scatter: year of the events a passage tells (x) against the cited source's year (y).

    None when no cited source has both a year and a dated citing passage: no figure without data.
    """
    from matplotlib.ticker import MaxNLocator

    from histkit.present.labels import place_labels
    from histkit.present.style import PALETTE, new_figure

    dated = ages.dropna(subset=["event_last", "published"])
    if dated.empty:
        return None
    fig = new_figure(7.5, 4.5)
    ax = fig.add_subplot()
    for colour, cls in zip((PALETTE[0], PALETTE[5]), ("published", "archival"), strict=True):
        part = dated[dated["source_class"] == cls]
        if part.empty:
            continue  # no legend entry for a class the article does not cite
        ax.scatter(part["event_last"].astype(int), part["published"].astype(int), color=colour, label=cls, s=28)
    low = int(dated["event_last"].min()) - 2
    high = int(dated["event_last"].max()) + 2
    ax.plot([low, high], [low, high], color=PALETTE[7], linewidth=0.8, linestyle="--", label="written at the time")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    # Whole years in steps of 1, 2, 5 or 10: "2012.5" is no year (ciedu-saresp), and "1935" no round one.
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    ax.set_xlabel("latest year named in the citing passage")
    ax.set_ylabel("year of the cited source")
    ax.set_title("Age of the sources against the events they document")
    ax.legend(frameon=False, loc="best")  # "best" avoids the points; it is deterministic
    # One label per place: sources on the same point share it ("Carr, Stern", "Koo, Xu +2").
    labelled = dated.drop_duplicates(["key", "event_last", "published"]).sort_values(["event_last", "published", "key"])
    by_point: dict[tuple[int, int], list[str]] = {}
    for r in labelled.itertuples(index=False):
        name = short_name(r.key, r.quote, r.person) if r.source_class != "archival" else r.key.split(";")[0]
        names_here = by_point.setdefault((int(r.event_last), int(r.published)), [])
        if name not in names_here:
            names_here.append(name)
    points = list(by_point)
    names = [", ".join(n[:2]) + (f" +{len(n) - 2}" if len(n) > 2 else "") for n in by_point.values()]
    left_off = place_labels(ax, points, names)
    if left_off:
        # Room below the axes for a line that names them, then the labels placed again in the new layout.
        for text in list(ax.texts):
            text.remove()
        fig.get_layout_engine().set(rect=(0, 0.06, 1, 0.94))
        left_off = place_labels(ax, points, names)
    if left_off:  # in the new layout every label may have found its place
        fig.text(0.01, 0.01, f"Not labelled where points crowd: {'; '.join(left_off)} (see the table above).",
                 fontsize=7, ha="left", va="bottom", wrap=True)
    return fig
