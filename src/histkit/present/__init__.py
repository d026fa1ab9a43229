"""What a reader sees and takes away: figure style, figures, explorers (widgets), CSV and bibliography exports.

Imports every layer but publish and run. Add one module per figure family or export, saved through style or csv.
"""
