//! Converting byte offsets to code points and UTF-16 units in one forward scan.

/// Code-point and UTF-16 positions of a set of byte positions.
pub(crate) struct Converted {
    /// `(byte, chars, utf16)` for every requested byte position, sorted by byte.
    table: Vec<(usize, usize, usize)>,
}

impl Converted {
    /// Converts every position in `positions` (byte offsets on char boundaries of `text`).
    /// Cost: one scan of the text up to the largest position, plus sorting the positions.
    pub fn new(text: &str, mut positions: Vec<usize>) -> Converted {
        positions.sort_unstable();
        positions.dedup();
        let bytes = text.as_bytes();
        let mut table = Vec::with_capacity(positions.len());
        let (mut byte, mut chars, mut utf16) = (0usize, 0usize, 0usize);
        for pos in positions {
            let pos = pos.min(bytes.len());
            let (c, u) = count_units(bytes.get(byte..pos).unwrap_or_default());
            chars += c;
            utf16 += u;
            byte = pos;
            table.push((pos, chars, utf16));
        }
        Converted { table }
    }

    /// `(chars, utf16)` of byte position `pos`, which must have been requested.
    pub fn get(&self, pos: usize) -> (usize, usize) {
        match self.table.binary_search_by_key(&pos, |&(b, _, _)| b) {
            Ok(i) => (self.table[i].1, self.table[i].2),
            Err(_) => (0, 0),
        }
    }
}

/// The number of code points and of UTF-16 units in the UTF-8 bytes `bytes` (which may
/// start or end inside a character: only lead bytes count).
fn count_units(bytes: &[u8]) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let (mut chars, mut utf16) = (0usize, 0usize);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if x & HIGH == 0 {
            // Eight ASCII characters.
            chars += 8;
            utf16 += 8;
            continue;
        }
        // Bit 7 of each byte: a continuation byte (10xxxxxx), a four-byte lead (11110xxx).
        let continuation = x & !(x << 1) & HIGH;
        let four_byte_lead = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        let leads = 8 - continuation.count_ones() as usize;
        chars += leads;
        utf16 += leads + four_byte_lead.count_ones() as usize;
    }
    for &b in chunks.remainder() {
        // Count lead bytes: every char has exactly one.
        if b & 0xC0 != 0x80 {
            chars += 1;
            utf16 += if b >= 0xF0 { 2 } else { 1 };
        }
    }
    (chars, utf16)
}

/// The UTF-16 offset `unit` as a code-point offset of `text`, for converting positions
/// that come from JavaScript. Positions inside a surrogate pair round down.
pub fn utf16_to_chars(text: &str, unit: usize) -> usize {
    let mut u = 0;
    for (chars, c) in text.chars().enumerate() {
        if u >= unit {
            return chars;
        }
        u += c.len_utf16();
        if u > unit {
            return chars;
        }
    }
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_non_ascii() {
        let text = "Erdoğan 😀 e\u{301}";
        // "Erdoğan" is 8 bytes (ğ is 2), a space, a 4-byte emoji, a space, e + U+0301.
        let conv = Converted::new(text, vec![0, 8, 9, 13, 14, text.len()]);
        assert_eq!(conv.get(8), (7, 7));
        assert_eq!(conv.get(9), (8, 8));
        assert_eq!(conv.get(13), (9, 10));
        assert_eq!(conv.get(14), (10, 11));
        assert_eq!(conv.get(text.len()), (12, 13));
        for (byte, _) in text.char_indices() {
            let conv = Converted::new(text, vec![byte]);
            let prefix = &text[..byte];
            assert_eq!(conv.get(byte), (prefix.chars().count(), prefix.encode_utf16().count()));
        }
    }

    #[test]
    fn counts_match_the_standard_library_on_every_cut() {
        let text = "Erdoğan 😀 said: “x” — 𝒳y e\u{301} plain ascii text of some length 🇹🇷 end";
        let b = text.as_bytes();
        for start in 0..=b.len() {
            for end in start..=b.len() {
                let slow = b[start..end].iter().filter(|&&c| c & 0xC0 != 0x80).fold((0, 0), |(c, u), &x| (c + 1, u + if x >= 0xF0 { 2 } else { 1 }));
                assert_eq!(count_units(&b[start..end]), slow, "{start}..{end}");
            }
        }
    }

    #[test]
    fn utf16_round_trip() {
        let text = "a😀b";
        assert_eq!(utf16_to_chars(text, 0), 0);
        assert_eq!(utf16_to_chars(text, 1), 1);
        assert_eq!(utf16_to_chars(text, 3), 2);
        assert_eq!(utf16_to_chars(text, 4), 3);
        assert_eq!(utf16_to_chars(text, 2), 1);
    }
}
