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
}
