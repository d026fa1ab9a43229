"""Publishing a finished run: the static site (``site``) and the Journal of Digital History copy (``jdh``).

Reads the files a run wrote (executed notebooks, CSV tables, CSL-JSON) and the seed folder; imports core and text,
never a history module. The command line (``histkit.run``) finds the run and calls in; one module per output.
"""
