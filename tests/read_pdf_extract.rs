//! The native PDF extractor (`read::pdf::extract`) on real reports, on PDFs printed by
//! Chromium, and on encrypted, scanned, damaged and hostile files. Fixtures:
//! `tests/fixtures/pdf/README.md`.
#![cfg(feature = "pdf")]

use std::time::{Duration, Instant};
#[path = "common/pdf_builder.rs"]
mod pdf_builder;

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

#[test]
fn encrypted_with_a_user_password_is_refused_with_an_owner_password_only_read() {
    let limits = PdfLimits::default();
    assert_eq!(pdf_pages(&fixture("encrypted.user-password.pdf"), &limits), Err(PdfProblem::Encrypted));
    assert!(PdfProblem::Encrypted.why().contains("remove the password"));
    // The same page, restricted by an owner password only: read as every viewer reads it.
    let owner = pages("encrypted.owner-password.pdf");
    assert_eq!(owner.len(), 1);
    let original = pages("jiangsu-huaian-hongze-qu-2024.pdf");
    assert_eq!(owner[0].texts, original[3].texts);
    assert_eq!(owner[0].lines, original[3].lines);
}

#[test]
fn a_scan_has_no_text_layer() {
    let got = pdf_pages(&fixture("scanned.pdf"), &PdfLimits::default());
    assert_eq!(got, Err(PdfProblem::NoText { pages: 2 }));
    assert!(got.unwrap_err().why().contains("run OCR on it first"));
}

/// A real file cut short: what remains has no page tree to read.
#[test]
fn a_truncated_file_is_damaged() {
    let bytes = fixture("jiangsu-huaian-hongze-qu-2024.pdf");
    for cut in [0, 9, 1000, 20_000] {
        match pdf_pages(&bytes[..cut], &PdfLimits::default()) {
            Err(PdfProblem::Damaged(_)) => {}
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
}

/// The cross-reference data (this file has a cross-reference stream, which also holds the
/// trailer) and its offset overwritten: lopdf rebuilds the table by scanning the objects and
/// finds the catalog, and the pages read as they were.
#[test]
fn a_damaged_cross_reference_stream_is_rebuilt() {
    let mut bytes = fixture("jiangsu-huaian-hongze-qu-2024.pdf");
    let at = bytes.windows(9).rposition(|w| w == b"startxref").unwrap();
    let xref = bytes.windows(10).rposition(|w| w == b"/Type /XRe").unwrap();
    for b in &mut bytes[xref..at] {
        *b = b' ';
    }
    for b in bytes[at + 9..].iter_mut().filter(|b| b.is_ascii_digit()) {
        *b = b'7';
    }
    let repaired = pdf_pages(&bytes, &PdfLimits::default()).unwrap();
    assert_eq!(repaired, pages("jiangsu-huaian-hongze-qu-2024.pdf"));
}

mod synthetic {
    //! Small PDFs written with lopdf: each operator's effect, and hostile files.
    use super::*;
    use lopdf::dictionary;
    use pdf_builder::pdf;

    pub fn one(content: &str) -> PdfPage {
        one_with(content, lopdf::Dictionary::new())
    }

    pub fn one_with(content: &str, page: lopdf::Dictionary) -> PdfPage {
        pdf_pages(&pdf(&[content.as_bytes()], page, false), &PdfLimits::default()).unwrap().remove(0)
    }

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn text_placement_widths_spacing_and_rise() {
        let p = one("BT /F1 10 Tf 1 0 0 1 72 700 Tm (Ab c) Tj 0 -20 Td 2 Tc 3 Tw 200 Tz (a b) Tj 5 Ts T* (x) Tj ET");
        let t = &p.texts;
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].text, "Ab c");
        assert!(
            close(t[0].x, 72.0) && close(t[0].y, 100.0) && close(t[0].width, 20.0) && close(t[0].size, 10.0),
            "{:?}",
            t[0]
        );
        // Tz 200: widths doubled; Tc after every glyph, Tw after the space; the last glyph's own
        // spacing is not part of the run.
        assert!(close(t[1].x, 72.0) && close(t[1].y, 120.0), "{:?}", t[1]);
        assert!(close(t[1].width, (5.0 + 2.0 + 5.0 + 2.0 + 3.0) * 2.0 + 10.0), "{:?}", t[1]);
        // T* with no TL: the same line; Ts 5 raises the baseline.
        assert!(close(t[2].y, 115.0), "{:?}", t[2]);
    }

    #[test]
    fn tj_arrays_are_one_run_unless_a_gap_opens() {
        let p = one("BT /F1 10 Tf 100 700 Td [(A) -200 (B)] TJ [(C) -1500 (D)] TJ ET");
        let t: Vec<(&str, f32, f32)> = p.texts.iter().map(|t| (t.text.as_str(), t.x, t.width)).collect();
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[0].0, "AB");
        assert!(close(t[0].2, 12.0), "{t:?}");
        // [(C) -1500 (D)]: a gap of 1.5 em splits the run.
        assert_eq!((t[1].0, t[2].0), ("C", "D"));
        assert!(close(t[2].1, t[1].1 + 5.0 + 15.0), "{t:?}");
    }

    #[test]
    fn cid_fonts_through_tounicode_with_w_widths_and_surrogates() {
        let p = one("BT /F2 12 Tf 2 0 0 2 50 500 Tm <000100020003> Tj <00110012> Tj ET");
        assert_eq!(p.texts[0].text, "表三\u{1D400}");
        assert!(close(p.texts[0].width, 72.0) && close(p.texts[0].size, 24.0), "{:?}", p.texts[0]);
        assert_eq!(p.texts[1].text, "12");
        assert!(close(p.texts[1].x, 50.0 + 72.0) && close(p.texts[1].width, 24.0), "{:?}", p.texts[1]);
    }

    #[test]
    fn the_ctm_applies_to_text_and_paths_and_q_restores_it() {
        let p = one("q 1 0 0 1 100 50 cm BT /F1 10 Tf 0 0 Td (a) Tj ET 0 0 m 10 0 l S Q BT /F1 10 Tf (b) Tj ET");
        assert!(close(p.texts[0].x, 100.0) && close(p.texts[0].y, 750.0));
        assert!(close(p.texts[1].x, 0.0) && close(p.texts[1].y, 800.0));
        assert_eq!(p.lines, vec![[100.0, 750.0, 110.0, 750.0]]);
    }

    #[test]
    fn paths_segments_rectangles_clips_and_white() {
        let p = one("10 10 m 110 10 l 110 60 l S \
             20 700 100 50 re f \
             0 0 600 800 re W n \
             300 300 m 400 300 l 400 350 l 300 350 l h S \
             200 200 m 250 250 l 300 200 250 150 210 210 c S \
             1 g 0 0 600 800 re f 0 g \
             1 G 5 5 m 50 5 l S 0 G \
             30 30 10 0.5 re f \
             BT /F1 10 Tf (t) Tj ET");
        // Straight stroked segments (the curve left out); y from the top.
        assert_eq!(
            p.lines,
            vec![[10.0, 790.0, 110.0, 790.0], [110.0, 790.0, 110.0, 740.0], [200.0, 600.0, 250.0, 550.0]]
        );
        // re filled, a closed four-sided path stroked, a thin filled rule; the clip and the white
        // page-sized fill are not drawings.
        assert_eq!(p.rects, vec![[20.0, 50.0, 100.0, 50.0], [300.0, 450.0, 100.0, 50.0], [30.0, 769.5, 10.0, 0.5]]);
    }

    #[test]
    fn forms_are_drawn_with_their_matrix() {
        let p = one("q 1 0 0 1 0 100 cm /X1 Do Q BT /F1 10 Tf (t) Tj ET");
        assert_eq!(p.lines, vec![[100.0, 600.0, 150.0, 600.0]]);
    }

    #[test]
    fn rotated_and_cropped_pages_are_read_as_shown() {
        let page = dictionary! {
            "MediaBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
            "CropBox" => vec![100.into(), 100.into(), 500.into(), 700.into()],
            "Rotate" => 90,
        };
        let p = one_with("BT /F1 10 Tf 100 700 Td (a) Tj ET 100 700 m 500 700 l S", page);
        // Cropped to 400×600, turned a quarter clockwise: shown 600 wide, 400 high. The crop
        // box's top-left corner (100, 700) is now the top-right corner of the page as shown.
        assert_eq!((p.width, p.height), (600.0, 400.0));
        // The text now runs downwards from there: x is its start, width its length.
        let a = &p.texts[0];
        assert!(close(a.x, 600.0) && close(a.y, 0.0) && close(a.width, 5.0), "{a:?}");
        assert_eq!(p.lines, vec![[600.0, 0.0, 600.0, 400.0]]);
    }

    #[test]
    fn operators_beyond_the_page_budget() {
        let content = "0 0 m\n".repeat(1_100_000);
        let bytes = pdf(&[content.as_bytes()], lopdf::Dictionary::new(), true);
        let start = Instant::now();
        assert_eq!(
            pdf_pages(&bytes, &PdfLimits::default()),
            Err(PdfProblem::PageTooComplex { page: 1, limit: 1_000_000 })
        );
        assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
    }

    #[test]
    fn a_form_drawing_itself_stops_at_the_budget() {
        // Ten calls at each of twelve levels: 10^12 calls, were it not for the budget.
        let bytes = pdf(&[b"/X2 Do"], lopdf::Dictionary::new(), false);
        let start = Instant::now();
        assert_eq!(
            pdf_pages(&bytes, &PdfLimits::default()),
            Err(PdfProblem::PageTooComplex { page: 1, limit: 1_000_000 })
        );
        assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
    }

    #[test]
    fn a_flate_bomb_stops_at_the_stream_limit() {
        // 64 MB of spaces in a stream of about 64 KB.
        let bomb = vec![b' '; 64 << 20];
        let bytes = pdf(&[&bomb], lopdf::Dictionary::new(), true);
        drop(bomb);
        assert!(bytes.len() < 200_000, "{}", bytes.len());
        let start = Instant::now();
        assert_eq!(pdf_pages(&bytes, &PdfLimits::default()), Err(PdfProblem::StreamTooLarge { limit: 32 << 20 }));
        assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
    }

    #[test]
    fn too_many_pages() {
        let contents = vec![&b"BT /F1 10 Tf (a) Tj ET"[..]; 501];
        let bytes = pdf(&contents, lopdf::Dictionary::new(), false);
        assert_eq!(pdf_pages(&bytes, &PdfLimits::default()), Err(PdfProblem::TooManyPages { pages: 501 }));
        let limits = PdfLimits { max_pages: 501, ..PdfLimits::default() };
        assert_eq!(pdf_pages(&bytes, &limits).unwrap().len(), 501);
    }

    #[test]
    fn fonts_without_unicode_are_unsupported() {
        // CID font codes with no ToUnicode entry.
        let bytes = pdf(&[b"BT /F2 10 Tf <0077> Tj ET"], lopdf::Dictionary::new(), false);
        assert!(matches!(pdf_pages(&bytes, &PdfLimits::default()), Err(PdfProblem::Unsupported(_))));
    }
}
