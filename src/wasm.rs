//! The JavaScript boundary: `analyze` for JS callers (offsets in UTF-16 code units) and
//! `render`, which fills a page element with the text and `<mark>` elements. The only
//! module that knows about JavaScript; user text only ever becomes DOM text nodes.

use crate::analysis::OffsetUnit;
use crate::{analyze as analyze_text, Date, LabelSet, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node};

/// Options as JavaScript passes them: `{date: "2017-08-01", dayFirst: true, labels: ["PERSON"]}`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    date: Option<String>,
    day_first: bool,
    labels: Option<Vec<String>>,
}

fn js_error(msg: String) -> JsValue {
    js_sys::Error::new(&msg).into()
}

fn options_from_js(options: JsValue) -> Result<Options, JsValue> {
    let js: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| js_error(format!("textlens: bad options: {e}")))?
    };
    let reference_date = match js.date.as_deref().map(str::trim) {
        Some("") => None,
        Some(s) => Some(Date::parse_iso(s).ok_or_else(|| js_error(format!("textlens: bad date {s:?}, expected YYYY-MM-DD")))?),
        None => today_local(),
    };
    let labels = match js.labels {
        Some(names) => LabelSet::parse_list(&names.join(",")).map_err(|e| js_error(format!("textlens: {e}")))?,
        None => LabelSet::all(),
    };
    Ok(Options { reference_date, day_first: js.day_first, labels })
}

fn today_local() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
}

/// Analyses `text` and returns `{entities: [{start, end, label, text, value?, group?}],
/// groups: [{label, canonical, mentions}]}` with offsets in UTF-16 code units, as
/// `String.prototype.slice` uses them. `options`: `{date?: "YYYY-MM-DD" (default: today;
/// "" for none), dayFirst?: boolean, labels?: string[]}`.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from_js(options)?;
    let analysis = analyze_text(text, &options);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.view(OffsetUnit::Utf16).serialize(&serializer).map_err(|e| js_error(e.to_string()))
}

/// The same as [`analyze`] but returns the result as a JSON string.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str, options: JsValue) -> Result<String, JsValue> {
    let options = options_from_js(options)?;
    let analysis = analyze_text(text, &options);
    serde_json::to_string(&analysis.view(OffsetUnit::Utf16)).map_err(|e| js_error(e.to_string()))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// What `render` reads of each entity.
#[derive(Deserialize)]
struct RenderEntity {
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    value: Option<serde_json::Value>,
    #[serde(default)]
    group: Option<usize>,
}

#[derive(Deserialize)]
struct RenderInput {
    entities: Vec<RenderEntity>,
}

/// A short human reading of a value, for tooltips: `2500000000 USD`, `2017-08-01`.
fn describe(label: &str, value: &serde_json::Value) -> String {
    let field = |k: &str| value.get(k).map(|v| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    match label {
        "MONEY" | "PERCENT" | "QUANTITY" => {
            let unit = field("currency").or_else(|| field("unit")).unwrap_or_default();
            let unit = if unit == "percent" { "%".to_string() } else { format!(" {unit}") };
            match (field("amount"), field("min"), field("max")) {
                (Some(a), _, _) => format!("{a}{unit}"),
                (None, Some(lo), Some(hi)) => format!("{lo}–{hi}{unit}"),
                _ => String::new(),
            }
        }
        "QUOTE" | "SOURCE" => field("speaker").filter(|s| s != "null").map(|s| format!("said by {s}")).unwrap_or_default(),
        _ => {
            let timex = field("timex").unwrap_or_default();
            match (field("start"), field("end")) {
                (Some(s), Some(e)) if s != e => format!("{timex} ({s} to {e})"),
                _ => timex,
            }
        }
    }
}

/// UTF-16 offset → byte offset of `text` (rounding down to a char boundary).
fn byte_at_utf16(text: &str, unit: usize) -> usize {
    let mut u = 0;
    for (b, c) in text.char_indices() {
        if u >= unit {
            return b;
        }
        u += c.len_utf16();
    }
    text.len()
}

/// Fills `container` with `text` as text nodes, wrapping each entity of `analysis` (the
/// object [`analyze`] returned) in `<mark class="ent" data-label=LABEL>` with a visible
/// label badge and the value as a tooltip. Quotes and sources become
/// `<span class="quote">` around the marks they contain. Returns the number of marks.
#[wasm_bindgen]
pub fn render(container: &Element, text: &str, analysis: JsValue) -> Result<u32, JsValue> {
    let input: RenderInput = serde_wasm_bindgen::from_value(analysis).map_err(|e| js_error(format!("textlens: bad analysis: {e}")))?;
    let document = container.owner_document().ok_or_else(|| js_error("textlens: container has no document".into()))?;
    let fragment = document.create_document_fragment();
    // Stack of open containers (quotes): (end offset in bytes, element).
    let mut stack: Vec<(usize, Node)> = vec![(usize::MAX, fragment.clone().into())];
    let mut pos = 0usize; // bytes written so far
    let mut marks = 0u32;
    let mut cursor16 = (0usize, 0usize); // (utf16, byte) of the last conversion, to scan forward only
    let mut to_byte = |unit: usize| -> usize {
        if unit < cursor16.0 {
            cursor16 = (0, 0);
        }
        let b = cursor16.1 + byte_at_utf16(&text[cursor16.1..], unit - cursor16.0);
        cursor16 = (unit, b);
        b
    };
    for e in &input.entities {
        let start = to_byte(e.start).max(pos);
        let end = to_byte(e.end);
        if start >= end || end > text.len() {
            continue;
        }
        // Close containers that end before this entity starts.
        while stack.len() > 1 && stack.last().is_some_and(|(close, _)| *close <= start) {
            let (close, _) = stack.pop().expect("len > 1");
            append_text(&document, &stack.last().expect("root").1, &text[pos..close])?;
            pos = close;
        }
        let parent = stack.last().expect("root").1.clone();
        append_text(&document, &parent, &text[pos..start])?;
        pos = start;
        let is_container = e.label == "QUOTE" || e.label == "SOURCE";
        let el = document.create_element(if is_container { "span" } else { "mark" })?;
        el.set_attribute("class", if is_container { "quote" } else { "ent" })?;
        el.set_attribute("data-label", &e.label)?;
        if let Some(g) = e.group {
            el.set_attribute("data-group", &g.to_string())?;
        }
        let tip = e.value.as_ref().map(|v| describe(&e.label, v)).unwrap_or_default();
        if !tip.is_empty() {
            el.set_attribute("title", &tip)?;
        }
        parent.append_child(&el)?;
        if is_container {
            stack.push((end, el.into()));
        } else {
            append_text(&document, &el, &text[start..end])?;
            let badge = document.create_element("span")?;
            badge.set_attribute("class", "badge")?;
            badge.set_text_content(Some(&e.label));
            el.append_child(&badge)?;
            pos = end;
            marks += 1;
        }
    }
    while let Some((close, _)) = stack.pop() {
        let close = close.min(text.len());
        if let Some((_, parent)) = stack.last() {
            append_text(&document, parent, &text[pos..close])?;
            pos = close;
        }
    }
    append_text(&document, &fragment.clone().into(), &text[pos..])?;
    container.set_text_content(None);
    container.append_child(&fragment)?;
    Ok(marks)
}

fn append_text(document: &Document, parent: &Node, s: &str) -> Result<(), JsValue> {
    if !s.is_empty() {
        parent.append_child(&document.create_text_node(s))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn get(v: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(v, &JsValue::from_str(key)).expect("property")
    }

    fn entities(text: &str, options: JsValue) -> Vec<(String, String, usize, usize)> {
        let result = analyze(text, options).expect("analyze");
        let list: js_sys::Array = get(&result, "entities").into();
        list.iter()
            .map(|e| {
                (
                    get(&e, "label").as_string().unwrap(),
                    get(&e, "text").as_string().unwrap(),
                    get(&e, "start").as_f64().unwrap() as usize,
                    get(&e, "end").as_f64().unwrap() as usize,
                )
            })
            .collect()
    }

    fn options(json: &str) -> JsValue {
        js_sys::JSON::parse(json).unwrap()
    }

    #[wasm_bindgen_test]
    fn analyze_returns_plain_objects_with_values() {
        let result = analyze("They paid $2.5 billion.", options(r#"{"date":"2017-08-01"}"#)).unwrap();
        let list: js_sys::Array = get(&result, "entities").into();
        let money = list.iter().find(|e| get(e, "label").as_string().as_deref() == Some("MONEY")).expect("money");
        let value = get(&money, "value");
        assert_eq!(get(&value, "amount").as_f64(), Some(2_500_000_000.0));
        assert_eq!(get(&value, "currency").as_string().as_deref(), Some("USD"));
    }

    #[wasm_bindgen_test]
    fn offsets_are_utf16_units() {
        // The emoji is two UTF-16 units, the flag four; JS slices must match.
        let text = "😀 Erdoğan 🇹🇷 met Pentagon spokesman Johnny Michael in Ankara.";
        let js_text = JsValue::from_str(text);
        let found = entities(text, JsValue::UNDEFINED);
        assert!(found.iter().any(|(l, t, _, _)| l == "LOC" && t == "Ankara"));
        for (_, t, start, end) in found {
            let sliced = js_sys::JsString::from(js_text.clone()).slice(start as u32, end as u32);
            assert_eq!(String::from(sliced), t);
        }
    }

    #[wasm_bindgen_test]
    fn bad_options_throw_instead_of_trapping() {
        assert!(analyze("x", options(r#"{"date":"2017-13-45"}"#)).is_err());
        assert!(analyze("x", options(r#"{"labels":["NOPE"]}"#)).is_err());
        assert!(analyze("x", options(r#"{"dayFirst":"yes"}"#)).is_err());
        let only_money = entities("Turkey paid $5.", options(r#"{"labels":["MONEY"]}"#));
        assert!(only_money.iter().all(|(l, ..)| l == "MONEY") && !only_money.is_empty());
    }

    #[wasm_bindgen_test]
    fn lone_surrogates_do_not_trap() {
        // A JS string with a lone surrogate arrives as U+FFFD: still one UTF-16 unit.
        let s: String = js_sys::JsString::from_char_code1(0xD800).into();
        let text = format!("{s} Paid $5 in Ankara.");
        let found = entities(&text, JsValue::UNDEFINED);
        assert!(found.iter().any(|(l, t, start, _)| l == "MONEY" && t == "$5" && *start == 7));
    }

    #[wasm_bindgen_test]
    fn render_builds_text_nodes_and_marks() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return; // under node there is no DOM; the browser run covers this
        };
        let div = document.create_element("div").unwrap();
        let text = "<b>Ankara</b> paid $5 & more.";
        let analysis = analyze(text, JsValue::UNDEFINED).unwrap();
        let marks = render(&div, text, analysis).unwrap();
        assert!(marks >= 2);
        assert_eq!(div.query_selector("b").unwrap(), None, "user text is never HTML");
        let money = div.query_selector("mark[data-label=MONEY]").unwrap().unwrap();
        assert_eq!(money.get_attribute("title").as_deref(), Some("5 USD"));
        let badge_free: String = div.text_content().unwrap().replace("LOC", "").replace("MONEY", "");
        assert_eq!(badge_free, text);
    }
}
