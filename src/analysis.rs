//! What `analyze` returns: entities with their offsets and values, and mention groups.

use crate::decimal::Decimal;
use crate::label::Label;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// A half-open range `start..end` in one offset unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First position.
    pub start: usize,
    /// One past the last position.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// True when the two spans share at least one position.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One stretch of the text in the three offset units callers use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Offsets {
    /// UTF-8 byte offsets (Rust string indices).
    pub bytes: Span,
    /// Unicode code point offsets (Python string indices; the CLI's unit).
    pub chars: Span,
    /// UTF-16 code unit offsets (JavaScript string indices; the browser API's unit).
    pub utf16: Span,
}

impl Offsets {
    /// The span in the given unit.
    pub fn get(&self, unit: OffsetUnit) -> Span {
        match unit {
            OffsetUnit::Bytes => self.bytes,
            OffsetUnit::Chars => self.chars,
            OffsetUnit::Utf16 => self.utf16,
        }
    }
}

/// The unit in which serialized output reports offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    /// UTF-8 bytes.
    Bytes,
    /// Unicode code points.
    Chars,
    /// UTF-16 code units.
    Utf16,
}

/// One entity found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// What kind of entity this is.
    pub label: Label,
    /// Where it is, in bytes, code points and UTF-16 units.
    pub span: Offsets,
    /// The entity's text, exactly as in the input.
    pub text: String,
    /// The normalised value, for labels that have one.
    pub value: Option<Value>,
    /// Index into [`Analysis::groups`] of the group of mentions this entity belongs to.
    pub group: Option<usize>,
}

/// A normalised value; which variant depends on the label.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `MONEY`: an amount or a range with an ISO 4217 currency.
    Money(Amount),
    /// `PERCENT` and `QUANTITY`: an amount or range with a unit (`percent`, `km`, ...).
    Measure(Amount),
    /// `DATE`, `TIME`, `DURATION`, `SET`: a TIMEX3 value and, when resolved, the
    /// calendar range it covers.
    Temporal(Temporal),
    /// `QUOTE` and `SOURCE`: who is quoted or cited.
    Attribution(Attribution),
}

/// An amount, or a range of amounts, with its unit.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Amount {
    /// The amount, when the text gives one number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
    /// The low end of a range (`$5-10 million` → 5000000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// The high end of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// For money, the ISO 4217 code (`USD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// For percentages and quantities, the unit (`percent`, `percentage_point`, `km`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A hedge in front of the amount: `about`, `more than`, `up to`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

/// A resolved time expression.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Temporal {
    /// The TIMEX3 value: `2017-08-01`, `2017-W32`, `199`, `P18M`, `T15:30`, `XXXX-08-01`.
    pub timex: String,
    /// First day covered (ISO date), when the expression resolves to calendar days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Last day covered (ISO date, inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// Who said or reported something.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    /// The speaker's name as first mentioned in full (`Hami Aksoy` for `Aksoy said`).
    pub speaker: Option<String>,
    /// Where the speaker is named for this quote.
    pub speaker_span: Option<Offsets>,
    /// The speech verb (`said`, `told`, `according to`).
    pub verb: Option<String>,
    /// The speaker's role or title (`Turkish Foreign Ministry spokesman`).
    pub speaker_role: Option<String>,
    /// True for unnamed sources (`officials`, `a source close to`).
    pub anonymous: bool,
}

/// Mentions of one entity (`Hami Aksoy`, `Aksoy`, `he`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The label shared by the mentions.
    pub label: Label,
    /// The fullest name among the mentions.
    pub canonical: String,
    /// Indices into [`Analysis::entities`], in text order.
    pub mentions: Vec<usize>,
}

/// The result of analysing a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Entities in text order. Entities other than `QUOTE`/`SOURCE` never overlap each
    /// other; a `QUOTE` or `SOURCE` may contain other entities, and they nest properly.
    pub entities: Vec<Entity>,
    /// Groups of mentions of the same entity.
    pub groups: Vec<Group>,
    /// Set when the input was longer than [`crate::MAX_INPUT_BYTES`]: only the first
    /// this many bytes were analysed.
    pub truncated_at: Option<usize>,
}

impl Analysis {
    /// A serializable view that reports offsets in `unit` (`{"entities": [...], ...}`).
    pub fn view(&self, unit: OffsetUnit) -> AnalysisView<'_> {
        AnalysisView { analysis: self, unit }
    }
}

impl Entity {
    /// A serializable view `{"start","end","label","text","value"?}` with offsets in `unit`.
    pub fn view(&self, unit: OffsetUnit) -> EntityView<'_> {
        EntityView { entity: self, unit }
    }
}

/// Serializes an [`Analysis`] with offsets in one unit.
pub struct AnalysisView<'a> {
    analysis: &'a Analysis,
    unit: OffsetUnit,
}

/// Serializes an [`Entity`] with offsets in one unit.
pub struct EntityView<'a> {
    entity: &'a Entity,
    unit: OffsetUnit,
}

struct ValueView<'a> {
    value: &'a Value,
    unit: OffsetUnit,
}

impl Serialize for AnalysisView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.analysis;
        let entities: Vec<EntityView<'_>> = a.entities.iter().map(|e| e.view(self.unit)).collect();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("entities", &entities)?;
        map.serialize_entry("groups", &a.groups)?;
        if let Some(at) = a.truncated_at {
            map.serialize_entry("truncated_at", &at)?;
        }
        map.end()
    }
}

impl Serialize for EntityView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.entity;
        let span = e.span.get(self.unit);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("start", &span.start)?;
        map.serialize_entry("end", &span.end)?;
        map.serialize_entry("label", &e.label)?;
        map.serialize_entry("text", &e.text)?;
        if let Some(value) = &e.value {
            map.serialize_entry("value", &ValueView { value, unit: self.unit })?;
        }
        if let Some(group) = e.group {
            map.serialize_entry("group", &group)?;
        }
        map.end()
    }
}

impl Serialize for ValueView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.value {
            Value::Money(a) | Value::Measure(a) => a.serialize(serializer),
            Value::Temporal(t) => t.serialize(serializer),
            Value::Attribution(a) => {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("speaker", &a.speaker)?;
                if let Some(span) = a.speaker_span {
                    map.serialize_entry("speaker_span", &span.get(self.unit))?;
                }
                map.serialize_entry("verb", &a.verb)?;
                if let Some(role) = &a.speaker_role {
                    map.serialize_entry("speaker_role", role)?;
                }
                map.serialize_entry("anonymous", &a.anonymous)?;
                map.end()
            }
        }
    }
}
