//! Every finding's message can be made again from its `messageId` and `args` alone, as a
//! host page that re-words or translates findings would: on every fixture, in both
//! languages, through the JSON the CLI prints — and the verdict line too.

use serde_json::Value;
use xxgk_lint::message::{find, Arg, Args};
use xxgk_lint::{lint_bytes, Lang, LintOptions, ReadOptions};

/// The arguments as the JSON gives them, made `Args` again by looking every phrase's id up
/// in the catalogue.
fn args(json: &Value) -> Args {
    let mut out = Args::new();
    for (name, value) in json.as_object().expect("args is an object") {
        // Argument names are the templates' `{placeholders}`: 'static in the catalogue.
        let name: &'static str = Box::leak(name.clone().into_boxed_str());
        out = out.arg(name, arg(value));
    }
    out
}

fn arg(value: &Value) -> Arg {
    match value {
        Value::String(s) => Arg::Text(s.clone()),
        Value::Object(o) if o.contains_key("messageId") => {
            let id = o["messageId"].as_str().unwrap();
            Arg::Phrase(find(id).unwrap_or_else(|| panic!("{id} is not in the catalogue")), args(&o["args"]))
        }
        Value::Object(o) => {
            Arg::Words { zh: o["zh"].as_str().unwrap().to_string(), en: o["en"].as_str().unwrap().to_string() }
        }
        other => panic!("an argument is a string or an object, not {other}"),
    }
}

fn rerender(json: &Value, lang: Lang) -> String {
    let id = json["messageId"].as_str().expect("messageId");
    find(id).unwrap_or_else(|| panic!("{id} is not in the catalogue")).render(lang, &args(&json["args"]))
}

fn fixtures(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            fixtures(&path, out);
        } else if !path.extension().is_some_and(|e| e == "md" || e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_fixture_s_messages_are_made_again_from_their_id_and_args() {
    let mut files = Vec::new();
    fixtures(std::path::Path::new("tests/fixtures"), &mut files);
    files.sort();
    let (mut checked, mut reports) = (0, 0);
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let options = LintOptions { lang, ..LintOptions::default() };
            let Ok(report) = lint_bytes(&bytes, &ReadOptions::default(), &options) else { continue };
            let json = serde_json::to_value(&report).unwrap();
            reports += 1;
            assert_eq!(rerender(&json["verdict"], lang), report.verdict.message, "{}", file.display());
            for d in json["diagnostics"].as_array().unwrap() {
                assert_eq!(rerender(d, lang), d["message"].as_str().unwrap(), "{}: {d}", file.display());
                checked += 1;
            }
        }
    }
    // Every kind of fixture was read, and most have findings.
    assert!(reports > 60 && checked > 300, "{reports} reports, {checked} messages");
}

/// A read error's message too: from its id and arguments, in both languages.
#[test]
fn read_errors_are_messages_too() {
    for bytes in [&b""[..], b"\x89PNG\r\n\x1a\n....", b"%PDF-1.7 cut"] {
        let e = lint_bytes(bytes, &ReadOptions::default(), &LintOptions::default()).unwrap_err();
        for lang in [Lang::Zh, Lang::En] {
            let text = e.text();
            let json =
                serde_json::json!({ "messageId": text.message.id, "args": serde_json::to_value(&text.args).unwrap() });
            assert_eq!(rerender(&json, lang), e.render(lang));
        }
    }
}
