// Run in a fresh node process per engine: time to first result (load + instantiate +
// first analysis of one article) and peak memory after analysing the whole corpus once.
// `node bench/first.mjs ENGINE CORPUS.txt ARTICLE.txt` prints one JSON line.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { load } from './engines.mjs';

const [engine, corpusPath, articlePath] = process.argv.slice(2);
const article = fs.readFileSync(articlePath, 'utf8');
const corpus = fs.readFileSync(corpusPath, 'utf8');
const baselineRss = process.memoryUsage().rss;

const t0 = performance.now();
const analyze = await load(engine);
const loadMs = performance.now() - t0;
analyze(article);
const firstMs = performance.now() - t0;

analyze(corpus);
const peakRssKb = process.resourceUsage().maxRSS;
console.log(JSON.stringify({ engine, load_ms: loadMs, first_result_ms: firstMs, peak_rss_mb: peakRssKb / 1024, baseline_rss_mb: baselineRss / 1048576 }));
