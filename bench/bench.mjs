// Side-by-side benchmark: textlens (WASM under node, and native) against compromise (+
// compromise-dates) and wink-nlp (+ wink-eng-lite-web-model) on the same ~1 MB of real
// text from ../shared/eval, alternating the in-process engines round by round.
//
//   node --expose-gc bench/bench.mjs [--json] [--quick]
//
// Each engine's round starts from a collected heap (when node runs with --expose-gc) and
// a few untimed articles, so no engine is timed collecting another's garbage or
// refilling caches another engine emptied.
//
// Prints chars/s, median and p95 latency per ~3 KB article, time to first result, peak
// memory and download size (gzip) for each, and textlens/peer ratios. Always writes the
// figures to target/bench/results.json; --json prints that JSON instead of the table.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { load, downloadFiles, errors } from './engines.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(root, 'target/bench');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const CORPUS_CHARS = QUICK ? 200_000 : 1_000_000;
const ARTICLE_CHARS = 3_000;
const ROUNDS = QUICK ? 2 : 3;
const ROUND_BUDGET_MS = QUICK ? 4_000 : 15_000; // per engine per round (compromise is slow)
const ENGINES = ['textlens-wasm', 'wink-nlp', 'compromise'];
const log = (...a) => { if (!args.has('--json')) console.log(...a); };

// ---------------------------------------------------------------- corpus
function buildCorpus() {
  const evalDir = process.env.TEXTLENS_EVAL_DIR || path.resolve(root, '../shared/eval');
  const files = ['conll2003-testa.jsonl', 'wikigold.dev.jsonl', 're3d.dev.jsonl', 'wnut17-dev.jsonl',
    'rt-datetime.dev.jsonl', 'rt-currency.dev.jsonl'];
  const sources = files.map((f) => {
    const p = path.join(evalDir, f);
    if (!fs.existsSync(p)) throw new Error(`bench needs ${p} (the shared evaluation folder)`);
    return fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
  });
  // Round-robin over the sources, a record at a time, until the corpus is big enough:
  // news, encyclopaedia, government reports, social media and short requests, mixed.
  const parts = [];
  let size = 0;
  for (let i = 0; size < CORPUS_CHARS; i++) {
    let added = false;
    for (const recs of sources) {
      if (i < recs.length && size < CORPUS_CHARS) { parts.push(recs[i]); size += recs[i].length; added = true; }
    }
    if (!added) break;
  }
  return parts.join('\n\n');
}

function splitArticles(corpus) {
  const list = [];
  let start = 0;
  while (start < corpus.length) {
    let end = Math.min(start + ARTICLE_CHARS, corpus.length);
    const nl = corpus.indexOf('\n', end);
    end = nl < 0 ? corpus.length : nl + 1;
    list.push(corpus.slice(start, end));
    start = end;
  }
  return list;
}

// ---------------------------------------------------------------- measuring
const pct = (sorted, p) => sorted.length ? sorted[Math.round((sorted.length - 1) * p)] : 0;

const WARM_ARTICLES = 5; // untimed at the start of each round
const WARM_UP_MS = QUICK ? 1_000 : 3_000; // untimed, per engine, before the first round

function runRound(analyze, articles, stats) {
  if (typeof globalThis.gc === 'function') globalThis.gc();
  for (const a of articles.slice(-WARM_ARTICLES)) analyze(a);
  const t0 = performance.now();
  for (const a of articles) {
    const t = performance.now();
    analyze(a);
    const dt = performance.now() - t;
    stats.latencies.push(dt);
    stats.chars += a.length;
    stats.ms += dt;
    if (performance.now() - t0 > ROUND_BUDGET_MS) break;
  }
}

function gzipSize(files) {
  let raw = 0, gz = 0;
  for (const f of files) {
    const b = fs.readFileSync(f);
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  return { files: files.length, raw_bytes: raw, gzip_bytes: gz };
}

function child(script, argv) {
  return JSON.parse(execFileSync(process.execPath, [script, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const corpus = buildCorpus();
  const articles = splitArticles(corpus);
  const corpusPath = path.join(out, 'corpus.txt');
  const articlePath = path.join(out, 'article.txt');
  fs.writeFileSync(corpusPath, corpus);
  fs.writeFileSync(articlePath, articles[0]);
  log(`corpus: ${corpus.length.toLocaleString('en')} chars of real text from ../shared/eval, ${articles.length} articles of ~${ARTICLE_CHARS} chars, ${ROUNDS} rounds\n`);

  // Native textlens, in its own process (release build made by scripts/bench.sh).
  const nativeBin = path.join(root, 'target/release/examples/bench_native');
  const native = JSON.parse(execFileSync(nativeBin, [corpusPath, String(ARTICLE_CHARS), String(ROUNDS)], { encoding: 'utf8' }));

  // In-process engines, alternating round by round.
  const analyzers = {};
  for (const e of ENGINES) analyzers[e] = await load(e);
  const stats = Object.fromEntries(ENGINES.map((e) => [e, { latencies: [], chars: 0, ms: 0 }]));
  // Warm-up: steady-state throughput is what is timed. V8 first runs WASM and JS in
  // baseline code and tiers hot functions up while they run; each engine gets the same
  // untimed pass (the whole corpus, or WARM_UP_MS) before the rounds.
  for (const e of ENGINES) {
    const t0 = performance.now();
    for (const a of articles) {
      analyzers[e](a);
      if (performance.now() - t0 > WARM_UP_MS) break;
    }
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const e of ENGINES) runRound(analyzers[e], articles, stats[e]);
  }

  // Growth of the WASM build's cost with input size.
  const wasmScaling = [];
  for (const target of [3_000, 300_000, 3_000_000, 30_000_000]) {
    let text = corpus;
    while (text.length < target) text += '\n' + corpus;
    text = text.slice(0, target);
    const reps = Math.max(1, Math.min(200, Math.floor(3_000_000 / target)));
    const t = performance.now();
    for (let i = 0; i < reps; i++) analyzers['textlens-wasm'](text);
    const ms = (performance.now() - t) / reps;
    wasmScaling.push({ bytes: target, ms, mb_per_s: target / 1e6 / (ms / 1e3) });
  }

  const results = { corpus_chars: corpus.length, article_chars: ARTICLE_CHARS, rounds: ROUNDS, node: process.version, engines: {} };
  for (const e of ENGINES) {
    const s = stats[e];
    const sorted = s.latencies.slice().sort((a, b) => a - b);
    const first = child(path.join(here, 'first.mjs'), [e, corpusPath, articlePath]);
    results.engines[e] = {
      chars_per_s: s.chars / (s.ms / 1e3),
      median_ms: pct(sorted, 0.5),
      p95_ms: pct(sorted, 0.95),
      articles_timed: s.latencies.length,
      first_result_ms: first.first_result_ms,
      load_ms: first.load_ms,
      peak_rss_mb: first.peak_rss_mb,
      download: gzipSize(downloadFiles(e)),
      exceptions: errors[e] || 0,
    };
  }
  results.engines['textlens-wasm'].scaling = wasmScaling;
  results.engines['textlens-native'] = {
    chars_per_s: native.chars_per_s, median_ms: native.median_ms, p95_ms: native.p95_ms,
    articles_timed: native.articles * native.rounds, first_result_ms: native.first_result_ms,
    scaling: native.scaling,
  };
  const wasmFile = path.join(root, 'www/pkg/textlens_bg.wasm');
  results.wasm_bytes = { raw: fs.statSync(wasmFile).size, gzip: zlib.gzipSync(fs.readFileSync(wasmFile), { level: 9 }).length };

  const t = results.engines['textlens-wasm'];
  results.ratios = {};
  for (const peer of ['wink-nlp', 'compromise']) {
    const p = results.engines[peer];
    results.ratios[peer] = {
      throughput_x: t.chars_per_s / p.chars_per_s,
      median_latency_x: p.median_ms / t.median_ms,
      first_result_x: p.first_result_ms / t.first_result_ms,
      download_x: p.download.gzip_bytes / t.download.gzip_bytes,
    };
  }
  const wink = results.engines['wink-nlp'];
  results.targets = {
    'WASM throughput >= 3x wink-nlp': t.chars_per_s >= 3 * wink.chars_per_s,
    'WASM throughput >= 50x compromise': t.chars_per_s >= 50 * results.engines.compromise.chars_per_s,
    'median <= 1 ms per 3 KB article (WASM)': t.median_ms <= 1,
    'time to first result <= 150 ms': t.first_result_ms <= 150,
    'page download <= 1 MB gzip': t.download.gzip_bytes <= 1_000_000,
    'page download smaller than wink-nlp': t.download.gzip_bytes < wink.download.gzip_bytes,
  };
  fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 1));

  if (args.has('--json')) { console.log(JSON.stringify(results, null, 1)); return; }
  const f = (n, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
  const kb = (b) => `${f(b / 1024, 0)} KB`;
  log('engine            chars/s   median ms  p95 ms  first result ms  peak RSS MB  download gzip');
  for (const [name, r] of Object.entries(results.engines)) {
    log(`${name.padEnd(16)} ${f(r.chars_per_s).padStart(10)} ${f(r.median_ms, 3).padStart(10)} ${f(r.p95_ms, 3).padStart(7)} ${f(r.first_result_ms, 1).padStart(16)} ${
      r.peak_rss_mb ? f(r.peak_rss_mb, 0).padStart(12) : '           -'} ${r.download ? kb(r.download.gzip_bytes).padStart(14) : '             -'}`);
  }
  for (const [name, r] of Object.entries(results.engines)) {
    if (r.exceptions) log(`(${name} threw on ${r.exceptions} article analyses; counted as finding nothing there)`);
  }
  log(`\ntextlens .wasm: ${kb(results.wasm_bytes.raw)} raw, ${kb(results.wasm_bytes.gzip)} gzip; whole page ${kb(t.download.raw_bytes)} raw, ${kb(t.download.gzip_bytes)} gzip (${t.download.files} files)`);
  for (const [peer, r] of Object.entries(results.ratios)) {
    log(`textlens-wasm vs ${peer}: ${f(r.throughput_x, 1)}x throughput, ${f(r.median_latency_x, 1)}x lower median latency, ${f(r.first_result_x, 1)}x faster first result, ${f(r.download_x, 1)}x smaller download`);
  }
  log('\ncost by input size (ms; MB/s):');
  for (const [name, list] of [['wasm', t.scaling], ['native', results.engines['textlens-native'].scaling]]) {
    log(`  ${name.padEnd(7)} ${list.map((s) => `${kb(s.bytes)}: ${f(s.ms, 2)} ms (${f(s.mb_per_s, 1)} MB/s)`).join('   ')}`);
  }
  log('\ntargets (issue 7):');
  for (const [k, v] of Object.entries(results.targets)) log(`  ${v ? 'met ' : 'MISS'}  ${k}`);
  log(`\nfigures written to ${path.relative(root, path.join(out, 'results.json'))}`);
}

main().catch((err) => { console.error(`bench: ${err.stack || err}`); process.exit(1); });
