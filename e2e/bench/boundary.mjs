// Measures the cost of getting an analysis from the WASM core (in a Web Worker) to
// usable objects on the page's main thread, for each boundary form:
//   objects      serde-wasm-bindgen builds JS objects in the worker; postMessage clones them
//   json         one JSON string crosses; the main thread runs JSON.parse
//   json-parsed  the worker runs JSON.parse and posts the objects
//   compact      a Uint32Array of [start, end, label, group] (transferred) + a JSON string of
//                values and groups; the main thread builds the entity objects
// and the main-thread cost of `render` on the result. Run after `bash scripts/build.sh`:
//   node e2e/bench/boundary.mjs [TEXT_FILE_OR_JSONL ...]
// (default: the texts of ../shared/eval/conll2003-train.jsonl up to ~1 MB). Prints figures;
// nothing here is a test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../harness.mjs';
import { serve } from '../../scripts/static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

function corpus(files, limit) {
  let text = '';
  for (const f of files) {
    const raw = fs.readFileSync(f, 'utf8');
    const parts = f.endsWith('.jsonl') ? raw.split('\n').filter(Boolean).map((l) => JSON.parse(l).text) : [raw];
    for (const p of parts) { if (text.length >= limit) return text; text += p + '\n\n'; }
  }
  return text;
}

const files = process.argv.slice(2);
const big = corpus(files.length ? files : [path.resolve(repo, '../shared/eval/conll2003-train.jsonl')], 1_000_000);
const sizes = [3_000, 100_000, 300_000, big.length];
const server = await serve(repo);
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url + 'e2e/bench/boundary.html');
const rows = await page.evaluate(async ({ big, sizes }) => {
  const module = await WebAssembly.compileStreaming(fetch('/www/pkg/textlens_bg.wasm'));
  const worker = new Worker('/e2e/bench/boundary-worker.js', { type: 'module' });
  const next = () => new Promise((r) => { worker.onmessage = (e) => r(e); });
  worker.postMessage({ type: 'init', module });
  await next();
  const lib = await import('/www/pkg/textlens.js');
  await lib.default({ module_or_path: module });
  const names = lib.labels();
  const toObjects = (text, c) => {
    const meta = JSON.parse(c.meta), s = c.spans, n = s.length / 4, entities = new Array(n);
    for (let i = 0, j = 0; i < n; i++, j += 4) {
      const e = { start: s[j], end: s[j + 1], label: names[s[j + 2]], text: text.slice(s[j], s[j + 1]) };
      if (s[j + 3] !== 0xFFFFFFFF) e.group = s[j + 3];
      entities[i] = e;
    }
    for (const [i, e] of meta.values) entities[i].value = e.value;
    return { entities, groups: meta.groups };
  };
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out = [];
  const div = document.createElement('div');
  document.body.append(div);
  const forms = ['objects', 'json', 'json-parsed', 'compact'];
  for (const size of sizes) {
    const text = big.slice(0, size);
    const options = { date: '2017-08-01' };
    const runs = size > 500_000 ? 9 : size > 50_000 ? 21 : 61;
    const m = Object.fromEntries(forms.map((f) => [f, { worker: [], post: [], main: [], total: [], render: [], extra: [], entities: 0 }]));
    for (let r = 0; r < runs; r++) {
      // Alternate the forms (rotating the order) so that load changes hit each alike.
      for (let j = 0; j < forms.length; j++) {
        const form = forms[(r + j) % forms.length];
        const t0 = performance.now();
        worker.postMessage({ type: 'analyze', form, text, options });
        const e = await next();
        const t1 = performance.now();
        let d = e.data.result; // structured-clone deserialisation happens here
        if (form === 'json') d = JSON.parse(d);
        else if (form === 'compact') d = toObjects(text, d);
        const t2 = performance.now();
        const post = await next();
        const t3 = performance.now();
        if (size <= 100_000) lib.render(div, text, d);
        const t4 = performance.now();
        const x = m[form];
        x.entities = d.entities.length;
        x.worker.push(e.data.worker); x.post.push(post.data.post); x.main.push(t2 - t1); x.total.push(t2 - t0); x.render.push(t4 - t3);
      }
      // Paired with this round's compact run: the extra cost of the form, load mostly cancelled.
      for (const form of forms) m[form].extra.push(m[form].total[r] - m.compact.total[r]);
    }
    for (const form of forms) {
      const x = m[form];
      out.push({ chars: size, form, entities: x.entities, worker_ms: median(x.worker), post_ms: median(x.post), main_ms: median(x.main), total_ms: median(x.total), extra_ms: median(x.extra), render_ms: size <= 100_000 ? median(x.render) : NaN });
    }
  }
  return out;
}, { big, sizes });
await browser.close();
server.close();
console.log('medians in ms; "vs compact" = median over rounds of (this form total - compact total in the same round)');
console.log('   chars  form         entities  worker: analyse+convert  post  main: receive+parse   total  vs compact  render');
const f = (x, w = 8) => (Number.isNaN(x) ? '-' : x.toFixed(1)).padStart(w);
for (const r of rows) {
  console.log(`${String(r.chars).padStart(8)}  ${r.form.padEnd(12)} ${String(r.entities).padStart(8)}  ${f(r.worker_ms, 23)} ${f(r.post_ms, 5)} ${f(r.main_ms, 20)} ${f(r.total_ms, 7)} ${f(r.extra_ms, 11)} ${f(r.render_ms, 7)}`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
