//! Shared helpers for integration tests: run the `textlens` CLI on an evaluation file
//! from `../shared/eval` and score it with that folder's `score.py`.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The evaluation folder: `$TEXTLENS_EVAL_DIR`, else `../shared/eval` beside the clone.
pub fn eval_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("TEXTLENS_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"));
    dir.join("score.py").is_file().then_some(dir)
}

/// Runs the CLI in `--jsonl` mode on `input` (extra CLI `args` allowed) and returns
/// its standard output.
pub fn run_cli_jsonl(input: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_textlens"))
        .arg("--jsonl")
        .args(args)
        .arg(input)
        .stderr(Stdio::inherit())
        .output()
        .expect("run textlens");
    assert!(out.status.success(), "textlens --jsonl failed on {}", input.display());
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Scores the CLI's predictions on `file` (a name in the eval folder) with `score.py`
/// and the given scorer arguments; returns the scorer's JSON. `None` when the eval
/// folder is absent (the product builds without it; CI has it).
pub fn score(file: &str, scorer_args: &[&str]) -> Option<serde_json::Value> {
    let dir = eval_dir()?;
    let gold = dir.join(file);
    let pred = run_cli_jsonl(&gold, &["--date", "2017-01-01"]);
    // Unique per call: tests in one binary run in parallel and may score the same file.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = std::env::temp_dir().join(format!("textlens-pred-{}-{n}-{file}", std::process::id()));
    std::fs::write(&tmp, pred).expect("write predictions");
    let out = Command::new("python3")
        .arg(dir.join("score.py"))
        .arg(&gold)
        .arg(&tmp)
        .arg("--json")
        .args(scorer_args)
        .output()
        .expect("run score.py");
    let _ = std::fs::remove_file(&tmp);
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    Some(serde_json::from_slice(&out.stdout).expect("score.py JSON"))
}

/// `score["micro"]["exact"]["f1"]`-style lookup by a path of keys.
pub fn num(v: &serde_json::Value, path: &[&str]) -> f64 {
    path.iter().fold(v, |v, k| &v[*k]).as_f64().unwrap_or(0.0)
}

/// Prints and checks a floor: fails when `got < floor`.
pub fn floor(what: &str, got: f64, floor: f64) {
    eprintln!("{what}: {got:.4} (floor {floor:.2})");
    assert!(got >= floor, "{what} fell to {got:.4}, below the floor {floor:.2}");
}

/// Checks every structural promise of an [`textlens::Analysis`] for `text`: spans on
/// char boundaries, `text` fields equal to the slices in bytes, code points and UTF-16,
/// text order, no overlap except proper nesting inside QUOTE/SOURCE, valid groups.
pub fn check_invariants(text: &str, analysis: &textlens::Analysis) {
    let analysed = &text[..analysis.truncated_at.unwrap_or(text.len())];
    let utf16: Vec<u16> = analysed.encode_utf16().collect();
    let chars: Vec<char> = analysed.chars().collect();
    // UTF-16 index → code point index, for every char start (one pass).
    let mut char_of_utf16 = vec![usize::MAX; utf16.len() + 1];
    let mut u = 0;
    for (i, c) in chars.iter().enumerate() {
        char_of_utf16[u] = i;
        u += c.len_utf16();
    }
    char_of_utf16[u] = chars.len();
    // Spot-check the library's own converter on a few positions (it is linear per call).
    for &e in analysis.entities.iter().take(3).collect::<Vec<_>>().iter() {
        assert_eq!(textlens::utf16_to_chars(analysed, e.span.utf16.start), e.span.chars.start, "utf16_to_chars");
    }
    for e in &analysis.entities {
        let b = e.span.bytes;
        assert!(b.start < b.end && b.end <= analysed.len(), "byte span {b:?} of {e:?}");
        assert!(analysed.is_char_boundary(b.start) && analysed.is_char_boundary(b.end), "char boundary {e:?}");
        assert_eq!(&analysed[b.start..b.end], e.text, "bytes slice");
        let c = e.span.chars;
        assert_eq!(chars[c.start..c.end].iter().collect::<String>(), e.text, "code point slice");
        let u = e.span.utf16;
        assert_eq!(String::from_utf16(&utf16[u.start..u.end]).unwrap(), e.text, "UTF-16 slice");
        assert_eq!(char_of_utf16[u.start], c.start, "UTF-16 → code point");
        if let Some(textlens::Value::Attribution(a)) = &e.value {
            if let Some(s) = a.speaker_span {
                assert!(s.bytes.start < s.bytes.end && s.bytes.end <= analysed.len());
                assert_eq!(chars[s.chars.start..s.chars.end].iter().collect::<String>(), &analysed[s.bytes.start..s.bytes.end]);
            }
        }
    }
    for w in analysis.entities.windows(2) {
        assert!(w[0].span.bytes.start <= w[1].span.bytes.start, "sorted: {:?} then {:?}", w[0], w[1]);
    }
    // Plain entities never overlap; containers nest (contain or are disjoint).
    let plain: Vec<_> = analysis.entities.iter().filter(|e| !e.label.is_container()).collect();
    for w in plain.windows(2) {
        assert!(w[0].span.bytes.end <= w[1].span.bytes.start, "overlap: {:?} and {:?}", w[0].text, w[1].text);
    }
    // One sweep in text order (linear: texts can hold 100,000s of containers): the open
    // containers form a stack, and every entity must end inside the innermost one; a
    // container must not start inside the last plain entity unless it contains it.
    let mut open: Vec<&textlens::Entity> = Vec::new();
    let mut last_plain: Option<&textlens::Entity> = None;
    for e in &analysis.entities {
        let b = e.span.bytes;
        while open.last().is_some_and(|c| c.span.bytes.end <= b.start) {
            open.pop();
        }
        if let Some(c) = open.last() {
            assert!(c.span.bytes.contains(b), "{:?} {:?} crosses {:?} {:?}", e.label, e.text, c.label, c.text);
        }
        if e.label.is_container() {
            if let Some(p) = last_plain {
                let pb = p.span.bytes;
                let inside = pb.start <= b.start && b.start < pb.end;
                assert!(!inside || b.contains(pb), "{:?} {:?} crosses {:?} {:?}", p.label, p.text, e.label, e.text);
            }
            open.push(e);
        } else {
            last_plain = Some(e);
        }
    }
    let mut listed: Vec<Option<usize>> = vec![None; analysis.entities.len()];
    for (g, group) in analysis.groups.iter().enumerate() {
        assert!(!group.mentions.is_empty(), "empty group {g}");
        for &m in &group.mentions {
            assert_eq!(analysis.entities[m].group, Some(g), "mention {m} of group {g}");
            listed[m] = Some(g);
        }
    }
    for (i, e) in analysis.entities.iter().enumerate() {
        if let Some(g) = e.group {
            assert_eq!(listed[i], Some(g), "entity {i} not listed in group {g}");
        }
    }
}
