"""Build a journal article's web page with citekit: a worked example for site generators.

    python examples/journal_page.py OUT_DIR [DATA]

DATA is a CSL-JSON file whose first item is the article and whose other items are its
references (default: ../shared/corpus/japanese-studies-2025-3.json when it is there, else
the copy in examples/). OUT_DIR receives ``index.html`` (title, the "For citation" lines
in English and Russian, the References and GOST lists, Google Scholar meta tags, schema.org
JSON-LD) and the export files it links to (``.bib``, ``.ris``, CSL-JSON).

Every piece of text on the page is escaped by citekit or by Jinja2's autoescaping; the
template holds no citation logic.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

import citekit
import citekit.jinja
from citekit.meta import download_files, json_ld_tag, meta_tags
from citekit.names import latin_form

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "japanese-studies-2025-3.json"
DEFAULT_DATA = CORPUS if CORPUS.is_file() else HERE / "japanese-studies-2025-3.json"
EXPORT_LABELS = {".bib": "BibTeX", ".ris": "RIS", ".json": "CSL-JSON"}


def build(out_dir: Path, data: Path = DEFAULT_DATA) -> Path:
    """Write the page and its export files into ``out_dir``; return the page's path."""
    article, *references = citekit.load(data)
    env = Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(["j2"]))
    citekit.jinja.install(env)
    out_dir.mkdir(parents=True, exist_ok=True)
    exports = []
    with warnings.catch_warnings():  # RIS keeps no English title: said once on stderr
        warnings.simplefilter("once")
        files = download_files(article)
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
        exports.append((name, EXPORT_LABELS[Path(name).suffix]))
    title = article.title.translations.get("en", article.title.original) if article.title else ""
    names = [latin_form(person) for person in article.authors]
    authors = ", ".join(f"{name.given or ''} {name.family}".strip() for name in names)
    page = env.get_template("journal_page.html.j2").render(
        lang="en",
        title=title,
        authors=authors,
        article=article,
        references=references,
        meta=meta_tags(article, lang="en"),
        json_ld=json_ld_tag(article, lang="en"),
        exports=exports,
    )
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    print(build(Path(sys.argv[1]), *(Path(a) for a in sys.argv[2:])))
