//! Mini-reports for the rules' pass/fail tests: a complete, consistent 2021-format report as
//! editor HTML, which a test changes in one place.

use crate::format::{rows, y2021, RowId, TableId};
use crate::lint::{lint_str, LintReport};
use crate::read::ReadOptions;
use crate::rules::LintOptions;

/// A report to render: every part can be changed before rendering.
pub struct Mini {
    pub title: String,
    pub headings: Vec<String>,
    pub body: Vec<String>,
    /// 表二 rows: (label, values).
    pub proactive: Vec<(String, Vec<String>)>,
    /// 表三 rows: (label, 7 values), in the official order.
    pub requests: Vec<(String, Vec<String>)>,
    /// 表四: 15 values.
    pub review: Vec<String>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// A clean 2021 report: 4 new requests (3 from natural persons, 1 from a business), all
/// disclosed; two review cases, one upheld, one corrected.
pub fn mini() -> Mini {
    let f = &y2021::FORMAT;
    let requests = f
        .table(TableId::Requests)
        .rows()
        .map(|(_, r)| {
            let values = if [rows::RECEIVED, rows::DISCLOSED, rows::OUTCOMES_TOTAL].contains(&r.id) {
                strings(&["3", "1", "0", "0", "0", "0", "4"])
            } else {
                strings(&["0"; 7])
            };
            (r.label.to_string(), values)
        })
        .collect();
    Mini {
        title: "某某县人民政府2022年政府信息公开工作年度报告".into(),
        headings: f.sections.iter().map(|s| s.heading.to_string()).collect(),
        body: vec![
            "本报告统计期限自2022年1月1日至2022年12月31日。".into(),
            "全年主动公开政府信息120条。".into(),
            "全年新收政府信息公开申请4件。".into(),
            "行政复议2件。".into(),
            "存在的主要问题是政策解读形式较为单一。下一步，我们将丰富解读形式，提升公开质量。".into(),
            "本年度未收取信息处理费。".into(),
        ],
        proactive: vec![
            ("规章".into(), strings(&["0", "0", "0"])),
            ("行政规范性文件".into(), strings(&["2", "1", "10"])),
            ("行政许可".into(), strings(&["35"])),
            ("行政处罚".into(), strings(&["12"])),
            ("行政强制".into(), strings(&["0"])),
            ("行政事业性收费".into(), strings(&["1.5"])),
        ],
        requests,
        review: strings(&["1", "1", "0", "0", "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]),
    }
}

/// The mini-report without the narrative numbers (for table tests that change the tables
/// and do not want the narrative rules to notice).
pub fn quiet() -> Mini {
    let mut m = mini();
    m.body[2] = "依申请公开情况见下表。".into();
    m.body[3] = "行政复议、行政诉讼情况见下表。".into();
    m
}

impl Mini {
    /// Set one 表三 value: row by official id, column 0–6.
    pub fn set_request(mut self, row: RowId, column: usize, value: &str) -> Self {
        let f = &y2021::FORMAT;
        let i = f.table(TableId::Requests).rows().position(|(_, r)| r.id == row).expect("row id");
        self.requests[i].1[column] = value.to_string();
        self
    }

    pub fn set_review(mut self, column: usize, value: &str) -> Self {
        self.review[column] = value.to_string();
        self
    }

    pub fn html(&self) -> String {
        let td = |s: &str| format!("<td>{s}</td>");
        let mut h = format!("<p>{}</p>", self.title);
        for (i, heading) in self.headings.iter().enumerate() {
            h.push_str(&format!("<p>{heading}</p><p>{}</p>", self.body.get(i).map_or("", |s| s.as_str())));
            match i {
                1 => {
                    h.push_str("<table><tr><td colspan=4>第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>");
                    for (label, values) in &self.proactive[..2] {
                        h.push_str(&format!(
                            "<tr>{}{}</tr>",
                            td(label),
                            values.iter().map(|v| td(v)).collect::<String>()
                        ));
                    }
                    let groups = [
                        ("第二十条第（五）项", "本年处理决定数量", 2..3),
                        ("第二十条第（六）项", "本年处理决定数量", 3..5),
                        ("第二十条第（八）项", "本年收费金额（单位：万元）", 5..6),
                    ];
                    for (group, header, range) in groups {
                        h.push_str(&format!(
                            "<tr><td colspan=4>{group}</td></tr><tr><td>信息内容</td><td colspan=3>{header}</td></tr>"
                        ));
                        for (label, values) in &self.proactive[range] {
                            h.push_str(&format!("<tr>{}<td colspan=3>{}</td></tr>", td(label), values.join("")));
                        }
                    }
                    h.push_str("</table>");
                }
                2 => {
                    h.push_str("<table><tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>");
                    h.push_str(
                        "<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>",
                    );
                    h.push_str("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>");
                    for (label, values) in &self.requests {
                        h.push_str(&format!(
                            "<tr><td colspan=3>{label}</td>{}</tr>",
                            values.iter().map(|v| td(v)).collect::<String>()
                        ));
                    }
                    h.push_str("</table>");
                }
                3 => {
                    h.push_str("<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>");
                    h.push_str("<tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td><td rowspan=2>尚未审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr><tr>");
                    for _ in 0..2 {
                        h.push_str("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>");
                    }
                    h.push_str(&format!(
                        "</tr><tr>{}</tr></table>",
                        self.review.iter().map(|v| td(v)).collect::<String>()
                    ));
                }
                _ => {}
            }
        }
        h
    }

    pub fn lint(&self) -> LintReport {
        lint_str(&self.html(), &ReadOptions::default(), &LintOptions::default()).expect("mini report reads")
    }
}

/// The rules that fired, in order.
pub fn rules(r: &LintReport) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.rule).collect()
}

#[test]
fn the_mini_report_is_clean() {
    let r = mini().lint();
    assert_eq!(r.diagnostics, vec![], "{:#?}", r.diagnostics);
    assert_eq!(r.year, Some(2022));
}

/// The WordprocessingML of a document's blocks: paragraphs as `w:p`, tables as `w:tbl` with
/// their spans as `w:gridSpan` and `w:vMerge` (as Word writes a merged table).
fn wordml(doc: &crate::document::Document) -> String {
    use crate::document::{Block, Slot};
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let paragraph = |t: &str| format!(r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#, escape(t));
    let mut body = String::new();
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => body.push_str(&paragraph(&p.text)),
            Block::Table(t) => {
                body.push_str("<w:tbl>");
                for y in 0..t.grid.height() {
                    body.push_str("<w:tr>");
                    let mut x = 0;
                    while x < t.grid.width() {
                        let slot = t.grid.get(y, x).unwrap_or(Slot::Empty);
                        let Some(r) = slot.cell() else {
                            body.push_str("<w:tc><w:p/></w:tc>");
                            x += 1;
                            continue;
                        };
                        let cell = t.cell(r).expect("cell");
                        let span = usize::from(cell.colspan()).max(1);
                        let grid_span =
                            if span > 1 { format!(r#"<w:gridSpan w:val="{span}"/>"#) } else { String::new() };
                        let merge = match slot {
                            Slot::Anchor(_) if cell.rowspan() > 1 => r#"<w:vMerge w:val="restart"/>"#,
                            Slot::Covered(_) => r#"<w:vMerge/>"#,
                            _ => "",
                        };
                        let text =
                            if matches!(slot, Slot::Anchor(_)) { paragraph(t.text(cell)) } else { "<w:p/>".into() };
                        body.push_str(&format!("<w:tc><w:tcPr>{grid_span}{merge}</w:tcPr>{text}</w:tc>"));
                        x += span;
                    }
                    body.push_str("</w:tr>");
                }
                body.push_str("</w:tbl>");
            }
        }
    }
    body
}

/// A `.docx` package of these parts (the main document, its relationships, more parts).
pub fn docx_package(document: &str, related: &[(&str, &str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let rels: String = related
        .iter()
        .enumerate()
        .map(|(i, (kind, path, _))| {
            format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{path}"/>"#)
        })
        .collect();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut part = |name: &str, text: &str| {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).expect("zip");
        zip.write_all(text.as_bytes()).expect("zip");
    };
    part(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
    );
    part(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
    );
    part("word/document.xml", document);
    part(
        "word/_rels/document.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    );
    for (_, path, text) in related {
        part(&format!("word/{path}"), text);
    }
    zip.finish().expect("zip").into_inner()
}

/// The namespace declaration of WordprocessingML.
pub const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

impl Mini {
    /// The main document of the mini-report as a Word file would hold it, with `edit` applied
    /// to its body's XML (to put in a tracked change, a comment's reference, …).
    pub fn document_xml(&self, edit: impl Fn(String) -> String) -> String {
        let html = self.html();
        let doc = crate::read::read_str(&html, &ReadOptions::default()).expect("mini report reads");
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{}</w:body></w:document>"#,
            edit(wordml(&doc))
        )
    }

    /// Check the mini-report as a `.docx` made of `document` and more parts.
    pub fn lint_docx(document: &str, related: &[(&str, &str, &str)]) -> LintReport {
        crate::lint::lint_bytes(&docx_package(document, related), &ReadOptions::default(), &LintOptions::default())
            .expect("mini docx reads")
    }
}

#[test]
fn the_mini_report_as_a_word_file_is_clean_too() {
    let xml = mini().document_xml(|x| x);
    assert!(xml.contains("w:vMerge") && xml.contains("w:gridSpan"));
    let r = Mini::lint_docx(&xml, &[]);
    assert_eq!(r.diagnostics, vec![], "{:#?}", r.diagnostics);
    assert_eq!(r.tables, mini().lint().tables);
}
