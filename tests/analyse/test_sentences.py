from histkit.analyse.sentences import sentence_span


def test_an_initial_ends_no_sentence():
    # bak-p59099: "... Mikhail M. Bakhtin (1988 [1975], ...), Valentin N. Volóchinov (2013 [1930], ...) e Pavel N.
    # Medviédev (2019 [1928])." is one sentence: the passage citing Volóchinov was cut at "Valentin N.".
    text = ("Os autores: Mikhail M. Bakhtin (1988), Valentin N. Volóchinov (2013) e Pavel N. Medviédev (2019). "
            "Outra frase.")
    gs = text.index("(2013)")
    lo, hi = sentence_span(text, 0, len(text), gs, gs + 6)
    assert text[lo:hi] == ("Os autores: Mikhail M. Bakhtin (1988), Valentin N. Volóchinov (2013) e Pavel N. "
                           "Medviédev (2019).")
