//! `read_text_table` on the real text fixtures whose tables reach the recogniser as
//! paragraphs only (no cell structure): 淮安 2024 and 洪泽 2023 `pdftotext` raw, 平潭 2021
//! and 2022 flattened page text.

use xxgk_lint::format::{FormatVersion, TableId};
use xxgk_lint::recognize::text_tables::read_text_table;
use xxgk_lint::recognize::FoundTable;
use xxgk_lint::{read_str, Block, Document, InputKind, Paragraph, ReadOptions};
#[allow(unused_imports)]
use FormatVersion as _;

fn read(name: &str) -> (String, Document) {
    let input = std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap();
    read_input(input)
}

fn read_input(input: String) -> (String, Document) {
    let options = ReadOptions { input: Some(InputKind::Text), ..ReadOptions::default() };
    let doc = read_str(&input, &options).unwrap();
    (input, doc)
}

/// The paragraphs of a section: from the one starting with `from` up to (not including) the
/// one starting with `to`. A flattened page holds everything in one paragraph: then that
/// paragraph alone.
fn section<'a>(doc: &'a Document, from: &str, to: &str) -> Vec<&'a Paragraph> {
    let paras: Vec<&Paragraph> =
        doc.blocks.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p) } else { None }).collect();
    if let Some(start) = paras.iter().position(|p| p.text.starts_with(from)) {
        let end = paras[start + 1..].iter().position(|p| p.text.starts_with(to)).map_or(paras.len(), |i| start + 1 + i);
        return paras[start..end].to_vec();
    }
    paras.into_iter().filter(|p| p.text.contains(from)).collect()
}

const T2: (&str, &str) = ("二、主动公开", "三、收到和处理");
const T3: (&str, &str) = ("三、收到和处理", "四、政府信息公开");
const T4: (&str, &str) = ("四、政府信息公开", "五、");

fn table(name: &str, id: TableId, year: u16) -> (String, FoundTable) {
    let (input, doc) = read(name);
    let t = table_in(&input, &doc, id, year);
    (input, t)
}

fn table_in(input: &str, doc: &Document, id: TableId, year: u16) -> FoundTable {
    let (from, to) = match id {
        TableId::Proactive => T2,
        TableId::Requests => T3,
        TableId::Review => T4,
    };
    let paras = section(doc, from, to);
    read_text_table(id, &paras, input, Some(year)).expect("table found")
}

fn row(t: &FoundTable, row: &str) -> Vec<String> {
    t.cells.iter().filter(|c| c.row == row).map(|c| c.value.text.clone()).collect()
}

#[test]
#[ignore]
fn probe() {
    for (name, year) in [
        ("jiangsu-huaian-shi-2024.pdftotext-raw.txt", 2024),
        ("jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt", 2023),
        ("fujian-pingtan-zonghe-shiyanqu-2021.page.txt", 2021),
        ("fujian-pingtan-zonghe-shiyanqu-2022.page.txt", 2022),
    ] {
        for id in [TableId::Proactive, TableId::Requests, TableId::Review] {
            let (_, t) = table(name, id, year);
            println!("== {name} {:?} layout {:?}", id, t.layout);
            let mut rows: Vec<&str> = t.cells.iter().map(|c| c.row).collect();
            rows.dedup();
            for r in rows {
                println!("  {r}: {:?}", row(&t, r));
            }
            for u in &t.unreadable {
                println!("  UNREADABLE {:?}: {} [{:?}]", u.row, u.reason, u.excerpt);
            }
            for l in &t.row_labels {
                println!("  label {} = {}", l.id, l.printed);
            }
        }
    }
}
