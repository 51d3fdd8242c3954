// Browser tests of the side panel: its tabs, its lists, and every item leading to its place
// in the text. The sample article is used as a person would; the lists for quotes, sources
// and the timeline are also checked on an analysis written out in the documented value
// formats (QUOTE/SOURCE {speaker, speaker_span, verb, speaker_role?, anonymous}, temporal
// {timex, start?, end?}).
import { test, run, assert, assertEqual, ready } from './harness.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../www');
const shots = path.resolve(here, '../target/e2e');

async function sample(page, url) {
  await ready(page, url);
  await page.click('#sample');
  await page.waitForFunction(() => / highlights in /.test(document.getElementById('status').textContent) && document.querySelector('#list-people li'));
}

const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a.tagName, text: a.textContent, label: a.dataset.label, i: a.dataset.i, sel: a.classList.contains('sel'), flash: a.classList.contains('flash') };
});

test('People: each name with its mentions leads to the text and highlights the group', async (page, { url }) => {
  await sample(page, url);
  const people = await page.$$eval('#list-people .items > li', (lis) => lis.map((li) => [li.querySelector('button.go').textContent, li.querySelector('.count').textContent]));
  const whitfield = people.find(([name]) => name.includes('Dana Whitfield'));
  assert(whitfield, `Dana Whitfield is listed: ${JSON.stringify(people)}`);
  assertEqual(await page.textContent('#tab-people .n'), String(people.length), 'the tab counts the people');
  await page.click('#list-people button.go >> text=Dana Whitfield');
  const f = await focused(page);
  assertEqual([f.tag, f.label, f.sel, f.flash], ['MARK', 'PERSON', true, true], 'the mention is focused, highlighted and flashed');
  assert(f.text.includes('Dana Whitfield'), f.text);
  assert(/mention 1 of|mentioned once/.test(await page.textContent('#detail')), 'says which mention');
  const inView = await page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert(inView, 'scrolled into view');
});

test('Places: the count matches the text and pressing again goes to the next mention', async (page, { url }) => {
  await sample(page, url);
  await page.click('#tab-places');
  assert(await page.isVisible('#list-places'), 'the Places list is shown');
  assert(!(await page.isVisible('#list-people')), 'People is hidden');
  const turkey = page.locator('#list-places button.go', { hasText: /^Turkey$/ });
  const count = Number((await page.locator('#list-places li', { has: page.locator('button.go', { hasText: /^Turkey$/ }) }).locator('.count').textContent()).split(' ')[0]);
  const group = await turkey.getAttribute('data-group');
  assertEqual(await page.$$eval(`#out mark[data-group="${group}"]`, (ms) => ms.length), count, 'mentions in the text');
  assert(count >= 3, 'Turkey is mentioned several times');
  await turkey.click();
  const first = await focused(page);
  await turkey.click();
  const second = await focused(page);
  assertEqual([first.text, second.text], ['Turkey', 'Turkey'], 'both are mentions of Turkey');
  assert(Number(second.i) > Number(first.i), 'the second press goes further');
  assertEqual(await page.$$eval('#out .sel', (ms) => ms.length), count, 'the whole group stays highlighted');
});

test('Money: the amounts in text order with their normalised values', async (page, { url }) => {
  await sample(page, url);
  await page.click('#tab-money');
  const table = await page.$$eval('#list-money table.figures:first-of-type tbody tr', (trs) => trs.map((tr) => [tr.querySelector('button').textContent, tr.querySelector('.value').textContent, Number(tr.querySelector('button').dataset.go)]));
  const inText = await page.$$eval('#out mark[data-label=MONEY]', (ms) => ms.map((m) => [m.textContent, m.title, Number(m.dataset.i)]));
  assertEqual(table, inText, 'one row per amount, as in the text, with the tooltip value');
  assert(table.some(([t, v]) => t === '$2.5 billion' && v === '2,500,000,000 USD'), JSON.stringify(table));
  const headers = await page.$$eval('#list-money table.figures th', (ths) => ths.map((th) => [th.textContent, th.scope]));
  assertEqual(headers.slice(0, 2), [['Amount', 'col'], ['Value', 'col']], 'column headers');
  await page.click('#list-money button.go >> text=€40m');
  const f = await focused(page);
  assertEqual([f.text, f.label], ['€40m', 'MONEY'], 'the amount is focused in the text');
});

test('Timeline: every date leads to its place in the text', async (page, { url }) => {
  await sample(page, url);
  await page.click('#tab-timeline');
  const items = await page.$$eval('#list-timeline button.go', (bs) => bs.map((b) => [b.textContent, b.dataset.go]));
  const dates = await page.$$eval('#out mark', (ms) => ms.filter((m) => ['DATE', 'TIME', 'DURATION', 'SET'].includes(m.dataset.label)).map((m) => m.dataset.i));
  assertEqual(items.map(([, i]) => i).sort(), [...dates].sort(), 'every time expression is in the timeline');
  // Calendar order: the first day of each dated item, read from its mark's tooltip.
  const starts = await page.$$eval('#list-timeline .timeline button.go', (bs) => bs.map((b) => {
    const title = document.querySelector(`#out [data-i="${b.dataset.go}"]`).title;
    return (/\((\d{4}-\d\d-\d\d)/.exec(title) || /^(\d{4}-\d\d-\d\d)/.exec(title) || [])[1];
  }));
  assert(starts.length >= 5 && starts.every(Boolean), `the sample's dates are placed on the calendar: ${starts}`);
  assertEqual(starts, [...starts].sort(), 'in calendar order');
  for (const [text, i] of items.slice(0, 3)) {
    await page.click(`#list-timeline button.go[data-go="${i}"]`);
    const f = await focused(page);
    assertEqual([f.text, f.i], [text, i], `goes to ${text}`);
  }
});

test('Sources and quotes from the sample: named and anonymous, each leading to its place', async (page, { url }) => {
  await sample(page, url);
  // People: what each is quoted saying.
  const said = await page.$$eval('#list-people .items > li', (lis) => Object.fromEntries(lis.map((li) => [
    li.querySelector('button.go').textContent, [...li.querySelectorAll('.said button')].map((b) => b.textContent)])));
  const whitfield = Object.entries(said).find(([name]) => name.includes('Dana Whitfield'));
  assert(whitfield && whitfield[1].some((q) => q.includes('We have been clear about the consequences')), `Dana Whitfield's quote: ${JSON.stringify(said)}`);
  await page.click('#list-people .said button >> text=/We have been clear/');
  const quote = await page.evaluate(() => [document.activeElement.dataset.label, document.activeElement.textContent, document.activeElement.classList.contains('flash')]);
  assertEqual(quote[0], 'QUOTE', 'the quote is focused in the text');
  assert(quote[1].includes('We have been clear') && quote[2], 'and flashed');
  // Sources: named and anonymous.
  await page.click('#tab-sources');
  const anonymous = await page.$$eval('#list-sources .anonymous button.go', (bs) => bs.map((b) => b.textContent.toLowerCase()));
  for (const who of ['officials familiar with the talks', 'a source close to the negotiations']) {
    assert(anonymous.some((a) => a.includes(who)), `${who} is an anonymous source: ${anonymous}`);
  }
  const named = await page.$$eval('#list-sources .named > li > button.go', (bs) => bs.map((b) => b.textContent));
  assert(named.some((n) => n.includes('Dana Whitfield')) && named.some((n) => n.includes('Demirci')), `named sources: ${named}`);
  const summary = await page.textContent('#list-sources .summary');
  assert(new RegExp(`${named.length} named sources?, ${anonymous.length} anonymous sources?`).test(summary), summary);
  await page.click('#list-sources .anonymous button.go >> nth=0');
  const source = await page.evaluate(() => [document.activeElement.dataset.label, document.activeElement.dataset.who]);
  assertEqual(source, ['SOURCE', 'anonymous'], 'the attribution is focused in the text');
});

test('tabs work from the keyboard (arrows, Home, End)', async (page, { url }) => {
  await sample(page, url);
  await page.focus('#tab-people');
  await page.keyboard.press('ArrowRight');
  assertEqual(await page.evaluate(() => document.activeElement.id), 'tab-orgs', 'focus moves');
  assertEqual(await page.getAttribute('#tab-orgs', 'aria-selected'), 'true', 'and selects');
  assert(await page.isVisible('#list-orgs'), 'its list shows');
  await page.keyboard.press('End');
  assertEqual(await page.evaluate(() => document.activeElement.id), 'tab-timeline', 'End');
  await page.keyboard.press('ArrowRight');
  assertEqual(await page.evaluate(() => document.activeElement.id), 'tab-people', 'wraps around');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  assertEqual(await page.evaluate(() => document.activeElement.id), 'tab-people', 'Home');
  const tabIndexes = await page.$$eval('[role=tab]', (ts) => ts.map((t) => t.tabIndex));
  assertEqual(tabIndexes.filter((t) => t === 0).length, 1, 'one tab stop for the tab list');
  await page.keyboard.press('Tab');
  assertEqual(await page.evaluate(() => document.activeElement.id), 'list-people', 'Tab goes to the list');
});

test('screenshot of the sample article with the panel (copied to docs/screenshot.png)', async (page, { url }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await sample(page, url);
  const first = page.locator('#list-people button.go').first();
  await first.click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(1300); // let the flash fade
  await page.screenshot({ path: path.join(shots, 'screenshot.png') });
  assert(await page.$$eval('#out .sel', (ms) => ms.length) >= 1, 'a group is highlighted in the picture');
});

/** An analysis in the documented formats (UTF-16 offsets), built from the text. */
function syntheticDoc() {
  const text = '“We will not go back,” Foreign Minister Ayla Demirci said on Aug. 1. Officials said the deal cost $2.5 billion. '
    + 'Demirci told reporters on Friday: “It is done.” According to Reuters, talks began in 2016 and will last 18 months.';
  const at = (s, from = 0) => { const start = text.indexOf(s, from); return { start, end: start + s.length }; };
  const ayla = at('Ayla Demirci'), demirci = at('Demirci', ayla.end), reuters = at('Reuters');
  const e = (s, label, extra = {}, from = 0) => ({ ...at(s, from), label, text: s, ...extra });
  const entities = [
    e('“We will not go back,”', 'QUOTE', { value: { speaker: 'Ayla Demirci', speaker_span: ayla, verb: 'said', speaker_role: 'Foreign Minister', anonymous: false } }),
    e('Ayla Demirci', 'PERSON', { group: 0 }),
    e('Aug. 1', 'DATE', { value: { timex: '2017-08-01', start: '2017-08-01', end: '2017-08-01' } }),
    e('Officials said', 'SOURCE', { value: { speaker: 'Officials', speaker_span: at('Officials'), verb: 'said', anonymous: true } }),
    e('$2.5 billion', 'MONEY', { value: { amount: 2500000000, currency: 'USD' } }),
    e('Demirci', 'PERSON', { group: 0 }, ayla.end),
    e('Friday', 'DATE', { value: { timex: '2017-07-28', start: '2017-07-28', end: '2017-07-28' } }),
    e('“It is done.”', 'QUOTE', { value: { speaker: 'Ayla Demirci', speaker_span: demirci, verb: 'told', anonymous: false } }),
    e('According to Reuters', 'SOURCE', { value: { speaker: 'Reuters', speaker_span: reuters, verb: 'according to', anonymous: false } }),
    e('Reuters', 'ORG', { group: 1 }),
    e('2016', 'DATE', { value: { timex: '2016', start: '2016-01-01', end: '2016-12-31' } }),
    e('18 months', 'DURATION', { value: { timex: 'P18M' } }),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const groups = [{ label: 'PERSON', canonical: 'Ayla Demirci', mentions: [] }, { label: 'ORG', canonical: 'Reuters', mentions: [] }];
  entities.forEach((x, i) => { if (x.group !== undefined) groups[x.group].mentions.push(i); });
  return { text, entities, groups };
}

test('lists for quotes, sources and the timeline from the documented value formats', async (page, { url }) => {
  await ready(page, url);
  const got = await page.evaluate(async (doc) => {
    const { Panel } = await import('./panel.js');
    const { describeValue } = await import('./pkg/textlens.js');
    const root = document.getElementById('panel').cloneNode(true);
    root.id = 'panel-copy';
    document.body.append(root);
    new Panel(root, describeValue).build(doc);
    const texts = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent);
    const item = root.querySelector('#list-people .items > li');
    return {
      people: texts('#list-people .items > li > button.go'),
      count: item.querySelector('.count').textContent,
      role: item.querySelector('.role').textContent,
      said: [...item.querySelectorAll('.said button')].map((b) => [b.textContent, doc.entities[b.dataset.go].label]),
      summary: root.querySelector('#list-sources .summary').textContent,
      named: texts('#list-sources .named > li > button.go'),
      anonymous: texts('#list-sources .anonymous > li > button.go'),
      when: texts('#list-timeline .timeline .when'),
      timeline: texts('#list-timeline .timeline button.go'),
      undated: texts('#list-timeline h4 + ul li'),
      money: [...root.querySelectorAll('#list-money tbody tr')].map((tr) => tr.textContent),
      tabs: texts('[role=tab] .n'),
    };
  }, syntheticDoc());
  assertEqual(got.people, ['Ayla Demirci'], 'people');
  assertEqual(got.count, '2 mentions', 'how often mentioned');
  assertEqual(got.role, 'Foreign Minister', 'her role');
  assertEqual(got.said, [['“We will not go back,”', 'QUOTE'], ['“It is done.”', 'QUOTE']], 'what she is quoted saying');
  assertEqual(got.summary, '2 named sources, 1 anonymous source.', 'sources summary');
  assertEqual(got.named, ['Ayla Demirci', 'Reuters'], 'named sources, most cited first');
  assertEqual(got.anonymous, ['Officials'], 'anonymous sources');
  assertEqual(got.when, ['2016', '28 Jul 2017', '1 Aug 2017'], 'the timeline is chronological');
  assertEqual(got.timeline, ['2016', 'Friday', 'Aug. 1'], 'each date as written');
  assertEqual(got.undated, ['18 months P18M'], 'durations are listed apart');
  assertEqual(got.money, ['$2.5 billion2,500,000,000 USD'], 'money');
  assertEqual(got.tabs, ['1', '1', '0', '3', '1', '4'], 'tab counts');
});

test('calendar names for the timeline', async (page, { url }) => {
  await ready(page, url);
  const got = await page.evaluate(async () => {
    const { calendarName } = await import('./panel.js');
    return [['2017-08-01', '2017-08-01'], ['2017-08-01', '2017-08-31'], ['2016-01-01', '2016-12-31'], ['2017-08-01', '2017-08-05'],
      ['2017-07-28', '2017-08-03'], ['2016-12-30', '2017-01-02'], ['2017-02-01', '2017-02-28'], ['2016-02-01', '2016-02-28'], ['nonsense', undefined]]
      .map(([s, e]) => calendarName(s, e));
  });
  assertEqual(got, ['1 Aug 2017', 'August 2017', '2016', '1–5 Aug 2017', '28 Jul – 3 Aug 2017', '30 Dec 2016 – 2 Jan 2017',
    'February 2017', '1–28 Feb 2016', 'nonsense'], 'names');
});

test('the sentence shown around a date or source', async (page, { url }) => {
  await ready(page, url);
  const got = await page.evaluate(async () => {
    const { context } = await import('./panel.js');
    const at = (text, s) => context(text, text.indexOf(s), text.indexOf(s) + s.length);
    return [
      at('It rained. According to a report in the U.S. press, officials met on Nov. 24 in Ankara. Then they left.', 'According to a report'),
      at('It rained. Mr. J. Smith said on Friday that it was over! Then he left.', 'Friday'),
      at('First line\nSecond line with $5 in it\nThird', '$5'),
      at('No stop at all in this short text on Monday', 'Monday'),
      at(`${'word '.repeat(60)}on Monday ${'word '.repeat(60)}`, 'Monday').slice(0, 6),
      ((t) => { const c = at(t, 'officials said'); return [c.includes('officials said'), c.length <= 162, c.endsWith('.')]; })(
        `Start. ${'The deal, which many long words describe at length, '.repeat(6)}was signed, officials said on Friday.`),
    ];
  });
  assertEqual(got, [
    'According to a report in the U.S. press, officials met on Nov. 24 in Ankara.',
    'Mr. J. Smith said on Friday that it was over!',
    'Second line with $5 in it',
    'No stop at all in this short text on Monday',
    '…word ',
    [true, true, true],
  ], 'sentences');
});

await run({ root });
