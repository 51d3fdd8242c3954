//! Table tests of the whole name extractor with the embedded model, on sentences written
//! for these tests.

use super::*;
use crate::label::Label;
use crate::tokens::Doc;

/// Names found in `text` as `(text, label)`.
fn names(text: &str) -> Vec<(String, Label)> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    extract(&doc, &Options::default(), &mut out);
    out.iter().map(|c| (text[c.start..c.end].to_string(), c.label)).collect()
}

use Label::{Loc, Misc, Org, Person};

#[test]
fn the_embedded_model_loads() {
    assert!(model_loaded(), "data/names/model.bin does not match the features; retrain");
}

#[test]
fn names_that_must_be_found() {
    // One line per case: text, a name that must be found with its label.
    let cases: &[(&str, &str, Label)] = &[
        ("Turkish presidential spokesman Hami Aksoy told reporters on Tuesday that talks would go on.", "Hami Aksoy", Person),
        ("Recep Erdoğan flew to Brussels for the summit.", "Recep Erdoğan", Person),
        ("The minister, Fikri Işık, rejected the offer on Monday.", "Fikri Işık", Person),
        ("Officials said Erdoğan's plan had been approved by parliament.", "Erdoğan", Person),
        ("The talks with Eurosam, a Franco-Italian consortium, began last year.", "Eurosam", Org),
        ("The talks with Eurosam, a Franco-Italian consortium, began last year.", "Franco-Italian", Misc),
        ("A statement from the Pentagon said the jets would not be delivered.", "Pentagon", Org),
        ("The Turkish Foreign Ministry summoned the envoy on Friday.", "Turkish Foreign Ministry", Org),
        ("Ankara has warned that it will retaliate against any sanctions.", "Ankara", Loc),
        ("The delegation travelled from Frankfurt am Main to Vienna by train.", "Frankfurt am Main", Loc),
        ("Their coach, Paul O'Neill, praised the young players.", "Paul O'Neill", Person),
        ("The deal for the S-400 missile system angered Washington.", "S-400", Misc),
        ("The deal for the S-400 missile system angered Washington.", "Washington", Loc),
        ("Germany deployed Patriot batteries near the border.", "Patriot", Misc),
        ("The Kremlin said the sale was a matter for Moscow and Ankara alone.", "Moscow", Loc),
        ("Relations between Russia and the West have cooled sharply.", "West", Loc),
        ("Relations between Russia and the West have cooled sharply.", "Russia", Loc),
        ("Jean-Claude Mbeki spoke for the opposition.", "Jean-Claude Mbeki", Person),
        ("TURKEY AGREES TO BUY RUSSIAN MISSILES", "TURKEY", Loc),
        ("TURKEY AGREES TO BUY RUSSIAN MISSILES", "RUSSIAN", Misc),
        ("President Vladimir Putin met Chancellor Angela Merkel in Berlin.", "Vladimir Putin", Person),
        ("President Vladimir Putin met Chancellor Angela Merkel in Berlin.", "Angela Merkel", Person),
        ("Shares of Acme Holdings Inc. rose after the report.", "Acme Holdings Inc.", Org),
        ("The Kremlin rejected the claims on Thursday.", "Kremlin", Loc),
        ("Washington has threatened sanctions over the purchase.", "Washington", Loc),
        ("Defense Minister Nurettin Canikli said the deal was final.", "Nurettin Canikli", Person),
        ("Capt. Mehmet Yılmaz led the patrol.", "Mehmet Yılmaz", Person),
        ("Anne-Marie Duval, a lawyer in Lyon, filed the complaint.", "Anne-Marie Duval", Person),
        ("Anne-Marie Duval, a lawyer in Lyon, filed the complaint.", "Lyon", Loc),
        ("The European Union and NATO issued a joint statement.", "European Union", Org),
        ("The European Union and NATO issued a joint statement.", "NATO", Org),
        ("Brent crude rose after OPEC met in Vienna.", "OPEC", Org),
        ("Ms. O'Neill thanked the voters of Ohio.", "O'Neill", Person),
    ];
    let mut failed = Vec::new();
    for &(text, name, label) in cases {
        let got = names(text);
        if !got.iter().any(|(t, l)| t == name && *l == label) {
            failed.push(format!("{text:?}: want {name} {label}, got {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{} failures:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn words_that_must_not_be_names() {
    // One line per case: text, a word that must not be inside any name.
    let cases: &[(&str, &str)] = &[
        ("Generally speaking, the markets were calm.", "Generally"),
        ("Spokesman Hami Aksoy said the talks went well.", "Spokesman"),
        ("President Recep Erdoğan spoke on Tuesday.", "President"),
        ("The meeting is planned for March or April.", "March"),
        ("They met on Monday and again on Friday.", "Monday"),
        ("However, nobody expected the vote to pass.", "However"),
        ("Officials said Erdoğan's plan had been approved.", "'s"),
        ("We will know more in May, the minister said.", "May"),
        ("Defense Minister Nurettin Canikli said the deal was final.", "Minister"),
        ("Capt. Mehmet Yılmaz led the patrol.", "Capt."),
        ("Meanwhile, prices kept rising across the region.", "Meanwhile"),
        ("The weather was cold and the roads were icy.", "The"),
        ("Last Friday the talks collapsed.", "Friday"),
    ];
    let mut failed = Vec::new();
    for &(text, word) in cases {
        let got = names(text);
        if got.iter().any(|(t, _)| t.split(' ').any(|w| w == word) || t.contains(word) && word.starts_with('\'')) {
            failed.push(format!("{text:?}: {word} inside {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{} failures:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn lower_case_text_still_has_names() {
    let got = names("i flew from london to ankara with recep erdogan last week");
    assert!(got.iter().any(|(t, l)| t == "london" && *l == Loc), "{got:?}");
    assert!(got.iter().any(|(t, l)| t == "ankara" && *l == Loc), "{got:?}");
}

#[test]
fn any_input_gives_a_result() {
    for text in ["", " ", "\u{0}", "'s", "-- -- --", "A", "É", "😀 Ankara 😀", "x\ny\n\nz"] {
        let _ = names(text);
    }
    let long = "Hami Aksoy met Ankara officials. ".repeat(2000);
    assert!(names(&long).len() >= 2000);
    // No sentence breaks at all: tagged in bounded windows.
    let run_on = "the Ankara talks and ".repeat(20_000);
    assert!(names(&run_on).len() >= 10_000);
}

#[test]
fn names_never_start_or_end_with_punctuation() {
    for text in ["“The vote was rigged,” Kovacs told Reuters.", "«Nous sommes prêts,» Macron said.", "(Ankara) — Reuters"] {
        let analysis = crate::analyze(text, &crate::Options::default());
        for e in analysis.entities.iter().filter(|e| !e.label.is_container()) {
            let first = e.text.chars().next().unwrap();
            let last = e.text.chars().next_back().unwrap();
            assert!(first.is_alphanumeric() && last.is_alphanumeric() || last == '.', "{text}: {:?}", e.text);
        }
    }
}
