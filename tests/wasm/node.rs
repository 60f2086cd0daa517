//! The WebAssembly module under Node (wasm-bindgen-test): the exports the facade calls.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use xxgk_lint::wasm::{docx_refusal, file_refusal, lint_dom, lint_text, pdf_refusal, rule_list, table_html, version};

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| js_sys::Reflect::get(&v, &JsValue::from_str(k)).unwrap())
}

fn index(v: &JsValue, i: u32) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from(i)).unwrap()
}

/// The first diagnostic of a rule.
fn by_rule(report: &JsValue, rule: &str) -> JsValue {
    let all = js_sys::Array::from(&get(report, &["diagnostics"]));
    all.iter().find(|d| get(d, &["rule"]).as_string().as_deref() == Some(rule)).expect(rule)
}

#[wasm_bindgen_test]
fn lints_the_seed_text_with_utf16_spans() {
    let seed = include_str!("../fixtures/xizou-2019.txt");
    let r = lint_text(seed, JsValue::UNDEFINED);
    assert_eq!(get(&r, &["summary", "errors"]).as_f64(), Some(2.0));
    let pinned = by_rule(&r, "T3-ROW-TOTAL");
    assert_eq!(get(&pinned, &["fix", "value"]).as_string().as_deref(), Some("3"));
    let span = get(&pinned, &["span"]);
    let start = index(&span, 0).as_f64().unwrap() as usize;
    let utf16: Vec<u16> = seed.encode_utf16().collect();
    assert_eq!(String::from_utf16_lossy(&utf16[start..start + 1]), "0");
    // Plain JSON-compatible data: null, not undefined.
    assert!(get(&pinned, &["cell"]).is_null());
}

#[wasm_bindgen_test]
fn bad_input_and_bad_options_are_error_reports() {
    let r = lint_text("", JsValue::UNDEFINED);
    assert_eq!(get(&index(&get(&r, &["diagnostics"]), 0), &["rule"]).as_string().as_deref(), Some("INPUT-EMPTY"));
    let options = js_sys::JSON::parse(r#"{"format": "2030"}"#).unwrap();
    let r = lint_text("一、总体情况", options);
    assert_eq!(get(&index(&get(&r, &["diagnostics"]), 0), &["rule"]).as_string().as_deref(), Some("OPTIONS"));
    // A malformed DOM structure is an error value too.
    let r = lint_dom(&[1, 7, 0, 0], "p", false, JsValue::UNDEFINED, None);
    assert_eq!(get(&index(&get(&r, &["diagnostics"]), 0), &["rule"]).as_string().as_deref(), Some("INPUT-DOM"));
    // So are a Word file's records that do not hold together (a position missing).
    let r = lint_dom(&[1, -1, 0, 0], "p", false, JsValue::UNDEFINED, Some(vec![2, 0].into_boxed_slice()));
    assert_eq!(get(&index(&get(&r, &["diagnostics"]), 0), &["rule"]).as_string().as_deref(), Some("INPUT-DOM"));
}

#[wasm_bindgen_test]
fn a_word_documents_records_are_read_with_their_paragraphs() {
    // <p>一、总体情况</p> as the .docx readers record it: a paragraph (position 0) and its text.
    let nodes = [1, -1, 6, 0, 3, 0, 7, 0];
    let strings = "style\0hidden\0colspan\0rowspan\0height\0\0p\0一、总体情况";
    let file = vec![2, 0, 0, 0, 0].into_boxed_slice();
    let r = lint_dom(&nodes, strings, false, JsValue::UNDEFINED, Some(file));
    assert_eq!(get(&r, &["input"]).as_string().as_deref(), Some("docx"));
    let missing = by_rule(&r, "FMT-SECTION-MISSING");
    assert!(get(&missing, &["span"]).is_null());
}

#[wasm_bindgen_test]
fn files_that_cannot_be_reports_say_why() {
    let rule = |r: &JsValue| get(&index(&get(r, &["diagnostics"]), 0), &["rule"]).as_string();
    // A PDF is not refused here: the facade hands it to pdf.js, and a problem it has comes back
    // through `pdfRefusal`.
    assert!(file_refusal(b"%PDF-1.7\n", JsValue::UNDEFINED).is_null());
    let scan = pdf_refusal("no-text", "", 2.0, None);
    assert_eq!(rule(&scan).as_deref(), Some("INPUT-PDF"));
    let message = get(&index(&get(&scan, &["diagnostics"]), 0), &["message"]).as_string().unwrap();
    assert!(message.contains("this PDF has no text layer (2 pages of images only"), "{message}");
    assert_eq!(rule(&pdf_refusal("encrypted", "", 0.0, None)).as_deref(), Some("INPUT-ENCRYPTED"));
    assert_eq!(rule(&file_refusal(b"\x89PNG\r\n\x1a\n", JsValue::UNDEFINED)).as_deref(), Some("INPUT-BINARY"));
    assert!(file_refusal("一、总体情况".as_bytes(), JsValue::UNDEFINED).is_null());
    assert!(file_refusal(b"PK\x03\x04", JsValue::UNDEFINED).is_null());
    let bomb = docx_refusal("too-large", "word/document.xml", (64 << 20) as f64, None);
    assert_eq!(rule(&bomb).as_deref(), Some("INPUT-DOCX"));
    let message = get(&index(&get(&bomb, &["diagnostics"]), 0), &["message"]).as_string().unwrap();
    assert!(message.contains("word/document.xml inflates to more than 64 MB"), "{message}");
    assert_eq!(rule(&docx_refusal("encrypted", "", 0.0, None)).as_deref(), Some("INPUT-ENCRYPTED"));
    assert!(get(&bomb, &["input"]).is_null());
}

#[wasm_bindgen_test]
fn options_switch_rules_and_language() {
    let seed = include_str!("../fixtures/xizou-2019.txt");
    let options =
        js_sys::JSON::parse(r#"{"lang": "en", "rules": {"T3-ROW-TOTAL": "off", "PASTE-ARTIFACT": "info"}}"#).unwrap();
    let r = lint_text(seed, options);
    assert_eq!(get(&r, &["summary", "errors"]).as_f64(), Some(1.0));
    assert_eq!(get(&r, &["summary", "infos"]).as_f64(), Some(1.0));
    let first = get(&index(&get(&r, &["diagnostics"]), 0), &["message"]).as_string().unwrap();
    assert!(first.starts_with("Title"), "{first}");
}

#[wasm_bindgen_test]
fn rules_and_version() {
    let list = rule_list(Some("en".into()));
    assert!(js_sys::Array::from(&list).length() >= 16);
    assert!(!version().is_empty());
}

/// `tableHtml` reads the report `lint` returned (a JS object) into the same table the Rust
/// renderer makes from the Rust report, with and without the pinned fixes.
#[wasm_bindgen_test]
fn table_html_rebuilds_the_tables_of_the_js_report() {
    use xxgk_lint::format::Formats;
    use xxgk_lint::render::tables::report_rebuilt_table;
    let seed = include_str!("../fixtures/xizou-2019.txt");
    let js = lint_text(seed, JsValue::UNDEFINED);
    let native = xxgk_lint::lint_str(seed, &Default::default(), &Default::default()).unwrap();
    let fixes = js_sys::Object::new();
    js_sys::Reflect::set(&fixes, &JsValue::from_str("applyFixes"), &JsValue::TRUE).unwrap();
    for t in ["二", "三", "四"] {
        for apply in [false, true] {
            let options = if apply { fixes.clone().into() } else { JsValue::UNDEFINED };
            let want = report_rebuilt_table(&native, t, apply, Formats::OFFICIAL).map(|r| r.html());
            assert!(want.is_some(), "表{t}");
            assert_eq!(table_html(js.clone(), t, options), want, "表{t}");
        }
    }
    // The sample's wrong 总计: 0 as read, 3 with the fix.
    let plain = table_html(js.clone(), "三", JsValue::UNDEFINED).unwrap();
    let fixed = table_html(js.clone(), "三", fixes.into()).unwrap();
    assert_ne!(plain, fixed);
    assert!(!plain.contains("class=") && !plain.contains("data-") && !plain.contains("style"), "{plain}");
    assert_eq!(table_html(js, "五", JsValue::UNDEFINED), None);
}
