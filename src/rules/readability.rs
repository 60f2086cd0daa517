//! What could not be read with certainty, and table-model errors in the pasted HTML.

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::document::NoteKind;
use crate::format::TableId;
use crate::message::{Arg, Args, Message};
use crate::rules::{Context, Family};

declare_rules! {
/// ## What it checks
/// A statutory table, or a row of it, is there — its heading or labels are found — but its cells
/// cannot be read with certainty: digits run together with more than one valid split, a scrambled
/// reading order, values that cannot be placed on the rows, a row with more values than the format
/// has columns. The finding says which table or row and why. Nothing is guessed, and no arithmetic
/// error is raised from what could not be read.
///
/// ## Why
/// Reports arrive as page text, PDF text and Markdown as well as tables with cells (docs/format.md
/// §9.6); only the table's own sums can tell how a run like `行政规范性文件693665` splits. A wrong guess
/// would turn a conversion artefact into a false error, so the linter says what it could not check.
///
/// ## Example
/// | | 表二 row as read |
/// |---|---|
/// | Fails | `行政规范性文件693665` — 69 / 36 / 65, 6 / 93 / 665, … all possible |
/// | Fixed | `行政规范性文件 69 36 65` — one value a cell (check the Word file or the page's HTML, which have cells) |
///
/// ## 检查内容
/// 法定表格（或其中一行）存在（找到了其标题或标签），但单元格无法可靠读取：数字连在一起且有多种合理的拆分、阅读顺序错乱、数值无法对应到行、某行的数值比格式规定的列还多。
/// 结果会说明是哪张表或哪一行、原因是什么。不作任何猜测，也不会因读不出的内容报告算术错误。
///
/// ## 依据
/// 报告除了带单元格的表格，也以网页文字、PDF 文字和 Markdown 的形式出现（docs/format.md §9.6）；像 `行政规范性文件693665` 这样连在一起的数字，只有表格自身的合计能判断如何拆分。猜错会把格式转换造成的问题变成误报，因此说明哪些内容无法核对。
///
/// ## 示例
/// | | 读到的表二行 |
/// |---|---|
/// | 不通过 | `行政规范性文件693665`：69 / 36 / 65、6 / 93 / 665 …… 都有可能 |
/// | 修改后 | `行政规范性文件 69 36 65`：每格一个数值（请检查带单元格的 Word 文件或网页 HTML） |
pub const TABLE_UNREADABLE: Rule = Rule {
    id: "TABLE-UNREADABLE",
    severity: Severity::Warning,
    summary_zh: "表格（或其中一行）无法可靠读取，未作核算",
    summary_en: english!("A table (or a row of it) cannot be read reliably and was not checked"),
};
}

declare_rules! {
/// ## What it checks
/// HTML table-model errors in a pasted or published table: cells that overlap once `rowspan` and
/// `colspan` are resolved, or a row of the grid with no cell of its own (a `rowspan` running past the
/// table's end).
///
/// ## Why
/// The HTML standard's table model resolves such overlaps in a way editors and browsers do not all
/// follow, so the same table is shown differently in the CMS editor, on the portal and in the
/// linter (docs/format.md §11). The cells may then be read against the wrong column.
///
/// ## Example
/// | | The HTML |
/// |---|---|
/// | Fails | row 1: `<td rowspan="2">`; row 2: `<td colspan="3">` claiming the position the rowspan holds |
/// | Fixed | row 2 has one cell fewer, or its `colspan` is 2: each grid position has one cell |
///
/// ## 检查内容
/// 粘贴或发布的表格中的 HTML 表格模型错误：按 `rowspan`、`colspan` 展开后单元格相互重叠，或网格中某行没有自己的单元格（`rowspan` 超出了表格末尾）。
///
/// ## 依据
/// HTML 标准的表格模型对这类重叠的处理方式，编辑器和浏览器并不都遵循，于是同一张表在 CMS 编辑器、门户网站和本工具中显示得不一样（docs/format.md §11），单元格可能被对应到错误的列。
///
/// ## 示例
/// | | HTML |
/// |---|---|
/// | 不通过 | 第 1 行：`<td rowspan="2">`；第 2 行：`<td colspan="3">` 占了 rowspan 已占的位置 |
/// | 修改后 | 第 2 行少一个单元格，或其 `colspan` 改为 2：每个网格位置只有一个单元格 |
pub const GRID_OVERLAP: Rule = Rule {
    id: "GRID-OVERLAP",
    severity: Severity::Warning,
    summary_zh: "表格合并单元格相互重叠或行列结构错误",
    summary_en: english!("Merged table cells overlap, or a grid row has no cell of its own"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&TABLE_UNREADABLE, &GRID_OVERLAP], check };

const UNREADABLE: Message = Message {
    id: "TABLE-UNREADABLE",
    zh: "{what}无法可靠读取（{reason}），未作核算；请核对原表。",
    en: english!("{what} cannot be read reliably ({reason}); it was not checked. Check the original table."),
};
const WHAT_TABLE: Message = Message { id: "TABLE-UNREADABLE/table", zh: "表{table}", en: english!("Table {table}") };
const WHAT_ROW: Message = Message {
    id: "TABLE-UNREADABLE/table-row",
    zh: "表{table}「{row}」行",
    en: english!("Table {table}, row 「{row}」"),
};
const NOT_FOUND: Message = Message {
    id: "TABLE-UNREADABLE/not-found",
    zh: "第{table}部分未找到表格，无法核对表{table}。",
    en: english!("No table found in section {table}; table {table} could not be checked."),
};
const OVERLAP: Message = Message {
    id: "GRID-OVERLAP",
    zh: "第 {table} 个表格第 {row} 行第 {column} 列：合并单元格相互重叠，编辑器和读者看到的表格可能不同。",
    en: english!("Table #{table} row {row} column {column}: merged cells overlap; editors and readers may show the table differently."),
};
const ROW_WITHOUT_CELL: Message = Message {
    id: "GRID-OVERLAP/row-without-cell",
    zh: "第 {table} 个表格第 {row} 行没有自己的单元格（跨行合并超出了表格末尾）。",
    en: english!("Table #{table} row {row} has no cell of its own (a rowspan runs past the end of the table)."),
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for found in &ctx.report.tables {
        let table = found.id.numeral();
        let spec = found.format.table(found.id);
        for (i, u) in found.unreadable.iter().enumerate() {
            let row_label = u.row.and_then(|r| spec.row(r)).map(|(_, r)| r.label).unwrap_or("");
            let what = if row_label.is_empty() {
                Arg::Phrase(&WHAT_TABLE, Args::new().text("table", table))
            } else {
                Arg::Phrase(&WHAT_ROW, Args::new().text("table", table).text("row", row_label))
            };
            let args =
                Args::new().arg("what", what).arg("reason", Arg::Phrase(u.reason.message, u.reason.args.clone()));
            let mut d = Diagnostic::new(TABLE_UNREADABLE.id, TABLE_UNREADABLE.severity, &UNREADABLE, args)
                .table(table)
                .row(row_label)
                .at(u.origin.span, u.origin.cell);
            if let Some(e) = &u.excerpt {
                d = d.excerpt(e.clone());
            }
            out.push(d.finish(&format!("{i}:{}", u.reason.render(Lang::En))));
        }
    }
    // A section whose table was not found at all.
    for id in TableId::ALL {
        let has_section = ctx.report.sections.iter().any(|s| s.section == id.section());
        if has_section && ctx.report.table(id).is_none() {
            let table = id.numeral();
            out.push(
                Diagnostic::new(
                    TABLE_UNREADABLE.id,
                    TABLE_UNREADABLE.severity,
                    &NOT_FOUND,
                    Args::new().text("table", table),
                )
                .table(table)
                .finish("not-found"),
            );
        }
    }
    for n in &ctx.doc.notes {
        if !matches!(n.kind, NoteKind::GridOverlap | NoteKind::GridRowWithoutCell) {
            continue;
        }
        let (r, c) = n.position.unwrap_or((0, 0));
        let args = Args::new().text("table", n.table.unwrap_or(0) + 1).text("row", r + 1).text("column", c + 1);
        let template = if n.kind == NoteKind::GridOverlap { &OVERLAP } else { &ROW_WITHOUT_CELL };
        out.push(
            Diagnostic::new(GRID_OVERLAP.id, GRID_OVERLAP.severity, template, args).excerpt(n.message.clone()).finish(
                &format!(
                    "{}:{}:{}:{}",
                    n.kind as u8,
                    n.table.unwrap_or(usize::MAX),
                    n.position.map_or(0, |p| p.0),
                    n.position.map_or(0, |p| p.1)
                ),
            ),
        );
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] =
    &[&UNREADABLE, &WHAT_TABLE, &WHAT_ROW, &NOT_FOUND, &OVERLAP, &ROW_WITHOUT_CELL];

#[cfg(test)]
mod tests {
    use crate::rules::testkit::{mini, rules};

    #[test]
    fn a_table_four_short_of_values_is_unreadable_not_wrong() {
        let mut m = mini();
        m.review.pop();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["TABLE-UNREADABLE"]);
        assert_eq!(r.diagnostics[0].table, Some("四"));
    }

    #[test]
    fn overlapping_cells_are_reported() {
        let html =
            mini().html() + "<table><tr><td>a</td><td rowspan=2>b</td></tr><tr><td colspan=2>c</td></tr></table>";
        let r = crate::lint::lint_str(&html, &Default::default(), &Default::default()).unwrap();
        assert_eq!(rules(&r), vec!["GRID-OVERLAP"]);
    }
}
