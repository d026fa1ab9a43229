from histkit.analyse.tolerance import exact, judge


def test_a_figure_accepts_half_a_unit_of_its_last_digit():
    assert judge(35, 0, exact(35.4))[0] == "consistent"
    assert judge(35, 0, exact(35.6))[0] == "inconsistent"
    assert judge(0.97, 2, exact(100 * 17 / 1753))[0] == "consistent"  # ensaio: 17 of 1.753 (0,97%)


def test_a_truncation_printed_as_rounding_is_inconsistent_and_says_so():
    status, reason = judge(13.1, 1, exact(100 * 10 / 76))  # paz: 13.158% printed 13.1%
    assert status == "inconsistent" and "truncated" in reason
    status, reason = judge(45.89, 2, exact(100 * 805 / 1753))  # 45.92%, not a truncation
    assert status == "inconsistent" and "truncated" not in reason


def test_rounded_inputs_widen_the_range():
    from histkit.analyse.tolerance import Interval

    wide = Interval(9.95, 10.05, 10.0) / Interval(19.95, 20.05, 20.0)
    assert wide.lo < 0.5 < wide.hi
    assert judge(49.8, 1, wide.scale(100.0))[0] == "consistent"


def test_a_consistent_figure_says_how_it_holds_in_plain_words():
    # ecos-china-new-normal: "US$636" against 504 + 132 = 636; paz: 3/76 = 3.947% printed 3.9%
    assert judge(636, 0, exact(504 + 132)) == ("consistent", "the figures give exactly 636")
    assert judge(3.9, 1, exact(100 * 3 / 76)) == (
        "consistent", "the figures give 3.947, within the rounding of the stated 3.9 (3.85 to 3.95)")
