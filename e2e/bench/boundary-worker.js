// Benchmark worker: analyses the text with one boundary form and posts the result.
import { initSync, analyze, analyzeJson, analyzeCompact } from '../../www/pkg/textlens.js';

self.onmessage = (event) => {
  const { type, module, form, text, options } = event.data;
  if (type === 'init') { initSync({ module }); self.postMessage({ ready: true }); return; }
  const t0 = performance.now();
  let result, transfer = [];
  if (form === 'objects') result = analyze(text, options);
  else if (form === 'json') result = analyzeJson(text, options);
  else if (form === 'json-parsed') result = JSON.parse(analyzeJson(text, options));
  else if (form === 'compact') { result = analyzeCompact(text, options); transfer = [result.spans.buffer]; }
  const t1 = performance.now();
  self.postMessage({ form, result, worker: t1 - t0, sent: performance.timeOrigin + performance.now() }, transfer);
  self.postMessage({ form, post: performance.now() - t1 });
};
