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
fn the_rest_of_the_text_says_who_is_a_person() {
    // One line per case: text, a name that must be found as a person. The later
    // mention with a title or honorific tells that the full name is a person's, and the
    // full name tells that the lone surname is.
    let cases: &[(&str, &str)] = &[
        ("Zoltan Kovacs said the vote was fair. On Monday, Mr. Kovacs repeated the claim.", "Zoltan Kovacs"),
        ("Gintaras Vaitkus denied the report. Asked again, Mr. Vaitkus said nothing.", "Gintaras Vaitkus"),
        ("Tariq Ould Brahim called the decision unfair. Later Dr. Brahim said he would appeal.", "Tariq Ould Brahim"),
        ("Ferhat Yıldırım spoke first. Yıldırım then left the room.", "Yıldırım"),
        ("Hami Tekin said the plan was ready. Later, Ms. Tekin confirmed it.", "Hami Tekin"),
    ];
    let mut failed = Vec::new();
    for &(text, name) in cases {
        let got = names(text);
        if !got.iter().any(|(t, l)| t == name && *l == Person) {
            failed.push(format!("{text:?}: want {name} PERSON, got {got:?}"));
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

#[test]
fn word_blocks_tag_like_all_features_together() {
    // The page sums each word's own features once per text; training sees every
    // token's features in one list. Both must give the same tags.
    let t = tagger();
    let Some(model) = &t.model else { panic!("no model") };
    let texts = [
        "Hami Aksoy said Ankara was ready. Later, Mr. Aksoy told reporters in Ankara that Ankara would wait.",
        "TURKEY AGREES TO BUY RUSSIAN MISSILES\nAnkara, Aug. 1 -- Turkey said on Tuesday it would buy S-400 missiles.",
        "i flew from london to ankara with recep erdogan last week and london was cold",
    ];
    for text in texts {
        let doc = Doc::new(text);
        let mut ex = Extractor::full();
        ex.begin(&doc, &t.resources);
        let (mut work, mut blocks_work) = (Work::default(), Work::default());
        blocks_work.begin_text();
        let (mut all, mut by_block) = (Vec::new(), Vec::new());
        for (k, range) in Extractor::windows(&doc) {
            ex.window(&doc, k, range, &t.resources);
            model.tag(&ex.features, &mut work, &mut all);
            model.tag_blocks(&ex.word_features, &ex.blocks, &ex.context, &mut blocks_work, &mut by_block);
            assert_eq!(all, by_block, "{text}");
        }
    }
}

#[test]
fn organisation_names_go_on_through_small_words() {
    // `of`, `for`, `on` and `and` inside an organisation's name, where the tagger alone stops.
    let whole: &[(&str, &str)] = &[
        ("A fellow at the Council on Foreign Relations disagreed.", "Council on Foreign Relations"),
        ("The Centers for Disease Control and Prevention issued new guidance.", "Centers for Disease Control and Prevention"),
        ("Officials from the Organisation for Economic Co-operation and Development met.", "Organisation for Economic Co-operation and Development"),
        ("A spokesman for the Royal Society for the Protection of Birds welcomed it.", "Royal Society for the Protection of Birds"),
        ("Critics, including the Law Society of Kenya, went to court.", "Law Society of Kenya"),
    ];
    for (text, name) in whole {
        assert!(names(text).contains(&(name.to_string(), Org)), "{text:?}: {:?}", names(text));
    }
    // A place or a person after the small word is a name of its own.
    let apart: &[(&str, &str, &str)] = &[
        ("Shares of Kia Motor Corp of South Korea rose.", "Kia Motor Corp", "South Korea"),
        ("She studied at the University of Michigan and Ohio State University.", "University of Michigan", "Ohio State University"),
    ];
    for (text, first, second) in apart {
        let found: Vec<String> = names(text).into_iter().map(|(t, _)| t).collect();
        assert!(found.contains(&first.to_string()) && found.contains(&second.to_string()), "{text:?}: {found:?}");
    }
    // Two institutions joined by `and` are two names; one name's `and` stays.
    let found: Vec<String> = names("Researchers at the University of Oxford and Imperial College London found it.").into_iter().map(|(t, _)| t).collect();
    assert!(found.contains(&"University of Oxford".to_string()) && found.contains(&"Imperial College London".to_string()), "{found:?}");
    let found = names("The Department of Health and Human Services issued guidance.");
    assert!(found.contains(&("Department of Health and Human Services".to_string(), Org)), "{found:?}");
    // `The` opening a sentence is left out unless a list has it.
    let found = names("The Pentagon declined to comment. The Guardian reported it.");
    assert!(found.contains(&("Pentagon".to_string(), Org)) && found.contains(&("The Guardian".to_string(), Org)), "{found:?}");
    // `on` before a day is not part of the name.
    let found = names("The Security Council on Monday adopted the resolution.");
    assert!(found.contains(&("Security Council".to_string(), Org)), "{found:?}");
}

#[test]
fn events_take_their_leading_and_following_words() {
    for (text, name) in [
        ("Hurricane Milton made landfall near Siesta Key, Florida.", "Hurricane Milton"),
        ("The damage left by Typhoon Haiyan was immense.", "Typhoon Haiyan"),
        ("Tropical Storm Nadine weakened over the Atlantic.", "Tropical Storm Nadine"),
        ("He served in Operation Desert Storm in 1991.", "Operation Desert Storm"),
    ] {
        assert!(names(text).contains(&(name.to_string(), Misc)), "{text:?}: {:?}", names(text));
    }
}

#[test]
fn market_indices_keep_their_numbers() {
    let text = "The S&P 500 closed down 0.8%, while Japan's Nikkei 225 rose and the FTSE 100 was flat.";
    for name in ["S&P 500", "Nikkei 225", "FTSE 100"] {
        assert!(names(text).contains(&(name.to_string(), Misc)), "{name}: {:?}", names(text));
    }
}
