//! People, organisations, places and other names in whole sentences, through the public
//! `analyze`: one line per case. The rules after the tagger (`src/names/`) each have
//! token-level tests beside them; these check that they work together in real-looking text.
//!
//! A case is `(text, expected)`, where `expected` lists `LABEL span` entities that must be
//! found, and `not LABEL span` ones that must not.

use textlens::{analyze, Label, Options};

const NAME_LABELS: [Label; 4] = [Label::Person, Label::Org, Label::Loc, Label::Misc];

fn cases() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        // Acronyms of a name the text spells out.
        (
            "The Congressional Budget Office estimated the cost at $7 billion. According to the CBO, 750,000 workers were furloughed.",
            &["ORG Congressional Budget Office", "ORG CBO"],
        ),
        // A noun after a one-word name taken for a place.
        ("A federal judge blocked the Trump administration from firing thousands of workers.", &["PERSON Trump", "not LOC Trump"]),
        // Titles of works in quotation marks.
        (
            "Taylor Swift's \"The Life of a Showgirl\" sold 4 million copies, and Paul Thomas Anderson's \"One Battle After Another\" earned $22 million.",
            &["PERSON Taylor Swift", "MISC The Life of a Showgirl", "MISC One Battle After Another", "not MISC The Life"],
        ),
        // A definition, its alternative name and a later mention.
        (
            "30 Seconds to Mars (or Thirty Seconds to Mars) is an American rock band. 30 Seconds to Mars toured Europe in 2006.",
            &["ORG 30 Seconds to Mars", "ORG Thirty Seconds to Mars", "not LOC Mars"],
        ),
        ("Aisby is a village in the English county of Lincolnshire.", &["LOC Aisby", "LOC Lincolnshire"]),
        // A person's name the tagger ends before a head, a head before `of`.
        ("NASA's James Webb Space Telescope found water vapour.", &["MISC James Webb Space Telescope", "not PERSON James Webb"]),
        ("Joe Biden awarded her the Presidential Medal of Freedom.", &["PERSON Joe Biden", "MISC Presidential Medal of Freedom"]),
        // A surname with a particle; a party tag after a name.
        (
            "Syrian leader Ahmed al-Sharaa met Erdoğan. Mr. al-Sharaa later flew to Riyadh.",
            &["PERSON Ahmed al-Sharaa", "PERSON al-Sharaa", "LOC Riyadh"],
        ),
        ("Senate Minority Leader Mitch McConnell, R-Ky., voted for the bill.", &["PERSON Mitch McConnell", "not PERSON R-Ky"]),
        ("“We need a miracle,” said Senate Minority Whip John Thune (R-S.D.).", &["ORG Senate", "PERSON John Thune", "not ORG Senate Minority"]),
        // Cue nouns before a name, and a region after a comma.
        ("Italian tyre and cables giant Pirelli on Friday announced a deal.", &["ORG Pirelli", "MISC Italian"]),
        ("Microsoft, the Redmond, Washington-based company, raised its forecast.", &["ORG Microsoft", "LOC Redmond"]),
        // Surnames that alone name a well-known person.
        ("Trump said on Monday that the deal was a win for Zelenskyy.", &["PERSON Trump", "PERSON Zelenskyy", "not LOC Trump"]),
        ("The visitors walked past Trump Tower.", &["not PERSON Trump"]),
        // A product noun after a name taken for a person.
        ("The European Space Agency plans to launch its Ariel mission in 2029.", &["MISC Ariel", "not PERSON Ariel"]),
        // A name the text writes whole elsewhere, where the tagger found only part of it.
        (
            "FC Goa beat Jamshedpur FC on Monday. “Congratulations to FC Goa; they are a good team,” Cooper said.",
            &["ORG FC Goa", "ORG Jamshedpur FC", "not ORG FC", "PERSON Cooper"],
        ),
        // Numbered models with their edition words and the name before the model line.
        (
            "Apple unveiled the Apple Watch Series 4, and Google the Pixel 6 Pro; the Galaxy S24 Ultra followed.",
            &["MISC Apple Watch Series 4", "MISC Pixel 6 Pro", "MISC Galaxy S24 Ultra", "not ORG Apple Watch Series"],
        ),
        // Products the tagger takes for organisations; platforms that are companies.
        (
            "Kyiv fired ATACMS and HIMARS rockets, Zelenskyy wrote on Telegram.",
            &["MISC ATACMS", "MISC HIMARS", "ORG Telegram", "not ORG ATACMS", "LOC Kyiv"],
        ),
        // An event the list knows that the tagger left out.
        ("He joined the Premier League in 2016.", &["MISC Premier League"]),
        // A country the tagger cut in two.
        ("Most cases were reported in the Democratic Republic of Congo.", &["LOC Democratic Republic of Congo", "not LOC Congo"]),
        // A company word ending a name that starts with a place; a data firm cited as a source.
        (
            "Palo Alto Networks shares jumped 9% after revenue beat the $1.93 billion expected by Refinitiv.",
            &["ORG Palo Alto Networks", "not LOC Palo Alto Networks", "ORG Refinitiv", "not PERSON Refinitiv"],
        ),
    ]
}

#[test]
fn names_in_sentences() {
    let mut failures = Vec::new();
    for (text, expected) in cases() {
        let found: Vec<(Label, String)> =
            analyze(text, &Options::default()).entities.into_iter().filter(|e| NAME_LABELS.contains(&e.label)).map(|e| (e.label, e.text)).collect();
        for want in expected {
            let (negated, want) = match want.strip_prefix("not ") {
                Some(rest) => (true, rest),
                None => (false, *want),
            };
            let (label, span) = want.split_once(' ').expect("LABEL span");
            let label = Label::parse(label).expect("label");
            let present = found.iter().any(|(l, t)| *l == label && t == span);
            if present == negated {
                failures.push(format!("{text}\n  {}expected {label} {span:?}; found {found:?}", if negated { "not " } else { "" }));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
