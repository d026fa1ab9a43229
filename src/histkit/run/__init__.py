"""Running the workbook: the runner (papermill), the build cache, the command line, and finding the run to publish.

Imports core, text and publish: it knows notebooks and parameters, not history. A command's work goes in its own module.
"""
