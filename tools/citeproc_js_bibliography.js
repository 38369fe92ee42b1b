// Prints the bibliography of a CSL style as citeproc-js (the processor Zotero runs) writes it.
//
//   node tools/citeproc_js_bibliography.js CITEPROC_DIR STYLE.csl LOCALES_DIR < items.json
//
// CITEPROC_DIR is an installed `citeproc` package (benchmarks/.node/node_modules/citeproc);
// LOCALES_DIR holds locales-xx-XX.xml files (citeproc-py ships them). The items are a CSL-JSON
// array on standard input, cited in that order. Standard output is a JSON object: pairs
// [id, plain-text entry] in bibliography order (under "entries") and each item's in-text
// citation (under "citations", in input order), the ids of items the style prints no entry
// for (under "omitted"); anything citeproc-js reports through its
// error channels is collected under "errors" so that the caller can fail on it.
"use strict";
const fs = require("fs");
const path = require("path");

const [citeprocDir, stylePath, localesDir] = process.argv.slice(2);
const CSL = require(path.resolve(citeprocDir));
const items = JSON.parse(fs.readFileSync(0, "utf8"));
const byId = new Map(items.map((item) => [String(item.id), item]));
const errors = [];

const sys = {
  retrieveLocale(lang) {
    const file = path.join(localesDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem(id) {
    return byId.get(String(id));
  },
};
CSL.debug = (message) => errors.push(String(message));
CSL.error = (message) => errors.push(String(message));

const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, "utf8"));
engine.setOutputFormat("text");
engine.updateItems(items.map((item) => String(item.id)));
const [meta, entries] = engine.makeBibliography();
// An item the style prints nothing for (apa.csl: a personal communication, APA 7 §8.9) is in
// entry_ids but has no entry; it is listed under "omitted".
const omitted = (meta.bibliography_errors || []).map((e) => String(e.itemID));
const printed = meta.entry_ids.filter((ids) => !omitted.includes(String(ids[0])));
const result = printed.map((ids, i) => [String(ids[0]), entries[i].trim()]);
// The in-text citation of each item alone, as a word processor plugin asks for it.
const citations = items.map((item) => engine.makeCitationCluster([{ id: String(item.id) }]));
process.stdout.write(JSON.stringify({ entries: result, omitted, citations, errors }));
