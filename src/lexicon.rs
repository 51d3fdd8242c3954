//! Reading the word lists under `data/`, which are compiled into the binary.
//!
//! Every list is plain UTF-8 text: one entry a line, `#` starts a comment line, blank
//! lines are ignored, and columns are separated by tabs.

use rustc_hash::{FxHashMap, FxHashSet};

/// The entries of a data file: trimmed lines that are neither blank nor comments.
pub(crate) fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim_end).filter(|l| !l.trim_start().is_empty() && !l.starts_with('#'))
}

/// The tab-separated columns of each entry of a data file.
pub(crate) fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    entries(src).map(|l| l.split('\t').map(str::trim).collect())
}

/// A set of words read from a data file (first column), matched exactly.
pub(crate) fn word_set(src: &'static str) -> FxHashSet<&'static str> {
    rows(src).filter_map(|r| r.first().copied()).collect()
}

/// A map from the first column to the second.
pub(crate) fn word_map(src: &'static str) -> FxHashMap<&'static str, &'static str> {
    rows(src).filter(|r| r.len() >= 2).map(|r| (r[0], r[1])).collect()
}

/// The longest word a [`fingerprint`] holds exactly, in bytes.
pub(crate) const FINGERPRINT_MAX: usize = 15;

/// A word of up to 15 bytes as one number: its bytes with ASCII letters in lower case,
/// and its length in the top byte. Two words have the same fingerprint exactly when they
/// are equal ignoring ASCII case (as [`str::eq_ignore_ascii_case`]); a longer word gets
/// `u128::MAX`, which no short word has. Comparing a token's fingerprint with a constant
/// word's is one comparison (the constant's is computed at compile time).
#[inline(always)]
pub(crate) const fn fingerprint(b: &[u8]) -> u128 {
    if b.len() > FINGERPRINT_MAX {
        return u128::MAX;
    }
    let mut fp = (b.len() as u128) << 120;
    let mut k = 0;
    while k < b.len() {
        fp |= (b[k].to_ascii_lowercase() as u128) << (8 * k);
        k += 1;
    }
    fp
}

/// A token's [`fingerprint`] with two facts found on the way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Printed {
    /// The fingerprint.
    pub fp: u128,
    /// The token holds a `-`.
    pub hyphen: bool,
    /// Every byte of the token is ASCII.
    pub ascii: bool,
}

/// Masks of the low `len` bytes of a `u128`, by `len` (0-15).
const LOW_BYTES: [u128; 16] = {
    let mut masks = [0u128; 16];
    let mut len = 1;
    while len < 16 {
        masks[len] = (1u128 << (8 * len)) - 1;
        len += 1;
    }
    masks
};

/// The fingerprint of the token `text[start..end]`, whether it holds a hyphen and whether
/// it is ASCII: for tokens of up to 15 bytes, a few operations on one 16-byte load.
#[inline]
pub(crate) fn print_token(text: &[u8], start: usize, end: usize) -> Printed {
    const ONES: u128 = u128::MAX / 0xff;
    const HIGH: u128 = ONES * 0x80;
    let bytes = text.get(start..end).unwrap_or_default();
    let len = bytes.len();
    if len > FINGERPRINT_MAX {
        return Printed { fp: u128::MAX, hyphen: bytes.contains(&b'-'), ascii: bytes.is_ascii() };
    }
    if len <= 8 {
        return print_short(text, start, bytes);
    }
    let raw = match text.get(start..start + 16).and_then(|chunk| <[u8; 16]>::try_from(chunk).ok()) {
        Some(chunk) => u128::from_le_bytes(chunk),
        None => {
            let mut buf = [0u8; 16];
            buf[..len].copy_from_slice(bytes);
            u128::from_le_bytes(buf)
        }
    };
    let body = raw & LOW_BYTES[len];
    // A byte is `-` exactly when it is zero after xor with `-` (the bytes past the token
    // become `-` themselves, never zero).
    let x = body ^ (ONES * b'-' as u128);
    let hyphen = x.wrapping_sub(ONES) & !x & HIGH != 0;
    Printed { fp: ascii_lower_bytes(body) | ((len as u128) << 120), hyphen, ascii: body & HIGH == 0 }
}

/// [`print_token`] of a token of up to 8 bytes (most words), in 64-bit arithmetic.
#[inline]
fn print_short(text: &[u8], start: usize, bytes: &[u8]) -> Printed {
    const ONES: u64 = u64::MAX / 0xff;
    const HIGH: u64 = ONES * 0x80;
    let len = bytes.len();
    let raw = match text.get(start..start + 8).and_then(|chunk| <[u8; 8]>::try_from(chunk).ok()) {
        Some(chunk) => u64::from_le_bytes(chunk),
        None => {
            let mut buf = [0u8; 8];
            buf[..len].copy_from_slice(bytes);
            u64::from_le_bytes(buf)
        }
    };
    let body = if len == 8 { raw } else { raw & ((1u64 << (8 * len)) - 1) };
    // As in `print_token`: a byte is `-` exactly when it is zero after xor with `-`.
    let x = body ^ (ONES * b'-' as u64);
    let hyphen = x.wrapping_sub(ONES) & !x & HIGH != 0;
    // Capitals to lower case, as in `ascii_lower_bytes`.
    let low7 = body & !HIGH;
    let at_least_a = low7 + ONES * (0x80 - b'A' as u64);
    let above_z = low7 + ONES * (0x80 - b'Z' as u64 - 1);
    let capital = (at_least_a ^ above_z) & !body & HIGH;
    let lower = body | (capital >> 2);
    Printed { fp: lower as u128 | ((len as u128) << 120), hyphen, ascii: body & HIGH == 0 }
}

/// The fingerprint of a token that is plain ASCII without a hyphen, else `None`: for
/// such a token the fingerprint's lower case is the full lower case, so a filter of
/// lower-case words can reject it for good.
#[inline]
pub(crate) fn plain_fingerprint_at(text: &[u8], start: usize, end: usize) -> Option<u128> {
    let p = print_token(text, start, end);
    (p.fp != u128::MAX && p.ascii && !p.hyphen).then_some(p.fp)
}

/// Every byte of `x` that is an ASCII capital, in lower case; other bytes unchanged.
fn ascii_lower_bytes(x: u128) -> u128 {
    const ONES: u128 = u128::MAX / 0xff;
    const HIGH: u128 = ONES * 0x80;
    let low7 = x & !HIGH;
    let at_least_a = low7 + ONES * (0x80 - b'A' as u128);
    let above_z = low7 + ONES * (0x80 - b'Z' as u128 - 1);
    let capital = (at_least_a ^ above_z) & !x & HIGH;
    x | (capital >> 2)
}

/// A set of word fingerprints that may say yes wrongly but never no wrongly: one bit
/// per 64 Ki slots, so that a word lookup usually ends with one multiplication.
pub(crate) struct WordFilter {
    bits: Vec<u64>,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter { bits: vec![0; (1 << 16) / 64] }
    }
}

impl WordFilter {
    fn slot(fp: u128) -> usize {
        let h = (fp as u64 ^ (fp >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 48) as usize
    }

    /// Adds a fingerprint.
    pub fn insert(&mut self, fp: u128) {
        let b = Self::slot(fp);
        self.bits[b / 64] |= 1 << (b % 64);
    }

    /// False when `fp` was never inserted.
    #[inline]
    pub fn may_contain(&self, fp: u128) -> bool {
        let b = Self::slot(fp);
        self.bits[b / 64] & (1 << (b % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_blanks() {
        let src = "# header\n\nalpha\tone\n  \nbeta\ttwo\n";
        assert_eq!(entries(src).collect::<Vec<_>>(), ["alpha\tone", "beta\ttwo"]);
        assert_eq!(word_map(src).get("beta"), Some(&"two"));
        assert!(word_set(src).contains("alpha"));
    }

    #[test]
    fn fingerprints_compare_like_eq_ignore_ascii_case() {
        let words = ["the", "The", "THE", "then", "th", "", "Aug.", "aug", "o’clock", "O’CLOCK", "fifteen-letters", "sixteen-letters!", "sixteen-letterS!", "Straße", "STRAßE"];
        for a in words {
            for b in words {
                let same = fingerprint(a.as_bytes()) == fingerprint(b.as_bytes());
                let short = a.len() <= FINGERPRINT_MAX || b.len() <= FINGERPRINT_MAX;
                if short {
                    assert_eq!(same, a.eq_ignore_ascii_case(b), "{a} {b}");
                }
            }
        }
    }

    #[test]
    fn token_fingerprints_equal_word_fingerprints() {
        let text = "The AUGUST o’clock Straße ZZ@[`{ aZ 0123456789abcdef x";
        let b = text.as_bytes();
        for start in 0..b.len() {
            for end in start..=b.len() {
                assert_eq!(print_token(b, start, end).fp, fingerprint(&b[start..end]), "{start}..{end}");
            }
        }
    }

    #[test]
    fn plain_fingerprints_are_short_ascii_words_without_hyphens() {
        let cases = [("Dollars", true), ("three-quarters", false), ("-", false), ("zł", false), ("€", false), ("$", true), ("abcdefghijklmnop", false), ("", true)];
        for (w, plain) in cases {
            let got = plain_fingerprint_at(w.as_bytes(), 0, w.len());
            assert_eq!(got.is_some(), plain, "{w}");
            if plain {
                assert_eq!(got, Some(fingerprint(w.as_bytes())), "{w}");
            }
        }
    }

    #[test]
    fn printed_tokens_know_hyphens_and_ascii() {
        let text = "Franco-Italian Straße - 3 x-y-z twenty-five-thousand-dollars";
        let b = text.as_bytes();
        for start in 0..b.len() {
            for end in start..=b.len() {
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                let p = print_token(b, start, end);
                let w = &b[start..end];
                assert_eq!((p.fp, p.hyphen, p.ascii), (fingerprint(w), w.contains(&b'-'), w.is_ascii()), "{start}..{end}");
            }
        }
    }

    #[test]
    fn filters_never_miss_a_word() {
        let mut f = WordFilter::default();
        let words = ["the", "dollars", "per", "a", "x"];
        for w in words {
            f.insert(fingerprint(w.as_bytes()));
        }
        assert!(words.iter().all(|w| f.may_contain(fingerprint(w.as_bytes()))));
    }
}
