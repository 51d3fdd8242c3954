//! Score floors for dates and times on the evaluation files in `../shared/eval`, so that a
//! regression fails. Skipped (with a message) when the evaluation folder is absent.

mod common;

use common::{floor, num, score};

/// Spans and values on one file in one test: `score` names its temporary file after the
/// process and the file, so two tests scoring the same file at once would collide.
#[test]
fn recognizers_text_datetime() {
    let Some(s) = score("rt-datetime.dev.jsonl", &["--map", "temporal", "--trim-prepositions"]) else {
        eprintln!("evaluation folder not found; skipped");
        return;
    };
    floor("rt-datetime temporal exact F1", num(&s, &["micro", "exact", "f1"]), 0.88);
    floor("rt-datetime temporal overlap F1", num(&s, &["micro", "overlap", "f1"]), 0.95);
    let Some(s) = score("rt-datetime.dev.jsonl", &["--map", "SET=DATE", "--trim-prepositions"]) else {
        eprintln!("evaluation folder not found; skipped");
        return;
    };
    floor("rt-datetime DATE value accuracy", num(&s, &["per_label", "DATE", "norm", "accuracy"]), 0.85);
    floor("rt-datetime DATE exact F1", num(&s, &["per_label", "DATE", "exact", "f1"]), 0.86);
    floor("rt-datetime TIME exact F1", num(&s, &["per_label", "TIME", "exact", "f1"]), 0.83);
}

#[test]
fn re3d_news_temporal() {
    let Some(s) = score("re3d.dev.jsonl", &["--map", "temporal", "--labels", "TEMPORAL"]) else {
        eprintln!("evaluation folder not found; skipped");
        return;
    };
    floor("re3d TEMPORAL exact F1", num(&s, &["micro", "exact", "f1"]), 0.84);
    floor("re3d TEMPORAL overlap F1", num(&s, &["micro", "overlap", "f1"]), 0.87);
}
