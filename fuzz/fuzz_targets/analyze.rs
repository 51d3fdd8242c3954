//! Fuzzes `analyze` on arbitrary bytes (read as UTF-8, invalid sequences replaced) and
//! checks the span invariants that the page and the CLI rely on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textlens::{analyze, Date, Options};

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = data.split_first().unwrap_or((&0, data));
    let text = String::from_utf8_lossy(rest);
    let options = Options {
        reference_date: if flags & 1 == 1 { Date::new(2017, 8, 4) } else { None },
        day_first: flags & 2 == 2,
        ..Options::default()
    };
    let analysis = analyze(&text, &options);
    let mut last_start = 0;
    for e in &analysis.entities {
        let b = e.span.bytes;
        assert!(b.start >= last_start && b.start < b.end && b.end <= text.len());
        assert_eq!(&text[b.start..b.end], e.text);
        assert_eq!(text[..b.start].chars().count(), e.span.chars.start);
        assert_eq!(text[..b.start].encode_utf16().count(), e.span.utf16.start);
        last_start = b.start;
    }
});
