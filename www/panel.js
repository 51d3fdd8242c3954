// The side panel: People, Organisations, Places, Sources, Money and Timeline, built from an
// analysis. Every item is a button that carries the entity it leads to (`data-go`) and,
// for names, the group whose mentions it highlights (`data-group`). The tabs follow the
// WAI-ARIA tabs pattern (arrow keys, Home, End); printing shows every list.
import { lowerBound } from './cuts.js';

/** Longest list shown; the rest is counted ("and 12 more"). */
const LIST_MAX = 200;
/** Longest quote or context shown in the panel, in characters. */
const SNIPPET = 160;

/** Sets up the tabs inside `root` (buttons with role=tab controlling role=tabpanel sections). */
export function initTabs(root, onChange) {
  const tabs = [...root.querySelectorAll('[role=tab]')];
  const choose = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    if (onChange) onChange(tab.id);
  };
  root.addEventListener('click', (e) => {
    const tab = e.target.closest('[role=tab]');
    if (tab) choose(tab, false);
  });
  root.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(e.target.closest('[role=tab]'));
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    choose(tabs[(to + tabs.length) % tabs.length], true);
  });
  choose(tabs.find((t) => t.getAttribute('aria-selected') === 'true') || tabs[0], false);
  return { choose: (id) => choose(tabs.find((t) => t.id === id) || tabs[0], false) };
}

/** A new element with a class and text. */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A button that leads to entity `i` (and highlights group `group` when given). */
function goButton(text, i, group, label) {
  const b = el('button', 'go', text);
  b.type = 'button';
  b.dataset.go = String(i);
  if (group !== undefined) b.dataset.group = String(group);
  if (label) b.setAttribute('aria-label', label);
  return b;
}

/** `text` shortened to `max` characters at a word boundary. */
export function shorten(text, max = SNIPPET) {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set(('Mr Mrs Ms Dr Prof St Gen Sen Rep Gov Lt Col Capt Sgt Maj Adm Rev Jr Sr No vs Inc Corp Ltd Co '
  + 'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun').split(' '));

/** Sentence ends in `s` (positions just after the punctuation), skipping abbreviations and initials. */
function sentenceEnds(s) {
  const ends = [];
  const re = /[.?!]+["”’)]*(?=\s+["“‘(]?[A-Z0-9])|\n/g;
  let m;
  while ((m = re.exec(s))) {
    if (m[0][0] === '.') {
      const word = /([A-Za-z]+)$/.exec(s.slice(Math.max(0, m.index - 12), m.index));
      if (word && (word[1].length === 1 || ABBREVIATIONS.has(word[1]))) continue; // U.S., J. Smith, Nov.
    }
    ends.push(m.index + m[0].length);
  }
  return ends;
}

/**
 * The sentence around `start..end` of `text`, cut to at most `max` characters around that
 * stretch (which is always kept whole) at word boundaries, with `…` where it was cut.
 */
export function context(text, start, end, max = SNIPPET) {
  const from = Math.max(0, start - max), to = Math.min(text.length, end + max);
  // A sentence end is seen with what follows it, so look a little past `start`.
  const b = sentenceEnds(text.slice(from, Math.min(text.length, start + 3))).filter((x) => x <= start - from).pop();
  const a = sentenceEnds(text.slice(end, to))[0];
  let lo = b !== undefined ? from + b : from, hi = a !== undefined ? end + a : to;
  // Keep the stretch, then share what room is left between before and after.
  const room = Math.max(0, max - (end - start));
  let before = Math.min(start - lo, Math.floor(room / 2));
  const after = Math.min(hi - end, room - before);
  before = Math.min(start - lo, room - after);
  const cutLo = start - before > lo, cutHi = end + after < hi;
  lo = start - before;
  hi = end + after;
  let head = text.slice(lo, start), tail = text.slice(end, hi);
  if (cutLo) { const sp = head.indexOf(' '); head = `…${sp >= 0 ? head.slice(sp + 1) : head}`; } else if (lo > 0 && b === undefined && lo === from) head = `…${head}`;
  if (cutHi) { const sp = tail.lastIndexOf(' '); tail = `${sp >= 0 ? tail.slice(0, sp) : tail}…`; } else if (hi < text.length && a === undefined && hi === to) tail = `${tail}…`;
  return (head + text.slice(start, end) + tail).replace(/\s+/g, ' ').trim();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Reads `YYYY-MM-DD` (years may be negative or longer) into [y, m, d], or null. */
function ymd(iso) {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)/.exec(iso || '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function daysIn(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A reader's name for a calendar range: `1 Aug 2017`, `August 2017`, `2017`, `1–5 Aug 2017`. */
export function calendarName(start, end) {
  const s = ymd(start), e = ymd(end || start);
  if (!s || !e) return start || '';
  const [sy, sm, sd] = s, [ey, em, ed] = e;
  if (sy === ey && sm === em && sd === ed) return `${sd} ${MONTHS[sm - 1]} ${sy}`;
  if (sy === ey && sm === 1 && sd === 1 && em === 12 && ed === 31) return String(sy);
  if (sy === ey && sm === em && sd === 1 && ed === daysIn(ey, em)) return `${FULL_MONTHS[sm - 1]} ${sy}`;
  if (sy === ey && sm === em) return `${sd}–${ed} ${MONTHS[sm - 1]} ${sy}`;
  if (sy === ey) return `${sd} ${MONTHS[sm - 1]} – ${ed} ${MONTHS[em - 1]} ${sy}`;
  return `${sd} ${MONTHS[sm - 1]} ${sy} – ${ed} ${MONTHS[em - 1]} ${ey}`;
}

/**
 * What the panel lists, computed from `doc` = `{text, entities, groups}` (UTF-16 offsets).
 * Speakers are tied to a name's group through `speaker_span` (or, failing that, the name).
 */
export function summarise(doc) {
  const { text, entities, groups } = doc;
  const byLabel = (label) => groups.map((g, index) => ({ ...g, index })).filter((g) => g.label === label && g.mentions.length)
    .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0] - b.mentions[0]);
  const people = new Map(byLabel('PERSON').map((g) => [g.index, { group: g, roles: new Set(), quotes: [], reports: [] }]));
  const groupByName = new Map(groups.map((g, index) => [g.canonical, index]).filter(([, i]) => !isSpeech(groups[i].label)));
  const named = new Map();
  const anonymous = [];
  const money = [], figures = [], dated = [], undated = [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const v = e.value;
    switch (e.label) {
      case 'QUOTE':
      case 'SOURCE': {
        if (!v) break;
        if (v.anonymous) { anonymous.push(i); break; }
        const g = speakerGroup(entities, v, groupByName);
        const person = g !== undefined ? people.get(g) : undefined;
        if (person) {
          (e.label === 'QUOTE' ? person.quotes : person.reports).push(i);
          if (v.speaker_role) person.roles.add(v.speaker_role);
        }
        const name = g !== undefined ? groups[g].canonical : v.speaker;
        if (!name) break;
        const key = g !== undefined ? `g${g}` : `n${name}`;
        if (!named.has(key)) named.set(key, { name, group: g, roles: new Set(), items: [] });
        const source = named.get(key);
        source.items.push(i);
        if (v.speaker_role) source.roles.add(v.speaker_role);
        break;
      }
      case 'MONEY': money.push(i); break;
      case 'PERCENT': case 'QUANTITY': figures.push(i); break;
      case 'DATE': case 'TIME': case 'DURATION': case 'SET':
        (v && v.start ? dated : undated).push(i);
        break;
      default:
    }
  }
  // Sort keys computed once (a 10 MB text has tens of thousands of dates).
  const keyed = dated.map((i) => {
    const v = entities[i].value;
    return { i, start: dayNumber(v.start), end: dayNumber(v.end || v.start) };
  });
  keyed.sort((x, y) => x.start - y.start || x.end - y.end || x.i - y.i);
  return {
    text,
    entities,
    people: [...people.values()],
    orgs: byLabel('ORG'),
    places: byLabel('LOC'),
    misc: byLabel('MISC'),
    named: [...named.values()].sort((a, b) => b.items.length - a.items.length || a.items[0] - b.items[0]),
    anonymous,
    money,
    figures,
    dated: keyed.map((k) => k.i),
    undated,
  };
}

/** A number that orders ISO dates (negative and five-digit years too); unreadable last. */
function dayNumber(iso) {
  // The common `YYYY-MM-DD` without a regular expression: this runs for every date.
  if (typeof iso === 'string' && iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    let n = 0;
    for (let i = 0; i < 10; i++) {
      if (i === 4 || i === 7) continue;
      const c = iso.charCodeAt(i) - 48;
      if (c < 0 || c > 9) { n = -1; break; }
      n = n * 10 + c;
    }
    if (n >= 0) return n;
  }
  const d = ymd(iso);
  return d ? d[0] * 10000 + d[1] * 100 + d[2] : Number.MAX_SAFE_INTEGER;
}

/** The group of the name a quote's `speaker_span` points at, else of its speaker's name. */
function speakerGroup(entities, v, groupByName) {
  const span = v.speaker_span;
  if (span) {
    let k = lowerBound(entities, span.start, (e) => e.start);
    for (const j of [k - 1, k, k + 1]) {
      const e = entities[j];
      if (e && e.group !== undefined && e.start < span.end && span.start < e.end && !isSpeech(e.label)) return e.group;
    }
  }
  if (!v.speaker) return undefined;
  const exact = groupByName.get(v.speaker);
  if (exact !== undefined) return exact;
  // A name found with its title (`Foreign Minister Ayla Demirci`) for the speaker `Ayla Demirci`.
  for (const [name, g] of groupByName) if (name.endsWith(` ${v.speaker}`)) return g;
  return undefined;
}

const isSpeech = (label) => label === 'QUOTE' || label === 'SOURCE';

const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The panel: fills each tab's list from a summary. */
export class Panel {
  /** `root`: the panel element; `describe(label, value)`: a reader's text for a value. */
  constructor(root, describe) {
    this.root = root;
    this.describe = describe;
  }

  /** Empties every list and shows `message` instead. */
  clear(message) {
    for (const body of this.root.querySelectorAll('.list-body')) body.replaceChildren(el('p', 'empty', message));
    for (const n of this.root.querySelectorAll('[role=tab] .n')) n.textContent = '';
  }

  /** Fills the lists from the document. */
  build(doc) {
    return this.show(summarise(doc));
  }

  /** Fills the lists from a summary (`summarise(doc)`). */
  show(s) {
    this.fill('people', s.people.length, this.people(s));
    this.fill('orgs', s.orgs.length + s.misc.length, this.names(s, s.orgs, 'organisations', s.misc));
    this.fill('places', s.places.length, this.names(s, s.places, 'places'));
    this.fill('sources', s.named.length + s.anonymous.length, this.sources(s));
    this.fill('money', s.money.length, this.money(s));
    this.fill('timeline', s.dated.length + s.undated.length, this.timeline(s));
    return s;
  }

  fill(name, count, content) {
    this.root.querySelector(`#tab-${name} .n`).textContent = String(count);
    this.root.querySelector(`#list-${name} .list-body`).replaceChildren(...content);
  }

  people(s) {
    if (!s.people.length) return [el('p', 'empty', 'No people found.')];
    const ul = el('ul', 'items');
    for (const p of s.people.slice(0, LIST_MAX)) {
      const li = el('li', 'item');
      const g = p.group;
      li.append(goButton(g.canonical, g.mentions[0], g.index, `${g.canonical}: show every mention`), ' ',
        el('span', 'count', plural(g.mentions.length, 'mention', 'mentions')));
      if (p.roles.size) li.append(el('p', 'role', [...p.roles].join('; ')));
      if (p.quotes.length || p.reports.length) {
        const said = el('ul', 'said');
        said.setAttribute('aria-label', `What ${g.canonical} is quoted saying`);
        for (const i of [...p.quotes, ...p.reports].sort((a, b) => a - b).slice(0, LIST_MAX)) {
          const e = s.entities[i];
          const shown = e.label === 'QUOTE' ? shorten(e.text) : context(s.text, e.start, e.end);
          said.append(wrap('li', goButton(shown, i, undefined, `${e.label === 'QUOTE' ? 'Quote' : 'Reported'}: ${shown}`)));
        }
        li.append(said);
      }
      ul.append(li);
    }
    return [ul, ...more(s.people.length)];
  }

  names(s, list, what, extra) {
    const out = [];
    out.push(list.length ? this.nameList(list) : el('p', 'empty', `No ${what} found.`), ...more(list.length));
    if (extra && extra.length) out.push(el('h4', '', 'Other names'), this.nameList(extra), ...more(extra.length));
    return out;
  }

  nameList(list) {
    const ul = el('ul', 'items');
    for (const g of list.slice(0, LIST_MAX)) {
      ul.append(wrap('li', goButton(g.canonical, g.mentions[0], g.index, `${g.canonical}: show every mention`), ' ',
        el('span', 'count', plural(g.mentions.length, 'mention', 'mentions'))));
    }
    return ul;
  }

  sources(s) {
    const out = [el('p', 'summary', `${plural(s.named.length, 'named source', 'named sources')}, ${plural(s.anonymous.length, 'anonymous source', 'anonymous sources')}.`)];
    out.push(el('h4', '', 'Named'));
    if (!s.named.length) out.push(el('p', 'empty', 'No named sources found.'));
    else {
      const ul = el('ul', 'items named');
      for (const src of s.named.slice(0, LIST_MAX)) {
        const li = el('li', 'item');
        li.append(goButton(src.name, src.items[0], undefined, `${src.name}: first attribution`), ' ',
          el('span', 'count', plural(src.items.length, 'attribution', 'attributions')));
        if (src.roles.size) li.append(el('p', 'role', [...src.roles].join('; ')));
        const said = el('ul', 'said');
        for (const i of src.items.slice(0, LIST_MAX)) {
          const e = s.entities[i];
          const shown = e.label === 'QUOTE' ? shorten(e.text) : context(s.text, e.start, e.end);
          said.append(wrap('li', goButton(shown, i)));
        }
        li.append(said);
        ul.append(li);
      }
      out.push(ul, ...more(s.named.length));
    }
    out.push(el('h4', '', 'Anonymous'));
    if (!s.anonymous.length) out.push(el('p', 'empty', 'No anonymous sources found.'));
    else {
      const ul = el('ul', 'items anonymous');
      for (const i of s.anonymous.slice(0, LIST_MAX)) {
        const e = s.entities[i];
        const who = (e.value && e.value.speaker) || 'unnamed source';
        const li = el('li', 'item');
        li.append(goButton(who, i, undefined, `${who}: anonymous source`), el('p', 'context', context(s.text, e.start, e.end)));
        ul.append(li);
      }
      out.push(ul, ...more(s.anonymous.length));
    }
    return out;
  }

  money(s) {
    const out = [];
    out.push(s.money.length ? this.table(s, s.money, 'Amounts of money, in the order they appear', ['Amount', 'Value'])
      : el('p', 'empty', 'No amounts of money found.'), ...more(s.money.length));
    if (s.figures.length) {
      out.push(el('h4', '', 'Percentages and quantities'),
        this.table(s, s.figures, 'Percentages and quantities, in the order they appear', ['As written', 'Value']), ...more(s.figures.length));
    }
    return out;
  }

  table(s, list, caption, heads) {
    const table = el('table', 'figures');
    table.append(el('caption', 'sr-only', caption));
    const head = el('tr');
    for (const h of heads) { const th = el('th', '', h); th.scope = 'col'; head.append(th); }
    table.append(wrap('thead', head));
    const body = el('tbody');
    for (const i of list.slice(0, LIST_MAX)) {
      const e = s.entities[i];
      const value = e.value ? this.describe(e.label, e.value) : '';
      body.append(wrap('tr', wrap('td', goButton(e.text, i)), el('td', 'value', value)));
    }
    table.append(body);
    return table;
  }

  timeline(s) {
    const out = [];
    if (!s.dated.length) out.push(el('p', 'empty', 'No dates placed on the calendar.'));
    else {
      const ol = el('ol', 'items timeline');
      for (const i of s.dated.slice(0, LIST_MAX)) {
        const e = s.entities[i];
        const when = calendarName(e.value.start, e.value.end);
        const li = el('li', 'item');
        li.append(el('span', 'when', when), ' ', goButton(e.text, i, undefined, `${e.text} (${when})`),
          el('p', 'context', context(s.text, e.start, e.end)));
        ol.append(li);
      }
      out.push(ol, ...more(s.dated.length));
    }
    if (s.undated.length) {
      out.push(el('h4', '', 'Not on the calendar'));
      const ul = el('ul', 'items');
      for (const i of s.undated.slice(0, LIST_MAX)) {
        const e = s.entities[i];
        const value = e.value ? this.describe(e.label, e.value) : '';
        ul.append(wrap('li', goButton(e.text, i), ' ', el('span', 'count', value)));
      }
      out.push(ul, ...more(s.undated.length));
    }
    return out;
  }
}

/** A note for lists cut at LIST_MAX. */
function more(n) {
  return n > LIST_MAX ? [el('p', 'more', `and ${(n - LIST_MAX).toLocaleString('en')} more (see the export).`)] : [];
}

function wrap(tag, ...children) {
  const e = document.createElement(tag);
  e.append(...children);
  return e;
}
