//! Exports: CSV that spreadsheet programs open correctly (UTF-8 with a byte-order mark, CRLF,
//! RFC 4180 quoting) and JSON, handed to the browser as a download.
//!
//! CSV is a few lines of quoting rules; the `csv` crate would add its reader and serde glue to
//! the bundle for nothing more.

use wasm_bindgen::JsCast;

/// RFC 4180 CSV with a UTF-8 byte-order mark (so Excel reads Chinese as Chinese). A cell that
/// a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return that
/// hides one, first) gets a leading `'` (OWASP's advice on CSV injection).
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        let mut first = true;
        for cell in cells {
            if !first {
                out.push(',');
            }
            first = false;
            let guarded;
            let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                guarded = format!("'{cell}");
                guarded.as_str()
            } else {
                cell
            };
            if cell.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
        }
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied(), &mut out);
    for row in rows {
        line(&mut row.iter().map(String::as_str), &mut out);
    }
    out
}

/// Hands `content` to the browser as a file download.
pub fn download(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let link = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = link {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn document() -> web_sys::Document {
    leptos::prelude::document()
}

#[cfg(test)]
mod tests {
    use super::csv;

    #[test]
    fn csv_quotes_what_needs_it_and_starts_with_a_bom() {
        let out = csv(
            &["id", "name"],
            &[
                vec!["1".into(), "聊天室, \"大\"".into()],
                vec!["2".into(), "=HYPERLINK(\"x\")".into()],
                vec!["3".into(), "two\nlines".into()],
                vec!["4".into(), "\t=1+1".into()],
                vec!["5".into(), "\r=1+1".into()],
            ],
        );
        assert_eq!(
            out,
            "\u{feff}id,name\r\n1,\"聊天室, \"\"大\"\"\"\r\n2,\"'=HYPERLINK(\"\"x\"\")\"\r\n3,\"two\nlines\"\r\n4,'\t=1+1\r\n5,\"'\r=1+1\"\r\n"
        );
    }
}

/// The rooms shown, with the extra columns shown: a CSV header and rows, and JSON objects with
/// the API's field names (`created` in milliseconds, as the API gives it).
pub mod rooms {
    use crate::i18n::t;
    use crate::list_model::ExtraColumn;
    use easemob_api::wire::{ChatroomDetail, ChatroomSummary};
    use serde_json::{json, Map, Value};
    use std::collections::HashMap;

    pub fn header(cols: &[ExtraColumn]) -> Vec<&'static str> {
        let mut h = vec![t().col_id, t().col_name, t().col_owner, t().col_members];
        h.extend(cols.iter().map(|c| c.label()));
        h
    }

    pub fn rows(
        rooms: &[ChatroomSummary],
        cols: &[ExtraColumn],
        details: &HashMap<String, ChatroomDetail>,
        time: &dyn Fn(u64) -> String,
    ) -> Vec<Vec<String>> {
        rooms
            .iter()
            .map(|r| {
                let d = details.get(&r.id);
                let mut row = vec![
                    r.id.clone(),
                    r.name.clone(),
                    r.owner.clone(),
                    r.affiliations_count.to_string(),
                ];
                row.extend(cols.iter().map(|c| match (c, d) {
                    (_, None) => String::new(),
                    (ExtraColumn::Description, Some(d)) => d.description.clone(),
                    (ExtraColumn::MaxUsers, Some(d)) => d.maxusers.to_string(),
                    (ExtraColumn::Created, Some(d)) => time(d.created),
                }));
                row
            })
            .collect()
    }

    pub fn json(
        rooms: &[ChatroomSummary],
        cols: &[ExtraColumn],
        details: &HashMap<String, ChatroomDetail>,
    ) -> String {
        let list: Vec<Value> = rooms
            .iter()
            .map(|r| {
                let mut o = Map::new();
                o.insert("id".into(), json!(r.id));
                o.insert("name".into(), json!(r.name));
                o.insert("owner".into(), json!(r.owner));
                o.insert("affiliations_count".into(), json!(r.affiliations_count));
                if let Some(d) = details.get(&r.id) {
                    for c in cols {
                        let (k, v) = match c {
                            ExtraColumn::Description => ("description", json!(d.description)),
                            ExtraColumn::MaxUsers => ("maxusers", json!(d.maxusers)),
                            ExtraColumn::Created => ("created", json!(d.created)),
                        };
                        o.insert(k.into(), v);
                    }
                }
                Value::Object(o)
            })
            .collect();
        serde_json::to_string_pretty(&list).unwrap_or_default()
    }

    /// Downloads these rooms, with these extra columns from `details`, as `chatrooms.json` or
    /// `chatrooms.csv`.
    pub fn download(
        rooms: &[ChatroomSummary],
        cols: &[ExtraColumn],
        details: &HashMap<String, ChatroomDetail>,
        as_json: bool,
    ) {
        if as_json {
            let text = json(rooms, cols, details);
            super::download("chatrooms.json", "application/json", &text);
        } else {
            let rows = rows(rooms, cols, details, &crate::components::time::iso);
            let text = super::csv(&header(cols), &rows);
            super::download("chatrooms.csv", "text/csv", &text);
        }
    }
}
