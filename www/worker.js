// Runs the analysis off the main thread, so typing and scrolling never wait on it.
//
// In:  {type: 'init', module}                       once
//      {type: 'analyze', id, text, options}         supersedes any pending analysis
//      {type: 'export', id, text, options, format}  format 'json' (the CLI's output) or 'csv'
//      {type: 'share', id, text}                    the compressed text for a link
// Out: {type: 'ready'}
//      {type: 'part', id, base, end, total, spans, values, groups}   the entities of text[base..end]:
//          spans = Uint32Array [start, end, label index, group] per entity (absolute UTF-16
//          offsets; group 0xFFFFFFFF = none), values = [[index in this part, value]],
//          groups = the groups first seen in this part, [{index, label, canonical}]
//      {type: 'done', id, ms} | {type: 'error', id, message}
//      {type: 'export', id, data} | {type: 'share', id, data}
//
// A text of up to WHOLE UTF-16 units is analysed in one call: the result is exactly the
// core's. A longer one is cut into pieces of about PART units at paragraph breaks; after
// each piece the worker posts it (the page shows progress and renders it) and yields, so a
// newer request arriving meanwhile abandons the rest. Requests that pile up while a piece
// is analysed collapse into the newest: there is no queue. Groups of mentions are merged
// across pieces by label and canonical name; offsets are made absolute.
import { initSync, analyzeCompact, cliJson, describeValue } from './pkg/textlens.js';
import { cutPoints } from './cuts.js';
import { packText } from './share.js';
import { toCsv } from './export.js';

/** The group number of an entity without a group in the compact form. */
const NO_GROUP = 0xFFFFFFFF;
/** Texts up to this many UTF-16 units are analysed whole. */
export const WHOLE = 1_000_000;
/** Longer texts are analysed in pieces of about this many units. */
export const PART = 400_000;

let latest = null; // the newest analysis request not started yet
let running = false;

self.onmessage = (event) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      initSync({ module: msg.module });
      self.postMessage({ type: 'ready' });
      break;
    case 'analyze':
      latest = msg;
      if (!running) { running = true; setTimeout(drain, 0); }
      break;
    case 'export':
      answer(msg, () => {
        const json = cliJson(msg.text, msg.options);
        return msg.format === 'csv' ? toCsv(JSON.parse(json), describeValue) : json;
      });
      break;
    case 'share':
      packText(msg.text).then((data) => self.postMessage({ type: 'share', id: msg.id, data }),
        (err) => self.postMessage({ type: 'error', id: msg.id, message: String(err && err.message || err) }));
      break;
    default:
  }
};

function answer(msg, work) {
  try {
    self.postMessage({ type: msg.type, id: msg.id, data: work() });
  } catch (err) {
    self.postMessage({ type: 'error', id: msg.id, message: String(err && err.message || err) });
  }
}

/** Analyses the newest request, then any newer one that arrived meanwhile. */
async function drain() {
  while (latest) {
    const job = latest;
    latest = null;
    await analyse(job);
  }
  running = false;
}

/** Gives queued messages a turn. */
const yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * One analysis of the core in the compact form (measured fastest to hand to the page:
 * see the README): `{spans, values, groups}` where `spans` is a Uint32Array of
 * [start, end, label index, group] per entity (UTF-16 offsets) and `values` holds
 * [entity index, value] pairs.
 */
function core(text, options) {
  const { spans, meta } = analyzeCompact(text, options);
  const { values, groups } = JSON.parse(meta);
  return { spans, values: values.map(([i, entity]) => [i, entity.value]), groups };
}

async function analyse({ id, text, options }) {
  const t0 = performance.now();
  const cuts = text.length <= WHOLE ? [0, text.length] : cutPoints(text, PART);
  const keys = new Map(); // label + canonical → group index across pieces
  try {
    for (let k = 0; k + 1 < cuts.length; k++) {
      const base = cuts[k], end = cuts[k + 1];
      const part = core(text.slice(base, end), options);
      const fresh = [];
      const global = part.groups.map((g) => {
        const key = `${g.label}\u0000${g.canonical}`;
        let index = keys.get(key);
        if (index === undefined) {
          index = keys.size;
          keys.set(key, index);
          fresh.push({ index, label: g.label, canonical: g.canonical });
        }
        return index;
      });
      const s = part.spans;
      for (let j = 0; j < s.length; j += 4) {
        s[j] += base;
        s[j + 1] += base;
        if (s[j + 3] !== NO_GROUP) s[j + 3] = global[s[j + 3]];
      }
      for (const [, value] of part.values) {
        const span = value.speaker_span;
        if (span) { span.start += base; span.end += base; }
      }
      self.postMessage({ type: 'part', id, base, end, total: text.length, spans: s, values: part.values, groups: fresh }, [s.buffer]);
      if (k + 2 < cuts.length) {
        await yieldToMessages();
        if (latest) return; // superseded
      }
    }
    self.postMessage({ type: 'done', id, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ type: 'error', id, message: String(err && err.message || err) });
  }
}
