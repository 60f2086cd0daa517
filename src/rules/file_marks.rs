//! What a Word file still holds besides its text: unaccepted tracked changes and comments.
//! Only a `.docx` shows them (a paste or a published page has already lost them), so these
//! rules find nothing in any other input.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Block, CellRef, Span};
use crate::message::{Arg, Args, Message};
use crate::read::docx::MarkKind;
use crate::rules::{Context, Family};
use crate::strings::JoinStr;

declare_rules! {
/// ## What it checks
/// A Word file that still holds unaccepted tracked changes (修订): insertions, deletions, formatting
/// changes. One finding per paragraph or table cell that has them, naming what was inserted and
/// deleted there. The file is checked as if every change were accepted. Only a `.docx` shows them (a
/// paste or a published page has already lost them).
///
/// ## Why
/// With 修订 left in, what Word shows, what it prints and what a CMS imports can differ: deleted text is
/// still in the file, the old number beside the new. A report is published once every change is
/// accepted or rejected. Observed in Word files staff upload, not named by a notice (docs/format.md
/// §11).
///
/// ## Example
/// | | 表三「（一）予以公开 / 总计」 in the file |
/// |---|---|
/// | Fails | `<w:del>12</w:del><w:ins>21</w:ins>` — Word shows ~~12~~ 21 |
/// | Fixed | 21 (审阅 → 接受所有修订) |
///
/// ## 检查内容
/// Word 文件中仍有未接受的修订：插入、删除、格式更改。每个含修订的段落或表格单元格报告一次，说明在该处插入和删除了什么。文件按接受全部修订后的内容检查。只有 `.docx` 文件能看到修订（粘贴的内容和已发布的网页中已经没有了）。
///
/// ## 依据
/// 留有修订时，Word 显示的、打印的和 CMS 导入的内容可能不同：删除的文字仍在文件中，旧数字和新数字并存。报告应在接受或拒绝全部修订后发布。这是在工作人员上传的 Word 文件中见到的问题，并非通知所列（docs/format.md §11）。
///
/// ## 示例
/// | | 文件中的表三「（一）予以公开 / 总计」 |
/// |---|---|
/// | 不通过 | `<w:del>12</w:del><w:ins>21</w:ins>`：Word 显示为 ~~12~~ 21 |
/// | 修改后 | 21（审阅 → 接受所有修订） |
pub const DOCX_TRACKED_CHANGES: Rule = Rule {
    id: "DOCX-TRACKED-CHANGES",
    severity: Severity::Warning,
    summary_zh: "Word 文件中有未接受的修订，发布前应接受或拒绝全部修订",
    summary_en: english!("The Word file has unaccepted tracked changes; accept or reject them before publishing"),
};
}

declare_rules! {
/// ## What it checks
/// A Word file that still holds comments (批注). One finding per comment, with its text and author,
/// at the paragraph or cell it is on.
///
/// ## Why
/// Comments are review notes ("数据需要再核对"), not part of the report; a CMS that imports the file, or a
/// PDF printed from it, may publish them. Observed in Word files staff upload, not named by a notice
/// (docs/format.md §11).
///
/// ## Example
/// | | The sentence 全区收到政府信息公开申请75件… in the file |
/// |---|---|
/// | Fails | with the comment “数据需要再核对” (张三) |
/// | Fixed | the comment deleted (审阅 → 删除 → 删除文档中的所有批注), once the figure is checked |
///
/// ## 检查内容
/// Word 文件中仍有批注。每条批注报告一次，给出其内容和作者，定位到所在的段落或单元格。
///
/// ## 依据
/// 批注是审核意见（“数据需要再核对”），不是报告的内容；导入该文件的 CMS 或由它打印的 PDF 可能把批注一并发布。这是在工作人员上传的 Word 文件中见到的问题，并非通知所列（docs/format.md §11）。
///
/// ## 示例
/// | | 文件中的句子“全区收到政府信息公开申请75件…” |
/// |---|---|
/// | 不通过 | 带有批注“数据需要再核对”（张三） |
/// | 修改后 | 核实数字后删除批注（审阅 → 删除 → 删除文档中的所有批注） |
pub const DOCX_COMMENTS: Rule = Rule {
    id: "DOCX-COMMENTS",
    severity: Severity::Warning,
    summary_zh: "Word 文件中留有批注，发布前应删除",
    summary_en: english!("The Word file still has comments; delete them before publishing"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&DOCX_TRACKED_CHANGES, &DOCX_COMMENTS], check };

/// At most this many findings per rule; past it one more finding says how many were left
/// unnamed (a file edited with 修订 on throughout has one in every paragraph).
const MAX_FINDINGS: usize = 20;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    tracked_changes(ctx, out);
    comments(ctx, out);
}

/// One finding per paragraph with tracked changes (marks come in document order).
fn tracked_changes(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let changes = || ctx.doc.marks.iter().filter(|m| m.kind != MarkKind::Comment);
    let mut paragraphs = 0;
    let mut last = None;
    for m in changes() {
        if last == Some(m.paragraph) {
            continue;
        }
        last = Some(m.paragraph);
        paragraphs += 1;
        if paragraphs > MAX_FINDINGS {
            continue;
        }
        let here = || changes().filter(|x| x.paragraph == m.paragraph);
        let texts =
            |kind: MarkKind| here().filter(move |x| x.kind == kind && !x.text.is_empty()).map(|x| x.text.as_str());
        let quoted = |kind: MarkKind| texts(kind).map(|t| format!("“{t}”")).join_str("、");
        let (inserted, deleted) = (quoted(MarkKind::Inserted), quoted(MarkKind::Deleted));
        let what = match (deleted.is_empty(), inserted.is_empty()) {
            (false, true) => Arg::Phrase(&DELETED, Args::new().text("deleted", deleted)),
            (true, false) => Arg::Phrase(&INSERTED, Args::new().text("inserted", inserted)),
            (false, false) => {
                Arg::Phrase(&DELETED_INSERTED, Args::new().text("deleted", deleted).text("inserted", inserted))
            }
            (true, true) => Arg::Phrase(&FORMATTING, Args::new()),
        };
        let by = match here().map(|x| x.author.as_str()).find(|a| !a.is_empty()) {
            Some(a) => Arg::Phrase(&CHANGED_BY, Args::new().text("author", a)),
            None => Arg::Text(String::new()),
        };
        let place = Place::of(ctx, m.paragraph);
        let args = Args::new().arg("place", place.name()).arg("by", by).arg("what", what);
        // No `expected`/`actual`: the file holds both texts, and neither is "found" or "wanted".
        let d = place.locate(Diagnostic::new(DOCX_TRACKED_CHANGES.id, DOCX_TRACKED_CHANGES.severity, &CHANGE, args));
        out.push(d.finish(&format!("p{}", m.paragraph)));
    }
    if paragraphs > MAX_FINDINGS {
        out.push(more(DOCX_TRACKED_CHANGES.id, paragraphs - MAX_FINDINGS, &CHANGED_PARAGRAPHS));
    }
}

fn comments(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut n = 0;
    for c in ctx.doc.marks.iter().filter(|m| m.kind == MarkKind::Comment) {
        n += 1;
        if n > MAX_FINDINGS {
            continue;
        }
        let by = if c.author.is_empty() {
            Arg::Text(String::new())
        } else {
            Arg::Phrase(&COMMENTED_BY, Args::new().text("author", &c.author))
        };
        let place = Place::of(ctx, c.paragraph);
        let args = Args::new().arg("place", place.name()).arg("by", by).text("text", &c.text);
        let d = place
            .locate(Diagnostic::new(DOCX_COMMENTS.id, DOCX_COMMENTS.severity, &COMMENT, args))
            .actual(c.text.clone());
        out.push(d.finish(&format!("c{n}")));
    }
    if n > MAX_FINDINGS {
        out.push(more(DOCX_COMMENTS.id, n - MAX_FINDINGS, &COMMENTS));
    }
}

/// The finding that stands for the ones past [`MAX_FINDINGS`].
fn more(rule: &'static str, rest: usize, what: &'static Message) -> Diagnostic {
    Diagnostic::new(rule, Severity::Warning, &MORE, Args::new().text("count", rest).phrase("what", what)).finish("more")
}

const CHANGE: Message = Message {
    id: "DOCX-TRACKED-CHANGES",
    zh: "{place}有未接受的修订{by}：{what}。发布前请在 Word 或 WPS 中接受或拒绝全部修订；本次按接受修订后的内容检查。",
    en: english!("{place} has an unaccepted tracked change{by}: {what}. Accept or reject every change in Word or WPS before publishing; this check reads the text with the changes accepted."),
};
const DELETED: Message =
    Message { id: "DOCX-TRACKED-CHANGES/deleted", zh: "删除{deleted}", en: english!("deleted {deleted}") };
const INSERTED: Message =
    Message { id: "DOCX-TRACKED-CHANGES/inserted", zh: "插入{inserted}", en: english!("inserted {inserted}") };
const DELETED_INSERTED: Message = Message {
    id: "DOCX-TRACKED-CHANGES/deleted-inserted",
    zh: "删除{deleted}，插入{inserted}",
    en: english!("deleted {deleted}, inserted {inserted}"),
};
const FORMATTING: Message = Message {
    id: "DOCX-TRACKED-CHANGES/formatting",
    zh: "格式或段落修订",
    en: english!("a formatting or paragraph change"),
};
const CHANGED_BY: Message =
    Message { id: "DOCX-TRACKED-CHANGES/by", zh: "（{author}）", en: english!(" (by {author})") };
const CHANGED_PARAGRAPHS: Message =
    Message { id: "DOCX-TRACKED-CHANGES/paragraphs", zh: "段修订", en: english!("changed paragraphs") };
const COMMENT: Message = Message {
    id: "DOCX-COMMENTS",
    zh: "{place}留有批注{by}：“{text}”。发布前请删除批注。",
    en: english!("{place} has a comment{by}: “{text}”. Delete the comments before publishing."),
};
const COMMENTED_BY: Message = Message { id: "DOCX-COMMENTS/by", zh: "（{author}）", en: english!(" by {author}") };
const COMMENTS: Message = Message { id: "DOCX-COMMENTS/comments", zh: "条批注", en: english!("comments") };
const MORE: Message = Message {
    id: "DOCX/more",
    zh: "另有 {count} {what}未逐一列出。",
    en: english!("{count} more {what} not listed one by one."),
};
const IN_CELL: Message = Message {
    id: "DOCX/cell",
    zh: "表{table}「{row} / {column}」",
    en: english!("Table {table} 「{row} / {column}」"),
};
const IN_OTHER_CELL: Message =
    Message { id: "DOCX/other-cell", zh: "表格单元格“{text}”", en: english!("The table cell “{text}”") };
const IN_PARAGRAPH: Message =
    Message { id: "DOCX/paragraph", zh: "段落“{text}”", en: english!("The paragraph “{text}”") };
const AFTER_PARAGRAPH: Message =
    Message {
        id: "DOCX/after-paragraph", zh: "段落“{text}”之后的一段", en: english!("The paragraph after “{text}”")
    };
const AT_START: Message =
    Message { id: "DOCX/at-start", zh: "文档开头的一段", en: english!("A paragraph at the start") };

/// Where a paragraph of the file is, for a finding: in a statutory table's cell (with its
/// official row and column), in another table's cell, or a paragraph of text.
struct Place<'a> {
    paragraph: u32,
    text: Option<&'a str>,
    /// For a paragraph that has no text left (deleted by the change itself): the text of the
    /// paragraph before it.
    after: Option<&'a str>,
    cell: Option<crate::document::CellAddress>,
    table: Option<&'static str>,
    row: Option<&'static str>,
    column: Option<String>,
}

impl<'a> Place<'a> {
    fn of(ctx: &Context<'a>, paragraph: u32) -> Place<'a> {
        let p = paragraph as usize;
        let mut place = Place { paragraph, text: None, after: None, cell: None, table: None, row: None, column: None };
        for block in &ctx.doc.blocks {
            match block {
                Block::Paragraph(para) if para.span.start <= p && p < para.span.end => {
                    place.text = Some(&para.text);
                    return place;
                }
                Block::Paragraph(para) if para.span.end <= p => place.after = Some(&para.text),
                Block::Table(t) if t.span.start <= p => {
                    for (r, row) in t.rows.iter().enumerate() {
                        for (c, cell) in row.cells.iter().enumerate() {
                            let span = cell.span();
                            if span.start <= p && p < span.end.max(span.start + 1) {
                                let address = t.address(CellRef { row: r as u32, cell: c as u32 });
                                place.cell = Some(address);
                                place.text = Some(t.text(cell));
                                place.locate_official(ctx, address);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        place
    }

    /// The official row and column of a statutory table's cell.
    fn locate_official(&mut self, ctx: &Context, address: crate::document::CellAddress) {
        for found in &ctx.report.tables {
            if let Some(cell) = found.cells.iter().find(|c| c.origin.cell == Some(address)) {
                let spec = found.format.table(found.id);
                self.table = Some(found.id.numeral());
                self.row = spec.row(cell.row).map(|(_, r)| r.label);
                self.column = spec.column(cell.column).map(|c| c.qualified_label());
                return;
            }
        }
    }

    /// "表三「（一）予以公开 / 总计」", "表格单元格“…”", or "段落“…”".
    fn name(&self) -> Arg {
        let short = |t: &str| {
            let cut: String = t.chars().take(24).collect();
            if cut.len() < t.len() {
                format!("{cut}…")
            } else {
                cut
            }
        };
        match (self.table, self.row, &self.column, self.text) {
            (Some(table), Some(row), Some(column), _) => {
                Arg::Phrase(&IN_CELL, Args::new().text("table", table).text("row", row).text("column", column))
            }
            (_, _, _, Some(t)) if self.cell.is_some() => {
                Arg::Phrase(&IN_OTHER_CELL, Args::new().text("text", short(t)))
            }
            (_, _, _, Some(t)) => Arg::Phrase(&IN_PARAGRAPH, Args::new().text("text", short(t))),
            _ => match self.after {
                Some(t) => Arg::Phrase(&AFTER_PARAGRAPH, Args::new().text("text", short(t))),
                None => Arg::Phrase(&AT_START, Args::new()),
            },
        }
    }

    fn locate(&self, d: Diagnostic) -> Diagnostic {
        let p = self.paragraph as usize;
        let mut d = d.at(Some(Span::new(p, p + 1)), self.cell);
        if let Some(t) = self.table {
            d = d.table(t);
        }
        if let Some(r) = self.row {
            d = d.row(r);
        }
        if let Some(c) = &self.column {
            d = d.column(c.clone());
        }
        match self.text {
            Some(t) => d.excerpt(t),
            None => d,
        }
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[
    &CHANGE,
    &DELETED,
    &INSERTED,
    &DELETED_INSERTED,
    &FORMATTING,
    &CHANGED_BY,
    &CHANGED_PARAGRAPHS,
    &COMMENT,
    &COMMENTED_BY,
    &COMMENTS,
    &MORE,
    &IN_CELL,
    &IN_OTHER_CELL,
    &IN_PARAGRAPH,
    &AFTER_PARAGRAPH,
    &AT_START,
];

#[cfg(test)]
mod tests {
    use crate::rules::testkit::{mini, rules, Mini};

    /// The mini-report's 表三 cell （一）予以公开 / 总计 ("4") replaced by `xml`.
    fn disclosed_total(xml: &str) -> String {
        mini().document_xml(|body| {
            // The 予以公开 row is the only one whose values are 3 1 0 0 0 0 4 after 本年新收's.
            let row = body.match_indices("予以公开").next().expect("row").0;
            let at = row + body[row..].find(">4<").expect("total");
            let start = body[..at].rfind("<w:r>").expect("run");
            let end = at + body[at..].find("</w:r>").expect("run end") + "</w:r>".len();
            format!("{}{xml}{}", &body[..start], &body[end..])
        })
    }

    const CHANGE: &str = r#"<w:del w:id="1" w:author="王芳"><w:r><w:delText>3</w:delText></w:r></w:del><w:ins w:id="2" w:author="王芳"><w:r><w:t>4</w:t></w:r></w:ins>"#;

    #[test]
    fn a_clean_file_and_every_other_input_pass() {
        assert!(Mini::lint_docx(&mini().document_xml(|x| x), &[]).diagnostics.is_empty());
        assert!(!rules(&mini().lint()).iter().any(|r| r.starts_with("DOCX-")));
    }

    #[test]
    fn a_tracked_change_in_a_cell_is_named_at_the_cell_and_read_as_accepted() {
        let r = Mini::lint_docx(&disclosed_total(CHANGE), &[]);
        assert_eq!(rules(&r), vec!["DOCX-TRACKED-CHANGES"], "{:#?}", r.diagnostics);
        let d = &r.diagnostics[0];
        assert_eq!(
            (d.table, d.row.as_deref(), d.column.as_deref(), d.expected.as_deref(), d.actual.as_deref()),
            (Some("三"), Some("（一）予以公开"), Some("总计"), None, None)
        );
        // 表三 is the second `w:tbl`; the 予以公开 row its sixth `w:tr`; 总计 that row's eighth `w:tc`.
        assert_eq!(d.cell.map(|c| (c.table, c.row, c.cell)), Some((1, 5, 7)));
        assert!(d.paragraph.is_some() && d.span.is_none());
        insta::assert_snapshot!(d.message, @"表三「（一）予以公开 / 总计」有未接受的修订（王芳）：删除“3”，插入“4”。发布前请在 Word 或 WPS 中接受或拒绝全部修订；本次按接受修订后的内容检查。");
    }

    #[test]
    fn a_deleted_number_is_not_read() {
        // Rejected, the cell would read 3 and break two sums; accepted, it reads 4.
        let r = Mini::lint_docx(&disclosed_total(CHANGE), &[]);
        assert!(!rules(&r).iter().any(|r| r.starts_with("T3-")));
        assert_eq!(r.tables, mini().lint().tables);
    }

    #[test]
    fn a_comment_is_named_with_its_text_and_author() {
        let reference = r#"<w:r><w:t>4</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r>"#;
        let comments = format!(
            r#"<w:comments {}><w:comment w:id="0" w:author="李明"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment></w:comments>"#,
            crate::rules::testkit::W_NS
        );
        let r = Mini::lint_docx(&disclosed_total(reference), &[("comments", "comments.xml", &comments)]);
        assert_eq!(rules(&r), vec!["DOCX-COMMENTS"]);
        assert_eq!(r.diagnostics[0].actual.as_deref(), Some("请核对"));
        insta::assert_snapshot!(r.diagnostics[0].message, @"表三「（一）予以公开 / 总计」留有批注（李明）：“请核对”。发布前请删除批注。");
    }

    #[test]
    fn past_twenty_paragraphs_one_finding_counts_the_rest() {
        let xml = mini().document_xml(|body| {
            let change = r#"<w:ins w:id="9" w:author="甲"><w:r><w:t>。</w:t></w:r></w:ins></w:p>"#;
            let extra: String = (0..25).map(|i| format!("<w:p><w:r><w:t>第{i}段</w:t></w:r>{change}")).collect();
            body.replacen("<w:tbl>", &format!("{extra}<w:tbl>"), 1)
        });
        let r = Mini::lint_docx(&xml, &[]);
        let changes: Vec<_> = r.diagnostics.iter().filter(|d| d.rule == "DOCX-TRACKED-CHANGES").collect();
        assert_eq!(changes.len(), 21);
        assert_eq!(changes[20].message, "另有 5 段修订未逐一列出。");
    }
}
