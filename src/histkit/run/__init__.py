"""Running the workbook: the runner (papermill), the build cache, the command line, publishing (``site``, ``jdh``).

Imports core and text only: it knows notebooks and parameters, not history. A command's work goes in its own module.
"""
