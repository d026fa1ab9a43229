import json
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

import histkit as hk
from histkit.extract.references import article_references, parse_references
from histkit.present.bibliography import (
    bibtex,
    citation_keys,
    csl_json,
    display_family,
    render_bibliography,
    tex_escape,
    to_bibtex_entries,
    to_csl,
    write_exports,
)
from histkit.present.csl_styles import ABNT_ARCHIVES

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "csl-data.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def refs():
    return article_references(hk.load_seed("spenser-bolsheviks-mexico"))


@pytest.mark.parametrize(
    ("printed", "usual"),
    [
        ("KHEIFETS", "Kheifets"),
        ("MCDERMOTT", "McDermott"),
        ("GÓMEZ", "Gómez"),
        ("Bartra", "Bartra"),
        ("DE LA CRUZ", "De La Cruz"),
    ],
)
def test_display_family(printed, usual):
    assert display_family(printed) == usual


def test_keys_unique_and_readable(refs):
    keys = citation_keys(refs)
    assert len(set(keys.values())) == len(refs)
    assert keys["ref05"] == "carr1976" and keys["ref06"] == "carr1992"
    assert keys["ref12"] == "gomez1964" and keys["ref01"] == "ahsre1919"


def test_same_key_gets_letters():
    two = parse_references(["SMITH, J. One. London: A, 1990.", "_____. Two. London: A, 1990."])
    assert list(citation_keys(two).values()) == ["smith1990a", "smith1990b"]


def test_csl_json_validates_against_schema(refs):
    items = json.loads(csl_json(refs))
    errors = list(jsonschema.Draft7Validator(SCHEMA).iter_errors(items))
    assert errors == []
    assert len(items) == 25


def test_schema_would_catch_a_bad_item():
    errors = list(jsonschema.Draft7Validator(SCHEMA).iter_errors([{"id": "x", "type": "memoir"}]))
    assert errors


def test_csl_items(refs):
    items = {i["id"]: i for i in to_csl(refs)}
    assert items["kheifets1994"]["type"] == "article-journal"
    assert items["kheifets1994"]["issued"] == {"date-parts": [[1994], [1995]]}
    assert items["kheifets1994"]["page"] == "340-367"
    assert items["weiner1997"]["type"] == "chapter"
    # "In: MCDERMOTT, K.; AGNEW, J. **The Comintern**": the list does not call them editors
    assert [e["family"] for e in items["weiner1997"]["container-author"]] == ["McDermott", "Agnew"]
    assert "editor" not in items["weiner1997"]
    assert items["bartra1986"]["editor"] == [{"family": "Bartra", "given": "A."}]
    assert "author" not in items["bartra1986"]
    assert items["phillips1920"]["type"] == "manuscript"
    assert items["phillips1920"]["archive"] == "RGASPI"
    assert items["phillips1920"]["archive_location"] == "fond 495, reg. 108, file 4"
    assert items["gaa1918"]["type"] == "manuscript"
    assert items["gaa1918"]["archive_location"] == "Fondo VIII-2, file 4"
    assert items["gaa1918"]["issued"] == {"date-parts": [[1918, 2, 14]]}


def test_csl_invents_no_genre(refs):
    """"ROY, M. N. Memoirs. Bombay: Allied, 1964." is a book; the article calls it no genre."""
    items = {i["id"]: i for i in to_csl(refs)}
    assert items["roy1964"]["type"] == "book"
    assert all("genre" not in item for item in items.values())


def test_journal_numbered_by_issue_only(refs):
    """"GÓMEZ, M. From Mexico to Moscow. **Survey 55**, London, ..., October 1964": a journal article.

    Survey numbered its issues only; given as the volume, a style does not call it a preprint.
    """
    item = {i["id"]: i for i in to_csl(refs)}["gomez1964"]
    assert (item["type"], item["container-title"], item["volume"]) == ("article-journal", "Survey", "55")
    assert "issue" not in item
    assert item["issued"] == {"date-parts": [[1964, 10]]}
    [line] = [line for line in render_bibliography(refs) if "From Mexico to Moscow" in line]
    assert "Preprint" not in line
    assert line == "Gómez, M. (1964) “From Mexico to Moscow”, Survey, 55."


@pytest.mark.parametrize(
    ("key", "archive", "author"),
    [
        # "AHSRE - Acervo Histórico de la Secretaría de Relaciones Exteriores. Leopoldo Ortiz to ...",
        # cited in the text as "(AHSRE, 1919)"
        ("ahsre1919", "Acervo Histórico de la Secretaría de Relaciones Exteriores", [{"literal": "AHSRE"}]),
        # "GAA - Genaro Amezcua Archive. **Emiliano Zapata to General Genaro Amezcua**. Fondo VIII-2, file 4."
        ("gaa1918", "Genaro Amezcua Archive", [{"literal": "GAA"}]),
        # "PHILLIPS, C. **Partidos socialistas ...**. RGASPI, fond 495, ...": a personal author
        ("phillips1920", "RGASPI", [{"family": "Phillips", "given": "C."}]),
    ],
)
def test_csl_archival_author(refs, key, archive, author):
    """A document without a personal author stands under the acronym the article cites; the archive once."""
    item = {i["id"]: i for i in to_csl(refs)}[key]
    assert item["archive"] == archive
    assert item["author"] == author
    assert sum(archive in json.dumps(v, ensure_ascii=False) for v in item.values()) == 1


def _cite(refs, key):
    """The in-text citation of one entry, as citeproc-py renders it with the Harvard style."""
    import warnings

    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(
            CitationStylesStyle("harvard-cite-them-right", validate=False), CiteProcJSON(to_csl(refs)), formatter.plain
        )
        citation = Citation([CitationItem(key)])
        bibliography.register(citation)
        return str(bibliography.cite(citation, lambda item: None))


@pytest.mark.parametrize(
    ("key", "in_text", "as_printed"),
    [
        # cited in section 2: "... to finance the formation of communist parties (AHSRE, 1919)"
        ("ahsre1919", "(AHSRE, 1919)", "(AHSRE, 1919)"),
        # never cited in the text; listed as "GAA - Genaro Amezcua Archive. ..."
        ("gaa1918", "(GAA, 1918)", "GAA - Genaro Amezcua Archive."),
    ],
)
def test_archival_in_text_form_is_the_articles(refs, key, in_text, as_printed):
    """A CSL processor cites an archival document by the acronym the article uses, not the archive's name."""
    assert as_printed in hk.load_seed("spenser-bolsheviks-mexico").text
    assert _cite(refs, key) == in_text


def test_editors_only_as_editors(refs):
    """An edited book ("BARTRA, A. (ed.)") has editors and no author in the CSL-JSON."""
    items = {i["id"]: i for i in to_csl(refs)}
    for key in ("bartra1986", "clissold1970"):
        assert "author" not in items[key] and len(items[key]["editor"]) == 1


def test_csl_json_is_deterministic(refs):
    assert csl_json(refs) == csl_json(refs)
    assert csl_json(refs).endswith("\n")


def test_bibtex_round_trip(refs):
    library = bibtexparser.parse_string(bibtex(refs))
    assert library.failed_blocks == []
    parsed = [
        {"ENTRYTYPE": e.entry_type, "ID": e.key, **{f.key: f.value for f in e.fields}}
        for e in library.entries
    ]
    assert parsed == to_bibtex_entries(refs)


def test_bibtex_decodes_to_the_article(refs):
    """Parsed back and decoded from TeX, titles and dates are the reference list's own."""
    from bibtexparser.middlewares import LatexDecodingMiddleware

    library = bibtexparser.parse_string(bibtex(refs), append_middleware=[LatexDecodingMiddleware()])
    by_key = {e.key: {f.key: f.value for f in e.fields} for e in library.entries}
    keys = citation_keys(refs)
    for r in refs:
        assert by_key[keys[r.ref_id]]["title"] == r.title
    assert by_key["kheifets1994"]["date"] == "1994/1995"  # "1994/95" in the list
    assert by_key["gomez1964"]["date"] == "1964-10"  # "October 1964"


def test_bibtex_is_biblatex(refs):
    entries = {e["ID"]: e for e in to_bibtex_entries(refs)}
    fields = {k for e in entries.values() for k in e}
    assert not fields & {"year", "month", "language", "journal", "address", "note"}
    assert entries["kheifets1994"]["volume"] == "II"  # "II, n. 5/6": the numeral as printed
    assert entries["kheifets1994"]["number"] == "5/6"
    assert entries["kheifets1994"]["pages"] == "340--367"
    assert entries["carr1976"]["langid"] == "spanish"
    assert entries["pestkowski1961"]["langid"] == "polish"
    assert entries["carr1992"]["title"] == "{Marxism and Communism in Twentieth-Century Mexico}"
    assert entries["ahsre1919"]["author"] == "{AHSRE}" and entries["ahsre1919"]["sortkey"] == "AHSRE"
    assert entries["ahsre1919"]["howpublished"] == "Acervo Histórico de la Secretaría de Relaciones Exteriores"
    # the archive and the call number each in a field of its own, not run together
    assert entries["gaa1918"]["howpublished"] == "Genaro Amezcua Archive"
    assert entries["gaa1918"]["addendum"] == "Fondo VIII-2, file 4"
    assert entries["weiner1997"]["bookauthor"] == "McDermott, K. and Agnew, J."
    assert "editor" not in entries["weiner1997"]


@pytest.mark.parametrize(
    ("text", "tex"),
    [
        ("Profits & Losses", r"Profits \& Losses"),
        ("50% of #1", r"50\% of \#1"),
        ("US$25,000 in snake_case", r"US\$25,000 in snake\_case"),
        ("{braces} ~ ^ \\", r"\{braces\} \textasciitilde{} \textasciicircum{} \textbackslash{}"),
    ],
)
def test_tex_escape(text, tex):
    assert tex_escape(text) == tex


def test_bibtex_escapes_specials_in_every_field():
    [ref] = parse_references(["SMITH, J. Profits & Losses: 50% of #1_a. London: A & B, 1990."])
    entry = to_bibtex_entries([ref])[0]
    assert entry["title"] == r"{Profits \& Losses: 50\% of \#1\_a}"
    assert entry["publisher"] == r"A \& B"


def test_bibtex_entry_types(refs):
    types = {e["ID"]: e["ENTRYTYPE"] for e in to_bibtex_entries(refs)}
    assert types["weiner1997"] == "inbook"  # a part of a book by the book's own authors
    assert types["gomez1964"] == "article"
    assert types["ahsre1919"] == types["gaa1918"] == "unpublished"
    assert types["phillips1920"] == "unpublished"
    assert types["carr1992"] == "book"
    # "BARTRA, A. (ed.). Regeneración 1900-1918." and "CLISSOLD, S. (ed.). ...": edited books
    assert types["bartra1986"] == types["clissold1970"] == "collection"


# biblatex's data model types ``volume`` as an integer (for sorting); the list prints "II", which
# biber passes on as printed in an ordinary run. This one note is expected, and nothing else.
VOLUME_AS_PRINTED = "WARN - Datamodel: Entry 'kheifets1994' (references.bib): Invalid value of field 'volume'"


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed (CI installs it: .ci/run)")
def test_biber_validates_without_warning(refs, tmp_path):
    """``biber --tool --validate-datamodel`` checks every entry against biblatex's data model."""
    (tmp_path / "references.bib").write_text(bibtex(refs), encoding="utf-8")
    done = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--nolog", "references.bib"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    warnings = [line for line in output.splitlines() if "WARN" in line or "ERROR" in line]
    assert [w for w in warnings if not w.startswith(VOLUME_AS_PRINTED) and "WARNINGS: 1" not in w] == [], output
    assert "Output to" in output  # biber did read and write the file


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed (CI installs it: .ci/run)")
def test_biber_keeps_what_the_list_prints(refs, tmp_path):
    """In an ordinary run biber passes on the volume as printed, the book's authors and the archive."""
    (tmp_path / "references.bib").write_text(bibtex(refs), encoding="utf-8")
    subprocess.run(["biber", "--tool", "--nolog", "references.bib"], cwd=tmp_path, capture_output=True, check=True)
    out = (tmp_path / "references_bibertool.bib").read_text(encoding="utf-8")
    assert "VOLUME = {II}" in out
    assert "BOOKAUTHOR = {McDermott, K. and Agnew, J.}" in out
    assert "HOWPUBLISHED = {Genaro Amezcua Archive}" in out and "ADDENDUM = {Fondo VIII-2, file 4}" in out


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed (apt-get install pandoc)")
def test_pandoc_reads_archival_items(refs, tmp_path):
    """Read by pandoc, a biblatex archival item is a manuscript with its archive and call number apart."""
    (tmp_path / "references.bib").write_text(bibtex(refs), encoding="utf-8")
    done = subprocess.run(["pandoc", "references.bib", "-f", "biblatex", "-t", "csljson"],
                          cwd=tmp_path, capture_output=True, text=True, check=True)  # fmt: skip
    items = {i["id"]: i for i in json.loads(done.stdout)}
    assert {items[k]["type"] for k in ("ahsre1919", "gaa1918", "phillips1920")} == {"manuscript"}
    assert items["gaa1918"]["publisher"] == "Genaro Amezcua Archive"
    assert items["gaa1918"]["note"] == "Fondo VIII-2, file 4"
    assert items["weiner1997"]["container-author"] == [
        {"family": "McDermott", "given": "K."}, {"family": "Agnew", "given": "J."}
    ]
    assert items["kheifets1994"]["volume"] == "II"


def test_rendered_bibliography(refs):
    lines = render_bibliography(refs)
    assert len(lines) == 25
    assert "Carr, B. (1992) Marxism and Communism in Twentieth-Century Mexico." in " ".join(lines)
    assert any(line.startswith("Kheifets, V. and Kheifets, L. (1994–1995)") for line in lines)


@pytest.mark.parametrize(
    ("start", "title"),
    [
        ("AHSRE (1919)", "Leopoldo Ortiz to the Foreign Relations Ministry"),
        ("GAA (1918)", "Emiliano Zapata to General Genaro Amezcua"),
    ],
)
def test_rendered_archival_entry(refs, start, title):
    """The acronym the article cites stands where the author goes; the title is printed once."""
    [line] = [line for line in render_bibliography(refs) if title in line]
    assert line.startswith(start)
    assert line.count(title) == 1


@pytest.mark.parametrize(
    ("style", "start"),
    [
        ("harvard-cite-them-right", "Bartra, A. (ed.) (1986)"),
        ("apa", "Bartra, A. (ed.). (1986)"),
        ("chicago-author-date", "Bartra, A., ed. 1986."),
        ("associacao-brasileira-de-normas-tecnicas", "BARTRA, A. (ORG.)."),
    ],
)
def test_rendered_editor_once(refs, style, start):
    """"BARTRA, A. (ed.). Regeneración 1900-1918.": the editor stands in for the author, once (CSL 1.0.2)."""
    [line] = [line for line in render_bibliography(refs, style) if "Regeneración" in line]
    assert line.startswith(start)
    assert line.count("Bartra") + line.count("BARTRA") == 1, line


def test_write_exports(refs, tmp_path):
    written = write_exports(refs, tmp_path)
    assert [p.name for p in written] == ["references.bib", "references.json"]
    assert repr(written) == "files written: references.bib, references.json"
    assert (tmp_path / "references.json").read_text(encoding="utf-8") == csl_json(refs)
    assert (tmp_path / "references.bib").read_text(encoding="utf-8") == bibtex(refs)


@pytest.mark.parametrize(
    ("volume", "issue", "fields"),
    [
        ("II", "5/6", {"volume": "II", "number": "5/6"}),  # KHEIFETS: "II, n. 5/6", as printed
        ("", "55", {"volume": "55"}),  # GÓMEZ: "Survey 55", a journal numbered by issue only
        ("Special", "2", {"number": "Special, 2"}),  # no integer: moved, not lost
        ("12", "", {"volume": "12"}),
    ],
)
def test_biblatex_volume_is_a_numeral_or_moved(volume, issue, fields):
    from histkit.extract.references import Name, Reference

    ref = Reference("r1", 1, kind="article", authors=(Name("SMITH", "J."),), title="T", container="J",
                    volume=volume, issue=issue, year="1990", year_first=1990)  # fmt: skip
    entry = to_bibtex_entries([ref])[0]
    assert {k: entry[k] for k in ("volume", "number") if k in entry} == fields


def test_rendered_bibliography_invents_no_preprint(article):
    # the list gives "GÓMEZ, M. From Mexico to Moscow. **Survey 55**, London, Great Britain, October 1964."
    from histkit.analyse.audit import run_audit

    assert "GÓMEZ, M. From Mexico to Moscow. **Survey 55**" in article.text
    lines = render_bibliography(run_audit(article).refs)
    gomez = next(line for line in lines if line.startswith("Gómez"))
    assert "From Mexico to Moscow" in gomez and "Survey" in gomez
    assert not any("Preprint" in line for line in lines)


# The article's own list, entry by entry: what a real CSL style must keep of it.
# ABNT as histkit ships it (present/styles/): the base style prints no call number (tests/present/test_csl_styles.py).
ABNT, APA, CHICAGO = ABNT_ARCHIVES, "apa", "chicago-author-date"


@pytest.fixture(scope="module")
def rendered(refs):
    return {style: render_bibliography(refs, style) for style in (ABNT, APA, CHICAGO)}


def _line(lines, title):
    [line] = [line for line in lines if title in line]
    return line


@pytest.mark.parametrize("style", [ABNT, APA, CHICAGO])
@pytest.mark.parametrize(
    ("title", "archive"),
    [
        # "AHSRE - Acervo Histórico de la Secretaría de Relaciones Exteriores. Leopoldo Ortiz to ..."
        ("Leopoldo Ortiz to the Foreign Relations", "Acervo Histórico de la Secretaría de Relaciones Exteriores"),
        # "GAA - Genaro Amezcua Archive. **Emiliano Zapata to General Genaro Amezcua**. Fondo VIII-2, file 4."
        ("Emiliano Zapata to General Genaro Amezcua", "Genaro Amezcua Archive"),
        # "PHILLIPS, C. **Partidos socialistas ...**. RGASPI, fond 495, reg. 108, file 4. Madrid, ..."
        ("Partidos socialistas", "RGASPI"),
    ],
)
def test_rendered_archive_name(rendered, style, title, archive):
    """Each archival item keeps its archive in ABNT, APA and Chicago."""
    assert archive in _line(rendered[style], title)


@pytest.mark.parametrize("style", [ABNT, APA, CHICAGO])
@pytest.mark.parametrize(
    ("title", "call_number"),
    [
        ("Emiliano Zapata to General Genaro Amezcua", "Fondo VIII-2, file 4"),
        ("Partidos socialistas", "495, reg. 108, file 4"),
    ],
)
def test_rendered_call_number(rendered, style, title, call_number):
    """ABNT (as histkit ships it), APA and Chicago print the call number (CSL ``archive_location``)."""
    assert call_number in _line(rendered[style], title)


def test_rendered_abnt_places_and_volume(refs, rendered):
    """In ABNT every book keeps the place the list prints, and volume "II" stays II."""
    for r in refs:
        if r.kind in ("book", "memoir", "chapter"):
            [line] = [line for line in rendered[ABNT] if f"{r.title}." in line and line.startswith(r.key.split(";")[0])]
            assert f"{r.place}: {r.publisher}" in line, r.title
    kheifets = _line(rendered[ABNT], "Michael Borodin")
    assert "v. II, n. 5/6" in kheifets


@pytest.mark.parametrize(("style", "expected"), [
    (ABNT, "In: MCDERMOTT, K.; AGNEW, J."),  # as the article prints it
    (APA, "In K. McDermott & J. Agnew, The Comintern"),
    (CHICAGO, "The Comintern: A History of International Communism from Lenin to Stalin, by K. McDermott and J. Agnew"),
])  # fmt: skip
def test_rendered_chapter_book_authors(rendered, style, expected):
    """"In: MCDERMOTT, K.; AGNEW, J. **The Comintern**": no style calls them organisers or editors.

    The base ABNT style labels a book's authors "(Eds.)"; the ABNT style histkit ships does not
    (``tests/present/test_csl_styles.py``).
    """
    line = _line(rendered[style], "Comintern in Asia")
    assert expected in line
    assert "orgs." not in line.lower() and "edited by" not in line.lower() and "(eds.)" not in line.lower()


# An original and its translation in one entry (issue 19): the edition cited keeps its year, the original
# goes to CSL's ``original-date`` and biblatex's ``origdate``. A fixture in the form NBR 6023 gives, and two
# corpus forms (bak-p59099: "[1963] ... 2008"; bak-p59099: "2011/1979").
ORIGINAL_AND_TRANSLATION = [
    "FOUCAULT, M. *Surveiller et punir*. Paris: Gallimard, 1975 (Trad. bras. Petrópolis: Vozes, 1987).",
    "BAKHTIN, M. M. *Problemas da poética de Dostoiévski* [1963]. Tradução do russo, notas e prefácio de Paulo "
    "Bezerra. 4. ed. Rio de Janeiro: Forense Universitária, 2008.",
    "BAKHTIN, M. M. *Estética da criação verbal*. Tradução de Paulo Bezerra. 4. ed. São Paulo: Martins Fontes, "
    "2011/1979.",
]


def test_original_and_translation_both_exported():
    refs = parse_references(ORIGINAL_AND_TRANSLATION)
    assert [(r.year, r.original_year) for r in refs] == [("1987", "1975"), ("2008", "1963"), ("2011", "1979")]
    csl = to_csl(refs)
    assert [c["issued"] for c in csl] == [{"date-parts": [[1987]]}, {"date-parts": [[2008]]}, {"date-parts": [[2011]]}]
    assert [c["original-date"] for c in csl] == [{"date-parts": [[y]]} for y in (1975, 1963, 1979)]
    jsonschema.validate(csl, SCHEMA)
    entries = to_bibtex_entries(refs)
    assert [(e["date"], e["origdate"]) for e in entries] == [("1987", "1975"), ("2008", "1963"), ("2011", "1979")]


def test_an_entry_without_an_original_has_no_original_date(refs):
    # The seed's list prints no original beside an edition: no item gets the field.
    assert not any("original-date" in item for item in to_csl(refs))
    assert not any("origdate" in e for e in to_bibtex_entries(refs))


# Entries read from their words (ensaio-deficiencia, rdbci-bibliotecas): a thesis and a journal article
# without bold. Their parts reach CSL and biblatex, and ABNT prints the place they give.
WORDED = [
    "ALVARENGA, B. T. Inclusão na Universidade: concepções e ações na organização do ensino. Dissertação "
    "(Mestrado em Educação) – Universidade Federal do Rio Grande, Rio Grande, 2016.",
    "ANACHE, A.; ROVETTO, S.; OLIVEIRA, R. Desafios da implantação do atendimento educacional especializado no "
    "Ensino Superior. Revista Educação Especial, Santa Maria, v. 27, n. 49, p. 299-312, maio/ago. 2014.",
    "BRASIL. Decreto nº 5.773, de 9 de maio de 2006. Dispõe sobre o exercício das funções de regulação. Diário "
    "Oficial da União, Brasília, DF, 10 maio 2006.",
]


def test_thesis_and_plain_article_exported():
    refs = parse_references(WORDED)
    csl = to_csl(refs)
    jsonschema.validate(csl, SCHEMA)
    thesis, article, law = csl
    assert (law["type"], law["container-title"], law["publisher-place"]) == (
        "legislation", "Diário Oficial da União", "Brasília, DF"
    )
    assert (thesis["type"], thesis["genre"], thesis["publisher"], thesis["publisher-place"]) == (
        "thesis", "Dissertação (Mestrado em Educação)", "Universidade Federal do Rio Grande", "Rio Grande"
    )
    assert (article["type"], article["container-title"], article["volume"], article["issue"], article["page"]) == (
        "article-journal", "Revista Educação Especial", "27", "49", "299-312"
    )
    thesis_bib, article_bib, law_bib = to_bibtex_entries(refs)
    assert law_bib["ENTRYTYPE"] == "misc" and law_bib["howpublished"] == "Diário Oficial da União"
    assert thesis_bib["ENTRYTYPE"] == "thesis" and "publisher" not in thesis_bib
    assert thesis_bib["institution"] == "Universidade Federal do Rio Grande"
    assert thesis_bib["type"] == "Dissertação (Mestrado em Educação)"
    assert article_bib["ENTRYTYPE"] == "article" and article_bib["journaltitle"] == "{Revista Educação Especial}"
    lines = render_bibliography(refs, ABNT_ARCHIVES)
    assert not any("S.l." in line for line in lines), lines
    assert any("Rio Grande" in line and "Universidade Federal do Rio Grande" in line for line in lines), lines


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed (CI installs it: .ci/run)")
def test_biber_validates_thesis_and_law(tmp_path):
    (tmp_path / "references.bib").write_text(bibtex(parse_references(WORDED)), encoding="utf-8")
    done = subprocess.run(["biber", "--tool", "--validate-datamodel", "--nolog", "references.bib"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 0 and "WARN" not in output, output


def test_an_entry_under_its_title_and_a_body_as_author(corpus):
    """NBR 6023: "A HORAS de aprobarse ..." is made under its title; "BRASIL." is a body, not "BRASIL, ."."""
    refs = {r.title[:20]: r for r in article_references(corpus["mediacoes-cambiemos"])}
    horas = refs["A HORAS de aprobarse"]  # line 234, cited "( A HORAS…, 2018)" at line 134
    (item,) = to_csl([horas])
    assert "author" not in item and item["title"].startswith("A HORAS de aprobarse en el Congreso")
    (entry,) = render_bibliography([horas], ABNT_ARCHIVES, "es")
    assert entry.count("A HORAS") == 1 and ", ." not in entry  # the title once, no empty given name
    assert "author" not in to_bibtex_entries([horas])[0]
    laws = [r for r in article_references(corpus["ensaio-deficiencia"]) if r.title.startswith("Decreto nº 5.296")]
    (item,) = to_csl(laws)
    assert item["author"] == [{"literal": "Brasil"}]
    (entry,) = render_bibliography(laws, ABNT_ARCHIVES, "pt")
    assert entry.startswith("BRASIL. Decreto nº 5.296")


def test_an_entry_histkit_could_not_read_is_given_no_invented_imprint(corpus):
    """mediacoes-cambiemos: "EL CRONISTA. 24/5/17 falta referencia." had "[S.l.: S.n.]" (no place, no publisher)
    added by the ABNT style, and so had newspaper items that print their place: the list says neither."""
    refs = article_references(corpus["mediacoes-cambiemos"])
    entries = render_bibliography(refs, ABNT_ARCHIVES, "es")
    assert "EL CRONISTA. 24/5/17 falta referencia." in entries
    cayon = [e for e in entries if e.startswith("CAYÓN, D. Entre autocriticas")]
    assert cayon and cayon[0].endswith("20 abr. 2017a. Economia y política.")
    assert not any("[S.l.: S.n.]" in e for e in entries)


def test_edition_and_translators_rendered_as_printed():
    """bak-p59099: "Tradução de Paulo Bezerra. 4. ed." after the title, ABNT prints both where the list does."""
    refs = parse_references([
        "BAKHTIN, M. M. *Estética da criação verbal* [1951-1953]. Tradução de Paulo Bezerra. 4. ed. São Paulo: "
        "Martins Fontes, 2011.",
    ])
    (item,) = to_csl(refs)
    assert (item["title"], item["note"], item["edition"]) == (
        "Estética da criação verbal [1951-1953]", "Tradução de Paulo Bezerra", "4"
    )
    (entry,) = to_bibtex_entries(refs)
    assert (entry["edition"], entry["note"]) == ("4", "Tradução de Paulo Bezerra")
    assert render_bibliography(refs, ABNT_ARCHIVES, "pt") == [
        "BAKHTIN, M. M. Estética da criação verbal [1951-1953]. Tradução de Paulo Bezerra. 4. ed. São Paulo: "
        "Martins Fontes, 2011."
    ]


def test_an_issue_with_pages_stays_an_issue():
    """mediacoes-cambiemos: "n. 311, p. 9-39" is an issue; only without pages does it stand in for the volume."""
    refs = parse_references(["CANTAMUTTO, F. Disputa por la hegemonía: el kirchnerismo en la Argentina. Realidad "
                             "Económica, Caba, AR, n. 311, p. 9-39, 2017."])
    (item,) = to_csl(refs)
    assert (item.get("volume"), item["issue"], item["page"]) == (None, "311", "9-39")
    (entry,) = render_bibliography(refs, ABNT_ARCHIVES, "es")
    assert entry.endswith("Realidad Económica, Caba, AR, n. 311, p. 9-39, 2017.")


def test_an_issue_the_list_labels_stays_an_issue():
    """mediacoes-cambiemos: "Polis, São Paulo, n. 46, 2017." prints "n.": not a volume, as "**Survey 55**" is."""
    for printed in ("Polis", "*Polis*"):  # the journal in roman type or in italics
        refs = parse_references([f"TRUJILLO, L. La Argentina kirchnerista. {printed}, São Paulo, n. 46, 2017."])
        (item,) = to_csl(refs)
        assert (item.get("volume"), item["issue"]) == (None, "46")
        (entry,) = render_bibliography(refs, ABNT_ARCHIVES, "es")
        assert entry.endswith("Polis, São Paulo, n. 46, 2017.")


def test_a_particle_after_the_initials_is_a_dropping_particle(corpus):
    """ "ALMEIDA, J. L. S. de" (rdbci-bibliotecas, line 236) and "Nooy, W. de" (edur-metodologias-ativas, line 145):
    left in the given names, the particle was initialised as one ("ALMEIDA, J. L. S. de .;")."""
    almeida = [r for r in article_references(corpus["rdbci-bibliotecas"]) if r.key.startswith("ALMEIDA")]
    assert to_csl(almeida)[0]["author"][0] == {"family": "Almeida", "given": "J. L. S.", "dropping-particle": "de"}
    (entry,) = render_bibliography(almeida, ABNT_ARCHIVES, "pt")
    assert entry.startswith("ALMEIDA, J. L. S. de; PERUCCHI, V.; FREIRE, G. H. de A. Ciência-Ação"), entry
    nooy = [r for r in article_references(corpus["edur-metodologias-ativas"]) if r.key.startswith("Nooy")]
    (entry,) = render_bibliography(nooy, "harvard-cite-them-right", "en")
    assert entry.startswith("Nooy, W. de, Mrvar, A. and Batagelj, V. (2018)"), entry
    # left alone: a particle among the initials stays in the given names ("FREIRE, G. H. de A.")
    assert to_csl(almeida)[0]["author"][2] == {"family": "Freire", "given": "G. H. de A."}


def test_a_body_and_its_part_is_no_person(corpus):
    # bak-p59099 lists "BRASIL, Presidência da República. *Constituição Federal*.": the ABNT rendering read
    # "BRASIL, P. da R." as if "Presidência da República" were a person's given names.
    from histkit.extract.references import article_references
    from histkit.present.bibliography import to_csl

    refs = [r for r in article_references(corpus["bak-p59099"]) if r.title.startswith("Constituição Federal")]
    (item,) = to_csl(refs)
    assert item["author"] == [{"literal": "Brasil. Presidência da República"}]  # ABNT prints it in capitals
