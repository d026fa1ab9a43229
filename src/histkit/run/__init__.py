"""Running the workbook: the notebook runner (papermill), the build cache, the command line, and publishing
the executed notebooks (``site``: static HTML whose quotes link to the article; ``jdh``: the journal's format).

Imports core and text only: it knows notebooks and parameters, not history. A command's work goes in its own module.
"""
