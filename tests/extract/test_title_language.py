"""A title's language, remembered between processes: a build whose titles were all seen loads no model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import histkit

SRC = Path(histkit.__file__).resolve().parents[1]
RUN = """
import sys
from histkit.extract.title_language import detect_language
print(detect_language(sys.argv[1]), "py3langid.langid" in sys.modules)
"""


def _in_a_new_process(project: Path, title: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(SRC), "HISTKIT_ROOT": str(project)}
    return subprocess.run([sys.executable, "-c", RUN, title], env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def test_a_second_process_takes_the_language_from_the_memo_without_the_model(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "histkit"\n', encoding="utf-8")
    title = "Die Entstehung der Arbeiterklasse in Mexiko"
    assert _in_a_new_process(tmp_path, title) == "de True"  # the model loaded, the answer kept
    assert _in_a_new_process(tmp_path, title) == "de False"  # read back: no model
    stored = json.loads((tmp_path / "build" / "cache" / "memo" / "title-languages.json").read_text(encoding="utf-8"))
    assert stored["values"] == {title: "de"} and stored["version"].startswith("py3langid ")
    # An unsure answer is kept as such; a title with no letters never reaches the model or the memo.
    assert _in_a_new_process(tmp_path, "Los bolcheviques y México") == "und True"
    assert _in_a_new_process(tmp_path, "Los bolcheviques y México") == "und False"
    assert _in_a_new_process(tmp_path, "1926, 2") == "und False"
