"""Analyses: the chronology, the checks of statements and the citation audit, as pure functions to DataFrames.

Imports core, text, extract. Add one module of pure functions and tests/analyse/test_<module>.py.
"""
