"""The text of a seed: its folder and checksum, the ingested Article, quote anchoring, number words.

Imports core only. A new front-matter label or repair goes in ingest; a new curated file is read through anchor.
"""
