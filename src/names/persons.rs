//! Parts of people's names the tagger leaves out, as CoNLL-2003 and WikiGold write them:
//! a nickname in quotation marks (`Joaquín “El Chapo” Guzmán`, `Roberto " Hands of Stone "
//! Duran`, `Dwayne "The Rock" Johnson`, one `PERSON` each where the tagger finds two people
//! and a work in between), a regnal number or `Jr.` after the name (`Elizabeth II`,
//! `Al Unser Jr`), and a word the tagger left out between two parts (`Aung San Suu Kyi`);
//! and what is not part of it, a hyphenated title (`Lieutenant-Colonel`) or a party tag
//! after it (`R-Ky.`).

use super::gazetteer::List;
use super::{hash, replace_with_spans, word_lists, Name, Tagger, PER};
use crate::tokens::{flag, Doc, Kind};

/// The most words a nickname holds (`Hands of Stone`).
const NICKNAME_WORDS: usize = 4;

/// The most capitalised words taken on either side of a nickname when no name found
/// there says where the person's name starts or ends.
const SIDE_WORDS: usize = 3;

/// True when token `i` is a double quotation mark (straight or curly).
fn is_quote(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == Kind::Punct && matches!(doc.str(i), "\"" | "\u{201c}" | "\u{201d}" | "\u{201e}")
}

/// True when token `i` is a word starting with a capital.
fn is_name_word(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    t.kind == Kind::Word && t.has(flag::CAPITALISED)
}

/// Where the closing quotation mark is when token `open` opens a nickname: one to
/// [`NICKNAME_WORDS`] words, the first capitalised, all on one line.
fn nickname_end(doc: &Doc, open: usize) -> Option<usize> {
    let limit = doc.tokens.len().min(open + NICKNAME_WORDS + 2);
    if !doc.tokens.get(open + 1).is_some_and(|_| is_name_word(doc, open + 1)) {
        return None;
    }
    for i in open + 1..limit {
        if doc.tokens[i].has(flag::LINE_BEFORE) {
            return None;
        }
        if is_quote(doc, i) {
            return Some(i);
        }
        if doc.tokens[i].kind != Kind::Word {
            return None;
        }
    }
    None
}

/// Joins a person's name around a nickname in quotation marks into one `PERSON` name,
/// when a name the tagger found as a person touches the nickname on either side.
/// `found` holds the text's names in token order, without overlaps, and stays so.
pub(super) fn join_nicknames(doc: &Doc, found: &mut Vec<Name>) {
    // The name covering token `i`, by binary search over the ordered names.
    let covering = |i: usize| {
        let k = found.partition_point(|n| n.0 <= i).checked_sub(1)?;
        (found[k].1 >= i).then_some(found[k])
    };
    let mut joins: Vec<(usize, usize)> = Vec::new();
    let mut open = 1;
    while open + 2 < doc.tokens.len() {
        let close = if is_quote(doc, open) && is_name_word(doc, open - 1) { nickname_end(doc, open) } else { None };
        let Some(close) = close.filter(|&c| c + 1 < doc.tokens.len() && is_name_word(doc, c + 1) && !doc.tokens[c + 1].has(flag::LINE_BEFORE)) else {
            open += 1;
            continue;
        };
        let (before, after) = (covering(open - 1), covering(close + 1));
        if !(before.is_some_and(|n| n.2 == PER) || after.is_some_and(|n| n.2 == PER)) {
            open = close + 1;
            continue;
        }
        let start = match before {
            Some(n) if n.0 < open => n.0,
            _ => (open.saturating_sub(SIDE_WORDS)..open).rev().take_while(|&i| is_name_word(doc, i) && !doc.tokens[i].has(flag::SENT_START)).last().unwrap_or(open - 1),
        };
        let end = match after {
            Some(n) if n.1 > close => n.1,
            _ => (close + 1..doc.tokens.len().min(close + 1 + SIDE_WORDS)).take_while(|&i| is_name_word(doc, i)).last().unwrap_or(close + 1),
        };
        // A name found before the nickname starts no earlier than the last join ended.
        let start = joins.last().map_or(start, |&(_, last_end)| start.max(last_end + 1));
        joins.push((start, end));
        open = end + 1;
    }
    if joins.is_empty() {
        return;
    }
    // One pass: the names a join covers give way to it.
    replace_with_spans(found, joins.into_iter().map(|(start, end)| (start, end, ())), |_, _, _, ()| Some(PER));
}

/// True when token `i` follows a person's name as part of it: a regnal number (`II`,
/// `XIV`; `I` only after a titled name or before punctuation, `of` or the end, not the
/// pronoun) or `Jr`/`Sr`.
fn is_suffix(doc: &Doc, i: usize, titled: bool) -> bool {
    let t = doc.tokens[i];
    if t.kind != Kind::Word || t.has(flag::LINE_BEFORE) {
        return false;
    }
    match doc.str(i) {
        "I" => titled || doc.tokens.get(i + 1).is_none_or(|next| next.kind == Kind::Punct || doc.str(i + 1) == "of"),
        "Jr" | "Jr." | "Sr" | "Sr." => true,
        text => (2..=6).contains(&text.len()) && text.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')),
    }
}

/// Takes a regnal number or `Jr.` after a person's name into it: `Elizabeth II`, `Pope Leo
/// XIV`, `Al Unser Jr`. `found` holds the text's names in token order.
pub(super) fn add_suffixes(doc: &Doc, found: &mut [Name], tagger: &Tagger) {
    let title = 1u16 << List::Title as u16;
    for k in 0..found.len() {
        let (first, last, ty) = found[k];
        let next = last + 1;
        let free = found.get(k + 1).is_none_or(|n| n.0 > next);
        let titled = first > 0 && word_lists(doc, first - 1, tagger) & title != 0;
        if ty == PER && next < doc.tokens.len() && free && is_suffix(doc, next, titled) {
            found[k].1 = next;
        }
    }
}

/// Joins two people's names the tagger found on either side of one capitalised word into
/// one name: `Aung` + `San` + `Suu Kyi`. Not across a title (`Brigadier General Gerald
/// Daniel`) or words in capitals (headlines: `MITCHELL DEFEATS BAILEY`).
pub(super) fn join_split(doc: &Doc, found: &mut Vec<Name>, tagger: &Tagger) {
    let title = 1u16 << List::Title as u16;
    let joins = |a: &Name, b: &Name| {
        let middle = a.1 + 1;
        let t = doc.tokens[middle];
        a.2 == PER
            && b.2 == PER
            && b.0 == middle + 1
            && is_name_word(doc, middle)
            && !t.has(flag::ALL_CAPS)
            && !t.has(flag::LINE_BEFORE)
            && !doc.tokens[b.0].has(flag::LINE_BEFORE)
            && word_lists(doc, middle, tagger) & title == 0
    };
    if !found.windows(2).any(|w| joins(&w[0], &w[1])) {
        return;
    }
    let mut joined: Vec<Name> = Vec::with_capacity(found.len());
    for &name in found.iter() {
        match joined.last_mut() {
            Some(last) if joins(last, &name) => last.1 = name.1,
            _ => joined.push(name),
        }
    }
    *found = joined;
}

/// Leaves a hyphenated title out of a person's name when each of its parts is a title the
/// list knows (`Lieutenant-Colonel Max Marriner` → `Max Marriner`; `Vice-` counts as one).
pub(super) fn drop_hyphenated_titles(doc: &Doc, found: &mut [Name], tagger: &Tagger) {
    let title = 1u16 << List::Title as u16;
    let is_title_part = |part: &str| part.eq_ignore_ascii_case("vice") || tagger.resources.gazetteer.single(hash::lower(part)) & title != 0;
    for name in found.iter_mut() {
        let (first, last, ty) = *name;
        let text = doc.str(first);
        if ty == PER && first < last && doc.tokens[first].kind == Kind::Word && text.contains('-') && text.split('-').all(is_title_part) {
            name.0 += 1;
        }
    }
}

/// True when token `i` is a party-and-state tag as American news writes it after a
/// politician's name (`R-Ky.`, `D-Calif.`, `I-Vt.`): a party letter, a hyphen and a state
/// abbreviation.
fn is_party_tag(doc: &Doc, i: usize) -> bool {
    let text = doc.str(i).trim_end_matches('.');
    let Some((party, state)) = text.split_once('-') else { return false };
    matches!(party, "R" | "D" | "I")
        && (2..=5).contains(&state.len())
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Drops the names the tagger made of party-and-state tags after a comma or an opening
/// parenthesis (`Mitch McConnell, R-Ky.,`): they name neither a person nor a place.
pub(super) fn drop_party_tags(doc: &Doc, found: &mut Vec<Name>) {
    found.retain(|&(first, last, _)| !(first == last && first > 0 && matches!(doc.str(first - 1), "," | "(") && is_party_tag(doc, first)));
}

/// Makes a surname that names one well-known person alone (`data/names/public_figures.txt`:
/// `Trump said`, `Putin's war`) a person at each of its places in the text (`at`, token
/// indices in order, found by the caller), whatever the tagger made of it: not when a
/// capitalised word follows (`Trump Tower`), a longer name holds it, or it is a numeral
/// in capitals (`XI`). `found` holds the
/// text's names in token order, without overlaps, and stays so.
pub(super) fn public_figures(doc: &Doc, found: &mut Vec<Name>, at: &[usize]) {
    let before = found.len();
    let mut next = 0;
    for &i in at {
        let followed = doc.tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Word && n.has(flag::CAPITALISED) && !n.has(flag::LINE_BEFORE));
        // `World XI` is a team of eleven, not Xi.
        let numeral = doc.tokens[i].has(flag::ALL_CAPS) && doc.str(i).len() <= 2;
        if followed || numeral || doc.tokens[i].kind != Kind::Word {
            continue;
        }
        while next < before && found[next].1 < i {
            next += 1;
        }
        match found[..before].get(next).filter(|n| n.0 <= i) {
            Some(&(a, b, _)) if a == i && b == i => found[next].2 = PER,
            Some(_) => {}
            None => found.push((i, i, PER)),
        }
    }
    if found.len() > before {
        found.sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{check_rule, tagger, RuleCases, LOC, MISC, ORG};

    #[test]
    fn nicknames_join_the_name() {
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            ("boss Joaquin \" El Chapo \" Guzman was", &[(1, 4, PER), (6, 6, PER)], &[(1, 6, PER)]),
            ("beat Roberto \" Hands of Stone \" Duran", &[(1, 1, PER), (3, 5, MISC), (7, 7, MISC)], &[(1, 7, PER)]),
            ("star Dwayne “ The Rock ” Johnson", &[(1, 1, PER), (3, 4, MISC), (6, 6, PER)], &[(1, 6, PER)]),
            ("with Harold \" Junior \" Theriault", &[(1, 3, PER)], &[(1, 5, PER)]),
            // Must not join: no person beside it, a quotation, a lower-case nickname,
            // too long a quotation, a line break.
            ("the Acme \" Big \" Deal", &[(1, 1, ORG)], &[(1, 1, ORG)]),
            ("Smith \" said \" Jones", &[(0, 0, PER), (4, 4, PER)], &[(0, 0, PER), (4, 4, PER)]),
            ("Smith \" We Will Win This Now \" Jones", &[(0, 0, PER), (8, 8, PER)], &[(0, 0, PER), (8, 8, PER)]),
            ("Smith \" Big \"\nJones", &[(0, 0, PER), (4, 4, PER)], &[(0, 0, PER), (4, 4, PER)]),
        ];
        check_rule(cases, join_nicknames);
    }

    #[test]
    fn hyphenated_titles_leave_the_name() {
        let cases: RuleCases = &[
            ("by Lieutenant-Colonel Max Marriner", &[(1, 3, PER)], &[(2, 3, PER)]),
            ("by Vice-Admiral Ann Smith", &[(1, 3, PER)], &[(2, 3, PER)]),
            // Must not change: a hyphenated first name, a title alone, another type.
            ("by Jean-Pierre Raffarin", &[(1, 2, PER)], &[(1, 2, PER)]),
            ("by Lieutenant-Colonel", &[(1, 1, PER)], &[(1, 1, PER)]),
            ("the Major-General Corp", &[(1, 2, ORG)], &[(1, 2, ORG)]),
        ];
        check_rule(cases, |doc, names| drop_hyphenated_titles(doc, names, tagger()));
    }

    #[test]
    fn public_figures_by_surname() {
        let t = tagger();
        let cases: RuleCases = &[
            ("Trump said so", &[(0, 0, LOC)], &[(0, 0, PER)]),
            ("a win for Zelenskyy , they said", &[], &[(3, 3, PER)]),
            ("Musk's rockets flew", &[(0, 0, LOC)], &[(0, 0, PER)]),
            // Must not change: a capitalised word after it, a longer name, another word.
            ("at Trump Tower today", &[(1, 2, LOC)], &[(1, 2, LOC)]),
            ("Donald Trump said", &[(0, 1, PER)], &[(0, 1, PER)]),
            ("Critics of Xi met", &[(0, 2, ORG)], &[(0, 2, ORG)]),
            ("trump cards", &[], &[]),
            ("a World XI side", &[(1, 2, ORG)], &[(1, 2, ORG)]),
            ("beat the XI .", &[], &[]),
        ];
        check_rule(cases, |doc, found| {
            let at: Vec<usize> = (0..doc.tokens.len())
                .filter(|&i| doc.tokens[i].has(flag::CAPITALISED) && t.public_figures.contains(&hash::lower(doc.str(i))))
                .collect();
            public_figures(doc, found, &at)
        });
    }

    #[test]
    fn party_tags_are_not_names() {
        let cases: RuleCases = &[
            ("Mitch McConnell , R-Ky , voted", &[(0, 1, PER), (3, 3, PER)], &[(0, 1, PER)]),
            ("Nancy Pelosi ( D-Calif ) said", &[(0, 1, PER), (3, 3, ORG)], &[(0, 1, PER)]),
            // Must not change: not after a comma or parenthesis, not a party letter.
            ("the R-Ky line", &[(1, 1, PER)], &[(1, 1, PER)]),
            ("Smith , X-Men , said", &[(0, 0, PER), (2, 2, MISC)], &[(0, 0, PER), (2, 2, MISC)]),
        ];
        check_rule(cases, drop_party_tags);
    }

    #[test]
    fn names_split_by_one_word_are_one() {
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            ("met Aung San Suu Kyi today", &[(1, 1, PER), (3, 4, PER)], &[(1, 4, PER)]),
            // Must not join: capitals, a title between, other types, two words between.
            ("MITCHELL DEFEATS BAILEY", &[(0, 0, PER), (2, 2, PER)], &[(0, 0, PER), (2, 2, PER)]),
            ("Brigadier General Gerald Daniel", &[(0, 0, PER), (2, 3, PER)], &[(0, 0, PER), (2, 3, PER)]),
            ("met Aung San Suu Kyi today", &[(1, 1, LOC), (3, 4, PER)], &[(1, 1, LOC), (3, 4, PER)]),
            ("Smith and Jones", &[(0, 0, PER), (2, 2, PER)], &[(0, 0, PER), (2, 2, PER)]),
        ];
        check_rule(cases, |doc, names| join_split(doc, names, tagger()));
    }

    #[test]
    fn regnal_numbers_and_juniors_join_the_name() {
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            ("Queen Elizabeth II died", &[(1, 1, PER)], &[(1, 2, PER)]),
            ("Pope Leo XIV said", &[(1, 1, PER)], &[(1, 2, PER)]),
            ("Elizabeth I of England", &[(0, 0, PER), (3, 3, LOC)], &[(0, 1, PER), (3, 3, LOC)]),
            ("won by Pedro I .", &[(2, 2, PER)], &[(2, 3, PER)]),
            ("Queen Elizabeth I born", &[(1, 1, PER)], &[(1, 2, PER)]),
            ("Al Unser Jr ( U.S. )", &[(0, 1, PER)], &[(0, 2, PER)]),
            // Must not change: the pronoun, not a person, a suffix in the next name.
            ("said Smith I think", &[(1, 1, PER)], &[(1, 1, PER)]),
            ("World War II began", &[(0, 1, MISC)], &[(0, 1, MISC)]),
            ("met Smith IV Corp", &[(1, 1, PER), (2, 3, ORG)], &[(1, 1, PER), (2, 3, ORG)]),
        ];
        check_rule(cases, |doc, names| add_suffixes(doc, names, tagger()));
    }
}
