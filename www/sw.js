// Keeps the page working offline once it has been loaded: every request goes to the
// network first (so a rebuilt page is picked up) and falls back to the cached copy.
const CACHE = 'textlens-v2';
const SHELL = ['./', 'index.html', 'style.css', 'print.css', 'app.js', 'worker.js', 'view.js', 'panel.js', 'share.js',
  'export.js', 'labels.js', 'cuts.js', 'sample.txt', 'pkg/textlens.js', 'pkg/textlens_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('textlens-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  event.respondWith(
    fetch(req).then((res) => {
      if (res.ok) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(req, copy)); }
      return res;
    }).catch(() => caches.match(req, { ignoreSearch: true }).then((hit) => hit || caches.match('index.html')))
  );
});
