// Accessibility: axe-core (npm) finds no violations in any state of the page a person can
// reach, and the whole page works from the keyboard alone.
import { test, run, assert, assertEqual, ready, fillText } from './harness.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../www');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page (every rule of WCAG 2.x A/AA and best practices) and fails on any violation. */
async function axe(page, state, exclude = null) {
  // Evaluated through the driver, so the page's Content-Security-Policy stays as it is.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (exclude) => {
    const r = await window.axe.run(exclude ? { include: [['body']], exclude: [[exclude]] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, exclude);
  assertEqual(result, [], `axe violations ${state}`);
}

async function sample(page, url) {
  await ready(page, url);
  await page.click('#sample');
  await page.waitForFunction(() => / highlights in /.test(document.getElementById('status').textContent) && document.querySelector('#list-people li'));
}

test('axe-core: no violations on the empty page, the sample, every tab and a selection', async (page, { url }) => {
  await ready(page, url);
  await axe(page, 'on the empty page');
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#list-people li'));
  await page.click('#out mark[data-label=PERSON]');
  await page.click('#legend button[data-label=ORG]');
  await axe(page, 'with the sample, a selection and a hidden label');
  for (const tab of ['orgs', 'places', 'sources', 'money', 'timeline']) {
    await page.click(`#tab-${tab}`);
    await axe(page, `on the ${tab} tab`);
  }
  await page.click('#share');
  await page.waitForSelector('#sharebox:not([hidden])');
  await axe(page, 'with the share link shown');
});

test('axe-core: no violations for a long text and its notice', async (page, { url }) => {
  await ready(page, url);
  const text = await page.evaluate(async () => (await fetch('sample.txt')).text());
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.getElementById('input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text.repeat(110));
  await page.waitForFunction(() => / highlights in /.test(document.getElementById('status').textContent));
  // The pieces after the first hold the same kind of marks; checking one keeps this quick.
  await axe(page, 'with a long text', '#out .piece + .piece');
});

test('the page works from the keyboard alone', async (page, { url }) => {
  await ready(page, url);
  const order = [];
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim().slice(0, 20)));
  }
  for (const id of ['input', 'refdate', 'dayfirst', 'sample', 'file', 'clear', 'share', 'export-json', 'export-csv', 'copy-json', 'print', 'out', 'tab-people']) {
    assert(order.includes(id), `${id} is reachable with Tab: ${order}`);
  }
  assert(order.indexOf('input') < order.indexOf('out') && order.indexOf('out') < order.indexOf('tab-people'), 'in reading order');
  // Load the sample from the keyboard, walk the marks, open a list item.
  await page.focus('#sample');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#list-people li'));
  await page.focus('#out');
  await page.keyboard.press('ArrowRight');
  const first = await page.evaluate(() => [document.activeElement.tagName, document.activeElement.getAttribute('aria-label')]);
  assertEqual(first[0], 'MARK', 'a mark has focus');
  assert(/, place|, person|, organisation/.test(first[1]), `it has a name: ${first[1]}`);
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assertEqual(ring, 'solid', 'a visible focus ring');
  await page.keyboard.press('Enter');
  assert((await page.$$eval('#out .sel', (ms) => ms.length)) >= 1, 'Enter selects');
  await page.focus('#tab-people');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assertEqual(await page.getAttribute('#tab-places', 'aria-selected'), 'true', 'arrow keys choose a tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assertEqual(await page.evaluate(() => document.activeElement.className), 'go', 'Tab reaches the list items');
  await page.keyboard.press('Enter');
  assertEqual(await page.evaluate(() => document.activeElement.dataset.label), 'LOC', 'Enter on an item focuses its place in the text');
});

test('every mark has an accessible name and colour is never the only cue', async (page, { url }) => {
  await ready(page, url);
  await fillText(page, 'Turkey paid $2.5 billion on Friday, Pentagon spokesman Johnny Michael said in Ankara, up 5% from December.');
  const info = await page.$$eval('#out mark.ent', (ms) => ms.map((m) => {
    const after = getComputedStyle(m, '::after');
    return { label: m.dataset.label, name: m.getAttribute('aria-label'), text: m.textContent, badge: after.content, underline: getComputedStyle(m).borderBottomStyle };
  }));
  assert(info.length >= 5, 'marks');
  const style = {};
  for (const m of info) {
    assert(m.name && m.name.startsWith(m.text), `${m.text} is named: ${m.name}`);
    assertEqual(m.badge, `"${m.label}"`, `${m.text} shows its label`);
    style[m.label] = m.underline;
  }
  const families = { PERSON: 'solid', ORG: 'solid', LOC: 'solid', DATE: 'dashed', MONEY: 'double', PERCENT: 'double' };
  for (const [label, want] of Object.entries(families)) if (style[label]) assertEqual(style[label], want, `${label} underline`);
  // Badges are CSS text (axe does not see it): their contrast is checked here.
  const contrasts = await page.$$eval('#out mark.ent', (ms) => ms.map((m) => {
    const rgba = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const over = (top, under) => { const a = top.length > 3 ? top[3] : 1; return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)); };
    const lum = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const after = getComputedStyle(m, '::after');
    const back = over(rgba(after.backgroundColor), over(rgba(getComputedStyle(m).backgroundColor), [255, 255, 255]));
    const fore = rgba(after.color);
    const [l1, l2] = [lum(fore), lum(back)].sort((a, b) => b - a);
    const body = over(rgba(getComputedStyle(m).backgroundColor), [255, 255, 255]);
    const [t1, t2] = [lum(rgba(getComputedStyle(m).color)), lum(body)].sort((a, b) => b - a);
    return [m.dataset.label, (l1 + 0.05) / (l2 + 0.05), (t1 + 0.05) / (t2 + 0.05)];
  }));
  for (const [label, badge, text] of contrasts) {
    assert(badge >= 4.5, `${label} badge contrast ${badge.toFixed(2)}`);
    assert(text >= 4.5, `${label} text contrast ${text.toFixed(2)}`);
  }
  const swatches = await page.$$eval('#legend button', (bs) => bs.map((b) => [b.dataset.label, getComputedStyle(b.querySelector('.swatch')).borderBottomStyle]));
  for (const [label, s] of swatches) if (families[label]) assertEqual(s, families[label], `the legend shows the ${label} underline`);
});

await run({ root });
