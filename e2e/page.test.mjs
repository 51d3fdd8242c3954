// Browser end-to-end tests of the page, used as a person would: paste, look, click, type.
import { test, run, assert, assertEqual, ready, settled, fillText, marks, shownText } from './harness.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../www');
const shots = path.resolve(here, '../target/e2e');

const ARTICLE = 'Turkey and Russia in December signed a $2.5 billion agreement for Moscow to supply Ankara with an S-400 missile system, Pentagon spokesman Johnny Michael said.';
const REPEATS = 'Turkey signed the deal in Ankara. Officials in Turkey said Russia would deliver. Turkey paid $2.5 billion, Russia said.';

test('highlights the names, date and money of a news sentence', async (page, { url }) => {
  await ready(page, url);
  await fillText(page, ARTICLE);
  const got = await marks(page);
  for (const want of [['Turkey', 'LOC'], ['Russia', 'LOC'], ['Moscow', 'LOC'], ['Ankara', 'LOC'], ['December', 'DATE'],
    ['$2.5 billion', 'MONEY'], ['Johnny Michael', 'PERSON'], ['Pentagon', 'ORG']]) {
    assert(got.some(([t, l]) => t === want[0] && l === want[1]), `missing ${want}: got ${JSON.stringify(got)}`);
  }
  const money = await page.$eval('#out mark[data-label=MONEY]', (m) => [m.title, m.getAttribute('aria-label'), m.getAttribute('role')]);
  assertEqual(money, ['2,500,000,000 USD', '$2.5 billion, money, 2,500,000,000 USD', 'button'], 'money tooltip, accessible name, role');
  const badge = await page.$eval('#out mark[data-label=MONEY]', (m) => getComputedStyle(m, '::after').content);
  assertEqual(badge, '"MONEY"', 'visible label badge');
  assertEqual(await shownText(page), ARTICLE, 'the view shows exactly the text that was pasted');
  await page.screenshot({ path: path.join(shots, 'page.png'), fullPage: true });
});

test('legend counts each label and toggles it, by mouse and keyboard', async (page, { url }) => {
  await ready(page, url);
  await fillText(page, ARTICLE);
  const legend = await page.$$eval('#legend button', (bs) => Object.fromEntries(bs.map((b) => [b.dataset.label, Number(b.querySelector('.count').textContent)])));
  const shown = await page.$$eval('#out [data-label]', (els) => els.map((e) => e.dataset.label));
  for (const [label, n] of Object.entries(legend)) assertEqual(n, shown.filter((l) => l === label).length, `count of ${label}`);
  const got = await marks(page);
  assert(legend.LOC >= 4, 'four places at least');
  await page.click('#legend button[data-label=LOC]');
  assertEqual(await page.$eval('#legend button[data-label=LOC]', (b) => b.getAttribute('aria-pressed')), 'false', 'pressed state');
  const hiddenLoc = await page.$eval('#out mark[data-label=LOC]', (m) => [getComputedStyle(m).backgroundColor, getComputedStyle(m, '::after').content]);
  assertEqual(hiddenLoc, ['rgba(0, 0, 0, 0)', 'none'], 'a hidden label loses its background and badge');
  await page.focus('#legend button[data-label=LOC]');
  await page.keyboard.press('Enter');
  assertEqual(await page.$eval('#legend button[data-label=LOC]', (b) => b.getAttribute('aria-pressed')), 'true', 'Enter shows it again');
  assert(!(await page.$eval('#out', (o) => o.classList.contains('hide-LOC'))), 'shown again');
  // Hidden labels survive a new analysis.
  await page.keyboard.press('Space');
  await fillText(page, `${ARTICLE} Ankara.`);
  assertEqual(await page.$eval('#legend button[data-label=LOC]', (b) => b.getAttribute('aria-pressed')), 'false', 'still hidden after re-analysis');
});

test('pasted HTML, script and links stay inert text', async (page, { url, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ready(page, url);
  const evil = 'Hello <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> </textarea><a href="javascript:window.__pwned=3">Paris</a>'
    + ' <svg onload="window.__pwned=4"></svg> <iframe src="javascript:parent.__pwned=5"></iframe> "><b onmouseover="window.__pwned=6">Mr Bold Ankara</b> &lt;i&gt; &amp;';
  // A real paste (Ctrl+V), as a person would.
  await page.evaluate((t) => navigator.clipboard.writeText(t), evil);
  await page.focus('#input');
  await page.keyboard.press('Control+V');
  await settled(page, evil.length);
  await page.hover('#out');
  await page.waitForTimeout(100);
  assertEqual(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  assertEqual(await page.$$eval('#out script, #out img, #out a, #out svg, #out iframe, #out b, #out i', (els) => els.length), 0, 'no elements from the text');
  assertEqual(await shownText(page), evil, 'the text is shown as typed');
  assertEqual(await page.$eval('#input', (t) => t.value), evil, '</textarea> does not end the text box');
  // Names found in the hostile text reach the panel as text too.
  const panelTags = await page.$$eval('#panel script, #panel img, #panel a, #panel iframe', (els) => els.length);
  assertEqual(panelTags, 0, 'no elements in the panel from the text');
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
  await fillText(page, text);
  const got = await marks(page);
  assert(got.some(([t, l]) => t === 'Ankara' && l === 'LOC'), `Ankara after emoji: ${JSON.stringify(got)}`);
  assertEqual(await shownText(page), text, 'text unchanged');
});

test('a quote is a side bar around the marks it contains, with its speaker', async (page, { url }) => {
  await ready(page, url);
  const text = '“We will build the plant in Ankara by 2027,” Foreign Minister Ayla Demirci said. Officials said it would cost $2 billion.';
  await fillText(page, text);
  const quote = await page.$eval('#out .quote[data-label=QUOTE]', (q) => ({
    text: q.textContent, who: q.dataset.who, bar: getComputedStyle(q).borderLeftStyle, badge: getComputedStyle(q, '::before').content,
    inside: [...q.querySelectorAll('mark')].map((m) => [m.textContent, m.dataset.label]),
  }));
  assertEqual(quote.text, '“We will build the plant in Ankara by 2027,”', 'the quotation');
  assertEqual(quote.who, 'Ayla Demirci', 'its speaker');
  assertEqual(quote.bar, 'solid', 'a side bar');
  assert(quote.badge.includes('QUOTE') && (quote.badge.includes('Ayla Demirci') || quote.badge.includes('attr(')), `a badge: ${quote.badge}`);
  assert(quote.inside.some(([t, l]) => t === 'Ankara' && l === 'LOC'), `the place is marked inside the quote: ${JSON.stringify(quote.inside)}`);
  const source = await page.$eval('#out .quote[data-label=SOURCE]', (q) => [q.textContent, q.dataset.who, getComputedStyle(q).borderLeftStyle]);
  assertEqual(source, ['Officials said', 'anonymous', 'dotted'], 'an anonymous source has its own bar and badge');
  assertEqual(await shownText(page), text, 'the text is unchanged');
  await page.click('#legend button[data-label=QUOTE]');
  assertEqual(await page.$eval('#out .quote[data-label=QUOTE]', (q) => getComputedStyle(q).borderLeftStyle), 'none', 'quotes can be hidden');
});

test('the page and the worker number labels alike', async (page, { url }) => {
  await ready(page, url);
  const [fromWasm, fromPage] = await page.evaluate(async () => [(await import('./pkg/textlens.js')).labels(), (await import('./labels.js')).LABELS]);
  assertEqual(fromPage, fromWasm, 'labels.js follows the core');
});

test('clicking a mention highlights every mention of its group; Escape clears', async (page, { url }) => {
  await ready(page, url);
  await fillText(page, REPEATS);
  const turkey = await page.$$eval('#out mark[data-label=LOC]', (ms) => ms.filter((m) => m.textContent === 'Turkey').map((m) => m.dataset.group));
  assertEqual(turkey.length, 3, 'three mentions of Turkey');
  assert(turkey.every((g) => g === turkey[0]), 'one group');
  await page.locator('#out mark', { hasText: /^Turkey$/ }).nth(1).click();
  const selected = await page.$$eval('#out .sel', (ms) => ms.map((m) => m.textContent));
  assertEqual(selected, ['Turkey', 'Turkey', 'Turkey'], 'every mention of the group, and only those');
  assert((await page.textContent('#detail')).includes('3 mentions'), 'the detail line says how many');
  const outline = await page.$eval('#out .sel', (m) => getComputedStyle(m).boxShadow);
  assert(outline !== 'none', 'a selected mention has an outline, not only a colour');
  await page.locator('#out mark', { hasText: /^Turkey$/ }).nth(2).click();
  assertEqual(await page.$$eval('#out .sel', (ms) => ms.length), 0, 'clicking the group again clears it');
  await page.click('#out mark[data-label=MONEY]');
  assertEqual(await page.$$eval('#out .sel', (ms) => ms.map((m) => m.textContent)), ['$2.5 billion'], 'an entity without a group highlights itself');
  assert((await page.textContent('#detail')).includes('2,500,000,000 USD'), 'with its value');
  await page.keyboard.press('Escape');
  assertEqual(await page.$$eval('#out .sel', (ms) => ms.length), 0, 'Escape clears');
});

test('the keyboard moves between highlights and selects a group', async (page, { url }) => {
  await ready(page, url);
  await fillText(page, REPEATS);
  await page.focus('#out');
  await page.keyboard.press('ArrowRight');
  assertEqual(await page.evaluate(() => document.activeElement.textContent), 'Turkey', 'first highlight');
  await page.keyboard.press('ArrowRight');
  assertEqual(await page.evaluate(() => document.activeElement.textContent), 'Ankara', 'second');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  assertEqual(await page.$$eval('#out .sel', (ms) => ms.length), 3, 'Enter highlights the group');
  await page.keyboard.press('Space');
  assertEqual(await page.$$eval('#out .sel', (ms) => ms.length), 0, 'Space toggles it off');
  // Hidden labels are skipped.
  await page.click('#legend button[data-label=LOC]');
  await page.focus('#out');
  await page.keyboard.press('ArrowRight');
  assertEqual(await page.evaluate(() => document.activeElement.dataset.label), 'MONEY', 'hidden places are skipped');
  await page.keyboard.press('ArrowLeft');
  assertEqual(await page.evaluate(() => document.activeElement.dataset.label), 'MONEY', 'nothing shown before it');
  await page.keyboard.press('Tab');
  assert(await page.evaluate(() => !document.getElementById('out').contains(document.activeElement)), 'Tab leaves the text');
});

test('the reference date and day-first options reach the analysis', async (page, { url }) => {
  // Record what the page asks the worker, to see the options travel.
  await page.addInitScript(() => {
    window.__asked = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      if (msg && msg.type === 'analyze') window.__asked.push(msg.options);
      return post.call(this, msg, ...rest);
    };
  });
  await ready(page, url);
  await page.fill('#refdate', '2017-08-04');
  await page.dispatchEvent('#refdate', 'change');
  await fillText(page, 'The deal was signed in December.');
  const tip2017 = await page.$eval('#out mark[data-label=DATE]', (m) => m.title);
  await page.fill('#refdate', '2019-08-04');
  await page.dispatchEvent('#refdate', 'change');
  await page.waitForFunction((t) => document.querySelector('#out mark[data-label=DATE]').title !== t, tip2017);
  const tip2019 = await page.$eval('#out mark[data-label=DATE]', (m) => m.title);
  // `in December`, said in August: the December nearest the article date (the year before
  // or the same year, as the tense decides), and a year later for a date a year later.
  const year = (tip) => Number((/(\d{4})-12(-01)?\b/.exec(tip) || [])[1]);
  assert(Math.abs(year(tip2017) - 2017) <= 1, `December resolved near 2017: ${tip2017}`);
  assertEqual(year(tip2019) - year(tip2017), 2, `two years later: ${tip2017} / ${tip2019}`);
  await fillText(page, 'The deal was signed on 08/01/2017.');
  assertEqual(await page.$eval('#out mark[data-label=DATE]', (m) => m.title), '2017-08-01', 'month first by default');
  await page.check('#dayfirst');
  await page.waitForFunction(() => document.querySelector('#out mark[data-label=DATE]').title === '2017-01-08');
  const last = await page.evaluate(() => window.__asked[window.__asked.length - 1]);
  assertEqual(last, { date: '2019-08-04', dayFirst: true }, 'the options sent with the text');
  // The default reference date is today.
  const fresh = await page.context().newPage();
  await ready(fresh, url);
  const today = await fresh.evaluate(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-'); });
  assertEqual(await fresh.$eval('#refdate', (i) => i.value), today, 'today by default');
  await fresh.close();
});

test('the sample article shows every kind of highlight', async (page, { url }) => {
  await ready(page, url);
  await page.click('#sample');
  await page.waitForFunction(() => / highlights in /.test(document.getElementById('status').textContent));
  assertEqual(await page.$eval('#refdate', (i) => i.value), '2026-11-24', 'the sample sets its own date');
  const labels = new Set((await marks(page)).map(([, l]) => l));
  for (const l of ['PERSON', 'ORG', 'LOC', 'DATE', 'MONEY', 'PERCENT']) assert(labels.has(l), `the sample has ${l}: ${[...labels]}`);
  const text = await page.$eval('#input', (t) => t.value);
  assertEqual(await shownText(page), text, 'the view shows the sample as written');
});

test('a new keystroke supersedes the pending analysis; stale answers are dropped', async (page, { url }) => {
  await page.addInitScript(() => {
    window.__log = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      if (msg && msg.type === 'analyze') window.__log.push(['ask', msg.id, msg.text.length]);
      return post.call(this, msg, ...rest);
    };
    const add = Worker.prototype.addEventListener;
    const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
    Object.defineProperty(Worker.prototype, 'onmessage', {
      set(fn) { desc.set.call(this, (e) => { if (e.data.id) window.__log.push([e.data.type, e.data.id]); return fn(e); }); },
      get() { return desc.get.call(this); },
    });
    void add;
  });
  await ready(page, url);
  // A long text analysed in pieces: a keystroke in the middle abandons the rest.
  const sample = await page.evaluate(async () => (await fetch('sample.txt')).text());
  const long = sample.repeat(Math.ceil(3_000_000 / sample.length));
  await page.evaluate((t) => {
    const input = document.getElementById('input');
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, long);
  await page.waitForFunction(() => window.__log.some(([type]) => type === 'part'));
  await page.click('#long-clear');
  await page.keyboard.type('Ankara', { delay: 20 });
  await settled(page, 'Ankara'.length);
  const log = await page.evaluate(() => window.__log);
  const longId = log.find(([type, , n]) => type === 'ask' && n === long.length)[1];
  const parts = log.filter(([type, id]) => type === 'part' && id === longId).length;
  assert(parts >= 1 && parts < Math.ceil(long.length / 400_000), `the long analysis stopped early (${parts} pieces)`);
  assert(!log.some(([type, id]) => type === 'done' && id === longId), 'and never finished');
  assertEqual(await shownText(page), 'Ankara', 'the view shows the newest text');
  // Requests that pile up while the worker is busy collapse into the newest.
  const asked = log.filter(([type]) => type === 'ask').length;
  const answered = new Set(log.filter(([type]) => type === 'done').map(([, id]) => id)).size;
  assert(answered < asked, `fewer answers (${answered}) than requests (${asked})`);
});

test('a failed analysis says so, and the next text is analysed', async (page, { url }) => {
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      // Break one request the way a bad option would.
      if (msg && msg.type === 'analyze' && msg.text === 'break me') msg = { ...msg, options: { date: 'not a date' } };
      return post.call(this, msg, ...rest);
    };
  });
  await ready(page, url);
  await page.fill('#input', 'break me');
  await page.waitForFunction(() => /Could not analyse this text: textlens: bad date/.test(document.getElementById('status').textContent));
  await fillText(page, ARTICLE);
  assert((await marks(page)).length >= 8, 'the next text is analysed');
});

test('a text file dropped on the page is opened', async (page, { url }) => {
  await ready(page, url);
  await page.evaluate((t) => {
    const files = new DataTransfer();
    files.items.add(new File([t], 'article.txt', { type: 'text/plain' }));
    document.getElementById('out').dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
  }, ARTICLE);
  await settled(page, ARTICLE.length);
  assertEqual(await page.$eval('#input', (t) => t.value), ARTICLE, 'in the text box');
  assertEqual(page.url(), url, 'the page stays');
});

test('works offline once loaded', async (page, { url, context }) => {
  await ready(page, url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await context.setOffline(true);
  await ready(page, url);
  await fillText(page, ARTICLE);
  assert((await marks(page)).some(([t, l]) => t === 'Ankara' && l === 'LOC'), 'analysis works offline');
  await page.click('#sample');
  await page.waitForFunction(() => / highlights in /.test(document.getElementById('status').textContent) && document.getElementById('input').value.length > 1000);
  await context.setOffline(false);
});

await run({ root });
