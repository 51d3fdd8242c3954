//! Units that make a number a percentage (`%`, `per cent`, `basis points`) or a quantity
//! (`km`, `square miles`, `°C`, `barrels a day`), and the words around amounts that
//! matter: hedges (`about`, `more than`), range and change words, metre and temperature
//! context.

use super::phrase::Phrases;
use crate::decimal::Decimal;
use crate::lexicon;
use crate::numbers::with_lower;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// A percentage word: its unit and the factor applied to the number.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PercentUnit {
    /// `percent` or `percentage_point`.
    pub unit: &'static str,
    /// Multiplies the number (basis points: 0.01).
    pub factor: Decimal,
}

/// A unit of measure.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    /// The canonical unit written in the value (`km`, `°C`, `bbl/d`).
    pub unit: &'static str,
    /// Only written fused with the number (`5g`).
    pub fused: bool,
    /// A bare `C` or `F`: needs temperature evidence.
    pub temperature_letter: bool,
    /// The `m` of `400m`: metres only in a distance context.
    pub metre: bool,
}

/// How a word before `X to Y` reads the pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RangeWord {
    /// `rose $5 million to $7 million`: two amounts.
    Change,
    /// `ranging from $5 million to $7 million`: one range.
    Range,
}

/// Every unit and context table, parsed once.
pub(crate) struct Units {
    /// Percentage words.
    pub percent: Phrases<PercentUnit>,
    /// Units of measure.
    pub units: Phrases<Unit>,
    /// Hedges before an amount → the qualifier reported.
    pub qualifiers: Phrases<&'static str>,
    range_words: FxHashMap<&'static str, RangeWord>,
    metre_context: FxHashSet<&'static str>,
    temperature_cues: FxHashSet<&'static str>,
}

/// The unit tables.
pub(crate) fn units() -> &'static Units {
    static TABLE: OnceLock<Units> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut percent = Phrases::new();
        for row in lexicon::rows(include_str!("../../data/amounts/percent.tsv")).filter(|r| r.len() >= 3) {
            if let Some(factor) = Decimal::parse(row[2]) {
                percent.insert(row[0], false, PercentUnit { unit: row[1], factor });
            }
        }
        let mut units = Phrases::new();
        for row in lexicon::rows(include_str!("../../data/amounts/units.tsv")).filter(|r| r.len() >= 2) {
            let flags = row.get(2).copied().unwrap_or("");
            let has = |f: &str| flags.split_whitespace().any(|x| x == f);
            let unit = Unit { unit: row[1], fused: has("fused"), temperature_letter: has("temp"), metre: has("metre") };
            units.insert(row[0], has("cs"), unit);
        }
        let mut qualifiers = Phrases::new();
        for row in lexicon::rows(include_str!("../../data/amounts/qualifiers.tsv")).filter(|r| r.len() >= 2) {
            qualifiers.insert(row[0], false, row[1]);
        }
        let range_words = lexicon::rows(include_str!("../../data/amounts/range_words.tsv"))
            .filter(|r| r.len() >= 2)
            .map(|r| (r[0], if r[1] == "range" { RangeWord::Range } else { RangeWord::Change }))
            .collect();
        let metre_context = lexicon::word_set(include_str!("../../data/amounts/metre_context.txt"));
        let temperature_cues = lexicon::word_set(include_str!("../../data/amounts/temperature_cues.txt"));
        Units { percent, units, qualifiers, range_words, metre_context, temperature_cues }
    })
}

impl Units {
    /// How `word` (any case) reads a following `X to Y`, if it is a range or change word.
    pub fn range_word(&self, word: &str) -> Option<RangeWord> {
        with_lower(word, |l| self.range_words.get(l).copied()).flatten()
    }

    /// True when `word` after `400m` makes the `m` metres (`from`, `hurdles`).
    pub fn metre_context(&self, word: &str) -> bool {
        with_lower(word, |l| self.metre_context.contains(l)).unwrap_or(false)
    }

    /// True when `word` speaks of temperature (`degrees`, `weather`).
    pub fn temperature_cue(&self, word: &str) -> bool {
        with_lower(word, |l| self.temperature_cues.contains(l)).unwrap_or(false)
    }
}
