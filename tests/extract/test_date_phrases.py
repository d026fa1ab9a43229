"""Date phrases normalised to EDTF: every form histkit reads, and relative phrases resolved."""

from __future__ import annotations

import pytest

import histkit as hk
from histkit.core.dating import check_edtf
from histkit.core.errors import DateError
from histkit.extract.date_phrases import find_in, normalise
from histkit.extract.relative_dates import relative_offset, resolve_relative, shift

# phrase as the article writes it -> (edtf, earliest, latest, precision)
CASES = [
    # years
    ("in 1924", "1924", "1924-01-01", "1924-12-31", "year"),
    ("1917", "1917", "1917-01-01", "1917-12-31", "year"),
    # months
    ("In February of 1918", "1918-02", "1918-02-01", "1918-02-28", "month"),
    ("in October 1924", "1924-10", "1924-10-01", "1924-10-31", "month"),
    ("March of 1925", "1925-03", "1925-03-01", "1925-03-31", "month"),
    ("December 1926", "1926-12", "1926-12-01", "1926-12-31", "month"),
    # full dates
    ("14 February 1918", "1918-02-14", "1918-02-14", "1918-02-14", "day"),
    ("30 April 1925", "1925-04-30", "1925-04-30", "1925-04-30", "day"),
    ("5 May 1925", "1925-05-05", "1925-05-05", "1925-05-05", "day"),
    ("04/06/2017", "2017-06-04", "2017-06-04", "2017-06-04", "day"),  # RECEBIDO EM: DD/MM/YYYY
    # seasons (EDTF level 1: 21 spring, 23 autumn)
    ("the fall of 1926", "1926-23", "1926-09-01", "1926-11-30", "season"),
    ("the spring of 1927", "1927-21", "1927-03-01", "1927-05-31", "season"),
    # ranges
    ("August and September 1919", "1919-08/1919-09", "1919-08-01", "1919-09-30", "interval"),
    ("from 1923 to 1927", "1923/1927", "1923-01-01", "1927-12-31", "interval"),
    ("1994/95", "1994/1995", "1994-01-01", "1995-12-31", "interval"),
    ("1919-39", "1919/1939", "1919-01-01", "1939-12-31", "interval"),
    ("1892-1953", "1892/1953", "1892-01-01", "1953-12-31", "interval"),
    # decades and parts of them
    ("in the 1920s", "192X", "1920-01-01", "1929-12-31", "decade"),
    ("década de 1920", "192X", "1920-01-01", "1929-12-31", "decade"),
    ("the early 1920s", "1920/1923", "1920-01-01", "1923-12-31", "interval"),
    ("mid-1925", "1925-04/1925-09", "1925-04-01", "1925-09-30", "interval"),
    # open: "by" = no later than, "since" = from then on
    ("by March 1927", "../1927-03", "", "1927-03-31", "open"),
    ("by mid-1920s", "../1927", "", "1927-12-31", "open"),
    ("since 1923", "1923/..", "1923-01-01", "", "open"),
]


@pytest.mark.parametrize(("phrase", "edtf", "earliest", "latest", "precision"), CASES)
def test_normalise(phrase, edtf, earliest, latest, precision):
    value = normalise(phrase)
    assert value.edtf == edtf
    assert (value.earliest.isoformat() if value.earliest else "") == earliest
    assert (value.latest.isoformat() if value.latest else "") == latest
    assert value.precision == precision


@pytest.mark.parametrize("phrase", ["mid-1925", "the early 1920s", "by mid-1920s", "by March 1927"])
def test_inexpressible_phrases_record_a_reason(phrase):
    assert "EDTF has no qualifier" in normalise(phrase).note or "no later than" in normalise(phrase).note


@pytest.mark.parametrize(
    ("phrase", "reference", "edtf", "count", "unit"),
    [
        ("five months after his arrival", "1924-10", "1925-03", 5, "months"),  # Pestkovsky's diary
        ("two years later", "1949", "1951", 2, "years"),  # Borodin's death after his arrest
        ("a year later", "1921", "1922", 1, "years"),  # the envoys of 1921 leave
        ("three months before", "1925-02", "1924-11", -3, "months"),
        ("a year later", "1926-23", "1927-23", 1, "years"),
    ],
)
def test_relative_forms_resolve_and_record_reference(phrase, reference, edtf, count, unit):
    assert relative_offset(phrase) == (count, unit)
    value = resolve_relative(phrase, reference, "the arrival")
    assert value.edtf == edtf
    assert value.refers_to == reference
    assert reference in value.note and "the arrival" in value.note


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: normalise("yesterday"), "not a single date expression"),
        (lambda: normalise("1918 and 1919"), "not a single date expression"),
        (lambda: normalise("two years later"), "is relative"),
        (lambda: relative_offset("in 1924"), "not a relative date phrase"),
        (lambda: shift("1926-23", 2, "months"), "has no month"),
        (lambda: shift("192X", 1, "years"), "cannot shift"),
        (lambda: check_edtf("1926-13"), "invalid EDTF '1926-13'"),
        (lambda: check_edtf("fall 1926"), "invalid EDTF 'fall 1926'"),
        (lambda: check_edtf(""), "empty"),
    ],
)
def test_errors(call, message):
    with pytest.raises(DateError, match=message):
        call()


def test_date_error_is_a_histkit_error():
    assert issubclass(DateError, hk.HistkitError)


@pytest.mark.parametrize(
    ("phrase", "count", "unit"),
    [
        ("an year later", 1, "years"),  # an article counts as one
        ("eleven months later", 11, "months"),
        ("fifteen months after the strike", 15, "months"),  # beyond the old twelve-word list
        ("Nineteen years earlier", -19, "years"),
    ],
)
def test_relative_counts_read_by_the_one_number_reader(phrase, count, unit):
    # Number words are read by histkit.text.numbers.words_to_number only; dates keeps no copy.
    from histkit.extract import date_phrases

    assert relative_offset(phrase) == (count, unit)
    assert not hasattr(date_phrases, "NUMBER_WORDS")


def test_find_in_does_not_take_page_numbers_or_money():
    text = "p. 340-367, reel 83, 812.00/27508, US\\$25,000, 56.13 pesos, fond 495, n. 5/6, Survey 55"
    assert find_in(text) == []


def test_find_in_prefers_longest_form():
    found = find_in("held in Mexico City in August and September 1919. The")
    assert [f.phrase for f in found] == ["August and September 1919"]


@pytest.mark.parametrize(("first", "second", "last"), [
    (1994, "95", 1995), (1919, "39", 1939), (1999, "00", 2000), (1999, "2000", 2000), (1926, None, 1926),
    (1995, "7", 1997), (1999, "1", 2001),
])
def test_last_year_of_a_short_range(first, second, last):
    from histkit.extract.date_values import last_year

    assert last_year(first, second) == last


# --- Portuguese and Spanish ------------------------------------------------------------------
# Each form is checked on phrases printed in at least two corpus articles (../shared/corpus/<name>/
# article.txt, named in the comment) or, where the corpus has none, on the forms the issue names.
PT_ES_CASES = [
    # day forms with "de": bak-p59610 ("16 de outubro de 1968"), bak-p59553 ("26 de outubro de 2009"),
    # edur-literatura-indigena ("19 de dezembro de 1973"), mediacoes-cambiemos ("20 de diciembre de 2014")
    ("12 de outubro de 1924", "1924-10-12", "1924-10-12", "1924-10-12", "day"),
    ("16 de outubro de 1968", "1968-10-16", "1968-10-16", "1968-10-16", "day"),
    ("19 de dezembro de 1973", "1973-12-19", "1973-12-19", "1973-12-19", "day"),
    ("20 de diciembre de 2014", "2014-12-20", "2014-12-20", "2014-12-20", "day"),
    ("3 de mayo de 1925", "1925-05-03", "1925-05-03", "1925-05-03", "day"),
    ("3 de mayo del 2020", "2020-05-03", "2020-05-03", "2020-05-03", "day"),
    # "10 de marco de 2008" (edur-literatura-indigena) has lost its cedilla; "10 de dezembro 1948"
    # (bak-p59610) its second "de"
    ("10 de marco de 2008", "2008-03-10", "2008-03-10", "2008-03-10", "day"),
    ("10 de dezembro 1948", "1948-12-10", "1948-12-10", "1948-12-10", "day"),
    # the first of the month as an ordinal (the forms)
    ("1º de maio de 1925", "1925-05-01", "1925-05-01", "1925-05-01", "day"),
    ("1o de maio de 1925", "1925-05-01", "1925-05-01", "1925-05-01", "day"),
    ("primeiro de maio de 1925", "1925-05-01", "1925-05-01", "1925-05-01", "day"),
    ("primero de mayo de 1925", "1925-05-01", "1925-05-01", "1925-05-01", "day"),
    # months: bak-p59610 ("junho de 2020"), bak-p59553 ("janeiro de 2020"), edur ("dezembro de 2014"),
    # mediacoes-cambiemos ("diciembre de 2015", "marzo 2018", "mayo 2018")
    ("junho de 2020", "2020-06", "2020-06-01", "2020-06-30", "month"),
    ("em janeiro de 2020", "2020-01", "2020-01-01", "2020-01-31", "month"),
    ("dezembro de 2014", "2014-12", "2014-12-01", "2014-12-31", "month"),
    ("en diciembre de 2015", "2015-12", "2015-12-01", "2015-12-31", "month"),
    ("marzo 2018", "2018-03", "2018-03-01", "2018-03-31", "month"),
    ("março de 1925", "1925-03", "1925-03-01", "1925-03-31", "month"),
    ("setembro de 1925", "1925-09", "1925-09-01", "1925-09-30", "month"),
    ("septiembre de 1925", "1925-09", "1925-09-01", "1925-09-30", "month"),
    ("setiembre de 1925", "1925-09", "1925-09-01", "1925-09-30", "month"),
    # parts of a year: mediacoes-cambiemos ("mediados de 2018", "fines de 2017", "finales de 2019"),
    # bak-p59384 ("final de 2021"); "meados"/"início"/"principios" as the issue names them
    ("meados de 1925", "1925-04/1925-09", "1925-04-01", "1925-09-30", "interval"),
    ("mediados de 2018", "2018-04/2018-09", "2018-04-01", "2018-09-30", "interval"),
    ("fines de 2017", "2017-09/2017-12", "2017-09-01", "2017-12-31", "interval"),
    ("finales de 2019", "2019-09/2019-12", "2019-09-01", "2019-12-31", "interval"),
    ("final de 2021", "2021-09/2021-12", "2021-09-01", "2021-12-31", "interval"),
    ("início de 1925", "1925-01/1925-04", "1925-01-01", "1925-04-30", "interval"),
    ("principios de 1925", "1925-01/1925-04", "1925-01-01", "1925-04-30", "interval"),
    ("meados da década de 1920", "1923/1927", "1923-01-01", "1927-12-31", "interval"),
    ("finales de la década de 1920", "1927/1929", "1927-01-01", "1929-12-31", "interval"),
    # seasons, as named (EDTF 21-24)
    ("no verão de 1925", "1925-22", "1925-06-01", "1925-08-31", "season"),
    ("el otoño de 1926", "1926-23", "1926-09-01", "1926-11-30", "season"),
    ("primavera de 1927", "1927-21", "1927-03-01", "1927-05-31", "season"),
    ("invierno de 1925", "1925-24", "1925-12-01", "1925-12-31", "season"),
    # ranges: rdbci-bibliotecas ("de 2014 a 2018", "entre 2012 e 2014"), bak-p59553 ("de 1934 a 1937"),
    # bak-p59099 ("De 1969 a 2019"), mediacoes-cambiemos ("entre 2003 y 2015"), edur ("entre 1986 e 1988")
    ("de 2014 a 2018", "2014/2018", "2014-01-01", "2018-12-31", "interval"),
    ("de 1934 a 1937", "1934/1937", "1934-01-01", "1937-12-31", "interval"),
    ("De 1969 a 2019", "1969/2019", "1969-01-01", "2019-12-31", "interval"),
    ("entre 2012 e 2014", "2012/2014", "2012-01-01", "2014-12-31", "interval"),
    ("entre 2003 y 2015", "2003/2015", "2003-01-01", "2015-12-31", "interval"),
    ("entre 1986 e 1988", "1986/1988", "1986-01-01", "1988-12-31", "interval"),
    ("de 1923 até 1927", "1923/1927", "1923-01-01", "1927-12-31", "interval"),
    ("desde 1923 hasta 1927", "1923/1927", "1923-01-01", "1927-12-31", "interval"),
    # open: "desde" = since: mediacoes-cambiemos ("desde 2015"), bak-p59610 ("desde 1998"),
    # rdbci-bibliotecas ("desde 2014"); "hasta"/"até" = by: mediacoes-cambiemos ("hasta 2018")
    ("desde 2015", "2015/..", "2015-01-01", "", "open"),
    ("desde 1998", "1998/..", "1998-01-01", "", "open"),
    ("hasta 2018", "../2018", "", "2018-12-31", "open"),
    ("até 1927", "../1927", "", "1927-12-31", "open"),
    ("desde abril de 2018", "2018-04/..", "2018-04-01", "", "open"),
    ("hasta mediados de 2018", "../2018-09", "", "2018-09-30", "open"),
    # decades: edur-literatura-indigena ("Nos anos de 1970", "final dos anos 1970", "nos anos 2000",
    # "final da década de 70", "década de 50"), ciedu-saresp ("final dos anos 90"), bak-p59553
    # ("nos anos sessenta"), oes-tourism-gentrification ("a década de 60"); Spanish as the issue names it
    ("anos de 1970", "197X", "1970-01-01", "1979-12-31", "decade"),
    ("anos 2000", "200X", "2000-01-01", "2009-12-31", "decade"),
    ("final dos anos 1970", "1977/1979", "1977-01-01", "1979-12-31", "interval"),
    ("final dos anos 90", "1997/1999", "1997-01-01", "1999-12-31", "interval"),
    ("final da década de 70", "1977/1979", "1977-01-01", "1979-12-31", "interval"),
    ("década de 60", "196X", "1960-01-01", "1969-12-31", "decade"),
    ("anos sessenta", "196X", "1960-01-01", "1969-12-31", "decade"),
    ("los años veinte", "192X", "1920-01-01", "1929-12-31", "decade"),
    ("los años 1920", "192X", "1920-01-01", "1929-12-31", "decade"),
    ("finales de los años 1920", "1927/1929", "1927-01-01", "1929-12-31", "interval"),
    # plural decades, a span from the first to the end of the last: edur-literatura-indigena ("Após estes
    # 20 anos (décadas de 70 e 80)"); Spanish and four-digit forms as a fixture
    ("décadas de 70 e 80", "1970/1989", "1970-01-01", "1989-12-31", "interval"),
    ("anos 70 e 80", "1970/1989", "1970-01-01", "1989-12-31", "interval"),
    ("décadas de 1970 y 1980", "1970/1989", "1970-01-01", "1989-12-31", "interval"),
    ("los años 60 a 80", "1960/1989", "1960-01-01", "1989-12-31", "interval"),
    ("décadas de 1960 a 1980", "1960/1989", "1960-01-01", "1989-12-31", "interval"),
]


@pytest.mark.parametrize(("phrase", "edtf", "earliest", "latest", "precision"), PT_ES_CASES)
def test_normalise_portuguese_and_spanish(phrase, edtf, earliest, latest, precision):
    test_normalise(phrase, edtf, earliest, latest, precision)


def test_pt_es_notes_say_what_was_assumed():
    assert "'mid' in a year" in normalise("meados de 1925").note
    assert "hemisphere" in normalise("no verão de 1925").note
    assert "'desde' means from 2015" in normalise("desde 2015").note
    assert "'hasta' means no later than 2018" in normalise("hasta 2018").note


def test_decade_without_century_says_so():
    assert "read as the 1970s to the 1980s" in normalise("décadas de 70 e 80").note
    assert "read as the 1920s" in normalise("los años veinte").note
    assert "read as the 1990s" in normalise("final dos anos 90").note
    assert normalise("anos de 1970").note == ""


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # edur-literatura-indigena: a list of years after "anos de" is not a decade
        ("presença de mais de 3 etnias nos anos de 1979, 1981, 1983.", ["1979", "1981", "1983"]),
        # rdbci-bibliotecas: "entre os anos de 2020 e 2021" is the span of the pandemic, as "entre 2012 e 2014"
        # is one, never the decade of 2020
        ("o período pandêmico entre os anos de 2020 e 2021, profissionais", ["2020/2021"]),
        # edur-literatura-indigena: "desde a década de 50, 60" lists decades
        ("contato desde a década de 50, 60 com a sociedade", ["195X"]),
        # two decades joined by "e" that do not follow each other are a list: the first is read alone
        ("nos anos 70 e 90 a escola", ["197X"]),
        ("nas décadas de 1950 e 1970 a escola", ["1950", "1970"]),
    ],
)
def test_years_after_anos_de_are_not_always_a_decade(sentence, found):
    assert [f.value.edtf for f in find_in(sentence)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # ecos-china-new-normal and bak-p59610 cite web pages whose addresses hold dates
        ("Available at: https://www.reuters.com/markets/rpt-analysis-imf-warning-china-putsjapanization-risk-"
         "spotlight-2023-10-16/.", []),
        ("https://www.project-syndicate.org/commentary/why-is-china-gdp-growth-rate-falling-so-fast-by-shang-"
         "jin-wei-2021-11.", []),
        ("https://expresso.pt/sociedade/2020-06-06-Bracos-negros-entrelacados-com-bracos-brancos.", []),
        ("DOI: 10.20396/rdbci.v18i00.8661184. Em 2020", ["2020"]),
    ],
)
def test_dates_inside_web_addresses_are_not_dates_of_the_text(text, found):
    assert [f.value.edtf for f in find_in(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # hoehnea-senna-extracts names the program its figures were computed with, twice
        ("(CE50) foi obtida com auxílio do Software Excel 2019, onde, a partir dos valores", []),
        ("coeficiente de correlação de Pearson no software Microsoft Excel 2019, a qual mede", []),
        ("analysed with the packages Stata 2017 and R in March 2020", ["2020-03"]),
        # a name alone with its year is an edition that took place then (rdbci-bibliotecas), or a plan's name
        ("Durante o ENANCIB 2021, os autores", ["2021"]),
        ("the Made in China 2025 plan, presented in 2015", ["2025", "2015"]),
        # a preposition between: the year is a date
        ("o software foi lançado em 2019", ["2019"]),
    ],
)
def test_a_year_in_a_programs_name_is_not_a_date(text, found):
    assert [f.value.edtf for f in find_in(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # hoehnea-senna-extracts: "apresentaram um CIM que variou de 500 a 2000 µg/mL contra diferentes espécies"
        ("apresentaram um CIM que variou de 500 a 2000 µg/mL contra diferentes espécies", []),
        ("a 1500 m de altitude, em 1998", ["1998"]),
        # a lone capital after a year is an initial, not litres or watts
        ("In 1920 L. Trotsky wrote", ["1920"]),
        ("the 1920s", ["192X"]),
    ],
)
def test_a_number_before_its_unit_is_not_a_year(text, found):
    assert [f.value.edtf for f in find_in(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # acta-amazonica-land-cover: the unit is printed once, after the range's second bound
        ("annual average rainfall between 1750 and 3000 mm, and average relative humidity", []),
        ("a chuva anual varia de 1800 a 2200 mm, em 1998", ["1998"]),
        ("entre 1700–2100 m de altitude", []),
        # a span of years with no unit after it stays a span of years
        ("from 1990 to 2000 a new law applied", ["1990/2000"]),
        # bragantia-grapevine: a year, then another measure (not a range's second bound)
        ("minimum average temperature was 15.9 °C in 2017 and 15.8 °C in 2018", ["2017", "2018"]),
    ],
)
def test_the_first_bound_of_a_range_of_measures_is_not_a_year(text, found):
    assert [f.value.edtf for f in find_in(text)] == found


@pytest.mark.parametrize(
    ("phrase", "edtf", "form"),
    [
        ("2010-04-15", "2010-04-15", "full-date"),
        ("2010-04", "2010-04", "iso-month"),  # not the years 2010-2104
        ("1924-26", "1924/1926", "range"),
        ("1910-12", "1910/1912", "range"),  # a two-digit end after the start is a range
        ("1999/00", "1999/2000", "range"),  # a season or harvest across the century
        ("1999–00", "1999/2000", "range"),
        ("1998-02", "1998/2002", "range"),
    ],
)
def test_iso_dates_and_short_ranges(phrase, edtf, form):
    value = normalise(phrase)
    assert (value.edtf, value.form) == (edtf, form)


def test_unaccented_marco_without_a_day_is_not_a_month():
    # "marco" is also the noun "landmark": "um marco de 1988" is the year 1988, not March.
    assert [(f.phrase, f.value.edtf) for f in find_in("foi um marco de 1988 na história")] == [("1988", "1988")]


def test_pt_es_month_without_year_is_not_a_date():
    # bak-p59610 "10 de dezembro" and bak-p58270 "31 de dezembro" give no year: nothing to normalise.
    assert find_in("no dia 10 de dezembro, e em 31 de dezembro") == []


@pytest.mark.parametrize(
    ("phrase", "reference", "edtf", "count", "unit"),
    [
        ("dois anos depois", "1924", "1926", 2, "years"),
        ("dos años después", "1924", "1926", 2, "years"),
        ("três meses antes", "1925-02", "1924-11", -3, "months"),
        ("un año más tarde", "1921", "1922", 1, "years"),
        ("seis meses depois", "1924-10", "1925-04", 6, "months"),
        ("quince años antes", "1940", "1925", -15, "years"),
    ],
)
def test_pt_es_relative_forms_read_by_text2num(phrase, reference, edtf, count, unit):
    assert relative_offset(phrase) == (count, unit)
    assert resolve_relative(phrase, reference).edtf == edtf



@pytest.mark.parametrize(
    ("text", "found"),
    [
        # paz-mixed-flocks: "participated in the flocks from October 24, 2016, to April 20, 2017"
        ("from October 24, 2016, to April 20, 2017 (first and last records)", ["2016-10-24", "2017-04-20"]),
        # oes-tourism-gentrification
        ("and Tourism Cycle (1989 - 2018). On November 22, 1989, Pirenópolis was listed by Iphan",
         ["1989/2018", "1989-11-22"]),
        ("was signed on March 1st, 1989 by", ["1989-03-01"]),  # the ordinal form
        ("on May 45, 2010 the", ["2010"]),  # no such day: the year alone is read
        ("Gold Cycle (1727 - 1800), Agriculture", ["1727/1800"]),  # oes-tourism-gentrification
        ("from 2018 – 1989 back", ["2018", "1989"]),  # backwards: two years, not a span
    ],
)
def test_english_month_day_year_is_a_day_and_spaced_dashes_join_years(text, found):
    assert [f.value.edtf for f in find_in(text)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # oes-tourism-gentrification: "The Monumenta program, which was active between 1996 and 2006"
        ("which was active between 1996 and 2006, allowed", [("between 1996 and 2006", "1996/2006")]),
        # mediacoes-cambiemos: "(diciembre de 2015 a abril de 2018)", the period of "gradualismo"
        ("el ajuste (diciembre de 2015 a abril de 2018) y un período",
         [("diciembre de 2015 a abril de 2018", "2015-12/2018-04")]),
        # paz-mixed-flocks: "from October 2016 to September 2017"
        ("sampled from October 2016 to September 2017 in",
         [("from October 2016 to September 2017", "2016-10/2017-09")]),
        # bak-p59099 quotes the penal code: "(Redação dada pela Lei nº 7.209, de 11.7.1984)"
        ("pela Lei nº 7.209, de 11.7.1984) Redução", [("11.7.1984", "1984-07-11")]),
        ("em 31.02.2020 e 13.104/2015", []),  # no such day; a law's number and year
        # oes-tourism-gentrification: "Institutionally, until 1980, there was little participation"
        ("Institutionally, until 1980, there", [("until 1980", "../1980")]),
        # bak-p59099: "foi, até o ano de 2021, palco para defesa de teses acintosas"
        ("foi, até o ano de 2021, palco", [("até o ano de 2021", "../2021")]),
        ("funciona a partir de 2014 no", [("a partir de 2014", "2014/..")]),
        # rdbci-bibliotecas: "uma carta de conjuntura no primeiro semestre de 2021": January to June
        ("conjuntura no primeiro semestre de 2021, que", [("primeiro semestre de 2021", "2021-01/2021-06")]),
        ("in the second half of 2020.", [("the second half of 2020", "2020-07/2020-12")]),
        # oes-tourism-gentrification: "and from 1997 onwards, renovation projects began in the Historic Center"
        ("and from 1997 onwards, renovation", [("1997 onwards", "1997/..")]),
        ("de 2010 em diante, o", [("2010 em diante", "2010/..")]),
    ],
)
def test_spans_open_and_closed_as_the_article_writes_them(sentence, found):
    assert [(f.phrase, f.value.edtf) for f in find_in(sentence)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # acta-amazonica-land-cover: "This region was colonized by the Portuguese in the 18th century"
        ("colonized by the Portuguese in the 18th century, and native forest cover loss", ["17XX"]),
        ("in the nineteenth century", ["18XX"]),
        # bak-p59553, rdbci-bibliotecas
        ("construído em vários países ocidentais no século XIX e primeira metade", ["18XX"]),
        ("As bibliotecas do século XXI caminham", ["20XX"]),
        ("en el siglo XVIII", ["17XX"]),
        ("since the 21st century", ["2000/.."]),
        # a title's or a publisher's name is no date: "Twentieth-Century Mexico", "México: Siglo XXI, 1998"
        ("Communism in Twentieth-Century Mexico", []),
        ("México: Siglo XXI Editores", []),
    ],
)
def test_a_century_is_its_hundred_years(text, found):
    assert [f.value.edtf for f in find_in(text)] == found
