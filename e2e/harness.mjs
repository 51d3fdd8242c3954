// A minimal test harness for the browser tests: a static server for www/, headless
// Debian Chromium through playwright-core, and `test(name, fn)` with a summary.
import { chromium } from 'playwright-core';
import { serve } from '../scripts/static-server.mjs';

/** Starts headless Chromium with the flags this closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

const tests = [];
/** Registers a test. */
export function test(name, fn) { tests.push({ name, fn }); }

/** Runs every registered test with a fresh page; exits 1 if any failed. */
export async function run({ root, setup }) {
  const server = await serve(root);
  const browser = await launch();
  let failed = 0;
  const only = process.env.E2E_ONLY;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // A Content-Security-Policy violation is a failure, like any page error.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
      if (process.env.E2E_CONSOLE) console.log(`     console.${m.type()}: ${m.text()}`);
    });
    const t0 = Date.now();
    try {
      if (setup) await setup(page, server.url);
      await t.fn(page, { url: server.url, errors, context });
      if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
      console.log(`ok   ${t.name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${t.name}\n     ${String(err && err.stack || err).split('\n').slice(0, 6).join('\n     ')}`);
    }
    await context.close();
  }
  await browser.close();
  server.close();
  const ran = only ? tests.filter((t) => t.name.includes(only)).length : tests.length;
  console.log(`${ran - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

/** Throws unless `cond`. */
export function assert(cond, msg) { if (!cond) throw new Error(msg || 'assertion failed'); }

/** Throws unless the two values are deeply equal (JSON-wise). */
export function assertEqual(got, want, msg) {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g !== w) throw new Error(`${msg || 'not equal'}\n  got:  ${g}\n  want: ${w}`);
}

/** Opens the page and waits until the analyser is ready. */
export async function ready(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 15000 });
}

/** Waits until the status line reports a finished analysis of `length` characters. */
export async function settled(page, length, timeout = 15000) {
  await page.waitForFunction((n) => document.getElementById('status').textContent.includes(` in ${n.toLocaleString('en')} characters`), length, { timeout });
}

/** Types (fills) `text` into the text box and waits for its analysis to be shown. */
export async function fillText(page, text) {
  await page.fill('#input', text);
  await settled(page, text.length);
}

/** The marks in the view as [text, label] pairs. */
export const marks = (page) => page.$$eval('#out mark.ent', (ms) => ms.map((m) => [m.textContent, m.dataset.label]));

/** The text the view shows (badges are CSS, so this is the text as pasted). */
export const shownText = (page) => page.$eval('#out', (o) => o.textContent);
