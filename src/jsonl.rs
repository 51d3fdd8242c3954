//! The JSON Lines record format of the CLI and the evaluation scripts: a line
//! `{"id", "text", "date"?}` in, a line `{"id", "entities": [{"start", "end", "label",
//! "text", "value"?}]}` out, offsets in Unicode code points.

use crate::analysis::{EntityView, OffsetUnit};
use crate::calendar::Date;
use crate::options::Options;
use crate::pipeline::analyze;
use serde::Serialize;
use serde_json::Value as Json;

#[derive(Serialize)]
struct Answer<'a> {
    id: &'a Json,
    entities: Vec<EntityView<'a>>,
}

/// Answers one JSON Lines record (the bytes of one line, without its line break).
///
/// The record's own `"date"` (`YYYY-MM-DD`, or a timestamp starting with one) overrides
/// `options.reference_date`. The error says what is wrong with the line in a few words.
pub fn answer(line: &[u8], options: &Options) -> Result<String, String> {
    let record: Json = serde_json::from_slice(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let obj = record.as_object().ok_or("not a JSON object")?;
    let id = obj.get("id").ok_or("no \"id\"")?;
    let text = obj.get("text").ok_or("no \"text\"")?.as_str().ok_or("\"text\" is not a string")?;
    let mut options = options.clone();
    match obj.get("date") {
        None | Some(Json::Null) => {}
        Some(Json::String(s)) => {
            let day = s.get(..10).unwrap_or(s);
            let date = Date::parse_iso(day).ok_or_else(|| format!("invalid \"date\" {s:?}: expected YYYY-MM-DD"))?;
            options.reference_date = Some(date);
        }
        Some(_) => return Err("\"date\" is not a string".into()),
    }
    let analysis = analyze(text, &options);
    let answer = Answer { id, entities: analysis.entities.iter().map(|e| e.view(OffsetUnit::Chars)).collect() };
    serde_json::to_string(&answer).map_err(|e| format!("cannot write JSON: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_errors() {
        let opts = Options::default();
        let ok = answer(br#"{"id": 3, "text": "Paid $5.", "date": "2016-11-07T00:00:00"}"#, &opts).unwrap();
        assert!(ok.starts_with(r#"{"id":3,"entities":[{"start":5,"end":7,"label":"MONEY""#), "{ok}");
        for (line, why) in [
            (&b"nope"[..], "not valid JSON"),
            (b"[1]", "not a JSON object"),
            (br#"{"text": "x"}"#, "no \"id\""),
            (br#"{"id": 1}"#, "no \"text\""),
            (br#"{"id": 1, "text": 5}"#, "not a string"),
            (br#"{"id": 1, "text": "x", "date": "2017-02-30"}"#, "invalid \"date\""),
            (br#"{"id": 1, "text": "x", "date": 20170201}"#, "\"date\" is not a string"),
            (b"{\"id\": 1, \"text\": \"\xff\"}", "not valid JSON"),
        ] {
            let err = answer(line, &opts).unwrap_err();
            assert!(err.contains(why), "{err}");
        }
    }
}
