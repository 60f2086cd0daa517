//! The native PDF extractor (`read::pdf::extract`) on real reports, on PDFs printed by
//! Chromium, and on encrypted, scanned, damaged and hostile files. Fixtures:
//! `tests/fixtures/pdf/README.md`.
#![cfg(feature = "pdf")]

use std::time::{Duration, Instant};
use xxgk_lint::read::pdf::{pdf_pages, PdfLimits, PdfPage, PdfProblem};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/pdf/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn pages(name: &str) -> Vec<PdfPage> {
    pdf_pages(&fixture(name), &PdfLimits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The text of a page's runs in order, white space left out, with the run each character
/// came from.
fn joined(page: &PdfPage) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut runs = Vec::new();
    for (i, t) in page.texts.iter().enumerate() {
        for c in t.text.chars().filter(|c| !c.is_whitespace()) {
            text.push(c);
            runs.push(i);
        }
    }
    (text, runs)
}

fn all_text(pages: &[PdfPage]) -> String {
    pages.iter().map(|p| joined(p).0).collect()
}

/// Where `needle` starts: its page (index) and the baseline of its first character's run.
fn find(pages: &[PdfPage], needle: &str) -> (usize, f32) {
    for (n, page) in pages.iter().enumerate() {
        let (text, runs) = joined(page);
        if let Some(byte) = text.find(needle) {
            let char_index = text[..byte].chars().count();
            return (n, page.texts[runs[char_index]].y);
        }
    }
    panic!("{needle:?} not found");
}

const HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// The rows' numbers are in the text, in order (each row's numbers run together: the values
/// of a cell are runs of their own, and white space is left out).
fn assert_rows_in_order(name: &str, text: &str, from: &str, rows: &[&[u32]]) {
    let mut at = text.find(from).unwrap_or_else(|| panic!("{name}: {from:?} not found"));
    for row in rows {
        let digits: String = row.iter().map(u32::to_string).collect();
        match text[at..].find(&digits) {
            Some(i) => at += i + digits.len(),
            None => panic!("{name}: row {row:?} not found in order after byte {at}"),
        }
    }
}

/// 表三's rows (the six applicant columns and 总计), from the corpus README and the
/// `pdftotext -layout` extractions of the same files.
const HUAIAN_2024_T3: [&[u32]; 25] = [
    &[3001, 53, 0, 0, 61, 4, 3119],
    &[34, 0, 0, 0, 0, 0, 34],
    &[1288, 21, 0, 0, 50, 3, 1362],
    &[447, 7, 0, 0, 0, 0, 454],
    &[2, 0, 0, 0, 0, 0, 2],
    &[30, 1, 0, 0, 0, 0, 31],
    &[5, 0, 0, 0, 0, 0, 5],
    &[6, 0, 0, 0, 0, 0, 6],
    &[7, 1, 0, 0, 0, 0, 8],
    &[12, 0, 0, 0, 0, 0, 12],
    &[9, 0, 0, 0, 0, 0, 9],
    &[105, 0, 0, 0, 0, 0, 105],
    &[746, 12, 0, 0, 10, 1, 769],
    &[11, 0, 0, 0, 0, 0, 11],
    &[1, 0, 0, 0, 0, 0, 1],
    &[56, 6, 0, 0, 0, 0, 62],
    &[25, 0, 0, 0, 0, 0, 25],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[1, 0, 0, 0, 0, 0, 1],
    &[67, 3, 0, 0, 1, 0, 71],
    &[6, 0, 0, 0, 0, 0, 6],
    &[108, 2, 0, 0, 0, 0, 110],
    &[2932, 53, 0, 0, 61, 4, 3050],
    &[103, 0, 0, 0, 0, 0, 103],
];

const HONGZE_2023_T3: [&[u32]; 23] = [
    &[21, 0, 0, 0, 0, 0, 21],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[4, 0, 0, 0, 0, 0, 4],
    &[1, 0, 0, 0, 0, 0, 1],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[1, 0, 0, 0, 0, 0, 1],
    &[1, 0, 0, 0, 0, 0, 1],
    &[0, 0, 0, 0, 0, 0, 0],
    &[10, 0, 0, 0, 0, 0, 10],
    &[3, 0, 0, 0, 0, 0, 3],
    &[0, 0, 0, 0, 0, 0, 0],
    &[1, 0, 0, 0, 0, 0, 1],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[21, 0, 0, 0, 0, 0, 21],
    &[0, 0, 0, 0, 0, 0, 0],
];

const HONGZE_2024_T3: [&[u32]; 23] = [
    &[95, 0, 0, 0, 0, 0, 95],
    &[0, 0, 0, 0, 0, 0, 0],
    &[50, 0, 0, 0, 0, 0, 50],
    &[9, 0, 0, 0, 0, 0, 9],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[1, 0, 0, 0, 0, 0, 1],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[1, 0, 0, 0, 0, 0, 1],
    &[1, 0, 0, 0, 0, 0, 1],
    &[0, 0, 0, 0, 0, 0, 0],
    &[31, 0, 0, 0, 0, 0, 31],
    &[1, 0, 0, 0, 0, 0, 1],
    &[0, 0, 0, 0, 0, 0, 0],
    &[1, 0, 0, 0, 0, 0, 1],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[95, 0, 0, 0, 0, 0, 95],
    &[0, 0, 0, 0, 0, 0, 0],
];

/// The horizontal and vertical rulings drawn between two points of the flow (page index,
/// y): stroked segments, and filled rectangles no thicker than 2 pt.
fn rulings(pages: &[PdfPage], from: (usize, f32), to: (usize, f32)) -> (usize, usize) {
    let (mut horizontal, mut vertical) = (0, 0);
    for (n, page) in pages.iter().enumerate().take(to.0 + 1).skip(from.0) {
        let top = if n == from.0 { from.1 } else { 0.0 };
        let bottom = if n == to.0 { to.1 } else { page.height };
        let inside = |y0: f32, y1: f32| y0.min(y1) >= top - 2.0 && y0.max(y1) <= bottom;
        for l in &page.lines {
            if (l[1] - l[3]).abs() < 0.5 && inside(l[1], l[3]) {
                horizontal += 1;
            } else if (l[0] - l[2]).abs() < 0.5 && inside(l[1], l[3]) {
                vertical += 1;
            }
        }
        for r in &page.rects {
            if r[3] <= 2.0 && r[2] > 2.0 && inside(r[1], r[1] + r[3]) {
                horizontal += 1;
            } else if r[2] <= 2.0 && r[3] > 2.0 && inside(r[1], r[1] + r[3]) {
                vertical += 1;
            }
        }
    }
    (horizontal, vertical)
}

fn t3_rulings(pages: &[PdfPage]) -> (usize, usize) {
    rulings(pages, find(pages, HEADINGS[2]), find(pages, HEADINGS[3]))
}

/// What holds for every page of every file: sizes, coordinates inside the page, y down.
fn assert_sane(name: &str, pages: &[PdfPage], size: (f32, f32)) {
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page.number as usize, i + 1, "{name}");
        assert!(
            (page.width - size.0).abs() < 0.5 && (page.height - size.1).abs() < 0.5,
            "{name} p{}: {}×{}",
            page.number,
            page.width,
            page.height
        );
        for t in &page.texts {
            assert!(!t.text.trim().is_empty(), "{name}: a white-space run");
            assert!(
                t.x >= 0.0 && t.x + t.width <= page.width + 1.0 && t.y > 0.0 && t.y <= page.height,
                "{name} p{}: {t:?}",
                page.number
            );
            assert!(t.size > 4.0 && t.size < 40.0 && t.width > 0.0, "{name}: {t:?}");
        }
    }
    // y grows downwards: the title above the first heading, the headings in order.
    let (title_page, title_y) = find(pages, "年政府信息公开工作年度报告");
    let (first_page, first_y) = find(pages, HEADINGS[0]);
    assert!((title_page, title_y) < (first_page, first_y), "{name}: title below 一、");
    let mut last = (0, 0.0);
    for h in HEADINGS {
        let at = find(pages, h);
        assert!(at > last, "{name}: {h} at {at:?}, not after {last:?}");
        last = at;
    }
}

#[test]
fn huaian_2024() {
    let name = "jiangsu-huaian-shi-2024.pdf";
    let pages = pages(name);
    assert_eq!(pages.len(), 6);
    assert_sane(name, &pages, (595.0, 842.0));
    let text = all_text(&pages);
    assert!(text.contains("淮安市人民政府2024年政府信息公开工作年度报告"));
    assert_rows_in_order(name, &text, HEADINGS[2], &HUAIAN_2024_T3);
    // 表四: 72+64+178+37 = 351, 13+4+8+1 = 26, 12+1+1+6 = 20.
    assert_rows_in_order(name, &text, HEADINGS[3], &[&[72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]]);
    // 表三 spans pages 4 and 5, its borders stroked segments (`m l S`): 17 + 13 row rules
    // (the header's partial ones included) and the 11 column rules on each page.
    assert_eq!(t3_rulings(&pages), (30, 22));
    assert!(pages.iter().all(|p| p.rects.iter().all(|r| r[3] > 30.0)), "only 表二's shaded rows are rectangles");
}

#[test]
fn hongze_2023() {
    let name = "jiangsu-huaian-hongze-qu-2023.pdf";
    let pages = pages(name);
    assert_eq!(pages.len(), 5);
    assert_sane(name, &pages, (595.0, 842.0));
    let text = all_text(&pages);
    assert!(text.contains("洪泽区人民政府2023年政府信息公开工作年度报告"));
    assert_rows_in_order(name, &text, HEADINGS[2], &HONGZE_2023_T3);
    // 表四 as published: 行政复议 10 + 1 + 0 + 0 with 总计 0, 复议后起诉 5 with 总计 0.
    assert_rows_in_order(name, &text, HEADINGS[3], &[&[10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]]);
    // Stroked segments too, the table across pages 3 and 4 (11 column rules on each).
    assert_eq!(t3_rulings(&pages), (27, 22));
}

#[test]
fn hongze_2024() {
    let name = "jiangsu-huaian-hongze-qu-2024.pdf";
    let pages = pages(name);
    assert_eq!(pages.len(), 5);
    assert_sane(name, &pages, (595.0, 842.0));
    let text = all_text(&pages);
    assert!(text.contains("淮安市洪泽区人民政府2024年政府信息公开工作年度报告"));
    assert_rows_in_order(name, &text, HEADINGS[2], &HONGZE_2024_T3);
    assert_rows_in_order(name, &text, HEADINGS[3], &[&[1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]]);
    // Stroked segments, the table across pages 3 and 4.
    assert_eq!(t3_rulings(&pages), (28, 22));
}

/// 表三's rows of the 平潭 2022 report (its portal page) and of the 息陬 2019 sample.
const PINGTAN_2022_T3: [&[u32]; 25] = [
    &[71, 3, 0, 0, 0, 0, 74],
    &[1, 0, 0, 0, 0, 0, 1],
    &[21, 0, 0, 0, 0, 0, 21],
    &[8, 1, 0, 0, 0, 0, 9],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[1, 0, 0, 0, 0, 0, 1],
    &[2, 0, 0, 0, 0, 0, 2],
    &[1, 0, 0, 0, 0, 0, 1],
    &[0, 0, 0, 0, 0, 0, 0],
    &[37, 0, 0, 0, 0, 0, 37],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 0, 0, 0, 0, 0, 0],
    &[2, 0, 0, 0, 0, 0, 2],
    &[0, 0, 0, 0, 0, 0, 0],
    &[0, 2, 0, 0, 0, 0, 2],
    &[72, 3, 0, 0, 0, 0, 75],
    &[0, 0, 0, 0, 0, 0, 0],
];

#[test]
fn pingtan_2022_portal_page_printed_by_chromium() {
    let name = "pingtan-2022.portal.chromium.pdf";
    let pages = pages(name);
    assert_eq!(pages.len(), 7);
    let text = all_text(&pages);
    // Site chrome first, as the page prints.
    assert!(text.starts_with("国务院省政府省人大省政协"), "{}", &text[..60]);
    assert!(text.contains("平潭综合实验区2022年度政府信息公开工作年度报告"));
    assert_rows_in_order(name, &text, "三、收到和处理政府信息公开申请情况", &PINGTAN_2022_T3);
    assert_rows_in_order(name, &text, "四、政府信息公开行政", &[&[0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]]);
    // Chromium (Skia) draws every cell border as a thin filled rectangle, never a stroke.
    let (from, to) = (find(&pages, "三、收到和处理"), find(&pages, "四、政府信息公开行政"));
    assert!(pages[from.0..=to.0].iter().all(|p| p.lines.is_empty()));
    // One 0.75 pt rectangle per side of each cell: 23 value rows and the header rows.
    assert_eq!(rulings(&pages, from, to), (246, 283));
}

#[test]
fn xizou_2019_word_paste_printed_by_chromium() {
    let name = "xizou-2019.word.chromium.pdf";
    let pages = pages(name);
    assert_eq!(pages.len(), 5);
    let text = all_text(&pages);
    assert!(text.starts_with("息陬镇人民政府2019年信息公开年度报告"));
    let mut rows = [&[0u32, 0, 0, 0, 0, 0, 0][..]; 23];
    rows[0] = &[3, 0, 0, 0, 0, 0, 3];
    rows[2] = &[3, 0, 0, 0, 0, 0, 0]; // （一）予以公开: 总计 0, the report's error
    rows[21] = &[3, 0, 0, 0, 0, 0, 3];
    assert_rows_in_order(name, &text, "三、收到和处理政府信息公开申请情况", &rows);
    let (from, to) = (find(&pages, "三、收到和处理"), find(&pages, "四、政府信息公开行政"));
    assert!(pages[from.0..=to.0].iter().all(|p| p.lines.is_empty()));
    assert_eq!(rulings(&pages, from, to), (240, 260));
}
