//! The WebAssembly module in headless Chromium (wasm-bindgen-test): a report pasted as Word
//! HTML, parsed by the browser's DOMParser, walked by the package's JavaScript walker and
//! checked — the wrong cell found by its DOM address.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use xxgk_lint::wasm::{lint_dom, lint_text};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/js/core.js")]
extern "C" {
    #[wasm_bindgen(js_name = walkDom)]
    fn walk_dom(root: &JsValue) -> JsValue;
}

/// `lintDom` on what the package's walker makes of `html` parsed by the browser's DOMParser.
fn lint_page(html: &str) -> JsValue {
    lint_page_with(html, JsValue::UNDEFINED)
}

fn lint_page_with(html: &str, options: JsValue) -> JsValue {
    let parse = js_sys::Function::new_with_args("s", "return new DOMParser().parseFromString(s, 'text/html')");
    let doc = parse.call1(&JsValue::NULL, &JsValue::from_str(html)).unwrap();
    let walked = walk_dom(&doc);
    let nodes: Vec<i32> = js_sys::Int32Array::from(get(&walked, &["nodes"])).to_vec();
    let strings = get(&walked, &["strings"]).as_string().unwrap();
    let quirks = get(&walked, &["quirks"]).as_bool().unwrap();
    lint_dom(&nodes, &strings, quirks, options, None)
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| js_sys::Reflect::get(&v, &JsValue::from_str(k)).unwrap())
}

#[wasm_bindgen_test]
fn word_paste_through_domparser_points_at_the_dom_cell() {
    let r = lint_page(include_str!("../fixtures/clipboard/word-xizou-2019.html"));
    assert_eq!(get(&r, &["summary", "errors"]).as_f64(), Some(2.0));
    let all = js_sys::Array::from(&get(&r, &["diagnostics"]));
    let d = all.iter().find(|d| get(d, &["rule"]).as_string().as_deref() == Some("T3-ROW-TOTAL")).unwrap();
    assert_eq!(get(&d, &["row"]).as_string().as_deref(), Some("（一）予以公开"));
    assert_eq!(get(&d, &["cell", "table"]).as_f64(), Some(1.0));
    assert_eq!(get(&d, &["cell", "row"]).as_f64(), Some(5.0));
    assert_eq!(get(&d, &["cell", "cell"]).as_f64(), Some(8.0));
    assert!(get(&d, &["span"]).is_null());
}

/// The residue and the prose findings of a page read from the browser's DOM come as the native
/// reader's findings on the same page as a string (`src/lint.rs`, `dom_path::editing_residue`):
/// in the page's order, the residue in the table cell where it is — the DOM's document spans
/// its walker's strings — and still without spans in the report.
#[wasm_bindgen_test]
fn a_dom_gives_the_strings_findings_in_the_pages_order() {
    let html = include_str!("../fixtures/clipboard/word-xizou-2019.html")
        .replacen("一、总体情况", "[bookmark: _GoBack]一、总体情况", 1)
        .replacen("（二）健全工作机制", "（二）健全工作机制（错误！未找到引用源。）", 1)
        .replacen(">自然人<", ">自然人StartFragment<", 1);
    let r = lint_page(&html);
    let all = js_sys::Array::from(&get(&r, &["diagnostics"]));
    let rules: Vec<String> = all.iter().map(|d| get(&d, &["rule"]).as_string().unwrap()).collect();
    assert_eq!(
        rules,
        [
            "FMT-TITLE",
            "PASTE-ARTIFACT",
            "PASTE-ARTIFACT",
            "TXT-CATEGORY-SUM",
            "TXT-CATEGORY-SUM",
            "PASTE-ARTIFACT",
            "PERIOD-YEAR",
            "T3-RESULT-SUM",
            "T3-ROW-TOTAL"
        ]
    );
    let residue: Vec<String> = (all.iter())
        .filter(|d| get(d, &["rule"]).as_string().as_deref() == Some("PASTE-ARTIFACT"))
        .map(|d| get(&d, &["actual"]).as_string().unwrap())
        .collect();
    assert_eq!(residue, ["[bookmark: _GoBack]", "错误！未找到引用源。）", "StartFragment"]);
    assert!(all.iter().all(|d| get(&d, &["span"]).is_null()));
}

/// The browser's first module (no `text-readers`, as this test builds it): a report whose
/// tables come as cells is checked by it alone — the two errors above, nothing pending —
/// while text, and a page whose table section holds text instead of cells, give the
/// TEXT-READERS-LOADING report, marked `pending: 'text'`, for the facade to load the second.
#[wasm_bindgen_test]
fn the_first_module_says_when_it_needs_the_text_readers() {
    let r = lint_page(include_str!("../fixtures/clipboard/word-xizou-2019.html"));
    assert!(get(&r, &["pending"]).is_undefined());

    let pending = |r: &JsValue| {
        let all = js_sys::Array::from(&get(r, &["diagnostics"]));
        let rules: Vec<String> = all.iter().map(|d| get(&d, &["rule"]).as_string().unwrap()).collect();
        (get(r, &["pending"]).as_string(), rules, get(r, &["summary", "errors"]).as_f64())
    };
    let loading = (Some("text".to_string()), vec!["TEXT-READERS-LOADING".to_string()], Some(1.0));
    if cfg!(feature = "text-readers") {
        return;
    }
    assert_eq!(pending(&lint_text(include_str!("../fixtures/xizou-2019.txt"), JsValue::UNDEFINED)), loading);
    // The same report as a page, with 表三 as lines of text (the table taken out, its cells'
    // text left as paragraphs).
    let html = include_str!("../fixtures/clipboard/word-xizou-2019.html");
    let third = html.match_indices("<table").nth(1).map(|(i, _)| i).unwrap();
    let end = html[third..].find("</table>").unwrap() + third + "</table>".len();
    let as_text = html[third..end]
        .replace("<td", "<p")
        .replace("</td>", "</p>")
        .replace("<table", "<div")
        .replace("</table>", "</div>");
    let page = format!("{}{}{}", &html[..third], as_text, &html[end..]);
    assert_eq!(pending(&lint_page(&page)), loading);
}

/// The first module has no English (no `english` feature, as this test builds it): an English
/// report is TEXT-READERS-LOADING, pending the second module, and says so in English.
#[wasm_bindgen_test]
fn the_first_module_leaves_english_to_the_second() {
    if cfg!(feature = "english") {
        return;
    }
    let en = js_sys::JSON::parse(r#"{"lang": "en"}"#).unwrap();
    for r in [
        lint_page_with(include_str!("../fixtures/clipboard/word-xizou-2019.html"), en.clone()),
        lint_text(include_str!("../fixtures/xizou-2019.txt"), en.clone()),
    ] {
        assert_eq!(get(&r, &["pending"]).as_string().as_deref(), Some("text"));
        let all = js_sys::Array::from(&get(&r, &["diagnostics"]));
        assert_eq!(all.length(), 1);
        let d = all.get(0);
        assert_eq!(get(&d, &["messageId"]).as_string().as_deref(), Some("TEXT-READERS-LOADING/english"));
        let message = get(&d, &["message"]).as_string().unwrap();
        assert!(message.starts_with("the English messages come with the checker's second module"), "{message}");
    }
    // In Chinese the same page is checked: the two errors, nothing pending.
    let zh = lint_page(include_str!("../fixtures/clipboard/word-xizou-2019.html"));
    assert!(get(&zh, &["pending"]).is_undefined());
    assert_eq!(get(&zh, &["summary", "errors"]).as_f64(), Some(2.0));
}
