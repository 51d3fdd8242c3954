//! Training the name tagger: an averaged structured perceptron over the features of
//! [`super::features`], decoded with the same Viterbi as the page. Built only with the
//! `train` feature; driven by `src/bin/train.rs`.
//!
//! Deterministic: documents are read in file order, sentences are shuffled with a fixed
//! seed, and floating-point sums run in one order.

use super::features::{Extractor, Resources, IDENTITY_SLOTS, NONE, STRIDE};
use super::model::{self, Quantised, Rules};
use super::tags::{Scheme, TYPES};
use crate::label::Label;
use crate::tokens::Doc;
use std::time::Instant;

/// How to train.
#[derive(Clone, Debug)]
pub struct Config {
    /// JSON Lines files to train on (`{"text", "entities": [{"start","end","label"}]}`,
    /// code-point offsets).
    pub train: Vec<String>,
    /// The file to tune on (epoch choice) and report scores for.
    pub dev: String,
    /// Further files to report scores for (never used for choices).
    pub check: Vec<String>,
    /// Passes over the training data.
    pub epochs: usize,
    /// log2 of the number of feature buckets.
    pub bucket_bits: u8,
    /// `bio` or `bilou`.
    pub bilou: bool,
    /// Features seen fewer times in training are left out.
    pub min_count: u32,
    /// Every n-th training document is also learnt in lower case (0 = never).
    pub lower_every: usize,
    /// Every n-th training document is also learnt in capitals (0 = never).
    pub upper_every: usize,
    /// Chance (0..1) that a training token's identity features are hidden in a pass.
    pub dropout: f32,
    /// Quantised weights with an absolute value at most this are dropped.
    pub prune: i8,
    /// The shuffling seed.
    pub seed: u64,
    /// Where to write the model (nothing is written when empty).
    pub out: String,
}

/// A tokenised sentence: its features and gold tags.
struct Sentence {
    /// Offset of its first token's features in the arena (in tokens).
    first: usize,
    len: usize,
}

/// A corpus turned into features.
struct Corpus {
    features: Vec<u32>,
    gold: Vec<u8>,
    sentences: Vec<Sentence>,
    /// Gold names `(first_token, last_token, type)` per sentence, in arena token indices.
    names: Vec<(usize, usize, usize)>,
    /// Entities whose edges fall inside a token.
    misaligned: usize,
    entities: usize,
}

fn type_of(label: &str, map_other: bool) -> Option<usize> {
    let label = match label {
        "PER" | "PERSON" => Label::Person,
        "ORG" => Label::Org,
        "LOC" | "GPE" => Label::Loc,
        "MISC" => Label::Misc,
        "PRODUCT" | "WORK_OF_ART" | "NORP" | "EVENT" if map_other => Label::Misc,
        _ => return None,
    };
    TYPES.iter().position(|&l| l == label)
}

/// Changes the case of every character that maps to exactly one character, so
/// code-point offsets stay valid.
fn recase(text: &str, upper: bool) -> String {
    text.chars()
        .map(|c| {
            let mut m: Vec<char> = if upper { c.to_uppercase().collect() } else { c.to_lowercase().collect() };
            if m.len() == 1 {
                m.pop().unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

struct Record {
    text: String,
    /// Byte offsets and type.
    entities: Vec<(usize, usize, usize)>,
}

fn read_records(path: &str) -> Result<Vec<Record>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let text = v["text"].as_str().ok_or_else(|| format!("{path}:{}: no text", n + 1))?.to_string();
        // Code points → bytes.
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let mut entities = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let (Some(s), Some(t), Some(l)) = (e["start"].as_u64(), e["end"].as_u64(), e["label"].as_str()) else { continue };
            let (Some(&bs), Some(&be)) = (bytes.get(s as usize), bytes.get(t as usize)) else { continue };
            if let Some(ty) = type_of(l, true) {
                entities.push((bs, be, ty));
            }
        }
        entities.sort_unstable();
        out.push(Record { text, entities });
    }
    Ok(out)
}

impl Corpus {
    fn new() -> Corpus {
        Corpus { features: Vec::new(), gold: Vec::new(), sentences: Vec::new(), names: Vec::new(), misaligned: 0, entities: 0 }
    }

    fn add(&mut self, rec: &Record, scheme: Scheme, res: &Resources, ex: &mut Extractor) {
        let doc = Doc::new(&rec.text);
        // Token names from byte spans: tokens lying inside the entity.
        let mut names = Vec::new();
        for &(s, e, ty) in &rec.entities {
            self.entities += 1;
            let inside: Vec<usize> =
                (0..doc.tokens.len()).filter(|&i| doc.tokens[i].start as usize >= s && doc.tokens[i].end as usize <= e).collect();
            let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
                self.misaligned += 1;
                continue;
            };
            if doc.tokens[first].start as usize != s || doc.tokens[last].end as usize != e {
                self.misaligned += 1;
            }
            names.push((first, last, ty));
        }
        // The same windows as the page tags.
        ex.begin(&doc, res);
        for (k, win) in Extractor::windows(&doc) {
            ex.window(&doc, k, win.clone(), res);
            let base = self.features.len() / STRIDE;
            self.features.extend_from_slice(&ex.features);
            let local: Vec<(usize, usize, usize)> = names
                .iter()
                .filter(|&&(f, l, _)| f < win.end && l >= win.start)
                .map(|&(f, l, ty)| (f.max(win.start) - win.start, l.min(win.end - 1) - win.start, ty))
                .collect();
            self.gold.extend(scheme.encode(win.len(), &local));
            self.names.extend(local.iter().map(|&(f, l, ty)| (f + base, l + base, ty)));
            self.sentences.push(Sentence { first: base, len: win.len() });
        }
    }

    fn tokens(&self) -> usize {
        self.gold.len()
    }
}

/// Averaged weights: features, transitions, ends.
type Averaged = (Vec<f32>, Vec<f32>, Vec<f32>);

/// Perceptron weights with the running sums that averaging needs.
struct Weights {
    tags: usize,
    mask: u32,
    w: Vec<f32>,
    /// Sum over updates of (update × time): the average is `w - u / time`.
    u: Vec<f32>,
    trans: Vec<f32>,
    trans_u: Vec<f32>,
    ends: Vec<f32>,
    ends_u: Vec<f32>,
    time: f32,
}

impl Weights {
    fn new(tags: usize, bits: u8) -> Weights {
        let n = (1usize << bits) * tags;
        Weights {
            tags,
            mask: (1u32 << bits) - 1,
            w: vec![0.0; n],
            u: vec![0.0; n],
            trans: vec![0.0; (tags + 1) * tags],
            trans_u: vec![0.0; (tags + 1) * tags],
            ends: vec![0.0; tags],
            ends_u: vec![0.0; tags],
            time: 1.0,
        }
    }

    fn emissions(&self, feats: &[u32], keep: &[bool], hide: &[bool], out: &mut Vec<f32>) {
        let t = self.tags;
        let n = feats.len() / STRIDE;
        out.clear();
        out.resize(n * t, 0.0);
        for i in 0..n {
            let from = if hide[i] { IDENTITY_SLOTS } else { 0 };
            for &f in &feats[i * STRIDE + from..(i + 1) * STRIDE] {
                if f == NONE {
                    break;
                }
                let b = (f & self.mask) as usize;
                if !keep[b] {
                    continue;
                }
                for (s, &w) in out[i * t..(i + 1) * t].iter_mut().zip(&self.w[b * t..(b + 1) * t]) {
                    *s += w;
                }
            }
        }
    }

    fn update_feats(&mut self, feats: &[u32], keep: &[bool], tag: usize, d: f32) {
        for &f in feats {
            if f == NONE {
                break;
            }
            let b = (f & self.mask) as usize;
            if keep[b] {
                self.w[b * self.tags + tag] += d;
                self.u[b * self.tags + tag] += d * self.time;
            }
        }
    }

    fn update_trans(&mut self, prev: usize, next: usize, d: f32) {
        let i = prev * self.tags + next;
        self.trans[i] += d;
        self.trans_u[i] += d * self.time;
    }

    fn update_end(&mut self, tag: usize, d: f32) {
        self.ends[tag] += d;
        self.ends_u[tag] += d * self.time;
    }

    fn averaged(&self) -> Averaged {
        let avg = |w: &[f32], u: &[f32]| w.iter().zip(u).map(|(w, u)| w - u / self.time).collect::<Vec<f32>>();
        (avg(&self.w, &self.u), avg(&self.trans, &self.trans_u), avg(&self.ends, &self.ends_u))
    }
}

/// Exact-match counts of names.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: [usize; 4],
    pred: [usize; 4],
    gold: [usize; 4],
}

impl Counts {
    fn f1(&self, types: &[usize]) -> f64 {
        let sum = |a: &[usize; 4]| types.iter().map(|&t| a[t]).sum::<usize>() as f64;
        let (tp, p, g) = (sum(&self.tp), sum(&self.pred), sum(&self.gold));
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (p + g)
        }
    }

    fn report(&self) -> String {
        let names = ["PER", "ORG", "LOC", "MISC"];
        let mut s = format!("P/O/L F1 {:.4}  all F1 {:.4} |", self.f1(&[0, 1, 2]), self.f1(&[0, 1, 2, 3]));
        for (t, name) in names.iter().enumerate() {
            s += &format!(" {name} {:.4}", self.f1(&[t]));
        }
        s
    }
}

/// Decodes a corpus with the given (float) weights and counts exact matches.
fn evaluate(corpus: &Corpus, scheme: Scheme, w: &[f32], trans: &[f32], ends: &[f32], mask: u32) -> Counts {
    let t = scheme.tag_count();
    let rules = Rules::new(scheme);
    let mut counts = Counts::default();
    let (mut em, mut back, mut score, mut out) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut gold_names = corpus.names.iter().peekable();
    for s in &corpus.sentences {
        let feats = &corpus.features[s.first * STRIDE..(s.first + s.len) * STRIDE];
        em.clear();
        em.resize(s.len * t, 0.0f32);
        for i in 0..s.len {
            for &f in &feats[i * STRIDE..(i + 1) * STRIDE] {
                if f == NONE {
                    break;
                }
                let b = (f & mask) as usize;
                for (e, &x) in em[i * t..(i + 1) * t].iter_mut().zip(&w[b * t..(b + 1) * t]) {
                    *e += x;
                }
            }
        }
        model::viterbi(&rules, s.len, t, &em, trans, ends, &mut back, &mut score, &mut out);
        let mut pred = Vec::new();
        scheme.decode(&out, |a, b, ty| pred.push((a + s.first, b + s.first, ty)));
        let mut gold = Vec::new();
        while let Some(&&g) = gold_names.peek() {
            if g.0 >= s.first + s.len {
                break;
            }
            gold.push(g);
            gold_names.next();
        }
        for p in &pred {
            counts.pred[p.2] += 1;
            if gold.contains(p) {
                counts.tp[p.2] += 1;
            }
        }
        for g in &gold {
            counts.gold[g.2] += 1;
        }
    }
    counts
}

/// A small deterministic random number generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Quantises averaged weights to i8 (transitions to i16) with one scale.
fn quantise(scheme: Scheme, bits: u8, w: &[f32], trans: &[f32], ends: &[f32], prune: i8) -> (Quantised, f32) {
    let max = w.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
    let scale = 127.0 / max;
    let q8 = |x: f32| {
        let q = (x * scale).round().clamp(-127.0, 127.0) as i8;
        if q.unsigned_abs() as i16 <= i16::from(prune) {
            0
        } else {
            q
        }
    };
    let q16 = |x: f32| (x * scale).round().clamp(-32767.0, 32767.0) as i16;
    let q = Quantised {
        scheme,
        bucket_bits: bits,
        weights: w.iter().map(|&x| q8(x)).collect(),
        transitions: trans.iter().map(|&x| q16(x)).collect(),
        ends: ends.iter().map(|&x| q16(x)).collect(),
    };
    (q, scale)
}

/// Trains, reports dev scores per epoch on standard error, and writes the best model.
pub fn run(cfg: &Config) -> Result<(), String> {
    let t0 = Instant::now();
    let scheme = if cfg.bilou { Scheme::Bilou } else { Scheme::Bio };
    let tags = scheme.tag_count();
    let res = Resources::load();
    let mut ex = Extractor::default();
    let mut train = Corpus::new();
    for path in &cfg.train {
        let records = read_records(path)?;
        for (n, rec) in records.iter().enumerate() {
            train.add(rec, scheme, &res, &mut ex);
            if cfg.lower_every > 0 && n % cfg.lower_every == 1 {
                train.add(&Record { text: recase(&rec.text, false), entities: rec.entities.clone() }, scheme, &res, &mut ex);
            }
            if cfg.upper_every > 0 && n % cfg.upper_every == 2 {
                train.add(&Record { text: recase(&rec.text, true), entities: rec.entities.clone() }, scheme, &res, &mut ex);
            }
        }
    }
    let mut dev = Corpus::new();
    for rec in &read_records(&cfg.dev)? {
        dev.add(rec, scheme, &res, &mut ex);
    }
    let mut checks = Vec::new();
    for path in &cfg.check {
        let mut c = Corpus::new();
        for rec in &read_records(path)? {
            c.add(rec, scheme, &res, &mut ex);
        }
        checks.push(c);
    }
    eprintln!(
        "train: {} sentences, {} tokens, {} names ({} misaligned); dev: {} sentences, {} names ({} misaligned); features in {:.1}s",
        train.sentences.len(),
        train.tokens(),
        train.entities,
        train.misaligned,
        dev.sentences.len(),
        dev.entities,
        dev.misaligned,
        t0.elapsed().as_secs_f64()
    );

    // Buckets seen at least `min_count` times.
    let buckets = 1usize << cfg.bucket_bits;
    let mask = (buckets - 1) as u32;
    let mut count = vec![0u32; buckets];
    for &f in &train.features {
        if f != NONE {
            count[(f & mask) as usize] += 1;
        }
    }
    let keep: Vec<bool> = count.iter().map(|&c| c >= cfg.min_count).collect();
    eprintln!("buckets used: {} of {}, kept: {}", count.iter().filter(|&&c| c > 0).count(), buckets, keep.iter().filter(|&&k| k).count());

    let rules = Rules::new(scheme);
    let mut wts = Weights::new(tags, cfg.bucket_bits);
    let mut order: Vec<usize> = (0..train.sentences.len()).collect();
    let mut rng = Rng(cfg.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let (mut em, mut back, mut score, mut pred) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut hide: Vec<bool> = Vec::new();
    let mut best: Option<(f64, usize, Averaged)> = None;
    for epoch in 1..=cfg.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &si in &order {
            let s = &train.sentences[si];
            let feats = &train.features[s.first * STRIDE..(s.first + s.len) * STRIDE];
            let gold = &train.gold[s.first..s.first + s.len];
            hide.clear();
            hide.extend((0..s.len).map(|_| ((rng.next() >> 40) as f32 / (1u64 << 24) as f32) < cfg.dropout));
            wts.emissions(feats, &keep, &hide, &mut em);
            model::viterbi(&rules, s.len, tags, &em, &wts.trans, &wts.ends, &mut back, &mut score, &mut pred);
            if pred != gold {
                errors += 1;
                for i in 0..s.len {
                    let (g, p) = (gold[i] as usize, pred[i] as usize);
                    let from = if hide[i] { IDENTITY_SLOTS } else { 0 };
                    let tf = &feats[i * STRIDE + from..(i + 1) * STRIDE];
                    if g != p {
                        wts.update_feats(tf, &keep, g, 1.0);
                        wts.update_feats(tf, &keep, p, -1.0);
                    }
                    let (gp, pp) = if i == 0 { (tags, tags) } else { (gold[i - 1] as usize, pred[i - 1] as usize) };
                    if (gp, g) != (pp, p) {
                        wts.update_trans(gp, g, 1.0);
                        wts.update_trans(pp, p, -1.0);
                    }
                }
                let (gl, pl) = (gold[s.len - 1] as usize, pred[s.len - 1] as usize);
                if gl != pl {
                    wts.update_end(gl, 1.0);
                    wts.update_end(pl, -1.0);
                }
            }
            wts.time += 1.0;
        }
        let avg = wts.averaged();
        let counts = evaluate(&dev, scheme, &avg.0, &avg.1, &avg.2, mask);
        let f1 = counts.f1(&[0, 1, 2]);
        eprintln!("epoch {epoch}: {errors} sentences wrong; dev {} ({:.0}s)", counts.report(), t0.elapsed().as_secs_f64());
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, epoch, avg));
        }
    }
    let Some((f1, epoch, (w, trans, ends))) = best else { return Err("no epochs".into()) };
    let (q, scale) = quantise(scheme, cfg.bucket_bits, &w, &trans, &ends, cfg.prune);
    let deq = |v: &[i8]| v.iter().map(|&x| f32::from(x) / scale).collect::<Vec<f32>>();
    let deq16 = |v: &[i16]| v.iter().map(|&x| f32::from(x) / scale).collect::<Vec<f32>>();
    let (qw, qt, qe) = (deq(&q.weights), deq16(&q.transitions), deq16(&q.ends));
    let counts = evaluate(&dev, scheme, &qw, &qt, &qe, mask);
    for (path, c) in cfg.check.iter().zip(&checks) {
        eprintln!("check {path}: {}", evaluate(c, scheme, &qw, &qt, &qe, mask).report());
    }
    let bytes = model::encode(&q);
    let rows = q.weights.chunks(tags).filter(|r| r.iter().any(|&x| x != 0)).count();
    let nonzero = q.weights.iter().filter(|&&x| x != 0).count();
    eprintln!(
        "best epoch {epoch} (dev P/O/L F1 {f1:.4}); quantised dev {}; {rows} rows, {nonzero} weights, {} bytes; {:.0}s",
        counts.report(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    if !cfg.out.is_empty() {
        std::fs::write(&cfg.out, &bytes).map_err(|e| format!("{}: {e}", cfg.out))?;
        eprintln!("wrote {}", cfg.out);
    }
    Ok(())
}

/// Seconds of CPU time this process has used (Linux `/proc/self/schedstat`), so that
/// throughput figures do not depend on how busy the machine is; wall time elsewhere.
fn cpu_seconds(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns as f64 / 1e9)
}

/// Measures throughput on the texts of a JSON Lines file: the name tagger alone and the
/// whole pipeline, in characters per second; returns a report line.
pub fn speed(path: &str, rounds: usize) -> Result<String, String> {
    let records = read_records(path)?;
    let chars: usize = records.iter().map(|r| r.text.chars().count()).sum::<usize>() * rounds.max(1);
    let options = crate::Options::default();
    let t = Instant::now();
    let c0 = cpu_seconds(t);
    let _ = super::tagger();
    let tables = cpu_seconds(t) - c0;
    let _ = crate::analyze("Warm up Ankara.", &options);
    let t = Instant::now();
    let c0 = cpu_seconds(t);
    let mut found = 0usize;
    for _ in 0..rounds.max(1) {
        for r in &records {
            let doc = Doc::new(&r.text);
            let mut out = Vec::new();
            super::extract(&doc, &options, &mut out);
            found += out.len();
        }
    }
    let tagger = cpu_seconds(t) - c0;
    let t = Instant::now();
    let c0 = cpu_seconds(t);
    for _ in 0..rounds.max(1) {
        for r in &records {
            found += crate::analyze(&r.text, &options).entities.len();
        }
    }
    let pipeline = cpu_seconds(t) - c0;
    Ok(format!(
        "{chars} chars, CPU time: name tables built in {:.1} ms; tokens + name tagger {:.2} M chars/s, whole pipeline {:.2} M chars/s ({found} entities)",
        tables * 1e3,
        chars as f64 / tagger / 1e6,
        chars as f64 / pipeline / 1e6
    ))
}
