"""The article as its author or publisher holds it (PDF, DOCX, ODT, JATS XML, HTML, Markdown) made into plain text.

Imports core only. A new format is one module returning a :class:`histkit.file.blocks.Converted`, named in ``convert``.
"""
