"""Cases: what one article's workbook knows that no other article's does.

The engine (``core`` → ``text`` → ``extract`` → ``analyse`` → ``present``) carries no article's names,
numbers or defaults; an article's own analyses, figures and wording live here, one package per article, and
its authored notebooks import them. The engine never imports a case, and cases never import each other.

To add a case: make ``histkit/cases/<name>/`` with its modules, tests in ``tests/cases/<name>/``, and import
them from that seed's own notebooks (``seeds/<seed>/notebooks/``) or the project's ``notebooks/``.
"""
