"""The quote cells of a notebook's HTML tables, turned into links to the article page.

A table shown in a notebook is pandas' HTML: a header row of column names, then one row per record.
Each cell of a quote column (``quote``, ``born_quote``, ...) gets an id (so the article can link back to
it) and its content wrapped in a link to the span's anchor in the article page. The cell's content is
moved, not re-rendered, so pandas' escaping of the text is kept as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from histkit.publish.quotes import EMPTY, QuoteIndex, anchor_id, is_quote_column


@dataclass(frozen=True)
class QuoteRef:
    """One place where a page quotes a span of the article."""

    span: tuple[int, int]
    page: str
    target: str
    label: str


@dataclass(frozen=True)
class Linked:
    """An HTML output with its quote cells linked, the places it quotes, and the quotes it could not place."""

    html: str
    refs: tuple[QuoteRef, ...]
    misses: tuple[str, ...]


def _names(table: Tag) -> list[str]:
    head = table.find("thead")
    first = (head or table).find("tr")
    names: list[str] = []
    for cell in first.find_all(["th", "td"], recursive=False) if first else []:
        # a reader's table (histkit.present.display) keeps each column's name in data-column
        names += [cell.get("data-column") or cell.get_text(" ", strip=True)] * int(cell.get("colspan", 1))
    return names


def _rows(table: Tag) -> list[Tag]:
    body = table.find("tbody")
    if body is not None:
        return body.find_all("tr", recursive=False)
    return table.find_all("tr")[1:]


def _number(text: str | None) -> int | None:
    return int(text) if text is not None and text.strip().isdigit() else None


def link_quotes(
    html: str, index: QuoteIndex, page: str, where: str, label: str, article: str = "article.html"
) -> Linked:
    """Link every quote cell of the tables in ``html`` to its span in ``article``.

    Parameters
    ----------
    html : str
        A ``text/html`` output.
    index : QuoteIndex
        The spans the workbook's tables quote, and the article text.
    page : str
        The file name of the page the output is shown in (for the links back).
    where : str
        A prefix that makes the cells' ids unique in the page (e.g. ``c4-o0``).
    label : str
        How a link back names the place (e.g. ``00-overview, cell 4``).
    article : str
        The article page's file name, relative to ``page``.

    """
    soup = BeautifulSoup(html, "html.parser")
    refs: list[QuoteRef] = []
    misses: list[str] = []
    for t, table in enumerate(soup.find_all("table")):
        names = _names(table)
        quote_columns = [i for i, name in enumerate(names) if is_quote_column(name)]
        if not quote_columns:
            continue
        lower = [name.lower() for name in names]
        for r, row in enumerate(_rows(table)):
            cells = row.find_all(["th", "td"], recursive=False)
            if len(cells) != len(names):
                misses.append(f"{label}: table {t + 1}, row {r + 1} does not line up with its header")
                continue
            values = {name: cell.get_text() for name, cell in zip(lower, cells, strict=True)}
            # a reader's table keeps the row's span of the article in data-start / data-end
            for key in ("start", "end"):
                if key not in values and row.get(f"data-{key}"):
                    values[key] = row[f"data-{key}"]
            line = _number(values.get("line"))
            for c in quote_columns:
                cell, shown = cells[c], cells[c].get_text()
                if shown.strip() in EMPTY:
                    continue
                own = lower[c] == "quote"
                span = None
                # pandas prints a line break inside a cell as the two characters backslash and n
                for text in dict.fromkeys((shown, shown.replace("\\n", "\n"))):
                    span = span or index.locate(
                        text, line, _number(values.get("start")) if own else None,
                        _number(values.get("end")) if own else None, values if own else None,
                    )
                if span is None:
                    misses.append(f"{label}: table {t + 1}, row {r + 1}, {names[c]} {shown[:40]!r} not found")
                    cell["class"] = [*cell.get("class", []), "quote-unplaced"]
                    continue
                target = f"{where}-t{t}-r{r}-{lower[c]}"
                cell["id"] = target
                link = soup.new_tag("a", href=f"{article}#{anchor_id(*span)}", attrs={"class": "quote-link"})
                for child in list(cell.contents):
                    link.append(child.extract())
                cell.append(link)
                refs.append(QuoteRef(span, page, target, label))
    if not refs and not misses:
        return Linked(html, (), ())
    return Linked(str(soup), tuple(refs), tuple(misses))
