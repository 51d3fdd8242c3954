//! The JavaScript boundary: `analyze` for JS callers (offsets in UTF-16 code units), the
//! CLI's exact JSON for exports, and `render`, which fills a page element with the text
//! and `<mark>` elements. The only module that knows about JavaScript; user text only
//! ever becomes DOM text nodes.

mod render;

use crate::analysis::OffsetUnit;
use crate::{analyze as analyze_text, Analysis, Date, Label, LabelSet, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;


/// Options as JavaScript passes them: `{date: "2017-08-01", dayFirst: true, labels: ["PERSON"]}`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    date: Option<String>,
    day_first: bool,
    labels: Option<Vec<String>>,
}

/// A JavaScript `Error` with `msg`.
fn js_error(msg: String) -> JsValue {
    js_sys::Error::new(&msg).into()
}

/// Reads the JS options object (`undefined`/`null` = defaults).
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

/// Today in the browser's time zone.
fn today_local() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
}

/// Runs the core on `text` with the JS options.
fn run(text: &str, options: JsValue) -> Result<Analysis, JsValue> {
    let options = options_from_js(options)?;
    Ok(analyze_text(text, &options))
}

/// Analyses `text` and returns `{entities: [{start, end, label, text, value?, group?}],
/// groups: [{label, canonical, mentions}], truncated_at?}` with offsets in UTF-16 code
/// units, as `String.prototype.slice` uses them. `options`: `{date?: "YYYY-MM-DD"
/// (default: today; "" for none), dayFirst?: boolean, labels?: string[]}`.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let analysis = run(text, options)?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.view(OffsetUnit::Utf16).serialize(&serializer).map_err(|e| js_error(e.to_string()))
}

/// The same as [`analyze`] but returns the result as one JSON string (for `JSON.parse`).
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str, options: JsValue) -> Result<String, JsValue> {
    let analysis = run(text, options)?;
    serde_json::to_string(&analysis.view(OffsetUnit::Utf16)).map_err(|e| js_error(e.to_string()))
}

/// Exactly what the command-line tool prints for `text` with the same options
/// (`textlens --date D [--day-first] [--labels L]`), without the final newline:
/// `{"entities": [...], "groups": [...]}` with offsets in Unicode code points.
#[wasm_bindgen(js_name = cliJson)]
pub fn cli_json(text: &str, options: JsValue) -> Result<String, JsValue> {
    let analysis = run(text, options)?;
    serde_json::to_string(&analysis.view(OffsetUnit::Chars)).map_err(|e| js_error(e.to_string()))
}

/// Marks the end of a list of entity fields in [`analyze_compact`]'s `spans`: no group.
const NO_GROUP: u32 = u32::MAX;

/// What [`analyze_compact`] puts beside the spans: the values and the groups.
#[derive(Serialize)]
struct CompactMeta<'a> {
    /// `[entity index, entity]` for each entity that has a value (the entity as [`analyze`]
    /// gives it, so its `value` is in the same form).
    values: Vec<(usize, crate::EntityView<'a>)>,
    /// The mention groups, as in [`analyze`].
    groups: &'a [crate::Group],
    /// Set when the input was cut at [`crate::MAX_INPUT_BYTES`] (bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    truncated_at: Option<usize>,
}

/// The same analysis as [`analyze`] in a compact form: `{spans: Uint32Array, meta: string}`
/// where `spans` holds four numbers per entity — UTF-16 start, end, label index (in the
/// order of `labels()`), group index (`0xFFFFFFFF` for none) — and `meta` is a JSON
/// string `{values: [[entity index, entity], ...], groups: [...], truncated_at?}` where
/// `values` lists the entities that have a value (each as [`analyze`] gives it).
/// An entity's text is `text.slice(start, end)`.
#[wasm_bindgen(js_name = analyzeCompact)]
pub fn analyze_compact(text: &str, options: JsValue) -> Result<js_sys::Object, JsValue> {
    let analysis = run(text, options)?;
    let mut spans = Vec::with_capacity(analysis.entities.len() * 4);
    let mut values = Vec::new();
    for (i, e) in analysis.entities.iter().enumerate() {
        let span = e.span.utf16;
        let label = Label::ALL.iter().position(|&l| l == e.label).unwrap_or(0);
        spans.extend([span.start as u32, span.end as u32, label as u32, e.group.map_or(NO_GROUP, |g| g as u32)]);
        if e.value.is_some() {
            values.push((i, e.view(OffsetUnit::Utf16)));
        }
    }
    let meta = CompactMeta { values, groups: &analysis.groups, truncated_at: analysis.truncated_at };
    let meta = serde_json::to_string(&meta).map_err(|e| js_error(e.to_string()))?;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"spans".into(), &js_sys::Uint32Array::from(spans.as_slice()))?;
    js_sys::Reflect::set(&out, &"meta".into(), &meta.into())?;
    Ok(out)
}

/// A reader's text for an entity's value, as the tooltips show it: `2,500,000,000 USD`,
/// `32.5%`, `2017-12 (2017-12-01 to 2017-12-31)`, `said by Ayla Demirci`; `""` when there
/// is nothing to say or the label is unknown.
#[wasm_bindgen(js_name = describeValue)]
pub fn describe_value(label: &str, value: JsValue) -> String {
    let (Some(label), Ok(value)) = (Label::parse(label), serde_wasm_bindgen::from_value::<serde_json::Value>(value)) else {
        return String::new();
    };
    render::describe(label, &value)
}

/// The label names in the order [`analyze_compact`] numbers them.
#[wasm_bindgen]
pub fn labels() -> Vec<String> {
    Label::ALL.iter().map(|l| l.as_str().to_string()).collect()
}

/// The longest input analysed, in UTF-8 bytes; longer input is cut there and the result
/// says `truncated_at`.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> u32 {
    crate::MAX_INPUT_BYTES as u32
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
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
    fn the_three_forms_agree() {
        let text = "😀 Pentagon spokesman Johnny Michael said Turkey paid $2.5 billion in Ankara on Aug. 1.";
        let opts = r#"{"date":"2017-08-04"}"#;
        let objects = js_sys::JSON::stringify(&analyze(text, options(opts)).unwrap()).unwrap();
        let json = analyze_json(text, options(opts)).unwrap();
        assert_eq!(String::from(objects), json, "objects and JSON string");
        let compact = analyze_compact(text, options(opts)).unwrap();
        let spans: Vec<u32> = js_sys::Uint32Array::from(get(&compact, "spans")).to_vec();
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        let list = parsed["entities"].as_array().unwrap();
        assert_eq!(spans.len(), list.len() * 4);
        let names = labels();
        for (i, e) in list.iter().enumerate() {
            assert_eq!(spans[i * 4] as u64, e["start"].as_u64().unwrap());
            assert_eq!(spans[i * 4 + 1] as u64, e["end"].as_u64().unwrap());
            assert_eq!(names[spans[i * 4 + 2] as usize], e["label"].as_str().unwrap());
            assert_eq!(e.get("group").and_then(|g| g.as_u64()).map_or(NO_GROUP, |g| g as u32), spans[i * 4 + 3]);
        }
        let meta: serde_json::Value = serde_json::from_str(&get(&compact, "meta").as_string().unwrap()).unwrap();
        assert_eq!(meta["groups"], parsed["groups"]);
        let with_values = list.iter().filter(|e| e.get("value").is_some()).count();
        assert_eq!(meta["values"].as_array().unwrap().len(), with_values);
        for pair in meta["values"].as_array().unwrap() {
            let i = pair[0].as_u64().unwrap() as usize;
            assert_eq!(pair[1], list[i]);
        }
    }

    #[wasm_bindgen_test]
    fn cli_json_uses_code_points() {
        let text = "😀 Paid $5 in Ankara.";
        let json: serde_json::Value = serde_json::from_str(&cli_json(text, options(r#"{"date":"2017-08-04"}"#)).unwrap()).unwrap();
        let money = json["entities"].as_array().unwrap().iter().find(|e| e["label"] == "MONEY").unwrap();
        assert_eq!((money["start"].as_u64(), money["end"].as_u64()), (Some(7), Some(9)));
    }

    #[wasm_bindgen_test]
    fn describes_values_for_the_panel() {
        assert_eq!(describe_value("MONEY", options(r#"{"amount":2500000000,"currency":"USD"}"#)), "2,500,000,000 USD");
        assert_eq!(describe_value("money", options(r#"{"amount":5,"currency":"EUR"}"#)), "5 EUR");
        assert_eq!(describe_value("NOPE", options(r#"{"amount":5}"#)), "");
        assert_eq!(describe_value("MONEY", JsValue::UNDEFINED), "");
    }

    #[wasm_bindgen_test]
    fn bad_options_throw_instead_of_trapping() {
        assert!(analyze("x", options(r#"{"date":"2017-13-45"}"#)).is_err());
        assert!(analyze("x", options(r#"{"labels":["NOPE"]}"#)).is_err());
        assert!(analyze("x", options(r#"{"dayFirst":"yes"}"#)).is_err());
        assert!(cli_json("x", options(r#"{"date":"yesterday"}"#)).is_err());
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
}
