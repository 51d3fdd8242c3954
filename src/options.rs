//! Options that change what `analyze` reports.

use crate::calendar::Date;
use crate::label::LabelSet;

/// How to analyse a text. The default: no reference date, month first, every label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The date relative expressions are resolved against (`yesterday`, `last Friday`),
    /// usually the article's date. `None` leaves them underspecified (`XXXX-08-01`).
    pub reference_date: Option<Date>,
    /// Read numeric dates day first (`01/08/2017` = 1 August); the default is month first.
    pub day_first: bool,
    /// Labels to report; entities with other labels are left out.
    pub labels: LabelSet,
}

