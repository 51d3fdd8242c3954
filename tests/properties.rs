//! Property tests: for any text, `analyze` answers without panicking, every span is
//! valid in bytes, code points and UTF-16, spans are ordered and properly nested, and the
//! output is the same on a second run.

mod common;

use proptest::prelude::*;
use textlens::{analyze, Date, Options};

/// Pieces of news-like text and of hostile text, so random strings hit the extractors.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just("Turkey".to_string()),
        Just("Hami Aksoy".to_string()),
        Just("Erdoğan's".to_string()),
        Just("$2.5 billion".to_string()),
        Just("€40m".to_string()),
        Just("between $3 and $4 billion".to_string()),
        Just("on Aug. 1".to_string()),
        Just("last Friday".to_string()),
        Just("3 p.m.".to_string()),
        Just("5 percent".to_string()),
        Just("U.S.".to_string()),
        Just("said".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("e\u{301}\u{308}".to_string()),
        Just("👨\u{200d}👩\u{200d}👧".to_string()),
        Just("🇹🇷".to_string()),
        Just("مرحبا".to_string()),
        Just("\u{202e}abc\u{202c}".to_string()),
        Just("\0".to_string()),
        Just("1,200.50".to_string()),
        Just("2017-08-01".to_string()),
        "[0-9]{1,12}",
        "[A-Z][a-z]{1,8}",
        "[ \n\t.,;:!?()\"'$€£%-]{1,4}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn any_text_gives_valid_deterministic_output(t in text(), day_first in any::<bool>()) {
        let options = Options { reference_date: Date::new(2017, 8, 4), day_first, ..Options::default() };
        let first = analyze(&t, &options);
        common::check_invariants(&t, &first);
        prop_assert_eq!(&first, &analyze(&t, &options));
    }

    #[test]
    fn arbitrary_unicode_never_panics(t in any::<String>()) {
        let analysis = analyze(&t, &Options::default());
        common::check_invariants(&t, &analysis);
    }

    #[test]
    fn jsonl_answers_or_explains_any_line(line in any::<Vec<u8>>()) {
        // Either an answer that is one JSON line, or a one-line reason.
        match textlens::jsonl::answer(&line, &Options::default()) {
            Ok(json) => prop_assert!(!json.contains('\n') && serde_json::from_str::<serde_json::Value>(&json).is_ok()),
            Err(why) => prop_assert!(!why.is_empty() && !why.contains('\n')),
        }
    }
}
