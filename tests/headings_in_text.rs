//! Headings run into the text, as portal page text and PDF text give them (docs/format.md §3, §9.6):
//! a heading glued to the last cell of the table before it, a heading under a variant or
//! reworded title run into its text, a heading without its 、, and a sentence with numbers
//! between a heading and its table. Each shape is built from a real report of
//! `tests/fixtures/`; the same report read from HTML (or, for a PDF extraction, from its unedited
//! text) must give the same structural findings and the same tables. And what is no heading —
//! a heading named in a sentence, 表三's numbered rows, `一是…`, `（一）…` — must stay so.
//!
//! Findings are compared in any order: a heading run into a paragraph is located at its
//! paragraph, so its finding may sort before findings on text that comes earlier.

use xxgk_lint::{lint_str, read_str, Block, Diagnostic, LintOptions, LintReport, ReadOptions, Severity};

/// (rule, severity, table, row, column, expected, actual)
type Finding =
    (&'static str, Severity, Option<&'static str>, Option<String>, Option<String>, Option<String>, Option<String>);

fn finding(d: &Diagnostic) -> Finding {
    (d.rule, d.severity, d.table, d.row.clone(), d.column.clone(), d.expected.clone(), d.actual.clone())
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap()
}

fn lint(input: &str) -> LintReport {
    lint_str(input, &ReadOptions::default(), &LintOptions::default()).unwrap()
}

/// `input` with `from` (which must occur exactly once) replaced by `to`.
fn edit(input: &str, from: &str, to: &str) -> String {
    assert_eq!(input.matches(from).count(), 1, "{from}");
    input.replacen(from, to, 1)
}

/// `html` with `snippet` inserted after the first `close` (e.g. `</p>`) that follows `anchor`.
fn insert_after(html: &str, anchor: &str, close: &str, snippet: &str) -> String {
    assert_eq!(html.matches(anchor).count(), 1, "{anchor}");
    let at = html.find(anchor).unwrap();
    let end = at + html[at..].find(close).unwrap() + close.len();
    format!("{}{snippet}{}", &html[..end], &html[end..])
}

/// A paragraph as Word's clipboard HTML writes it.
fn word_paragraph(text: &str) -> String {
    format!("\n<p class=MsoNormal><span style='font-size:16.0pt;font-family:仿宋_GB2312'>{text}</span></p>\n")
}

/// The report's page text as a portal archive keeps it — the `textContent` of the article with
/// its whitespace collapsed, the shape of the 平潭 `page.txt` fixtures: the title on a line of
/// its own, then the paragraphs and each table's cells (row by row) on one line, the cells
/// glued together, and the blocks joined by `glue` (`""` where the page's source has no
/// whitespace between its elements, `" "` where it has).
fn page_text(html: &str, glue: &str) -> String {
    let doc = read_str(html, &ReadOptions::default()).unwrap();
    let mut blocks = doc.blocks.iter().map(|b| match b {
        Block::Paragraph(p) => p.text.clone(),
        Block::Table(t) => t.rows.iter().flat_map(|r| r.cells.iter().map(|c| t.text(c))).collect(),
    });
    let title = blocks.next().unwrap();
    format!("{title}\n{}\n", blocks.collect::<Vec<_>>().join(glue))
}

/// Findings in a fixed order (their order in the output follows their location).
fn sorted(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by_key(|f| format!("{f:?}"));
    findings
}

fn all(r: &LintReport) -> Vec<Finding> {
    sorted(r.diagnostics.iter().map(finding).collect())
}

/// The structural findings: sections, headings, tables that cannot be read.
fn structure(r: &LintReport) -> Vec<Finding> {
    let structural = |d: &&Diagnostic| {
        d.rule.starts_with("FMT-SECTION-") || d.rule == "FMT-HEADING-TEXT" || d.rule == "TABLE-UNREADABLE"
    };
    sorted(r.diagnostics.iter().filter(structural).map(finding).collect())
}

fn sections(r: &LintReport) -> Vec<Finding> {
    sorted(r.diagnostics.iter().filter(|d| d.rule.starts_with("FMT-SECTION-")).map(finding).collect())
}

/// The values read, as the JSON output shows them.
fn tables(r: &LintReport) -> serde_json::Value {
    serde_json::to_value(&r.tables).unwrap()
}

/// The value read in a cell of one of the report's tables (表四 has one row, unnamed).
fn value(r: &LintReport, table: &str, row: &str, column: &str) -> serde_json::Value {
    let rows = tables(r)[table].as_array().cloned().unwrap_or_default();
    let named = |x: &&serde_json::Value| x["row"] == row || row.is_empty() && x["row"].is_null();
    let row = rows.iter().find(named).unwrap_or_else(|| panic!("表{table} has no row {row}"));
    row["values"][column]["value"].clone()
}

fn heading_text(expected: &str, actual: &str) -> Finding {
    ("FMT-HEADING-TEXT", Severity::Warning, None, None, None, s(expected), s(actual))
}

fn missing(expected: &str) -> Finding {
    ("FMT-SECTION-MISSING", Severity::Error, None, None, None, s(expected), None)
}

fn unreadable(table: &'static str, row: &str) -> Finding {
    ("TABLE-UNREADABLE", Severity::Warning, Some(table), s(row), None, None, None)
}

const WORD: &str = "clipboard/word-xizou-2019.html";
const XIZOU_TEXT: &str = "xizou-2019.txt";
const PINGTAN_TEXT: &str = "fujian-pingtan-zonghe-shiyanqu-2022.page.txt";
const PINGTAN_HTML: &str = "fujian-pingtan-zonghe-shiyanqu-2022.portal.html";
const HUAIAN_RAW: &str = "jiangsu-huaian-shi-2024.pdftotext-raw.txt";
const HUAIAN_LAYOUT: &str = "jiangsu-huaian-shi-2024.pdftotext-layout.txt";

/// Every finding on the 息陬镇 2019 report as Word HTML: four warnings of the text and the two
/// errors of 表三's one wrong cell (tests/fixtures/CORPUS.md) — nothing structural.
fn xizou_findings() -> Vec<Finding> {
    let pinned = |rule| (rule, Severity::Error, Some("三"), s("（一）予以公开"), s("总计"), s("3"), s("0"));
    sorted(vec![
        (
            "FMT-TITLE",
            Severity::Warning,
            None,
            None,
            None,
            s("息陬镇人民政府2019年政府信息公开工作年度报告"),
            s("息陬镇人民政府2019年信息公开年度报告"),
        ),
        ("TXT-CATEGORY-SUM", Severity::Warning, None, None, None, s("646"), s("≥680")),
        ("TXT-CATEGORY-SUM", Severity::Warning, None, None, None, s("130"), s("125")),
        ("PERIOD-YEAR", Severity::Warning, None, None, None, s("2020"), s("2019")),
        pinned("T3-RESULT-SUM"),
        pinned("T3-ROW-TOTAL"),
    ])
}

/// [`xizou_findings`] and `more`.
fn xizou_findings_and(more: Vec<Finding>) -> Vec<Finding> {
    sorted([xizou_findings(), more].concat())
}

/// The flattened text and the HTML of one report agree: every finding, and every value read.
fn assert_same_as_html(text: &LintReport, html: &LintReport, what: &str) {
    assert_eq!(all(text), all(html), "{what}");
    assert_eq!(tables(text), tables(html), "{what}");
}

/// The 平潭 2022 page text and portal HTML agree, but for what the page text cannot hold: its
/// 表二 row `行政规范性文件8855698` (88 | 55 | 698 glued) splits several ways and has no row sum
/// to choose (tests/check_corpus.rs), so that row is TABLE-UNREADABLE and read as blank.
fn assert_pingtan_same_as_html(text: &LintReport, html: &LintReport, what: &str) {
    let mut expected = all(html);
    expected.push(unreadable("二", "行政规范性文件"));
    assert_eq!(all(text), sorted(expected), "{what}");
    assert_eq!(tables(text)["三"], tables(html)["三"], "{what}");
    assert_eq!(tables(text)["四"], tables(html)["四"], "{what}");
    let rows = |r: &LintReport| tables(r)["二"].as_array().unwrap().clone();
    for (t, h) in rows(text).iter().zip(rows(html)) {
        if t["row"] != "行政规范性文件" {
            assert_eq!(t, &h, "{what}");
        }
    }
}

/// 淮安 2024's `pdftotext` raw text with `from` made `to` gives the unedited text's findings and
/// `more`, and its tables.
fn assert_huaian_raw_edit(from: &str, to: &str, more: Option<Finding>) {
    let raw = fixture(HUAIAN_RAW);
    let clean = lint(&raw);
    let t = lint(&edit(&raw, from, to));
    assert_eq!(all(&t), sorted(all(&clean).into_iter().chain(more).collect()), "{to}");
    assert_eq!(tables(&t), tables(&clean), "{to}");
}

/// With a heading removed from the Word HTML and from the Word text export (`text_edits`), the
/// section is missing from the HTML, from its page text and from the text, and nothing else
/// stands in for it.
fn assert_missing_everywhere(html_heading: &str, text_edits: &[(&str, &str)], heading: &str) {
    let html = edit(&fixture(WORD), &format!("{html_heading}<"), "<");
    let expected = vec![missing(heading)];
    assert_eq!(sections(&lint(&html)), expected);
    for glue in ["", " "] {
        assert_eq!(sections(&lint(&page_text(&html, glue))), expected, "{glue:?}");
    }
    let text = text_edits.iter().fold(fixture(XIZOU_TEXT), |text, (from, to)| edit(&text, from, to));
    assert_eq!(sections(&lint(&text)), expected);
}

// ---------------------------------------------------------------------------------------
// 1. A heading glued to the last cell of the table before it

#[test]
fn heading_glued_to_the_last_cell_of_table_two_in_page_text() {
    // 采购总金额 as the report prints it (0万元), in 元, bare; the heading right after it or
    // after a space: `…政府集中采购02832995元三、收到和处理政府信息公开申请情况（本列数据…`.
    for amount in ["0万元", "2832995元", "3147230"] {
        let html = edit(&fixture(WORD), "0万元<o:p>", &format!("{amount}<o:p>"));
        let h = lint(&html);
        assert_eq!(all(&h), xizou_findings());
        for glue in ["", " "] {
            let text = page_text(&html, glue);
            let glued =
                format!("政府集中采购0{amount}{glue}三、收到和处理政府信息公开申请情况{glue}（本列数据的勾稽关系为");
            assert!(text.contains(&glued), "{glued}");
            let t = lint(&text);
            assert_same_as_html(&t, &h, &glued);
            // 表三 is read: its totals, and the one wrong cell pinned.
            assert_eq!(value(&t, "三", "（七）总计", "总计"), 3);
            assert_eq!(value(&t, "三", "一、本年新收政府信息公开申请数量", "自然人"), 3);
            assert_eq!(value(&t, "二", "政府集中采购", "采购总金额"), value(&h, "二", "政府集中采购", "采购总金额"));
        }
    }
}

#[test]
fn heading_glued_to_the_last_cell_of_table_two_in_pdf_text() {
    // 淮安 2024 as a PDF viewer pastes it, the fee's line and the heading's line run together.
    let raw = fixture(HUAIAN_RAW);
    let clean = lint(&raw);
    assert_eq!(structure(&clean), vec![("TABLE-UNREADABLE", Severity::Warning, Some("四"), None, None, None, None)]);
    for glued in [
        "96171.6三、收到和处理政府信息公开申请情况",
        "96171.6万元三、收到和处理政府信息公开申请情况",
        "96171.6 三、收到和处理政府信息公开申请情况",
    ] {
        let t = lint(&edit(&raw, "96171.6\n\n三、收到和处理政府信息公开申请情况", glued));
        assert_eq!(all(&t), all(&clean), "{glued}");
        assert_eq!(tables(&t)["三"], tables(&clean)["三"], "{glued}");
        assert_eq!(value(&t, "三", "（七）总计", "总计"), 3050);
        assert_eq!(value(&t, "二", "行政事业性收费", "本年收费金额（单位：万元）"), 96171.6);
    }
}

/// 淮安 2024 as a PDF viewer copies it: each line of the page with one space between its words
/// (the `pdftotext -layout` text with its runs of spaces collapsed), blank lines gone.
fn viewer_paste(layout: &str) -> String {
    let lines = layout.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));
    lines.filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

#[test]
fn heading_glued_to_the_last_cell_of_table_two_in_a_pdf_viewer_paste() {
    let layout = lint(&fixture(HUAIAN_LAYOUT));
    assert_eq!(all(&layout), vec![]);
    let paste = viewer_paste(&fixture(HUAIAN_LAYOUT));
    for glued in ["行政事业性收费 96171.6三、收到和处理", "行政事业性收费 96171.6万元三、收到和处理"]
    {
        let text = edit(&paste, "行政事业性收费 96171.6\n三、收到和处理", glued);
        let t = lint(&text);
        assert_eq!(all(&t), vec![], "{glued}");
        assert_eq!(tables(&t)["三"], tables(&layout)["三"], "{glued}");
        assert_eq!(tables(&t)["四"], tables(&layout)["四"], "{glued}");
        assert_eq!(value(&t, "二", "行政事业性收费", "本年收费金额（单位：万元）"), 96171.6);
    }
}

#[test]
fn heading_glued_to_the_last_cell_of_table_two_in_pingtan_page_text() {
    // The real page text has `…行政事业性收费9116.36 三、收到和处理…`; glued, and with 万元.
    for (glued, cell) in
        [("9116.36三、", "9116.36"), ("9116.36万元三、", "9116.36万元"), ("9116.36万元 三、", "9116.36万元")]
    {
        let t = lint(&edit(&fixture(PINGTAN_TEXT), "9116.36 三、", glued));
        let h = lint(&edit(&fixture(PINGTAN_HTML), ">9116.36<", &format!(">{cell}<")));
        assert_eq!(
            structure(&h),
            vec![heading_text("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况")]
        );
        assert_pingtan_same_as_html(&t, &h, glued);
        assert_eq!(value(&t, "三", "（七）总计", "总计"), 75);
    }
}

#[test]
fn mentions_and_table_three_rows_do_not_stand_in_for_a_missing_heading() {
    // 三's and 四's headings removed; 二's text names 三's heading; 表三's numbered rows
    // (二、上年结转… 三、本年度办理结果 四、结转下年度继续办理) follow values as a heading would.
    let html = edit(&fixture(WORD), "三、收到和处理政府信息公开申请情况<", "<");
    let html = edit(&html, "四、政府信息公开行政复议、行政诉讼情况<", "<");
    let html = insert_after(
        &html,
        "二、主动公开政府信息情况",
        "</p>",
        &word_paragraph("依申请公开的情况详见三、收到和处理政府信息公开申请情况。"),
    );
    let h = lint(&html);
    let expected =
        sorted(vec![missing("三、收到和处理政府信息公开申请情况"), missing("四、政府信息公开行政复议、行政诉讼情况")]);
    assert_eq!(sections(&h), expected);
    for glue in ["", " "] {
        let text = page_text(&html, glue);
        assert!(text.contains("（七）总计3000003四、结转下年度继续办理0000000"));
        assert_eq!(sections(&lint(&text)), expected, "{glue:?}");
    }
}

// ---------------------------------------------------------------------------------------
// 2. A heading under a variant or reworded title, run into its text

#[test]
fn section_five_under_a_reworded_title_run_into_its_text() {
    let html = edit(&fixture(WORD), "五、存在的主要问题及改进情况<", "五、存在的主要问题及明年工作计划<");
    let h = lint(&html);
    let reworded = heading_text("五、存在的主要问题及改进情况", "五、存在的主要问题及明年工作计划");
    assert_eq!(all(&h), xizou_findings_and(vec![reworded.clone()]));
    // `…五、存在的主要问题及明年工作计划2019年，息陬镇政府信息与政务公开…`
    let page = page_text(&html, "");
    assert!(page.contains("000五、存在的主要问题及明年工作计划2019年，息陬镇"));
    assert_same_as_html(&lint(&page), &h, "page text");
    // The Word text export with the heading run into its first line.
    let text = edit(&fixture(XIZOU_TEXT), "五、存在的主要问题及改进情况\n", "五、存在的主要问题及明年工作计划");
    let t = lint(&text);
    assert_eq!(structure(&t), vec![reworded.clone()]);
    assert_eq!(tables(&t), tables(&h));
    // 五's text is still 五's: its plan names 2019 in a 2019 report.
    assert!(t.diagnostics.iter().any(|d| d.rule == "PERIOD-YEAR"));
    // 淮安 `pdftotext` raw, the heading's line run into the first line of its text:
    // `五、存在的主要问题及明年工作计划对照上级新要求和公众新期待，…`.
    assert_huaian_raw_edit("五、存在的主要问题及改进情况\n", "五、存在的主要问题及明年工作计划", Some(reworded));
}

#[test]
fn section_four_under_a_variant_title_straight_into_table_four() {
    let variant = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况";
    let expected = heading_text("四、政府信息公开行政复议、行政诉讼情况", variant);
    // 息陬镇: `…继续办理0000000四、因政府信息公开工作被申请行政复议、提起行政诉讼情况行政复议行政诉讼结果维持…`
    let html = edit(&fixture(WORD), "四、政府信息公开行政复议、行政诉讼情况", variant);
    let h = lint(&html);
    assert_eq!(all(&h), xizou_findings_and(vec![expected.clone()]));
    let page = page_text(&html, "");
    assert!(page.contains(&format!("0000000{variant}行政复议行政诉讼结果维持")));
    let t = lint(&page);
    assert_same_as_html(&t, &h, "page text");
    assert_eq!(value(&t, "四", "", "行政复议/总计"), 0);
    // 平潭: its page text runs the heading into 表四's header as it is.
    let h = lint(&edit(&fixture(PINGTAN_HTML), "四、政府信息公开行政法复议、行政诉讼情况", variant));
    let t = lint(&edit(&fixture(PINGTAN_TEXT), "四、政府信息公开行政法复议、行政诉讼情况", variant));
    assert_eq!(structure(&h), vec![expected]);
    assert_pingtan_same_as_html(&t, &h, "平潭");
    assert_eq!(value(&t, "四", "", "行政复议/总计"), 2);
    assert_eq!(value(&t, "四", "", "未经复议直接起诉/总计"), 1);
}

#[test]
fn numbered_items_inside_a_section_do_not_stand_in_for_its_heading() {
    // 五's heading removed: its text (`一是…；二是…；三是…`) and 一's `（一）…（九）` items
    // are no section heading, in HTML and in text alike.
    let heading = "五、存在的主要问题及改进情况";
    assert_missing_everywhere(heading, &[("五、存在的主要问题及改进情况\n", "")], heading);
}

// ---------------------------------------------------------------------------------------
// 3. A heading without its 、

#[test]
fn a_heading_without_its_comma_is_a_wording_warning_not_a_missing_section() {
    let html = edit(&fixture(WORD), "一、总体情况<", "一总体情况<");
    let html = edit(&html, "六、其他需要报告的事项<", "六其他需要报告的事项<");
    let h = lint(&html);
    let expected = sorted(vec![
        heading_text("一、总体情况", "一总体情况"),
        heading_text("六、其他需要报告的事项", "六其他需要报告的事项"),
    ]);
    assert_eq!(all(&h), xizou_findings_and(expected.clone()));
    // `…报告如下：一总体情况（一）加强领导…`, `…服务水平。六其他需要报告的事项无。`
    for glue in ["", " "] {
        let page = page_text(&html, glue);
        assert!(page.contains(&format!("如下：{glue}一总体情况{glue}（一）")));
        assert!(page.contains(&format!("六其他需要报告的事项{glue}无。")));
        assert_same_as_html(&lint(&page), &h, glue);
    }
    // The Word text export, each heading on its own line.
    let text = edit(&fixture(XIZOU_TEXT), "一、总体情况", "一总体情况");
    let text = edit(&text, "六、其他需要报告的事项", "六其他需要报告的事项");
    let t = lint(&text);
    assert_eq!(structure(&t), expected);
    assert_eq!(tables(&t), tables(&h));
    // 平潭: in its page text and its portal HTML.
    let h = lint(&edit(&fixture(PINGTAN_HTML), "一、总体情况", "一总体情况"));
    let t = lint(&edit(&fixture(PINGTAN_TEXT), "一、总体情况", "一总体情况"));
    assert_eq!(
        structure(&h),
        sorted(vec![
            heading_text("一、总体情况", "一总体情况"),
            heading_text("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况"),
        ])
    );
    assert_pingtan_same_as_html(&t, &h, "平潭");
    // 淮安 `pdftotext` raw.
    assert_huaian_raw_edit("一、总体情况\n", "一总体情况\n", Some(heading_text("一、总体情况", "一总体情况")));
}

#[test]
fn prose_opening_with_a_numeral_is_no_heading_without_its_comma() {
    // 一's heading removed: `（一）加强领导…` and the `一是…`, `二是…` of 五 (here on a line of
    // their own in the text) do not make one.
    let text_edits = [("[bookmark: _GoBack]一、总体情况\n", ""), ("一是从事政务公开工作", "\n一是从事政务公开工作")];
    assert_missing_everywhere("一、总体情况", &text_edits, "一、总体情况");
}

// ---------------------------------------------------------------------------------------
// 4. A sentence with numbers between a heading and its table

#[test]
fn a_sentence_with_numbers_before_table_two_is_prose() {
    let sentence = "2019年主动公开政府信息118条。";
    let html = insert_after(&fixture(WORD), "二、主动公开政府信息情况", "</p>", &word_paragraph(sentence));
    let h = lint(&html);
    assert_eq!(all(&h), xizou_findings());
    for glue in ["", " "] {
        let page = page_text(&html, glue);
        assert!(page.contains(&format!("二、主动公开政府信息情况{glue}{sentence}{glue}第二十条第（一）项")));
        assert_same_as_html(&lint(&page), &h, glue);
    }
    // The Word text export: the sentence on a line of its own before the cells.
    let text =
        edit(&fixture(XIZOU_TEXT), "二、主动公开政府信息情况\n", &format!("二、主动公开政府信息情况\n{sentence}\n"));
    let t = lint(&text);
    assert_eq!(structure(&t), vec![]);
    assert_eq!(tables(&t), tables(&h));
    // 淮安 `pdftotext` raw: the sentence on a line after the heading.
    let sentence = "二、主动公开政府信息情况\n2024 年，全市主动公开政府信息 118 条。\n";
    assert_huaian_raw_edit("二、主动公开政府信息情况\n", sentence, None);
}

#[test]
fn sentences_with_numbers_before_tables_two_three_and_four_are_prose_in_pingtan_page_text() {
    // Right after each heading: the page text runs it into 第二十条…, （本列数据…, 行政复议….
    let sentences = [
        ("二、主动公开政府信息情况", "2022年全区主动公开政府信息14571条。"),
        ("三、收到和处理政府信息公开申请情况", "全年共收到申请75件，均已办结。"),
        ("四、政府信息公开行政法复议、行政诉讼情况", "2022年，全区共有行政诉讼案件1件、行政复议案件2件，均已结案。"),
    ];
    let mut html = fixture(PINGTAN_HTML);
    for (heading, sentence) in sentences {
        html = insert_after(&html, heading, "</p>", &format!("<p>{sentence}</p>"));
    }
    let h = lint(&html);
    assert_eq!(
        structure(&h),
        vec![heading_text("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况")]
    );
    for glue in ["", " "] {
        let mut text = fixture(PINGTAN_TEXT);
        for (heading, sentence) in sentences {
            text = edit(&text, heading, &format!("{heading}{glue}{sentence}{glue}"));
        }
        let t = lint(&text);
        assert_pingtan_same_as_html(&t, &h, glue);
        assert_eq!(value(&t, "四", "", "行政复议/总计"), 2);
        assert_eq!(value(&t, "三", "一、本年新收政府信息公开申请数量", "总计"), 74);
    }
}

#[test]
fn table_rows_stay_rows_next_to_prose() {
    // A note right after 表二's last row (`…政府集中采购00万元注：…。`), and a sentence after a
    // value with its unit: the row keeps its values, in text as in HTML.
    for note in ["注：本表数据为全镇汇总。", "2019年我镇未开展政府集中采购，采购金额为0万元。"]
    {
        let html = insert_after(&fixture(WORD), "0万元<o:p>", "</table>", &word_paragraph(note));
        let h = lint(&html);
        assert_eq!(all(&h), xizou_findings());
        for glue in ["", " "] {
            let page = page_text(&html, glue);
            assert!(page.contains(&format!("政府集中采购00万元{glue}{note}")));
            let t = lint(&page);
            assert_same_as_html(&t, &h, note);
            assert_eq!(value(&t, "二", "政府集中采购", "采购总金额"), 0);
        }
    }
}
