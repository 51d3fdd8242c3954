//! Entity labels and sets of labels.

use serde::{Deserialize, Serialize};

/// What kind of thing an entity is.
///
/// Names follow CoNLL-2003 (`PERSON`, `ORG`, `LOC`, `MISC`), times follow TIMEX3
/// (`DATE`, `TIME`, `DURATION`, `SET`), amounts follow OntoNotes (`MONEY`, `PERCENT`,
/// `QUANTITY`); `QUOTE` and `SOURCE` mark direct quotations and attributions and may
/// contain other entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A person: `Hami Aksoy`.
    Person,
    /// An organisation: `the Pentagon`, `Turkish Foreign Ministry`.
    Org,
    /// A place: countries, cities, regions, also a capital standing for a government.
    Loc,
    /// Other names: nationalities, products, events (`Turkish`, `S-400`).
    Misc,
    /// A calendar date or period: `Aug. 1`, `last week`, `the 1990s`.
    Date,
    /// A time of day, possibly with a date: `3 p.m.`, `Friday morning`.
    Time,
    /// A length of time: `18-month`, `three years`.
    Duration,
    /// A recurring time: `every year`.
    Set,
    /// An amount of money: `$2.5 billion`.
    Money,
    /// A percentage: `5%`, `five per cent`.
    Percent,
    /// A measured amount with a unit: `400 km`, `10,000 barrels`.
    Quantity,
    /// A direct quotation, with its speaker when known.
    Quote,
    /// An attribution without quotation marks: `officials said`.
    Source,
}

impl Label {
    /// Every label, in the order the legend shows them.
    pub const ALL: [Label; 13] = [
        Label::Person,
        Label::Org,
        Label::Loc,
        Label::Misc,
        Label::Date,
        Label::Time,
        Label::Duration,
        Label::Set,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Quote,
        Label::Source,
    ];

    /// The label's name as written in output: `"PERSON"`, `"MONEY"`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Duration => "DURATION",
            Label::Set => "SET",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Quote => "QUOTE",
            Label::Source => "SOURCE",
        }
    }

    /// Parses a label name, case-insensitively (`"person"`, `"ORG"`); `PER` is accepted
    /// for `PERSON`.
    pub fn parse(name: &str) -> Option<Label> {
        let name = name.trim();
        if name.eq_ignore_ascii_case("PER") {
            return Some(Label::Person);
        }
        Label::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(name))
    }

    /// True for `QUOTE` and `SOURCE`, the labels whose spans may contain other entities.
    pub fn is_container(self) -> bool {
        matches!(self, Label::Quote | Label::Source)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of labels, used to choose which labels an analysis reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LabelSet(u16);

impl LabelSet {
    /// The set of every label.
    pub fn all() -> LabelSet {
        LabelSet(Label::ALL.iter().fold(0, |acc, l| acc | l.bit()))
    }

    /// The empty set.
    pub fn empty() -> LabelSet {
        LabelSet(0)
    }

    /// True when `label` is in the set.
    pub fn contains(self, label: Label) -> bool {
        self.0 & label.bit() != 0
    }

    /// Adds `label` to the set.
    pub fn insert(&mut self, label: Label) {
        self.0 |= label.bit();
    }

    /// Parses a comma-separated list of label names (`"PERSON,ORG"`); the error names
    /// the first word that is not a label.
    pub fn parse_list(list: &str) -> Result<LabelSet, String> {
        let mut set = LabelSet::empty();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            set.insert(Label::parse(name).ok_or_else(|| format!("unknown label {name:?}"))?);
        }
        Ok(set)
    }
}

impl Default for LabelSet {
    fn default() -> Self {
        LabelSet::all()
    }
}

impl FromIterator<Label> for LabelSet {
    fn from_iter<I: IntoIterator<Item = Label>>(iter: I) -> Self {
        let mut set = LabelSet::empty();
        for label in iter {
            set.insert(label);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for label in Label::ALL {
            assert_eq!(Label::parse(label.as_str()), Some(label));
            assert_eq!(Label::parse(&label.as_str().to_lowercase()), Some(label));
        }
        assert_eq!(Label::parse("per"), Some(Label::Person));
        assert_eq!(Label::parse("GPE"), None);
    }

    #[test]
    fn sets() {
        let set = LabelSet::parse_list("person, money").unwrap();
        assert!(set.contains(Label::Person) && set.contains(Label::Money));
        assert!(!set.contains(Label::Org));
        assert!(LabelSet::parse_list("PERSON,FOO").unwrap_err().contains("FOO"));
        assert!(Label::ALL.iter().all(|&l| LabelSet::all().contains(l)));
    }
}
