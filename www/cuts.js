// Where to cut a long text into pieces of about `target` UTF-16 units: at a paragraph
// break near the target, else a line break, else a space, else anywhere that does not
// split a surrogate pair. Linear in the text length: each search looks at a bounded window.

/**
 * Returns the cut positions `[0, c1, c2, ..., text.length]` (strictly increasing; just
 * `[0, length]` when the text is short enough to stay whole).
 */
export function cutPoints(text, target) {
  const cuts = [0];
  let from = 0;
  while (text.length - from > target * 1.5) {
    const cut = cutNear(text, from + target, from + (target >> 1), from + Math.floor(target * 1.5));
    cuts.push(cut);
    from = cut;
  }
  cuts.push(text.length);
  return cuts;
}

/** The best cut in `[lo, hi]`, nearest to `want`. */
function cutNear(text, want, lo, hi) {
  const win = text.slice(lo, hi);
  const at = want - lo;
  for (const sep of ['\n\n', '\n', ' ']) {
    const after = win.indexOf(sep, at);
    const before = win.lastIndexOf(sep, at);
    const best = after === -1 ? before : before === -1 ? after : (at - before <= after - at ? before : after);
    if (best !== -1) return lo + best + sep.length;
  }
  const code = text.charCodeAt(want - 1);
  return code >= 0xD800 && code <= 0xDBFF ? want + 1 : want;
}

/** Index of the first element of the sorted array `xs` for which `key(x) >= value`. */
export function lowerBound(xs, value, key) {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]) < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}
