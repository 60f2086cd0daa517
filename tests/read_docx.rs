//! Word and WPS `.docx` files (tests/fixtures/docx/README.md says what each holds): the same
//! report as a file gives the findings and values it gives as HTML, whoever wrote the file;
//! what only a file shows (tracked changes, comments, hidden text, fields, list numbers,
//! placeholders, a blank template) is read as the README says; and files that are not
//! readable Word documents are refused with the reason, never a panic.

use std::io::{Read, Write};

use xxgk_lint::{lint_bytes, read_bytes, Diagnostic, LintOptions, LintReport, ReadError, ReadOptions, Severity};

const XIZOU_HTML: &str = "tests/fixtures/clipboard/word-xizou-2019.html";
const PINGTAN_HTML: &str = "tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html";

fn docx(name: &str) -> String {
    format!("tests/fixtures/docx/{name}")
}

fn check_bytes(bytes: &[u8]) -> Result<LintReport, ReadError> {
    lint_bytes(bytes, &ReadOptions::default(), &LintOptions::default())
}

fn check(path: &str) -> LintReport {
    check_bytes(&std::fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What must agree between two shapes of one report: every field of every finding but its
/// location (a Word file locates by paragraph and `w:tc`, HTML by byte and DOM cell).
type Finding = (
    &'static str,
    Severity,
    Option<&'static str>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

fn finding(d: &Diagnostic) -> Finding {
    (
        d.rule,
        d.severity,
        d.table,
        d.row.clone(),
        d.column.clone(),
        d.expected.clone(),
        d.actual.clone(),
        d.fix.as_ref().map(|f| f.value.clone()),
        d.message.clone(),
        d.excerpt.clone(),
    )
}

fn findings(r: &LintReport) -> Vec<Finding> {
    let mut f: Vec<Finding> = r.diagnostics.iter().map(finding).collect();
    f.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    f
}

fn assert_same_report(file: &LintReport, html: &LintReport, what: &str) {
    assert_eq!(findings(file), findings(html), "{what}: findings");
    assert_eq!(
        serde_json::to_value(&file.tables).unwrap(),
        serde_json::to_value(&html.tables).unwrap(),
        "{what}: tables"
    );
    assert_eq!(
        (&file.title, &file.organ, file.year, file.format),
        (&html.title, &html.organ, html.year, html.format),
        "{what}"
    );
    assert_eq!(file.summary, html.summary, "{what}");
    assert_eq!(serde_json::to_value(file.input).unwrap(), "docx");
    assert!(file.diagnostics.iter().all(|d| d.span.is_none() && d.paragraph.is_some()), "{what}: located by paragraph");
}

fn rules(r: &LintReport) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.rule).collect()
}

#[test]
fn xizou_written_by_libreoffice_and_python_docx_reads_as_its_word_html() {
    let html = check(XIZOU_HTML);
    for name in ["xizou-2019.libreoffice.docx", "xizou-2019.python-docx.docx"] {
        let file = check(&docx(name));
        assert_same_report(&file, &html, name);
        // The real defect, pinned: 表三 （一）予以公开 / 总计 is 0, should be 3.
        let errors: Vec<_> = file
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| {
                (
                    d.rule,
                    d.row.as_deref(),
                    d.column.as_deref(),
                    d.expected.as_deref(),
                    d.actual.as_deref(),
                    d.fix.as_ref().map(|f| f.value.as_str()),
                )
            })
            .collect();
        let pin = (Some("（一）予以公开"), Some("总计"), Some("3"), Some("0"), Some("3"));
        assert_eq!(
            errors,
            vec![
                ("T3-RESULT-SUM", pin.0, pin.1, pin.2, pin.3, pin.4),
                ("T3-ROW-TOTAL", pin.0, pin.1, pin.2, pin.3, pin.4)
            ],
            "{name}"
        );
    }
}

#[test]
fn pingtan_written_by_libreoffice_python_docx_and_wps_reads_as_its_portal_page() {
    let html = check(PINGTAN_HTML);
    assert_eq!(rules(&html), vec!["FMT-HEADING-TEXT"]);
    // The whole page saved as Word, site chrome and all: the same, and the comment
    // LibreOffice made of a <meta> tag it did not know (a real comment, in the file).
    let page = check(&docx("pingtan-2022.portal.libreoffice.docx"));
    let comment: Vec<_> = page.diagnostics.iter().filter(|d| d.rule == "DOCX-COMMENTS").collect();
    assert_eq!(comment.len(), 1);
    assert_eq!(comment[0].actual.as_deref(), Some(r#"HTML: <meta http-equiv="x-UA-Compatible" content="IE=Edge">"#));
    let mut without = page.clone();
    without.diagnostics.retain(|d| d.rule != "DOCX-COMMENTS");
    without.summary.warnings -= 1;
    assert_same_report(&without, &html, "the page saved by LibreOffice");
    for name in [
        "pingtan-2022.python-docx.docx",
        // The real WPS template, filled.
        "pingtan-2022.wps-template-filled.docx",
        // The same with content controls, Word's automatic list numbers, hidden text.
        "pingtan-2022.content-controls.docx",
        "pingtan-2022.numbering.docx",
        "pingtan-2022.hidden-text.docx",
    ] {
        assert_same_report(&check(&docx(name)), &html, name);
    }
}

/// The text of every block as `dump` reads it.
fn texts(path: &str) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let doc = read_bytes(&bytes, &ReadOptions::default()).unwrap();
    doc.blocks
        .iter()
        .map(|b| match b {
            xxgk_lint::Block::Paragraph(p) => p.text.clone(),
            xxgk_lint::Block::Table(t) => t.cells().map(|c| t.text(c)).collect::<Vec<_>>().join("|"),
        })
        .collect()
}

#[test]
fn word_list_numbers_are_made_as_word_shows_them() {
    let tables = texts(&docx("pingtan-2022.numbering.docx"));
    let requests = &tables.iter().filter(|t| t.contains("本年新收")).collect::<Vec<_>>()[0];
    for label in [
        "（一）予以公开",
        "（七）总计",
        "1. 属于国家秘密",
        "8. 属于行政查询事项",
        "3. 补正后申请内容仍不明确",
        "3. 其他",
    ] {
        assert!(requests.contains(label), "{label} in {requests}");
    }
}

#[test]
fn hidden_text_is_left_out_and_said() {
    let path = docx("pingtan-2022.hidden-text.docx");
    let all = texts(&path).join("\n");
    for hidden in ["3799", "内部备注", "申请99件"] {
        assert!(!all.contains(hidden), "{hidden}");
    }
    let bytes = std::fs::read(&path).unwrap();
    let doc = read_bytes(&bytes, &ReadOptions::default()).unwrap();
    let note = doc.notes.iter().find(|n| n.kind == xxgk_lint::document::NoteKind::HiddenText).expect("a note");
    assert!(note.message.starts_with("3 runs of text formatted hidden were left out"), "{}", note.message);
}

#[test]
fn fields_show_their_results_and_a_broken_reference_is_an_artefact() {
    let path = docx("pingtan-2022.broken-ref.docx");
    let all = texts(&path).join("\n");
    assert!(
        !all.contains("REF _Ref")
            && !all.contains("HYPERLINK")
            && !all.contains("SUM(LEFT)")
            && !all.contains("CREATEDATE")
    );
    assert!(all.contains("（详见错误！未找到引用源。）") && all.contains("2023年2月20日"));
    let r = check(&path);
    let base = check(&docx("pingtan-2022.wps-template-filled.docx"));
    // 表三's 74 is a =SUM(LEFT) field: its result is read.
    assert_eq!(serde_json::to_value(&r.tables).unwrap(), serde_json::to_value(&base.tables).unwrap());
    let artefact: Vec<_> = r.diagnostics.iter().filter(|d| d.rule == "PASTE-ARTIFACT").collect();
    assert_eq!(artefact.len(), 1);
    assert_eq!(artefact[0].actual.as_deref(), Some("错误！未找到引用源。）"));
    assert!(artefact[0].excerpt.as_deref().unwrap().starts_with("一是压实工作责任。"));
    assert_eq!(rules(&r), vec!["PASTE-ARTIFACT", "FMT-HEADING-TEXT"]);
}

#[test]
fn tracked_changes_are_read_as_accepted_and_named_where_they_are() {
    let r = check(&docx("pingtan-2022.tracked-changes.docx"));
    let base = check(&docx("pingtan-2022.wps-template-filled.docx"));
    // Accepted, the report is the base: 表三 （一） 总计 reads 21 (not 12, not 1221).
    assert_eq!(serde_json::to_value(&r.tables).unwrap(), serde_json::to_value(&base.tables).unwrap());
    assert!(!rules(&r).iter().any(|r| r.starts_with("T3-")));
    let changes: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "DOCX-TRACKED-CHANGES")
        .map(|d| {
            (
                d.paragraph,
                d.cell.map(|c| (c.table, c.row, c.cell)),
                d.row.as_deref(),
                d.column.as_deref(),
                // What was deleted and inserted, as the message says it.
                d.message.split('：').nth(1).and_then(|m| m.split('。').next()),
            )
        })
        .collect();
    assert_eq!(
        changes,
        vec![
            // The bold added to 一、总体情况; the inserted paragraph mark of （一）主动公开方面.
            (Some(4), None, None, None, Some("格式或段落修订")),
            (Some(6), None, None, None, Some("格式或段落修订")),
            // The deleted paragraph, and 五's "2022年" → "2023年".
            (Some(367), None, None, None, Some("删除“另，2022年全区共收到政府信息公开申请80件")),
            (Some(368), None, None, None, Some("删除“2022年”，插入“2023年”")),
            // 表三 （一）予以公开 / 总计 (listed with 表三's findings): the second w:tbl, its
            // sixth w:tr, ninth w:tc, paragraph 102 of the file (counted independently with lxml).
            (Some(102), Some((1, 5, 8)), Some("（一）予以公开"), Some("总计"), Some("删除“12”，插入“21”")),
        ]
    );
    // Neither text is "found" or "wanted": the finding has no expected or actual.
    assert!(r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "DOCX-TRACKED-CHANGES")
        .all(|d| d.expected.is_none() && d.actual.is_none()));
    assert!(r.diagnostics.iter().all(|d| d.severity == Severity::Warning));
    let deleted = r.diagnostics.iter().find(|d| d.paragraph == Some(367)).unwrap();
    assert_eq!(deleted.message, "段落“2022年，平潭综合实验区政府信息公开工作取得了…”之后的一段有未接受的修订（李明）：删除“另，2022年全区共收到政府信息公开申请80件。”。发布前请在 Word 或 WPS 中接受或拒绝全部修订；本次按接受修订后的内容检查。");
}

#[test]
fn comments_are_named_with_their_text_author_and_place() {
    let r = check(&docx("pingtan-2022.comment.docx"));
    let comments: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "DOCX-COMMENTS")
        .map(|d| {
            (
                d.actual.as_deref(),
                d.table,
                d.row.as_deref(),
                d.column.as_deref(),
                d.cell.map(|c| (c.table, c.row, c.cell)),
                d.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        comments,
        vec![
            (Some("数据需要再核对"), None, None, None, None, "段落“一是畅通依申请公开渠道，推动全区政务公开单位动态…”留有批注（王芳）：“数据需要再核对”。发布前请删除批注。"),
            (
                Some("含上年结转1件？请核对75件"),
                Some("三"),
                Some("一、本年新收政府信息公开申请数量"),
                Some("总计"),
                Some((1, 3, 7)),
                "表三「一、本年新收政府信息公开申请数量 / 总计」留有批注（李明）：“含上年结转1件？请核对75件”。发布前请删除批注。"
            ),
        ]
    );
    // The comment's digits do not enter the cell: 74 stays 74.
    let base = check(&docx("pingtan-2022.wps-template-filled.docx"));
    assert_eq!(serde_json::to_value(&r.tables).unwrap(), serde_json::to_value(&base.tables).unwrap());
}

#[test]
fn a_placeholder_left_in_is_one_warning_and_nothing_else_changes() {
    let r = check(&docx("pingtan-2022.placeholder.docx"));
    assert_eq!(rules(&r), vec!["FMT-HEADING-TEXT", "TEMPLATE-UNFILLED"]);
    let d = &r.diagnostics[1];
    assert_eq!((d.severity, d.actual.as_deref()), (Severity::Warning, Some("（文字描述）")));
    assert_eq!(d.message, "“五、存在的主要问题及改进情况”一节仍是模板占位文字“（文字描述）”，请填写实际内容。");
}

#[test]
fn the_blank_template_is_one_finding_not_175() {
    let r = check(&docx("template-2021.wps.docx"));
    assert_eq!(rules(&r), vec!["TEMPLATE-UNFILLED"]);
    assert_eq!((r.summary.errors, r.summary.warnings), (1, 0));
    // The tables are still read (every cell blank), for whoever wants to see them.
    assert!(r.tables.0.iter().any(|(t, _)| *t == "三"));
}

/// The fixture with one part replaced.
fn with_part(path: &str, part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == part {
            bytes = edit(String::from_utf8(bytes).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn one_number_changed_in_the_file_is_found_at_its_w_tc() {
    // 表三 （二）部分公开 / 自然人 8 → 9 in the filled WPS template. Its row comes after the
    // vertically merged 三、本年度办理结果 cell, whose continuation is the row's first w:tc:
    // the finding must name the file's w:tc (index 2), not the tree's cell (index 1).
    let bytes = with_part(&docx("pingtan-2022.wps-template-filled.docx"), "word/document.xml", |xml| {
        // The second table's seventh row's third cell.
        let nth =
            |from: usize, what: &str, n: usize| (0..n).fold(from, |at, _| at + 1 + xml[at + 1..].find(what).unwrap());
        let table = nth(0, "<w:tbl>", 2);
        let cell = nth(nth(table, "<w:tr ", 7), "<w:tc>", 3);
        let at = cell + xml[cell..].find(">8<").expect("the value 8");
        format!("{}>9<{}", &xml[..at], &xml[at + 3..])
    });
    let r = check_bytes(&bytes).unwrap();
    let errors: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            (
                d.rule,
                d.row.as_deref(),
                d.column.as_deref(),
                d.fix.as_ref().map(|f| f.value.as_str()),
                d.cell.map(|c| (c.table, c.row, c.cell)),
            )
        })
        .collect();
    let cell = Some((1, 6, 2));
    let row = Some("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
    assert_eq!(
        errors,
        vec![
            ("T3-RESULT-SUM", row, Some("自然人"), Some("8"), cell),
            ("T3-ROW-TOTAL", row, Some("自然人"), Some("8"), cell)
        ]
    );
}

/// A `.docx`-shaped archive of these parts.
fn package(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default().compression_method(method)).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

const RELS: &[u8] = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn refusal(bytes: &[u8]) -> String {
    match check_bytes(bytes) {
        Err(e) => e.to_string(),
        Ok(r) => panic!("read: {:?}", rules(&r)),
    }
}

#[test]
fn a_zip_bomb_is_refused_quickly() {
    // 300 MB of spaces inside the main document: 0.3 MB deflated.
    let mut xml =
        br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#.to_vec();
    xml.resize(300 << 20, b' ');
    let bomb = package(&[("_rels/.rels", RELS), ("word/document.xml", &xml)], zip::CompressionMethod::Deflated);
    drop(xml);
    assert!(bomb.len() < 1 << 20);
    let started = std::time::Instant::now();
    let e = refusal(&bomb);
    assert!(e.contains("word/document.xml inflates to more than 64 MB: a zip bomb"), "{e}");
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn an_archive_of_too_many_entries_is_refused_before_it_is_opened() {
    let names: Vec<String> = (0..10_001).map(|i| format!("x/{i}")).collect();
    let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let e = refusal(&package(&parts, zip::CompressionMethod::Stored));
    assert!(e.contains("10001 entries, more than the 10000"), "{e}");
}

#[test]
fn files_that_are_not_readable_word_documents_say_what_they_are() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (std::fs::read(docx("pingtan-2022.encrypted.docx")).unwrap(), "password-protected"),
        (std::fs::read(docx("pingtan-2022.doc")).unwrap(), "old binary Word or WPS document (.doc, .wps)"),
        (package(&[("xl/workbook.xml", b"<workbook/>")], zip::CompressionMethod::Deflated), "an Excel workbook (.xlsx)"),
        (package(&[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")], zip::CompressionMethod::Stored), "an OpenDocument file (.odt)"),
        (package(&[("a.txt", b"hello")], zip::CompressionMethod::Deflated), "a ZIP archive that holds no Word document"),
        (package(&[("_rels/.rels", RELS), ("word/document.xml", br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>"#)], zip::CompressionMethod::Deflated), "not well-formed XML"),
        (package(&[("_rels/.rels", RELS), ("word/document.xml", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>")], zip::CompressionMethod::Deflated), "not well-formed XML"),
        (std::fs::read(docx("pingtan-2022.comment.docx")).unwrap()[..5000].to_vec(), "the ZIP archive is damaged"),
        (b"PK\x03\x04 nothing else".to_vec(), "the ZIP archive is damaged"),
    ];
    for (bytes, expected) in cases {
        let e = refusal(&bytes);
        assert!(e.contains(expected), "{expected}: {e}");
    }
    // A Word document with no text at all is empty, as an empty paste is.
    let empty = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>"#;
    let bytes = package(&[("_rels/.rels", RELS), ("word/document.xml", empty)], zip::CompressionMethod::Deflated);
    assert_eq!(check_bytes(&bytes).unwrap_err(), ReadError::Empty);
}

#[test]
fn any_bytes_cut_from_a_word_file_give_a_report_or_a_reason() {
    let bytes = std::fs::read(docx("pingtan-2022.tracked-changes.docx")).unwrap();
    for cut in (0..bytes.len()).step_by(997) {
        let _ = check_bytes(&bytes[..cut]);
        let mut flipped = bytes.clone();
        flipped[cut] ^= 0x55;
        let _ = check_bytes(&flipped);
    }
}
