//! `textlens`: the command-line tool on the same core as the page.
//!
//! ```text
//! textlens [OPTIONS] [FILE]      analyse FILE (or standard input), print one JSON object
//! textlens --jsonl [OPTIONS]     read {"id","text","date"?} lines, write {"id","entities"} lines
//! ```
//! Offsets are Unicode code points. Exit status: 0 success, 1 when some JSON Lines records
//! were skipped, 2 for a usage or input error.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;
use textlens::{analyze, Date, LabelSet, OffsetUnit, Options};

const USAGE: &str = "\
usage: textlens [OPTIONS] [FILE]
       textlens --jsonl [OPTIONS] [FILE]

Finds people, organisations, places, dates, times, money, percentages and
quantities in text and prints them as JSON (offsets in Unicode code points).

  FILE               text to analyse; standard input when absent or '-'
  --jsonl            read JSON Lines {\"id\", \"text\", \"date\"?} and write one line
                     {\"id\", \"entities\": [...]} per record
  --date YYYY-MM-DD  reference date for relative dates (default: today, UTC);
                     a record's own \"date\" wins in --jsonl mode
  --day-first        read numeric dates day first (01/08/2017 = 1 August)
  --labels L1,L2     report only these labels (e.g. PERSON,ORG,MONEY)
  --pretty           indent the JSON (not with --jsonl)
  -h, --help         show this help
  -V, --version      show the version

Exit status: 0 success; 1 some --jsonl lines were skipped (each reported on
stderr with its line number); 2 usage or input error.";

struct Args {
    jsonl: bool,
    pretty: bool,
    file: Option<String>,
    options: Options,
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("textlens: {msg}\n(run 'textlens --help' for usage)");
    ExitCode::from(2)
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args { jsonl: false, pretty: false, file: None, options: Options::default() };
    let mut date: Option<Date> = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline.clone().or_else(|| it.next()).ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("textlens {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--jsonl" => args.jsonl = true,
            "--pretty" => args.pretty = true,
            "--day-first" => args.options.day_first = true,
            "--date" => {
                let v = value("a date (YYYY-MM-DD)")?;
                date = Some(Date::parse_iso(&v).ok_or_else(|| format!("invalid --date {v:?}: expected a real date as YYYY-MM-DD"))?);
            }
            "--labels" => {
                let v = value("a list of labels")?;
                args.options.labels = LabelSet::parse_list(&v).map_err(|e| format!("--labels: {e}"))?;
            }
            "-" => args.file = Some(arg),
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}")),
            _ => {
                if args.file.is_some() {
                    return Err(format!("more than one input file given ({arg:?})"));
                }
                args.file = Some(arg);
            }
        }
    }
    args.options.reference_date = Some(date.unwrap_or_else(Date::today_utc));
    Ok(Some(args))
}

fn open_input(file: &Option<String>) -> Result<Box<dyn Read>, String> {
    match file.as_deref() {
        None | Some("-") => Ok(Box::new(io::stdin().lock())),
        Some(path) => {
            let meta = std::fs::metadata(path).map_err(|e| format!("cannot read {path}: {}", io_reason(&e)))?;
            if meta.is_dir() {
                return Err(format!("cannot read {path}: it is a directory"));
            }
            let f = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {}", io_reason(&e)))?;
            Ok(Box::new(f))
        }
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn run_jsonl(input: Box<dyn Read>, options: &Options) -> Result<bool, String> {
    let mut reader = io::BufReader::with_capacity(1 << 16, input);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut line = Vec::new();
    let mut line_no = 0usize;
    let mut skipped = 0usize;
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line).map_err(|e| format!("cannot read input: {e}"))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        match textlens::jsonl::answer(trimmed, options) {
            Ok(json) => {
                // One answer per line as soon as it is ready, so a pipeline can stream.
                if writeln!(out, "{json}").and_then(|()| out.flush()).is_err() {
                    return Ok(skipped == 0); // the reader went away (broken pipe)
                }
            }
            Err(why) => {
                skipped += 1;
                eprintln!("textlens: line {line_no}: skipped: {why}");
            }
        }
    }
    let _ = out.flush();
    if skipped > 0 {
        eprintln!("textlens: {skipped} of {line_no} lines skipped");
    }
    Ok(skipped == 0)
}

fn run_text(mut input: Box<dyn Read>, args: &Args) -> Result<(), String> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| format!("cannot read input: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("input is not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to())
    })?;
    let analysis = analyze(&text, &args.options);
    if let Some(at) = analysis.truncated_at {
        eprintln!("textlens: input longer than {} bytes; analysed the first {at} bytes", textlens::MAX_INPUT_BYTES);
    }
    let view = analysis.view(OffsetUnit::Chars);
    let json = if args.pretty { serde_json::to_string_pretty(&view) } else { serde_json::to_string(&view) };
    let json = json.map_err(|e| format!("cannot write JSON: {e}"))?;
    let mut out = io::stdout().lock();
    let _ = writeln!(out, "{json}");
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(msg) => return usage_error(&msg),
    };
    let input = match open_input(&args.file) {
        Ok(input) => input,
        Err(msg) => {
            eprintln!("textlens: {msg}");
            return ExitCode::from(2);
        }
    };
    let result = if args.jsonl {
        run_jsonl(input, &args.options).map(|all_ok| if all_ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
    } else {
        run_text(input, &args).map(|()| ExitCode::SUCCESS)
    };
    result.unwrap_or_else(|msg| {
        eprintln!("textlens: {msg}");
        ExitCode::from(2)
    })
}
