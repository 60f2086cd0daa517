use super::placement::block_readings;
use super::splitting::{int_value, split, split_row, RowRel};
use super::tokens::{tokenize, Ch, Group, Part};
use super::*;
use crate::format::{columns, rows, y2019, y2021, RowId};
use crate::recognize::labels::{canonical, row_score_of_words};

/// One paragraph per non-empty line, spans into `input`.
fn lines(input: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in input.split_inclusive('\n') {
        let text = line.trim();
        if !text.is_empty() {
            let start = at + line.find(text).unwrap_or(0);
            out.push(Paragraph { text: text.to_string(), span: Span::new(start, start + text.len()) });
        }
        at += line.len();
    }
    out
}

fn read(id: TableId, input: &str, year: Option<u16>) -> Option<FoundTable> {
    let paras = lines(input);
    let refs: Vec<&Paragraph> = paras.iter().collect();
    read_text_table(id, &refs, input, year, Formats::OFFICIAL)
}

fn row(t: &FoundTable, row: RowId) -> Vec<String> {
    t.cells.iter().filter(|c| c.row == row).map(|c| c.value.text.to_string()).collect()
}

fn groups(text: &str) -> Vec<Group> {
    text.split(' ').map(|g| Group { chars: g.chars().map(|c| Ch::new(c, None)).collect(), unit: Vec::new() }).collect()
}

fn texts(parts: &[Part]) -> Vec<&str> {
    parts.iter().map(|p| &*p.text).collect()
}

const NO_RELATIONS: [RowRel; 0] = [];

fn t3_row() -> Vec<RowRel> {
    vec![RowRel { total: vec![6], parts: vec![0, 1, 2, 3, 4, 5] }]
}

fn t4_row() -> Vec<RowRel> {
    (0..3).map(|b| RowRel { total: vec![b * 5 + 4], parts: (b * 5..b * 5 + 4).collect() }).collect()
}

/// The tokens of `input` as one paragraph: `T:` text (`H:` a heading), `N:` numbers, `P:` prose.
fn shape(input: &str) -> Vec<String> {
    let p = Paragraph { text: input.into(), span: Span::new(0, input.len()) };
    let mut toks = Vec::new();
    tokenize(&p, input, crate::format::y2021::FORMAT.sections, &mut toks);
    toks.iter()
        .map(|t| match t {
            Tok::Text { text, heading: None, .. } => format!("T:{text}"),
            Tok::Text { text, .. } => format!("H:{text}"),
            Tok::Num { groups } => format!("N:{}", groups.iter().map(Group::text).collect::<Vec<_>>().join("|")),
            Tok::Prose { text } => format!("P:{text}"),
        })
        .collect()
}

#[test]
fn numbering_after_glued_digits_goes_to_the_label() {
    let input = "1.属于国家秘密00000002.其他法律行政法规禁止公开0000000";
    assert_eq!(shape(input), ["T:1.属于国家秘密", "N:0000000", "T:2.其他法律行政法规禁止公开", "N:0000000"]);
    // Word's list numbers keep a space after their mark.
    assert_eq!(
        shape("（四）无法提供1. 本机关不掌握相关政府信息00000002. 没有现成信息需要另行制作0000000"),
        ["T:（四）无法提供1. 本机关不掌握相关政府信息", "N:0000000", "T:2. 没有现成信息需要另行制作", "N:0000000"]
    );
}

#[test]
fn sentences_with_numbers_are_prose_not_cells() {
    // Between a heading and its table: a year, a count, a clause.
    assert_eq!(
        shape("二、主动公开政府信息情况2019年主动公开政府信息118条。第二十条第（一）项 信息内容 规章000"),
        [
            "H:二、主动公开政府信息情况",
            "P:2019年主动公开政府信息118条。",
            "T:第二十条第（一）项 信息内容 规章",
            "N:000"
        ]
    );
    assert_eq!(
        shape("四、政府信息公开行政复议、行政诉讼情况 2022年，全区共有行政诉讼案件1件、行政复议案件2件，均已结案。 行政复议 0 1"),
        [
            "H:四、政府信息公开行政复议、行政诉讼情况",
            "P:2022年，全区共有行政诉讼案件1件、行政复议案件2件，均已结案。",
            "T:行政复议",
            "N:0|1"
        ]
    );
    // After the table, from the block after the last value: the values stay cells.
    assert_eq!(
        shape("行政事业性收费9116.36 全年收取行政事业性收费9116.36万元。"),
        ["T:行政事业性收费", "N:9116.36", "P:全年收取行政事业性收费9116.36万元。"]
    );
    assert_eq!(shape("行政强制0 2019年共办理1件。"), ["T:行政强制", "N:0", "P:2019年共办理1件。"]);
    assert_eq!(
        shape("尚未审结总计0 0 0 注：数据统计截至2022年12月31日。"),
        ["T:尚未审结总计", "N:0|0|0", "P:注：数据统计截至2022年12月31日。"]
    );
}

#[test]
fn table_rows_stay_cells_whatever_follows_them() {
    // A money cell ending a line with 。: short, no count, no clause — a row, not prose.
    assert_eq!(shape("政府集中采购00万元。"), ["T:政府集中采购", "N:00万元", "T:。"]);
    // A money cell, then the next block's text.
    assert_eq!(
        shape("政府集中采购00万元注：本表为全镇数据。"),
        ["T:政府集中采购", "N:00万元", "T:注：本表为全镇数据。"]
    );
    assert_eq!(
        shape("政府集中采购00万元2019年我镇未开展政府集中采购。"),
        ["T:政府集中采购", "N:00万元", "P:2019年我镇未开展政府集中采购。"]
    );
    // Values glued to the next label, a bracket, a numbered label, a heading.
    assert_eq!(
        shape("（七）总计3000003四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况"),
        [
            "T:（七）总计",
            "N:3000003",
            "T:四、结转下年度继续办理",
            "N:0000000",
            "H:四、政府信息公开行政复议、行政诉讼情况"
        ]
    );
    // A row label with a sentence end in it is still a label (it has no number).
    assert_eq!(
        shape("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和。）一、本年新收政府信息公开申请数量3000003"),
        [
            "T:（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和。）",
            "T:一、本年新收政府信息公开申请数量",
            "N:3000003"
        ]
    );
}

#[test]
fn decimals_signs_and_spaces() {
    let input = "行政事业性收费24252.311082三、收到 -3 +5 500000 5";
    let p = Paragraph { text: input.into(), span: Span::new(0, input.len()) };
    let mut toks = Vec::new();
    tokenize(&p, input, crate::format::y2021::FORMAT.sections, &mut toks);
    let nums: Vec<Vec<String>> = toks
        .iter()
        .filter_map(|t| if let Tok::Num { groups } = t { Some(groups.iter().map(Group::text).collect()) } else { None })
        .collect();
    assert_eq!(
        nums,
        vec![vec!["24252.311082".to_string()], vec!["-3".into(), "+5".into(), "500000".into(), "5".into()]]
    );
}

#[test]
fn spans_point_at_the_digits_in_the_input_even_past_dropped_text() {
    // The paragraph text lost a page footer and a line break that the input still has.
    let input = "规章\n-3-\n12";
    let p = Paragraph { text: "规章 12".into(), span: Span::new(0, input.len()) };
    let mut toks = Vec::new();
    tokenize(&p, input, crate::format::y2021::FORMAT.sections, &mut toks);
    let Tok::Num { groups } = &toks[1] else { panic!("{toks:?}") };
    let span = groups[0].whole().span.unwrap();
    assert_eq!(groups[0].span(), Some(span));
    assert_eq!(&input[span.start..span.end], "12");
}

#[test]
fn glued_row_splits_only_where_the_row_total_holds() {
    let c = split_row(&groups("640020470"), 7, &t3_row()).unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(texts(&c[0]), ["64", "0", "0", "2", "0", "4", "70"]);
    // All zeros: one way only, no arithmetic needed.
    let c = split_row(&groups("0000000"), 7, &NO_RELATIONS).unwrap();
    assert_eq!(texts(&c[0]), ["0"; 7]);
    // A space is a cell boundary.
    let c = split_row(&groups("500000 5"), 7, &NO_RELATIONS).unwrap();
    assert_eq!(texts(&c[0]), ["5", "0", "0", "0", "0", "0", "5"]);
}

#[test]
fn leading_zeros_are_not_numbers() {
    // "070" in two: "0|70" only; "07|0" is not a value.
    let s = split(&groups("070"), 2, &[], 10);
    let found: Vec<Vec<&str>> = s.found.iter().map(|p| texts(p)).collect();
    assert_eq!(found, vec![vec!["0", "70"]]);
}

#[test]
fn review_digits_resolve_to_one_reading() {
    // 平潭 2021 (CORPUS.md): only 1/0/2/0/3, 12/0/0/0/12, 0/0/0/0/0.
    let c = split_row(&groups("10203120001200000"), 15, &t4_row()).unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(texts(&c[0]), ["1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"]);
}

#[test]
fn ambiguous_glued_rows_are_refused() {
    assert!(split_row(&groups("693665"), 3, &[]).is_err());
    // No cut balances: 1|0|101, 10|1|01 (not a number), 10|10|1, 101|0|1.
    let none = split_row(&groups("10101"), 3, &[RowRel { total: vec![2], parts: vec![0, 1] }]);
    assert!(none.is_err(), "{none:?}");
    // Two cuts balance: 1|10|11 and 11|0|11. Both are kept, for the column sums to decide.
    let two = split_row(&groups("11011"), 3, &[RowRel { total: vec![2], parts: vec![0, 1] }]).unwrap();
    let two: Vec<Vec<&str>> = two.iter().map(|c| texts(c)).collect();
    assert_eq!(two.len(), 2);
    assert!(two.contains(&vec!["1", "10", "11"]) && two.contains(&vec!["11", "0", "11"]));
}

#[test]
fn huge_runs_do_not_hang_or_panic() {
    let digits = "7".repeat(10_000);
    assert!(split_row(&groups(&digits), 7, &t3_row()).is_err());
    let input = format!("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量{digits}\n四、政府信息公开行政复议、行政诉讼情况\n");
    let t = read(TableId::Requests, &input, Some(2022)).unwrap();
    assert!(t.cells.is_empty());
    assert_eq!(t.unreadable.len(), 1);
    assert_eq!(t.unreadable[0].row, Some(rows::RECEIVED));
    // Many short groups.
    let spaced = vec!["1"; 10_000].join(" ");
    let input = format!("行政复议 结果维持 {spaced}");
    let t = read(TableId::Review, &input, None).unwrap();
    assert!(t.is_unreadable());
    // Digits everywhere between labels.
    let input = format!("{}\n结果维持{}", "9".repeat(5_000), "0".repeat(5_000));
    let t = read(TableId::Review, &input, None).unwrap();
    assert!(t.is_unreadable());
}

#[test]
fn nothing_to_read() {
    for id in TableId::ALL {
        assert!(read(id, "", None).is_none());
        assert!(read(id, "一、总体情况\n本年度没有任何表格。\n12 34", Some(2022)).is_none());
        let paras: Vec<&Paragraph> = Vec::new();
        assert!(read_text_table(id, &paras, "", None, Formats::OFFICIAL).is_none());
    }
    // Spans outside the input are tolerated.
    let p = Paragraph { text: "规章 1 2 3".into(), span: Span::new(50, 99) };
    let t = read_text_table(TableId::Proactive, &[&p], "short", Some(2022), Formats::OFFICIAL).unwrap();
    assert_eq!(row(&t, rows::REGULATIONS), ["1", "2", "3"]);
    assert!(t.cells.iter().all(|c| c.origin.span.is_none()));
}

#[test]
fn labels_without_numbers_are_unreadable_rows() {
    let t = read(TableId::Requests, "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n", Some(2022))
        .unwrap();
    assert!(t.cells.is_empty());
    let rows: Vec<_> = t.unreadable.iter().map(|u| u.row).collect();
    assert_eq!(rows, [Some(rows::RECEIVED), Some(rows::CARRIED_IN)]);
    assert_eq!(t.row_labels.len(), 2);
    let t = read(TableId::Review, "行政复议\n行政诉讼\n结果维持", None).unwrap();
    assert!(t.is_unreadable());
    assert!(t.cells.is_empty());
}

#[test]
fn a_block_read_column_by_column_is_recognised_by_its_row_sums() {
    // Two 表三 rows, column by column: (0 0 0 0 0 0 0) and (21 0 0 0 0 0 21).
    let spec = y2019::FORMAT.table(TableId::Requests);
    let layout = Layout::new(spec);
    let start = layout.rows.iter().position(|r| r.id == rows::OTHER_HANDLING).unwrap();
    let r =
        block_readings(&layout, start, 2, &groups("0 21 0 0 0 0 0 0 0 0 0 0 0 21").iter().collect::<Vec<_>>()).unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(texts(&r[0][0]), ["0"; 7]);
    assert_eq!(texts(&r[0][1]), ["21", "0", "0", "0", "0", "0", "21"]);
    // Row by row: but read column by column it balances too (0…0 and 0 0 0 21 0 0 21), so
    // both readings stay candidates, for the column sums to decide.
    let r =
        block_readings(&layout, start, 2, &groups("0 0 0 0 0 0 0 21 0 0 0 0 0 21").iter().collect::<Vec<_>>()).unwrap();
    assert_eq!(r.len(), 2);
    assert!(r.iter().any(|c| texts(&c[1]) == ["21", "0", "0", "0", "0", "0", "21"]));
    assert!(r.iter().any(|c| texts(&c[1]) == ["0", "0", "0", "21", "0", "0", "21"]));
    // Neither reading balances: no guess.
    assert!(
        block_readings(&layout, start, 2, &groups("1 21 0 0 0 0 0 0 0 0 0 0 0 21").iter().collect::<Vec<_>>()).is_err()
    );
}

#[test]
fn the_table_may_sit_inside_one_long_paragraph() {
    let input = "一、总体情况今年收到申请3件。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件1 2 3第二十条第（五）项信息内容本年处理决定数量行政许可5三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量9";
    let p = Paragraph { text: input.into(), span: Span::new(0, input.len()) };
    let t = read_text_table(TableId::Proactive, &[&p], input, Some(2022), Formats::OFFICIAL).unwrap();
    assert_eq!(t.layout, Some(y2021::FORMAT.version()));
    assert_eq!(row(&t, rows::REGULATIONS), ["0", "0", "0"]);
    assert_eq!(row(&t, rows::NORMATIVE_DOCUMENTS), ["1", "2", "3"]);
    assert_eq!(row(&t, rows::LICENSING), ["5"]);
    let c = t.cell(rows::LICENSING, columns::DECISIONS).unwrap();
    let span = c.origin.span.unwrap();
    assert_eq!(&input[span.start..span.end], "5");
    // The narrative's "3件" before the table and 表三's "9" after it are not read.
    assert!(t.unreadable.is_empty(), "{:?}", t.unreadable);
}

#[test]
fn a_money_unit_stays_with_its_cell_before_a_heading_glued_to_it() {
    let input =
        "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购1 2832995元三、收到和处理政府信息公开申请情况";
    let p = Paragraph { text: input.into(), span: Span::new(0, input.len()) };
    let t = read_text_table(TableId::Proactive, &[&p], input, Some(2019), Formats::OFFICIAL).unwrap();
    assert_eq!(row(&t, rows::PROCUREMENT), ["1", "2832995元"]);
    let c = t.cell(rows::PROCUREMENT, columns::PROCUREMENT_AMOUNT).unwrap();
    assert_eq!(c.value.number.as_ref().map(|n| n.mantissa), Some(2832995));
    let span = c.origin.span.unwrap();
    assert_eq!(&input[span.start..span.end], "2832995元");
}

#[test]
fn layout_of_table_two_follows_its_headers() {
    let old = "信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n规章\n1\n2\n3\n规范性文件\n4\n5\n6\n";
    let t = read(TableId::Proactive, old, Some(2022)).unwrap();
    assert_eq!(t.layout, Some(y2019::FORMAT.version()));
    assert_eq!(row(&t, rows::NORMATIVE_DOCUMENTS), ["4", "5", "6"]);
}

// ---------------------------------------------------------------------------------------
// The label matcher before `match_labels` read both ways at once (kept to compare).

/// Positions where a row label may begin: `（一）`, `一、`, `1.`/`1、`/`1．`.
fn label_starts(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let bracket = matches!(c, '（' | '(')
            && next.is_some_and(is_numeral)
            && matches!(chars.get(i + 2), Some('）') | Some(')'));
        let numeral = is_numeral(c) && next == Some('、') && (i == 0 || !is_numeral(chars[i - 1]));
        let number =
            c.is_ascii_digit() && matches!(next, Some('.' | '．' | '、')) && (i == 0 || !is_digit(chars[i - 1]));
        if bracket || numeral || number {
            out.push(i);
        }
    }
    out
}

/// The former `match_label`, as it was, compared with [`match_labels`] below.
fn former_match_label(text: &str, spec: &TableSpec, tail: bool) -> Option<(usize, String)> {
    let rows: Vec<&RowSpec> = spec.rows().map(|(_, r)| r).collect();
    let canon = canonical(text);
    if canon.is_empty() || spec.groups.iter().flat_map(|g| g.columns).any(|c| official_canonical(c.label) == canon) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    // The official label, exactly, at the end of the text.
    let exact = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.label.is_empty() && canon.ends_with(&*official_canonical(r.label)))
        .max_by_key(|(_, r)| char_count(&official_canonical(r.label)));
    if let Some((i, r)) = exact {
        let want = char_count(&official_canonical(r.label));
        let mut seen = 0;
        let mut from = chars.len();
        while from > 0 && seen < want {
            from -= 1;
            if !chars[from].is_whitespace() {
                seen += 1;
            }
        }
        return Some((i, chars[from..].iter().collect::<String>().trim().to_string()));
    }
    // The text from the last numbering on, or the whole (short) text.
    let mut pieces = Vec::new();
    if let Some(&s) = label_starts(&chars).last() {
        pieces.push(chars[s..].iter().collect::<String>());
    }
    if !tail || chars.len() <= 60 {
        pieces.push(text.to_string());
    }
    for piece in pieces {
        if char_count(&piece) > 80 {
            continue;
        }
        let printed = Printed::new(&piece);
        let pw = printed.words();
        if rows.iter().filter_map(|r| r.parent).any(|p| official_words(p) == pw)
            && !rows.iter().any(|r| official_words(r.label) == pw)
        {
            return None; // a group label such as （三）不予公开
        }
        let scored: Vec<(usize, usize)> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.label.is_empty() && printed.compare(r.label, r.keys) != LabelMatch::Different)
            .map(|(i, r)| (i, row_score_of_words(pw, r)))
            .filter(|&(_, s)| s > 0)
            .collect();
        let best = scored.iter().map(|&(_, s)| s).max();
        if let Some(best) = best {
            let top: Vec<usize> = scored.iter().filter(|&&(_, s)| s == best).map(|&(i, _)| i).collect();
            if top.len() == 1 {
                return Some((top[0], piece.trim().to_string()));
            }
            return None;
        }
    }
    None
}

/// Every text fixture's paragraphs, as read.
fn fixture_texts() -> Vec<String> {
    let mut out = Vec::new();
    crate::test_fixtures::for_each_text_fixture(|_, doc| {
        for block in &doc.blocks {
            if let crate::document::Block::Paragraph(p) = block {
                out.push(p.text.clone());
                let mut toks = Vec::new();
                tokenize(p, &doc.source, y2021::FORMAT.sections, &mut toks);
                for t in toks {
                    match t {
                        Tok::Text { text, .. } => out.push(text),
                        // (And every number's span as worked out without its text.)
                        Tok::Num { groups } => groups.iter().for_each(|g| assert_eq!(g.span(), g.whole().span)),
                        Tok::Prose { .. } => {}
                    }
                }
            }
        }
    });
    out
}

#[test]
fn match_labels_reads_as_the_former_matcher_both_ways() {
    let mut texts = fixture_texts();
    // Short and long texts, with and without numbering, group labels and column labels.
    texts.extend(
        [
            "（三）不予公开",
            "1.属于国家秘密",
            "其他 1.属于国家秘密",
            "本年新收政府信息公开申请数量",
            "自然人",
            "商业企业",
            "",
            "   ",
            "一、总体情况 这是一段很长很长的文字，用来测试超过六十个字符的文本在尾部标签匹配时的处理方式，看看是否一致。（一）予以公开",
        ]
        .map(String::from),
    );
    let mut compared = 0;
    for f in Formats::OFFICIAL.iter() {
        for spec in f.tables {
            let index = LabelIndex::new(spec);
            for text in &texts {
                let (whole, tail) = match_labels(text, &canonical(text), &index);
                let (whole, tail) = (whole.map(|(i, s)| (i, s.to_string())), tail.map(|(i, s)| (i, s.to_string())));
                let former_whole = former_match_label(text, spec, false);
                let former_either = former_whole.clone().or_else(|| former_match_label(text, spec, true));
                assert_eq!(whole, former_whole, "{text}");
                assert_eq!(whole, former_either, "{text}");
                assert_eq!(tail, former_match_label(text, spec, true), "{text}");
                compared += 1;
            }
        }
    }
    assert!(compared > 1000, "{compared}");
}

// ---------------------------------------------------------------------------------------
// The splitter as first written (kept to compare: the search now reads each part's value once).

struct FormerSplitter<'a> {
    groups: &'a [Group],
    k: usize,
    rels: &'a [RowRel],
    budget: usize,
    max_found: usize,
    out: (Vec<Vec<Part>>, bool),
}

impl FormerSplitter<'_> {
    fn remaining_chars(&self, gi: usize, ci: usize) -> usize {
        self.groups[gi..].iter().map(|g| g.chars.len()).sum::<usize>() - ci
    }

    fn dfs(&mut self, gi: usize, ci: usize, cut: &mut Vec<(usize, usize, usize)>, values: &mut Vec<Option<i128>>) {
        if self.out.0.len() >= self.max_found || self.out.1 {
            return;
        }
        if self.budget == 0 {
            self.out.1 = true;
            return;
        }
        self.budget -= 1;
        let placed = cut.len();
        if gi == self.groups.len() {
            if placed == self.k {
                self.out.0.push(cut.iter().map(|&(g, s, e)| self.groups[g].part(s, e)).collect());
            }
            return;
        }
        let left = self.k - placed;
        let rem = self.remaining_chars(gi, ci);
        let groups_left = self.groups.len() - gi;
        if left < groups_left || left > rem || rem > left * MAX_PART_DIGITS {
            return;
        }
        let g = &self.groups[gi];
        let glen = g.chars.len();
        let lens: Vec<usize> =
            if g.splittable() { (1..=(glen - ci).min(MAX_PART_DIGITS)).collect() } else { vec![glen] };
        for len in lens {
            if !g.splittable() && ci != 0 {
                break;
            }
            let part = g.part(ci, ci + len);
            if len > 1 && part.text.starts_with(['0', '０']) {
                continue; // "07" is not a number a cell holds
            }
            values.push(int_value(&part.text));
            let ok = self.rels.iter().filter(|r| r.last() == placed).all(|r| r.holds(values));
            if ok {
                cut.push((gi, ci, ci + len));
                let (ngi, nci) = if ci + len == glen { (gi + 1, 0) } else { (gi, ci + len) };
                self.dfs(ngi, nci, cut, values);
                cut.pop();
            }
            values.pop();
        }
    }
}

/// Every way to cut `groups` into `k` cells (each group into one or more, none across a
/// space), satisfying `rels`, up to `max_found`.
fn former_split(groups: &[Group], k: usize, rels: &[RowRel], max_found: usize) -> (Vec<Vec<Part>>, bool) {
    let total: usize = groups.iter().map(|g| g.chars.len()).sum();
    if k == 0 || groups.is_empty() || groups.len() > k || total > k * MAX_PART_DIGITS {
        return (Vec::new(), false);
    }
    let mut s = FormerSplitter { groups, k, rels, budget: SPLIT_BUDGET, max_found, out: (Vec::new(), false) };
    s.dfs(0, 0, &mut Vec::new(), &mut Vec::new());
    s.out
}

/// A small deterministic generator (xorshift), for the comparisons with former forms.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn assert_same_split(groups: &[Group], k: usize, rels: &[RowRel], max_found: usize) {
    let new = split(groups, k, rels, max_found);
    let (found, capped) = former_split(groups, k, rels, max_found);
    let text: Vec<String> = groups.iter().map(Group::text).collect();
    assert_eq!(new.found, found, "{text:?} k={k}");
    assert_eq!(new.capped, capped, "{text:?} k={k}");
}

#[test]
fn the_splitter_finds_what_it_found_before() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let rel_sets: Vec<(usize, Vec<RowRel>)> = vec![
        (3, Vec::new()),
        (3, vec![RowRel { total: vec![2], parts: vec![0, 1] }]),
        (7, t3_row()),
        (7, Vec::new()),
        (15, t4_row()),
        (5, vec![RowRel { total: vec![0], parts: vec![1, 2, 3, 4] }]),
    ];
    let mut runs = 0;
    for _ in 0..400 {
        for (k, rels) in &rel_sets {
            // A row of values that balances (most of the time), written glued in a few groups.
            let mut values: Vec<u64> = (0..*k).map(|_| [0, 1, 2, 7, 10, 35, 120, 4096][rng.next(8) as usize]).collect();
            for r in rels {
                if rng.next(4) != 0 {
                    values[r.total[0]] = r.parts.iter().map(|&p| values[p]).sum();
                }
            }
            let digits: Vec<String> = values.iter().map(u64::to_string).collect();
            let mut text = String::new();
            for (i, d) in digits.iter().enumerate() {
                if i > 0 && rng.next(3) == 0 {
                    text.push(' ');
                }
                text.push_str(d);
            }
            // Now and then a decimal, a sign, a full-width digit or a unit.
            match rng.next(6) {
                0 => text.push_str(".5"),
                1 => text.insert(0, '-'),
                2 => text = text.replacen('1', "１", 1),
                _ => {}
            }
            let mut gs = groups(text.trim());
            if rng.next(5) == 0 {
                if let Some(last) = gs.last_mut() {
                    last.unit = "万元".chars().map(|c| Ch::new(c, None)).collect();
                }
            }
            for max_found in [2, MAX_CANDIDATES + 1] {
                assert_same_split(&gs, *k, rels, max_found);
                assert_same_split(&gs, *k, &NO_RELATIONS, max_found);
                assert_same_split(&gs, k.saturating_sub(1).max(1), &NO_RELATIONS, max_found);
            }
            runs += 1;
        }
    }
    // Long runs of zeros and ones: the budget runs out the same way.
    for len in [20, 40, 60, 90] {
        let gs = groups(&"10".repeat(len / 2));
        assert_same_split(&gs, 15, &t4_row(), MAX_CANDIDATES + 1);
        assert_same_split(&gs, 15, &NO_RELATIONS, 2);
        assert_same_split(&gs, 7, &t3_row(), MAX_CANDIDATES + 1);
    }
    assert!(runs > 1000);
}

/// [`LabelIndex::may_score`] never skips a row the label scores against: on every official
/// label, group label and key term of every revision's 表二 and 表三 (and pieces of them), and
/// on the texts between the numbers of every text fixture, held against every row.
#[test]
fn rows_skipped_by_their_characters_score_nothing() {
    let mut texts: Vec<String> = Vec::new();
    for f in Formats::OFFICIAL.iter() {
        for id in [TableId::Proactive, TableId::Requests] {
            for (_, r) in f.table(id).rows() {
                for s in std::iter::once(r.label).chain(r.parent).chain(r.keys.iter().copied()) {
                    let chars: Vec<char> = s.chars().collect();
                    texts.push(s.to_string());
                    for k in 1..chars.len() {
                        texts.push(chars[..k].iter().collect());
                        texts.push(chars[k..].iter().collect());
                    }
                }
            }
        }
    }
    crate::test_fixtures::for_each_text_fixture(|_, doc| {
        for p in doc.paragraphs() {
            texts.extend(p.text.split(|c: char| c.is_ascii_digit() || c.is_whitespace()).map(str::to_string));
        }
    });
    assert!(texts.len() > 2000, "{}", texts.len());
    let (mut skipped, mut scored) = (0, 0);
    for f in Formats::OFFICIAL.iter() {
        for id in [TableId::Proactive, TableId::Requests] {
            let spec = f.table(id);
            let index = LabelIndex::new(spec);
            for t in &texts {
                let printed = Printed::new(t);
                let pw = printed.words();
                let set = CharSet::of(pw);
                for (i, (_, row)) in spec.rows().enumerate() {
                    let score = row_score_of_words(pw, row);
                    if !index.may_score(i, set) {
                        assert_eq!(score, 0, "{t:?} against {:?}", row.label);
                        skipped += 1;
                    } else if score > 0 {
                        scored += 1;
                    }
                }
            }
        }
    }
    assert!(skipped > 10 * scored && scored > 100, "{skipped} skipped, {scored} scored");
}

#[test]
fn every_official_table_two_and_three_is_prepared_once() {
    for f in Formats::OFFICIAL.iter() {
        for id in [TableId::Proactive, TableId::Requests, TableId::Review] {
            let (a, b) = (Prepared::of(f, id), Prepared::of(f, id));
            let shared =
                matches!((&a, &b), (PreparedRef::Official(x), PreparedRef::Official(y)) if std::ptr::eq(*x, *y));
            assert_eq!(shared, id != TableId::Review);
            assert_eq!(a.layout.rows.len(), f.table(id).rows().count());
            assert!(a.layout.rows.iter().zip(f.table(id).rows()).all(|(a, (_, b))| a.id == b.id && a.label == b.label));
        }
    }
    static OTHER: Format = Format { name: "2099", ..y2021::FORMAT };
    assert!(matches!(Prepared::of(&OTHER, TableId::Requests), PreparedRef::Made(_)));
}

#[test]
fn the_last_label_start_is_the_former_last_one() {
    let texts = fixture_texts();
    let samples = ["（一）", "一、二、", "十一、", "12.3", "(三)x", "1、", "a1.b2、", "（1）", "（三", "9"];
    for text in texts.iter().map(String::as_str).chain(samples) {
        let chars: Vec<char> = text.chars().collect();
        let former = label_starts(&chars).last().map(|&s| text.char_indices().nth(s).unwrap().0);
        assert_eq!(last_label_start(text), former, "{text}");
    }
}

/// `int_value`'s digits read as `read_value` reads them: every number of every text
/// fixture, each cut every way into parts, and numbers at the edges of the fast path.
#[test]
fn int_value_is_read_value() {
    let former = |text: &str| read_value(text).number.filter(|v| v.scale == 0).map(|v| v.mantissa);
    let mut texts: Vec<String> = [
        "",
        " ",
        "0",
        "007",
        " 12 ",
        "123456789012345",
        "1234567890123456",
        "999999999999999999999999999999",
        "1.0",
        "1.5",
        "-3",
        "+4",
        "１２",
        "12万元",
        "3元",
        "1 2",
        "12a",
    ]
    .map(String::from)
    .to_vec();
    crate::test_fixtures::for_each_text_fixture(|input, doc| {
        let mut toks = Vec::new();
        for p in doc.paragraphs() {
            tokenize(p, input, y2021::FORMAT.sections, &mut toks);
        }
        for t in &toks {
            if let Tok::Num { groups } = t {
                for g in groups {
                    for s in 0..g.chars.len() {
                        (s + 1..=g.chars.len()).for_each(|e| texts.push(g.part(s, e).text.to_string()));
                    }
                }
            }
        }
    });
    assert!(texts.len() > 1000, "{}", texts.len());
    for text in &texts {
        assert_eq!(int_value(text), former(text), "{text:?}");
    }
}
