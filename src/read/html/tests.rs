use super::*;
use crate::document::{CellAddress, CellRef, Slot};

fn read(html: &str) -> Document<'_> {
    read_html(html, &ReadOptions::default())
}

fn paragraphs<'d>(doc: &'d Document) -> Vec<&'d str> {
    doc.paragraphs().map(|p| p.text.as_str()).collect()
}

fn grid(t: &Table) -> Vec<Vec<Option<&str>>> {
    t.grid_texts()
}

#[test]
fn paragraphs_have_normalised_text_and_exact_spans() {
    let html = "<p>\u{3000}\u{3000}一、总体情况&nbsp;&nbsp;</p><p>2019年，<b>息陬镇</b>\n  共收到 3 件</p>";
    let doc = read(html);
    assert_eq!(paragraphs(&doc), vec!["一、总体情况", "2019年，息陬镇 共收到 3 件"]);
    let p = doc.paragraphs().next().unwrap();
    assert_eq!(&html[p.span.start..p.span.end], "\u{3000}\u{3000}一、总体情况&nbsp;&nbsp;");
}

#[test]
fn br_breaks_a_paragraph() {
    let doc = read("<p>一、总体情况<br>2019年，本镇</p>");
    assert_eq!(paragraphs(&doc), vec!["一、总体情况", "2019年，本镇"]);
}

#[test]
fn cells_keep_spans_addresses_and_split_numbers() {
    let html = "<table><tr><td rowspan=2>a</td><td><span>1</span><span>2</span></td></tr><tr><td>&nbsp;3&nbsp;</td></tr></table>";
    let doc = read(html);
    let t = doc.tables().next().unwrap();
    assert_eq!(grid(t), vec![vec![Some("a"), Some("12")], vec![None, Some("3")]]);
    let c = &t.rows[1].cells[0];
    assert_eq!(&html[c.span().start..c.span().end], "<td>&nbsp;3&nbsp;</td>");
    assert_eq!(t.address(CellRef { row: 1, cell: 0 }), CellAddress { table: 0, row: 1, cell: 0 });
    let a = &t.rows[0].cells[0];
    // Implicitly closed by the next <td>: the span ends where that one starts.
    assert_eq!(&html[a.span().start..a.span().end], "<td rowspan=2>a</td>");
}

#[test]
fn a_quoted_angle_bracket_does_not_move_a_tag_or_its_text() {
    // Excel and Word quote CSS and titles that may hold `<` and `>`: the cell still starts
    // at its own `<td`, and its text is the text after the real end of the tag.
    let html = "<table><tr><td title='a>b<c'>7</td><td style=\"x:1>0\">8</td></tr></table>";
    let doc = read(html);
    let t = doc.tables().next().unwrap();
    assert_eq!(grid(t), vec![vec![Some("7"), Some("8")]]);
    let spans: Vec<&str> = t.rows[0].cells.iter().map(|c| &html[c.span().start..c.span().end]).collect();
    assert_eq!(spans, vec!["<td title='a>b<c'>7</td>", "<td style=\"x:1>0\">8</td>"]);
}

#[test]
fn unclosed_cells_and_rows_are_repaired_like_a_browser() {
    let html = "<table><tr><td>1<td>2<tr><td>3<td>4</table><p>after";
    let doc = read(html);
    let t = doc.tables().next().unwrap();
    assert_eq!(grid(t), vec![vec![Some("1"), Some("2")], vec![Some("3"), Some("4")]]);
    assert_eq!(&html[t.rows[0].cells[0].span().start..t.rows[0].cells[0].span().end], "<td>1");
    assert_eq!(paragraphs(&doc), vec!["after"]);
}

#[test]
fn font_around_rows_is_foster_parented() {
    let html = "<table><font face=宋体><tr><td>1</td></tr></font><tr><td>2</td></tr></table>";
    let doc = read(html);
    let t = doc.tables().next().unwrap();
    assert_eq!(grid(t), vec![vec![Some("1")], vec![Some("2")]]);
}

#[test]
fn nested_tables_follow_their_outer_table_with_document_order_indices() {
    let html = "<table><tr><td>x</td><td>y</td><td><table><tr><td>in1</td><td>in2</td></tr></table>outer</td></tr></table><table><tr><td>last</td></tr></table>";
    let doc = read(html);
    let tables: Vec<&Table> = doc.tables().collect();
    assert_eq!(tables.len(), 3);
    assert_eq!(tables[0].index, 0);
    assert_eq!(grid(tables[0]), vec![vec![Some("x"), Some("y"), Some("outer")]]);
    assert_eq!(tables[1].index, 1);
    assert_eq!(grid(tables[1]), vec![vec![Some("in1"), Some("in2")]]);
    assert_eq!(tables[2].index, 2);
    assert_eq!(tables[2].address(CellRef { row: 0, cell: 0 }), CellAddress { table: 2, row: 0, cell: 0 });
}

#[test]
fn word_phantom_row_and_list_markers() {
    let html = "<table class=MsoNormalTable><tr><td><p class=MsoNormal><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp; </span></span><![endif]>属于国家秘密<o:p></o:p></p></td><td>0</td></tr>\
<![if !supportMisalignedColumns]><tr height=0><td width=100 style='border:none'></td><td width=50 style='border:none'></td></tr><![endif]></table>";
    let doc = read(html);
    let t = doc.tables().next().unwrap();
    assert_eq!(grid(t), vec![vec![Some("1. 属于国家秘密"), Some("0")]]);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1].skipped, Some(RowSkip::Phantom));
}

#[test]
fn phantom_row_marker_after_a_browser_round_trip() {
    let html = "<table><tr><td>a</td></tr><!--[if supportMisalignedColumns]--><tr height=0><td></td></tr><!--[endif]--></table>";
    let t = read(html).tables().next().unwrap().clone();
    assert_eq!(t.rows[1].skipped, Some(RowSkip::Phantom));
    assert_eq!(t.grid.height(), 1);
}

#[test]
fn excel_fake_merge_and_hidden_row() {
    let html = "<table><tr><td colspan=3 style='mso-ignore:colspan'>long title</td></tr>\
<tr height=0 style='display:none'><td>9</td><td>9</td></tr><tr><td x:num=\"1\">1</td><td>2</td></tr></table>";
    let doc = read(html);
    let t = doc.tables().next().unwrap();
    assert_eq!(grid(t), vec![vec![Some("long title"), None], vec![Some("1"), Some("2")]]);
    assert_eq!(t.rows[1].skipped, Some(RowSkip::Hidden));
    let kinds: Vec<NoteKind> = doc.notes.iter().map(|n| n.kind).collect();
    assert!(kinds.contains(&NoteKind::FakeMerge));
    assert!(kinds.contains(&NoteKind::HiddenRow));
    assert_eq!(t.grid.get(0, 1), Some(Slot::Empty));
}

#[test]
fn overlapping_cells_are_noted() {
    let html = "<table><tr><td>a</td><td rowspan=2>b</td></tr><tr><td colspan=2>c</td></tr></table>";
    let doc = read(html);
    assert_eq!(doc.notes.iter().filter(|n| n.kind == NoteKind::GridOverlap).count(), 1);
}

#[test]
fn script_style_head_and_hidden_text_are_not_report_text() {
    let doc = read("<html><head><title>t</title><style>p{}</style></head><body><script>var a='一、';</script><p style='display:none'>隐藏</p><p>正文</p></body></html>");
    assert_eq!(paragraphs(&doc), vec!["正文"]);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 100_000;
    let mut html = String::new();
    for _ in 0..depth {
        html.push_str("<span>");
    }
    html.push('深');
    let doc = read(&html);
    assert_eq!(paragraphs(&doc), vec!["深"]);
}

#[test]
fn a_gbk_declaration_on_an_already_decoded_page_is_ignored() {
    let html = "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"><meta charset=gbk></head><body><p>政府信息公开工作年度报告</p></body></html>";
    assert_eq!(paragraphs(&read(html)), vec!["政府信息公开工作年度报告"]);
}

#[test]
fn hostile_spans_are_clamped_and_capped() {
    let mut html = String::from("<table>");
    for _ in 0..20 {
        html.push_str("<tr><td colspan=99999 rowspan=99999>x</td><td colspan=\"abc\">y</td></tr>");
    }
    html.push_str("</table>");
    let doc = read(&html);
    let t = doc.tables().next().unwrap();
    assert_eq!(t.rows[0].cells[0].colspan(), 1000);
    assert_eq!(t.rows[0].cells[0].rowspan(), 65534);
    assert_eq!(t.rows[0].cells[1].colspan(), 1);
    assert!(t.grid.width() * t.grid.height() <= crate::read::GridLimits::default().max_slots);
    assert!(doc.notes.iter().any(|n| n.kind == NoteKind::GridCapped));
}

#[test]
fn many_tables_keep_their_indices() {
    let html: String = (0..2000).map(|i| format!("<table><tr><td>{i}</td></tr></table>")).collect();
    let doc = read(&html);
    let tables: Vec<&Table> = doc.tables().collect();
    assert_eq!(tables.len(), 2000);
    assert_eq!(tables[1999].index, 1999);
    assert_eq!(tables[1999].text(&tables[1999].rows[0].cells[0]), "1999");
}

#[test]
fn layout_tables_are_read_as_flow() {
    let long = "本镇严格落实政府信息公开条例。".repeat(80);
    let html = format!(
        "<table width=100%><tr><td><p>一、总体情况</p><p>{long}</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>"
    );
    let doc = read(&html);
    let tables: Vec<&Table> = doc.tables().collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].index, 1);
    assert_eq!(paragraphs(&doc)[0], "一、总体情况");
    assert!(doc.notes.iter().any(|n| n.kind == NoteKind::LayoutTable));
}

#[test]
fn text_after_a_table_and_thead_groups() {
    let table = "<table><thead><tr><td rowspan=0>h</td><td>a</td></tr><tr><td>b</td></tr></thead><tbody><tr><td>c</td><td>d</td></tr></tbody></table>尾";
    // With a doctype (no-quirks mode) rowspan=0 runs to the end of its row group …
    let page = format!("<!DOCTYPE html>{table}");
    let doc = read(&page);
    let t = doc.tables().next().unwrap();
    assert_eq!(grid(t), vec![vec![Some("h"), Some("a")], vec![None, Some("b")], vec![Some("c"), Some("d")]]);
    assert_eq!(paragraphs(&doc), vec!["尾"]);
    // … in quirks mode (a pasted fragment) it means 1, as in browsers.
    let doc = read(table);
    let t = doc.tables().next().unwrap();
    assert_eq!(grid(t), vec![vec![Some("h"), Some("a")], vec![Some("b"), None], vec![Some("c"), Some("d")]]);
}

#[test]
fn a_dom_without_html_or_body_is_read_from_the_document_node() {
    // What the JavaScript walker hands over for an editor's element: its children at the top.
    // [kind, parent, string, attrs…]: <p>一、总体情况</p><table><tr><td colspan=2>a</td></tr></table>
    let strings = ["p", "一、总体情况", "table", "tbody", "tr", "td", "colspan", "2", "a"].join("\0");
    let nodes = [1, -1, 0, 0, 3, 0, 1, 0, 1, -1, 2, 0, 1, 2, 3, 0, 1, 3, 4, 0, 1, 4, 5, 1, 6, 7, 3, 5, 8, 0];
    let tree = Tree::from_dom(&nodes, &strings, false).unwrap();
    let doc = read_tree(&tree, InputKind::Dom, &ReadOptions::default());
    assert_eq!(paragraphs(&doc), vec!["一、总体情况"]);
    let t = doc.tables().next().unwrap();
    assert_eq!(grid(t), vec![vec![Some("a"), None]]);
    assert_eq!(t.rows[0].cells[0].colspan(), 2);
    // Malformed structures are errors, not panics.
    assert!(Tree::from_dom(&[1, 5, 0, 0], "p", false).is_err());
    assert!(Tree::from_dom(&[1, -1, 9, 0], "p", false).is_err());
    assert!(Tree::from_dom(&[1, -1, 0], "p", false).is_err());
    assert!(Tree::from_dom(&[7, -1, 0, 0], "p", false).is_err());
    assert!(Tree::from_dom(&[1, -1, 0, -3], "p", false).is_err());
    // An attribute pair cut short, an attribute string out of range, a count past the end.
    assert!(Tree::from_dom(&[1, -1, 0, 1, 0], "p", false).is_err());
    assert!(Tree::from_dom(&[1, -1, 0, 1, 0, 9], "p", false).is_err());
    assert!(Tree::from_dom(&[3, -1, 0, i32::MAX], "p", false).is_err());
}

#[test]
fn a_dom_document_spans_its_text_in_the_walkers_strings() {
    let page = "<p>一、总体情况</p><p>正文<b>残留</b>StartFragment</p><table><tr><td></td><td colspan=2>自然人</td></tr></table>";
    let (nodes, strings, quirks) = super::tree::dom_records(&parse(page));
    let doc = super::read_dom(&nodes, &strings, quirks, &ReadOptions::default()).unwrap();
    assert_eq!(doc.input, InputKind::Dom);
    assert_eq!(doc.source, strings);
    let paragraphs: Vec<&Paragraph> = doc.paragraphs().collect();
    assert_eq!(doc.slice(paragraphs[0].span), Some("一、总体情况"));
    // A block's span runs from its first text to its last: other strings may sit between.
    assert_eq!(doc.slice(paragraphs[1].span).map(|s| s.replace('\0', "|")), Some("正文|b|残留|StartFragment".into()));
    let t = doc.tables().next().unwrap();
    let cells: Vec<&str> = t.cells().map(|c| doc.slice(c.span()).unwrap()).collect();
    // The empty cell spans nothing, where it is (where the next cell starts too: nothing of
    // the walker's lies between them); the other ends with its text.
    assert_eq!(cells[0], "");
    assert!(cells[1].ends_with("自然人"), "{:?}", cells[1]);
    let starts: Vec<usize> = t.cells().map(|c| c.span().start).collect();
    assert!(paragraphs[1].span.end <= starts[0] && starts[0] <= starts[1], "{starts:?}");
}

#[test]
fn inline_css_is_read_without_allocating() {
    assert!(style_has("border:none; Display : NONE", "display", "none"));
    assert!(style_has("height:0;mso-ignore:colspan", "mso-ignore", "colspan"));
    assert!(!style_has("mso-display:none", "display", "none"));
    assert!(!style_has("display:block", "display", "none"));
    assert!(!style_has("", "display", "none"));
    assert!(hidden_by_style("visibility: hidden"));
}

#[test]
fn deeply_nested_blocks_are_capped_not_quadratic() {
    // 100 000 nested <div>s: the tree builder's scope checks would take seconds.
    let html = format!("{}深{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    let started = std::time::Instant::now();
    let doc = read(&html);
    assert_eq!(paragraphs(&doc), vec!["深"]);
    assert!(doc.notes.iter().any(|n| n.kind == NoteKind::NestingCapped));
    // Generous: the benchmark target is far lower; this only catches a return to quadratic.
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
}
