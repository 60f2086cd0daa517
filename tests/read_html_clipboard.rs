//! The HTML reader on Office clipboard HTML (hand-built reconstructions of what Word, WPS
//! and Excel put on the clipboard; see tests/fixtures/clipboard/README.md) and on a messy
//! editor fragment. The Word and WPS files hold the whole seed report, so their tables must
//! carry the same cells as the seed's plain text.

use xxgk_lint::document::{NoteKind, RowSkip};
use xxgk_lint::{read_str, Document, InputKind, ReadOptions, Table};

fn read(path: &str) -> Document<'static> {
    let text = std::fs::read_to_string(path).unwrap();
    read_str(&text, &ReadOptions::default()).unwrap().into_owned()
}

fn grid_lines(t: &Table) -> Vec<String> {
    t.grid_texts().iter().map(|r| r.iter().map(|c| c.unwrap_or("·")).collect::<Vec<_>>().join(" | ")).collect()
}

/// Per grid row, the non-empty cell texts without whitespace: comparable across shapes.
fn row_texts(t: &Table) -> Vec<Vec<String>> {
    t.grid_texts()
        .iter()
        .map(|r| {
            r.iter()
                .flatten()
                .map(|c| c.chars().filter(|c| !c.is_whitespace()).collect::<String>())
                .filter(|c| !c.is_empty())
                .collect()
        })
        .filter(|r: &Vec<String>| !r.is_empty())
        .collect()
}

const TABLE_TWO_2019: [&str; 18] = [
    "第二十条第（一）项 | · | · | · | ·",
    "信息内容 | 本年新制作数量 | 本年新公开数量 | · | 对外公开总数量",
    "规章 | 0 | 0 | · | 0",
    "规范性文件 | 0 | 0 | · | 0",
    "第二十条第（五）项 | · | · | · | ·",
    "信息内容 | 上一年项目数量 | 本年增/减 | · | 处理决定数量",
    "行政许可 | 0 | 0 | · | 0",
    "其他对外管理服务事项 | 0 | 0 | · | 0",
    "第二十条第（六）项 | · | · | · | ·",
    "信息内容 | 上一年项目数量 | 本年增/减 | · | 处理决定数量",
    "行政处罚 | 0 | 0 | · | 0",
    "行政强制 | 0 | 0 | · | 0",
    "第二十条第（八）项 | · | · | · | ·",
    "信息内容 | 上一年项目数量 | · | 本年增/减 | ·",
    "行政事业性收费 | 0 | · | 0 | ·",
    "第二十条第（九）项 | · | · | · | ·",
    "信息内容 | 采购项目数量 | · | 采购总金额 | ·",
    "政府集中采购 | 0 | · | 0万元 | ·",
];

fn check_seed_report(doc: &Document) {
    assert_eq!(doc.input, InputKind::Html);
    let tables: Vec<&Table> = doc.tables().collect();
    assert_eq!(tables.len(), 3);
    assert_eq!(grid_lines(tables[0]), TABLE_TWO_2019);
    let t3 = tables[1];
    assert_eq!((t3.grid.height(), t3.grid.width()), (26, 10));
    assert_eq!(grid_lines(t3)[5], "三、本年度办理结果 | （一）予以公开 | · | 3 | 0 | 0 | 0 | 0 | 0 | 0");
    assert_eq!(grid_lines(t3)[25], "四、结转下年度继续办理 | · | · | 0 | 0 | 0 | 0 | 0 | 0 | 0");
    let t4 = tables[2];
    assert_eq!((t4.grid.height(), t4.grid.width()), (4, 15));
    assert_eq!(grid_lines(t4)[0], "行政复议 | · | · | · | · | 行政诉讼 | · | · | · | · | · | · | · | · | ·");
    assert_eq!(grid_lines(t4)[3], ["0"; 15].join(" | "));
    let paragraphs: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(paragraphs[0], "息陬镇人民政府2019年信息公开年度报告");
    assert!(paragraphs.contains(&"一、总体情况"), "{paragraphs:?}");
    assert!(paragraphs.iter().any(|p| p.starts_with("五、")));
    // The tables hold the same cells as the seed's plain text, row by row.
    let seed = read("tests/fixtures/xizou-2019.txt");
    let seed_tables: Vec<&Table> = seed.tables().collect();
    assert_eq!(seed_tables.len(), 3);
    for (html, text) in tables.iter().zip(&seed_tables) {
        assert_eq!(row_texts(html), row_texts(text), "table {}", html.index);
    }
}

#[test]
fn word_clipboard_report() {
    let doc = read("tests/fixtures/clipboard/word-xizou-2019.html");
    check_seed_report(&doc);
    let t2 = doc.tables().next().unwrap();
    // Word's phantom row is kept as a source row but left out of the grid.
    assert_eq!(t2.rows.len(), 19);
    assert_eq!(t2.rows[18].skipped, Some(RowSkip::Phantom));
    assert_eq!(t2.rows[18].cells.len(), 5);
    // The bookmark anchor leaves no text behind.
    assert!(!doc.paragraphs().any(|p| p.text.contains("_GoBack")));
}

#[test]
fn wps_clipboard_report() {
    let doc = read("tests/fixtures/clipboard/wps-xizou-2019.html");
    check_seed_report(&doc);
    assert_eq!(doc.tables().next().unwrap().rows.len(), 18);
}

#[test]
fn excel_range_with_fake_merge_hidden_row_and_phantom_row() {
    let doc = read("tests/fixtures/clipboard/excel-table3.html");
    let t = doc.tables().next().unwrap();
    assert_eq!((t.rows.len(), t.grid.height(), t.grid.width()), (33, 31, 8));
    let lines = grid_lines(t);
    // The title only overflowed: one cell, not a merge over eight columns.
    assert_eq!(lines[0], "三、收到和处理政府信息公开申请情况 | · | · | · | · | · | · | ·");
    assert_eq!(t.rows[0].cells[0].colspan(), 1);
    assert_eq!(t.grid.get(0, 1), Some(xxgk_lint::Slot::Empty));
    assert_eq!(lines[4], "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3");
    assert_eq!(lines[7], "（一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 0");
    assert_eq!(lines[30], "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0");
    assert_eq!(t.rows[6].skipped, Some(RowSkip::Hidden));
    assert_eq!(t.rows[32].skipped, Some(RowSkip::Phantom));
    let hidden = doc.notes.iter().find(|n| n.kind == NoteKind::HiddenRow).unwrap();
    assert!(hidden.message.contains("校验：一+二"), "{}", hidden.message);
    assert!(doc.notes.iter().any(|n| n.kind == NoteKind::FakeMerge));
    // Excel's line break inside a header cell.
    assert!(lines[3].contains("商业 企业"), "{}", lines[3]);
}

#[test]
fn messy_editor_fragment_resolves_like_the_html_standard() {
    let doc = read("tests/fixtures/clipboard/messy-editor.html");
    let t = doc.tables().next().unwrap();
    assert_eq!((t.grid.height(), t.grid.width()), (7, 1001));
    let text = |r: usize, c: usize| t.text_at(r, c);
    assert_eq!((text(0, 0), text(0, 1), text(0, 2), text(0, 3)), (Some("类别"), Some("甲"), Some("乙"), None));
    // (r2,c2) is claimed by both 甲 (rowspan) and 丙 (colspan): the earlier cell keeps it.
    assert_eq!((text(1, 0), text(1, 1), text(1, 2), text(1, 3)), (Some("丙"), Some("甲"), Some("丙"), Some("丁")));
    // 己: colspan=2000 clamped to 1000 → columns 2–1001.
    assert_eq!((text(2, 1), text(2, 1000)), (Some("己"), Some("己")));
    // 庚: rowspan=0 grows to the bottom (rows 4–7); 癸 runs two rows past the last <tr>.
    for r in 3..7 {
        assert_eq!(text(r, 0), Some("庚"), "row {r}");
    }
    assert_eq!((text(4, 1), text(4, 2), text(6, 2), text(6, 1)), (Some("壬"), Some("癸"), Some("癸"), None));
    let kinds: Vec<NoteKind> = doc.notes.iter().map(|n| n.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == NoteKind::GridOverlap).count(), 1);
    assert!(kinds.contains(&NoteKind::GridRowWithoutCell));
    let cell = &t.rows[2].cells[0];
    assert_eq!((t.text(cell), cell.colspan()), ("戊", 1));
    assert_eq!(t.rows[2].cells[1].colspan(), 1000);
    let paragraphs: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(
        paragraphs,
        vec![
            "关于2019年政府信息公开",
            "工作年度报告的补充说明",
            "以下表格由编辑从Word粘贴：",
            "表后说明：数据以年报正文为准。",
            "联系电话："
        ]
    );
}
