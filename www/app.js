// The page glue: input and options → worker (analysis) → view (Rust-rendered marks),
// legend and side panel; exports, share links and printing. User text only ever reaches
// the page as text nodes (the renderer builds them) or as form values.
import init, { describeValue, maxInputBytes } from './pkg/textlens.js';
import { LABELS, NAMES, FAMILY } from './labels.js';
import { View, PIECE } from './view.js';
import { Panel, initTabs, summarise } from './panel.js';
import { download } from './export.js';
import { MAX_LINK, encodeFragment, decodeFragment, unpackText } from './share.js';

/**
 * Longest text kept in the textarea, in UTF-16 units. Chromium lays out a textarea's text
 * in one go: 300 k characters took 95 ms and 1 M took 280 ms in one task (measured here),
 * so longer texts are shown only in the highlighted view, where they render in pieces.
 */
export const EDIT_LIMIT = 200_000;
/** The group number of an entity without a group in the worker's compact form. */
const NO_GROUP = 0xFFFFFFFF;
/** Wait after the last keystroke before analysing. */
const TYPING_PAUSE_MS = 150;

const $ = (id) => document.getElementById(id);
const input = $('input'), out = $('out'), legend = $('legend'), status = $('status'), progress = $('progress');
const refdate = $('refdate'), dayfirst = $('dayfirst'), detail = $('detail'), limit = $('limit');
const longNote = $('long'), longMessage = $('long-message');

const hidden = new Set();
let maxBytes = 32 << 20;
let worker = null;
let nextId = 0;
let wanted = 0; // id of the analysis whose answers are shown; answers to others are stale
let pending = null; // {id, text, options} of that analysis
let doc = null; // the analysis on show: {id, text, entities, groups, counts, analysedTo, done, ms}
let longText = null; // a text too long for the textarea, shown only in the view
const calls = new Map(); // id → {resolve, reject} for export and share requests

const view = new View(out, { hidden, onRendered: () => showProgress() });
const panel = new Panel($('panel'), (label, value) => describeValue(label, value));
initTabs($('panel').querySelector('[role=tablist]'));

function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function options() {
  return { date: refdate.value || '', dayFirst: dayfirst.checked };
}

function currentText() {
  return longText !== null ? longText : input.value;
}

const isLong = (text) => text.length > PIECE * 1.5;
const megabytes = (n) => `${(n / 1e6).toFixed(1)} MB`;

// ---------------------------------------------------------------- analysis

/** Asks the worker for an analysis of the current text; it supersedes any pending one. */
function request() {
  if (!worker) return;
  const id = ++nextId;
  wanted = id;
  pending = { id, text: currentText(), options: options() };
  $('print-info').textContent = `Article date: ${pending.options.date || 'not set'}${pending.options.dayFirst ? '; numeric dates read day first' : ''}. Labels in brackets; underlines: names solid, times dashed, amounts double; quotes and sources have a bar on the left.`;
  worker.postMessage({ type: 'analyze', ...pending });
  if (isLong(pending.text)) {
    // Show the text in a turn of its own, so the worker gets the text at once.
    const req = pending;
    setTimeout(() => {
      if (pending !== req || (doc && doc.id === req.id)) return;
      startDoc(req);
      panel.clear('The lists appear when the analysis is complete.');
      showProgress();
    }, 0);
  }
}

function startDoc(req) {
  doc = { id: req.id, text: req.text, entities: [], groups: [], counts: {}, analysedTo: 0, done: false, ms: 0 };
  detail.textContent = '';
  view.show(doc);
}

function onPart(msg) {
  if (!doc || doc.id !== msg.id) {
    startDoc(pending);
    panel.clear('');
  }
  for (const g of msg.groups) doc.groups[g.index] = { label: g.label, canonical: g.canonical, mentions: [] };
  const { spans, values } = msg;
  const first = doc.entities.length;
  for (let j = 0; j < spans.length; j += 4) {
    const label = LABELS[spans[j + 2]];
    const e = { start: spans[j], end: spans[j + 1], label, text: doc.text.slice(spans[j], spans[j + 1]) };
    const i = doc.entities.push(e) - 1;
    if (spans[j + 3] !== NO_GROUP && doc.groups[spans[j + 3]]) {
      e.group = spans[j + 3];
      doc.groups[e.group].mentions.push(i);
    }
    doc.counts[label] = (doc.counts[label] || 0) + 1;
  }
  for (const [i, value] of values) doc.entities[first + i].value = value;
  doc.analysedTo = msg.end;
  buildLegend(doc.counts);
  view.update();
  showProgress();
}

function onDone(msg) {
  doc.done = true;
  doc.ms = msg.ms;
  view.update();
  showProgress();
  // For a long text the lists take a while: summarised in one turn, shown in the next.
  const shown = doc;
  if (!isLong(doc.text)) panel.build(doc);
  else {
    setTimeout(() => {
      if (doc !== shown) return;
      const summary = summarise(doc);
      setTimeout(() => { if (doc === shown) panel.show(summary); }, 0);
    }, 0);
  }
}

/** The status line and progress bar: analysing, then highlighting, then a summary. */
function showProgress() {
  if (!doc) return;
  const total = doc.text.length || 1;
  const analysed = doc.done ? 1 : doc.analysedTo / total;
  // A very long text is rendered near the viewport only: its progress is the analysis.
  const rendered = view.lazy ? analysed : view.pieces.length ? (view.pieces.length - view.left) / view.pieces.length : 1;
  const finished = doc.done && view.complete;
  const long = isLong(doc.text);
  progress.hidden = finished || !long;
  if (!finished) {
    const percent = Math.floor(50 * analysed + 50 * rendered);
    progress.value = percent;
    // The status line is a live region: say it in steps of 5 %, not at every piece.
    const said = analysed < 1 ? `Analysing… ${percent - (percent % 5)}%` : `Highlighting… ${percent - (percent % 5)}%`;
    if (status.textContent !== said) status.textContent = said;
    return;
  }
  const marks = doc.entities.length - (doc.counts.QUOTE || 0) - (doc.counts.SOURCE || 0);
  status.textContent = doc.text
    ? `${marks.toLocaleString('en')} highlights in ${doc.text.length.toLocaleString('en')} characters (analysed in ${doc.ms.toFixed(1)} ms).`
    : 'Ready. Paste or type a text.';
}

/** Shows a button per label found, with its count; existing buttons are updated in place
 * (so focus and clicks survive the updates while a long text is analysed). */
function buildLegend(counts) {
  const existing = new Map([...legend.querySelectorAll('button[data-label]')].map((b) => [b.dataset.label, b]));
  const buttons = [];
  for (const label of LABELS) {
    const n = counts[label] || 0;
    if (!n) continue;
    let b = existing.get(label);
    if (!b) {
      b = document.createElement('button');
      b.type = 'button';
      b.dataset.label = label;
      b.className = `family-${FAMILY[label]}`;
      b.title = `Show or hide ${NAMES[label].toLowerCase()}`;
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      const name = document.createElement('span');
      name.textContent = label;
      const count = document.createElement('span');
      count.className = 'count';
      const spoken = document.createElement('span');
      spoken.className = 'sr-only';
      spoken.textContent = ` ${NAMES[label].toLowerCase()}`;
      b.append(swatch, name, ' ', count, spoken);
    }
    b.setAttribute('aria-pressed', String(!hidden.has(label)));
    const count = b.querySelector('.count');
    const shown = n.toLocaleString('en');
    if (count.textContent !== shown) count.textContent = shown;
    buttons.push(b);
  }
  const same = buttons.length === legend.children.length && buttons.every((b, i) => legend.children[i] === b);
  if (!same) legend.replaceChildren(...buttons);
}

function setHidden(labels) {
  hidden.clear();
  for (const l of labels) hidden.add(l);
  for (const label of LABELS) out.classList.toggle(`hide-${label}`, hidden.has(label));
  for (const b of legend.querySelectorAll('button[data-label]')) b.setAttribute('aria-pressed', String(!hidden.has(b.dataset.label)));
}

legend.addEventListener('click', (event) => {
  const b = event.target.closest('button[data-label]');
  if (!b) return;
  const next = new Set(hidden);
  if (next.has(b.dataset.label)) next.delete(b.dataset.label); else next.add(b.dataset.label);
  setHidden(next);
});

// ---------------------------------------------------------------- marks and panel

/** Says what is selected, for everyone (the detail line is a live region). */
function describeSelection(i, selection) {
  if (!selection) { detail.textContent = ''; return; }
  const e = doc.entities[i];
  if (selection.group !== undefined) {
    const g = doc.groups[selection.group];
    const n = g.mentions.length;
    detail.textContent = `${g.canonical} (${NAMES[g.label].toLowerCase()}): ${n} ${n === 1 ? 'mention' : 'mentions'} highlighted.`;
  } else {
    const value = e.value ? describeValue(e.label, e.value) : '';
    detail.textContent = `${e.text} (${e.label})${value ? `: ${value}` : ''}.`;
  }
}

function activate(mark) {
  const i = Number(mark.dataset.i);
  describeSelection(i, view.select(i));
  mark.focus();
}

out.addEventListener('click', (event) => {
  const mark = event.target.closest('mark.ent');
  if (mark && out.contains(mark)) activate(mark);
});

out.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    const from = target.matches('mark.ent') ? target : out;
    const next = view.step(from, event.key === 'ArrowRight' ? 1 : -1);
    if (next) { next.focus(); event.preventDefault(); }
  } else if ((event.key === 'Enter' || event.key === ' ') && target.matches('mark.ent')) {
    event.preventDefault();
    activate(target);
  } else if (event.key === 'Escape') {
    view.clearSelection();
    detail.textContent = '';
  }
});

let cycle = { group: -1, k: 0 };
$('panel').addEventListener('click', (event) => {
  const b = event.target.closest('button[data-go]');
  if (!b || !doc) return;
  if (b.dataset.group !== undefined) {
    const g = Number(b.dataset.group);
    const mentions = doc.groups[g].mentions;
    cycle = cycle.group === g ? { group: g, k: (cycle.k + 1) % mentions.length } : { group: g, k: 0 };
    const i = mentions[cycle.k];
    if (!view.selected || view.selected.group !== g) describeSelection(i, view.select(i));
    view.goTo(i);
    detail.textContent = mentions.length > 1
      ? `${doc.groups[g].canonical}: mention ${cycle.k + 1} of ${mentions.length}. Press the name again for the next.`
      : `${doc.groups[g].canonical}: mentioned once.`;
  } else {
    const i = Number(b.dataset.go);
    cycle = { group: -1, k: 0 };
    view.clearSelection();
    describeSelection(i, view.select(i));
    view.goTo(i);
  }
});

// ---------------------------------------------------------------- the text

/** Cuts `text` to the core's limit (UTF-8 bytes), saying so; returns what is kept. */
function fit(text) {
  limit.hidden = true;
  if (text.length * 3 <= maxBytes) return text; // at most 3 bytes per UTF-16 unit
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + n > maxBytes) {
      const total = new Blob([text]).size;
      limit.textContent = `This text is ${megabytes(total)} long. textlens analyses at most ${megabytes(maxBytes)} (${maxBytes.toLocaleString('en')} bytes), so only the first ${megabytes(bytes)} are shown and analysed; the rest is left out.`;
      limit.hidden = false;
      return text.slice(0, i);
    }
    bytes += n;
    if (pair) i++;
  }
  return text;
}

/** Replaces the text: in the textarea when short enough to edit, else in the view only. */
function setText(text) {
  text = fit(text);
  if (text.length <= EDIT_LIMIT) {
    longText = null;
    longNote.hidden = true;
    input.hidden = false;
    input.value = text;
  } else {
    longText = text;
    input.value = '';
    input.hidden = true;
    longMessage.textContent = `A long text (${text.length.toLocaleString('en')} characters) is shown highlighted below. It is too long to edit here.`;
    longNote.hidden = false;
    longNote.focus();
  }
  textChanged();
  request();
}

/** The text changed: a share link made earlier no longer matches. */
function textChanged() {
  $('sharebox').hidden = true;
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
}

let timer = 0;
input.addEventListener('input', () => {
  clearTimeout(timer);
  textChanged();
  timer = setTimeout(request, TYPING_PAUSE_MS);
});
input.addEventListener('paste', (event) => {
  const pasted = event.clipboardData && event.clipboardData.getData('text/plain');
  if (typeof pasted !== 'string') return;
  const { selectionStart: a, selectionEnd: b, value } = input;
  if (value.length - (b - a) + pasted.length <= EDIT_LIMIT) {
    clearTimeout(timer);
    setTimeout(request, 0); // after the browser has inserted the text
    return;
  }
  event.preventDefault();
  const text = value.slice(0, a) + pasted + value.slice(b);
  setTimeout(() => setText(text), 0); // keep the paste's own task short
});
refdate.addEventListener('change', () => { textChanged(); request(); });
dayfirst.addEventListener('change', () => { textChanged(); request(); });
$('clear').addEventListener('click', () => { setText(''); input.focus(); });
$('long-clear').addEventListener('click', () => { setText(''); input.focus(); });
$('sample').addEventListener('click', async (event) => {
  const text = await (await fetch(new URL('sample.txt', import.meta.url))).text();
  if (event.target.dataset.date) refdate.value = event.target.dataset.date;
  setText(text);
});
$('file').addEventListener('change', async (event) => {
  const file = event.target.files && event.target.files[0];
  if (!file) return;
  const text = await file.text();
  event.target.value = '';
  setText(text);
});

// A text file dropped on the page is opened (not navigated to).
document.addEventListener('dragover', (event) => {
  if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) event.preventDefault();
});
document.addEventListener('drop', async (event) => {
  const file = event.dataTransfer && event.dataTransfer.files[0];
  if (!file) return;
  event.preventDefault();
  setText(await file.text());
});

// ---------------------------------------------------------------- export, share, print

/** Sends a request to the worker and resolves with its `data`. */
function call(msg) {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    calls.set(id, { resolve, reject });
    worker.postMessage({ ...msg, id });
  });
}

const exportName = (ext) => `textlens-${refdate.value || 'undated'}.${ext}`;

async function exported(format) {
  return call({ type: 'export', format, text: currentText(), options: options() });
}

function report(promise, done) {
  promise.then(done, (err) => { status.textContent = `Sorry, that did not work: ${err.message || err}`; });
}

$('export-json').addEventListener('click', () => report(exported('json'), (json) => {
  download(`${json}\n`, exportName('json'), 'application/json');
  status.textContent = 'The analysis was downloaded as JSON (offsets in Unicode code points, as the command-line tool prints them).';
}));
$('export-csv').addEventListener('click', () => report(exported('csv'), (csv) => {
  download(csv, exportName('csv'), 'text/csv');
  status.textContent = 'The analysis was downloaded as CSV, one row per mention.';
}));
$('copy-json').addEventListener('click', () => report(exported('json').then((json) => navigator.clipboard.writeText(json)), () => {
  status.textContent = 'The analysis was copied as JSON.';
}));
$('print').addEventListener('click', () => window.print());
window.addEventListener('beforeprint', () => view.renderAll());

$('share').addEventListener('click', () => report(call({ type: 'share', text: currentText() }), async (data) => {
  const fragment = encodeFragment({ data, date: refdate.value, dayFirst: dayfirst.checked, hidden: [...hidden] });
  const link = `${location.origin}${location.pathname}${location.search}${fragment}`;
  if (link.length > MAX_LINK) {
    status.textContent = `This text is too long for a link (${megabytes(link.length)} once compressed; links hold about ${megabytes(MAX_LINK)}). Share the file or the JSON export instead.`;
    return;
  }
  const box = $('sharebox'), field = $('sharelink');
  field.value = link;
  box.hidden = false;
  field.focus();
  field.select();
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = 'Share link copied. The text travels inside the link: opening it restores the text and options.';
  } catch {
    status.textContent = 'Share link ready: copy it from the field.';
  }
}));

/** Restores text and options from a share link's fragment. Returns true when it did. */
async function restore() {
  const link = decodeFragment(location.hash);
  if (!link) return false;
  let text;
  try {
    text = await unpackText(link.data, maxBytes);
  } catch (err) {
    status.textContent = err.message === 'too long'
      ? `This link holds a text longer than ${megabytes(maxBytes)}; it was not opened.`
      : 'This link is damaged: its text could not be read.';
    return false;
  }
  refdate.value = link.date || todayIso();
  dayfirst.checked = link.dayFirst;
  setHidden(link.hidden);
  const hash = location.hash;
  setText(text);
  history.replaceState(null, '', hash); // keep the link in the address bar until the text changes
  return true;
}

window.addEventListener('hashchange', () => { restore(); });

// ---------------------------------------------------------------- start

function onMessage(event) {
  const msg = event.data;
  if (msg.type === 'ready') {
    document.body.dataset.ready = 'true';
    if (quietStart) { quietStart = false; return; }
    status.textContent = 'Ready. Paste or type a text.';
    request();
    return;
  }
  const waiting = calls.get(msg.id);
  if (waiting) {
    calls.delete(msg.id);
    if (msg.type === 'error') waiting.reject(new Error(msg.message)); else waiting.resolve(msg.data);
    return;
  }
  if (msg.id !== wanted) return; // a stale answer: a newer request superseded it
  if (msg.type === 'part') onPart(msg);
  else if (msg.type === 'done') onDone(msg);
  else if (msg.type === 'error') {
    status.textContent = `Could not analyse this text: ${msg.message}. The analyser was restarted; edit the text to try again.`;
    quietStart = true; // not the same text again straight away
    startWorker(); // a trap can leave the WASM instance unusable: start afresh
  }
}

async function loadModule() {
  const url = new URL('pkg/textlens_bg.wasm', import.meta.url);
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // Servers that do not send application/wasm.
    return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
  }
}

let wasmModule = null;
let quietStart = false;

/** Starts (or restarts) the analysis worker; it says 'ready' when it can take requests. */
function startWorker() {
  if (worker) worker.terminate();
  for (const { reject } of calls.values()) reject(new Error('the analyser was restarted'));
  calls.clear();
  worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = onMessage;
  worker.onerror = (e) => { status.textContent = `The analyser failed: ${e.message || 'unknown error'}`; };
  worker.postMessage({ type: 'init', module: wasmModule });
}

async function start() {
  refdate.value = todayIso();
  const module = await loadModule();
  await init({ module_or_path: module });
  maxBytes = maxInputBytes();
  await restore();
  wasmModule = module;
  startWorker();
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
}

start().catch((err) => { status.textContent = `textlens could not load: ${err}`; });
