"""Extractors: pure functions from an Article to tables of dates, quantities, citations and references.

Imports core and text. Add an extractor as one module returning a DataFrame with provenance, and its tests.
"""
