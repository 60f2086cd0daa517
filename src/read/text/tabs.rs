//! TAB-separated tables. A **TSV paste** (Word/Excel "copy as text") has a TAB between at
//! least two non-empty fields on a line; Word's text export puts **one cell per line**, each
//! led by a TAB, with rows separated by empty lines. Both start at a TAB-led or TAB-separated
//! line, so one finder tells them apart.

use super::chars::ends_period;
use super::lines::{Kind, Line};
use super::output::CellGatherer;
use super::{RegionKind, Regions};
use crate::document::Cell;
use crate::read::normalize::normalize;

/// The TAB-shaped region starting at line `i` (a TAB-led or TAB-separated line), if it is a
/// table; the line to look at next.
pub(super) fn find(lines: &[Line<'_>], kinds: &[Kind], i: usize, found: &mut Regions) -> usize {
    let n = kinds.len();
    let mut j = i;
    let mut last = i;
    let mut strong = false;
    while j < n && matches!(kinds[j], Kind::TabCell | Kind::Tsv { .. } | Kind::Footer) {
        if kinds[j] != Kind::Footer {
            last = j;
        }
        strong |= kinds[j] == Kind::Tsv { strong: true };
        j += 1;
    }
    if strong {
        found.take(RegionKind::Tsv, i, last);
        return last + 1;
    }
    if kinds[i] == Kind::TabCell {
        let mut j = i;
        let mut last = i;
        while j < n && matches!(kinds[j], Kind::TabCell | Kind::Blank | Kind::Footer) {
            if kinds[j] == Kind::TabCell {
                last = j;
            }
            j += 1;
        }
        if seed_is_table(&lines[i..=last], &kinds[i..=last]) {
            found.take(RegionKind::Seed, i, last);
        }
        return last + 1;
    }
    j.max(i + 1)
}

/// A cell-per-line region is a table, not TAB-indented paragraphs.
fn seed_is_table(lines: &[Line<'_>], kinds: &[Kind]) -> bool {
    let mut cells = 0;
    let mut nonempty = 0;
    let mut prose = 0;
    let mut row = 0;
    let mut widest_row = 0;
    for (line, kind) in lines.iter().zip(kinds) {
        match kind {
            Kind::TabCell => {
                cells += 1;
                row += 1;
                widest_row = widest_row.max(row);
                let t = normalize(line.text);
                if !t.is_empty() {
                    nonempty += 1;
                    if ends_period(&t) {
                        prose += 1;
                    }
                }
            }
            Kind::Blank => row = 0,
            _ => {}
        }
    }
    cells >= 4 && widest_row >= 2 && prose * 2 < nonempty
}

/// The cells of a TSV row: its fields, split on TABs.
pub(super) fn tsv_cells(line: &Line<'_>, gather: &mut CellGatherer) -> Vec<Cell> {
    let mut offset = 0;
    let mut cells = Vec::new();
    for field in line.text.split('\t') {
        cells.push(gather.cell(line.start + offset, field, false));
        offset += field.len() + 1;
    }
    cells
}

#[cfg(test)]
mod tests {
    use crate::read::text::testkit::{paragraphs, read, rows, spans_slice_back};

    #[test]
    fn tsv_paste_is_a_table() {
        let input = "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\r\n规章\t1\t0\t11\n\t自然人\t\t总计\n行政规范性文件\t8\t26\t66\n\n三、收到和处理";
        let doc = read(input);
        assert_eq!(paragraphs(&doc), vec!["二、主动公开政府信息情况", "三、收到和处理"]);
        let t = doc.tables().next().unwrap();
        assert_eq!(t.index, 0);
        assert_eq!(
            rows(t),
            vec![
                vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                vec!["规章", "1", "0", "11"],
                vec!["", "自然人", "", "总计"],
                vec!["行政规范性文件", "8", "26", "66"],
            ]
        );
        assert_eq!(t.grid.width(), 4);
        assert_eq!(t.grid.height(), 4);
        assert_eq!(t.anchored_text(1, 3), Some("11"));
        assert_eq!(&input[t.span.start..t.span.end], &input[37..input.find("\n\n").unwrap()]);
        spans_slice_back(input, &doc);
        // A lone trailing TAB does not make a table.
        assert_eq!(paragraphs(&read("一、总体情况\t\n正文。")), vec!["一、总体情况", "正文。"]);
    }

    #[test]
    fn cell_per_line_rows_are_separated_by_empty_lines() {
        let input = "标题\n\t信息内容\n\t本年新制作数量\n\n\t规章\n\t\n\t0\n\n\n三、收到和处理政府信息公开申请情况\n";
        let doc = read(input);
        assert_eq!(paragraphs(&doc), vec!["标题", "三、收到和处理政府信息公开申请情况"]);
        let t = doc.tables().next().unwrap();
        assert_eq!(rows(t), vec![vec!["信息内容", "本年新制作数量"], vec!["规章", "", "0"]]);
        // The empty cell is kept, with an empty span right after its TAB.
        let empty = &t.rows[1].cells[1];
        assert!(empty.span().is_empty());
        assert_eq!(&input[empty.span().start - 1..empty.span().start], "\t");
        assert_eq!(&input[t.span.start..t.span.end], "\t信息内容\n\t本年新制作数量\n\n\t规章\n\t\n\t0");
        assert_eq!(&input[t.rows[1].span().start..t.rows[1].span().end], "\t规章\n\t\n\t0");
        spans_slice_back(input, &doc);
    }

    #[test]
    fn tab_indented_prose_is_not_a_table() {
        let doc = read("\t一、总体情况\n\t2019年，我镇主动公开信息。\n\n\t无。\n");
        assert_eq!(doc.tables().count(), 0);
        assert_eq!(paragraphs(&doc), vec!["一、总体情况", "2019年，我镇主动公开信息。", "无。"]);
    }
}
