// Runs the analysis off the main thread, so typing and scrolling never wait on it.
// Messages in: {type: "init", module} once, then {type: "analyze", id, text, options}.
// Messages out: {id, analysis, ms} or {id, error}.
import { initSync, analyze } from './pkg/textlens.js';

self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    initSync({ module: msg.module });
    self.postMessage({ type: 'ready' });
    return;
  }
  if (msg.type === 'analyze') {
    const t0 = performance.now();
    try {
      const analysis = analyze(msg.text, msg.options);
      self.postMessage({ id: msg.id, analysis, ms: performance.now() - t0 });
    } catch (err) {
      self.postMessage({ id: msg.id, error: String(err && err.message || err) });
    }
  }
};
