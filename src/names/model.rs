//! The tagger's model: quantised feature weights in one flat table, tag transition
//! weights, and Viterbi decoding.
//!
//! File format (little endian), written by the trainer:
//!
//! ```text
//! "TLNM" version:u8 scheme:u8 tags:u8 bucket_bits:u8 feature_version:u32
//! transitions: i16 × (tags + 1) × tags   (row `tags` holds the start weights)
//! ends:        i16 × tags
//! rows:u32
//! rows × varint   gap from the previous stored bucket (first: the bucket itself)
//! rows × mask     one bit per tag with a non-zero weight, ⌈tags/8⌉ bytes
//! rows × i8…      the non-zero weights, in tag order
//! ```
//! Buckets not stored are all zero. Streams are kept apart because they compress better
//! that way in the gzipped page.

use super::features::{self, NONE, STRIDE};
use super::tags::Scheme;

const MAGIC: &[u8; 4] = b"TLNM";
const FORMAT: u8 = 1;

/// A loaded model.
pub(crate) struct Model {
    /// The tag scheme.
    pub scheme: Scheme,
    tags: usize,
    mask: u32,
    /// `weights[bucket * tags + tag]`.
    weights: Vec<i8>,
    /// `transitions[prev * tags + next]`; row `tags` is the start row.
    transitions: Vec<i32>,
    ends: Vec<i32>,
    rules: Rules,
}

#[cfg(any(test, feature = "train"))]
/// Quantised weights ready to be written: what the trainer hands to [`encode`].
pub(crate) struct Quantised {
    /// The tag scheme.
    pub scheme: Scheme,
    /// log2 of the number of feature buckets.
    pub bucket_bits: u8,
    /// `weights[bucket * tags + tag]`.
    pub weights: Vec<i8>,
    /// `(tags + 1) × tags` transition weights; the last row is the start row.
    pub transitions: Vec<i16>,
    /// End weights per tag.
    pub ends: Vec<i16>,
}

#[cfg(any(test, feature = "train"))]
fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Serialises a model.
#[cfg(any(test, feature = "train"))]
pub(crate) fn encode(q: &Quantised) -> Vec<u8> {
    let tags = q.scheme.tag_count();
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[FORMAT, q.scheme.id(), tags as u8, q.bucket_bits]);
    out.extend_from_slice(&features::VERSION.to_le_bytes());
    for w in q.transitions.iter().chain(&q.ends) {
        out.extend_from_slice(&w.to_le_bytes());
    }
    let rows: Vec<usize> = (0..q.weights.len() / tags).filter(|&b| q.weights[b * tags..(b + 1) * tags].iter().any(|&w| w != 0)).collect();
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut prev = 0;
    for &b in &rows {
        write_varint(&mut out, (b - prev) as u32);
        prev = b;
    }
    let mask_bytes = tags.div_ceil(8);
    for &b in &rows {
        let mut mask = [0u8; 4];
        for t in 0..tags {
            if q.weights[b * tags + t] != 0 {
                mask[t / 8] |= 1 << (t % 8);
            }
        }
        out.extend_from_slice(&mask[..mask_bytes]);
    }
    for &b in &rows {
        out.extend(q.weights[b * tags..(b + 1) * tags].iter().filter(|&&w| w != 0).map(|&w| w as u8));
    }
    out
}

/// Reads bytes from a model file, failing softly at its end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn i16(&mut self) -> Option<i16> {
        let b = self.take(2)?;
        Some(i16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn varint(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

impl Model {
    /// Reads a model; `None` when the bytes are not a model for these features.
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC || r.u8()? != FORMAT {
            return None;
        }
        let scheme = Scheme::from_id(r.u8()?)?;
        let tags = r.u8()? as usize;
        let bits = r.u8()?;
        if tags != scheme.tag_count() || !(8..=24).contains(&bits) || r.u32()? != features::VERSION {
            return None;
        }
        let mut transitions = Vec::with_capacity((tags + 1) * tags);
        for _ in 0..(tags + 1) * tags {
            transitions.push(i32::from(r.i16()?));
        }
        let mut ends = Vec::with_capacity(tags);
        for _ in 0..tags {
            ends.push(i32::from(r.i16()?));
        }
        let buckets = 1usize << bits;
        let rows = r.u32()? as usize;
        if rows > buckets {
            return None;
        }
        let mut index = Vec::with_capacity(rows);
        let mut b = 0usize;
        for n in 0..rows {
            let gap = r.varint()? as usize;
            if n > 0 && gap == 0 {
                return None;
            }
            b += gap;
            if b >= buckets {
                return None;
            }
            index.push(b);
        }
        let mask_bytes = tags.div_ceil(8);
        let masks = r.take(rows * mask_bytes)?.to_vec();
        let mut weights = vec![0i8; buckets * tags];
        for (n, &b) in index.iter().enumerate() {
            let mask = &masks[n * mask_bytes..(n + 1) * mask_bytes];
            for t in 0..tags {
                if mask[t / 8] & (1 << (t % 8)) != 0 {
                    weights[b * tags + t] = r.u8()? as i8;
                }
            }
        }
        if r.at != bytes.len() {
            return None;
        }
        Some(Model { scheme, tags, mask: (buckets - 1) as u32, weights, transitions, ends, rules: Rules::new(scheme) })
    }

    /// Adds the weights of one token's features to `scores` (one entry per tag).
    #[inline(always)]
    fn emit(&self, feats: &[u32], scores: &mut [i32]) {
        match self.tags {
            9 => self.emit_fixed::<9>(feats, scores),
            17 => self.emit_fixed::<17>(feats, scores),
            _ => {}
        }
    }

    /// [`Model::emit`] for a tag count known at compile time, so the sums stay in
    /// registers.
    #[inline(always)]
    fn emit_fixed<const T: usize>(&self, feats: &[u32], scores: &mut [i32]) {
        let mut acc = [0i32; T];
        for &f in feats {
            if f == NONE {
                break;
            }
            let row = (f & self.mask) as usize * T;
            if let Some(ws) = self.weights.get(row..row + T) {
                for k in 0..T {
                    acc[k] += i32::from(ws[k]);
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a;
        }
    }

    /// Tags the tokens of one sentence (their features, [`STRIDE`] slots each) into `out`,
    /// using `work` as scratch space.
    pub fn tag(&self, feats: &[u32], work: &mut Work, out: &mut Vec<u8>) {
        let n = feats.len() / STRIDE;
        let t = self.tags;
        out.clear();
        if n == 0 {
            return;
        }
        work.emissions.clear();
        work.emissions.resize(n * t, 0);
        for i in 0..n {
            self.emit(&feats[i * STRIDE..(i + 1) * STRIDE], &mut work.emissions[i * t..(i + 1) * t]);
        }
        viterbi(&self.rules, n, t, &work.emissions, &self.transitions, &self.ends, &mut work.back, &mut work.score, out);
    }
}

/// Scratch buffers for decoding, reused from sentence to sentence.
#[derive(Default)]
pub(crate) struct Work {
    emissions: Vec<i32>,
    back: Vec<u8>,
    score: Vec<i64>,
}

/// The score of an impossible path: low enough never to win, high enough that adding
/// any sentence's weights to it cannot overflow.
const FORBIDDEN: i64 = i64::MIN / 4;

/// A weight that Viterbi can add up: integers in the page, floats while training.
pub(crate) trait Weight: Copy {
    /// The weight as a fixed-point score.
    fn fixed(self) -> i64;
}

impl Weight for i32 {
    #[inline(always)]
    fn fixed(self) -> i64 {
        i64::from(self)
    }
}

impl Weight for f32 {
    #[inline(always)]
    fn fixed(self) -> i64 {
        (f64::from(self) * 65536.0) as i64
    }
}

/// Which tag transitions a scheme allows, as tables.
pub(crate) struct Rules {
    /// Tags a sentence may start with.
    may_start: Vec<bool>,
    /// For each tag, the tags that may come before it.
    prevs: Vec<Vec<u8>>,
    /// Tags a sentence may end with.
    may_end: Vec<bool>,
}

impl Rules {
    /// The tables of `scheme`.
    pub fn new(scheme: Scheme) -> Rules {
        let t = scheme.tag_count();
        let tags = 0..t as u8;
        Rules {
            may_start: tags.clone().map(|next| scheme.allowed(None, next)).collect(),
            prevs: tags.clone().map(|next| tags.clone().filter(|&p| scheme.allowed(Some(p), next)).collect()).collect(),
            may_end: tags.map(|tag| scheme.may_end(tag)).collect(),
        }
    }
}

/// Best tag sequence for `n` tokens under emission scores `em[i * t + tag]`, transition
/// weights `trans[prev * t + next]` (row `t` = start) and end weights, never using a
/// transition the rules forbid.
#[allow(clippy::too_many_arguments)]
pub(crate) fn viterbi<W: Weight>(
    rules: &Rules,
    n: usize,
    t: usize,
    em: &[W],
    trans: &[W],
    ends: &[W],
    back: &mut Vec<u8>,
    score: &mut Vec<i64>,
    out: &mut Vec<u8>,
) {
    let fx = |w: W| w.fixed();
    back.clear();
    back.resize(n * t, 0);
    score.clear();
    score.resize(2 * t, FORBIDDEN);
    let (mut cur, mut prev) = (0usize, t);
    for tag in 0..t {
        if rules.may_start[tag] {
            score[cur + tag] = fx(trans[t * t + tag]) + fx(em[tag]);
        }
    }
    for i in 1..n {
        std::mem::swap(&mut cur, &mut prev);
        for (next, prevs) in rules.prevs.iter().enumerate() {
            // FORBIDDEN is far enough from i64::MIN that adding weights cannot wrap.
            let mut best = FORBIDDEN;
            let mut arg = 0u8;
            for &p in prevs {
                let v = score[prev + p as usize] + fx(trans[p as usize * t + next]);
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            score[cur + next] = best.max(FORBIDDEN) + fx(em[i * t + next]);
            back[i * t + next] = arg;
        }
    }
    let mut best = FORBIDDEN;
    let mut last = 0u8;
    for tag in 0..t {
        let s = score[cur + tag];
        if rules.may_end[tag] && s > FORBIDDEN / 2 && s + fx(ends[tag]) > best {
            best = s + fx(ends[tag]);
            last = tag as u8;
        }
    }
    out.clear();
    out.resize(n, 0);
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i * t + out[i] as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(scheme: Scheme) -> Quantised {
        let tags = scheme.tag_count();
        let mut weights = vec![0i8; 256 * tags];
        weights[3 * tags + 1] = 50;
        weights[200 * tags + 2] = -7;
        weights[255 * tags] = 1;
        Quantised { scheme, bucket_bits: 8, weights, transitions: vec![0; (tags + 1) * tags], ends: vec![0; tags] }
    }

    #[test]
    fn encode_decode_round_trip() {
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let q = tiny(scheme);
            let m = Model::decode(&encode(&q)).expect("decodes");
            assert_eq!(m.weights, q.weights);
            assert_eq!(m.scheme, scheme);
        }
    }

    #[test]
    fn corrupt_models_are_refused_without_panicking() {
        let bytes = encode(&tiny(Scheme::Bio));
        for cut in 0..bytes.len() {
            assert!(Model::decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut wrong = bytes.clone();
        wrong[0] = b'X';
        assert!(Model::decode(&wrong).is_none());
        let mut extra = bytes;
        extra.push(0);
        assert!(Model::decode(&extra).is_none());
    }

    #[test]
    fn viterbi_respects_forbidden_transitions() {
        let s = Scheme::Bio;
        let t = s.tag_count();
        // Two tokens; emissions favour O then I-PER, which may not follow O.
        let mut em = vec![0f32; 2 * t];
        em[0] = 5.0;
        em[t + 2] = 3.0; // I-PER
        em[t + 1] = 2.0; // B-PER
        let trans = vec![0f32; (t + 1) * t];
        let ends = vec![0f32; t];
        let mut out = Vec::new();
        viterbi(&Rules::new(s), 2, t, &em, &trans, &ends, &mut Vec::new(), &mut Vec::new(), &mut out);
        assert_eq!(out, [0, 1]);
    }
}
