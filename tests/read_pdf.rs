//! PDF files checked end to end (tests/fixtures/pdf/README.md says what each one is): the
//! three published reports give the table values and findings hand-checked in the corpus
//! (the same values as their `pdftotext` extractions, which the text reader reads); the
//! portal page and the Word paste printed to PDF by Chromium give exactly the findings and
//! values of their HTML; and PDFs that cannot be read — a scan, a password, a damaged file,
//! too many pages, a decompression bomb — are refused with their exact message.
//!
//! How the browser reads the same files through pdf.js, and that it gives the same reports,
//! is tested by tests/npm/files.test.mjs.

#[path = "common/pdf_builder.rs"]
mod pdf_builder;

use xxgk_lint::{lint_bytes, lint_document, Diagnostic, LintOptions, LintReport, ReadError, ReadOptions, Severity};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn check_bytes(bytes: &[u8]) -> Result<LintReport, ReadError> {
    lint_bytes(bytes, &ReadOptions::default(), &LintOptions::default())
}

fn check(name: &str) -> LintReport {
    check_bytes(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The refusal's message, as the CLI prints it.
fn refusal(bytes: &[u8]) -> String {
    match check_bytes(bytes) {
        Err(e) => e.to_string(),
        Ok(r) => panic!("read, with {} findings", r.diagnostics.len()),
    }
}

/// A finding as two shapes of one report must agree on it: all but where it is.
fn finding(d: &Diagnostic) -> String {
    format!(
        "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
        d.rule,
        d.severity,
        d.table,
        d.row,
        d.column,
        d.expected,
        d.actual,
        d.fix.as_ref().map(|f| &f.value),
        d.message
    )
}

fn findings(r: &LintReport) -> Vec<String> {
    let mut f: Vec<String> = r.diagnostics.iter().map(finding).collect();
    f.sort();
    f
}

fn tables(r: &LintReport) -> serde_json::Value {
    serde_json::to_value(&r.tables).unwrap()
}

/// The value of a cell of the report's tables (`row` None for 表四's one row).
fn value(r: &LintReport, table: &str, row: Option<&str>, column: &str) -> f64 {
    let t = tables(r);
    let rows = t[table].as_array().unwrap_or_else(|| panic!("表{table} not read"));
    let found =
        rows.iter().find(|x| row.is_none_or(|row| x["row"] == row)).unwrap_or_else(|| panic!("表{table} row {row:?}"));
    found["values"][column]["value"].as_f64().unwrap_or_else(|| panic!("表{table} {row:?} / {column}"))
}

/// An error: its rule, column, expected and actual values.
type Error<'r> = (&'static str, Option<&'r str>, Option<&'r str>, Option<&'r str>);

fn errors(r: &LintReport) -> Vec<Error<'_>> {
    r.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.rule, d.column.as_deref(), d.expected.as_deref(), d.actual.as_deref()))
        .collect()
}

fn rules(r: &LintReport) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.rule).collect()
}

/// Every finding about a cell or a label names the page and the box it is in.
fn assert_located(r: &LintReport, what: &str) {
    assert_eq!(serde_json::to_value(r.input).unwrap(), "pdf", "{what}");
    for d in r.diagnostics.iter().filter(|d| d.cell.is_some()) {
        let (Some(page), Some([x0, y0, x1, y1])) = (d.page, d.bbox) else {
            panic!("{what}: {} has no page/bbox", d.rule)
        };
        assert!(page >= 1 && x0 < x1 && y0 < y1 && x1 <= 600 && y1 <= 850, "{what}: {} at {page} {:?}", d.rule, d.bbox);
    }
}

const THREE_TOTALS: &str = "总计";

#[test]
fn huaian_2024_is_clean_with_its_hand_checked_values() {
    let r = check("pdf/jiangsu-huaian-shi-2024.pdf");
    assert_located(&r, "淮安 2024");
    assert_eq!((r.title.as_deref(), r.year), (Some("淮安市人民政府2024年政府信息公开工作年度报告"), Some(2024)));
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    // The only findings: the PDF prints the two 其他处理 items as "1、" and "2、" where the format
    // has "1." and "2." — judged as in a web page's cells, since a PDF's cells are real.
    assert_eq!(rules(&r), ["FMT-TABLE-LABEL", "FMT-TABLE-LABEL"]);
    assert!(r.diagnostics.iter().all(|d| d.severity == Severity::Warning
        && d.actual.as_deref().is_some_and(|a| a.starts_with("1、") || a.starts_with("2、"))));
    // 3119 + 34 = 3050 + 103; （七）总计 3050 = 1362 + 454 + 178 + 781 + 88 + 187.
    for (row, v) in [
        ("一、本年新收政府信息公开申请数量", 3119.0),
        ("二、上年结转政府信息公开申请数量", 34.0),
        ("（一）予以公开", 1362.0),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 454.0),
        ("8.属于行政查询事项", 105.0),
        ("1.本机关不掌握相关政府信息", 769.0),
        ("3.其他", 110.0),
        ("（七）总计", 3050.0),
        ("四、结转下年度继续办理", 103.0),
    ] {
        assert_eq!(value(&r, "三", Some(row), THREE_TOTALS), v, "{row}");
    }
    // 表四: 72 + 64 + 178 + 37 = 351, 13 + 4 + 8 + 1 = 26, 12 + 1 + 1 + 6 = 20.
    assert_eq!(value(&r, "四", None, "行政复议/总计"), 351.0);
    assert_eq!(value(&r, "四", None, "未经复议直接起诉/总计"), 26.0);
    assert_eq!(value(&r, "四", None, "复议后起诉/总计"), 20.0);
    // Every value the text reader reads from its `pdftotext -layout` extraction, and more
    // exactly: the same tables.
    let text = check("jiangsu-huaian-shi-2024.pdftotext-layout.txt");
    assert_eq!(tables(&r), tables(&text));
}

#[test]
fn hongze_2023_has_two_wrong_totals_in_table_four() {
    let r = check("pdf/jiangsu-huaian-hongze-qu-2023.pdf");
    assert_located(&r, "洪泽 2023");
    assert_eq!(
        errors(&r),
        [
            ("T4-SUM", Some("行政复议/总计"), Some("11"), Some("0")),
            ("T4-SUM", Some("复议后起诉/总计"), Some("5"), Some("0"))
        ]
    );
    // Each at its 总计 cell on page 4.
    for d in r.diagnostics.iter().filter(|d| d.rule == "T4-SUM") {
        assert_eq!((d.page, d.excerpt.as_deref()), (Some(4), Some("0")));
    }
    // The label typo (still matched) and the hybrid format: warnings, as in the text.
    let mut warnings: Vec<_> =
        r.diagnostics.iter().filter(|d| d.severity == Severity::Warning).map(|d| d.rule).collect();
    warnings.sort();
    assert_eq!(warnings, ["FMT-TABLE-LABEL", "FMT-VERSION"]);
    assert_eq!(value(&r, "三", Some("一、本年新收政府信息公开申请数量"), THREE_TOTALS), 21.0);
    assert_eq!(value(&r, "三", Some("（七）总计"), THREE_TOTALS), 21.0);
    let text = check("jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt");
    assert_eq!(tables(&r), tables(&text));
    assert_eq!(findings(&r), findings(&text));
}

#[test]
fn hongze_2024_tables_add_up() {
    let r = check("pdf/jiangsu-huaian-hongze-qu-2024.pdf");
    assert_located(&r, "洪泽 2024");
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    assert_eq!(value(&r, "三", Some("一、本年新收政府信息公开申请数量"), THREE_TOTALS), 95.0);
    assert_eq!(value(&r, "三", Some("（七）总计"), THREE_TOTALS), 95.0);
    assert_eq!(value(&r, "四", None, "行政复议/总计"), 2.0);
    assert_eq!(value(&r, "四", None, "未经复议直接起诉/总计"), 1.0);
    assert_eq!(value(&r, "四", None, "复议后起诉/总计"), 3.0);
    let text = check("jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt");
    assert_eq!(tables(&r), tables(&text));
    // The same findings; the quoted sentence without the spaces `pdftotext` puts around "17".
    assert_eq!(rules(&r), rules(&text));
    let quoted =
        |r: &LintReport| r.diagnostics.iter().find(|d| d.rule == "TXT-TABLE-MISMATCH").unwrap().message.clone();
    assert!(quoted(&r).contains("“区政府办代表区政府受理政府信息公开申请17件”"), "{}", quoted(&r));
}

/// A page printed to PDF by the browser (site chrome, running header and footer, labels
/// wrapped around their numbers, 表三 across two pages) reads as its HTML.
fn assert_reads_as_html(pdf: &str, html: &str) -> LintReport {
    let file = check(pdf);
    let page = check(html);
    assert_eq!(findings(&file), findings(&page), "{pdf}: findings");
    assert_eq!(tables(&file), tables(&page), "{pdf}: tables");
    assert_eq!(
        (&file.title, &file.organ, file.year, file.format),
        (&page.title, &page.organ, page.year, page.format),
        "{pdf}"
    );
    assert_eq!(file.summary, page.summary, "{pdf}");
    assert_located(&file, pdf);
    file
}

#[test]
fn the_portal_page_printed_by_chromium_reads_as_the_page() {
    let r =
        assert_reads_as_html("pdf/pingtan-2022.portal.chromium.pdf", "fujian-pingtan-zonghe-shiyanqu-2022.portal.html");
    assert_eq!(rules(&r), ["FMT-HEADING-TEXT"]);
    // The running header (date and page title) is not taken for the report's title.
    assert_eq!(r.title.as_deref(), Some("平潭综合实验区2022年度政府信息公开工作年度报告"));
}

#[test]
fn the_word_paste_printed_by_chromium_reads_as_the_paste() {
    let r = assert_reads_as_html("pdf/xizou-2019.word.chromium.pdf", "clipboard/word-xizou-2019.html");
    // The real defect, pinned at its cell on the page: 表三 （一）予以公开 / 总计 is 0, should be 3.
    let wrong: Vec<_> = r.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(wrong.len(), 2);
    for d in wrong {
        assert_eq!(
            (d.row.as_deref(), d.column.as_deref(), d.expected.as_deref(), d.actual.as_deref()),
            (Some("（一）予以公开"), Some("总计"), Some("3"), Some("0"))
        );
        assert_eq!(d.fix.as_ref().map(|f| f.value.as_str()), Some("3"));
        assert!(d.page.is_some_and(|p| p == 3 || p == 4));
    }
}

// ---------------------------------------------------------------- refusals

#[test]
fn a_scan_is_said_to_be_one() {
    assert_eq!(
        refusal(&fixture("pdf/scanned.pdf")),
        "the PDF cannot be read: this PDF has no text layer (2 pages of images only: a scan, 扫描件); run OCR on it first, or check the report's Word or web version"
    );
}

#[test]
fn a_password_is_refused_and_an_owner_password_alone_is_read() {
    assert_eq!(check_bytes(&fixture("pdf/encrypted.user-password.pdf")).unwrap_err(), ReadError::Encrypted);
    assert_eq!(
        refusal(&fixture("pdf/encrypted.user-password.pdf")),
        "the document is password-protected; remove the password (save a copy without one) and check that copy"
    );
    // Page 4 of 洪泽 2024, printing and copying forbidden: read as any viewer shows it.
    let r = check("pdf/encrypted.owner-password.pdf");
    assert_eq!(value(&r, "三", Some("（七）总计"), THREE_TOTALS), 95.0);
}

#[test]
fn a_damaged_file_is_said_to_be_damaged() {
    let bytes = fixture("pdf/jiangsu-huaian-hongze-qu-2024.pdf");
    // Cut in its header (nothing to rebuild a cross-reference table from), after the first
    // page's objects began, on page 2: one message, the same pdf.js's reading gives.
    for cut in [9, 1000, 20_000] {
        assert_eq!(
            refusal(&bytes[..cut]),
            "the PDF cannot be read: the PDF is damaged: its structure cannot be read (a file cut short, or not a PDF); open it in a PDF viewer and save or print it to PDF again",
            "cut at {cut}"
        );
    }
}

#[test]
fn too_many_pages_are_refused() {
    let contents = vec![&b"BT /F1 10 Tf (a) Tj ET"[..]; 501];
    let bytes = pdf_builder::pdf(&contents, lopdf::Dictionary::new(), false);
    assert_eq!(
        refusal(&bytes),
        "the PDF cannot be read: the PDF has 501 pages, more than the 500 read: not a single report"
    );
}

#[test]
fn a_decompression_bomb_is_refused_in_bounded_memory() {
    // 64 MB of spaces deflated to about 64 KB.
    let bytes = pdf_builder::pdf(&[&vec![b' '; 64 << 20]], lopdf::Dictionary::new(), true);
    assert_eq!(
        refusal(&bytes),
        "the PDF cannot be read: a stream of the PDF inflates to more than 32 MB: a decompression bomb, or not a report"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let bytes = fixture("pdf/jiangsu-huaian-shi-2024.pdf");
    let small = ReadOptions { max_bytes: 100_000, ..ReadOptions::default() };
    assert_eq!(
        lint_bytes(&bytes, &small, &LintOptions::default()).unwrap_err(),
        ReadError::TooLarge { size: 412_842, limit: 100_000 }
    );
}

// ---------------------------------------------------------------- mutations

/// One number changed on the page (a text run in 表三's 总计 column), the checker notices it at
/// that cell — through the extractor's pages, the layout and the rules.
#[test]
fn a_number_changed_on_the_page_is_found_at_its_cell() {
    use xxgk_lint::read::pdf::{layout::read_pages, pdf_pages, PdfLimits};
    let mut pages = pdf_pages(&fixture("pdf/jiangsu-huaian-hongze-qu-2024.pdf"), &PdfLimits::default()).unwrap();
    let clean = lint_document(&read_pages(&pages, &ReadOptions::default()), &LintOptions::default());
    assert!(errors(&clean).is_empty());
    // 表三's first "95" is 本年新收 / 总计 (this writer shows each glyph with its own operator:
    // a "9" run, then a "5" run on the same line).
    let page = pages
        .iter_mut()
        .find(|p| p.texts.windows(2).any(|w| w[0].text == "9" && w[1].text == "5" && w[0].y == w[1].y))
        .expect("95");
    let at = page.texts.windows(2).position(|w| w[0].text == "9" && w[1].text == "5" && w[0].y == w[1].y).unwrap();
    page.texts[at + 1].text = "6".into();
    let r = lint_document(&read_pages(&pages, &ReadOptions::default()), &LintOptions::default());
    let found = errors(&r);
    assert!(!found.is_empty(), "the changed number went unnoticed");
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.actual.as_deref() == Some("96") && d.page.is_some()),
        "{found:?}"
    );
}
