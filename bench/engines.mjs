// The engines the benchmark compares, each loaded the way a web page would use it, and
// each asked for the entities it can find (names, places, dates, money).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);

/** Exceptions thrown by an engine on real text, by engine name (reported by the bench). */
export const errors = {};

/** Loads an engine by name; resolves to `analyze(text)`. */
export async function load(name) {
  switch (name) {
    case 'textlens-wasm': {
      // Exactly the files the page downloads (www/pkg), instantiated from bytes.
      const mod = await import(path.join(root, 'www/pkg/textlens.js'));
      mod.initSync({ module: fs.readFileSync(path.join(root, 'www/pkg/textlens_bg.wasm')) });
      const options = { date: '2017-01-01' };
      // The form the page's worker uses: spans in a Uint32Array, values as one JSON string.
      return (text) => {
        const { spans, meta } = mod.analyzeCompact(text, options);
        JSON.parse(meta);
        return spans.length / 4;
      };
    }
    case 'compromise': {
      const nlp = require('compromise');
      nlp.plugin(require('compromise-dates'));
      const dateOptions = { today: '2017-01-01' };
      return (text) => {
        const doc = nlp(text);
        let n = doc.people().json().length + doc.places().json().length + doc.organizations().json().length
          + doc.money().json().length;
        // compromise-dates 3.9 throws on some real sentences ("t.isValid is not a
        // function"); count it as an article without dates, as a page would have to.
        try { n += doc.dates(dateOptions).json().length; } catch { errors.compromise = (errors.compromise || 0) + 1; }
        return n;
      };
    }
    case 'wink-nlp': {
      const winkNLP = require('wink-nlp');
      const model = require('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      const its = nlp.its;
      return (text) => nlp.readDoc(text).entities().out(its.detail).length;
    }
    default:
      throw new Error(`unknown engine ${name}`);
  }
}

/** The files a browser downloads for each engine: [path, ...]. */
export function downloadFiles(name) {
  const nm = (p) => path.join(here, 'node_modules', p);
  const walk = (dir, keep) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p, keep) : keep(p) ? [p] : [];
  });
  switch (name) {
    case 'textlens-wasm': {
      const www = path.join(root, 'www');
      return walk(www, (p) => /\.(html|css|js|wasm|txt|json|webmanifest|svg)$/.test(p) && !p.endsWith('sample.txt'));
    }
    case 'compromise':
      return [nm('compromise/builds/compromise.js'), nm('compromise-dates/builds/compromise-dates.min.js')];
    case 'wink-nlp':
      return [
        ...walk(nm('wink-nlp/src'), (p) => p.endsWith('.js')),
        ...walk(nm('wink-eng-lite-web-model/dist'), (p) => p.endsWith('.js') || p.endsWith('.json')),
      ];
    default:
      throw new Error(`unknown engine ${name}`);
  }
}
