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

use super::features::{self, CONTEXT_STRIDE, NONE, STRIDE, WORD_STRIDE};
use super::tags::Scheme;

const MAGIC: &[u8; 4] = b"TLNM";
const FORMAT: u8 = 1;

/// A loaded model.
pub(crate) struct Model {
    /// The tag scheme.
    pub scheme: Scheme,
    /// The number of tags.
    #[cfg(test)]
    tags: usize,
    /// Feature id → bucket.
    mask: u32,
    /// The feature weights, packed for summing.
    weights: Weights,
    /// `transitions[prev * tags + next]`; row `tags` is the start row.
    #[cfg(test)]
    transitions: Vec<i32>,
    /// End weights per tag.
    #[cfg(test)]
    ends: Vec<i32>,
    /// The scheme's allowed steps.
    #[cfg(test)]
    rules: Rules,
    /// `ends` with [`FORBIDDEN_32`] for tags that may not end a sentence (the transitions
    /// likewise are in [`Weights`]).
    allowed_ends: Vec<i32>,
}

/// Tags packed into one `u128`: nine lanes of [`LANE_BITS`] bits each.
const LANES: usize = 9;

/// The width of a lane.
const LANE_BITS: usize = 14;

/// Added to every weight in its lane, so that a lane holds `0..=255` per feature.
const LANE_BIAS: u32 = 128;

/// The sums of up to [`STRIDE`] features (a token's word and context features) never
/// carry from one lane into the next.
const _: () = assert!(STRIDE * 255 < 1 << LANE_BITS && LANES * LANE_BITS <= 128);

/// The feature weights of every bucket, [`LANES`] tags to a `u128`: lane `tag` holds the
/// tag's weight plus [`LANE_BIAS`], so that summing the rows of a token's features (a
/// few dozen) adds up every tag's weights with one or two integer additions per feature
/// instead of one per tag; [`Lanes::unpack`] takes the biases out again. A row of nine
/// tags is 16 bytes: the table (a megabyte) is read at random, and a row never spans
/// two cache lines. One variant per tag count, with the transition weights as rows of
/// that many: `[prev][next]`, row `tags` the start row, [`FORBIDDEN_32`] where the scheme
/// forbids the step.
enum Weights {
    /// BIO: 9 tags in one word.
    Nine(Vec<[u128; 1]>, Vec<[i32; 9]>),
    /// BILOU: 17 tags in 2 words.
    Seventeen(Vec<[u128; 2]>, Vec<[i32; 17]>),
}

/// The packed row of `weights` (one per tag, at most `W * LANES` of them).
fn pack<const W: usize>(weights: &[i8]) -> [u128; W] {
    let mut words = [0u128; W];
    for (lane, &w) in weights.iter().enumerate() {
        let biased = (i32::from(w) + LANE_BIAS as i32) as u128;
        words[lane / LANES] |= biased << (LANE_BITS * (lane % LANES));
    }
    words
}

/// Reads the weights of the stored rows (`index[n]` is the bucket of row `n`, `masks`
/// says which of its `tags` weights follow) into a table of `buckets` packed rows.
fn read_rows<const W: usize>(r: &mut Reader, index: &[usize], masks: &[u8], tags: usize, buckets: usize) -> Option<Vec<[u128; W]>> {
    let mask_bytes = tags.div_ceil(8);
    let empty = pack::<W>(&vec![0; tags]);
    let mut rows = vec![empty; buckets];
    for (n, &b) in index.iter().enumerate() {
        let mask = masks.get(n * mask_bytes..(n + 1) * mask_bytes)?;
        let row = rows.get_mut(b)?;
        for (byte, &bits) in mask.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let tag = byte * 8 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if tag >= tags {
                    return None;
                }
                // The lane holds LANE_BIAS already: adding the weight cannot borrow from
                // or carry into the next lane.
                let w = i128::from(r.u8()? as i8) << (LANE_BITS * (tag % LANES));
                row[tag / LANES] = row[tag / LANES].wrapping_add_signed(w);
            }
        }
    }
    Some(rows)
}

/// Summed weight rows (see [`Weights`]) and how many were summed.
#[derive(Clone, Copy)]
struct Lanes<const W: usize> {
    sums: [u128; W],
    count: u32,
}

impl<const W: usize> Lanes<W> {
    /// The sums of the rows of `feats` (up to the first [`NONE`]; callers pass one
    /// token's slots, at most [`STRIDE`] features).
    #[inline(always)]
    fn sum(rows: &[[u128; W]], mask: u32, feats: &[u32]) -> Lanes<W> {
        let mut acc = [0u128; W];
        let mut count = 0;
        for &f in feats.iter().take(STRIDE) {
            if f == NONE {
                break;
            }
            if let Some(row) = rows.get((f & mask) as usize) {
                for k in 0..W {
                    acc[k] += row[k];
                }
                count += 1;
            }
        }
        Lanes { sums: acc, count }
    }

    /// Both sums together (at most [`STRIDE`] features in all).
    #[inline(always)]
    fn add(self, other: Lanes<W>) -> Lanes<W> {
        let mut acc = self.sums;
        for (a, b) in acc.iter_mut().zip(other.sums) {
            *a += b;
        }
        Lanes { sums: acc, count: self.count + other.count }
    }

    /// The lane `lane`.
    #[inline(always)]
    fn lane(&self, lane: usize) -> u32 {
        ((self.sums[lane / LANES] >> (LANE_BITS * (lane % LANES))) as u32) & ((1 << LANE_BITS) - 1)
    }

    /// The summed weight of each of the `T` tags, into `scores`.
    #[inline(always)]
    fn unpack<const T: usize>(&self, scores: &mut [i32; T]) {
        let bias = (self.count * LANE_BIAS) as i32;
        for (tag, s) in scores.iter_mut().enumerate() {
            *s = self.lane(tag) as i32 - bias;
        }
    }
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
        let masks = r.take(rows * tags.div_ceil(8))?.to_vec();
        let rules = Rules::new(scheme);
        let mut allowed_transitions = vec![FORBIDDEN_32; (tags + 1) * tags];
        for next in 0..tags {
            if rules.may_start[next] {
                allowed_transitions[tags * tags + next] = transitions[tags * tags + next];
            }
            for &p in &rules.prevs[next] {
                allowed_transitions[p as usize * tags + next] = transitions[p as usize * tags + next];
            }
        }
        let allowed_ends = (0..tags).map(|t| if rules.may_end[t] { ends[t] } else { FORBIDDEN_32 }).collect();
        let weights = match tags {
            9 => Weights::Nine(read_rows(&mut r, &index, &masks, tags, buckets)?, fixed_rows(&allowed_transitions)?),
            17 => Weights::Seventeen(read_rows(&mut r, &index, &masks, tags, buckets)?, fixed_rows(&allowed_transitions)?),
            _ => return None,
        };
        if r.at != bytes.len() {
            return None;
        }
        Some(Model {
            scheme,
            #[cfg(test)]
            tags,
            mask: (buckets - 1) as u32,
            weights,
            #[cfg(test)]
            transitions,
            #[cfg(test)]
            ends,
            #[cfg(test)]
            rules,
            allowed_ends,
        })
    }

    /// Tags the tokens of one window into `out`: token `i` has the word features of
    /// block `blocks[i]` (of `words`, [`WORD_STRIDE`] slots each) and the context features
    /// `context[i * CONTEXT_STRIDE..]`. The weights of each block are summed once per
    /// text: call [`Work::begin_text`] before the first window of a text.
    pub fn tag_blocks(&self, words: &[u32], blocks: &[u32], context: &[u32], work: &mut Work, out: &mut Vec<u8>) {
        match &self.weights {
            Weights::Nine(rows, trans) => self.tag_fixed::<9, 1>(rows, trans, words, blocks, context, work, out),
            Weights::Seventeen(rows, trans) => self.tag_fixed::<17, 2>(rows, trans, words, blocks, context, work, out),
        }
    }

    /// [`Model::tag_blocks`] for `T` tags packed in `W` words, known at compile time.
    #[allow(clippy::too_many_arguments)]
    fn tag_fixed<const T: usize, const W: usize>(
        &self,
        rows: &[[u128; W]],
        trans: &[[i32; T]],
        words: &[u32],
        blocks: &[u32],
        context: &[u32],
        work: &mut Work,
        out: &mut Vec<u8>,
    ) {
        let n = blocks.len().min(context.len() / CONTEXT_STRIDE);
        // Every emission is written below: no need to clear the old ones first.
        work.emissions.resize(n * T, 0);
        work.blocks.make_room::<W>(blocks.iter().max().map_or(0, |&b| b as usize + 1));
        let tokens = blocks.iter().zip(context.chunks_exact(CONTEXT_STRIDE));
        for ((&b, ctx), em) in tokens.zip(work.emissions.chunks_exact_mut(T)) {
            let own = work.blocks.sum(b as usize, || {
                let feats = words.get(b as usize * WORD_STRIDE..(b as usize + 1) * WORD_STRIDE).unwrap_or(&[]);
                Lanes::sum(rows, self.mask, feats)
            });
            if let Ok(em) = <&mut [i32; T]>::try_from(em) {
                own.add(Lanes::sum(rows, self.mask, ctx)).unpack(em);
            }
        }
        self.viterbi_fixed::<T>(trans, n, work, out);
    }

    /// The summed weights of one token's features, appended to `scores` (one per tag).
    #[cfg(test)]
    fn emit(&self, feats: &[u32], scores: &mut Vec<i32>) {
        fn append<const T: usize, const W: usize>(rows: &[[u128; W]], mask: u32, feats: &[u32], scores: &mut Vec<i32>) {
            let mut em = [0; T];
            Lanes::sum(rows, mask, feats).unpack(&mut em);
            scores.extend_from_slice(&em);
        }
        match &self.weights {
            Weights::Nine(rows, _) => append::<9, 1>(rows, self.mask, feats, scores),
            Weights::Seventeen(rows, _) => append::<17, 2>(rows, self.mask, feats, scores),
        }
    }

    /// Every weight, `weights[bucket * tags + tag]`, as the trainer quantised them.
    #[cfg(test)]
    fn weights(&self) -> Vec<i8> {
        let mut all = Vec::new();
        for bucket in 0..=self.mask {
            self.emit(&[bucket], &mut all);
        }
        all.into_iter().map(|w| w as i8).collect()
    }

    /// [`viterbi`] for `T` tags known at compile time, in 32-bit integers, with forbidden
    /// steps as very low weights rather than skipped: the same best path, faster.
    ///
    /// The forward pass keeps only each step's scores, not which previous tag gave each
    /// score: taking a maximum is cheaper than tracking where it came from, and going
    /// back, the previous tag is worked out again for the one tag chosen at each step, by
    /// the same sums in the same order.
    fn viterbi_fixed<const T: usize>(&self, trans: &[[i32; T]], n: usize, work: &mut Work, out: &mut Vec<u8>) {
        out.clear();
        work.steps.clear();
        let (Some(start), Some(ends)) = (trans.get(T), self.allowed_ends.get(..T)) else { return };
        let mut rows = work.emissions.chunks_exact(T).take(n);
        let Some(first) = rows.next() else { return };
        let mut score = [0i32; T];
        for (tag, s) in score.iter_mut().enumerate() {
            *s = (start[tag] + first[tag]).max(FORBIDDEN_32);
        }
        for em in rows {
            work.steps.extend_from_slice(&score);
            let mut best = [FORBIDDEN_32; T];
            for (&s, weights) in score.iter().zip(trans) {
                for next in 0..T {
                    best[next] = best[next].max(s + weights[next]);
                }
            }
            for next in 0..T {
                score[next] = best[next] + em[next];
            }
        }
        let mut best = i32::MIN;
        let mut last = 0u8;
        for (tag, (&s, &end)) in score.iter().zip(ends).enumerate() {
            let v = s + end;
            if s > FORBIDDEN_32 / 2 && v > best {
                best = v;
                last = tag as u8;
            }
        }
        out.resize(n, last);
        for (i, before) in work.steps.chunks_exact(T).enumerate().rev() {
            out[i] = best_previous(before, trans, out[i + 1] as usize);
        }
    }

    /// Tags the tokens of one window given all their features ([`STRIDE`] slots each)
    /// into `out`, using `work` as scratch space.
    #[cfg(test)]
    pub fn tag(&self, feats: &[u32], work: &mut Work, out: &mut Vec<u8>) {
        let n = feats.len() / STRIDE;
        out.clear();
        if n == 0 {
            return;
        }
        work.emissions.clear();
        for token in feats.chunks_exact(STRIDE) {
            self.emit(token, &mut work.emissions);
        }
        viterbi(&self.rules, n, self.tags, &work.emissions, &self.transitions, &self.ends, &mut work.back, &mut work.score, out);
    }
}

/// The previous tag on the best path into tag `next`, given the scores `before` of the
/// step before: the first tag whose score plus its step into `next` is the highest and
/// beats [`FORBIDDEN_32`] (0 when none does).
#[inline(always)]
fn best_previous<const T: usize>(before: &[i32], trans: &[[i32; T]], next: usize) -> u8 {
    let mut best = FORBIDDEN_32;
    let mut arg = 0u8;
    for (p, (&s, weights)) in before.iter().zip(trans).enumerate() {
        let v = s + weights.get(next).copied().unwrap_or(FORBIDDEN_32);
        if v > best {
            best = v;
            arg = p as u8;
        }
    }
    arg
}

/// The `T + 1` rows of `T` weights in `flat` (transitions and the start row), as arrays.
fn fixed_rows<const T: usize>(flat: &[i32]) -> Option<Vec<[i32; T]>> {
    (flat.len() == (T + 1) * T).then(|| {
        flat.chunks_exact(T)
            .map(|row| {
                let mut fixed = [0; T];
                fixed.copy_from_slice(row);
                fixed
            })
            .collect()
    })
}

/// The summed weights of each word-feature block of a text, each summed when first
/// needed.
#[derive(Default)]
struct BlockSums {
    /// The packed sums ([`Lanes`]), `W` words per block.
    words: Vec<u128>,
    /// How many features each block's sum holds; `None` until it is done.
    counts: Vec<Option<u32>>,
}

impl BlockSums {
    /// Makes room for the sums of blocks `0..blocks` (of `W` words each) at once.
    fn make_room<const W: usize>(&mut self, blocks: usize) {
        if self.counts.len() < blocks {
            self.counts.resize(blocks, None);
            self.words.resize(blocks * W, 0);
        }
    }

    /// The sum of block `b`, computed by `sum` if not known yet.
    #[inline(always)]
    fn sum<const W: usize>(&mut self, b: usize, sum: impl FnOnce() -> Lanes<W>) -> Lanes<W> {
        self.make_room::<W>(b + 1);
        let mut lanes = Lanes { sums: [0u128; W], count: 0 };
        if let (Some(stored), Some(count)) = (self.words.get_mut(b * W..(b + 1) * W), self.counts.get_mut(b)) {
            let n = *count.get_or_insert_with(|| {
                let new = sum();
                stored.copy_from_slice(&new.sums);
                new.count
            });
            lanes.sums.copy_from_slice(stored);
            lanes.count = n;
        }
        lanes
    }
}

/// Scratch buffers for decoding, reused from sentence to sentence.
#[derive(Default)]
pub(crate) struct Work {
    /// The summed weights of each word-feature block of the text.
    blocks: BlockSums,
    emissions: Vec<i32>,
    /// The Viterbi scores of every step but the last, `T` each.
    steps: Vec<i32>,
    /// Back-pointers for the general Viterbi.
    #[cfg(test)]
    back: Vec<u8>,
    #[cfg(test)]
    score: Vec<i64>,
}

impl Work {
    /// Forgets the block sums of the previous text.
    pub fn begin_text(&mut self) {
        self.blocks = BlockSums::default();
    }
}

/// [`FORBIDDEN`] for 32-bit scores: a sentence window's weights (at most 256 tokens of
/// a few thousand each) cannot bring two of these back to an allowed score, nor
/// overflow.
const FORBIDDEN_32: i32 = -(1 << 28);

#[cfg(any(test, feature = "train"))]
/// The score of an impossible path: low enough never to win, high enough that adding
/// any sentence's weights to it cannot overflow.
const FORBIDDEN: i64 = i64::MIN / 4;

#[cfg(any(test, feature = "train"))]
/// A weight that Viterbi can add up: integers in the page, floats while training.
pub(crate) trait Weight: Copy {
    /// The weight as a fixed-point score.
    fn fixed(self) -> i64;
}

#[cfg(any(test, feature = "train"))]
impl Weight for i32 {
    #[inline(always)]
    fn fixed(self) -> i64 {
        i64::from(self)
    }
}

#[cfg(any(test, feature = "train"))]
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
#[cfg(any(test, feature = "train"))]
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
            assert_eq!(m.weights(), q.weights);
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
