"""The vocabulary every layer shares: errors, paths, safe file writing, parameter checks, EDTF values.

Imports nothing else from histkit. Add a module here only if every later layer may need it.
"""
