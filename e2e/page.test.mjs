// Browser end-to-end tests of the page, used as a person would: paste, look, click.
import { test, run, assert, assertEqual } from './harness.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../www');
const shots = path.resolve(here, '../target/e2e');

const ARTICLE = 'Turkey and Russia in December signed a $2.5 billion agreement for Moscow to supply Ankara with an S-400 missile system, Pentagon spokesman Johnny Michael said.';

async function ready(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 15000 });
}

async function paste(page, text) {
  await page.fill('#input', text);
  await page.waitForFunction((t) => document.getElementById('status').textContent.includes(`${t.length.toLocaleString('en')} characters`), text, { timeout: 15000 });
}

const marks = (page) => page.$$eval('#out mark.ent', (ms) => ms.map((m) => [m.firstChild.textContent, m.dataset.label]));

test('highlights the names, date and money of a news sentence', async (page, { url }) => {
  await ready(page, url);
  await paste(page, ARTICLE);
  const got = await marks(page);
  for (const want of [['Turkey', 'LOC'], ['Russia', 'LOC'], ['Moscow', 'LOC'], ['Ankara', 'LOC'], ['December', 'DATE'],
    ['$2.5 billion', 'MONEY'], ['Johnny Michael', 'PERSON'], ['Pentagon', 'ORG']]) {
    assert(got.some(([t, l]) => t === want[0] && l === want[1]), `missing ${want}: got ${JSON.stringify(got)}`);
  }
  const money = await page.$eval('#out mark[data-label=MONEY]', (m) => m.title);
  assertEqual(money, '2500000000 USD', 'money tooltip');
  const badge = await page.$eval('#out mark[data-label=MONEY] .badge', (b) => [b.textContent, getComputedStyle(b).display]);
  assertEqual(badge[0], 'MONEY', 'visible label badge');
  assert(badge[1] !== 'none', 'badge is shown');
  // The view shows exactly the text that was pasted.
  assertEqual(await page.$eval('#out', (o) => [...o.querySelectorAll('.badge')].reduce((t, b) => t.replace(b.textContent, ''), o.textContent)), ARTICLE, 'text unchanged');
  await page.screenshot({ path: path.join(shots, 'page.png'), fullPage: true });
});

test('legend counts each label and toggles it', async (page, { url }) => {
  await ready(page, url);
  await paste(page, ARTICLE);
  const legend = await page.$$eval('#legend button', (bs) => Object.fromEntries(bs.map((b) => [b.dataset.label, Number(b.querySelector('.count').textContent)])));
  const got = await marks(page);
  for (const [label, n] of Object.entries(legend)) {
    assertEqual(n, got.filter(([, l]) => l === label).length, `count of ${label}`);
  }
  assert(legend.LOC >= 4, 'four places at least');
  await page.click('#legend button[data-label=LOC]');
  assertEqual(await page.$eval('#legend button[data-label=LOC]', (b) => b.getAttribute('aria-pressed')), 'false', 'pressed state');
  assert(await page.$eval('#out', (o) => o.classList.contains('hide-LOC')), 'hidden class set');
  const bg = await page.$eval('#out mark[data-label=LOC]', (m) => getComputedStyle(m).backgroundColor);
  assert(bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent', `hidden LOC has no background (${bg})`);
  await page.click('#legend button[data-label=LOC]');
  assert(!(await page.$eval('#out', (o) => o.classList.contains('hide-LOC'))), 'shown again');
});

test('pasted HTML and script stay inert text', async (page, { url }) => {
  await ready(page, url);
  const evil = 'Hello <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> </textarea><a href="javascript:window.__pwned=3">Paris</a>';
  await paste(page, evil);
  await page.waitForTimeout(200);
  assertEqual(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  assertEqual(await page.$$eval('#out script, #out img, #out a', (els) => els.length), 0, 'no elements from the text');
  const text = await page.$eval('#out', (o) => [...o.querySelectorAll('.badge')].reduce((t, b) => t.replace(b.textContent, ''), o.textContent));
  assertEqual(text, evil, 'the text is shown as typed');
});

test('offsets are UTF-16 on non-ASCII text', async (page, { url }) => {
  await ready(page, url);
  const text = 'Cafe\u0301 😀 talks: President Recep Erdoğan met Johnny Michael in Ankara 🇹🇷 on Friday.';
  const analysis = await page.evaluate(async (t) => {
    const m = await import('./pkg/textlens.js');
    return m.analyze(t, { date: '2017-08-04' });
  }, text);
  assert(analysis.entities.length >= 3, 'found entities');
  for (const e of analysis.entities) assertEqual(text.slice(e.start, e.end), e.text, `slice of ${e.label}`);
  await paste(page, text);
  const got = await marks(page);
  assert(got.some(([t, l]) => t === 'Ankara' && l === 'LOC'), `Ankara after emoji: ${JSON.stringify(got)}`);
});

await run({ root });
