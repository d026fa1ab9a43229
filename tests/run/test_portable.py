"""Portable and citable: the build lock and kernel transport on every platform, CITATION.cff, Binder."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tomllib

import jsonschema
import pytest
import yaml

from histkit.core.errors import OutputError
from histkit.core.files import exclusive_lock
from histkit.run.runner import kernel_transport
from tests.conftest import DATA, ROOT


def test_histkit_imports_where_there_is_no_fcntl():
    # Windows has no fcntl; the build lock must not need it
    code = "import sys; sys.modules['fcntl'] = None; import histkit.core.files, histkit.run.cli; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_the_lock_refuses_a_second_holder_and_is_free_again_after(tmp_path):
    lock = tmp_path / "build" / ".lock"
    with exclusive_lock(lock), pytest.raises(OutputError, match="another histkit build is running"):
        with exclusive_lock(lock):
            pass
    with exclusive_lock(lock):
        pass


def test_kernels_talk_over_ipc_on_posix_and_tcp_on_windows():
    assert kernel_transport("posix") == "ipc"
    assert kernel_transport("nt") == "tcp"
    assert kernel_transport() == ("tcp" if os.name == "nt" else "ipc")


def _cff():
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_file_is_valid_cff_and_its_version_the_package_version():
    cff = _cff()
    schema = json.loads((DATA / "cff-schema-1.2.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(cff, schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    import histkit

    assert cff["version"] == project["version"] == histkit.__version__
    assert cff["date-released"]


def test_citation_file_authors_are_the_entity_pyproject_names():
    """An entity (``name``), never a person, so no converter reads "contributors, histkit"."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    authors = _cff()["authors"]
    assert authors == [{"name": a["name"]} for a in project["authors"]]
    assert not any({"family-names", "given-names"} & set(a) for a in authors)


def test_citation_file_invents_no_address_or_identifier():
    # No public address or DOI of histkit is known (pyproject.toml has no [project.urls]).
    cff = _cff()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "urls" not in project
    assert not {"url", "repository-code", "repository", "doi", "identifiers"} & set(cff)
    assert "preferred-citation" not in cff  # the article's author did not write histkit: both are cited


def test_citation_file_cites_the_article_as_its_front_matter_prints_it(article):
    """The article is a reference with what its text prints, and nothing the text does not print."""
    seed = tomllib.loads((ROOT / "seeds" / "spenser-bolsheviks-mexico" / "seed.toml").read_text(encoding="utf-8"))
    [ref] = _cff()["references"]
    front = {k: e.text for k, e in article.front.items()}
    assert ref["type"] == "article"
    assert ref["title"] == front["title"] == seed["bibliographic"]["title"]
    [author] = ref["authors"]
    # printed "DANIELA SPENSER"; seed.toml: author = "Daniela Spenser"
    assert f"{author['given-names']} {author['family-names']}" == seed["bibliographic"]["author"]
    assert f"{author['given-names']} {author['family-names']}".upper() == front["author"]
    assert author["affiliation"] == seed["bibliographic"]["affiliation"]
    assert author["affiliation"] in front["author_note"]
    assert ref["abstract"] == front["abstract"]
    assert ref["keywords"] == front["keywords"].rstrip(".").split(". ")
    assert ref["languages"] == [seed["bibliographic"]["language"]]
    # The text prints when it was received and approved, but no year of publication, journal or DOI.
    assert not {"year", "date-published", "journal", "doi", "volume", "issue", "start", "end"} & set(ref)
    assert front["received"] in ref["notes"] and front["approved"] in ref["notes"]
    assert front["title_pt"] in ref["notes"]


def test_binder_installs_what_pyproject_declares_and_builds():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line and not line.startswith("#")] == project["dependencies"]
    post = ROOT / "binder" / "postBuild"
    assert os.access(post, os.X_OK)
    assert "pip install --no-deps -e ." in post.read_text() and "histkit build" in post.read_text()
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_the_site_template_ships_with_the_package():
    site = importlib.import_module("histkit.publish.site")
    assert (site.TEMPLATES / "histkit-site" / "index.html.j2").is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "publish/templates/*/*" in pyproject["tool"]["setuptools"]["package-data"]["histkit"]


class _FakeKernel:
    """What kernels.stop reads of a kernel manager: its provisioner's process, sockets, connection file."""

    def __init__(self, process: subprocess.Popen, folder) -> None:  # type: ignore[no-untyped-def]
        self.provisioner = type("P", (), {"process": process, "pid": process.pid})()
        self.ip = str(folder / "sock")
        self.connection_file = str(folder / "kernel-x.json")
        (folder / "kernel-x.json").write_text("{}")


def test_stopping_kernels_works_without_posix_process_groups(monkeypatch, tmp_path):
    """Issue 21: on Windows the stop path crashed on signal.SIGKILL, os.getpgid and os.killpg."""
    from histkit.run import kernels

    for name in ("getpgid", "getpgrp", "killpg"):
        monkeypatch.delattr(os, name, raising=False)
    monkeypatch.delattr(signal, "SIGKILL", raising=False)
    assert not kernels.process_groups()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    fake = _FakeKernel(sleeper, tmp_path)
    monkeypatch.setattr(kernels, "_LIVE", {fake: 0})  # only this one: others may linger from earlier tests
    try:
        assert kernels.stop(grace=0) == 1
        assert sleeper.wait(timeout=600) is not None  # ended (an event, not a clock: the wait returns at once)
        assert not (tmp_path / "kernel-x.json").exists()
    finally:
        sleeper.terminate()
        kernels.STOPPING.clear()


def _cffconvert() -> str | None:
    """cffconvert where .ci/run puts it (a virtualenv of its own), or on the PATH.

    Not in the test extra: cffconvert 2.0.0 (the last release) requires jsonschema < 4, and frictionless
    requires jsonschema >= 4.20, so pip cannot install both in one environment.
    """
    own = ROOT / "build" / "tools" / "cffconvert" / "bin" / "cffconvert"
    return str(own) if own.is_file() else shutil.which("cffconvert")


needs_cffconvert = pytest.mark.skipif(
    _cffconvert() is None, reason="cffconvert is not installed (CI installs it in build/tools/cffconvert: .ci/run)"
)


def _convert(fmt: str) -> str:
    done = subprocess.run([_cffconvert(), "-f", fmt, "-i", str(ROOT / "CITATION.cff")],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@needs_cffconvert
def test_cffconvert_validates_the_citation_file():
    done = subprocess.run([_cffconvert(), "--validate", "-i", str(ROOT / "CITATION.cff")],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0 and "valid according to schema version 1.2.0" in done.stdout, done.stderr


@needs_cffconvert
def test_cffconvert_cites_the_entity_and_the_version():
    """APA: "histkit contributors (2026). histkit: ... (version 0.1.0)."; BibTeX: the name as written.

    cffconvert 2.0.0's BibTeX has no version field and writes the entity's name without braces (a BibTeX
    reader then splits it into a person): both are in its code, not in the file (see the README).
    """
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    apa = _convert("apalike")
    assert apa.startswith("histkit contributors (2026). histkit: a computational history workbook")
    assert f"(version {version})" in apa
    bib = _convert("bibtex")
    assert "author = {histkit contributors}" in bib
    for text in (apa, bib, _convert("endnote"), _convert("ris")):
        assert "contributors, histkit" not in text
