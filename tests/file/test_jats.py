"""The package's JATS reader on every corpus source.xml: the text jats2txt.py made, character for character."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from histkit.core.errors import ConversionError
from histkit.file.jats import convert_jats, jats_text

from ..conftest import CORPUS

SOURCES = sorted(p.name for p in CORPUS.iterdir() if (p / "source.xml").is_file()) if CORPUS.is_dir() else []


def test_the_corpus_is_there():
    assert len(SOURCES) == 17


@pytest.mark.parametrize("name", SOURCES)
def test_same_text_as_jats2txt(name):
    # article.txt was made from source.xml by ../shared/tools/jats2txt.py; the same text scores the same.
    made = jats_text(ET.parse(CORPUS / name / "source.xml").getroot())
    assert made == (CORPUS / name / "article.txt").read_text(encoding="utf-8")


def test_notes_follow_their_calling_paragraph_and_quotes_are_marked(tmp_path):
    xml = tmp_path / "a.xml"
    xml.write_text(
        '<article xml:lang="en"><front><article-meta><title-group><article-title>T</article-title></title-group>'
        '<contrib-group><contrib><name><surname>Roe</surname><given-names>Ann</given-names></name></contrib>'
        '</contrib-group></article-meta></front><body><sec><title>Introduction</title>'
        '<p>A claim<xref ref-type="fn" rid="fn1">1</xref> in <italic>italic</italic>.</p>'
        '<disp-quote><p>Quoted.</p></disp-quote><p>After.</p></sec></body>'
        '<back><fn-group><fn id="fn1"><label>1</label><p>The note.</p></fn></fn-group>'
        '<ref-list><title>References</title><ref id="r1"><mixed-citation>ROE, A. Book. 2001.</mixed-citation>'
        '</ref></ref-list></back></article>', encoding="utf-8")
    assert convert_jats(xml).text == ("T\n\nAnn Roe\n\n\nIntroduction\n\nA claim¹ in *italic*.\n\n¹ The note.\n\n"
                                      "> Quoted.\n\nAfter.\n\nReferences\n\nROE, A. Book. 2001.\n")


def test_xml_that_is_not_jats_is_refused(tmp_path):
    xml = tmp_path / "data.xml"
    xml.write_text("<?xml version='1.0'?><catalog/>")
    with pytest.raises(ConversionError, match=r"data\.xml: the XML's root is <catalog>, not a JATS <article>"):
        convert_jats(xml)
