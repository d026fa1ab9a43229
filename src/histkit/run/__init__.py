"""Running the workbook: the notebook runner (papermill), the build cache and the command line.

Imports core and text only: it knows notebooks and parameters, not history. A command's work goes in its own module.
"""
