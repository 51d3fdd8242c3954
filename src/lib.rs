//! textlens finds the people, organisations, places, dates and amounts of money in a
//! text, with normalised values, in a browser (through WebAssembly) or natively.
//!
//! ```
//! use textlens::{analyze, Label, Options};
//!
//! let analysis = analyze("Turkey signed a $2.5 billion deal.", &Options::default());
//! let money = analysis.entities.iter().find(|e| e.label == Label::Money).unwrap();
//! assert_eq!(money.text, "$2.5 billion");
//! ```
#![deny(missing_docs)]

mod amounts;
mod analysis;
mod attribution;
mod calendar;
mod dates;
mod decimal;
mod groups;
pub mod jsonl;
mod label;
mod lexicon;
mod names;
mod numbers;
mod offsets;
mod options;
mod pipeline;
mod resolve;
mod tokens;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{Amount, Analysis, AnalysisView, Attribution, Entity, EntityView, Group, OffsetUnit, Offsets, Span, Temporal, Value};
pub use calendar::{Date, Weekday};
pub use decimal::Decimal;
pub use label::{Label, LabelSet};
pub use offsets::utf16_to_chars;
pub use options::Options;
pub use pipeline::{analyze, MAX_INPUT_BYTES};

/// Training the name tagger (only with the `train` feature; used by `src/bin/train.rs`).
#[cfg(feature = "train")]
pub use names::train as name_training;
