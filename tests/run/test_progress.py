"""Progress lines of a build, printed whole when notebooks end at once."""

from __future__ import annotations

import threading

from histkit.run import progress


def test_progress_lines_never_run_together():
    """Notebooks ending at once print whole lines: one reporter at a time, even when writing is slow."""
    import io
    import time

    out = io.StringIO()

    def slow_print(line):
        # like print(): the line, then its newline, in two writes
        out.write(line)
        time.sleep(0.001)
        out.write("\n")

    report = progress.one_line_at_a_time(slow_print)
    lines = [f"{n:02d}-notebook ok {n:6.1f} s" for n in range(40)]
    threads = [threading.Thread(target=report, args=(line,)) for line in lines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(out.getvalue().splitlines()) == sorted(lines)
