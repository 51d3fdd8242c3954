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
    let tmp = std::env::temp_dir().join(format!("textlens-pred-{}-{}.jsonl", std::process::id(), file));
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
