//! Native side of `bash scripts/bench.sh`: times `textlens::analyze` on a corpus file.
//!
//! `cargo run --release --example bench_native -- CORPUS.txt [ARTICLE_BYTES] [ROUNDS]`
//! prints one JSON object: time to first result, throughput, per-article latency
//! percentiles, and how the cost grows with input size.

use std::time::Instant;
use textlens::{analyze, Date, Options};

fn articles(corpus: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < corpus.len() {
        let mut end = (start + size).min(corpus.len());
        while !corpus.is_char_boundary(end) {
            end += 1;
        }
        // Cut at a line break after the target size, else at the end.
        end = corpus[end..].find('\n').map_or(corpus.len(), |nl| end + nl + 1);
        out.push(&corpus[start..end]);
        start = end;
    }
    out
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: bench_native CORPUS.txt [ARTICLE_BYTES] [ROUNDS]");
    let size: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3000);
    let rounds: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let corpus = std::fs::read_to_string(&path).expect("read corpus");
    let options = Options { reference_date: Date::new(2017, 1, 1), ..Options::default() };
    let list = articles(&corpus, size);

    // First result: includes the one-time parsing of embedded tables and the model.
    let t0 = Instant::now();
    let first = analyze(list[0], &options);
    let first_ms = t0.elapsed().as_secs_f64() * 1e3;

    let mut latencies = Vec::new();
    let mut total_secs = 0.0;
    let mut entities = 0usize;
    for _ in 0..rounds {
        for a in &list {
            let t = Instant::now();
            let result = analyze(a, &options);
            let dt = t.elapsed().as_secs_f64();
            entities += result.entities.len();
            total_secs += dt;
            latencies.push(dt * 1e3);
        }
    }
    latencies.sort_by(|a, b| a.total_cmp(b));
    let chars: usize = list.iter().map(|a| a.chars().count()).sum::<usize>() * rounds;

    // Growth with input size: the same corpus repeated to 3 KB, 300 KB, 3 MB, 30 MB.
    let mut scaling = Vec::new();
    for target in [3_000usize, 300_000, 3_000_000, 30_000_000] {
        let mut text = String::with_capacity(target + corpus.len());
        while text.len() < target {
            text.push_str(&corpus);
            text.push('\n');
        }
        let mut cut = target;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        let reps = (3_000_000 / target).clamp(1, 200);
        let t = Instant::now();
        for _ in 0..reps {
            std::hint::black_box(analyze(&text, &options));
        }
        let ms = t.elapsed().as_secs_f64() * 1e3 / reps as f64;
        scaling.push(format!(
            "{{\"bytes\":{target},\"ms\":{ms:.3},\"mb_per_s\":{:.2}}}",
            target as f64 / 1e6 / (ms / 1e3)
        ));
    }

    println!(
        "{{\"engine\":\"textlens-native\",\"articles\":{},\"rounds\":{rounds},\"chars\":{chars},\"entities\":{entities},\
\"first_result_ms\":{first_ms:.3},\"first_entities\":{},\"chars_per_s\":{:.0},\"median_ms\":{:.4},\"p95_ms\":{:.4},\"scaling\":[{}]}}",
        list.len(),
        first.entities.len(),
        chars as f64 / total_secs,
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.95),
        scaling.join(",")
    );
}
