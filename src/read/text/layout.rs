//! `pdftotext -layout` tables. A *columnar* line has, after its indentation, a gap of two or
//! more spaces between text; cells are split on those gaps (one space stays inside a cell).
//! A run of columnar lines is a table, with the loose single-cell lines (wrapped labels,
//! vertical headers) among them and the short labels right before them.

use super::chars::{ends_period, is_numberish, is_section_heading};
use super::lines::{is_blank_char, Kind, Line};
use super::output::CellGatherer;
use super::{RegionKind, Regions, LAYOUT_LEAD_MAX_CHARS, LAYOUT_MAX_LOOSE};
use crate::document::Cell;
use crate::strings::char_count;

/// The `-layout` tables among the lines no other shape has taken.
pub(super) fn find(lines: &[Line<'_>], kinds: &[Kind], found: &mut Regions) {
    let n = kinds.len();
    let mut i = 0;
    while i < n {
        if found.taken[i] || kinds[i] != Kind::Columnar {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut columnar = 1;
        let mut strong = columnar_is_strong(lines[i].text);
        let mut loose = 0;
        let mut j = i + 1;
        while j < n && !found.taken[j] {
            match kinds[j] {
                Kind::Blank | Kind::Footer => {}
                Kind::Columnar => {
                    end = j;
                    columnar += 1;
                    strong |= columnar_is_strong(lines[j].text);
                    loose = 0;
                }
                Kind::Plain { .. } => {
                    let (_, t) = lines[j].trimmed();
                    loose += 1;
                    if is_section_heading(t) || ends_period(t) || loose > LAYOUT_MAX_LOOSE {
                        break;
                    }
                }
                _ => break,
            }
            j += 1;
        }
        if columnar < 2 || !strong {
            i = j.max(i + 1);
            continue;
        }
        // Labels right before the first columnar line.
        let mut first = i;
        let mut m = i;
        let mut lead = 0;
        while m > 0 {
            m -= 1;
            if found.taken[m] {
                break;
            }
            match kinds[m] {
                Kind::Blank | Kind::Footer => {}
                Kind::Plain { .. } => {
                    let (_, t) = lines[m].trimmed();
                    if lead >= LAYOUT_MAX_LOOSE
                        || is_section_heading(t)
                        || ends_period(t)
                        || char_count(t) > LAYOUT_LEAD_MAX_CHARS
                    {
                        break;
                    }
                    lead += 1;
                    first = m;
                }
                _ => break,
            }
        }
        found.take(RegionKind::Layout, first, end);
        i = end + 1;
    }
}

/// The cells of a `-layout` row: its text between gaps.
pub(super) fn row_cells(line: &Line<'_>, gather: &mut CellGatherer) -> Vec<Cell> {
    split_gaps(line.text)
        .iter()
        .map(|&(s, e)| gather.cell(line.start + s, line.text.get(s..e).unwrap_or(""), false))
        .collect()
}

/// Cells of a `-layout` line: byte ranges of text separated by runs of two or more
/// whitespace characters; leading and trailing whitespace excluded.
pub(super) fn split_gaps(text: &str) -> Vec<(usize, usize)> {
    let mut cells = Vec::new();
    let mut cell_start: Option<usize> = None;
    let mut last_end = 0;
    let mut run = 0usize;
    for (i, c) in text.char_indices() {
        if is_blank_char(c) {
            run += 1;
            continue;
        }
        match cell_start {
            None => cell_start = Some(i),
            Some(s) if run >= 2 => {
                cells.push((s, last_end));
                cell_start = Some(i);
            }
            Some(_) => {}
        }
        run = 0;
        last_end = i + c.len_utf8();
    }
    if let Some(s) = cell_start {
        cells.push((s, last_end));
    }
    cells
}

fn columnar_is_strong(text: &str) -> bool {
    let cells = split_gaps(text);
    cells.len() >= 3 || cells.iter().any(|&(s, e)| is_numberish(text.get(s..e).unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use crate::document::NoteKind;
    use crate::read::text::testkit::{paragraphs, read, rows, spans_slice_back};

    const LAYOUT: &str = "      三、收到和处理政府信息公开申请情况
                        申请人情况

（本列数据的勾稽关系为：              法人或其他组织
等于第三项加第四项之和）
                 自然人                 总计
一、本年新收政府信息公开申请数量      3001     53    3119

本
      （二）部分公开（区分处理的，只计这一情
                                447     7     454
年
                       -4-
      形，不计其他情形）
     四、结转下年度继续办理        103     0     103


     四、政府信息公开行政复议、行政诉讼情况
   对照上级新要求和公众新期待，还有一些需要加强和改进的
";

    #[test]
    fn layout_columns_split_on_two_spaces() {
        let doc = read(LAYOUT);
        assert_eq!(
            paragraphs(&doc),
            vec![
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "对照上级新要求和公众新期待，还有一些需要加强和改进的"
            ]
        );
        let t = doc.tables().next().unwrap();
        assert_eq!(
            rows(t),
            vec![
                vec!["申请人情况"],
                vec!["（本列数据的勾稽关系为：", "法人或其他组织"],
                vec!["等于第三项加第四项之和）"],
                vec!["自然人", "总计"],
                vec!["一、本年新收政府信息公开申请数量", "3001", "53", "3119"],
                vec!["本"],
                vec!["（二）部分公开（区分处理的，只计这一情"],
                vec!["447", "7", "454"],
                vec!["年"],
                vec!["形，不计其他情形）"],
                vec!["四、结转下年度继续办理", "103", "0", "103"],
            ]
        );
        // The column position can be recovered from the span.
        let row = &t.rows[4];
        let line_start = LAYOUT[..row.span().start].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(
            row.cells[3].span().start - line_start,
            "一、本年新收政府信息公开申请数量      3001     53    ".len()
        );
        spans_slice_back(LAYOUT, &doc);
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].kind, NoteKind::PageFooter);
        assert_eq!(doc.notes[0].table, Some(0));
        let s = doc.notes[0].span.unwrap();
        assert_eq!(&LAYOUT[s.start..s.end], "-4-");
    }

    #[test]
    fn one_gapped_prose_line_is_not_a_table() {
        let doc = read("我们坚持公开为常态、不公开为例外，  全年共发布信息。\n一、总体情况\n");
        assert_eq!(doc.tables().count(), 0);
        assert_eq!(paragraphs(&doc), vec!["我们坚持公开为常态、不公开为例外， 全年共发布信息。", "一、总体情况"]);
    }
}
