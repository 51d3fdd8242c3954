// Static checks of the page's source (no browser): no HTML parsing of strings anywhere in
// the page or the Rust renderer, nothing that needs inline script or style under the
// Content-Security-Policy, and every file of the page cached for offline use.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const www = path.join(repo, 'www');

/** Files under `dir` (recursively) whose names end with one of `exts`, skipping `skip` dirs. */
function files(dir, exts, skip = []) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (!skip.includes(entry.name)) out.push(...files(p, exts, skip)); } else if (exts.some((e) => entry.name.endsWith(e))) out.push(p);
  }
  return out;
}

/** [pattern, why] pairs that must not appear in the page's JavaScript. */
const JS_BANNED = [
  [/\binnerHTML\b/, 'innerHTML parses HTML'], [/\bouterHTML\b/, 'outerHTML parses HTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML parses HTML'], [/\bdocument\.write(ln)?\b/, 'document.write parses HTML'],
  [/\bcreateContextualFragment\b/, 'parses HTML'], [/\bDOMParser\b/, 'parses HTML'], [/\bsrcdoc\b/, 'parses HTML'],
  [/\beval\s*\(/, 'eval is blocked by the CSP'], [/\bnew\s+Function\b/, 'new Function is blocked by the CSP'],
  [/setAttribute\(\s*['"]style['"]/, 'inline style attributes are blocked by the CSP'], [/\.style\b/, 'styles belong in the CSS files'],
  [/setAttribute\(\s*['"]on/, 'inline event handlers are blocked by the CSP'], [/\bjavascript:/, 'javascript: URLs'],
];
/** The same for the Rust renderer (web-sys names). */
const RUST_BANNED = [
  [/\bset_inner_html\b/, 'innerHTML parses HTML'], [/\bset_outer_html\b/, 'outerHTML parses HTML'], [/\binner_html\b/, 'innerHTML'],
  [/\binsert_adjacent_html\b/, 'insertAdjacentHTML parses HTML'], [/\bDocument::write|\.write(ln)?(_with\w*)?\(/, 'document.write parses HTML'],
  [/\bcreate_contextual_fragment\b/, 'parses HTML'], [/\bDomParser\b/, 'parses HTML'], [/\beval\b/, 'eval'],
  [/"style"/, 'inline style attributes are blocked by the CSP'], [/"on[a-z]+"/, 'inline event handlers are blocked by the CSP'],
];
const HTML_BANNED = [
  [/<script(?![^>]*\bsrc=)[^>]*>/i, 'inline <script>'], [/\sstyle\s*=/i, 'inline style attribute'], [/<style\b/i, 'inline <style>'],
  [/\son[a-z]+\s*=/i, 'inline event handler'], [/javascript:/i, 'javascript: URL'],
];

const problems = [];
let checked = 0;
function scan(file, banned) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  checked++;
  lines.forEach((line, n) => {
    const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, ''); // comments may name what is banned
    for (const [re, why] of banned) if (re.test(code)) problems.push(`${path.relative(repo, file)}:${n + 1}: ${why}: ${line.trim()}`);
  });
}

// The patterns themselves catch what they are for.
const selfCheck = [
  ['el.innerHTML = text', JS_BANNED], ['document.write(x)', JS_BANNED], ["b.style.setProperty('--c', x)", JS_BANNED],
  ['el.set_inner_html(&text);', RUST_BANNED], ['document.write_with_str(&s)', RUST_BANNED], ['<div onclick="x()">', HTML_BANNED],
  ['<script>alert(1)</script>', HTML_BANNED], ['<p style="color:red">', HTML_BANNED],
];
for (const [snippet, banned] of selfCheck) {
  if (!banned.some(([re]) => re.test(snippet))) problems.push(`a banned pattern no longer matches: ${snippet}`);
}
for (const ok of ['<script type="module" src="app.js"></script>', 'const styled = 1;']) {
  if (HTML_BANNED.concat(JS_BANNED).some(([re]) => re.test(ok))) problems.push(`a harmless line is flagged: ${ok}`);
}

for (const f of files(www, ['.js', '.mjs'], ['pkg'])) scan(f, JS_BANNED);
for (const f of files(www, ['.html'], ['pkg'])) scan(f, HTML_BANNED);
for (const f of [path.join(repo, 'src/wasm.rs'), ...files(path.join(repo, 'src/wasm'), ['.rs'])]) scan(f, RUST_BANNED);

// The Content-Security-Policy allows only the page's own scripts and WASM.
const html = fs.readFileSync(path.join(www, 'index.html'), 'utf8');
const csp = (html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/) || [])[1] || '';
const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v.join(' ')]));
const want = { 'default-src': "'self'", 'script-src': "'self' 'wasm-unsafe-eval'", 'style-src': "'self'", 'object-src': "'none'", 'base-uri': "'none'" };
for (const [k, v] of Object.entries(want)) if (directives[k] !== v) problems.push(`CSP ${k} is "${directives[k]}", want "${v}"`);
if (/'unsafe-inline'|(^|\s)'unsafe-eval'|\*|data:|blob:/.test(directives['script-src'] || '')) problems.push('CSP script-src is too open');

// Every file the page loads is cached by the service worker.
const sw = fs.readFileSync(path.join(www, 'sw.js'), 'utf8');
const shell = JSON.parse((sw.match(/const SHELL = (\[[^\]]*\])/) || [])[1].replace(/'/g, '"').replace(/,\s*\]/, ']'));
for (const f of files(www, ['.js', '.css', '.html', '.txt'], ['pkg']).map((f) => path.relative(www, f))) {
  if (f !== 'sw.js' && !shell.includes(f)) problems.push(`sw.js does not cache ${f}: the page would not work offline`);
}

if (checked < 8) problems.push(`only ${checked} files were checked`);
for (const p of problems) console.log(`FAIL ${p}`);
console.log(problems.length ? `${problems.length} problems in ${checked} files` : `ok   ${checked} files: no HTML parsing of strings, nothing the CSP would block, every file cached offline`);
process.exit(problems.length ? 1 : 0);
