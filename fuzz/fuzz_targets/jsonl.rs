//! Fuzzes the CLI's JSON Lines record reader: any line gets an answer or a reason.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textlens::{jsonl, Options};

fuzz_target!(|data: &[u8]| {
    match jsonl::answer(data, &Options::default()) {
        Ok(json) => assert!(!json.contains('\n')),
        Err(why) => assert!(!why.is_empty()),
    }
});
