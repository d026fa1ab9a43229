"""The one error family of histkit.

Every failure a user can cause (a bad seed, a bad annotation, a bad parameter, an unwritable
folder, a failing notebook) raises a :class:`HistkitError`. Its message names the file (and
line) or the parameter, and says what would fix it; the CLI prints it on one line and exits 2.
"""

from __future__ import annotations


class HistkitError(Exception):
    """Base class of every error histkit raises on purpose."""


class SeedError(HistkitError):
    """A seed folder, its metadata or its article text cannot be used."""


class AnnotationError(HistkitError):
    """A curated annotation cannot be anchored or is malformed."""


class DateError(HistkitError):
    """A date expression or EDTF string cannot be normalised."""


class ParameterError(HistkitError):
    """A notebook parameter is unknown or has a value of the wrong type."""


class OutputError(HistkitError):
    """An output file or folder cannot be written."""


class NotebookError(HistkitError):
    """A notebook failed while it was being executed."""


class BuildError(HistkitError):
    """A command needs the outputs of ``histkit build`` and they are missing: run ``histkit build``."""


class ConversionError(HistkitError):
    """A file given to ``histkit new`` cannot be made into text: wrong content, no text layer, encrypted."""
