//! What could not be read with certainty, and table-model errors in the pasted HTML.

use crate::diagnostic::{pick, Diagnostic, Severity};
use crate::document::NoteKind;
use crate::format::TableId;
use crate::rules::{Context, Family};

declare_rules! {
/// **TABLE-UNREADABLE** — a statutory table (or one of its rows) is there — its heading or
/// labels are found — but its cells cannot be read unambiguously: digits run together with
/// several valid splits, a scrambled reading order, values that cannot be placed. The
/// linter says which table and why, never guesses values, and raises no arithmetic error
/// from what it could not read.
///
/// Why: docs/format.md §9.6; a wrong guess would turn a conversion artefact into a false error.
///
/// Example: `行政规范性文件693665` — 69/36/65, 6/93/665, … all possible.
pub const TABLE_UNREADABLE: Rule = Rule {
    id: "TABLE-UNREADABLE",
    severity: Severity::Warning,
    summary_zh: "表格（或其中一行）无法可靠读取，未作核算",
    summary_en: "A table (or a row of it) cannot be read reliably and was not checked",
};
}

declare_rules! {
/// **GRID-OVERLAP** — cells overlap after `rowspan`/`colspan` are resolved, or a row of the
/// grid has no cell of its own (a rowspan running past the table's end): HTML table-model
/// errors that make editors and readers show the table differently.
///
/// Why: the HTML standard's table model; docs/format.md §11.
///
/// Example: a `rowspan=2` cell in row 1 and a `colspan=3` cell in row 2 claiming the same
/// position.
pub const GRID_OVERLAP: Rule = Rule {
    id: "GRID-OVERLAP",
    severity: Severity::Warning,
    summary_zh: "表格合并单元格相互重叠或行列结构错误",
    summary_en: "Merged table cells overlap, or a grid row has no cell of its own",
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&TABLE_UNREADABLE, &GRID_OVERLAP], check };

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for found in &ctx.report.tables {
        let table = found.id.numeral();
        let spec = found.format.table(found.id);
        for (i, u) in found.unreadable.iter().enumerate() {
            let row_label = u.row.and_then(|r| spec.row(r)).map(|(_, r)| r.label).unwrap_or("");
            let what = if row_label.is_empty() {
                pick!(ctx.lang, format!("表{table}"), format!("Table {table}"))
            } else {
                pick!(ctx.lang, format!("表{table}「{row_label}」行"), format!("Table {table}, row 「{row_label}」"))
            };
            let message = pick!(
                ctx.lang,
                format!("{what}无法可靠读取（{}），未作核算；请核对原表。", u.reason_zh),
                format!("{what} cannot be read reliably ({}); it was not checked. Check the original table.", u.reason),
            );
            let mut d = Diagnostic::new(TABLE_UNREADABLE.id, TABLE_UNREADABLE.severity, message)
                .table(table)
                .row(row_label)
                .at(u.origin.span, u.origin.cell);
            if let Some(e) = &u.excerpt {
                d = d.excerpt(e.clone());
            }
            out.push(d.finish(&format!("{i}:{}", u.reason)));
        }
    }
    // A section whose table was not found at all.
    for id in TableId::ALL {
        let has_section = ctx.report.sections.iter().any(|s| s.section == id.section());
        if has_section && ctx.report.table(id).is_none() {
            let table = id.numeral();
            let message = pick!(
                ctx.lang,
                format!("第{table}部分未找到表格，无法核对表{table}。"),
                format!("No table found in section {table}; table {table} could not be checked."),
            );
            out.push(
                Diagnostic::new(TABLE_UNREADABLE.id, TABLE_UNREADABLE.severity, message)
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
        let message = match n.kind {
            NoteKind::GridOverlap => pick!(
                ctx.lang,
                format!("第 {} 个表格第 {} 行第 {} 列：合并单元格相互重叠，编辑器和读者看到的表格可能不同。", n.table.unwrap_or(0) + 1, r + 1, c + 1),
                format!("Table #{} row {} column {}: merged cells overlap; editors and readers may show the table differently.", n.table.unwrap_or(0) + 1, r + 1, c + 1),
            ),
            _ => pick!(
                ctx.lang,
                format!("第 {} 个表格第 {} 行没有自己的单元格（跨行合并超出了表格末尾）。", n.table.unwrap_or(0) + 1, r + 1),
                format!("Table #{} row {} has no cell of its own (a rowspan runs past the end of the table).", n.table.unwrap_or(0) + 1, r + 1),
            ),
        };
        out.push(Diagnostic::new(GRID_OVERLAP.id, GRID_OVERLAP.severity, message).excerpt(n.message.clone()).finish(
            &format!(
                "{}:{}:{}:{}",
                n.kind as u8,
                n.table.unwrap_or(usize::MAX),
                n.position.map_or(0, |p| p.0),
                n.position.map_or(0, |p| p.1)
            ),
        ));
    }
}

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
