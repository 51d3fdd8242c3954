//! Repairs of the tagger's names in one window (a sentence or part of one) with what the
//! lists know for sure: places the gazetteer knows in full, titles, a nationality before a
//! state body, indices and products, events, and organisations' names that go on through
//! `of`, `for`, `on` and `and`.

use super::cues::is_designation;
use super::gazetteer::List;
use super::{hash, Name, Tagger, LOC, MISC, ORG, PER};
use crate::tokens::{flag, Doc, Kind};
use std::ops::Range;

/// Repairs the tagger's names in one sentence with what the lists know for sure: a
/// place the gazetteer knows in full (`Frankfurt am Main`) is not cut short, nor is a
/// product or index (`S&P 500`), a title or a lower-case word is not part of a person's
/// name, and a nationality before a state body joins it (`Turkish Foreign Ministry`).
/// `capitalised(i)` says whether token `i` of the window starts with a capital.
pub(super) fn repair(names: &mut Vec<Name>, lowers: &[u64], capitalised: impl Fn(usize) -> bool, tagger: &Tagger) {
    let place_lists = 1 << List::Country as u16 | 1 << List::City as u16 | 1 << List::Region as u16;
    // `The` opening a sentence (the window's first token) is not part of an organisation's
    // or place's name (`The Pentagon said` → `Pentagon`) unless a list has it so (`The
    // Guardian`); inside a sentence a capital says it is (`at The Oval`), and works keep
    // it (`The Crying Game`).
    let the = hash::lower("the");
    for name in names.iter_mut() {
        if name.0 == 0 && name.0 < name.1 && lowers[name.0] == the && (name.2 == ORG || name.2 == LOC) {
            let listed = tagger.resources.gazetteer.longest(&lowers[name.0..]).is_some_and(|(len, _)| name.0 + len - 1 == name.1);
            if !listed {
                name.0 += 1;
            }
        }
    }
    // A name cut short of an entry it starts is not: a place or organisation the list
    // knows in full keeps its type (`Frankfurt am Main`), a product or index becomes one
    // (`S&P` in `S&P 500`, `Nikkei` in `Nikkei 225`).
    let product = 1 << List::Product as u16;
    for k in 0..names.len() {
        let (first, last, ty) = names[k];
        let Some((len, found)) = tagger.resources.gazetteer.longest(&lowers[first..]) else { continue };
        let end = first + len - 1;
        let next_start = names.get(k + 1).map_or(usize::MAX, |n| n.0);
        if end <= last || end >= next_start {
            continue;
        }
        let own_list = match ty {
            LOC => place_lists,
            ORG => 1 << List::Org as u16,
            _ => 0,
        };
        if found & own_list != 0 {
            names[k].1 = end;
        } else if found & product != 0 {
            names[k] = (first, end, MISC);
        }
    }
    // A place the list knows in full that the tagger cut into something else and a place
    // (`Democratic Republic of` MISC, `Congo` LOC) is one place; two places stay two
    // (`Serbia and Montenegro`, as CoNLL-2003 writes them).
    let mut k = 0;
    while k + 1 < names.len() {
        let (first, _, _) = names[k];
        let next = names[k + 1];
        let whole = tagger.resources.gazetteer.longest(&lowers[first..]).is_some_and(|(len, found)| first + len - 1 == next.1 && found & place_lists != 0);
        if whole && next.2 == LOC && names[k].2 != LOC {
            names[k] = (first, next.1, LOC);
            names.remove(k + 1);
        }
        k += 1;
    }
    // A name the product list knows in full, and no list of organisations, places or
    // first names does, is a product where the tagger took it for an organisation
    // (`HIMARS`, `Starlink`; not `Wimbledon`, a place, nor `Oscar`).
    let not_product = 1 << List::Org as u16 | 1 << List::FirstName as u16 | super::gazetteer::PLACES;
    for name in names.iter_mut() {
        let (first, last, ty) = *name;
        let whole = tagger.resources.gazetteer.longest(&lowers[first..]).filter(|&(len, _)| first + len - 1 == last);
        if ty == ORG && whole.is_some_and(|(_, found)| found & product != 0 && found & not_product == 0) {
            name.2 = MISC;
        }
    }
    // A place the list knows in full before a capitalised title is the place, not an
    // organisation (`Oregon Attorney General Dan Rayfield`, `Texas Gov. Greg Abbott`).
    let title = 1 << List::Title as u16;
    for name in names.iter_mut() {
        let (first, last, ty) = *name;
        let whole_place = tagger.resources.gazetteer.longest(&lowers[first..]).is_some_and(|(len, found)| first + len - 1 == last && found & place_lists != 0);
        let titled = last + 1 < lowers.len() && capitalised(last + 1) && tagger.resources.gazetteer.longest(&lowers[last + 1..]).is_some_and(|(_, found)| found & title != 0);
        if ty == ORG && whole_place && titled {
            name.2 = LOC;
        }
    }
    // An organisation ends before the words that open a title after it (`Senate` in
    // `Senate Minority Whip John Thune`).
    let is_title = |i: usize| capitalised(i) && (tagger.resources.gazetteer.single(lowers[i]) & title != 0 || tagger.roles.contains(&lowers[i]));
    for name in names.iter_mut() {
        if name.2 == ORG && name.1 + 1 < lowers.len() && is_title(name.1 + 1) {
            while name.0 < name.1 && tagger.title_modifiers.contains(&lowers[name.1]) {
                name.1 -= 1;
            }
        }
    }
    // A title or role is not part of a person's name (`Capt. Mehmet Yılmaz` → `Mehmet
    // Yılmaz`, `Engineer John Greiner`),
    // nor is a lower-case word before it (`protege Bobick` → `Bobick`) other than a
    // particle (`de Gaulle`); in text all in lower case every word is.
    for name in names.iter_mut() {
        while name.2 == PER && name.0 < name.1 {
            let titled = tagger.resources.gazetteer.single(lowers[name.0]) & title != 0 || is_title(name.0);
            let lower_word = !capitalised(name.0) && !tagger.particles.contains(&lowers[name.0]) && (name.0 + 1..=name.1).any(&capitalised);
            if !(titled || lower_word) {
                break;
            }
            name.0 += 1;
        }
    }
    // A nationality, then capitalised words up to a state body: one ORG, whatever the
    // tagger made of the words in between (nothing, or ORG).
    for k in 0..names.len() {
        let Some(&(first, last, ty)) = names.get(k) else { break };
        if ty != MISC || first != last {
            continue;
        }
        let end = (last + 1..lowers.len().min(last + 5))
            .take_while(|&j| capitalised(j))
            .find(|&j| tagger.state_bodies.contains(&lowers[j]));
        let Some(end) = end else { continue };
        let inside = names[k + 1..].iter().take_while(|n| n.0 <= end);
        if inside.clone().all(|n| n.2 == ORG && n.1 <= end) {
            let drop = inside.count();
            names.drain(k + 1..k + 1 + drop);
            names[k] = (first, end, ORG);
        }
    }
}

/// A name led by event words is an event, `MISC`, with those words and the capitalised
/// words after them: `Hurricane Milton`, `Tropical Storm Nadine`, `Operation Desert Storm`
/// (whether the tagger took the words into the name or left them out).
pub(super) fn mark_events(names: &mut [Name], lowers: &[u64], capitalised: impl Fn(usize) -> bool, tagger: &Tagger) {
    let is_event_word = |i: usize| capitalised(i) && tagger.event_words.contains(&lowers[i]);
    let mut free_from = 0; // the first token not in an earlier name
    for k in 0..names.len() {
        let next_start = names.get(k + 1).map_or(lowers.len(), |n| n.0);
        let name = &mut names[k];
        let mut event = name.0 < name.1 && is_event_word(name.0);
        while name.0 > free_from && is_event_word(name.0 - 1) {
            name.0 -= 1;
            event = true;
        }
        if event {
            name.2 = MISC;
            while name.1 + 1 < next_start && capitalised(name.1 + 1) {
                name.1 += 1;
            }
        }
        free_from = name.1 + 1;
    }
}

/// An organisation's name goes on through `of`, `for` (and `the` after them), `on` after
/// its head word, and `and`, while capitalised words follow: `Council on Foreign
/// Relations`, `Centers for Disease Control and Prevention`, `Royal Society for the
/// Protection of Birds`, where the tagger stopped at the small word. `of` and `for` need an
/// organisation word in the name (`Institute`, `Society`), `on` needs one just before it
/// and two capitalised words after it (not `Council on Monday`), `and` needs an `of`,
/// `for` or `on` in the name already. A place or first name in the words after the small
/// word stops it (`Kia Motor Corp of South Korea`, `University of Michigan and Ohio
/// State`), except a place after `of` and a head that takes one (`Law Society of Kenya`,
/// `data/names/place_org_heads.txt`); names those words hold join it when they are `ORG`
/// or `MISC`, or such a place.
pub(super) fn extend_org_names(names: &mut Vec<Name>, doc: &Doc, range: Range<usize>, lowers: &[u64], tagger: &Tagger) {
    let gazetteer = &tagger.resources.gazetteer;
    let org_word = 1u16 << List::OrgWord as u16;
    let place_or_person = 1u16 << List::Country as u16 | 1 << List::City as u16 | 1 << List::Region as u16 | 1 << List::FirstName as u16;
    let [of, for_, on, and, the] = ["of", "for", "on", "and", "the"].map(hash::lower);
    let token = |i: usize| doc.tokens[range.start + i];
    // One past the run of capitalised words from `start` (and hyphens and words glued to
    // them: `Co-operation`).
    let run_end = |start: usize| {
        let mut end = start;
        while end < lowers.len() {
            let t = token(end);
            let hyphen = |i: usize| doc.str(range.start + i) == "-";
            let glued = end > start && token(end - 1).end == t.start && (hyphen(end) || hyphen(end - 1));
            if !(glued || t.has(flag::CAPITALISED) && !t.has(flag::SENT_START)) {
                break;
            }
            end += 1;
        }
        end
    };
    let mut k = 0;
    while k < names.len() {
        let (first, mut last, ty) = names[k];
        if ty != ORG {
            k += 1;
            continue;
        }
        let has_link = |a: usize, b: usize| lowers[a..=b].iter().any(|h| [of, for_, on].contains(h));
        let has_org_word = |a: usize, b: usize| (a..=b).any(|i| gazetteer.single(lowers[i]) & org_word != 0);
        loop {
            let j = last + 1;
            let Some(&link) = lowers.get(j) else { break };
            let allowed = match link {
                l if l == of || l == for_ => has_org_word(first, last),
                l if l == on => gazetteer.single(lowers[last]) & org_word != 0,
                l if l == and => has_link(first, last),
                _ => false,
            };
            if !allowed {
                break;
            }
            let start = if link != and && lowers.get(j + 1) == Some(&the) { j + 2 } else { j + 1 };
            let mut end = run_end(start);
            // A name that starts in the run and goes on past it joins whole.
            if let Some(m) = names[k + 1..].iter().find(|n| n.0 >= start && n.0 < end && n.1 >= end) {
                end = m.1 + 1;
            }
            let words = end.saturating_sub(start);
            if words == 0 || (link == on && words < 2) {
                break;
            }
            // A second institution after `and` is a name of its own (`University of Oxford and
            // Imperial College`).
            if link == and && (start..end).any(|i| tagger.place_org_heads.contains(&lowers[i])) {
                break;
            }
            // `Law Society of Kenya`, but `Kia Motor Corp of South Korea`.
            let place_ok = link == of && start == j + 1 && tagger.place_org_heads.contains(&lowers[last]);
            if !place_ok && (start..end).any(|i| gazetteer.single(lowers[i]) & place_or_person != 0) {
                break; // `League for the St. Louis Eagles`
            }
            let covered: Vec<usize> = (k + 1..names.len()).take_while(|&m| names[m].0 < end).collect();
            let joins = covered.iter().all(|&m| names[m].1 < end && (names[m].2 == ORG || names[m].2 == MISC || (names[m].2 == LOC && place_ok)));
            if !joins {
                break;
            }
            names.drain(k + 1..k + 1 + covered.len());
            last = end - 1;
            names[k].1 = last;
        }
        k += 1;
    }
}

/// Two institutions the tagger joined with `and` are two names: `University of Oxford and
/// Imperial College London` → `University of Oxford`, `Imperial College London`. Both
/// sides must hold an institution head (`University`, `College`, `Society`:
/// `data/names/place_org_heads.txt`), so `Department of Health and Human Services` and
/// `Institute of Arts and Sciences` stay whole.
pub(super) fn split_org_pairs(names: &mut Vec<Name>, lowers: &[u64], capitalised: impl Fn(usize) -> bool, tagger: &Tagger) {
    let and = hash::lower("and");
    let is_head = |i: usize| tagger.place_org_heads.contains(&lowers[i]);
    let mut k = 0;
    while k < names.len() {
        let (first, last, ty) = names[k];
        let split = (ty == ORG)
            .then(|| (first + 1..last).find(|&i| lowers[i] == and && capitalised(i + 1) && (first..i).any(is_head) && (i + 1..=last).any(is_head)))
            .flatten();
        match split {
            Some(i) => {
                names[k] = (first, i - 1, ORG);
                names.insert(k + 1, (i + 1, last, ORG));
                k += 1;
            }
            None => k += 1,
        }
    }
}

/// Pushes to `out` the name the tagger found at document tokens `first..=last`, trimmed to
/// its words: a name starts and ends with a word or number, never with a quote mark or
/// other punctuation the tagger swept in (`” Kovacs`), but keeps the closing parenthesis
/// of one it opens (`Mladost (L)`), taking it in when the tagger stopped before it (up to
/// token `end`, excluded); a closing parenthesis that the name does not open splits it in
/// two (`(champion Lindsay) Davenport`).
pub(super) fn push_trimmed(doc: &Doc, (first, last, ty): Name, end: usize, out: &mut Vec<Name>) {
    let is_word = |i: usize| matches!(doc.tokens[i].kind, Kind::Word | Kind::Number);
    let is_paren = |i: usize, p: &str| doc.tokens[i].kind == Kind::Punct && doc.str(i) == p;
    // Most names have no parenthesis in or right after them: no counting then.
    let scan_to = (last + 1).min(end.saturating_sub(1)).max(last);
    let parens = (first..=scan_to).any(|i| is_paren(i, "(") || is_paren(i, ")"));
    let mut push_part = |a: usize, b: usize| {
        let (mut a, mut b) = (a, b);
        while a < b && !is_word(a) {
            a += 1;
        }
        let opens = |b: usize| parens && (a..=b).filter(|&i| is_paren(i, "(")).count() > (a..=b).filter(|&i| is_paren(i, ")")).count();
        while b > a && !is_word(b) && !(is_paren(b, ")") && opens(b - 1)) {
            b -= 1;
        }
        if b + 1 < end && is_paren(b + 1, ")") && opens(b) {
            b += 1;
        }
        if is_word(a) {
            out.push((a, b, ty));
        }
    };
    let mut depth = 0usize;
    let mut start = first;
    for i in (first..=last).filter(|_| parens) {
        if is_paren(i, "(") {
            depth += 1;
        } else if is_paren(i, ")") {
            if depth > 0 {
                depth -= 1;
            } else {
                if i > start {
                    push_part(start, i - 1);
                }
                start = i + 1;
            }
        }
    }
    if start <= last {
        push_part(start, last);
    }
}

/// Events and products of two or more capitalised words that the list knows in full and
/// the tagger left out altogether (`He joined the Premier League`) are `MISC`; not in
/// headlines in capitals, where a longer name often holds them. `lowers`
/// are the window's tokens' lower-case hashes.
pub(super) fn add_listed_events(names: &mut Vec<Name>, doc: &Doc, range: Range<usize>, lowers: &[u64], tagger: &Tagger) {
    let product = 1 << List::Product as u16;
    let capital = |k: usize| {
        let t = doc.tokens[range.start + k];
        t.kind == Kind::Number || t.kind == Kind::Word && t.has(flag::CAPITALISED) && !t.has(flag::ALL_CAPS)
    };
    let mut added = false;
    let mut k = 0;
    while k < lowers.len() {
        let entry = tagger.resources.gazetteer.longest(&lowers[k..]).filter(|&(len, found)| len >= 2 && found & product != 0);
        if let Some((len, _)) = entry {
            let end = k + len - 1;
            let free = !names.iter().any(|n| n.0 <= end && n.1 >= k);
            if free && (k..=end).all(capital) {
                names.push((k, end, MISC));
                added = true;
                k = end + 1;
                continue;
            }
        }
        k += 1;
    }
    if added {
        names.sort_unstable();
    }
}

/// Products before a noun that says so (`Patriot batteries`, `S-400 missile system`):
/// a capitalised product the list knows, or a designation of capitals and digits
/// (`S-400`, `F-35`), that no name covers yet becomes `MISC`; so does one the tagger
/// took for a person, and any one word the tagger took for a person (`its Ariel
/// mission`, `Blackwell chips`). `range` is the window's token range and `lowers` its
/// tokens' lower-case hashes.
pub(super) fn add_products(names: &mut Vec<Name>, doc: &Doc, range: Range<usize>, lowers: &[u64], tagger: &Tagger) {
    let product = 1u16 << List::Product as u16;
    let mut k = 0;
    while k < lowers.len() {
        let t = doc.tokens[range.start + k];
        let len = if is_designation(doc, range.start + k) {
            1
        } else if t.has(flag::CAPITALISED) && !t.has(flag::SENT_START) {
            match tagger.resources.gazetteer.longest(&lowers[k..]) {
                Some((len, lists)) if lists & product != 0 => len,
                _ => 0,
            }
        } else {
            0
        };
        let before_head = |end: usize| lowers.get(end + 1).is_some_and(|h| tagger.product_heads.contains(h));
        let len = if len == 0 && before_head(k) && names.contains(&(k, k, PER)) { 1 } else { len };
        let end = k + len.max(1) - 1;
        if len == 0 || !before_head(end) {
            k += 1;
            continue;
        }
        let overlapping = names.iter().position(|n| n.0 <= end && n.1 >= k);
        match overlapping {
            None => {
                let at = names.iter().position(|n| n.0 > end).unwrap_or(names.len());
                names.insert(at, (k, end, MISC));
            }
            Some(j) if names[j].0 == k && names[j].1 == end && names[j].2 == PER => names[j].2 = MISC,
            Some(_) => {}
        }
        k = end + 1;
    }
}

/// True when token `i` is a model number: a number of up to four digits that is not a
/// year, with its hyphenated variant (`737`, `154`, `787-9`), a short designation of
/// letters and digits (`A320`, `S24`, `H100`), or one capital letter (`Model Y`, `iPhone X`).
fn is_model_number(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    let text = doc.str(i);
    let head = text.split('-').next().unwrap_or("");
    match t.kind {
        Kind::Number => {
            let digits = text.bytes().all(|b| b.is_ascii_digit() || b == b'-') && (1..=4).contains(&head.len()) && text.len() <= 8;
            let year = head.len() == 4 && (1800..=2100).contains(&head.parse::<u32>().unwrap_or(0));
            digits && !year
        }
        // Not the pronoun or the article (`Boeing I think`).
        Kind::Word if text.len() == 1 => text.bytes().all(|b| b.is_ascii_uppercase()) && !matches!(text, "I" | "A"),
        Kind::Word => t.has(flag::HAS_DIGIT) && t.has(flag::HAS_ALPHA) && text.len() <= 8 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
        _ => false,
    }
}

/// A maker or product line whose models are numbered (`data/names/model_makers.txt`)
/// followed by a model number is one `MISC` name with it, as CoNLL-2003 writes aircraft
/// (`Airbus A310`, `Tupolev 154`): `Boeing 737 MAX 9`, `PlayStation 5`, `Windows 11`,
/// whatever the tagger made of the words. The model takes in short numbers, words in
/// capitals and edition words (`data/names/model_editions.txt`) after it (`MAX 9`, `Pixel
/// 6 Pro`), and the name the tagger found around the maker or the capitalised words it
/// left before it (`Apple Watch Series 4`); a number followed by a magnitude or `percent`
/// is an amount, not a model (`Boeing 40 percent`).
pub(super) fn add_models(names: &mut Vec<Name>, doc: &Doc, range: Range<usize>, lowers: &[u64], tagger: &Tagger) {
    let amount_words = ["percent", "per", "%", "million", "billion", "trillion", "thousand", "bn", "mn", "pct"].map(hash::lower);
    let the = hash::lower("the");
    let at = |k: usize| range.start + k;
    let mut k = 0;
    while k + 1 < lowers.len() {
        let t = doc.tokens[at(k)];
        // Written as the list writes it (`iPhone`, not `model`), or in capitals.
        let written = |exact: &u64| *exact == hash::exact(doc.str(at(k))) || t.has(flag::ALL_CAPS);
        let maker = t.kind == Kind::Word && tagger.model_makers.get(&lowers[k]).is_some_and(written);
        let model = maker && is_model_number(doc, at(k + 1)) && !lowers.get(k + 2).is_some_and(|h| amount_words.contains(h));
        if !model {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end + 1 < lowers.len() {
            let next = doc.tokens[at(end + 1)];
            let short_number = next.kind == Kind::Number && doc.str(at(end + 1)).len() <= 3;
            let capitals = next.kind == Kind::Word && next.has(flag::ALL_CAPS) && (2..=4).contains(&doc.str(at(end + 1)).len());
            let edition = next.kind == Kind::Word && next.has(flag::CAPITALISED) && tagger.model_editions.contains(&lowers[end + 1]);
            if !(short_number || capitals || edition) {
                break;
            }
            end += 1;
        }
        // The name the tagger found around the maker is the product's
        // (`Apple Watch Series` + `4`) ...
        let mut start = names.iter().find(|n| n.0 < k && n.1 >= k).map_or(k, |n| n.0 + usize::from(lowers[n.0] == the));
        // ... or the capitalised words before it that the tagger left alone (`the Apple Watch`).
        let untagged_capital = |i: usize| {
            let t = doc.tokens[at(i)];
            t.kind == Kind::Word && t.has(flag::CAPITALISED) && !t.has(flag::SENT_START) && !names.iter().any(|n| n.0 <= i && n.1 >= i)
        };
        if start == k {
            while start > 0 && untagged_capital(start - 1) {
                start -= 1;
            }
        }
        names.retain(|n| n.1 < start || n.0 > end);
        let place = names.iter().position(|n| n.0 > end).unwrap_or(names.len());
        names.insert(place, (start, end, MISC));
        k = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::tagger;

    #[test]
    fn repairs() {
        let t = tagger();
        let low = |text: &str| text.split(' ').map(|w| hash::lower_token(w, w.ends_with('.'))).collect::<Vec<u64>>();
        // One line per case: words, tagger's names, repaired names.
        let cases: &[(&str, &[Name], &[Name])] = &[
            ("from Frankfurt am Main to Vienna", &[(1, 1, LOC), (5, 5, LOC)], &[(1, 3, LOC), (5, 5, LOC)]),
            ("the Turkish Foreign Ministry said", &[(1, 1, MISC), (2, 3, ORG)], &[(1, 3, ORG)]),
            ("the Turkish Airlines said", &[(1, 1, MISC), (2, 2, ORG)], &[(1, 1, MISC), (2, 2, ORG)]),
            ("the Turkish Foreign Ministry said", &[(1, 1, MISC)], &[(1, 3, ORG)]),
            ("the Turkish Foreign Ministry said", &[(1, 1, MISC), (3, 3, ORG)], &[(1, 3, ORG)]),
            ("the Turkish Foreign Ministry said", &[(1, 1, MISC), (2, 2, PER)], &[(1, 1, MISC), (2, 2, PER)]),
            ("Turkish officials at the Ministry", &[(0, 0, MISC)], &[(0, 0, MISC)]),
            ("Frankfurt am Main", &[(0, 0, PER)], &[(0, 0, PER)]),
            ("Capt. Mehmet Yilmaz", &[(0, 2, PER)], &[(1, 2, PER)]),
            ("President Putin", &[(0, 1, PER)], &[(1, 1, PER)]),
            ("President", &[(0, 0, PER)], &[(0, 0, PER)]),
            ("County Coroner William McLaughlin said", &[(0, 3, PER)], &[(2, 3, PER)]),
            ("Frankfurt am Main", &[(0, 0, LOC), (2, 2, LOC)], &[(0, 0, LOC), (2, 2, LOC)]),
            // A lower-case word before a person's name is not part of it, a particle is.
            ("his protege Bobick won", &[(1, 2, PER)], &[(2, 2, PER)]),
            ("met de Gaulle there", &[(1, 2, PER)], &[(1, 2, PER)]),
            ("met barack obama there", &[(1, 2, PER)], &[(1, 2, PER)]),
            // A place before a capitalised title is the place.
            ("led by Oregon Attorney General Dan Rayfield", &[(2, 2, ORG), (5, 6, PER)], &[(2, 2, LOC), (5, 6, PER)]),
            ("led by Oregon coach Dan Rayfield", &[(2, 2, ORG), (4, 5, PER)], &[(2, 2, ORG), (4, 5, PER)]),
            // An index the product list knows keeps its number.
            ("the S&P 500 fell", &[(1, 1, ORG)], &[(1, 2, MISC)]),
        ];
        for (text, before, after) in cases {
            let mut names = before.to_vec();
            let words: Vec<&str> = text.split(' ').collect();
            let caps = |i: usize| words.get(i).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            repair(&mut names, &low(text), caps, t);
            assert_eq!(names, *after, "{text}");
        }
    }

    #[test]
    fn names_trimmed_to_their_words() {
        // One line per case: text (tokens split by spaces), the tagger's name, names pushed.
        let cases: &[(&str, Name, &[Name])] = &[
            ("“ Kovacs ” said", (0, 2, PER), &[(1, 1, PER)]),
            ("Borac 1 Mladost ( L ) 2", (2, 5, ORG), &[(2, 5, ORG)]),
            ("Borac 1 Mladost ( L ) 2", (2, 4, ORG), &[(2, 5, ORG)]),
            ("( champion Lindsay ) Davenport and", (2, 4, PER), &[(2, 2, PER), (4, 4, PER)]),
            ("the ( Acme ) Corp", (2, 3, ORG), &[(2, 2, ORG)]),
            ("“ ” said", (0, 1, PER), &[]),
        ];
        for &(text, name, after) in cases {
            let doc = Doc::new(text);
            let mut out = Vec::new();
            push_trimmed(&doc, name, doc.tokens.len(), &mut out);
            assert_eq!(out, after, "{text}");
        }
    }
}
