//! `train`: trains the name tagger and writes `data/names/model.bin`.
//!
//! ```text
//! cargo run --release --features train --bin train -- [OPTIONS]
//! ```
//! The defaults are the settings of the shipped model; see `--help` and the README
//! section "How names are found".

use std::process::ExitCode;
use textlens::name_training::{run, speed, Config};

const USAGE: &str = "\
usage: train [OPTIONS]

Trains the name tagger (averaged perceptron, Viterbi) and writes the model.

  --train FILE      JSON Lines training file (repeatable; default
                    ../shared/eval/conll2003-train.jsonl, wnut17-train.jsonl and
                    wikigold.dev.jsonl)
  --dev FILE        file for choosing the epoch and reporting scores (default
                    ../shared/eval/conll2003-testa.jsonl)
  --check FILE      also report scores on FILE (repeatable; never tuned on)
  --epochs N        passes over the training data (default 12)
  --bits N          log2 of the feature buckets (default 16)
  --bilou           BILOU tags (default BIO)
  --min-count N     drop features seen fewer than N times (default 1)
  --lower-every N   also learn every N-th document in lower case (default 10; 0 = off)
  --upper-every N   also learn every N-th document in capitals (default 10; 0 = off)
  --cut-every N     also learn every N-th sentence with a name inside cut to start at
                    that name (default 1; 0 = off)
  --dropout P       hide a token's word features with chance P while training (default 0.2)
  --prune N         drop quantised weights with |w| <= N (default 2)
  --seed N          shuffling seed of the first run (default 1)
  --seeds N         average the weights of N runs with seeds SEED, SEED+1, ... (default 5)
  --out FILE        where to write the model (default: nothing written)
  --speed FILE      measure tagger and pipeline throughput on FILE's texts and exit";

fn parse() -> Result<Option<Config>, String> {
    let mut cfg = Config {
        train: Vec::new(),
        dev: "../shared/eval/conll2003-testa.jsonl".into(),
        check: Vec::new(),
        epochs: 12,
        bucket_bits: 16,
        bilou: false,
        min_count: 1,
        lower_every: 10,
        upper_every: 10,
        cut_every: 1,
        prune: 2,
        dropout: 0.2,
        seed: 1,
        seeds: 5,
        out: String::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|_| format!("not a number: {v}"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--speed" => {
                let file = value()?;
                println!("{}", speed(&file, 5)?);
                std::process::exit(0);
            }
            "--train" => cfg.train.push(value()?),
            "--dev" => cfg.dev = value()?,
            "--check" => cfg.check.push(value()?),
            "--epochs" => cfg.epochs = number(value()?)? as usize,
            "--bits" => cfg.bucket_bits = number(value()?)?.clamp(8, 24) as u8,
            "--bilou" => cfg.bilou = true,
            "--min-count" => cfg.min_count = number(value()?)? as u32,
            "--lower-every" => cfg.lower_every = number(value()?)? as usize,
            "--cut-every" => cfg.cut_every = number(value()?)? as usize,
            "--upper-every" => cfg.upper_every = number(value()?)? as usize,
            "--dropout" => cfg.dropout = value()?.parse::<f32>().map_err(|_| "--dropout needs a number".to_string())?,
            "--prune" => cfg.prune = number(value()?)?.min(126) as i8,
            "--seeds" => cfg.seeds = number(value()?)?.clamp(1, 64) as usize,
            "--seed" => cfg.seed = number(value()?)?,
            "--out" => cfg.out = value()?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if cfg.train.is_empty() {
        cfg.train.push("../shared/eval/conll2003-train.jsonl".into());
        cfg.train.push("../shared/eval/wnut17-train.jsonl".into());
        cfg.train.push("../shared/eval/wikigold.dev.jsonl".into());
    }
    Ok(Some(cfg))
}

fn main() -> ExitCode {
    match parse() {
        Ok(None) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Some(cfg)) => match run(&cfg) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("train: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("train: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
