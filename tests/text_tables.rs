//! `read_text_table` on the real text fixtures whose tables reach the recogniser as
//! paragraphs only (no cell structure): 淮安 2024 and 洪泽 2023 `pdftotext` raw, 平潭 2021
//! and 2022 flattened page text.

use xxgk_lint::format::{columns, rows, y2019, y2021, ColumnId, Formats, RowId, TableId};
use xxgk_lint::recognize::text_tables::read_text_table;
use xxgk_lint::recognize::FoundTable;
use xxgk_lint::{read_str, Block, Document, InputKind, Paragraph, ReadOptions};

fn read(name: &str) -> (String, Document<'static>) {
    let input = std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap();
    read_input(input)
}

fn read_input(input: String) -> (String, Document<'static>) {
    let options = ReadOptions { input: Some(InputKind::Text), ..ReadOptions::default() };
    let doc = read_str(&input, &options).unwrap().into_owned();
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
    read_text_table(id, &paras, input, Some(year), Formats::OFFICIAL).expect("table found")
}

fn row(t: &FoundTable, row: RowId) -> Vec<String> {
    t.cells.iter().filter(|c| c.row == row).map(|c| c.value.text.to_string()).collect()
}

const HUAIAN: &str = "jiangsu-huaian-shi-2024.pdftotext-raw.txt";
const HONGZE: &str = "jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt";
const PINGTAN_2021: &str = "fujian-pingtan-zonghe-shiyanqu-2021.page.txt";
const PINGTAN_2022: &str = "fujian-pingtan-zonghe-shiyanqu-2022.page.txt";

fn column(t: &FoundTable, column: ColumnId) -> Vec<(RowId, String)> {
    t.cells.iter().filter(|c| c.column == column).map(|c| (c.row, c.value.text.to_string())).collect()
}

fn num(t: &FoundTable, r: RowId, c: ColumnId) -> i128 {
    t.cell(r, c).unwrap_or_else(|| panic!("no cell {r}/{c}")).value.number.unwrap().mantissa
}

/// Every cell's span covers exactly its digits in the input.
fn assert_spans(input: &str, t: &FoundTable) {
    for c in &t.cells {
        let span = c.origin.span.unwrap_or_else(|| panic!("{}/{} has no span", c.row, c.column));
        assert_eq!(&input[span.start..span.end], c.value.text, "{}/{}", c.row, c.column);
        assert!(c.origin.cell.is_none());
    }
}

/// T3-IDENTITY and the row totals, wherever the cells are there.
fn assert_balanced(t: &FoundTable) {
    for col in [
        columns::NATURAL_PERSON,
        columns::BUSINESS,
        columns::RESEARCH,
        columns::NONPROFIT,
        columns::LEGAL_SERVICES,
        columns::OTHER,
        columns::TOTAL,
    ] {
        assert_eq!(
            num(t, rows::RECEIVED, col) + num(t, rows::CARRIED_IN, col),
            num(t, rows::OUTCOMES_TOTAL, col) + num(t, rows::CARRIED_OUT, col),
            "{col}"
        );
    }
    let mut row_ids: Vec<RowId> = t.cells.iter().map(|c| c.row).collect();
    row_ids.dedup();
    for r in row_ids {
        let parts: i128 = xxgk_lint::format::APPLICANT_COLUMNS.iter().map(|c| num(t, r, *c)).sum();
        assert_eq!(parts, num(t, r, columns::TOTAL), "row {r}");
    }
}

fn mutate(name: &str, from: &str, to: &str) -> (String, Document<'static>) {
    let input = std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap();
    assert_eq!(input.matches(from).count(), 1, "{from} must occur once in {name}");
    read_input(input.replacen(from, to, 1))
}

// ----- 淮安 2024, pdftotext raw

#[test]
fn huaian_raw_table_two() {
    let (input, t) = table(HUAIAN, TableId::Proactive, 2024);
    assert_eq!(t.layout, Some(y2021::FORMAT.version()));
    assert_eq!(row(&t, rows::REGULATIONS), ["1", "0", "11"]);
    assert_eq!(row(&t, rows::NORMATIVE_DOCUMENTS), ["8", "26", "66"]);
    assert_eq!(row(&t, rows::LICENSING), ["447228"]);
    assert_eq!(row(&t, rows::PENALTIES), ["3985758"]);
    assert_eq!(row(&t, rows::COERCION), ["88283"]);
    assert_eq!(row(&t, rows::FEES), ["96171.6"]);
    assert_eq!(t.cells.len(), 10);
    assert!(t.unreadable.is_empty());
    assert_spans(&input, &t);
}

#[test]
fn huaian_raw_table_three_with_labels_after_their_numbers() {
    let (input, t) = table(HUAIAN, TableId::Requests, 2024);
    assert_eq!(t.layout, Some(y2021::FORMAT.version()));
    assert!(t.unreadable.is_empty(), "{:?}", t.unreadable);
    assert_eq!(t.cells.len(), 175);
    assert_eq!(row(&t, rows::RECEIVED), ["3001", "53", "0", "0", "61", "4", "3119"]);
    assert_eq!(row(&t, rows::CARRIED_IN), ["34", "0", "0", "0", "0", "0", "34"]);
    // (一)/(二): their labels come after their numbers.
    assert_eq!(row(&t, rows::DISCLOSED), ["1288", "21", "0", "0", "50", "3", "1362"]);
    assert_eq!(row(&t, rows::PARTLY_DISCLOSED), ["447", "7", "0", "0", "0", "0", "454"]);
    // （五）5 and （六）1–3: their labels come after the whole block.
    assert_eq!(row(&t, rows::NOT_HANDLED_CONFIRMATION), ["1", "0", "0", "0", "0", "0", "1"]);
    assert_eq!(row(&t, rows::OTHER_HANDLING_NO_CORRECTION), ["67", "3", "0", "0", "1", "0", "71"]);
    assert_eq!(row(&t, rows::OTHER_HANDLING_UNPAID_FEE), ["6", "0", "0", "0", "0", "0", "6"]);
    assert_eq!(row(&t, rows::OTHER_HANDLING_OTHER), ["108", "2", "0", "0", "0", "0", "110"]);
    assert_eq!(row(&t, rows::OUTCOMES_TOTAL), ["2932", "53", "0", "0", "61", "4", "3050"]);
    assert_eq!(row(&t, rows::CARRIED_OUT), ["103", "0", "0", "0", "0", "0", "103"]);
    assert_eq!(num(&t, rows::OUTCOMES_TOTAL, columns::TOTAL), 3050);
    assert_balanced(&t);
    assert_spans(&input, &t);
    // （七）总计 = Σ results in the 总计 column: 1362 + 454 + 178 + 781 + 88 + 187.
    let results: i128 = column(&t, columns::TOTAL)
        .iter()
        .filter(|(r, _)| ![rows::RECEIVED, rows::CARRIED_IN, rows::OUTCOMES_TOTAL, rows::CARRIED_OUT].contains(r))
        .map(|(_, v)| v.parse::<i128>().unwrap())
        .sum();
    assert_eq!(results, 3050);
    let label = |id: RowId| t.row_labels.iter().find(|l| l.id == id).map(|l| l.printed.clone());
    assert_eq!(label(rows::OTHER_HANDLING_OTHER).as_deref(), Some("3、其他"));
    assert_eq!(label(rows::DISCLOSED).as_deref(), Some("（一）予以公开"));
}

#[test]
fn huaian_raw_table_four_is_unreadable_not_misread() {
    // "72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20" between pieces of the header: three
    // balanced blocks (72/64/178/37/351, 13/4/8/1/26, 12/1/1/6/20), but nothing in the text
    // says which is 行政复议, 未经复议直接起诉, 复议后起诉.
    let (_, t) = table(HUAIAN, TableId::Review, 2024);
    assert!(t.cells.is_empty());
    assert!(t.is_unreadable());
    assert_eq!(t.unreadable.len(), 1);
    assert!(t.unreadable[0].reason.to_string().contains("6 arrangements balance"), "{}", t.unreadable[0].reason);
    assert_eq!(t.unreadable[0].excerpt.as_deref(), Some("72 64 178 37 12 1 1 6 351 13 4 8 1 26 20"));
    assert!(t.unreadable[0].origin.span.is_some());
}

// ----- 洪泽 2023, pdftotext raw

#[test]
fn hongze_raw_table_three_read_column_by_column_in_places() {
    let (input, t) = table(HONGZE, TableId::Requests, 2023);
    // Hybrid: one-row （六）其他处理.
    assert_eq!(t.layout, Some(y2019::FORMAT.version()));
    assert!(t.unreadable.is_empty(), "{:?}", t.unreadable);
    assert_eq!(t.cells.len(), 161);
    // 21 + 0 = 21 + 0.
    assert_eq!(num(&t, rows::RECEIVED, columns::TOTAL), 21);
    assert_eq!(num(&t, rows::CARRIED_IN, columns::TOTAL), 0);
    assert_eq!(num(&t, rows::OUTCOMES_TOTAL, columns::TOTAL), 21);
    assert_eq!(num(&t, rows::CARRIED_OUT, columns::TOTAL), 0);
    assert_balanced(&t);
    // The ten rows of （三）/（四） come column by column in the text.
    assert_eq!(row(&t, rows::WITHHELD_STATE_SECRET), ["1", "0", "0", "0", "0", "0", "1"]);
    assert_eq!(row(&t, rows::WITHHELD_PROCESS), ["1", "0", "0", "0", "0", "0", "1"]);
    assert_eq!(row(&t, rows::WITHHELD_ENFORCEMENT_FILES), ["1", "0", "0", "0", "0", "0", "1"]);
    assert_eq!(row(&t, rows::UNAVAILABLE_NOT_HELD), ["10", "0", "0", "0", "0", "0", "10"]);
    assert_eq!(row(&t, rows::UNAVAILABLE_NEEDS_CREATION), ["3", "0", "0", "0", "0", "0", "3"]);
    assert_eq!(row(&t, rows::NOT_HANDLED_PETITION), ["1", "0", "0", "0", "0", "0", "1"]);
    assert_eq!(row(&t, rows::PARTLY_DISCLOSED), ["4", "0", "0", "0", "0", "0", "4"]);
    assert_eq!(row(&t, rows::OTHER_HANDLING), ["0"; 7]);
    assert_spans(&input, &t);
    // The label typo comes through as printed.
    let typo = t.row_labels.iter().find(|l| l.id == rows::WITHHELD_PROHIBITED).unwrap();
    assert_eq!(typo.printed, "2.其他法律行政止公开");
}

#[test]
fn hongze_raw_table_two_with_values_before_labels() {
    let (_, t) = table(HONGZE, TableId::Proactive, 2023);
    assert_eq!(t.layout, Some(y2021::FORMAT.version()));
    assert_eq!(row(&t, rows::REGULATIONS), ["0", "0", "0"]);
    assert_eq!(row(&t, rows::NORMATIVE_DOCUMENTS), ["0", "5", "5"]);
    assert_eq!(row(&t, rows::LICENSING), ["550"]);
    assert_eq!(row(&t, rows::PENALTIES), ["4119"]);
    assert_eq!(row(&t, rows::COERCION), ["195"]);
    assert_eq!(row(&t, rows::FEES), ["7730.28"]);
    assert!(t.unreadable.is_empty());
}

#[test]
fn hongze_raw_table_four_keeps_its_real_errors() {
    // In text order, after the whole header (only 总计 repeated before its own value): read
    // as printed, although 行政复议 10 + 1 + 0 + 0 ≠ 0 and 复议后起诉 5 + 0 + 0 + 0 ≠ 0.
    let (input, t) = table(HONGZE, TableId::Review, 2023);
    assert_eq!(t.layout, None);
    assert!(t.unreadable.is_empty(), "{:?}", t.unreadable);
    assert_eq!(row(&t, rows::CASES), ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]);
    assert_eq!(num(&t, rows::CASES, columns::REVIEW_TOTAL), 0);
    assert_eq!(num(&t, rows::CASES, columns::SUIT_AFTER_REVIEW_UPHELD), 5);
    assert_spans(&input, &t);
}

// ----- 平潭 2021 and 2022, flattened page text

#[test]
fn pingtan_2021_table_two() {
    let (input, t) = table(PINGTAN_2021, TableId::Proactive, 2021);
    assert_eq!(t.layout, Some(y2021::FORMAT.version()));
    assert_eq!(row(&t, rows::REGULATIONS), ["0", "0", "0"]);
    assert_eq!(row(&t, rows::NORMATIVE_DOCUMENTS), Vec::<String>::new());
    assert!(t.row_unreadable(rows::NORMATIVE_DOCUMENTS));
    assert!(!t.is_unreadable());
    let u = t.unreadable.iter().find(|u| u.row == Some(rows::NORMATIVE_DOCUMENTS)).unwrap();
    assert_eq!(u.excerpt.as_deref(), Some("693665"));
    assert_eq!(t.unreadable.len(), 1);
    assert_eq!(row(&t, rows::LICENSING), ["2293"]);
    assert_eq!(row(&t, rows::PENALTIES), ["1282"]);
    assert_eq!(row(&t, rows::COERCION), ["42"]);
    assert_eq!(row(&t, rows::FEES), ["24252.311082"]);
    assert_spans(&input, &t);
}

#[test]
fn pingtan_2021_table_three() {
    let (input, t) = table(PINGTAN_2021, TableId::Requests, 2021);
    assert_eq!(t.layout, Some(y2021::FORMAT.version()));
    assert!(t.unreadable.is_empty(), "{:?}", t.unreadable);
    assert_eq!(t.cells.len(), 175);
    assert_eq!(row(&t, rows::RECEIVED), ["64", "0", "0", "2", "0", "4", "70"]);
    assert_eq!(row(&t, rows::DISCLOSED), ["27", "0", "0", "2", "0", "1", "30"]);
    assert_eq!(row(&t, rows::PARTLY_DISCLOSED), ["5", "0", "0", "0", "0", "0", "5"]);
    assert_eq!(row(&t, rows::UNAVAILABLE_NOT_HELD), ["22", "0", "0", "0", "0", "3", "25"]);
    assert_eq!(row(&t, rows::OUTCOMES_TOTAL), ["63", "0", "0", "2", "0", "4", "69"]);
    assert_eq!(row(&t, rows::CARRIED_OUT), ["1", "0", "0", "0", "0", "0", "1"]);
    // 70 + 0 = 69 + 1.
    assert_balanced(&t);
    assert_spans(&input, &t);
    let label = |id: RowId| t.row_labels.iter().find(|l| l.id == id).map(|l| l.printed.clone());
    assert_eq!(label(rows::WITHHELD_PROHIBITED).as_deref(), Some("2.其他法律行政法规禁止公开"));
    assert_eq!(label(rows::WITHHELD_STATE_SECRET).as_deref(), Some("1.属于国家秘密"));
}

#[test]
fn pingtan_2021_table_four() {
    let (input, t) = table(PINGTAN_2021, TableId::Review, 2021);
    assert!(t.unreadable.is_empty(), "{:?}", t.unreadable);
    assert_eq!(row(&t, rows::CASES), ["1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"]);
    assert_spans(&input, &t);
}

#[test]
fn pingtan_2022_tables() {
    let (input, doc) = read(PINGTAN_2022);
    let t2 = table_in(&input, &doc, TableId::Proactive, 2022);
    assert_eq!(row(&t2, rows::REGULATIONS), ["0", "0", "0"]);
    assert!(t2.row_unreadable(rows::NORMATIVE_DOCUMENTS)); // 8855698: 88 | 55 | 698 or …
    assert_eq!(row(&t2, rows::LICENSING), ["10690"]);
    assert_eq!(row(&t2, rows::PENALTIES), ["2113"]);
    assert_eq!(row(&t2, rows::COERCION), ["0"]);
    assert_eq!(row(&t2, rows::FEES), ["9116.36"]);
    let t3 = table_in(&input, &doc, TableId::Requests, 2022);
    assert!(t3.unreadable.is_empty(), "{:?}", t3.unreadable);
    assert_eq!(row(&t3, rows::RECEIVED), ["71", "3", "0", "0", "0", "0", "74"]);
    assert_eq!(row(&t3, rows::CARRIED_IN), ["1", "0", "0", "0", "0", "0", "1"]);
    assert_eq!(row(&t3, rows::OUTCOMES_TOTAL), ["72", "3", "0", "0", "0", "0", "75"]);
    assert_eq!(row(&t3, rows::CARRIED_OUT), ["0"; 7]);
    assert_eq!(row(&t3, rows::OTHER_HANDLING_OTHER), ["0", "2", "0", "0", "0", "0", "2"]);
    // 74 + 1 = 75 + 0, and every row sums.
    assert_balanced(&t3);
    assert_spans(&input, &t3);
    // 表四 under the misspelt heading 四、政府信息公开行政法复议…, cells separated by spaces.
    let t4 = table_in(&input, &doc, TableId::Review, 2022);
    assert_eq!(row(&t4, rows::CASES), ["0", "1", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]);
    assert_spans(&input, &t4);
}

// ----- Mutations: one digit changed; the reading follows it or becomes unreadable.

#[test]
fn mutation_in_a_single_row_run_is_read_as_printed() {
    // （七）总计 商业企业 53 → 54: a row of its own; read as printed (a later rule reports it).
    let (input, doc) = mutate(HUAIAN, "\n2932\n\n53\n", "\n2932\n\n54\n");
    let t = table_in(&input, &doc, TableId::Requests, 2024);
    assert_eq!(row(&t, rows::OUTCOMES_TOTAL), ["2932", "54", "0", "0", "61", "4", "3050"]);
    assert!(t.unreadable.is_empty(), "{:?}", t.unreadable);
    assert_eq!(t.cells.len(), 175);
}

#[test]
fn mutation_that_breaks_the_deciding_sum_leaves_the_ambiguous_run_unread() {
    // （七）总计 自然人 2932 → 2933. （七） itself is read as printed. But the run of five rows
    // before it (（五）4, 5, （六）1–3) reads two ways that both balance their rows
    // ("0 0 0 0 0 0 0 | 1 0 0 0 0 0 1" row by row, or column by column as
    // "0 … 0 | 0 0 0 1 0 0 1"); only the 自然人 and 社会公益组织 column sums told them apart,
    // and the 自然人 one no longer holds: the two rows the readings disagree on become
    // unreadable, not "corrected".
    let (input, doc) = mutate(HUAIAN, "\n2932\n", "\n2933\n");
    let t = table_in(&input, &doc, TableId::Requests, 2024);
    assert_eq!(row(&t, rows::OUTCOMES_TOTAL), ["2933", "53", "0", "0", "61", "4", "3050"]);
    let unread: Vec<_> = t.unreadable.iter().filter_map(|u| u.row).collect();
    assert_eq!(unread, [rows::NOT_HANDLED_EXCESSIVE, rows::NOT_HANDLED_CONFIRMATION]);
    assert!(t.unreadable[0].reason.to_string().contains("none satisfies the table's column sums"));
    // The rows on which both readings agree are still read.
    assert_eq!(row(&t, rows::OTHER_HANDLING_OTHER), ["108", "2", "0", "0", "0", "0", "110"]);
    assert_eq!(t.cells.len(), 175 - 2 * 7);
}

#[test]
fn mutation_in_a_multi_row_run_makes_it_unreadable() {
    // 1288 → 1289 sits in the run 二 + （一） + （二）: that run's reading now depends on the
    // arithmetic, which no reading satisfies. Never "corrected".
    let (input, doc) = mutate(HUAIAN, "\n1288\n", "\n1289\n");
    let t = table_in(&input, &doc, TableId::Requests, 2024);
    for r in [rows::CARRIED_IN, rows::DISCLOSED, rows::PARTLY_DISCLOSED] {
        assert!(t.row_unreadable(r), "{r}");
        assert!(row(&t, r).is_empty());
    }
    assert_eq!(row(&t, rows::RECEIVED), ["3001", "53", "0", "0", "61", "4", "3119"]);
    assert!(!t.cells.iter().any(|c| c.value.text == "1288" || c.value.text == "1289"));
}

#[test]
fn mutation_of_glued_digits() {
    // 平潭 2021 新收 640020470 → 640020471: no cut balances; unreadable, not corrected.
    let (input, doc) = mutate(PINGTAN_2021, "640020470", "640020471");
    let t = table_in(&input, &doc, TableId::Requests, 2021);
    assert!(t.row_unreadable(rows::RECEIVED));
    assert!(row(&t, rows::RECEIVED).is_empty());
    assert_eq!(row(&t, rows::DISCLOSED), ["27", "0", "0", "2", "0", "1", "30"]);
    // 表四 10203120001200000 → …01: no cut balances.
    let (input, doc) = mutate(PINGTAN_2021, "10203120001200000", "10203120001200001");
    let t = table_in(&input, &doc, TableId::Review, 2021);
    assert!(t.is_unreadable() && t.cells.is_empty());
    // 规章 000 → 010: the only cut is 0 | 1 | 0, read as printed.
    let (input, doc) = mutate(PINGTAN_2021, "规章 000", "规章 010");
    let t = table_in(&input, &doc, TableId::Proactive, 2021);
    assert_eq!(row(&t, rows::REGULATIONS), ["0", "1", "0"]);
}

#[test]
fn mutation_of_a_table_four_read_in_order() {
    // 洪泽 2023 表四 10 → 11: read as printed.
    let input = std::fs::read_to_string(format!("tests/fixtures/{HONGZE}")).unwrap();
    let at = input.find("四、政府信息公开行政复议").unwrap();
    let (head, tail) = input.split_at(at);
    let (input, doc) = read_input(format!("{head}{}", tail.replacen("\n10\n", "\n11\n", 1)));
    let t = table_in(&input, &doc, TableId::Review, 2023);
    assert_eq!(num(&t, rows::CASES, columns::REVIEW_UPHELD), 11);
    assert_eq!(num(&t, rows::CASES, columns::REVIEW_CORRECTED), 1);
}

#[test]
fn every_text_fixture_without_tables_reads_without_panicking() {
    for name in [HUAIAN, HONGZE, PINGTAN_2021, PINGTAN_2022] {
        let (input, doc) = read(name);
        assert_eq!(doc.tables().count(), 0, "{name}");
        let all: Vec<&Paragraph> = doc.paragraphs().collect();
        for id in TableId::ALL {
            // The whole document as the "section": the table is still found after its heading.
            let t = read_text_table(id, &all, &input, None, Formats::OFFICIAL).expect("found");
            assert!(!t.cells.is_empty() || !t.unreadable.is_empty(), "{name} {id:?}");
            // Any prefix of the paragraphs: never a panic.
            for n in (0..all.len()).step_by(7) {
                let _ = read_text_table(id, &all[..n], &input, Some(2022), Formats::OFFICIAL);
            }
        }
    }
}
