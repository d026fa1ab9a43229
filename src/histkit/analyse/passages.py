"""The passages that cite a reference, in context: what the citation explorer shows."""

from __future__ import annotations

import pandas as pd

from histkit.analyse.audit import Audit, most_cited
from histkit.analyse.sentences import sentence_span
from histkit.core.errors import ParameterError
from histkit.text.ingest import Article

# --- explorer ----------------------------------------------------------------------------------


def citing_passages(audit: Audit, article: Article, ref_id: str, context: int = 160) -> pd.DataFrame:
    """Every passage that cites one reference: the whole sentence around each citation.

    The sentence is taken from the verbatim piece that holds the citation, so it never runs into a
    footnote or another paragraph, and it is never cut; ``quote`` is the citation group itself
    (provenance columns). When a sentence is longer than ``context`` characters either side of the
    citation it is still shown whole: a reader needs the claim the citation supports.

    Parameters
    ----------
    audit : Audit
        From :func:`run_audit`.
    article : Article
        The ingested article.
    ref_id : str
        The reference, e.g. ``"ref03"``.
    context : int
        Kept for callers that set it; the sentence is shown whole whatever its length.

    """
    if ref_id not in set(audit.references["ref_id"]):
        raise ParameterError(
            f"parameter 'ref_id' must be one of the reference ids ref01..ref{len(audit.references):02d}; got {ref_id!r}"
        )
    pieces = {e.element_id: e.pieces for e in article.elements}
    rows = []
    for c in audit.citations[audit.citations["ref_id"] == ref_id].itertuples(index=False):
        gs, ge = int(c.group_start), int(c.group_end)
        own = pieces[c.element_id]
        # The piece that holds the group; a group that spans a repaired join (a page break inside a
        # long text) takes its context from the piece where it starts to the one where it ends.
        a = next((a for a, b in own if a <= gs < b), gs)
        b = next((b for a, b in own if a < ge <= b), ge)
        lo, hi = sentence_span(article.text, a, b, gs, ge)
        before = " ".join(article.text[lo:gs].split())
        after = " ".join(article.text[ge:hi].split())
        rows.append(
            {
                "citation_id": c.citation_id,
                "element_id": c.element_id,
                "section": c.section,
                "line": c.line,
                "before": before,
                "citation": c.group_quote,
                "after": after,
                # whether the article has a space between the citation and the words around it
                # ("... (BARTRA, 1986, p. 321)." has none before the period)
                "before_gap": gs > lo and article.text[gs - 1].isspace(),
                "after_gap": hi > ge and article.text[ge].isspace(),
                "match": c.match,
                "seed": c.seed,
                "start": gs,
                "end": ge,
                "quote": c.group_quote,
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "citation_id",
            "element_id",
            "section",
            "line",
            "before",
            "citation",
            "after",
            "before_gap",
            "after_gap",
            "match",
            "seed",
            "start",
            "end",
            "quote",
        ],
    )
    frame["section"] = frame["section"].astype("Int64")
    return frame


def most_cited_ref(audit: Audit) -> str:
    """The ``ref_id`` of the most cited reference (ties, or nothing cited: the first in the list)."""
    top = most_cited(audit.citations, audit.refs, top=1)
    if len(top):
        return str(top["ref_id"].iloc[0])
    return audit.refs[0].ref_id if audit.refs else ""


EXPLORER_COLUMNS = ["citation_id", "section", "line", "before", "citation", "after"]


def explorer_default_view(audit: Audit, article: Article, context: int = 160) -> pd.DataFrame:
    """The explorer's first view as a table, for a saved notebook read without a kernel.

    The passages that cite the most cited reference (see :func:`citing_passages`), with the
    columns :data:`EXPLORER_COLUMNS`.
    """
    return citing_passages(audit, article, most_cited_ref(audit), context)[EXPLORER_COLUMNS]
