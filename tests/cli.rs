//! The command-line tool: input and output contracts, and errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn textlens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn textlens");
    // The tool may exit (e.g. on a bad option) before reading its input: a broken pipe
    // here is expected, not a failure.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn text_mode_prints_entities_with_code_point_offsets() {
    let text = "😀 Erdoğan paid $2.5 billion to Ankara.";
    let out = textlens(&["--date", "2017-08-01"], text.as_bytes());
    assert!(out.status.success());
    let v = json(&out);
    let chars: Vec<char> = text.chars().collect();
    let ents = v["entities"].as_array().unwrap();
    assert!(!ents.is_empty());
    for e in ents {
        let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..t].iter().collect::<String>(), e["text"].as_str().unwrap());
    }
    let money = ents.iter().find(|e| e["label"] == "MONEY").unwrap();
    assert_eq!(money["value"]["amount"], serde_json::json!(2500000000u64));
    assert_eq!(money["value"]["currency"], "USD");
}

#[test]
fn jsonl_answers_every_good_line_and_reports_bad_ones() {
    let input = b"{\"id\": \"a\", \"text\": \"They paid $5.\"}\nnot json\n\n{\"id\": 7, \"text\": \"\xc3\xa9 $3\", \"date\": \"2016-11-07\"}\n{\"text\": \"no id\"}\n{\"id\": \"b\", \"text\": \"x\", \"date\": \"yesterday\"}\n{\"id\": \"c\", \"text\": \"\\ud83d\\ude00 $4\"}\n";
    let out = textlens(&["--jsonl"], input);
    assert_eq!(out.status.code(), Some(1), "some lines skipped → exit 1");
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["entities"][0]["start"], 2);
    assert_eq!(lines[2]["entities"][0]["start"], 2, "emoji is one code point");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 2:"), "{err}");
    assert!(err.contains("line 5:") && err.contains("id"), "{err}");
    assert!(err.contains("line 6:") && err.contains("date"), "{err}");
}

#[test]
fn errors_are_one_clear_line_with_exit_2() {
    let cases: &[(&[&str], &[u8], &str)] = &[
        (&["/no/such/file"], b"", "no such file"),
        (&["/"], b"", "directory"),
        (&[], b"caf\xe9 \xff", "not valid UTF-8"),
        (&["--date", "2017-02-30"], b"x", "invalid --date"),
        (&["--date"], b"x", "--date needs"),
        (&["--frobnicate"], b"x", "unknown option"),
        (&["--labels", "PERSON,NOPE"], b"x", "NOPE"),
        (&["a", "b"], b"", "more than one input file"),
    ];
    for (args, stdin, want) in cases {
        let out = textlens(args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn labels_filter_and_help() {
    let out = textlens(&["--labels", "MONEY"], b"Turkey paid $5 to Russia.");
    let v = json(&out);
    assert!(v["entities"].as_array().unwrap().iter().all(|e| e["label"] == "MONEY"));
    let help = textlens(&["--help"], b"");
    assert!(help.status.success() && String::from_utf8(help.stdout).unwrap().contains("--jsonl"));
}

#[test]
fn jsonl_streams_one_answer_per_line_before_the_input_ends() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_textlens"))
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut answers = BufReader::new(child.stdout.take().unwrap());
    for i in 0..5 {
        writeln!(stdin, "{{\"id\": {i}, \"text\": \"Ankara paid ${i}.\"}}").unwrap();
        stdin.flush().unwrap();
        // The answer arrives while the input is still open.
        let mut line = String::new();
        answers.read_line(&mut line).unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], i);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[cfg(target_os = "linux")]
#[test]
fn jsonl_memory_is_bounded_by_the_longest_line_not_the_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textlens"))
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // 64 MB of malformed 1 MB lines: each must be read, reported and dropped.
    let line = format!("{}\n", "x".repeat(1 << 20));
    for _ in 0..64 {
        stdin.write_all(line.as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    let peak_kb: u64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap();
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(1));
    assert!(peak_kb < 48 * 1024, "peak RSS {peak_kb} kB for 64 MB of input");
}
