//! Dates, times, durations and sets.

use crate::analysis::{Temporal, Value};
use crate::label::Label;
use crate::options::Options;
use crate::resolve::Candidate;
use crate::tokens::{Doc, Kind};

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// Proposes DATE spans for month names (with day and year) and years.
pub(crate) fn extract(doc: &Doc, options: &Options, out: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    for i in 0..n {
        let w = doc.str(i);
        if let Some(m) = MONTHS.iter().position(|&name| name == w) {
            if m == 4 {
                continue; // `May` is too often the verb for this first version
            }
            let mut end = i;
            let mut day = None;
            if i + 1 < n && doc.tokens[i + 1].kind == Kind::Number {
                if let Ok(d) = doc.str(i + 1).parse::<u8>() {
                    if (1..=31).contains(&d) {
                        day = Some(d);
                        end = i + 1;
                    }
                }
            }
            let year = options.reference_date.map(|d| d.year());
            let timex = match (year, day) {
                (Some(y), Some(d)) => format!("{y:04}-{:02}-{d:02}", m + 1),
                (None, Some(d)) => format!("XXXX-{:02}-{d:02}", m + 1),
                (Some(y), None) => format!("{y:04}-{:02}", m + 1),
                (None, None) => format!("XXXX-{:02}", m + 1),
            };
            out.push(Candidate::new(doc.tokens[i].start as usize, doc.tokens[end].end as usize, Label::Date)
                .with_value(Value::Temporal(Temporal { timex, start: None, end: None })));
        }
    }
}
