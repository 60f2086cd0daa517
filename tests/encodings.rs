//! Files in other encodings (tests/fixtures/encodings/, made from corpus reports by
//! scripts/fixtures/make-encodings.py; manifest.json says how each was made): each decodes to
//! its source's text, is reported as the right encoding, and gives the UTF-8 original's
//! findings with spans that are byte ranges in the file as given.
#![cfg(feature = "encodings")]

use std::process::Command;

use serde_json::Value;
use xxgk_lint::read::decode::decode;
use xxgk_lint::{lint_bytes, LintOptions, LintReport, ReadError, ReadOptions, TextEncoding};

const DIR: &str = "tests/fixtures/encodings";

struct Fixture {
    file: String,
    bytes: Vec<u8>,
    source: String,
    /// Text edits made before encoding (a page's declaration; GBK has no no-break space).
    edits: Vec<(String, String)>,
    /// The source's text with the edits: what the file must decode to.
    expected: String,
    encoding: String,
}

fn fixtures() -> Vec<Fixture> {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/manifest.json")).unwrap()).unwrap();
    let entries = manifest.as_array().unwrap();
    assert!(entries.len() >= 14, "the manifest lists every fixture");
    entries
        .iter()
        .map(|e| {
            let file = e["file"].as_str().unwrap().to_string();
            let source = e["source"].as_str().unwrap().to_string();
            let edits: Vec<(String, String)> = e["edits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|edit| (edit[0].as_str().unwrap().to_string(), edit[1].as_str().unwrap().to_string()))
                .collect();
            let expected = edited(&std::fs::read_to_string(format!("tests/fixtures/{source}")).unwrap(), &edits);
            Fixture {
                bytes: std::fs::read(format!("{DIR}/{file}")).unwrap(),
                file,
                source,
                edits,
                expected,
                encoding: e["encoding"].as_str().unwrap().to_string(),
            }
        })
        .collect()
}

fn edited(text: &str, edits: &[(String, String)]) -> String {
    edits.iter().fold(text.to_string(), |text, (old, new)| text.replace(old, new))
}

fn lint(bytes: &[u8], read: &ReadOptions) -> Result<LintReport, ReadError> {
    lint_bytes(bytes, read, &LintOptions::default())
}

/// A report's findings and extracted values without what depends on where the text sits in
/// the file (spans, and the ids and paragraphs derived from them) or on how it was encoded.
fn comparable(report: &LintReport) -> Value {
    let mut v = serde_json::to_value(report).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.remove("encoding");
    for d in obj["diagnostics"].as_array_mut().unwrap() {
        let d = d.as_object_mut().unwrap();
        d.remove("span");
    }
    v
}

#[test]
fn every_fixture_decodes_to_its_source_text() {
    for f in fixtures() {
        let decoded = decode(&f.bytes, &ReadOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        assert_eq!(decoded.encoding, f.encoding, "{}", f.file);
        assert!(decoded.text == f.expected, "{}: the text differs from its source's", f.file);
    }
}

#[test]
fn every_fixture_gives_the_originals_findings_with_spans_in_the_file() {
    let mut spans_checked = 0;
    for f in fixtures() {
        let original_bytes = std::fs::read(format!("tests/fixtures/{}", f.source)).unwrap();
        let original = lint(&original_bytes, &ReadOptions::default()).unwrap();
        let report = lint(&f.bytes, &ReadOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        assert_eq!(report.encoding, Some(f.encoding.as_str()), "{}", f.file);
        assert_eq!(comparable(&report), comparable(&original), "{}: findings differ from {}", f.file, f.source);
        assert!(!report.diagnostics.is_empty(), "{}: a fixture with findings", f.file);
        // Each span, cut out of the file and decoded, is the original's span text.
        let encoding = encoding_rs::Encoding::for_label(f.encoding.as_bytes()).unwrap();
        for (d, o) in report.diagnostics.iter().zip(&original.diagnostics) {
            let (Some(s), Some(os)) = (d.span, o.span) else {
                assert_eq!(d.span.is_some(), o.span.is_some(), "{}: {}", f.file, d.rule);
                continue;
            };
            let cut = encoding.decode_without_bom_handling(&f.bytes[s.start..s.end]).0;
            let want = edited(std::str::from_utf8(&original_bytes[os.start..os.end]).unwrap(), &f.edits);
            assert_eq!(cut, want, "{}: {} span {s:?}", f.file, d.rule);
            spans_checked += 1;
        }
    }
    assert!(spans_checked > 50, "{spans_checked} spans checked");
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xxgk-lint")).args(args).output().unwrap()
}

#[test]
fn the_gbk_portal_page_is_checked_like_the_original() {
    let gbk = format!("{DIR}/pingtan-2022.portal.gbk-meta-gb2312.html");
    let original = "tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html";
    let (out, want) = (cli(&["check", &gbk]), cli(&["check", original]));
    // It was exit status 1 with FMT-SECTION-MISSING ("no section found"): mojibake checked.
    assert_eq!(out.status.code(), want.status.code());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("FMT-SECTION-MISSING"), "{text}");
    assert_eq!(text.replace(&gbk, original), String::from_utf8(want.stdout).unwrap());
    let json: Value = serde_json::from_slice(&cli(&["check", "--json", &gbk]).stdout).unwrap();
    assert_eq!(json[0]["encoding"], "GB18030");
}

#[test]
fn dump_and_recognize_print_spans_in_the_file() {
    let gbk = format!("{DIR}/xizou-2019.gbk.txt");
    let bytes = std::fs::read(&gbk).unwrap();
    let dump: Value = serde_json::from_slice(&cli(&["dump", "--json", &gbk]).stdout).unwrap();
    let p = &dump["blocks"][0];
    let span = (p["span"][0].as_u64().unwrap() as usize, p["span"][1].as_u64().unwrap() as usize);
    let cut = encoding_rs::GB18030.decode_without_bom_handling(&bytes[span.0..span.1]).0;
    assert_eq!(cut, p["text"].as_str().unwrap());
    let recognized: Value = serde_json::from_slice(&cli(&["recognize", &gbk]).stdout).unwrap();
    assert_eq!(recognized["title"]["text"], "息陬镇人民政府2019年信息公开年度报告");
    assert_eq!(recognized["title"]["span"], p["span"]);
}

#[test]
fn encoding_option_overrides_detection_and_a_wrong_one_is_an_error() {
    let undeclared = format!("{DIR}/xizou-2019.gbk.txt");
    let original = "tests/fixtures/xizou-2019.txt";
    // Forcing what detection finds gives the same report.
    for label in ["gbk", "GB2312", "gb18030"] {
        let out = cli(&["check", "--json", "--encoding", label, &undeclared]);
        assert_eq!(out.status.code(), Some(1), "{label}: {}", String::from_utf8_lossy(&out.stderr));
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json[0]["encoding"], "GB18030");
    }
    // A wrong one: the bytes do not decode sensibly in it, which is a read error (exit
    // status 2) naming what does fit — never mojibake checked as a report.
    let out = cli(&["check", "--encoding", "utf-8", &undeclared]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("read as UTF-8, as --encoding says") && err.contains("try --encoding gb18030"), "{err}");
    let out = cli(&["check", "--encoding", "gbk", original]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("valid UTF-8"));
    let out = cli(&["check", "--encoding", "big5", &undeclared]);
    assert_eq!(out.status.code(), Some(2), "GBK read as Big5: {}", String::from_utf8_lossy(&out.stdout));
    // On dump, recognize and --previous too.
    assert_eq!(cli(&["dump", "--encoding", "utf-8", &undeclared]).status.code(), Some(2));
    assert_eq!(cli(&["recognize", "--encoding", "utf-8", &undeclared]).status.code(), Some(2));
    assert!(cli(&["dump", "--encoding", "gbk", &undeclared]).status.success());
    // An unknown label is a usage error.
    let out = cli(&["check", "--encoding", "klingon", original]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gb18030"));
}

#[test]
fn previous_is_decoded_like_the_checked_file() {
    // Last year's report in GBK; this year's in UTF-8 (the 2024 report of the same district).
    let previous = encoding_rs::GBK
        .encode(&std::fs::read_to_string("tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt").unwrap())
        .0
        .into_owned();
    let path = std::env::temp_dir().join(format!("xxgk-previous-{}.txt", std::process::id()));
    std::fs::write(&path, &previous).unwrap();
    let current = "tests/fixtures/jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt";
    let gbk = cli(&["check", "--json", "--previous", path.to_str().unwrap(), current]);
    let utf8 = cli(&[
        "check",
        "--json",
        "--previous",
        "tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt",
        current,
    ]);
    assert_eq!(gbk.stdout, utf8.stdout);
    let forced = cli(&["check", "--encoding", "utf-8", "--previous", path.to_str().unwrap(), current]);
    assert_eq!(forced.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&forced.stderr).contains("--previous"));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_byte_order_mark_wins_over_a_wrong_declaration() {
    let file = format!("{DIR}/pingtan-2022.portal.utf8-bom-meta-gb2312.html");
    let bytes = std::fs::read(&file).unwrap();
    let decoded = decode(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(decoded.encoding, "UTF-8");
    assert!(decoded.notes.iter().any(|n| n.message.contains("charset=gb2312")));
    // And over --encoding.
    let forced = ReadOptions { encoding: TextEncoding::for_label("gbk"), ..ReadOptions::default() };
    assert_eq!(lint(&bytes, &forced).unwrap().encoding, Some("UTF-8"));
}

#[test]
fn bytes_that_decode_in_no_encoding_are_an_error() {
    // The sample report in UTF-8 with a stray 0xFF after every eighth byte: not UTF-8, and not
    // GB18030 either (nor what chardetng guesses).
    let text = std::fs::read("tests/fixtures/xizou-2019.txt").unwrap();
    let bytes: Vec<u8> = text.chunks(8).flat_map(|c| c.iter().copied().chain([0xFF])).collect();
    let err = lint(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(matches!(err, ReadError::Undecodable { .. }), "{err:?}");
    assert!(err.to_string().contains("none fits"), "{err}");
    // A few bad bytes are replaced and said, as before.
    let mut damaged = text.clone();
    damaged.insert(0, 0xFF);
    let report = lint(&damaged, &ReadOptions::default()).unwrap();
    assert_eq!(report.encoding, Some("UTF-8"));
    assert_eq!(report.summary.errors, 2);
}
