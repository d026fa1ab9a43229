"""Publishing a finished run from the files it wrote and its seed: the static site (``site``), the JDH copy (``jdh``).

Imports core and text, never history (extract, analyse, present); the command line (run) finds the run and calls in.
"""
