//! Currencies: signs (`$`, `US$`, `€`, `Rs`), ISO 4217 codes, currency words and names
//! (`euros`, `Canadian dollars`, `pounds sterling`), and the context that decides an
//! ambiguous one (`francs` in a text about Switzerland are CHF).
//!
//! Data: `data/amounts/currency_cldr.tsv` (generated from CLDR) and the hand-written
//! `data/amounts/currencies.tsv` (which overrides it) and `currency_context.tsv`.

use super::phrase::Phrases;
use crate::decimal::Decimal;
use crate::lexicon::{self, fingerprint, WordFilter};
use crate::tokens::{flag, Doc};
use rustc_hash::FxHashMap;
use std::cell::OnceCell;
use std::sync::OnceLock;

/// How a currency form is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FormKind {
    /// A sign: `$`, `€`, `US$`, `C$`.
    Symbol,
    /// Letters used as a sign: `Rs`, `RM`, `kr`, `zł`.
    Abbrev,
    /// A currency word: `dollars`, `yen`, `cents`.
    Word,
    /// A name with an adjective: `Canadian dollars`, `pounds sterling`.
    Name,
}

/// One way of writing a currency.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Form {
    /// How it is written.
    pub kind: FormKind,
    /// The ISO 4217 code, or `None` when the form alone does not say (`francs`).
    pub iso: Option<&'static str>,
    /// The unit name in the singular (`dollar`, `franc`): the context group and the
    /// value's unit when the currency stays unknown.
    pub unit: &'static str,
    /// May be written before the number.
    pub pre: bool,
    /// May be written after the number.
    pub post: bool,
    /// Only written fused with the number (`R50`, `99p`).
    pub fused: bool,
    /// A prefix sign whose parts may be spaced (`c $ 16.4`).
    pub spaced: bool,
    /// For a subunit, its worth in the main unit (cents → 0.01).
    pub sub: Option<Decimal>,
    /// Also an ordinary word (`won`, `pound`): needs more evidence.
    pub weak: bool,
    /// Follows the text's dollar currency (`$`, `dollars`, `cents`).
    pub dollar_context: bool,
}

/// Flags of an ISO code.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Code {
    /// The currency (the code itself, or CNY for `RMB`).
    pub iso: &'static str,
    /// Also read in lower case after a number (`20 usd`).
    pub lower_case: bool,
    /// Also a word (`ALL`, `TOP`): only after the number or fused with it.
    pub word_like: bool,
}

/// Every currency table, parsed once.
pub(crate) struct Currencies {
    /// Signs and abbreviations (`$`, `US$`, `Rs`), any case.
    pub signs: Phrases<Form>,
    /// Currency words and names (`dollars`, `Canadian dollars`), any case.
    pub words: Phrases<Form>,
    /// ISO codes by upper-case code.
    codes: FxHashMap<&'static str, Code>,
    /// Context cues: cue word → (unit group, ISO code).
    cues: FxHashMap<&'static str, Vec<(&'static str, &'static str)>>,
    /// Every cue starts with a capital letter: only capitalised tokens need a lookup.
    cues_capitalised: bool,
    /// The fingerprints of the cues: most tokens need no lookup at all.
    cue_filter: WordFilter,
}

fn parse_flags(kind: FormKind, iso: &'static str, unit: &'static str, flags: &str) -> Form {
    let has = |f: &str| flags.split_whitespace().any(|x| x == f);
    let (pre, post) = match (has("pre"), has("post")) {
        (true, false) => (true, false),
        (false, true) => (false, true),
        _ => (true, true),
    };
    let sub = flags.split_whitespace().find_map(|f| f.strip_prefix("sub=")).and_then(Decimal::parse);
    Form {
        kind,
        iso: (iso != "-").then_some(iso),
        unit,
        pre,
        post,
        fused: has("fused"),
        spaced: has("spaced"),
        sub,
        weak: has("weak"),
        dollar_context: has("usd-ctx"),
    }
}

/// The currency tables.
pub(crate) fn currencies() -> &'static Currencies {
    static TABLE: OnceLock<Currencies> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut signs = Phrases::new();
        let mut words = Phrases::new();
        let mut codes: FxHashMap<&'static str, Code> = FxHashMap::default();
        for row in lexicon::rows(include_str!("../../data/amounts/currency_cldr.tsv")).filter(|r| r.len() >= 3) {
            let (text, iso) = (row[1], row[2]);
            match row[0] {
                "code" => {
                    codes.insert(text, Code { iso, lower_case: false, word_like: false });
                }
                "name" => {
                    let kind = if text.contains(' ') { FormKind::Name } else { FormKind::Word };
                    words.insert(text, false, parse_flags(kind, iso, "", ""));
                }
                "symbol" => signs.insert(text, false, parse_flags(FormKind::Symbol, iso, "", "")),
                _ => {}
            }
        }
        for row in lexicon::rows(include_str!("../../data/amounts/currencies.tsv")).filter(|r| r.len() >= 4) {
            let (text, iso, unit) = (row[1], row[2], row[3]);
            let flags = row.get(4).copied().unwrap_or("");
            match row[0] {
                "symbol" => signs.insert(text, false, parse_flags(FormKind::Symbol, iso, unit, flags)),
                "abbrev" => signs.insert(text, true, parse_flags(FormKind::Abbrev, iso, unit, flags)),
                "word" => words.insert(text, false, parse_flags(FormKind::Word, iso, unit, flags)),
                "name" => words.insert(text, false, parse_flags(FormKind::Name, iso, unit, flags)),
                "code" => {
                    let has = |f: &str| flags.split_whitespace().any(|x| x == f);
                    codes.insert(text, Code { iso, lower_case: has("lc"), word_like: has("stop") });
                }
                _ => {}
            }
        }
        let mut cues: FxHashMap<&'static str, Vec<(&'static str, &'static str)>> = FxHashMap::default();
        for row in lexicon::rows(include_str!("../../data/amounts/currency_context.tsv")).filter(|r| r.len() >= 3) {
            cues.entry(row[1]).or_default().push((row[0], row[2]));
        }
        let cues_capitalised = cues.keys().all(|c| c.chars().next().is_some_and(char::is_uppercase));
        let mut cue_filter = WordFilter::default();
        for c in cues.keys() {
            cue_filter.insert(fingerprint(c.as_bytes()));
        }
        Currencies { signs, words, codes, cues, cues_capitalised, cue_filter }
    })
}

impl Currencies {
    /// The ISO code written as `s` (`USD`; `usd` only when `lower_ok` and the code is
    /// read in lower case; a word-like code such as `ALL` only when `word_ok`).
    pub fn code(&self, s: &str, lower_ok: bool, word_ok: bool) -> Option<&'static str> {
        if s.len() != 3 || !s.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let upper = s.bytes().all(|b| b.is_ascii_uppercase());
        let mut buf = [0u8; 3];
        for (d, b) in buf.iter_mut().zip(s.bytes()) {
            *d = b.to_ascii_uppercase();
        }
        let key = std::str::from_utf8(&buf).ok()?;
        let code = self.codes.get(key)?;
        let lower_fits = lower_ok && code.lower_case && s.bytes().all(|b| b.is_ascii_lowercase());
        if !(upper || lower_fits) {
            return None;
        }
        if code.word_like && !word_ok {
            return None;
        }
        Some(code.iso)
    }

    /// True when `s` is one of the codes written often enough to be read fused with a
    /// small number (`USD30`, `EUR5`); the others (`COP30` is a climate summit, `CUP2` a
    /// trophy) need a magnitude or an amount of 1,000 or more.
    pub fn is_common_code(&self, s: &str) -> bool {
        self.codes.get(s).is_some_and(|c| c.lower_case)
    }

    /// A code with a magnitude letter in front, as finance writes it: `MEUR` (millions of
    /// euros), `kUSD` (thousands of dollars). Returns the code and the power of ten.
    pub fn scaled_code(&self, s: &str) -> Option<(&'static str, u32)> {
        if s.len() != 4 || !s.is_ascii() {
            return None;
        }
        let p = match s.as_bytes()[0] {
            b'M' => 6,
            b'k' | b'K' => 3,
            _ => return None,
        };
        let code = &s[1..];
        if !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        Some((self.code(code, false, false)?, p))
    }
}

/// Facts about one text that decide ambiguous currencies, computed when first needed.
pub(crate) struct CurrencyContext<'d, 't> {
    doc: &'d Doc<'t>,
    /// The currency `$` and `dollars` stand for in this text.
    dollar: OnceCell<&'static str>,
    /// Context cues by unit group: (token index, ISO code), in text order.
    cues: OnceCell<FxHashMap<&'static str, Vec<(usize, &'static str)>>>,
}

impl<'d, 't> CurrencyContext<'d, 't> {
    /// The context of `doc` (nothing is computed yet).
    pub fn new(doc: &'d Doc<'t>) -> Self {
        CurrencyContext { doc, dollar: OnceCell::new(), cues: OnceCell::new() }
    }

    /// The text's dollar: USD unless the text declares amounts in another dollar
    /// (`in Canadian dollars`, `(Australian dollars)`).
    pub fn dollar(&self) -> &'static str {
        self.dollar.get_or_init(|| {
            let doc = self.doc;
            let table = currencies();
            // `(` or `in` in any case: fingerprints are equal exactly for these.
            const OPEN: u128 = fingerprint(b"(");
            const IN: u128 = fingerprint(b"in");
            for i in 0..doc.tokens.len().saturating_sub(1) {
                if !doc.prints.get(i).is_some_and(|p| p.fp == OPEN || p.fp == IN) {
                    continue;
                }
                let found = table.words.longest_at(doc, i + 1, Some(i + 2), |f| f.kind == FormKind::Name && f.unit_is_dollar());
                if let Some(iso) = found.and_then(|m| m.value.iso) {
                    if iso != "USD" {
                        return iso;
                    }
                }
            }
            "USD"
        })
    }

    fn cue_index(&self) -> &FxHashMap<&'static str, Vec<(usize, &'static str)>> {
        self.cues.get_or_init(|| {
            let table = currencies();
            let mut index: FxHashMap<&'static str, Vec<(usize, &'static str)>> = FxHashMap::default();
            for i in 0..self.doc.tokens.len() {
                if table.cues_capitalised && !self.doc.tokens[i].has(flag::CAPITALISED) {
                    continue; // no cue can match (they are matched case-sensitively)
                }
                if self.doc.plain_fingerprint(i).is_some_and(|fp| !table.cue_filter.may_contain(fp)) {
                    continue; // no cue has its letters in any case
                }
                if let Some(list) = table.cues.get(self.doc.str(i)) {
                    for &(unit, iso) in list {
                        index.entry(unit).or_default().push((i, iso));
                    }
                }
            }
            index
        })
    }

    /// True when the text has a context cue for the unit group (`Korea` for `won`).
    pub fn has_cue(&self, unit: &str) -> bool {
        self.cue_index().get(unit).is_some_and(|v| !v.is_empty())
    }

    /// The currency a form written at token `at` stands for: its own code, the text's
    /// dollar, or for an ambiguous word the nearest context cue before it, else its
    /// default, else the first cue after it.
    pub fn resolve(&self, form: &Form, at: usize) -> Option<&'static str> {
        if form.dollar_context {
            return Some(self.dollar());
        }
        let uses_cues = form.kind == FormKind::Word || form.iso.is_none() || form.unit == "¥";
        if !uses_cues || form.kind == FormKind::Name {
            return form.iso;
        }
        let Some(list) = self.cue_index().get(form.unit) else { return form.iso };
        let pos = list.partition_point(|&(i, _)| i < at);
        if pos > 0 {
            return Some(list[pos - 1].1);
        }
        form.iso.or_else(|| list.first().map(|&(_, iso)| iso))
    }
}

impl Form {
    /// True for forms of a dollar currency.
    pub fn unit_is_dollar(&self) -> bool {
        self.unit == "dollar" || self.iso.is_some_and(|c| matches!(c, "CAD" | "AUD" | "NZD" | "HKD" | "SGD" | "TWD" | "ZWL" | "JMD" | "BND" | "TTD" | "NAD" | "FJD" | "LRD" | "BSD" | "BZD" | "BBD" | "BMD" | "KYD" | "SBD" | "XCD" | "GYD" | "SRD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_respect_case_and_word_rules() {
        let t = currencies();
        let cases = [
            ("USD", false, false, Some("USD")),
            ("usd", true, false, Some("USD")),
            ("usd", false, false, None),
            ("ALL", true, false, None),
            ("ALL", true, true, Some("ALL")),
            ("all", true, true, None),
            ("RMB", false, false, Some("CNY")),
            ("XYZ", true, true, None),
            ("Usd", true, true, None),
        ];
        for (s, lower_ok, word_ok, want) in cases {
            assert_eq!(t.code(s, lower_ok, word_ok), want, "{s}");
        }
        assert_eq!(t.scaled_code("MEUR"), Some(("EUR", 6)));
        assert_eq!(t.scaled_code("MAUD"), Some(("AUD", 6)));
        assert_eq!(t.scaled_code("MALL"), None);
        assert_eq!(t.scaled_code("META"), None);
    }

    #[test]
    fn context_decides_ambiguous_words() {
        let t = currencies();
        let doc = Doc::new("Zurich said 5 francs. Then 10 pesos in Mexico; 3 pesos.");
        let ctx = CurrencyContext::new(&doc);
        let form = |w: &str| *t.words.longest(&doc, w, None, |_| true).unwrap().value;
        let francs = form("francs");
        let pesos = form("pesos");
        assert_eq!(ctx.resolve(&francs, 3), Some("CHF"));
        assert_eq!(ctx.resolve(&pesos, 7), Some("MXN"), "first cue after");
        assert_eq!(ctx.resolve(&pesos, 12), Some("MXN"));
        assert_eq!(ctx.dollar(), "USD");
        let doc = Doc::new("All figures are in Canadian dollars. It earned $5.");
        assert_eq!(CurrencyContext::new(&doc).dollar(), "CAD");
    }
}
