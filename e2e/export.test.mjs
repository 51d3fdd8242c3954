// Browser tests of what leaves the page: the JSON and CSV exports (checked against the
// command-line tool run on the same text and date), copying, share links (the text travels
// in the URL fragment, never to a server) and the print worksheet.
import { test, run, assert, assertEqual, ready, settled, fillText, marks, shownText } from './harness.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const root = path.join(repo, 'www');
const shots = path.join(repo, 'target/e2e');

/** What `textlens ARGS FILE` prints for `text` (built by cargo if needed), parsed. */
function cli(text, args) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'textlens-e2e-')), 'input.txt');
  fs.writeFileSync(file, text);
  const r = spawnSync('cargo', ['run', '--quiet', '--bin', 'textlens', '--', ...args, file], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 600_000 });
  if (r.status !== 0) throw new Error(`textlens failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Clicks `selector` and returns the text of the file it downloads, and the file's name. */
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return [fs.readFileSync(await download.path(), 'utf8'), download.suggestedFilename()];
}

/** RFC 4180 CSV → rows of fields. */
function parseCsv(csv) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && csv[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function sample(page, url) {
  await ready(page, url);
  await page.click('#sample');
  await page.waitForFunction(() => / highlights in /.test(document.getElementById('status').textContent) && document.getElementById('input').value.length > 1000);
}

test('the downloaded JSON equals the command-line tool\'s output for the same text and date', async (page, { url }) => {
  await sample(page, url);
  // Non-ASCII and astral characters make code-point offsets differ from UTF-16 ones.
  await page.$eval('#input', (t) => { t.value = `😀 Erdoğan’s “$5m” 🇹🇷 — ${t.value}`; t.dispatchEvent(new Event('input', { bubbles: true })); });
  const text = await page.$eval('#input', (t) => t.value);
  await settled(page, text.length);
  const [json, name] = await downloaded(page, '#export-json');
  assertEqual(name, 'textlens-2026-11-24.json', 'file name');
  const want = cli(text, ['--date', '2026-11-24']);
  assertEqual(JSON.parse(json), JSON.parse(want), 'same entities, groups and values as the CLI');
  assertEqual(json, want, 'byte for byte');
  const parsed = JSON.parse(json);
  assert(parsed.entities.length > 20, 'a real analysis');
  const chars = [...text];
  for (const e of parsed.entities) assertEqual(chars.slice(e.start, e.end).join(''), e.text, 'code-point offsets');
  // Day first travels too.
  await page.check('#dayfirst');
  const [json2] = await downloaded(page, '#export-json');
  assertEqual(JSON.parse(json2), JSON.parse(cli(text, ['--date', '2026-11-24', '--day-first'])), 'with --day-first');
});

test('the CSV has one row per mention, and Copy JSON copies the analysis', async (page, { url, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ready(page, url);
  const text = 'Turkey paid $2.5 billion, "=HYPERLINK(1)" said Ankara.\nThen Turkey, Ankara and Moscow, on 1 August 2017, signed.';
  await fillText(page, text);
  const [json] = await downloaded(page, '#export-json');
  const [csv, name] = await downloaded(page, '#export-csv');
  assert(name.endsWith('.csv'), name);
  const rows = parseCsv(csv);
  const analysis = JSON.parse(json);
  assertEqual(rows[0], ['start', 'end', 'label', 'text', 'normalised', 'group', 'canonical', 'value_json'], 'header');
  assertEqual(rows.length - 1, analysis.entities.length, 'one row per mention');
  rows.slice(1).forEach((r, i) => {
    const e = analysis.entities[i];
    assertEqual([Number(r[0]), Number(r[1]), r[2], r[3]], [e.start, e.end, e.label, e.text], `row ${i + 1}`);
    assertEqual(r[7] ? JSON.parse(r[7]) : undefined, e.value, `value of row ${i + 1}`);
    if (e.group !== undefined) assertEqual(r[6], analysis.groups[e.group].canonical, 'canonical name');
  });
  const money = rows.find((r) => r[2] === 'MONEY');
  assertEqual(money[4], '2,500,000,000 USD', 'the normalised column');
  await page.click('#copy-json');
  await page.waitForFunction(() => /copied/.test(document.getElementById('status').textContent));
  assertEqual(await page.evaluate(() => navigator.clipboard.readText()), json.trimEnd(), 'the clipboard holds the JSON');
});

test('a share link restores the text and options, and the text never reaches a server', async (page, { url, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ready(page, url);
  const text = 'Erdoğan 😀 met Johnny Michael in Ankara on Friday.\n\n<script>window.__pwned=1</script> Turkey paid $2.5 billion.';
  await page.fill('#refdate', '2017-08-04');
  await page.dispatchEvent('#refdate', 'change');
  await page.check('#dayfirst');
  await fillText(page, text);
  await page.click('#legend button[data-label=LOC]');
  await page.click('#share');
  await page.waitForFunction(() => /copied/.test(document.getElementById('status').textContent));
  const link = await page.$eval('#sharelink', (i) => i.value);
  assertEqual(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');
  const u = new URL(link);
  assertEqual(u.origin + u.pathname, new URL(url).origin + new URL(url).pathname, 'a link to this page');
  const fragment = new URLSearchParams(u.hash.slice(1));
  assertEqual([fragment.get('v'), fragment.get('d'), fragment.get('df'), fragment.get('hide')], ['1', '2017-08-04', '1', 'LOC'], 'options in the fragment');
  assert(/^[A-Za-z0-9_-]+$/.test(fragment.get('t')), 'the text is base64url');
  assert(!link.includes('Ankara') && !link.includes('script'), 'and not readable in the link');

  const other = await context.newPage();
  const requested = [];
  other.on('request', (r) => requested.push(r.url()));
  other.on('pageerror', (e) => { throw e; });
  await other.goto(link);
  await other.waitForFunction(() => document.body.dataset.ready === 'true');
  await settled(other, text.length);
  assertEqual(await other.$eval('#input', (t) => t.value), text, 'the text is restored');
  assertEqual(await other.$eval('#refdate', (i) => i.value), '2017-08-04', 'the date');
  assert(await other.$eval('#dayfirst', (i) => i.checked), 'day first');
  assertEqual(await other.$eval('#legend button[data-label=LOC]', (b) => b.getAttribute('aria-pressed')), 'false', 'hidden labels');
  assert(await other.$eval('#out', (o) => o.classList.contains('hide-LOC')), 'hidden in the view');
  assertEqual(await shownText(other), text, 'the view shows it');
  assertEqual(await other.evaluate(() => window.__pwned), undefined, 'inert');
  assert((await marks(other)).some(([t, l]) => t === '$2.5 billion' && l === 'MONEY'), 'analysed');
  assert(requested.every((r) => !r.includes('#') && !r.includes('t=') && !r.includes('Ankara')), `no request carries the text: ${requested}`);
  assertEqual(await other.evaluate(() => location.hash), u.hash, 'the link stays in the address bar');
  await other.fill('#input', 'Something else');
  assertEqual(await other.evaluate(() => location.hash), '', 'until the text changes');
  await other.close();
});

test('a long text travels by link too; damaged and oversized links say so', async (page, { url, context }) => {
  await ready(page, url);
  const sampleText = await page.evaluate(async () => (await fetch('sample.txt')).text());
  const long = sampleText.repeat(Math.ceil(300_000 / sampleText.length));
  const [data, bomb] = await page.evaluate(async (t) => {
    const { packText } = await import('./share.js');
    return [await packText(t), await packText('a'.repeat(40_000_000))];
  }, long);
  const other = await context.newPage();
  await other.goto(`${url}#v=1&d=2026-11-24&t=${data}`);
  await other.waitForFunction(() => document.body.dataset.ready === 'true');
  await settled(other, long.length, 30000);
  assert(await other.isVisible('#long'), 'shown as a long text');
  assert(!(await other.isVisible('#input')), 'not in the text box');
  assertEqual((await shownText(other)).length, long.length, 'all of it');
  await other.goto(`${url}#v=1&t=not*base64`);
  await other.waitForFunction(() => /damaged/.test(document.getElementById('status').textContent));
  await other.goto(`${url}#v=1&t=${data.slice(0, 200)}`);
  await other.waitForFunction(() => /damaged/.test(document.getElementById('status').textContent));
  await other.goto(`${url}#v=1&t=${bomb}`);
  await other.waitForFunction(() => /longer than/.test(document.getElementById('status').textContent));
  assertEqual(await other.$eval('#input', (t) => t.value), '', 'nothing was opened');
  await other.close();
});

test('printing gives a worksheet: labels readable in black and white, then the lists', async (page, { url }) => {
  await sample(page, url);
  await page.emulateMedia({ media: 'print' });
  const got = await page.evaluate(() => {
    const style = (sel, pseudo) => { const el = document.querySelector(sel); return el && getComputedStyle(el, pseudo); };
    const mark = style('#out mark[data-label=MONEY]');
    return {
      input: style('.input').display,
      tabs: style('.tabs').display,
      panels: [...document.querySelectorAll('[role=tabpanel]')].map((p) => getComputedStyle(p).display),
      titles: [...document.querySelectorAll('.list-title')].map((h) => getComputedStyle(h).position),
      markBackground: mark.backgroundColor,
      markColor: mark.color,
      markUnderline: [mark.borderBottomStyle, style('#out mark[data-label=PERSON]').borderBottomStyle, style('#out mark[data-label=DATE]').borderBottomStyle],
      badge: style('#out mark[data-label=MONEY]', '::after').content,
      worksheet: style('.worksheet').display,
      info: [style('#print-info').display, document.getElementById('print-info').textContent],
      panelBreak: style('.panel').breakBefore,
    };
  });
  assertEqual(got.input, 'none', 'the text box and buttons are not printed');
  assertEqual(got.tabs, 'none', 'no tabs');
  assert(got.panels.every((d) => d === 'block'), `every list is printed: ${got.panels}`);
  assert(got.titles.every((p) => p === 'static'), 'each with its heading');
  assertEqual([got.markBackground, got.markColor], ['rgba(0, 0, 0, 0)', 'rgb(0, 0, 0)'], 'black on white');
  assertEqual(got.markUnderline, ['double', 'solid', 'dashed'], 'underline styles tell the families apart');
  assert(/^"\[/.test(got.badge) && /MONEY|attr\(data-label\)/.test(got.badge), `the badge in brackets: ${got.badge}`);
  assertEqual(got.worksheet, 'block', 'questions for the class');
  assertEqual(got.info[0], 'block', 'the article date is printed');
  assert(got.info[1].startsWith('Article date: 2026-11-24.'), got.info[1]);
  assertEqual(got.panelBreak, 'page', 'the lists start on a new page');
  const pdf = await page.pdf({ format: 'A4' });
  assert(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-', 'prints to PDF');
  fs.mkdirSync(shots, { recursive: true });
  fs.writeFileSync(path.join(shots, 'worksheet.pdf'), pdf);
});

await run({ root });
