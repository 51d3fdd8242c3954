// The highlighted view. A text is shown in pieces of about PIECE characters (one piece for
// an ordinary article); the Rust renderer fills each piece with text nodes and marks once
// the analysis has reached its end. Long texts are rendered a slice at a time, BUDGET_MS of
// main-thread work per slice, pieces near the viewport first, so the page never freezes.
// Pieces use `content-visibility: auto`: the browser lays out only what is on screen.
import { render } from './pkg/textlens.js';
import { cutPoints, lowerBound } from './cuts.js';

/** UTF-16 units per piece. One piece renders in a few milliseconds. */
export const PIECE = 16_000;
/** Main-thread time spent rendering before giving the browser a turn. */
const BUDGET_MS = 8;
/** How far back to look for an entity (a quote) that runs into a piece from the one before. */
const LOOK_BACK = 64;
/**
 * Texts of up to this many pieces (about 1 M characters) get every piece rendered, in the
 * background; longer ones only near the viewport (and on demand: links, arrow keys). A
 * 10 MB text has ~150 k marks: rendering them all kept the main thread busy for seconds
 * (3–4 ms per piece, measured) for marks nobody scrolls to.
 */
const BACKGROUND_MAX = 64;
/**
 * Pieces added to the page at once when a text is shown; the rest follow a batch per turn
 * (adding all 600 pieces of a 10 MB text in one go took 70–180 ms on a loaded machine).
 */
const BUILD_FIRST = 16;
const BUILD_BATCH = 48;

export class View {
  /**
   * `out`: the element that holds the text. `hidden`: the set of hidden labels (read when
   * moving between marks). `onRendered(done, total)`: called after each slice of rendering.
   */
  constructor(out, { hidden, onRendered }) {
    this.out = out;
    this.hidden = hidden;
    this.onRendered = onRendered || (() => {});
    this.doc = null;
    this.pieces = [];
    this.left = 0; // pieces not rendered yet
    this.near = new Set(); // indices of pieces near the viewport
    this.selected = null; // {group} or {entity}
    this.timer = 0;
    this.observer = new IntersectionObserver((changes) => {
      for (const c of changes) {
        const k = Number(c.target.dataset.piece);
        if (c.isIntersecting) this.near.add(k); else this.near.delete(k);
      }
      this.schedule();
    }, { rootMargin: '1500px 0px' });
  }

  /** Shows a new document (`{text, entities, analysedTo, done}`); marks follow as it is analysed. */
  show(doc) {
    clearTimeout(this.timer);
    this.timer = 0;
    this.observer.disconnect();
    this.near.clear();
    this.doc = doc;
    this.selected = null;
    const cuts = cutPoints(doc.text, PIECE);
    this.pieces = [];
    for (let k = 0; k + 1 < cuts.length; k++) this.pieces.push({ start: cuts[k], end: cuts[k + 1], el: null, rendered: false });
    this.built = 0;
    this.left = this.pieces.length;
    this.lazy = this.pieces.length > BACKGROUND_MAX;
    this.out.classList.toggle('long', this.pieces.length > 1);
    this.out.replaceChildren();
    this.build(BUILD_FIRST - 1);
    this.update();
  }

  /** Adds the elements of the pieces up to `k` (with their plain text), in order. */
  build(k) {
    const els = [];
    for (; this.built <= k && this.built < this.pieces.length; this.built++) {
      const p = this.pieces[this.built];
      p.el = document.createElement('div');
      p.el.className = 'piece';
      p.el.dataset.piece = String(this.built);
      p.el.textContent = this.doc.text.slice(p.start, p.end);
      els.push(p.el);
    }
    this.out.append(...els);
    if (this.pieces.length > 1) for (const el of els) this.observer.observe(el);
  }

  /** The analysis advanced: renders what became ready (at once for a one-piece text). */
  update() {
    if (this.pieces.length === 1) {
      if (this.ready(0)) this.renderPiece(0);
      this.onRendered(this.pieces.length - this.left, this.pieces.length);
      return;
    }
    this.schedule();
  }

  /** True when every piece that is to be rendered now has its marks. */
  get complete() {
    if (this.left === 0) return true;
    if (!this.lazy) return false;
    for (const k of this.near) if (!this.pieces[k].rendered) return false;
    return true;
  }

  ready(k) {
    const p = this.pieces[k];
    return k < this.built && !p.rendered && (this.doc.done || this.doc.analysedTo >= p.end);
  }

  schedule() {
    if (!this.timer && (this.left > 0 || this.built < this.pieces.length)) this.timer = setTimeout(() => this.pump(), 0);
  }

  /** Renders pieces for BUDGET_MS, nearest to the viewport first, then schedules the rest. */
  pump() {
    this.timer = 0;
    const t0 = performance.now();
    if (this.built < this.pieces.length) {
      this.build(this.built + BUILD_BATCH - 1);
      this.schedule();
      return;
    }
    let any = false;
    while (performance.now() - t0 < BUDGET_MS) {
      const k = this.nextPiece();
      if (k < 0) break;
      this.renderPiece(k);
      any = true;
    }
    if (any) {
      this.onRendered(this.pieces.length - this.left, this.pieces.length);
      this.schedule();
    }
  }

  nextPiece() {
    for (const k of this.near) if (this.ready(k)) return k;
    if (this.lazy) return -1;
    for (let k = 0; k < this.pieces.length; k++) {
      if (this.ready(k)) return k;
      if (!this.pieces[k].rendered) break; // keep text order: later pieces wait for analysis
    }
    return -1;
  }

  /** Fills piece `k` with its text and marks. */
  renderPiece(k) {
    const p = this.pieces[k];
    const { text, entities } = this.doc;
    const byStart = (e) => e.start;
    const last = lowerBound(entities, p.end, byStart);
    let first = lowerBound(entities, p.start, byStart);
    for (let j = first - 1; j >= 0 && j >= first - LOOK_BACK; j--) {
      if (entities[j].end > p.start) first = j; // runs into this piece
    }
    render(p.el, text.slice(p.start, p.end), { entities: entities.slice(first, last) }, { base: p.start, first });
    p.rendered = true;
    this.left--;
    if (this.selected) this.paintSelection(p.el);
  }

  /** Before printing: every piece of a text that is not too long gets its marks now. */
  renderAll() {
    if (this.lazy || !this.doc) return;
    this.build(this.pieces.length - 1);
    for (let k = 0; k < this.pieces.length; k++) if (this.ready(k)) this.renderPiece(k);
    this.onRendered(this.pieces.length - this.left, this.pieces.length);
  }

  /** The piece that holds UTF-16 offset `at`, rendered now if it was not. */
  pieceAt(at) {
    const k = Math.min(lowerBound(this.pieces, at + 1, (p) => p.end), this.pieces.length - 1);
    this.build(k);
    if (k >= 0 && this.ready(k)) {
      this.renderPiece(k);
      this.onRendered(this.pieces.length - this.left, this.pieces.length);
    }
    return this.pieces[k];
  }

  /** The element of entity `i` (a mark, or a quote's span), or null. */
  elementOf(i) {
    const e = this.doc && this.doc.entities[i];
    if (!e) return null;
    const p = this.pieceAt(e.start);
    return p ? p.el.querySelector(`[data-i="${i}"]`) : null;
  }

  /** Scrolls to entity `i`, focuses it and flashes it. Returns the element. */
  goTo(i) {
    const el = this.elementOf(i);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
    return el;
  }

  /**
   * Highlights every mention of entity `i`'s group (or just the entity when it has none);
   * selecting the same again clears. Returns the new selection or null.
   */
  select(i) {
    const e = this.doc && this.doc.entities[i];
    if (!e) return null;
    const next = e.group !== undefined ? { group: e.group } : { entity: i };
    const same = this.selected && this.selected.group === next.group && this.selected.entity === next.entity;
    this.clearSelection();
    if (same) return null;
    this.selected = next;
    this.out.classList.add('selecting');
    this.paintSelection(this.out);
    return next;
  }

  clearSelection() {
    for (const el of this.out.querySelectorAll('.sel')) el.classList.remove('sel');
    this.out.classList.remove('selecting');
    this.selected = null;
  }

  paintSelection(root) {
    const s = this.selected;
    const query = s.group !== undefined ? `mark[data-group="${s.group}"]` : `[data-i="${s.entity}"]`;
    for (const el of root.querySelectorAll(query)) el.classList.add('sel');
  }

  /**
   * The next (dir 1) or previous (dir -1) shown mark after `from` (a mark, or the view to
   * start at an end), rendering the pieces on the way if they were not.
   */
  step(from, dir) {
    const hidden = this.hidden;
    const accept = (n) => (n.tagName === 'MARK' && !hidden.has(n.dataset.label) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP);
    let k = from === this.out ? (dir > 0 ? 0 : this.pieces.length - 1) : Number(from.closest('.piece').dataset.piece);
    let start = from === this.out ? null : from;
    for (; k >= 0 && k < this.pieces.length; k += dir, start = null) {
      this.build(k);
      const p = this.pieces[k];
      if (!p.rendered) {
        if (!this.ready(k)) return null;
        this.renderPiece(k);
        this.onRendered(this.pieces.length - this.left, this.pieces.length);
      }
      const walker = document.createTreeWalker(p.el, NodeFilter.SHOW_ELEMENT, { acceptNode: accept });
      let next;
      if (start) {
        walker.currentNode = start;
        next = dir > 0 ? walker.nextNode() : walker.previousNode();
      } else if (dir > 0) {
        next = walker.nextNode();
      } else {
        while (walker.nextNode()) next = walker.currentNode;
      }
      if (next) return next;
    }
    return null;
  }
}
