"""Running the workbook: the notebook runner (papermill), the build cache, the command line, publishing.

Publishing reads the executed notebooks: ``site`` (static HTML whose quotes link to the article) and ``jdh``
(the Journal of Digital History's format). Imports core and text only: it knows notebooks and parameters,
not history. A command's work goes in its own module.
"""
