"""A table's or figure's source line that names one name the reference list does not print.

"Fonte: (Curitiba, 2021)", "(Fonte: Curitiba, 2021)": NBR 14724 and APA 7.14 give a table's source after
"Fonte:" / "Source:"; the name there may be the place or body whose data the table shows (a city, a
ministry) or a work missing from the list, and the text does not say which. When the list prints the
name it is a citation ("Fonte: (IBGE, 2010)"); otherwise :func:`histkit.extract.citations.find_groups`
reports it with :data:`REASON_SOURCE` instead of counting a citation.
"""

from __future__ import annotations

import re

from histkit.extract.citation_forms import _strip_etal
from histkit.extract.citation_groups import Work
from histkit.extract.citation_names import names_listed

REASON_SOURCE = (
    "a source line ('Fonte:', 'Source:') naming one name the reference list does not print: the place or body "
    "whose data the table or figure shows, or a work missing from the list; read the passage"
)

# A table's or figure's source line: "Fonte:", "Fontes:", "Source:", "Fuente:" (NBR 14724, APA 7.14).
_SOURCE_LABEL = re.compile(r"(?i:fontes?|sources?|fuentes?) ?: ?\(?$|\((?i:fontes?|sources?|fuentes?) ?:$")


def unlisted_source(text: str, at: int, works: list[Work], listed: frozenset[str]) -> bool:
    """One work by one name the list does not print, at ``at`` right after a source label ("Fonte: (", "(Fonte: ")."""
    if len(works) != 1 or len(works[0].authors) != 1 or _strip_etal(works[0].authors[0]) != works[0].authors[0]:
        return False
    before = text[max(0, at - 14) : at].rstrip()
    return _SOURCE_LABEL.search(before) is not None and not names_listed(works[0].authors, listed)
