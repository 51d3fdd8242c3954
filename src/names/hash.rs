//! Stable 64-bit hashing of token text into feature ids.
//!
//! The same text gives the same hash on every platform (no `usize`, no random seed), so
//! a model trained natively works unchanged in the WebAssembly build.

/// The starting state of a text hash (FNV-1a offset basis).
pub(crate) const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// Feeds bytes into a running FNV-1a hash.
#[inline(always)]
pub(crate) fn feed(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(PRIME);
    }
    h
}

/// Feeds one character, lower-cased, into a running hash.
#[inline(always)]
pub(crate) fn feed_lower_char(mut h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return (h ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(PRIME);
    }
    let mut buf = [0u8; 4];
    for l in c.to_lowercase() {
        h = feed(h, l.encode_utf8(&mut buf).as_bytes());
    }
    h
}

/// The hash of `s` as written.
pub(crate) fn exact(s: &str) -> u64 {
    feed(SEED, s.as_bytes())
}

/// The hash of `s` in lower case (`Ankara`, `ANKARA` and `ankara` hash alike).
pub(crate) fn lower(s: &str) -> u64 {
    if s.is_ascii() {
        let mut h = SEED;
        for &b in s.as_bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(PRIME);
        }
        return h;
    }
    s.chars().fold(SEED, feed_lower_char)
}

/// Calls `found` with the [`lower`] hash of every word of `text`, words being separated
/// by one or more spaces: one pass over the bytes for ASCII words.
pub(crate) fn lower_words(text: &str, mut found: impl FnMut(u64)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut h = SEED;
    let mut ascii = true;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            if i > start {
                found(if ascii { h } else { lower(&text[start..i]) });
            }
            start = i + 1;
            h = SEED;
            ascii = true;
        } else {
            ascii &= b.is_ascii();
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(PRIME);
        }
    }
    if bytes.len() > start {
        found(if ascii { h } else { lower(&text[start..]) });
    }
}

/// The lower-case hash of a token: like [`lower`], but an abbreviation's period is left
/// out when the rest is one word of two letters or more (`Inc.` reads like `Inc`, `Capt.`
/// like `Capt`: news styles differ), while `U.S.` and initials (`J.`) keep theirs.
pub(crate) fn lower_token(text: &str, abbrev: bool) -> u64 {
    if abbrev {
        if let Some(word) = text.strip_suffix('.') {
            if word.chars().count() >= 2 && !word.contains('.') {
                return lower(word);
            }
        }
    }
    lower(text)
}

/// Combines two hashes (order matters).
#[inline(always)]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    fmix(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// MurmurHash3's 64-bit finaliser: spreads every input bit over the output.
#[inline(always)]
pub(crate) fn fmix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// A word's length (up to 63) and lower-case first byte (non-ASCII ones share a bit) as
/// one bit each: or-ed over a few words, a sieve that rules out most other words before
/// they are hashed.
pub(crate) fn sieve_bits(word: &str) -> (u64, u128) {
    let first = word.bytes().next().unwrap_or(0).to_ascii_lowercase();
    (1 << word.len().min(63), 1 << first.min(127))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_folds_case_in_every_script() {
        let cases = [("Ankara", "ANKARA"), ("Işık", "işık"), ("ÉLYSÉE", "élysée"), ("O'Neill", "o'neill")];
        for (a, b) in cases {
            assert_eq!(lower(a), lower(b), "{a} / {b}");
        }
        assert_ne!(exact("Ankara"), exact("ankara"));
        assert_ne!(lower("Ankara"), lower("Ankaran"));
        assert_eq!(lower_token("Inc.", true), lower("inc"));
        assert_eq!(lower_token("Inc.", false), lower("inc."));
        assert_eq!(lower_token("U.S.", true), lower("u.s."));
        assert_eq!(lower_token("J.", true), lower("j."));
    }

    #[test]
    fn lower_words_hashes_each_word() {
        // One line per case: text, its words.
        let cases: &[(&str, &[&str])] = &[("", &[]), ("  ", &[]), ("ankara", &["ankara"]), (" Işık  izmir x ", &["işık", "izmir", "x"])];
        for (text, words) in cases {
            let mut got = Vec::new();
            lower_words(text, |h| got.push(h));
            assert_eq!(got, words.iter().map(|w| lower(w)).collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn hashes_are_fixed_across_platforms() {
        // FNV-1a of "a" is a published constant.
        assert_eq!(exact("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(mix(1, 2), mix(2, 1));
    }
}
