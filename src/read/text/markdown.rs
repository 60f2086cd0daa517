//! Markdown pipe tables (converted or OCR'd PDFs): consecutive lines starting with `|`;
//! alignment rows (`|---|:--:|`) are dropped; `\|` is an escaped pipe. Also the Markdown
//! clean-up of cell and paragraph text.

use super::lines::{is_blank_char, Kind, Line};
use super::output::CellGatherer;
use super::{RegionKind, Regions};
use crate::document::Cell;
use crate::read::normalize::{finish, push_normalized};

/// The pipe-table region starting at line `i` (a line starting with `|`), if some row holds
/// text; the line to look at next.
pub(super) fn find(lines: &[Line<'_>], kinds: &[Kind], i: usize, found: &mut Regions) -> usize {
    let n = kinds.len();
    let mut j = i;
    let mut last = i;
    let mut any = false;
    let mut scratch = String::new();
    while j < n && matches!(kinds[j], Kind::Pipe | Kind::Footer) {
        if kinds[j] == Kind::Pipe {
            last = j;
            // Once a row holds text the region is taken: the later rows need not be cut.
            if !any {
                let (_, t) = lines[j].trimmed();
                let cells = pipe_cells(t);
                any = !is_separator_row(t, &cells)
                    && cells.iter().any(|&(s, e)| {
                        scratch.clear();
                        clean_md_into(&mut scratch, t.get(s..e).unwrap_or(""));
                        !scratch.is_empty()
                    });
            }
        }
        j += 1;
    }
    if any {
        found.take(RegionKind::Pipe, i, last);
    }
    last + 1
}

/// The cells of a Markdown row; `None` for the alignment row, which is no row of the table.
pub(super) fn row_cells(line: &Line<'_>, gather: &mut CellGatherer) -> Option<Vec<Cell>> {
    let (start, t) = line.trimmed();
    let ranges = pipe_cells(t);
    if is_separator_row(t, &ranges) {
        return None;
    }
    Some((ranges.iter()).map(|&(s, e)| gather.cell(start + s, t.get(s..e).unwrap_or(""), true)).collect())
}

/// Byte ranges (within `t`, which starts with `|`) of the cells of a Markdown row.
fn pipe_cells(t: &str) -> Vec<(usize, usize)> {
    let mut pipes = Vec::new();
    let mut escaped = false;
    for (i, b) in t.bytes().enumerate() {
        match b {
            b'\\' => escaped = !escaped,
            b'|' if !escaped => pipes.push(i),
            _ => escaped = false,
        }
        if b != b'\\' {
            escaped = false;
        }
    }
    let mut cells: Vec<(usize, usize)> = pipes.windows(2).map(|w| (w[0] + 1, w[1])).collect();
    if let Some(&last) = pipes.last() {
        let tail = t.get(last + 1..).unwrap_or("");
        if !tail.chars().all(is_blank_char) {
            cells.push((last + 1, t.len()));
        }
    }
    cells
}

/// `|---|:--:|` — the alignment row under a Markdown header.
fn is_separator_row(t: &str, cells: &[(usize, usize)]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|&(s, e)| {
            let c = t.get(s..e).unwrap_or("").trim_matches(is_blank_char);
            let c = c.strip_prefix(':').unwrap_or(c);
            let c = c.strip_suffix(':').unwrap_or(c);
            !c.is_empty() && c.chars().all(|ch| ch == '-')
        })
}

/// Markdown cell or paragraph text: `**` removed, `\|` unescaped, whitespace normalised.
pub(super) fn clean_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    clean_md_into(&mut out, s);
    out
}

/// [`clean_md_into`] of a text with no blank character ([`is_blank_char`]) in it: there is
/// no whitespace to normalise, only the Markdown to take out.
pub(super) fn clean_md_unspaced_into(out: &mut String, s: &str) {
    if has_markup(s) {
        out.push_str(&s.replace("**", "").replace("\\|", "|"));
    } else {
        out.push_str(s);
    }
    debug_assert_eq!(out.as_str(), clean_md(s), "{s:?}");
}

/// Does `s` hold `**` or `\\|`? Most lines have neither `*` nor a backslash: they are told by
/// one pass over the bytes, eight at a time, without the substring searches.
fn has_markup(s: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Has the word (eight bytes) the byte `b`?
    let has = |w: u64, b: u8| {
        let x = w ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & (ONES << 7) != 0
    };
    let chunks = s.as_bytes().chunks_exact(8);
    let tail = chunks.remainder();
    let marked = tail.iter().any(|&b| b == b'*' || b == b'\\')
        || chunks.map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default())).any(|w| has(w, b'*') || has(w, b'\\'));
    marked && (s.contains("**") || s.contains("\\|"))
}

/// [`clean_md`] appended to `out` (which is expected empty: the text is trimmed as a whole).
pub(super) fn clean_md_into(out: &mut String, s: &str) {
    if has_markup(s) {
        push_normalized(out, &s.replace("**", "").replace("\\|", "|"));
    } else {
        push_normalized(out, s);
    }
    finish(out);
}

#[cfg(test)]
mod tests {
    use super::{clean_md, clean_md_unspaced_into, has_markup};
    use crate::document::{CellAddress, CellRef, Table};
    use crate::read::text::testkit::{paragraphs, read, rows};

    #[test]
    fn markdown_tables() {
        let input = "## 表二：主动公开政府信息情况\n| 信息内容 | **本年** \\| 制发 | 现行有效件数 |\n|---|:--:|---:|\n| 规章 | 22 |  |\n| 行政规范性文件 | 34\n## 表三\n| a | b |\n|---|---|\n\n|\n**注：** 无。";
        let doc = read(input);
        assert_eq!(paragraphs(&doc), vec!["表二：主动公开政府信息情况", "表三", "|", "注： 无。"]);
        let tables: Vec<&Table> = doc.tables().collect();
        assert_eq!(tables.len(), 2);
        assert_eq!(
            rows(tables[0]),
            vec![vec!["信息内容", "本年 | 制发", "现行有效件数"], vec!["规章", "22", ""], vec!["行政规范性文件", "34"]]
        );
        assert_eq!(tables[1].index, 1);
        assert_eq!(rows(tables[1]), vec![vec!["a", "b"]]);
        assert_eq!(tables[1].address(CellRef { row: 0, cell: 1 }), CellAddress { table: 1, row: 0, cell: 1 });
        let c = &tables[0].rows[1].cells[1];
        assert_eq!(&input[c.span().start..c.span().end], "22");
        let h = doc.paragraphs().next().unwrap();
        assert_eq!(&input[h.span.start..h.span.end], "表二：主动公开政府信息情况");
    }

    /// [`has_markup`] answers as the substring searches it replaces, and
    /// [`clean_md_unspaced_into`] as [`clean_md`] on every line without blanks: on the lines of every text fixture and
    /// on the marks at every position of a word.
    #[test]
    fn markup_is_found_as_by_substrings() {
        let old = |s: &str| (s.contains('*') && s.contains("**")) || (s.contains('\\') && s.contains("\\|"));
        let mut lines: Vec<String> = Vec::new();
        crate::test_fixtures::for_each_text_fixture(|input, _| lines.extend(input.lines().map(str::to_string)));
        for mark in ["**", "\\|", "*", "\\", "* *", "*|", "\\*|"] {
            for at in 0..20 {
                let pad = "一".repeat(at / 3) + &"a".repeat(at % 3);
                lines.push(format!("{pad}{mark}{pad}"));
                lines.push(format!("{pad}{mark}"));
            }
        }
        for l in &lines {
            assert_eq!(has_markup(l), old(l), "{l:?}");
            let t = l.trim();
            if !t.chars().any(crate::read::text::lines::is_blank_char) {
                let mut out = String::new();
                clean_md_unspaced_into(&mut out, t);
                assert_eq!(out, clean_md(t), "{t:?}");
            }
        }
    }
}
