"""The stages of an article's argument, as its seed curates them: which section tells which stage.

A stage is an interpretation, so it comes from the seed's ``annotations.yaml`` (its ``stages`` list, each
naming its section), never from a default: an uncurated article has no stage.
"""

from __future__ import annotations

from collections.abc import Sequence

from histkit.core.errors import ParameterError
from histkit.text.anchor import load_annotations
from histkit.text.ingest import Article


def curated_stage_sections(article: Article) -> tuple[int, ...]:
    """The sections that tell the stages of the argument, in order, as curated in the seed's ``annotations.yaml``.

    An article without that file, or whose file names no stages, has none: no section is a stage.
    """
    path = article.seed_file("annotations.yaml")
    if not path.is_file():
        return ()
    # Read once per version of the file and of the text: loading and anchoring the whole file costs far more
    # than the citations themselves, and every notebook asks again.
    key = (str(path), path.stat().st_mtime_ns, path.stat().st_size, article.sha256)
    if key not in _STAGES:
        stages = load_annotations(article, kinds=["stages"]).get("stages", [])
        _STAGES[key] = tuple(int(stage["section"]) for stage in stages)
    return _STAGES[key]


_STAGES: dict[tuple[str, int, int, str], tuple[int, ...]] = {}


def stage_of(section: int | None, stage_sections: Sequence[int] = ()) -> int | None:
    """Return the stage (1, 2, 3, ...) of a section, or None when the section is not a stage.

    ``stage_sections[i]`` is the section that tells stage ``i + 1``.
    """
    if section is None or section not in stage_sections:
        return None
    return list(stage_sections).index(section) + 1


def check_stage_sections(stage_sections: object) -> tuple[int, ...]:
    """Check the ``stage_sections`` parameter: a list of distinct section numbers."""
    if not isinstance(stage_sections, list | tuple) or not all(
        isinstance(s, int) and not isinstance(s, bool) for s in stage_sections
    ):
        raise ParameterError(
            f"parameter 'stage_sections' must be a list of section numbers, e.g. [2, 3, 4]; "
            f"got {stage_sections!r}"
        )
    if len(set(stage_sections)) != len(stage_sections):
        raise ParameterError(f"parameter 'stage_sections' names a section twice: {list(stage_sections)!r}")
    return tuple(stage_sections)
