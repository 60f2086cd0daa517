//! A made-up third revision of the format, declared here and nowhere else: a copy of 2021
//! whose 表三 has one row renamed and one applicant column more. The whole pipeline (read →
//! recognise → rules → `LintReport`) takes it as data through `LintOptions::formats`:
//! nothing outside the declaration below knows of it (README "How to add a format revision").

use xxgk_lint::format::{
    columns, rows, y2019, y2021, ColumnId, ColumnSpec, Format, Formats, GroupSpec, RelationSpec, RowId, RowSpec,
    TableId, TableSpec, ValueKind,
};
use xxgk_lint::rules::arithmetic::T3_ROW_TOTAL;
use xxgk_lint::{lint_str, LintOptions, LintReport, ReadOptions};

// ---------------------------------------------------------------------------------------
// The declaration: "国办公开办函〔2099〕1号", for reports on 2030 onwards.

/// The new applicant column: 个体工商户 (sole traders), before 总计.
const SOLE_TRADER: ColumnId = ColumnId::new("sole_trader");

const REQUESTS_2021: &TableSpec = y2021::FORMAT.tables[1];

const REQUEST_COLUMNS: [ColumnSpec; 8] = {
    let c = REQUESTS_2021.groups[0].columns;
    let sole_trader =
        ColumnSpec {
            id: SOLE_TRADER, label: "个体工商户", block: None, kind: ValueKind::Count, keys: &["个体工商户"]
        };
    [c[0], c[1], c[2], c[3], c[4], c[5], sole_trader, c[6]]
};

/// 2021's rows, with 1.属于国家秘密 (the fifth) renamed.
const REQUEST_ROWS: [RowSpec; 25] = {
    let r = REQUESTS_2021.groups[0].rows;
    let mut out = [r[0]; 25];
    let mut i = 0;
    while i < 25 {
        out[i] = r[i];
        i += 1;
    }
    out[4].label = "1.涉及国家秘密";
    out
};

/// 总计 = the seven applicant columns.
const APPLICANTS: [ColumnId; 7] = [
    columns::NATURAL_PERSON,
    columns::BUSINESS,
    columns::RESEARCH,
    columns::NONPROFIT,
    columns::LEGAL_SERVICES,
    columns::OTHER,
    SOLE_TRADER,
];

const REQUESTS: TableSpec = TableSpec {
    groups: &[GroupSpec { label: None, columns: &REQUEST_COLUMNS, rows: &REQUEST_ROWS }],
    relations: &[
        REQUESTS_2021.relations[0], // T3-IDENTITY
        REQUESTS_2021.relations[1], // T3-RESULT-SUM
        RelationSpec::EachRow { rule: &T3_ROW_TOTAL, total: &[columns::TOTAL], parts: &APPLICANTS },
    ],
    evidence: Some(("表三申请人分七类（2099）", "表三 has seven kinds of applicant (2099)")),
    ..*REQUESTS_2021
};

const FORMAT_2099: Format = Format {
    name: "2099",
    notice: "国办公开办函〔2099〕1号",
    first_year: 2030,
    last_year: None,
    tables: [y2021::FORMAT.tables[0], &REQUESTS, y2021::FORMAT.tables[2]],
    ..y2021::FORMAT
};

/// The revisions in use: the official two and the made-up one.
const FORMATS: Formats = Formats::new(&[&y2019::FORMAT, &y2021::FORMAT, &FORMAT_2099]);

// ---------------------------------------------------------------------------------------
// A report in a format, as editor HTML built from the format's own declaration.

/// A complete report on `year` laid out as `format` declares: every value 0 but the 表三
/// cells given (row, column, value), with each row's 总计 and （七）总计 made to match them.
fn report(format: &Format, year: u16, cells: &[(RowId, ColumnId, u32)]) -> String {
    let td = |s: &str| format!("<td>{s}</td>");
    let body = [
        format!("本报告统计期限自{year}年1月1日至{year}年12月31日。"),
        "本机关认真贯彻落实政府信息公开条例。".to_string(),
        "依申请公开情况见下表。".to_string(),
        "行政复议、行政诉讼情况见下表。".to_string(),
        "存在的主要问题是政策解读形式较为单一。下一步，我们将丰富解读形式，提升公开质量。".to_string(),
        "本年度未收取信息处理费。".to_string(),
    ];
    let tables = [None, Some(TableId::Proactive), Some(TableId::Requests), Some(TableId::Review)];
    let mut h = format!("<p>某某县人民政府{year}年政府信息公开工作年度报告</p>");
    for (i, section) in format.sections.iter().enumerate() {
        h.push_str(&format!("<p>{}</p><p>{}</p>", section.heading, body[i]));
        let Some(id) = tables.get(i).copied().flatten() else { continue };
        let spec = format.table(id);
        h.push_str("<table>");
        match id {
            TableId::Proactive => {
                let width = spec.groups.iter().map(|g| g.columns.len()).max().unwrap_or(1);
                for g in spec.groups {
                    // The last column spans what the group's columns leave of the width.
                    let span = |k: usize| if k + 1 == g.columns.len() { width - k } else { 1 };
                    h.push_str(&format!(
                        "<tr><td colspan={}>{}</td></tr><tr><td>信息内容</td>",
                        width + 1,
                        g.label.unwrap_or("")
                    ));
                    for (k, c) in g.columns.iter().enumerate() {
                        h.push_str(&format!("<td colspan={}>{}</td>", span(k), c.label));
                    }
                    h.push_str("</tr>");
                    for r in g.rows {
                        h.push_str(&format!("<tr>{}", td(r.label)));
                        for k in 0..g.columns.len() {
                            h.push_str(&format!("<td colspan={}>0</td>", span(k)));
                        }
                        h.push_str("</tr>");
                    }
                }
            }
            TableId::Requests => {
                let g = &spec.groups[0];
                h.push_str("<tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>");
                for c in g.columns {
                    h.push_str(&td(c.label));
                }
                h.push_str("</tr>");
                for r in g.rows {
                    h.push_str(&format!("<tr>{}", td(r.label)));
                    for c in g.columns {
                        h.push_str(&td(&request_value(g, cells, r.id, c.id).to_string()));
                    }
                    h.push_str("</tr>");
                }
            }
            TableId::Review => {
                let columns = spec.groups[0].columns;
                let block = |k: usize| columns[k].block.unwrap_or("");
                h.push_str("<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr><tr>");
                for c in &columns[..5] {
                    h.push_str(&format!("<td rowspan=2>{}</td>", c.label));
                }
                h.push_str(&format!("<td colspan=5>{}</td><td colspan=5>{}</td></tr><tr>", block(5), block(10)));
                for c in &columns[5..] {
                    h.push_str(&td(c.label));
                }
                h.push_str("</tr><tr>");
                h.push_str(&columns.iter().map(|_| td("0")).collect::<String>());
                h.push_str("</tr>");
            }
        }
        h.push_str("</table>");
    }
    h
}

/// A 表三 cell: as given, or 0; a 总计 the sum of the row's other columns, （七）总计 the sum
/// of the outcome rows (those between 二、上年结转 and （七）总计).
fn request_value(g: &GroupSpec, cells: &[(RowId, ColumnId, u32)], row: RowId, column: ColumnId) -> u32 {
    let given = |r: RowId, c: ColumnId| cells.iter().find(|x| x.0 == r && x.1 == c).map_or(0, |x| x.2);
    let outcomes = || {
        g.rows
            .iter()
            .map(|r| r.id)
            .skip_while(|r| *r != rows::CARRIED_IN)
            .skip(1)
            .take_while(|r| *r != rows::OUTCOMES_TOTAL)
    };
    let cell =
        |c: ColumnId| if row == rows::OUTCOMES_TOTAL { outcomes().map(|o| given(o, c)).sum() } else { given(row, c) };
    if column == columns::TOTAL {
        g.columns.iter().filter(|c| c.id != columns::TOTAL).map(|c| cell(c.id)).sum()
    } else {
        cell(column)
    }
}

fn lint(html: &str, formats: Formats) -> LintReport {
    lint_str(html, &ReadOptions::default(), &LintOptions { formats, ..LintOptions::default() }).expect("reads")
}

/// 6 new requests (3 natural persons, 1 business, 2 sole traders), all disclosed.
fn consistent() -> Vec<(RowId, ColumnId, u32)> {
    let mut cells = Vec::new();
    for row in [rows::RECEIVED, rows::DISCLOSED] {
        cells.extend([(row, columns::NATURAL_PERSON, 3), (row, columns::BUSINESS, 1), (row, SOLE_TRADER, 2)]);
    }
    cells
}

/// `html` with the first value cell `from` after the row label `row` set to `to`.
fn change_cell(html: &str, row: &str, from: &str, to: &str) -> String {
    let at = html.find(&format!("<td>{row}</td>")).expect("row") + row.len() + 9;
    let cell = at + html[at..].find(&format!("<td>{from}</td>")).expect("cell");
    format!("{}<td>{to}</td>{}", &html[..cell], &html[cell + from.len() + 9..])
}

#[test]
fn the_declaration_renames_one_row_and_adds_one_column() {
    assert_eq!(REQUEST_ROWS[4].id, rows::WITHHELD_STATE_SECRET);
    assert_ne!(REQUEST_ROWS[4].label, REQUESTS_2021.groups[0].rows[4].label);
    assert_eq!(FORMAT_2099.table(TableId::Requests).groups[0].columns.len(), 8);
    assert_eq!(FORMATS.for_year(2030).map(|f| f.name), Some("2099"));
    assert_eq!(FORMATS.for_year(2029).map(|f| f.name), Some("2021"));
}

#[test]
fn a_report_in_the_new_revision_is_recognised_and_clean() {
    let r = lint(&report(&FORMAT_2099, 2030, &consistent()), FORMATS);
    assert_eq!(serde_json::to_value(r.format).unwrap(), "2099");
    assert_eq!(r.diagnostics, vec![], "{:#?}", r.diagnostics);
    // The values are read under the official labels, the new column and the renamed row's.
    let json = serde_json::to_value(&r.tables).unwrap();
    let received =
        json["三"].as_array().unwrap().iter().find(|row| row["row"] == "一、本年新收政府信息公开申请数量").unwrap();
    assert_eq!(received["values"]["个体工商户"]["value"], 2);
    assert_eq!(received["values"]["总计"]["value"], 6);
    assert!(json["三"].as_array().unwrap().iter().any(|row| row["row"] == "1.涉及国家秘密"));
}

#[test]
fn a_broken_sum_in_the_new_column_is_found_and_pinned() {
    // 本年新收 / 个体工商户 typed 5 where 2 balances both its row and its column.
    let html = change_cell(&report(&FORMAT_2099, 2030, &consistent()), "一、本年新收政府信息公开申请数量", "2", "5");
    let r = lint(&html, FORMATS);
    let rules: Vec<&str> = r.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["T3-IDENTITY", "T3-ROW-TOTAL"], "{:#?}", r.diagnostics);
    for d in &r.diagnostics {
        assert_eq!(d.table, Some("三"));
        assert_eq!(d.row.as_deref(), Some("一、本年新收政府信息公开申请数量"));
        assert_eq!(d.column.as_deref(), Some("个体工商户"));
        assert_eq!((d.expected.as_deref(), d.actual.as_deref()), (Some("2"), Some("5")));
        assert!(d.message.contains("个体工商户"), "{}", d.message);
    }
}

#[test]
fn a_broken_sum_in_the_renamed_row_names_its_new_label() {
    // 1.涉及国家秘密 / 自然人 typed 1: its row's 总计 and 自然人's （七）总计 say 0.
    let html = change_cell(&report(&FORMAT_2099, 2030, &consistent()), "1.涉及国家秘密", "0", "1");
    let r = lint(&html, FORMATS);
    let rules: Vec<&str> = r.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["T3-RESULT-SUM", "T3-ROW-TOTAL"], "{:#?}", r.diagnostics);
    for d in &r.diagnostics {
        assert_eq!((d.row.as_deref(), d.column.as_deref()), (Some("1.涉及国家秘密"), Some("自然人")));
        assert_eq!((d.expected.as_deref(), d.actual.as_deref()), (Some("0"), Some("1")));
    }
}

#[test]
fn a_label_of_an_older_revision_is_named() {
    // The renamed row printed with 2021's label.
    let html = report(&FORMAT_2099, 2030, &consistent()).replace("<td>1.涉及国家秘密</td>", "<td>1.属于国家秘密</td>");
    let r = lint(&html, FORMATS);
    let d = r.diagnostics.iter().find(|d| d.rule == "FMT-TABLE-LABEL").expect("a label finding");
    assert_eq!(d.expected.as_deref(), Some("1.涉及国家秘密"), "{d:#?}");
    assert!(d.message.contains("2021 年格式"), "{}", d.message);
}

#[test]
fn the_year_selects_the_new_revision() {
    // A 2030 report in the 2021 layout (表二 is the same in both): FMT-VERSION wants 2099.
    let cells = [(rows::RECEIVED, columns::NATURAL_PERSON, 1), (rows::DISCLOSED, columns::NATURAL_PERSON, 1)];
    let r = lint(&report(&y2021::FORMAT, 2030, &cells), FORMATS);
    assert_eq!(serde_json::to_value(r.format).unwrap(), "2021");
    let d = r.diagnostics.iter().find(|d| d.rule == "FMT-VERSION").expect("FMT-VERSION");
    assert_eq!((d.expected.as_deref(), d.actual.as_deref()), (Some("2099"), Some("2021")));
    assert!(d.message.contains("国办公开办函〔2099〕1号"), "{}", d.message);
    // With the official revisions only, the same report is a correct 2021 one.
    let r = lint(&report(&y2021::FORMAT, 2030, &cells), Formats::default());
    assert_eq!(r.diagnostics, vec![], "{:#?}", r.diagnostics);
}

#[test]
fn the_official_formats_do_not_know_the_new_one() {
    let r = lint(&report(&FORMAT_2099, 2030, &consistent()), Formats::default());
    assert_ne!(serde_json::to_value(r.format).unwrap(), "2099");
    // Eight values where the official 表三 has seven: said, not read.
    assert!(r.diagnostics.iter().any(|d| d.rule == "TABLE-UNREADABLE"), "{:#?}", r.diagnostics);
}
