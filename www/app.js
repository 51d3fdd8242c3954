// The page glue: input → worker (analysis) → Rust renderer (marks) → legend.
// User text only ever reaches the page as text nodes (the renderer builds them).
import init, { render } from './pkg/textlens.js';

const LABELS = ['PERSON', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME', 'DURATION', 'SET', 'MONEY', 'PERCENT', 'QUANTITY', 'QUOTE', 'SOURCE'];
const NAMES = {
  PERSON: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other names', DATE: 'Dates',
  TIME: 'Times', DURATION: 'Durations', SET: 'Repeats', MONEY: 'Money', PERCENT: 'Percentages',
  QUANTITY: 'Quantities', QUOTE: 'Quotes', SOURCE: 'Sources',
};
const $ = (id) => document.getElementById(id);
const input = $('input'), out = $('out'), legend = $('legend'), status = $('status');
const refdate = $('refdate'), dayfirst = $('dayfirst');

let worker = null;
let nextId = 0;
let inFlight = null;      // id of the request the worker is working on
let pending = false;      // the text changed while a request was in flight
let current = { text: '', analysis: null };
const hidden = new Set();

function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function loadModule() {
  const url = new URL('pkg/textlens_bg.wasm', import.meta.url);
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // Servers that do not send application/wasm.
    const bytes = await (await fetch(url)).arrayBuffer();
    return WebAssembly.compile(bytes);
  }
}

function options() {
  return { date: refdate.value || '', dayFirst: dayfirst.checked };
}

function request() {
  if (!worker) return;
  if (inFlight !== null) { pending = true; return; }
  pending = false;
  inFlight = ++nextId;
  const text = input.value;
  current.requested = text;
  worker.postMessage({ type: 'analyze', id: inFlight, text, options: options() });
}

function onResult(event) {
  const msg = event.data;
  if (msg.type === 'ready') {
    status.textContent = 'Ready. Paste or type a text.';
    document.body.dataset.ready = 'true';
    request();
    return;
  }
  if (msg.id !== inFlight) return; // a stale answer
  inFlight = null;
  if (pending) { request(); return; } // newer text waits: do not render stale marks
  if (msg.error) { status.textContent = `Could not analyse this text: ${msg.error}`; return; }
  current = { text: current.requested, analysis: msg.analysis };
  show(msg.ms);
}

function show(ms) {
  const { text, analysis } = current;
  const marks = render(out, text, analysis);
  const counts = {};
  for (const e of analysis.entities) counts[e.label] = (counts[e.label] || 0) + 1;
  buildLegend(counts);
  const chars = text.length.toLocaleString('en');
  status.textContent = text
    ? `${marks} highlights in ${chars} characters (${ms.toFixed(1)} ms).`
    : 'Ready. Paste or type a text.';
}

function buildLegend(counts) {
  legend.replaceChildren();
  for (const label of LABELS) {
    const n = counts[label] || 0;
    if (!n) continue;
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.label = label;
    b.style.setProperty('--c', `var(--${label}, #fff)`);
    b.setAttribute('aria-pressed', String(!hidden.has(label)));
    b.title = `Show or hide ${NAMES[label].toLowerCase()}`;
    const name = document.createElement('span');
    name.textContent = label;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(n);
    b.append(name, count);
    legend.append(b);
  }
}

legend.addEventListener('click', (event) => {
  const b = event.target.closest('button[data-label]');
  if (!b) return;
  const label = b.dataset.label;
  if (hidden.has(label)) hidden.delete(label); else hidden.add(label);
  out.classList.toggle(`hide-${label}`, hidden.has(label));
  b.setAttribute('aria-pressed', String(!hidden.has(label)));
});

let timer = 0;
input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(request, 150); });
input.addEventListener('paste', () => { clearTimeout(timer); setTimeout(request, 0); });
refdate.addEventListener('change', request);
dayfirst.addEventListener('change', request);
$('clear').addEventListener('click', () => { input.value = ''; request(); input.focus(); });
$('sample').addEventListener('click', async () => {
  const text = await (await fetch(new URL('sample.txt', import.meta.url))).text();
  input.value = text;
  request();
});

async function start() {
  refdate.value = todayIso();
  const module = await loadModule();
  await init({ module_or_path: module });
  worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = onResult;
  worker.onerror = (e) => { status.textContent = `The analyser failed to start: ${e.message}`; };
  worker.postMessage({ type: 'init', module });
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
}

start().catch((err) => { status.textContent = `textlens could not load: ${err}`; });
