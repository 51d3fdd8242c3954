// Shareable links. The text is compressed (CompressionStream 'deflate-raw') and written as
// base64url into the URL fragment with the options:
//   #v=1&d=2017-08-01&df=1&hide=LOC,DATE&t=<base64url>
// A fragment never reaches a server: browsers do not send it. Decoding checks everything
// and stops reading a compressed text past `maxBytes`.
import { isLabel } from './labels.js';

/** Links longer than this are not offered (browsers cap URL length at about 2 MB). */
export const MAX_LINK = 2_000_000;

/** Bytes → base64url (no padding). */
export function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url → bytes; throws on anything that is not base64url. */
export function fromBase64Url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Compresses `text` (UTF-8, deflate-raw) and returns it as base64url. */
export async function packText(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/**
 * The text packed by `packText`. Throws `Error('damaged')` for data that does not
 * decompress to UTF-8 and `Error('too long')` past `maxBytes` of text.
 */
export async function unpackText(data, maxBytes) {
  let bytes;
  try { bytes = fromBase64Url(data); } catch { throw new Error('damaged'); }
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        reader.cancel().catch(() => {});
        throw new Error('too long');
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
  } catch (err) {
    if (err.message === 'too long') throw err;
    throw new Error('damaged');
  }
  return parts.join('');
}

/** The fragment for packed text `data` and the options. */
export function encodeFragment({ data, date, dayFirst, hidden }) {
  const p = new URLSearchParams();
  p.set('v', '1');
  if (date) p.set('d', date);
  if (dayFirst) p.set('df', '1');
  if (hidden && hidden.length) p.set('hide', [...hidden].join(','));
  p.set('t', data);
  return `#${p.toString()}`;
}

/**
 * Reads a fragment made by `encodeFragment`: `{data, date, dayFirst, hidden}`, or null
 * when the fragment is not a textlens link. Unknown labels and bad dates are dropped.
 */
export function decodeFragment(hash) {
  const p = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  if (p.get('v') !== '1' || !p.has('t')) return null;
  const date = p.get('d') || '';
  return {
    data: p.get('t'),
    date: /^\d{4}-\d\d-\d\d$/.test(date) ? date : '',
    dayFirst: p.get('df') === '1',
    hidden: (p.get('hide') || '').split(',').filter(isLabel),
  };
}
