//! The renderer: fills a page element with a text as text nodes and `<mark>` elements
//! (and quotes as `<span class="quote">` around the marks they contain), so that user
//! text is never parsed as HTML.

use super::js_error;
use crate::Label;
use serde::Deserialize;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// What the renderer reads of each entity (`analyze`'s entity objects).
#[derive(Deserialize)]
struct RenderEntity {
    start: usize,
    end: usize,
    label: Label,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    value: Option<Json>,
    #[serde(default)]
    group: Option<usize>,
}

/// What `render` reads of the analysis: `{entities: [...]}`.
#[derive(Deserialize)]
struct RenderInput {
    entities: Vec<RenderEntity>,
}

/// Where a slice of a longer text starts: `{base, first}`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Slice {
    /// UTF-16 offset of the rendered text inside the full text (entity offsets are
    /// offsets in the full text).
    base: usize,
    /// Index of `entities[0]` in the full list of entities (written as `data-i`).
    first: usize,
}

/// The words a screen reader says for a label.
fn spoken(label: Label) -> &'static str {
    match label {
        Label::Person => "person",
        Label::Org => "organisation",
        Label::Loc => "place",
        Label::Misc => "other name",
        Label::Date => "date",
        Label::Time => "time",
        Label::Duration => "duration",
        Label::Set => "repeated time",
        Label::Money => "money",
        Label::Percent => "percentage",
        Label::Quantity => "quantity",
        Label::Quote => "quote",
        Label::Source => "source",
    }
}

/// `2500000000` → `2,500,000,000`; `1234.5` → `1,234.5`; exponent forms stay as they are.
fn group_digits(number: &str) -> String {
    if number.contains(['e', 'E']) {
        return number.to_string();
    }
    let (sign, rest) = number.strip_prefix('-').map_or(("", number), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(number.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A short human reading of a value, for tooltips and accessible names:
/// `2,500,000,000 USD`, `32.5%`, `2017-12 (2017-12-01 to 2017-12-31)`, `said by Ayla Demirci`.
pub(super) fn describe(label: Label, value: &Json) -> String {
    let text = |k: &str| -> Option<String> {
        match value.get(k)? {
            Json::String(s) => Some(s.clone()),
            Json::Number(n) => Some(group_digits(&n.to_string())),
            _ => None,
        }
    };
    match label {
        Label::Money | Label::Percent | Label::Quantity => {
            let unit = match text("currency").or_else(|| text("unit")).as_deref() {
                Some("percent") => "%".to_string(),
                Some("percentage_point") => " percentage points".to_string(),
                Some(u) => format!(" {u}"),
                None => String::new(),
            };
            let amount = match (text("amount"), text("min"), text("max")) {
                (Some(a), _, _) => format!("{a}{unit}"),
                (None, Some(lo), Some(hi)) => format!("{lo} to {hi}{unit}"),
                (None, Some(lo), None) => format!("at least {lo}{unit}"),
                (None, None, Some(hi)) => format!("at most {hi}{unit}"),
                _ => return String::new(),
            };
            match text("qualifier") {
                Some(q) => format!("{q} {amount}"),
                None => amount,
            }
        }
        Label::Quote | Label::Source => {
            let anonymous = value.get("anonymous").and_then(Json::as_bool).unwrap_or(false);
            match (text("speaker"), anonymous) {
                (Some(s), true) => format!("anonymous source: {s}"),
                (None, true) => "anonymous source".to_string(),
                (Some(s), false) => format!("said by {s}"),
                (None, false) => String::new(),
            }
        }
        _ => {
            let timex = text("timex").unwrap_or_default();
            match (text("start"), text("end")) {
                (Some(s), Some(e)) if s != e => format!("{timex} ({s} to {e})"),
                (Some(s), _) if s != timex => format!("{timex} ({s})"),
                _ => timex,
            }
        }
    }
}

/// Converts increasing UTF-16 offsets of `text` to byte offsets with one forward scan.
struct Utf16Cursor<'a> {
    text: &'a str,
    unit: usize,
    byte: usize,
}

impl<'a> Utf16Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Cursor { text, unit: 0, byte: 0 }
    }

    /// The byte offset of UTF-16 offset `unit` (rounded down to a char boundary; past
    /// the end → the text's length). Going backwards restarts the scan.
    fn byte_at(&mut self, unit: usize) -> usize {
        if unit < self.unit {
            self.unit = 0;
            self.byte = 0;
        }
        for c in self.text[self.byte..].chars() {
            let next = self.unit + c.len_utf16();
            if next > unit {
                break;
            }
            self.unit = next;
            self.byte += c.len_utf8();
        }
        self.byte
    }
}

/// Fills `container` with `text` as text nodes, wrapping each entity of `analysis` (the
/// object `analyze` returned, or `{entities}` with some of them) in a focusable
/// `<mark class="ent" data-label=LABEL data-i=INDEX data-group=G role="button">` whose
/// accessible name says what it is and whose tooltip is the normalised value. Quotes and
/// sources become `<span class="quote">` around the marks they contain; entities that
/// overlap an earlier one are skipped. `slice` (`{base, first}`, optional) renders part
/// of a longer text: `text` starts at UTF-16 offset `base` of the full text and
/// `analysis.entities[0]` is entity number `first`; an entity that begins before `base`
/// is shown from the slice's start. Returns the number of marks.
#[wasm_bindgen]
pub fn render(container: &Element, text: &str, analysis: JsValue, slice: JsValue) -> Result<u32, JsValue> {
    let input: RenderInput = serde_wasm_bindgen::from_value(analysis).map_err(|e| js_error(format!("textlens: bad analysis: {e}")))?;
    let slice: Slice = if slice.is_undefined() || slice.is_null() {
        Slice::default()
    } else {
        serde_wasm_bindgen::from_value(slice).map_err(|e| js_error(format!("textlens: bad slice: {e}")))?
    };
    let document = container.owner_document().ok_or_else(|| js_error("textlens: container has no document".into()))?;
    let fragment: Node = document.create_document_fragment().into();
    let mut writer = Writer { document: &document, text, pos: 0, stack: vec![(usize::MAX, fragment.clone())] };
    let mut cursor = Utf16Cursor::new(text);
    let mut templates = Templates::default();
    let mut marks = 0u32;
    for (i, e) in input.entities.iter().enumerate() {
        // An entity that begins in an earlier slice and runs into this one starts at 0 here.
        let start16 = e.start.saturating_sub(slice.base);
        let Some(end16) = e.end.checked_sub(slice.base) else {
            continue;
        };
        let start = cursor.byte_at(start16);
        let end = cursor.byte_at(end16);
        if start < writer.pos || start >= end {
            continue; // overlaps what is already written, or empty
        }
        writer.close_until(start)?;
        writer.text_to(start)?;
        let el = element_for(&document, &mut templates, e, &text[start..end], slice.first + i)?;
        writer.top().append_child(&el)?;
        if e.label.is_container() {
            // A container never outlives the one it is in.
            let end = end.min(writer.stack[writer.stack.len() - 1].0);
            writer.stack.push((end, el.into()));
        } else {
            writer.stack.push((end, el.into()));
            writer.text_to(end)?;
            writer.stack.pop();
            marks += 1;
        }
    }
    writer.close_until(usize::MAX)?;
    writer.text_to(text.len())?;
    container.set_text_content(None);
    container.append_child(&fragment)?;
    Ok(marks)
}

/// One empty element per label with the attributes every element of that label shares,
/// cloned for each entity (one call instead of several).
#[derive(Default)]
struct Templates {
    made: Vec<(Label, Element)>,
}

impl Templates {
    fn get(&mut self, document: &Document, label: Label) -> Result<Element, JsValue> {
        if let Some((_, el)) = self.made.iter().find(|(l, _)| *l == label) {
            return Ok(el.clone_node()?.unchecked_into());
        }
        let el = if label.is_container() {
            let el = document.create_element("span")?;
            el.set_attribute("class", "quote")?;
            el.set_attribute("tabindex", "-1")?;
            el
        } else {
            let el = document.create_element("mark")?;
            el.set_attribute("class", "ent")?;
            el.set_attribute("role", "button")?;
            el.set_attribute("tabindex", "-1")?;
            el
        };
        el.set_attribute("data-label", label.as_str())?;
        let copy = el.clone_node()?.unchecked_into();
        self.made.push((label, el));
        Ok(copy)
    }
}

/// The element for one entity, without its content.
fn element_for(document: &Document, templates: &mut Templates, e: &RenderEntity, text: &str, index: usize) -> Result<Element, JsValue> {
    let label = e.label;
    let tip = e.value.as_ref().map(|v| describe(label, v)).unwrap_or_default();
    let el = templates.get(document, label)?;
    if label.is_container() {
        if let Some(v) = &e.value {
            let anonymous = v.get("anonymous").and_then(Json::as_bool).unwrap_or(false);
            let speaker = v.get("speaker").and_then(Json::as_str);
            let who = match (speaker, anonymous) {
                (_, true) => "anonymous",
                (Some(s), false) => s,
                (None, false) => "speaker unknown",
            };
            el.set_attribute("data-who", who)?;
        }
    } else {
        let shown = e.text.as_deref().unwrap_or(text);
        let name = if tip.is_empty() { format!("{shown}, {}", spoken(label)) } else { format!("{shown}, {}, {tip}", spoken(label)) };
        el.set_attribute("aria-label", &name)?;
    }
    el.set_attribute("data-i", &index.to_string())?;
    if let Some(g) = e.group {
        el.set_attribute("data-group", &g.to_string())?;
    }
    if !tip.is_empty() {
        el.set_attribute("title", &tip)?;
    }
    Ok(el)
}

/// Writes text nodes into a stack of open elements.
struct Writer<'a> {
    document: &'a Document,
    text: &'a str,
    /// Bytes of `text` written so far.
    pos: usize,
    /// Open elements with the byte offset where each ends; the root never closes.
    stack: Vec<(usize, Node)>,
}

impl Writer<'_> {
    /// The innermost open element.
    fn top(&self) -> &Node {
        &self.stack[self.stack.len() - 1].1
    }

    /// Writes the text up to byte `to` into the innermost open element.
    fn text_to(&mut self, to: usize) -> Result<(), JsValue> {
        let to = to.min(self.text.len());
        if to > self.pos {
            let node = self.document.create_text_node(&self.text[self.pos..to]);
            self.top().append_child(&node)?;
            self.pos = to;
        }
        Ok(())
    }

    /// Closes every open container that ends at or before `at`, writing its remaining text.
    fn close_until(&mut self, at: usize) -> Result<(), JsValue> {
        while self.stack.len() > 1 && self.stack[self.stack.len() - 1].0 <= at {
            let close = self.stack[self.stack.len() - 1].0;
            self.text_to(close)?;
            self.stack.pop();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm::analyze;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn describes_values() {
        let cases: &[(Label, &str, &str)] = &[
            (Label::Money, r#"{"amount":2500000000,"currency":"USD"}"#, "2,500,000,000 USD"),
            (Label::Money, r#"{"min":5000000,"max":10000000,"currency":"EUR"}"#, "5,000,000 to 10,000,000 EUR"),
            (Label::Money, r#"{"amount":1200000000,"currency":"USD","qualifier":"about"}"#, "about 1,200,000,000 USD"),
            (Label::Money, r#"{"amount":-0.5,"currency":"GBP"}"#, "-0.5 GBP"),
            (Label::Percent, r#"{"amount":32.5,"unit":"percent"}"#, "32.5%"),
            (Label::Percent, r#"{"amount":250,"unit":"percentage_point"}"#, "250 percentage points"),
            (Label::Quantity, r#"{"amount":10000,"unit":"barrel"}"#, "10,000 barrel"),
            (Label::Date, r#"{"timex":"2017-08-01","start":"2017-08-01","end":"2017-08-01"}"#, "2017-08-01"),
            (Label::Date, r#"{"timex":"2017-12","start":"2017-12-01","end":"2017-12-31"}"#, "2017-12 (2017-12-01 to 2017-12-31)"),
            (Label::Date, r#"{"timex":"XXXX-08-01"}"#, "XXXX-08-01"),
            (Label::Duration, r#"{"timex":"P18M"}"#, "P18M"),
            (Label::Quote, r#"{"speaker":"Ayla Demirci","verb":"said","anonymous":false}"#, "said by Ayla Demirci"),
            (Label::Source, r#"{"speaker":"officials","verb":"said","anonymous":true}"#, "anonymous source: officials"),
            (Label::Quote, r#"{"speaker":null,"verb":null,"anonymous":false}"#, ""),
            (Label::Money, r#"{}"#, ""),
        ];
        for (label, json, want) in cases {
            let value: Json = serde_json::from_str(json).unwrap();
            assert_eq!(describe(*label, &value), *want, "{json}");
        }
    }

    #[wasm_bindgen_test]
    fn groups_digits() {
        for (n, want) in [("0", "0"), ("999", "999"), ("1000", "1,000"), ("-1234567.25", "-1,234,567.25"), ("1.2e21", "1.2e21")] {
            assert_eq!(group_digits(n), want);
        }
    }

    #[wasm_bindgen_test]
    fn utf16_cursor_scans_forward_and_back() {
        let text = "a😀bé";
        let mut c = Utf16Cursor::new(text);
        assert_eq!([c.byte_at(0), c.byte_at(1), c.byte_at(3), c.byte_at(4), c.byte_at(99)], [0, 1, 5, 6, 8]);
        assert_eq!(c.byte_at(2), 1, "inside a surrogate pair rounds down");
        assert_eq!(c.byte_at(3), 5);
    }

    fn document() -> Option<Document> {
        web_sys::window().and_then(|w| w.document())
    }

    fn plain_text(el: &Element) -> String {
        el.text_content().unwrap_or_default()
    }

    #[wasm_bindgen_test]
    fn render_builds_text_nodes_and_marks() {
        let Some(document) = document() else {
            return; // under node there is no DOM; the browser run covers this
        };
        let div = document.create_element("div").unwrap();
        let text = "<b>Ankara</b> paid $5 & more.";
        let analysis = analyze(text, JsValue::UNDEFINED).unwrap();
        let marks = render(&div, text, analysis, JsValue::UNDEFINED).unwrap();
        assert!(marks >= 2);
        assert_eq!(div.query_selector("b").unwrap(), None, "user text is never HTML");
        let money = div.query_selector("mark[data-label=MONEY]").unwrap().unwrap();
        assert_eq!(money.get_attribute("title").as_deref(), Some("5 USD"));
        assert_eq!(money.get_attribute("aria-label").as_deref(), Some("$5, money, 5 USD"));
        assert_eq!(money.get_attribute("role").as_deref(), Some("button"));
        assert_eq!(plain_text(&div), text, "the text, and only the text");
    }

    /// An analysis object from JSON (as `analyze` would give it).
    fn parse(json: &str) -> JsValue {
        js_sys::JSON::parse(json).unwrap()
    }

    #[wasm_bindgen_test]
    fn quotes_wrap_the_marks_they_contain() {
        let Some(document) = document() else { return };
        let div = document.create_element("div").unwrap();
        // “Go to Paris,” Ann Lee said. 0..14 quote, 7..12 LOC, 16..23 PERSON.
        let text = "\u{201c}Go to Paris,\u{201d} Ann Lee said.";
        let analysis = parse(
            r#"{"entities":[
              {"start":0,"end":14,"label":"QUOTE","value":{"speaker":"Ann Lee","speaker_span":{"start":15,"end":22},"verb":"said","anonymous":false}},
              {"start":7,"end":12,"label":"LOC","text":"Paris","group":0},
              {"start":15,"end":22,"label":"PERSON","text":"Ann Lee","group":1}]}"#,
        );
        assert_eq!(render(&div, text, analysis, JsValue::UNDEFINED).unwrap(), 2);
        let quote = div.query_selector(".quote").unwrap().unwrap();
        assert_eq!(quote.get_attribute("data-who").as_deref(), Some("Ann Lee"));
        assert_eq!(plain_text(&quote), "\u{201c}Go to Paris,\u{201d}");
        assert!(quote.query_selector("mark[data-label=LOC]").unwrap().is_some(), "the place is inside the quote");
        assert!(quote.query_selector("mark[data-label=PERSON]").unwrap().is_none(), "the speaker is outside");
        assert_eq!(plain_text(&div), text);
    }

    #[wasm_bindgen_test]
    fn bad_spans_are_skipped_not_fatal() {
        let Some(document) = document() else { return };
        let div = document.create_element("div").unwrap();
        let text = "Ann Lee met Bo in Rome.";
        // Overlapping, reversed, out-of-range, a quote ending past the text, nested quotes.
        let analysis = parse(
            r#"{"entities":[
              {"start":0,"end":40,"label":"QUOTE"},
              {"start":0,"end":7,"label":"PERSON"},
              {"start":0,"end":12,"label":"QUOTE"},
              {"start":4,"end":9,"label":"PERSON"},
              {"start":9,"end":3,"label":"ORG"},
              {"start":12,"end":14,"label":"PERSON"},
              {"start":18,"end":22,"label":"LOC"},
              {"start":30,"end":35,"label":"LOC"}]}"#,
        );
        let marks = render(&div, text, analysis, JsValue::UNDEFINED).unwrap();
        assert_eq!(marks, 3);
        assert_eq!(plain_text(&div), text);
        assert!(render(&div, text, parse(r#"{"nope":1}"#), JsValue::UNDEFINED).is_err());
        assert!(render(&div, text, parse(r#"{"entities":[{"start":0,"end":1,"label":"NOPE"}]}"#), JsValue::UNDEFINED).is_err());
    }

    #[wasm_bindgen_test]
    fn slices_of_a_longer_text() {
        let Some(document) = document() else { return };
        let div = document.create_element("div").unwrap();
        // The full text is "😀 Rome. Ann Lee met Bo."; this slice starts at UTF-16 offset 9.
        let text = "Ann Lee met Bo.";
        let analysis = parse(r#"{"entities":[{"start":3,"end":7,"label":"LOC"},{"start":9,"end":16,"label":"PERSON","group":4}]}"#);
        render(&div, text, analysis, parse(r#"{"base":9,"first":7}"#)).unwrap();
        assert_eq!(div.child_element_count(), 1, "an entity that ends before the slice is not shown");
        let mark = div.query_selector("mark").unwrap().unwrap();
        assert_eq!(plain_text(&mark), "Ann Lee");
        assert_eq!(mark.get_attribute("data-i").as_deref(), Some("8"));
        assert_eq!(mark.get_attribute("data-group").as_deref(), Some("4"));
        assert_eq!(plain_text(&div), text);
        // A quote that began in the slice before runs on into this one.
        let analysis = parse(r#"{"entities":[{"start":5,"end":13,"label":"QUOTE"},{"start":9,"end":12,"label":"PERSON"}]}"#);
        render(&div, text, analysis, parse(r#"{"base":9,"first":0}"#)).unwrap();
        let quote = div.query_selector(".quote").unwrap().unwrap();
        assert_eq!(plain_text(&quote), "Ann ");
        assert_eq!(plain_text(&div), text);
    }
}
