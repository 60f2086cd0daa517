//! `xxgk-lint check` on every real report of the corpus: the exact findings its README
//! (tests/fixtures/CORPUS.md) lists, and nothing false on the clean ones — in every shape.

use xxgk_lint::{lint_str, Diagnostic, LintOptions, LintReport, ReadOptions, Severity};

pub fn check(path: &str) -> LintReport {
    let input = std::fs::read_to_string(path).unwrap();
    lint_str(&input, &ReadOptions::default(), &LintOptions::default()).unwrap()
}

/// (rule, severity, table, row, column, expected, actual, fix)
type Finding = (
    &'static str,
    Severity,
    Option<&'static str>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
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
    )
}

/// The extracted values as the JSON output shows them.
fn tables(r: &LintReport) -> serde_json::Value {
    serde_json::to_value(&r.tables).unwrap()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

fn rules(r: &LintReport) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.rule).collect()
}

fn errors(r: &LintReport) -> Vec<Finding> {
    r.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(finding).collect()
}

const SEED_PIN: [Finding; 2] = [
    ("T3-RESULT-SUM", Severity::Error, Some("三"), None, None, None, None, None),
    ("T3-ROW-TOTAL", Severity::Error, Some("三"), None, None, None, None, None),
];

fn seed_errors() -> Vec<Finding> {
    SEED_PIN.iter().map(|f| (f.0, f.1, f.2, s("（一）予以公开"), s("总计"), s("3"), s("0"), s("3"))).collect()
}

#[test]
fn seed_text_gives_exactly_the_known_findings() {
    let r = check("tests/fixtures/xizou-2019.txt");
    assert_eq!(r.year, Some(2019));
    assert_eq!(r.organ.as_deref(), Some("息陬镇人民政府"));
    assert_eq!(serde_json::to_value(r.format).unwrap(), "2019");
    assert_eq!(errors(&r), seed_errors());
    assert_eq!(
        rules(&r),
        vec![
            "FMT-TITLE",
            "PASTE-ARTIFACT",
            "TXT-CATEGORY-SUM",
            "TXT-CATEGORY-SUM",
            "PERIOD-YEAR",
            "T3-RESULT-SUM",
            "T3-ROW-TOTAL"
        ]
    );
    let title = &r.diagnostics[0];
    assert_eq!(title.expected.as_deref(), Some("息陬镇人民政府2019年政府信息公开工作年度报告"));
    assert_eq!(r.diagnostics[1].actual.as_deref(), Some("[bookmark: _GoBack]"));
    // Nothing on 表二 (2019 format, all 0, "0万元") or 表四.
    assert!(!r.diagnostics.iter().any(|d| matches!(d.table, Some("二") | Some("四"))));
    let input = std::fs::read_to_string("tests/fixtures/xizou-2019.txt").unwrap();
    let text = |d: &Diagnostic| {
        let span = d.span.unwrap();
        input[span.start..span.end].to_string()
    };
    // The narrative: 550余 + 130 ≥ 680 > 646, and 4 + 14 + … + 3 = 125 ≠ 130.
    let sums: Vec<_> =
        r.diagnostics[2..4].iter().map(|d| (d.severity, d.expected.clone(), d.actual.clone(), d.table)).collect();
    assert_eq!(
        sums,
        vec![(Severity::Warning, s("646"), s("≥680"), None), (Severity::Warning, s("130"), s("125"), None)]
    );
    assert!(text(&r.diagnostics[2]).starts_with("646条，其中，通过微信公众号发布信息550余条"));
    assert!(text(&r.diagnostics[3]).starts_with("130条，其中机构职能类4条"));
    assert!(text(&r.diagnostics[3]).ends_with("政务公开管理工作3条"));
    assert!(r.diagnostics[2].excerpt.as_deref().unwrap().starts_with("2019年，我镇通过各类媒体主动公开政府信息646条"));
    // The plan in 五 names 2019 in a 2019 report: it should be 2020.
    let plan = &r.diagnostics[4];
    assert_eq!(
        (plan.severity, plan.expected.as_deref(), plan.actual.as_deref()),
        (Severity::Warning, Some("2020"), Some("2019"))
    );
    assert_eq!(text(plan), "2019");
    assert!(plan.excerpt.as_deref().unwrap().contains("2019年息陬镇将从强化组织领导"));
    // The pinned cell's span is the 总计 cell of （一）予以公开 in the text.
    assert_eq!(text(&r.diagnostics[5]), "0");
    assert_eq!(r.summary.errors, 2);
    assert_eq!(r.summary.warnings, 5);
}

#[test]
fn seed_as_word_and_wps_html_points_at_the_dom_cell() {
    for path in ["tests/fixtures/clipboard/word-xizou-2019.html", "tests/fixtures/clipboard/wps-xizou-2019.html"] {
        let r = check(path);
        assert_eq!(errors(&r), seed_errors(), "{path}");
        for d in r.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            let cell = d.cell.unwrap();
            // 表三 is the second <table>; （一）予以公开 is its 6th <tr>; 总计 its 9th cell
            // (三、本年度办理结果, （一）予以公开, then seven values).
            assert_eq!((cell.table, cell.row, cell.cell), (1, 5, 8), "{path}");
        }
        // Word's _GoBack bookmark is an anchor, not text: no artefact.
        assert!(!rules(&r).contains(&"PASTE-ARTIFACT"), "{path}");
        assert!(rules(&r).contains(&"FMT-TITLE"));
    }
}

#[test]
fn huaian_2024_layout_is_clean() {
    let r = check("tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt");
    assert_eq!(r.diagnostics, vec![], "{:#?}", r.diagnostics);
    assert_eq!(serde_json::to_value(r.format).unwrap(), "2021");
    let t3 = &tables(&r)["三"];
    let total = t3.as_array().unwrap().iter().find(|row| row["row"] == "（七）总计").unwrap();
    assert_eq!(total["values"]["总计"]["value"], 3050);
    let t4 = &tables(&r)["四"][0]["values"];
    assert_eq!(t4["行政复议/总计"]["value"], 351);
    assert_eq!(t4["未经复议直接起诉/总计"]["value"], 26);
    assert_eq!(t4["复议后起诉/总计"]["value"], 20);
    assert_eq!(tables(&r)["二"][5]["values"]["本年收费金额（单位：万元）"]["text"], "96171.6");
}

#[test]
fn hongze_2023_layout_table_four_totals_and_hybrid() {
    let r = check("tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt");
    assert_eq!(
        errors(&r),
        vec![
            ("T4-SUM", Severity::Error, Some("四"), None, s("行政复议/总计"), s("11"), s("0"), None),
            ("T4-SUM", Severity::Error, Some("四"), None, s("复议后起诉/总计"), s("5"), s("0"), None),
        ]
    );
    assert_eq!(rules(&r), vec!["FMT-VERSION", "FMT-TABLE-LABEL", "T4-SUM", "T4-SUM"]);
    let version = &r.diagnostics[0];
    assert_eq!(
        (version.severity, version.actual.as_deref(), version.expected.as_deref()),
        (Severity::Warning, Some("hybrid"), Some("2021"))
    );
    let label = &r.diagnostics[1];
    assert_eq!((label.severity, label.actual.as_deref()), (Severity::Warning, Some("2.其他法律行政止公开")));
    assert_eq!(label.row.as_deref(), Some("2.其他法律行政法规禁止公开"));
    assert_eq!(serde_json::to_value(r.format).unwrap(), "hybrid");
}

#[test]
fn hongze_2024_layout_is_hybrid_with_the_label_typo_and_balances() {
    let r = check("tests/fixtures/jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt");
    assert_eq!(errors(&r), vec![]);
    assert_eq!(rules(&r), vec!["FMT-VERSION", "TXT-TABLE-MISMATCH", "FMT-TABLE-LABEL"]);
    let all = tables(&r);
    let t3 = all["三"].as_array().unwrap();
    assert_eq!(t3[0]["values"]["总计"]["value"], 95);
    // "区政府办代表区政府受理政府信息公开申请17件" against the whole district's 95: a
    // different scope in the prose — a warning naming both numbers, never an error.
    let scope = &r.diagnostics[1];
    assert_eq!(
        finding(scope),
        (
            "TXT-TABLE-MISMATCH",
            Severity::Warning,
            Some("三"),
            s("一、本年新收政府信息公开申请数量"),
            s("总计"),
            s("95"),
            s("17"),
            None
        )
    );
    assert!(scope.message.contains("17") && scope.message.contains("95"), "{}", scope.message);
}

#[test]
fn shanghai_2025_markdown_missing_heading_and_unplaceable_table_two() {
    let r = check("tests/fixtures/shanghai-shi-zhengfu-bangongting-2025.pdf2md.md");
    assert_eq!(
        r.diagnostics.iter().map(|d| (d.rule, d.severity, d.table, d.row.clone())).collect::<Vec<_>>(),
        vec![
            ("FMT-SECTION-MISSING", Severity::Error, None, None),
            ("TABLE-UNREADABLE", Severity::Warning, Some("二"), s("规章")),
            ("TABLE-UNREADABLE", Severity::Warning, Some("二"), s("行政规范性文件")),
        ]
    );
    assert_eq!(r.diagnostics[0].expected.as_deref(), Some("五、存在的主要问题及改进情况"));
    // 表三 and 表四 read in full despite the scrambled conversion, and balance.
    let all = tables(&r);
    let t3 = all["三"].as_array().unwrap();
    assert_eq!(t3[0]["values"]["总计"]["value"], 1295);
    assert_eq!(t3[23]["values"]["总计"]["value"], 1191);
    assert_eq!(tables(&r)["四"][0]["values"]["行政复议/总计"]["value"], 55);
    // 表二's loose lines that could be placed were.
    assert_eq!(tables(&r)["二"][2]["values"]["本年处理决定数量"]["value"], 0);
}

#[test]
fn shuyang_2025_ocr_markdown_has_only_the_heading_variant() {
    let r = check("tests/fixtures/jiangsu-suqian-shuyang-xian-2025.ocr-md.txt");
    assert_eq!(
        r.diagnostics.iter().map(finding).collect::<Vec<_>>(),
        vec![(
            "FMT-HEADING-TEXT",
            Severity::Warning,
            None,
            None,
            None,
            s("五、存在的主要问题及改进情况"),
            s("五、政府信息公开工作存在的主要问题及改进情况"),
            None
        )]
    );
    let t4 = &tables(&r)["四"][0]["values"];
    assert_eq!(
        (
            t4["行政复议/总计"]["value"].as_i64(),
            t4["未经复议直接起诉/总计"]["value"].as_i64(),
            t4["复议后起诉/总计"]["value"].as_i64()
        ),
        (Some(61), Some(3), Some(10))
    );
    assert_eq!(tables(&r)["三"][0]["values"]["总计"]["value"], 713);
}

#[test]
fn pingtan_2022_portal_page_has_only_the_heading_typo() {
    let r = check("tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html");
    assert_eq!(rules(&r), vec!["FMT-HEADING-TEXT"]);
    assert_eq!(r.diagnostics[0].actual.as_deref(), Some("四、政府信息公开行政法复议、行政诉讼情况"));
    let all = tables(&r);
    let t3 = all["三"].as_array().unwrap();
    assert_eq!(
        (t3[0]["values"]["总计"]["value"].as_i64(), t3[1]["values"]["总计"]["value"].as_i64()),
        (Some(74), Some(1))
    );
    assert_eq!(t3[23]["values"]["总计"]["value"], 75);
}

#[test]
fn excel_fragment_says_once_that_the_headings_are_missing() {
    let r = check("tests/fixtures/clipboard/excel-table3.html");
    assert_eq!(rules(&r), vec!["FMT-SECTION-MISSING", "T3-RESULT-SUM", "T3-ROW-TOTAL"]);
    let pinned: Vec<_> = r.diagnostics[1..]
        .iter()
        .map(|d| (d.row.clone(), d.column.clone(), d.fix.as_ref().map(|f| f.value.clone())))
        .collect();
    assert_eq!(pinned, vec![(s("（一）予以公开"), s("总计"), s("3")); 2]);
}

#[test]
fn diagnostic_ids_are_stable_and_unique() {
    let a = check("tests/fixtures/xizou-2019.txt");
    let b = check("tests/fixtures/xizou-2019.txt");
    let ids = |r: &LintReport| r.diagnostics.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b));
    let mut unique = ids(&a);
    unique.dedup();
    assert_eq!(unique.len(), a.diagnostics.len());
    // An edit elsewhere (a longer first paragraph) moves every span but no id.
    let input =
        std::fs::read_to_string("tests/fixtures/xizou-2019.txt").unwrap().replacen("现将我镇", "现将我镇（息陬镇）", 1);
    let c = lint_str(&input, &ReadOptions::default(), &LintOptions::default()).unwrap();
    assert_eq!(ids(&a), ids(&c));
    assert_ne!(a.diagnostics[2].span, c.diagnostics[2].span);
}

#[test]
fn rules_can_be_switched_off_and_regraded() {
    let input = std::fs::read_to_string("tests/fixtures/xizou-2019.txt").unwrap();
    let mut options = LintOptions::default();
    options.set_rule("T3-ROW-TOTAL").unwrap();
    options.set_rule("FMT-TITLE=error").unwrap();
    let r = lint_str(&input, &ReadOptions::default(), &options).unwrap();
    assert_eq!(
        rules(&r),
        vec!["FMT-TITLE", "PASTE-ARTIFACT", "TXT-CATEGORY-SUM", "TXT-CATEGORY-SUM", "PERIOD-YEAR", "T3-RESULT-SUM"]
    );
    assert_eq!(r.diagnostics[0].severity, Severity::Error);
    assert!(options.set_rule("NO-SUCH-RULE").is_err());
    assert!(options.set_rule("FMT-TITLE=loud").is_err());
}

#[test]
fn hongze_2023_raw_text_gives_the_same_findings_as_its_layout_text() {
    let raw = check("tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt");
    let layout = check("tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt");
    assert_eq!(
        raw.diagnostics.iter().map(finding).collect::<Vec<_>>(),
        layout.diagnostics.iter().map(finding).collect::<Vec<_>>()
    );
    assert_eq!(raw.tables, layout.tables);
}

#[test]
fn huaian_2024_raw_text_reads_tables_two_and_three_and_says_table_four_is_unreadable() {
    let raw = check("tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-raw.txt");
    let layout = check("tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt");
    assert_eq!(
        raw.diagnostics.iter().map(|d| (d.rule, d.table)).collect::<Vec<_>>(),
        vec![("TABLE-UNREADABLE", Some("四"))]
    );
    // Never an arithmetic error from a misread; what was read equals the layout reading.
    assert_eq!(tables(&raw)["二"], tables(&layout)["二"]);
    assert_eq!(tables(&raw)["三"], tables(&layout)["三"]);
}

#[test]
fn pingtan_flattened_text_reads_what_the_arithmetic_decides() {
    let r = check("tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2021.page.txt");
    assert_eq!(
        r.diagnostics.iter().map(|d| (d.rule, d.table, d.row.clone())).collect::<Vec<_>>(),
        vec![("TABLE-UNREADABLE", Some("二"), s("行政规范性文件"))]
    );
    let t4 = &tables(&r)["四"][0]["values"];
    let values: Vec<i64> = t4.as_object().unwrap().values().map(|v| v["value"].as_i64().unwrap()).collect();
    assert_eq!(values, vec![1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
    let all = tables(&r);
    let t3 = all["三"].as_array().unwrap();
    assert_eq!(
        (
            t3[0]["values"]["总计"]["value"].as_i64(),
            t3[23]["values"]["总计"]["value"].as_i64(),
            t3[24]["values"]["总计"]["value"].as_i64()
        ),
        (Some(70), Some(69), Some(1))
    );
    // The unreadable row has no values at all: nothing guessed.
    assert_eq!(tables(&r)["二"][1]["values"]["本年制发件数"]["value"], serde_json::Value::Null);
}

#[test]
fn pingtan_2022_flattened_text_equals_the_portal_html_wherever_it_can_be_read() {
    let text = check("tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.page.txt");
    let html = check("tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html");
    assert_eq!(tables(&text)["三"], tables(&html)["三"]);
    assert_eq!(tables(&text)["四"], tables(&html)["四"]);
    // 表二: every row but the unreadable 行政规范性文件 agrees.
    let rows = |r: &LintReport| tables(r)["二"].as_array().unwrap().clone();
    for (t, h) in rows(&text).iter().zip(rows(&html)) {
        if t["row"] != "行政规范性文件" {
            assert_eq!(t, &h);
        }
    }
    // Same findings, plus only the text's TABLE-UNREADABLE.
    let html_rules = rules(&html);
    let text_rules: Vec<_> = rules(&text).into_iter().filter(|r| *r != "TABLE-UNREADABLE").collect();
    assert_eq!(text_rules, html_rules);
}

/// The narrative rules, and only those, that fired.
fn narrative(r: &LintReport) -> Vec<Finding> {
    r.diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("TXT-") || d.rule.starts_with("PERIOD-") || d.rule.starts_with("SEC"))
        .map(finding)
        .collect()
}

#[test]
fn clean_narratives_give_no_narrative_warning() {
    // Each of these states numbers the tables support (淮安: 3119/3050/34/103, 复议 351 and its
    // outcomes, 诉讼 46 = 26 + 20, 规章 1, "政策性文件11件" another category; 洪泽 2023: 21;
    // 沭阳: 受理749 = 713 + 36, 718, 31, 741 + 8 = 749; 上海: 1295, 1191, 189 and percentages
    // 208/1191 = 17.46% …; 平潭: 70/69/1, 75 = 74 + 1, 698, 88, 复议 2, 诉讼 1), and reports
    // its fee in 六 (上海 writes 信息公开处理费).
    for path in [
        "tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt",
        "tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-raw.txt",
        "tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt",
        "tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt",
        "tests/fixtures/jiangsu-suqian-shuyang-xian-2025.ocr-md.txt",
        "tests/fixtures/shanghai-shi-zhengfu-bangongting-2025.pdf2md.md",
        "tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2021.page.txt",
        "tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.page.txt",
        "tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html",
    ] {
        assert_eq!(narrative(&check(path)), vec![], "{path}");
    }
}

fn check_edited(path: &str, edits: &[(&str, &str)]) -> LintReport {
    let mut input = std::fs::read_to_string(path).unwrap();
    for (from, to) in edits {
        assert!(input.contains(from), "{from}");
        input = input.replacen(from, to, 1);
    }
    lint_str(&input, &ReadOptions::default(), &LintOptions::default()).unwrap()
}

#[test]
fn narrative_numbers_edited_away_from_the_tables_are_found_in_every_shape() {
    // 淮安 (pdftotext -layout): each number the narrative states, changed by one.
    let r = check_edited(
        "tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt",
        &[
            ("申请 3119 件", "申请 3120 件"),
            ("复 3050 件", "复 3051 件"),
            ("结转申请 34 件", "结转申请 35 件"),
            ("另有 103 件", "另有 102 件"),
            ("行政复议 351", "行政复议 350"),
            ("其中结果维持 25", "其中结果维持 26"),
            ("规章 1 件", "规章 2 件"),
        ],
    );
    let got: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "TXT-TABLE-MISMATCH")
        .map(|d| (d.table, d.row.clone(), d.column.clone(), d.expected.clone(), d.actual.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("二"), s("规章"), s("本年制发件数"), s("1"), s("2")),
            (Some("三"), s("一、本年新收政府信息公开申请数量"), s("总计"), s("3119"), s("3120")),
            (Some("三"), s("（七）总计"), s("总计"), s("3050"), s("3051")),
            (Some("三"), s("二、上年结转政府信息公开申请数量"), s("总计"), s("34"), s("35")),
            (Some("三"), s("四、结转下年度继续办理"), s("总计"), s("103"), s("102")),
            (Some("四"), None, s("行政复议/总计"), s("351"), s("350")),
            (Some("四"), None, s("未经复议直接起诉/结果维持"), s("25"), s("26")),
        ]
    );
    // 351 ≠ 72 + 64 + 178 + 37 and 46 ≠ 26 + 5 + 9 + 7 in the prose itself.
    assert_eq!(rules(&r).iter().filter(|r| **r == "TXT-CATEGORY-SUM").count(), 2);
    // Every finding points at the number in the input and quotes its sentence.
    let input = std::fs::read_to_string("tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt").unwrap();
    let d = r.diagnostics.iter().find(|d| d.actual.as_deref() == Some("3120")).unwrap();
    let span = d.span.unwrap();
    let edited = input.replacen("申请 3119 件", "申请 3120 件", 1);
    assert_eq!(&edited[span.start..span.end], "3120 件");
    assert!(d.excerpt.as_deref().unwrap().contains("全市共受理政府信息公开申请 3120 件"));
    assert!(d.message.contains("3120") && d.message.contains("3119") && d.message.contains("3153"), "{}", d.message);

    // 上海 (Markdown): outcome counts and percentages.
    let r = check_edited(
        "tests/fixtures/shanghai-shi-zhengfu-bangongting-2025.pdf2md.md",
        &[("不予公开 20 件（1.68%）", "不予公开 20 件（1.86%）"), ("无法提供 564 件", "无法提供 565 件")],
    );
    let got: Vec<_> = narrative(&r).into_iter().map(|f| (f.0, f.5, f.6)).collect();
    assert_eq!(
        got,
        vec![
            // Findings without a table come first, then 表三's.
            ("TXT-PERCENT", s("1.68%"), s("1.86%")),
            ("TXT-PERCENT", s("47.44%"), s("47.36%")),
            ("TXT-TABLE-MISMATCH", s("564"), s("565")),
        ]
    );

    // 平潭 2022 (portal HTML and flattened text): 收到, 现行有效, 行政复议. The flattened text's
    // 行政规范性文件 row cannot be read (TABLE-UNREADABLE), so 698 is not compared there.
    let edits: &[(&str, &str)] = &[
        ("申请75件", "申请77件"),
        ("现行有效行政规范性文件698件", "现行有效行政规范性文件699件"),
        ("行政复议案件2件", "行政复议案件3件"),
    ];
    let html = check_edited("tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html", edits);
    let text = check_edited("tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.page.txt", edits);
    let got = |r: &LintReport| narrative(r).into_iter().map(|f| (f.0, f.5, f.6)).collect::<Vec<_>>();
    let common = vec![("TXT-TABLE-MISMATCH", s("74"), s("77")), ("TXT-TABLE-MISMATCH", s("2"), s("3"))];
    assert_eq!(got(&text), common);
    assert_eq!(got(&html), [vec![("TXT-TABLE-MISMATCH", s("698"), s("699"))], common].concat());

    // 沭阳 (OCR Markdown): 受理 and 结转下一年.
    let r = check_edited(
        "tests/fixtures/jiangsu-suqian-shuyang-xian-2025.ocr-md.txt",
        &[("申请 749 件", "申请 750 件"), ("结转下一年 31 件", "结转下一年 32 件")],
    );
    let got: Vec<_> = narrative(&r).into_iter().map(|f| (f.0, f.5, f.6)).collect();
    assert_eq!(
        got,
        vec![
            // 741 + 8 < 750 is not reported: two parts may leave something out.
            ("TXT-TABLE-MISMATCH", s("713"), s("750")),
            ("TXT-TABLE-MISMATCH", s("31"), s("32")),
        ]
    );
}

#[test]
fn years_and_sections_five_and_six_on_real_reports() {
    // 洪泽 2024 with its 统计期限 and its plan year edited.
    let r = check_edited(
        "tests/fixtures/jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt",
        &[
            ("统计期限自 2024 年 1 月 1 日", "统计期限自 2023 年 1 月 1 日"),
            ("针对存在问题，2025 年我们将", "针对存在问题，2024 年我们将"),
        ],
    );
    let got: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule == "PERIOD-YEAR")
        .map(|d| (d.severity, d.expected.clone(), d.actual.clone()))
        .collect();
    assert_eq!(got, vec![(Severity::Error, s("2024"), s("2023")), (Severity::Warning, s("2025"), s("2024"))]);
    // 淮安 2024 with 六 silent on the fee.
    let r = check_edited(
        "tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt",
        &[("《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元", "各项工作要求")],
    );
    assert_eq!(rules(&r), vec!["SEC6-FEE-MISSING"]);
}

fn check_with_previous(path: &str, previous: &str) -> LintReport {
    let prev = xxgk_lint::recognize_str(previous, &ReadOptions::default()).unwrap();
    let options = LintOptions { previous: Some(std::sync::Arc::new(prev)), ..LintOptions::default() };
    lint_str(&std::fs::read_to_string(path).unwrap(), &ReadOptions::default(), &options).unwrap()
}

#[test]
fn hongze_2023_to_2024_is_a_consistent_pair_and_edits_are_caught() {
    let this = "tests/fixtures/jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt";
    let alone = check(this);
    for last in [
        "tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt",
        "tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt",
    ] {
        let r = check_with_previous(this, &std::fs::read_to_string(last).unwrap());
        assert_eq!(r.diagnostics, alone.diagnostics, "{last}");
    }
    let last = std::fs::read_to_string("tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt").unwrap();
    // 现行有效 restated: 6 + 3 − 0 = 9 ≠ 8 — a warning only.
    let r = check_with_previous(
        this,
        &last.replacen(
            "行政规范性文件          0          5       5",
            "行政规范性文件          0          5       6",
            1,
        ),
    );
    let x: Vec<_> = r.diagnostics.iter().filter(|d| d.rule.starts_with("X-")).map(finding).collect();
    assert_eq!(
        x,
        vec![(
            "X-VALID-DOCS",
            Severity::Warning,
            Some("二"),
            s("行政规范性文件"),
            s("现行有效件数"),
            s("9"),
            s("8"),
            None
        )]
    );
    // Last year carried 1 application (商业企业) into this year: X-CARRYOVER errors.
    let r = check_with_previous(
        this,
        &last.replacen(
            "四、结转下年度继续办理                            0    0   0   0    0    0   0",
            "四、结转下年度继续办理                            0    1   0   0    0    0   1",
            1,
        ),
    );
    let x: Vec<_> = r.diagnostics.iter().filter(|d| d.rule.starts_with("X-")).map(finding).collect();
    let row = s("二、上年结转政府信息公开申请数量");
    assert_eq!(
        x,
        vec![
            ("X-CARRYOVER", Severity::Error, Some("三"), row.clone(), s("商业企业"), s("1"), s("0"), None),
            ("X-CARRYOVER", Severity::Error, Some("三"), row, s("总计"), s("1"), s("0"), None),
        ]
    );
    // Both point at this year's cells in the input.
    let input = std::fs::read_to_string(this).unwrap();
    for d in r.diagnostics.iter().filter(|d| d.rule == "X-CARRYOVER") {
        let span = d.span.unwrap();
        assert_eq!(&input[span.start..span.end], "0");
    }
}
