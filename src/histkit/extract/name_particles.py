"""The lower-case particles of family names ("de", "dos", "van der", "ten"), for citations and references alike.

One list, so that a name the reference list prints ("GÓES, G. S.; MARTINS, F. dos S.") and the same
name cited in the text ("Gomes, Pauls and ten Brink") are read by the same rule.
"""

from __future__ import annotations

# Portuguese, Spanish, French, Italian, Dutch and German particles, as printed in lower case.
NAME_PARTICLES: tuple[str, ...] = (
    "de la", "de las", "de los", "van der", "van den", "von der",
    "da", "das", "de", "des", "do", "dos", "del", "della", "di", "du",
    "van", "von", "der", "den", "ten", "ter", "le", "la",
)
# The particles as a regular-expression group, longest first so "de la" wins over "de".
PARTICLE_RE = "(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
# Every word of a particle ("van der" gives "van" and "der").
PARTICLE_WORDS: frozenset[str] = frozenset(w for p in NAME_PARTICLES for w in p.split())
# The Catalan conjunction that joins a person's two family names into one ("Prat i Fornells", "Puig i
# Cadafalch"; some lists print it "Prat I Fornells"). Unlike "e"/"y"/"and" it never joins co-authors
# in these styles, so a name may hold it between two capitalised words.
FAMILY_JOINER = "[iI]"
