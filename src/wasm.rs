//! The WebAssembly interface: what the npm package's JavaScript facade calls.
//!
//! Two builds share this file. The browser build has no HTML parser of its own: the page
//! parses (`DOMParser`, or the editor's live DOM) and a small JavaScript walker hands the DOM
//! over in one compact structure ([`lint_dom`]); plain text goes to [`lint_text`]. The Node
//! build keeps the Rust HTML reader, so [`lint_text`] takes HTML strings too.
//!
//! Results are plain JSON-compatible objects (no `Map`, no `undefined`); spans are string
//! indices (UTF-16 code units), as JavaScript counts them. Nothing here panics on input; if
//! something does anyway, the module traps, and the facade re-instantiates it and returns an
//! error report.

use std::collections::HashMap;

use serde::Serialize;
use tsify::Tsify;

#[wasm_bindgen(typescript_custom_section)]
const MESSAGE_ARG: &str = r#"
/** An argument of a message: text from the report, a phrase of ours (a message with its own
 * arguments), or words made from the format's data in both languages. */
export type MessageArg = string | { messageId: string; args: Record<string, MessageArg> } | { zh: string; en: string };
"#;
use wasm_bindgen::prelude::*;

use crate::diagnostic::{Lang, Severity};
use crate::document::{Document, Span};
use crate::format::Formats;
#[cfg(feature = "text-readers")]
use crate::lint::DOCX_CODE_MESSAGE;
use crate::lint::{lint_document, recognize_str, LintReport, DOM_MESSAGE, INTERNAL_MESSAGE, OPTIONS_MESSAGE};
use crate::message::{Args, Message, Text};
use crate::read::html::read_dom;
#[cfg(feature = "websys-walker")]
use crate::read::html::{read_tree, Tree};
use crate::read::{read_str, ReadError, ReadOptions};
use crate::rules::input::{
    INPUT_BINARY, INPUT_DOCX, INPUT_DOM, INPUT_EMPTY, INPUT_ENCODING, INPUT_ENCRYPTED, INPUT_HTML, INPUT_OLD_OFFICE,
    INPUT_PDF, INPUT_TOO_LARGE, INTERNAL_ERROR, OPTIONS, TEXT_READERS_LOADING,
};
use crate::rules::{LintOptions, RULES};
use crate::strings::JoinStr;

/// Options of `lint` and `lintElement`.
#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct JsLintOptions {
    /// The format to check against; detected from the tables by default (`'auto'`).
    #[tsify(optional, type = "'auto' | '2019' | '2021'")]
    pub format: Option<String>,
    /// Last year's report (HTML or text), for the cross-year checks.
    #[tsify(optional)]
    pub previous: Option<String>,
    /// Language of the messages (default `'zh'`).
    #[tsify(optional, type = "'zh' | 'en'")]
    pub lang: Option<String>,
    /// Per-rule settings: `{ 'CELL-BLANK': 'off', 'FMT-TITLE': 'error' }`.
    #[tsify(optional, type = "Record<string, 'off' | 'error' | 'warning' | 'info'>")]
    pub rules: Option<HashMap<String, String>>,
    /// Refuse inputs longer than this many UTF-8 bytes (default 20 MB).
    #[tsify(optional)]
    pub max_size: Option<u32>,
    /// `lintFile` only: decode a text or HTML file as this encoding (a WHATWG label: `'gbk'`,
    /// `'gb18030'`, `'big5'`, `'utf-8'`, …) instead of its declaration or a detection; a
    /// byte-order mark still wins, as in browsers.
    #[tsify(optional)]
    pub encoding: Option<String>,
}

/// A rule as `rules()` lists it.
#[derive(Clone, Debug, Serialize, Tsify)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub description: &'static str,
}

/// Read the options object, or the report that says what is wrong with it (in the language
/// the options ask for, when they say it).
fn options(js: JsValue) -> Result<(LintOptions, ReadOptions), JsValue> {
    // No options, the usual call: the defaults, as `read_options` gives them, without asking
    // `undefined` for its `lang` (`Reflect.get` throws there, and the thrown TypeError cost
    // ≈ 14 µs a call in Chromium, a tenth of checking a one-paragraph document).
    if js.is_undefined() || js.is_null() {
        return Ok((LintOptions::default(), ReadOptions::default()));
    }
    let lang = js_sys::Reflect::get(&js, &JsValue::from_str("lang"))
        .ok()
        .and_then(|l| l.as_string())
        .map_or(Lang::Zh, |l| if l == "en" { Lang::En } else { Lang::Zh });
    let options = read_options(js).map_err(|why| refusal(OPTIONS.id, &OPTIONS_MESSAGE, why, lang))?;
    // The first module has no English (the `english` feature): the second, which the
    // facade loads on this report (`pending`), gives the English report.
    if lang == Lang::En && !cfg!(feature = "english") {
        let text = Text::new(&crate::read::ENGLISH_LOADING, Args::new());
        return Err(to_js(&LintReport::refusal(TEXT_READERS_LOADING.id, text, Lang::En)));
    }
    Ok(options)
}

/// A report of an input that could not be checked, with a detail in English (`why`).
fn refusal(rule: &'static str, message: &'static Message, why: String, lang: Lang) -> JsValue {
    to_js(&LintReport::refusal(rule, Text::new(message, Args::new().text("why", why)), lang))
}

/// Read the options object by hand (no serde deserialiser in the module: it would carry
/// float formatting and error machinery the size budget cannot afford).
fn read_options(js: JsValue) -> Result<(LintOptions, ReadOptions), String> {
    let mut lint = LintOptions::default();
    let mut read = ReadOptions::default();
    if js.is_undefined() || js.is_null() {
        return Ok((lint, read));
    }
    if !js.is_object() {
        return Err("options must be an object".into());
    }
    let get = |key: &str| {
        js_sys::Reflect::get(&js, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
    };
    let string = |key: &str| -> Result<Option<String>, String> {
        match get(key) {
            None => Ok(None),
            Some(v) => v.as_string().map(Some).ok_or_else(|| format!("options.{key} must be a string")),
        }
    };
    lint.lang = match string("lang")?.as_deref() {
        None | Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        Some(other) => return Err(format!("unknown lang “{other}” (zh, en)")),
    };
    lint.format = match string("format")?.as_deref() {
        None | Some("auto") => None,
        Some(name) => match Formats::OFFICIAL.named(name) {
            Some(v) => Some(v),
            None => {
                let names = Formats::OFFICIAL.iter().map(|f| f.name).join_str(", ");
                return Err(format!("unknown format “{name}” (auto, {names})"));
            }
        },
    };
    if let Some(rules) = get("rules") {
        for entry in js_sys::Object::entries(&js_sys::Object::from(rules)).iter() {
            let pair = js_sys::Array::from(&entry);
            let (Some(rule), Some(setting)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
                return Err("options.rules maps rule IDs to 'off', 'error', 'warning' or 'info'".into());
            };
            lint.set_rule(&format!("{rule}={setting}"))?;
        }
    }
    #[cfg(feature = "encodings")]
    if let Some(label) = string("encoding")? {
        read.encoding = Some(
            crate::read::decode::TextEncoding::for_label(&label)
                .ok_or_else(|| format!("options.encoding: not an encoding label: {label}"))?,
        );
    }
    if let Some(max) = get("maxSize") {
        let max = max.as_f64().filter(|m| *m >= 0.0).ok_or("options.maxSize must be a number of bytes")?;
        read.max_bytes = max.min(u32::MAX as f64) as usize;
    }
    // Last year's report, read and recognised like the main input (text in every build; HTML
    // where the build has an HTML reader, i.e. Node).
    if let Some(previous) = string("previous")? {
        let report = recognize_str(&previous, &read).map_err(|e| format!("options.previous cannot be read: {e}"))?;
        lint.previous = Some(std::sync::Arc::new(report));
    }
    Ok((lint, read))
}

fn to_js(report: &LintReport) -> JsValue {
    js::report(report).unwrap_or(JsValue::NULL)
}

/// The results as plain JavaScript values, built by hand. They are exactly what
/// `serde_wasm_bindgen::Serializer::json_compatible()` makes of the `Serialize` impls (the
/// CLI's JSON): the same keys in the same order, `null` for `None`, numbers for numbers,
/// and no result (`None`) where that serializer fails, i.e. for an integer beyond
/// JavaScript's safe range. The generic serializer cost ~10 KB of the module.
mod js {
    use wasm_bindgen::prelude::*;

    use crate::diagnostic::Diagnostic;
    use crate::document::{Span, TextPoint};
    use crate::lint::{LintReport, TableRow, TextRun};
    use crate::message::{Arg, Args};
    use crate::recognize::value::Decimal;

    #[wasm_bindgen]
    extern "C" {
        /// A plain object, filled with `object[key] = value` (as serde-wasm-bindgen does).
        #[wasm_bindgen(extends = js_sys::Object)]
        pub type Object;
        /// `object[key] = value` with a key already made a JavaScript string: a key used for
        /// every cell is decoded from UTF-8 once, not once per cell.
        #[wasm_bindgen(method, indexing_setter)]
        pub fn set_key(this: &Object, key: &JsValue, value: JsValue);
        /// `object[key] = value` with a value kept here too, for other objects to share.
        #[wasm_bindgen(method, indexing_setter)]
        pub fn set_shared(this: &Object, key: &JsValue, value: &JsValue);
    }

    impl Object {
        /// `object[key] = value`, the key made a JavaScript string once per module ([`name`]).
        pub fn set(&self, key: &'static str, value: JsValue) {
            self.set_key(name(key), value);
        }

        /// `object[key] = value` for a value of ours too ([`name`]), or `null`.
        pub fn set_name(&self, key: &'static str, value: Option<&'static str>) {
            match value {
                Some(value) => self.set_shared(name(key), name(value)),
                None => self.set(key, JsValue::NULL),
            }
        }
    }

    /// A string of ours (a key, a rule's ID, a severity) as a JavaScript string, made once per
    /// module: a `&str` handed to JavaScript is a `TextDecoder` call of its own (~0.24 µs in
    /// Chromium), and a report has ~30 keys and ~30 such strings per finding. Found by address,
    /// among the few the module has (a new instance, after a trap, starts again).
    pub fn name(s: &'static str) -> &'static JsValue {
        thread_local! {
            static MADE: std::cell::RefCell<Vec<(&'static str, &'static JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        MADE.with_borrow_mut(|made| match made.iter().find(|(m, _)| std::ptr::eq(*m, s)) {
            Some((_, js)) => js,
            None => {
                let js: &'static JsValue = Box::leak(Box::new(JsValue::from_str(s)));
                made.push((s, js));
                js
            }
        })
    }

    pub fn object() -> Object {
        js_sys::Object::new().unchecked_into()
    }

    fn string(s: Option<&str>) -> JsValue {
        s.map_or(JsValue::NULL, JsValue::from_str)
    }

    fn count(n: usize) -> JsValue {
        JsValue::from_f64(n as f64)
    }

    /// serde-wasm-bindgen's `i64`: a number within ±(2^53 − 1), an error beyond.
    fn integer(i: i64) -> Option<JsValue> {
        const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;
        (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&i).then(|| JsValue::from_f64(i as f64))
    }

    /// As `Decimal`'s `Serialize`: integers as `i64`, the rest as `f64`.
    fn decimal(d: Option<Decimal>) -> Option<JsValue> {
        let Some(d) = d else { return Some(JsValue::NULL) };
        if d.scale == 0 {
            if let Ok(i) = i64::try_from(d.mantissa) {
                return integer(i);
            }
        }
        Some(JsValue::from_f64(d.to_f64()))
    }

    pub fn report(r: &LintReport) -> Option<JsValue> {
        let o = object();
        o.set("schemaVersion", JsValue::from_f64(f64::from(r.schema_version)));
        if let Some(file) = &r.file {
            o.set("file", JsValue::from_str(file));
        }
        if let Some(pending) = r.pending {
            o.set("pending", JsValue::from_str(pending));
        }
        o.set_name("input", r.input.map(crate::document::InputKind::as_str));
        o.set_name("encoding", r.encoding);
        o.set_name("format", r.format.map(|f| f.as_str()));
        o.set("year", r.year.map_or(JsValue::NULL, |y| JsValue::from_f64(f64::from(y))));
        o.set("title", string(r.title.as_deref()));
        o.set("organ", string(r.organ.as_deref()));
        let summary = object();
        summary.set("errors", count(r.summary.errors));
        summary.set("warnings", count(r.summary.warnings));
        summary.set("infos", count(r.summary.infos));
        o.set("summary", summary.into());
        let verdict = object();
        verdict.set_name("messageId", Some(r.verdict.message_id.id));
        verdict.set("args", args(&r.verdict.args));
        verdict.set("message", JsValue::from_str(&r.verdict.message));
        o.set("verdict", verdict.into());
        let titles = object();
        titles.set_name("whole", Some(r.titles.whole));
        titles.set_name("二", Some(r.titles.proactive));
        titles.set_name("三", Some(r.titles.requests));
        titles.set_name("四", Some(r.titles.review));
        o.set("titles", titles.into());
        let diagnostics = js_sys::Array::new();
        for d in &r.diagnostics {
            diagnostics.push(&diagnostic(d));
        }
        o.set("diagnostics", diagnostics.into());
        let tables = object();
        let mut strings = Strings { made: Vec::new(), spare: JsValue::NULL };
        for (table, rows) in &r.tables.0 {
            let list = js_sys::Array::new();
            for row in rows {
                list.push(&table_row(row, &mut strings)?);
            }
            tables.set(table, list.into());
        }
        o.set("tables", tables.into());
        let rebuildable = js_sys::Array::new();
        for run in &r.rebuildable {
            rebuildable.push(&text_run(run));
        }
        o.set("rebuildable", rebuildable.into());
        Some(o.into())
    }

    fn span(s: Option<Span>) -> JsValue {
        s.map_or(JsValue::NULL, |s| js_sys::Array::of2(&count(s.start), &count(s.end)).into())
    }

    fn text_run(run: &TextRun) -> JsValue {
        let point = |p: Option<TextPoint>| {
            p.map_or(JsValue::NULL, |p| {
                let o = object();
                o.set("node", JsValue::from_f64(f64::from(p.node)));
                o.set("offset", JsValue::from_f64(f64::from(p.offset)));
                o.into()
            })
        };
        let o = object();
        o.set_name("table", Some(run.table));
        o.set("span", span(run.span));
        o.set("first", point(run.first));
        o.set("last", point(run.last));
        o.into()
    }

    fn diagnostic(d: &Diagnostic) -> JsValue {
        let o = object();
        o.set("id", JsValue::from_str(&d.id));
        o.set_name("rule", Some(d.rule));
        o.set_name("severity", Some(d.severity.as_str()));
        o.set("message", JsValue::from_str(&d.message));
        o.set_name("table", d.table);
        o.set("row", string(d.row.as_deref()));
        o.set("column", string(d.column.as_deref()));
        o.set("expected", string(d.expected.as_deref()));
        o.set("actual", string(d.actual.as_deref()));
        o.set(
            "cell",
            d.cell.map_or(JsValue::NULL, |c| {
                let cell = object();
                cell.set("table", count(c.table));
                cell.set("row", count(c.row));
                cell.set("cell", count(c.cell));
                cell.into()
            }),
        );
        o.set("span", span(d.span));
        o.set("paragraph", d.paragraph.map_or(JsValue::NULL, count));
        let number = |v: u32| JsValue::from_f64(f64::from(v));
        o.set("page", d.page.map_or(JsValue::NULL, number));
        o.set(
            "bbox",
            d.bbox.map_or(JsValue::NULL, |b| {
                js_sys::Array::of4(&number(b[0]), &number(b[1]), &number(b[2]), &number(b[3])).into()
            }),
        );
        o.set("excerpt", string(d.excerpt.as_deref()));
        o.set(
            "fix",
            d.fix.as_ref().map_or(JsValue::NULL, |f| {
                let fix = object();
                fix.set("value", JsValue::from_str(&f.value));
                fix.into()
            }),
        );
        o.set_name("messageId", Some(d.template.id));
        o.set("args", args(&d.args));
        o.into()
    }

    /// As [`crate::message::Args`] serialises: text as a string, a phrase as
    /// `{ messageId, args }`, words as `{ zh, en }`.
    fn args(a: &Args) -> JsValue {
        let o = object();
        for (name, arg) in a.iter() {
            let value = match arg {
                Arg::Text(t) => JsValue::from_str(t),
                Arg::Phrase(m, a) => {
                    let phrase = object();
                    phrase.set_name("messageId", Some(m.id));
                    phrase.set("args", args(a));
                    phrase.into()
                }
                Arg::Words { zh, en } => {
                    let words = object();
                    words.set("zh", JsValue::from_str(zh));
                    words.set("en", JsValue::from_str(en));
                    words.into()
                }
            };
            o.set(name, value);
        }
        o.into()
    }

    /// The first column labels and cell texts met, made JavaScript strings once: a table's rows
    /// repeat its columns, and its cells a few texts (an Excel paste's 161 cells have 2). A
    /// string made apart is a call into JavaScript and a decode of its own.
    struct Strings {
        made: Vec<(String, JsValue)>,
        /// The string made apart, once `made` is full (a lookup is a linear search).
        spare: JsValue,
    }

    impl Strings {
        /// Lent, not cloned: a clone and its drop are two calls into JavaScript per cell.
        fn get(&mut self, s: &str) -> &JsValue {
            match self.made.iter().position(|(m, _)| m == s) {
                Some(i) => &self.made[i].1,
                None if self.made.len() < 64 => {
                    self.made.push((s.to_string(), JsValue::from_str(s)));
                    &self.made[self.made.len() - 1].1
                }
                None => {
                    self.spare = JsValue::from_str(s);
                    &self.spare
                }
            }
        }
    }

    fn table_row(row: &TableRow, strings: &mut Strings) -> Option<JsValue> {
        let o = object();
        o.set_name("row", row.row);
        let values = object();
        for (column, value, text) in &row.values {
            let cell = object();
            cell.set("value", decimal(*value)?);
            cell.set_shared(name("text"), text.as_deref().map_or(&JsValue::NULL, |t| strings.get(t)));
            values.set_key(strings.get(column), cell.into());
        }
        o.set("values", values.into());
        Some(o.into())
    }
}

/// Byte offsets → UTF-16 offsets, for every span of the report.
fn spans_to_utf16(report: &mut LintReport, input: &str) {
    let spans =
        report.diagnostics.iter().filter_map(|d| d.span).chain(report.rebuildable.iter().filter_map(|r| r.span));
    let mut points: Vec<usize> = spans.flat_map(|s| [s.start, s.end]).collect();
    if points.is_empty() {
        return;
    }
    crate::order::sort_by_key(&mut points, |&p| (p as u64, 0));
    points.dedup();
    // `utf16[i]` is the UTF-16 offset of byte offset `points[i]`.
    let mut utf16 = Vec::with_capacity(points.len());
    let mut units = 0usize;
    for (byte, c) in input.char_indices().chain(std::iter::once((input.len(), '\0'))) {
        while utf16.len() < points.len() && points[utf16.len()] <= byte {
            utf16.push(units);
        }
        units += c.len_utf16();
    }
    let convert = |byte: usize| points.binary_search(&byte).ok().and_then(|i| utf16.get(i).copied()).unwrap_or(0);
    let spans =
        report.diagnostics.iter_mut().map(|d| &mut d.span).chain(report.rebuildable.iter_mut().map(|r| &mut r.span));
    for span in spans {
        if let Some(s) = *span {
            *span = Some(Span::new(convert(s.start), convert(s.end)));
        }
    }
}

fn read_error(e: ReadError, lang: Lang) -> LintReport {
    let kind = match e {
        ReadError::Empty => INPUT_EMPTY.id,
        ReadError::TooLarge { .. } => INPUT_TOO_LARGE.id,
        ReadError::Binary { .. } => INPUT_BINARY.id,
        ReadError::NoHtmlParser => INPUT_HTML.id,
        ReadError::Pdf | ReadError::PdfUnreadable { .. } => INPUT_PDF.id,
        ReadError::OldOffice { .. } => INPUT_OLD_OFFICE.id,
        ReadError::Encrypted => INPUT_ENCRYPTED.id,
        ReadError::Docx { .. } => INPUT_DOCX.id,
        #[cfg(feature = "encodings")]
        ReadError::Undecodable { .. } => INPUT_ENCODING.id,
        ReadError::NoTextReaders => TEXT_READERS_LOADING.id,
    };
    LintReport::refusal(kind, e.text(), lang)
}

/// Check a report given as a string: text (and, in the Node build, HTML).
#[wasm_bindgen(js_name = lintText)]
pub fn lint_text(input: &str, options: JsValue) -> JsValue {
    let (lint, read) = match self::options(options) {
        Ok(o) => o,
        Err(refusal) => return refusal,
    };
    let mut report = match read_str(input, &read) {
        Ok(doc) => lint_document(&doc, &lint),
        Err(e) => read_error(e, lint.lang),
    };
    spans_to_utf16(&mut report, input);
    to_js(&report)
}

/// Check a DOM handed over by the JavaScript walker (see [`crate::read::html::Tree::from_dom`] for the
/// structure; [`crate::read::html::read_dom`] reads it). Diagnostics point at cells by their
/// DOM address; there are no spans.
///
/// With `file`, the records are a Word document read by the package's JavaScript `.docx`
/// reader (see [`crate::read::docx::records`]): diagnostics then point at the file's cells
/// (`w:tc`) and paragraphs.
#[wasm_bindgen(js_name = lintDom)]
pub fn lint_dom(nodes: &[i32], strings: &str, quirks: bool, options: JsValue, file: Option<Box<[i32]>>) -> JsValue {
    let (lint, read) = match self::options(options) {
        Ok(o) => o,
        Err(refusal) => return refusal,
    };
    if strings.len() > read.max_bytes {
        return to_js(&read_error(ReadError::TooLarge { size: strings.len(), limit: read.max_bytes }, lint.lang));
    }
    #[cfg(not(feature = "text-readers"))]
    if file.is_some() {
        return to_js(&read_error(ReadError::NoTextReaders, lint.lang));
    }
    #[cfg(feature = "text-readers")]
    if let Some(file) = file {
        return match crate::read::docx::records::read_records(nodes, strings, &file, &read) {
            Ok(doc) if doc.blocks.is_empty() => to_js(&read_error(ReadError::Empty, lint.lang)),
            Ok(doc) => to_js(&lint_document(&doc, &lint)),
            Err(e) => refusal(
                INPUT_DOM.id,
                &DOM_MESSAGE,
                format!("the Word document's records are malformed: {e}"),
                lint.lang,
            ),
        };
    }
    match read_dom(nodes, strings, quirks, &read) {
        Ok(doc) => lint_read_dom(&doc, &lint),
        Err(e) => refusal(INPUT_DOM.id, &DOM_MESSAGE, format!("the DOM structure is malformed: {e}"), lint.lang),
    }
}

/// Check a PDF's pages as pdf.js extracted them in the browser (`js/pdf.js`; the compact
/// form is [`crate::read::pdf::page::pages_from_numbers`]'s). Diagnostics carry the page and
/// box of what they point at.
#[cfg(feature = "text-readers")]
#[wasm_bindgen(js_name = lintPdf)]
pub fn lint_pdf(numbers: &[f32], strings: &str, options: JsValue) -> JsValue {
    let (lint, read) = match self::options(options) {
        Ok(o) => o,
        Err(refusal) => return refusal,
    };
    match crate::read::pdf::page::pages_from_numbers(numbers, strings) {
        Ok(pages) => {
            let doc = crate::read::pdf::layout::read_pages(&pages, &read);
            if doc.blocks.is_empty() {
                return to_js(&read_error(ReadError::Empty, lint.lang));
            }
            to_js(&lint_document(&doc, &lint))
        }
        Err(e) => refusal(INPUT_DOM.id, &DOM_MESSAGE, e, lint.lang),
    }
}

/// Why a file cannot be a report, told from its bytes: `null` when it may be one (a ZIP
/// archive, for the `.docx` reader; a PDF, for pdf.js; text or HTML, to be decoded), else the
/// report that says why (too large; an old binary or encrypted Office file, an image, binary
/// data).
#[cfg(feature = "text-readers")]
#[wasm_bindgen(js_name = fileRefusal)]
pub fn file_refusal(bytes: &[u8], options: JsValue) -> JsValue {
    let (lang, read) = match self::options(options) {
        Ok((lint, read)) => (lint.lang, read),
        Err(refusal) => return refusal,
    };
    if bytes.len() > read.max_bytes {
        return to_js(&read_error(ReadError::TooLarge { size: bytes.len(), limit: read.max_bytes }, lang));
    }
    match crate::read::sniff::sniff(bytes) {
        Ok(_) => JsValue::NULL,
        Err(e) => to_js(&read_error(e, lang)),
    }
}

/// The report for a PDF the browser's reader (`js/pdf.js`) could not read: `code` names the
/// problem ([`crate::read::pdf::PdfProblem::from_code`]), `text` and `n` its particulars.
#[cfg(feature = "text-readers")]
#[wasm_bindgen(js_name = pdfRefusal)]
pub fn pdf_refusal(code: &str, text: &str, n: f64, lang: Option<String>) -> JsValue {
    to_js(&read_error(crate::read::pdf::PdfProblem::from_code(code, text, n).into(), js_lang(lang)))
}

fn js_lang(lang: Option<String>) -> Lang {
    if lang.as_deref() == Some("en") {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// The report for a `.docx` the JavaScript reader could not read: `code` names the problem
/// ([`crate::read::docx::DocxProblem::from_code`], or `encrypted`), `text` and `n` its
/// particulars (a part's name, a count).
#[cfg(feature = "text-readers")]
#[wasm_bindgen(js_name = docxRefusal)]
pub fn docx_refusal(code: &str, text: &str, n: f64, lang: Option<String>) -> JsValue {
    let lang = js_lang(lang);
    if code == "encrypted" {
        return to_js(&read_error(ReadError::Encrypted, lang));
    }
    match crate::read::docx::DocxProblem::from_code(code, text, n) {
        Some(p) => to_js(&read_error(p.into(), lang)),
        None => to_js(&LintReport::refusal(
            INPUT_DOCX.id,
            Text::new(&DOCX_CODE_MESSAGE, Args::new().text("code", code)),
            lang,
        )),
    }
}

/// Check a file given as bytes, told apart by its content: a Word `.docx`, or text or HTML
/// in any encoding (the Node build, with the CLI's readers). Spans are byte offsets into
/// the file.
#[cfg(feature = "docx")]
#[wasm_bindgen(js_name = lintBytes)]
pub fn lint_bytes_js(bytes: &[u8], options: JsValue) -> JsValue {
    let (lint, read) = match self::options(options) {
        Ok(o) => o,
        Err(refusal) => return refusal,
    };
    match crate::lint::lint_bytes(bytes, &read, &lint) {
        Ok(report) => to_js(&report),
        Err(e) => to_js(&read_error(e, lint.lang)),
    }
}

/// Check a document read from a live DOM.
fn lint_read_dom(doc: &Document, lint: &LintOptions) -> JsValue {
    if doc.blocks.is_empty() {
        return to_js(&read_error(ReadError::Empty, lint.lang));
    }
    to_js(&lint_document(doc, lint))
}

/// The alternative to the JavaScript walker that issue 4 asked to measure: walk the live DOM
/// from Rust through web-sys, one binding call per node, attribute and string. Built only for
/// `benches/browser/bench.mjs` (feature `websys-walker`); the package ships the JavaScript
/// walker, which the benchmark shows to be faster.
#[cfg(feature = "websys-walker")]
#[wasm_bindgen(js_name = lintNodeWebSys)]
pub fn lint_node_websys(root: web_sys::Node, options: JsValue) -> JsValue {
    use crate::read::html::tree::{NodeData, DOCUMENT};
    use wasm_bindgen::JsCast;
    const SKIP: [&str; 9] = ["script", "style", "template", "noscript", "head", "iframe", "object", "svg", "math"];
    let (lint, read) = match self::options(options) {
        Ok(o) => o,
        Err(refusal) => return refusal,
    };
    let mut tree = Tree::new("");
    let document = root.dyn_ref::<web_sys::Document>().cloned().or_else(|| root.owner_document());
    tree.quirks = document.is_some_and(|d| d.compat_mode() == "BackCompat");
    // Pre-order with an explicit stack of (node, parent in the tree): document order, no recursion.
    let mut stack: Vec<(web_sys::Node, usize)> = Vec::new();
    let push_children = |stack: &mut Vec<(web_sys::Node, usize)>, node: &web_sys::Node, parent: usize| {
        let mut child = node.last_child();
        while let Some(c) = child {
            child = c.previous_sibling();
            stack.push((c, parent));
        }
    };
    match root.dyn_ref::<web_sys::Document>().and_then(|d| d.document_element()) {
        Some(html) => stack.push((html.into(), DOCUMENT)),
        None => push_children(&mut stack, &root, DOCUMENT),
    }
    let mut text_bytes = 0usize;
    while let Some((node, parent)) = stack.pop() {
        let id = match node.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let element: &web_sys::Element = node.unchecked_ref();
                let name = element.local_name();
                let mut wanted = vec!["style", "hidden"];
                match name.as_str() {
                    "td" | "th" => wanted.extend(["colspan", "rowspan"]),
                    "tr" => wanted.push("height"),
                    _ => {}
                }
                let values: Vec<(&str, String)> =
                    wanted.into_iter().filter_map(|a| Some((a, element.get_attribute(a)?))).collect();
                let html = !name.contains(':') || name == "o:p";
                let id = tree.new_element(
                    &name.to_ascii_lowercase(),
                    html,
                    values.iter().map(|(a, v)| (*a, v.as_str())),
                    0,
                    0,
                );
                tree.append_child(parent, id);
                if !SKIP.contains(&name.as_str()) {
                    push_children(&mut stack, &node, id);
                }
                continue;
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                let data = node.unchecked_ref::<web_sys::CharacterData>().data();
                text_bytes += data.len();
                tree.push_text(None, &data, None, 0, 0)
            }
            web_sys::Node::COMMENT_NODE => {
                let comment: &web_sys::CharacterData = node.unchecked_ref();
                let phantom_row_marker = comment.data().contains("supportMisalignedColumns");
                Some(tree.new_node(NodeData::Comment { phantom_row_marker }, 0, 0))
            }
            _ => None,
        };
        if let Some(id) = id {
            tree.append_child(parent, id);
        }
        if text_bytes > read.max_bytes {
            return to_js(&read_error(ReadError::TooLarge { size: text_bytes, limit: read.max_bytes }, lint.lang));
        }
    }
    tree.number_tables();
    // Its text nodes are copies in the tree's own arena: no source, no spans (the benchmark
    // only times the walk).
    lint_read_dom(&read_tree(&tree, crate::document::InputKind::Dom, &read), &lint)
}

/// Table `table` (`'二'`, `'三'`, `'四'`) of a report as `lint` returned it, rebuilt in the
/// official layout of the revision for the report's year by the one table renderer
/// ([`crate::render::tables::rebuilt_table`]); with `options.applyFixes`, the pinned fixes in
/// their cells. `undefined` when the report has no such table or its rows are no revision's.
/// The report is read by hand, as the options are (no deserialiser in the module). In the
/// browser's second module only (feature `text-readers`): the tables it rebuilds are those that
/// came from text, which that module read (5.8 KB gzip the first module need not carry).
#[cfg(feature = "text-readers")]
#[wasm_bindgen(js_name = tableHtml)]
pub fn table_html(report: JsValue, table: &str, options: JsValue) -> Option<String> {
    use crate::render::tables::{rebuilt_table, ReadTable};
    let get = |v: &JsValue, key: &str| js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let year = get(&report, "year").as_f64().filter(|y| (1.0..=9999.0).contains(y)).map(|y| y as u16);
    let rows = get(&get(&report, "tables"), table);
    if !js_sys::Array::is_array(&rows) {
        return None;
    }
    // The texts, owned here; the table below borrows them.
    /// A row's label and its cells' column labels and texts.
    type OwnedRow = (Option<String>, Vec<(String, Option<String>)>);
    let mut owned: Vec<OwnedRow> = Vec::new();
    for row in js_sys::Array::from(&rows).iter() {
        let values = get(&row, "values");
        if !values.is_object() {
            return None;
        }
        let cells = js_sys::Object::entries(&js_sys::Object::from(values))
            .iter()
            .map(|entry| {
                let entry = js_sys::Array::from(&entry);
                (entry.get(0).as_string().unwrap_or_default(), get(&entry.get(1), "text").as_string())
            })
            .collect();
        owned.push((get(&row, "row").as_string(), cells));
    }
    let mut fixes: Vec<(String, String, String)> = Vec::new();
    if get(&options, "applyFixes").as_bool() == Some(true) {
        let diagnostics = get(&report, "diagnostics");
        if js_sys::Array::is_array(&diagnostics) {
            for d in js_sys::Array::from(&diagnostics).iter() {
                let (Some(t), Some(column), Some(value)) = (
                    get(&d, "table").as_string(),
                    get(&d, "column").as_string(),
                    get(&get(&d, "fix"), "value").as_string(),
                ) else {
                    continue;
                };
                if t == table {
                    fixes.push((get(&d, "row").as_string().unwrap_or_default(), column, value));
                }
            }
        }
    }
    let read = ReadTable {
        rows: owned
            .iter()
            .map(|(row, cells)| (row.as_deref(), cells.iter().map(|(c, t)| (c.as_str(), t.as_deref())).collect()))
            .collect(),
    };
    let fixes: Vec<(&str, &str, &str)> = fixes.iter().map(|(r, c, v)| (r.as_str(), c.as_str(), v.as_str())).collect();
    rebuilt_table(table, year, &read, &fixes, Formats::OFFICIAL).map(|t| t.html())
}

/// Every rule: ID, default severity, one line.
#[wasm_bindgen(js_name = ruleList)]
pub fn rule_list(lang: Option<String>) -> JsValue {
    let lang = js_lang(lang);
    // As `RuleInfo` serialises.
    let list = js_sys::Array::new();
    for r in RULES {
        let info = js::object();
        info.set("id", JsValue::from_str(r.id));
        info.set("severity", JsValue::from_str(r.severity.as_str()));
        info.set("description", JsValue::from_str(r.summary(lang)));
        list.push(&info);
    }
    list.into()
}

/// The report of an input the package's JavaScript refused before the checker saw it, or of
/// a failure of the module itself (after it was restarted): `INTERNAL-ERROR`, `INPUT-ENCODING`
/// (a file's text that cannot be decoded), with the particulars `why` (in English).
#[wasm_bindgen(js_name = refusal)]
pub fn refusal_js(rule: &str, why: &str, lang: Option<String>) -> JsValue {
    let lang = js_lang(lang);
    match rule {
        #[cfg(feature = "encodings")]
        "INPUT-ENCODING" => to_js(&read_error(ReadError::Undecodable { why: why.to_string() }, lang)),
        #[cfg(not(feature = "encodings"))]
        "INPUT-ENCODING" => to_js(&LintReport::refusal(INPUT_ENCODING.id, ReadError::undecodable_text(why), lang)),
        _ => refusal(INTERNAL_ERROR.id, &INTERNAL_MESSAGE, why.to_string(), lang),
    }
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Does this build read HTML strings itself (the Node build)?
#[wasm_bindgen(js_name = hasHtmlParser)]
pub fn has_html_parser() -> bool {
    cfg!(feature = "html-parser")
}

/// For the test that proves a trap does not take the module down for the page.
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    panic!("deliberate panic for the recovery test");
}
