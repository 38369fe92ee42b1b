"""A new journal's line as a template: the worked example of docs/architecture.md.

The journal prints its references in Latin script, GOST-like: the title and, after ``//``,
the journal; then year, volume and issue, pages; a language note and the DOI close the line
(``Kistanov V.O. Title // Japanese Studies in Russia. 2025. No. 3. P. 5-25. (In Russ.) DOI``).
Run it: ``python examples/journal_template.py`` (it registers the style as ``vestnik``).
"""

from __future__ import annotations

import citekit
from citekit.model import PeriodicalPart, Publication
from citekit.styles.parts import (
    doi_or_url,
    extent,
    field,
    imprint,
    language_note_part,
    names,
    title,
    year,
)
from citekit.styles.template import TemplateStyle, choose, group, join, optional, term
from citekit.styles.terms import EN

# "Title // Journal": the journal, with its slashes, only where there is one
TITLE = group(title(), optional(group(" // ", title("container_title"))))

# "Vol. 23, No. 1"
NUMBERS = join(
    ", ", group(term("volume"), " ", field("volume")), group(term("number"), " ", field("issue"))
)

LINE = join(
    ". ",
    names(),  # Kistanov V.O., Kaspe S.I.
    TITLE,
    choose(
        (PeriodicalPart, join(". ", year(), NUMBERS, extent())),
        (Publication, join(". ", field("edition"), imprint(), extent())),
        otherwise=year(),  # every other kind: the year
    ),
)

VESTNIK = TemplateStyle(
    "vestnik",
    "a journal's Latin-script line (the template example of docs/architecture.md)",
    LINE,
    terms=EN,
    english=True,
    after=join(" ", language_note_part(), doi_or_url()),  # "(In Russ.) https://doi.org/…"
)

if __name__ == "__main__":
    citekit.register_style(VESTNIK, replace=True)
    for ref in citekit.load("examples/japanese-studies-2025-3.json")[:3]:
        print(citekit.format(ref, "vestnik"))
