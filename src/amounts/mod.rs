//! Money, percentages and quantities.

use crate::analysis::{Amount, Value};
use crate::label::Label;
use crate::numbers::parse_number;
use crate::options::Options;
use crate::resolve::Candidate;
use crate::tokens::Doc;

fn symbol_currency(s: &str) -> Option<&'static str> {
    match s {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        _ => None,
    }
}

/// Proposes MONEY and PERCENT spans.
pub(crate) fn extract(doc: &Doc, _options: &Options, out: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    for i in 0..n {
        if let Some(currency) = symbol_currency(doc.str(i)) {
            if let Some(m) = parse_number(doc, i + 1).filter(|m| !m.words) {
                let amount = Amount { amount: Some(m.value), currency: Some(currency.into()), ..Amount::default() };
                out.push(Candidate::new(doc.tokens[i].start as usize, doc.tokens[m.end - 1].end as usize, Label::Money).with_value(Value::Money(amount)));
            }
        }
        if let Some(m) = parse_number(doc, i) {
            if m.end < n && matches!(doc.str(m.end), "%" | "percent") {
                let amount = Amount { amount: Some(m.value), unit: Some("percent".into()), ..Amount::default() };
                out.push(Candidate::new(doc.tokens[i].start as usize, doc.tokens[m.end].end as usize, Label::Percent).with_value(Value::Measure(amount)));
            }
        }
    }
}
