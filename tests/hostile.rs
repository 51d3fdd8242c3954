//! Hostile input: every text gets a result, never a panic, a hang or an invalid span.

mod common;

use textlens::{analyze, Date, Options};

fn check(name: &str, text: &str) -> textlens::Analysis {
    let options = Options { reference_date: Date::new(2017, 8, 4), ..Options::default() };
    let analysis = analyze(text, &options);
    common::check_invariants(text, &analysis);
    assert_eq!(analysis, analyze(text, &options), "{name}: deterministic");
    analysis
}

/// A fixed pseudo-random byte stream (no clock, no global state).
fn junk(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 56) as u8
        })
        .collect()
}

const NEWS: &str = "Turkey and Russia in December signed a $2.5 billion agreement for Moscow to supply \
Ankara with an S-400 missile system, Pentagon spokesman Johnny Michael said on Friday. \
“We will not go back,” Foreign Minister Ayla Demirci told reporters. Inflation fell to 32.5 percent.\n\n";

#[test]
fn degenerate_texts() {
    let long_word = "a".repeat(1 << 20);
    let long_number = "9".repeat(5000);
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("whitespace", " \t\n\r\u{a0}\u{2028}\u{3000}".repeat(1000)),
        ("1 MB without spaces", long_word),
        ("1 MB of one digit", "7".repeat(1 << 20)),
        ("huge exponent", "It cost 1e999 billion dollars, or $1e999.".into()),
        ("5000-digit number", format!("They paid ${long_number} billion and {long_number} percent.")),
        ("NUL bytes", "Ankara\0paid\0$5\0on\0Friday\0".repeat(100)),
        ("control characters", (0u8..32).map(char::from).collect::<String>().repeat(100)),
        ("only punctuation", ".,;:!?-()[]{}\"'“”‘’«»…—–".repeat(500)),
        ("currency signs alone", "$ € £ ¥ ₹ ₺ ₽ $$ €€ US$ C$".repeat(200)),
        ("numbers with every separator", "1,2.3,4.5 1..2 ,,, 1,,000 1.2.3.4 -1-2-3 1/2/3/4/5 12:34:56:78".repeat(100)),
    ];
    for (name, text) in &cases {
        check(name, text);
    }
}

#[test]
fn repeated_quotes_and_brackets() {
    for unit in ["\"", "“", "”", "‘", "’", "'", "(", ")", "[", "«", "“‘", "\"'\"", "“He said", "” said Aksoy. “"] {
        let text = unit.repeat(50_000);
        check(unit, &text);
    }
    check("nested", &format!("{}Ankara{}", "“‘(".repeat(5000), ")’”".repeat(5000)));
    check("unbalanced quote before a long text", &format!("“{}", NEWS.repeat(200)));
}

#[test]
fn scripts_marks_and_joiners() {
    let cases = [
        ("right-to-left", "قال أردوغان إن تركيا دفعت 2.5 مليار دولار. אנקרה שילמה $5 ב-1 באוגוסט."),
        ("mixed direction", "Erdoğan (أردوغان) met Netanyahu (נתניהו) in Ankara on Aug. 1 and paid €40m."),
        ("bidi controls", "\u{202e}Ankara paid $5\u{202c} \u{2066}Moscow\u{2069} \u{200f}on Friday\u{200e}"),
        ("combining marks", "Zalgo: A\u{300}\u{301}\u{302}\u{303}\u{304}nkara and e\u{301} paid $5\u{20dd}."),
        ("zero-width joiners", "Anka\u{200d}ra paid \u{200d}$5\u{200d} on \u{200c}Friday 👩\u{200d}💻 \u{200d}\u{200d}"),
        ("emoji", "😀 Turkey 🇹🇷 paid 💵 $2.5 billion 🚀 to Russia 🇷🇺 on Friday 🗓️."),
        ("CJK", "東京で2017年8月1日に会議が開かれた。Tokyo hosted talks on Aug. 1 costing ¥500 million."),
        ("lone combining mark", "\u{301}\u{301}\u{301} $5"),
        ("variation selectors", "Ankara\u{fe0f} paid\u{fe0e} $5\u{fe0f}"),
    ];
    for (name, text) in cases {
        check(name, text);
    }
    let marks = format!("e{}", "\u{301}".repeat(100_000));
    check("100k combining marks", &marks);
}

#[test]
fn binary_junk() {
    for seed in 0..20u64 {
        let bytes = junk(20_000, seed);
        let text = String::from_utf8_lossy(&bytes);
        check("junk", &text);
    }
}

#[test]
fn html_source_is_just_text() {
    let html = r#"<script>alert("x")</script><img src=x onerror="alert(1)"> <a href="javascript:alert(2)">Paris</a> </textarea> $5 on Friday"#;
    let analysis = check("html", html);
    for e in &analysis.entities {
        assert_eq!(&html[e.span.bytes.start..e.span.bytes.end], e.text);
    }
}

#[test]
fn ten_megabytes_of_news() {
    let text = NEWS.repeat((10 << 20) / NEWS.len() + 1);
    let analysis = check("10 MB", &text);
    assert!(analysis.truncated_at.is_none());
    assert!(analysis.entities.len() > 10_000, "found {}", analysis.entities.len());
}

/// Text in which every name rule finds something to do: definitions, titles in quotation
/// marks, acronyms, `'s` names, list labels, party tags, lists of places, parentheses,
/// cue nouns before and after names, well-known surnames.
const RULES: &str = "30 Seconds to Mars (or Thirty Seconds to Mars) is an alternative rock band. \
The Congressional Budget Office (CBO) said Moody's and Moody's Investors Service agreed. \
Swift's \"The Life of a Showgirl\" sold. Mitch McConnell, R-Ky., spoke. Trump met a World XI. \
Milepost 1: Summit\nMilepost 2: Harrison\nMilepost 3: Bridgton\n\
It ran to Hilsea and Portsmouth, via Greater Manchester, where the Trump administration's \
James Webb Space Telescope (JWST) team and Mladost (L) met a band called \"Squirrell\". The";

#[test]
fn every_prefix_of_a_text_that_triggers_the_name_rules() {
    // Cut after every character: rules that look ahead must stop at the text's end.
    for (end, _) in RULES.char_indices().skip(1) {
        check("prefix", &RULES[..end]);
    }
    check("whole", RULES);
}
