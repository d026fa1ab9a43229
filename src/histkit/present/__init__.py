"""What a reader sees and takes away: figure style, figures, explorers (widgets), CSV and bibliography exports.

Imports every layer but run. Add one module per figure family or export, saved through style or csv.
"""
