//! The text reader on the real inputs of `tests/fixtures/`.

use xxgk_lint::document::NoteKind;
use xxgk_lint::{read_str, Block, Document, InputKind, ReadOptions, Table};

fn read(name: &str) -> (String, Document<'static>) {
    let input = std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap();
    let options = ReadOptions { input: Some(InputKind::Text), ..ReadOptions::default() };
    let doc = read_str(&input, &options).unwrap().into_owned();
    (input, doc)
}

const TEXT_FIXTURES: &[&str] = &[
    "xizou-2019.txt",
    "jiangsu-huaian-shi-2024.pdftotext-layout.txt",
    "jiangsu-huaian-shi-2024.pdftotext-raw.txt",
    "jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt",
    "jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt",
    "jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt",
    "shanghai-shi-zhengfu-bangongting-2025.pdf2md.md",
    "jiangsu-suqian-shuyang-xian-2025.ocr-md.txt",
    "fujian-pingtan-zonghe-shiyanqu-2021.page.txt",
    "fujian-pingtan-zonghe-shiyanqu-2022.page.txt",
];

fn rows(t: &Table) -> Vec<Vec<&str>> {
    t.rows.iter().map(|r| r.cells.iter().map(|c| t.text(c)).collect()).collect()
}

fn paragraphs<'d>(doc: &'d Document) -> Vec<&'d str> {
    doc.paragraphs().map(|p| p.text.as_str()).collect()
}

fn tables<'d>(doc: &'d Document) -> Vec<&'d Table> {
    doc.tables().collect()
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The table's rows, as strings (for comparing many rows at once).
fn row_strings(t: &Table) -> Vec<String> {
    rows(t).iter().map(|r| r.join("|")).collect()
}

fn footers(input: &str, doc: &Document) -> Vec<String> {
    doc.notes
        .iter()
        .filter(|n| n.kind == NoteKind::PageFooter)
        .map(|n| {
            let s = n.span.unwrap();
            input[s.start..s.end].to_string()
        })
        .collect()
}

#[test]
fn every_fixture_keeps_exact_spans_and_addresses() {
    for name in TEXT_FIXTURES {
        let (input, doc) = read(name);
        assert_eq!(doc.input, InputKind::Text);
        let mut index = 0;
        for block in &doc.blocks {
            match block {
                Block::Paragraph(p) => {
                    assert!(!p.text.is_empty(), "{name}");
                    let slice = input.get(p.span.start..p.span.end).unwrap();
                    // First and last characters of the text are where the span says.
                    assert_eq!(slice.chars().next(), p.text.chars().next(), "{name}: {}", p.text);
                    assert_eq!(slice.chars().next_back(), p.text.chars().next_back(), "{name}: {}", p.text);
                }
                Block::Table(t) => {
                    assert_eq!(t.index, index, "{name}");
                    index += 1;
                    assert!(input.get(t.span.start..t.span.end).is_some());
                    // No rowspan/colspan in text: the grid is the rows, one cell per position.
                    assert_eq!(t.grid.height(), t.rows.len(), "{name}");
                    for (r, row) in t.rows.iter().enumerate() {
                        assert!(t.span.start <= row.span().start && row.span().end <= t.span.end);
                        for (c, cell) in row.cells.iter().enumerate() {
                            assert_eq!(
                                t.address(xxgk_lint::CellRef { row: r as u32, cell: c as u32 }),
                                xxgk_lint::document::CellAddress::new(t.index, r, c)
                            );
                            assert_eq!((cell.rowspan(), cell.colspan()), (1, 1));
                            assert_eq!(
                                normalize(input.get(cell.span().start..cell.span().end).unwrap()),
                                t.text(cell),
                                "{name}"
                            );
                            assert_eq!(t.anchored_text(r, c), Some(t.text(cell)), "{name}");
                        }
                        for c in row.cells.len()..t.grid.width() {
                            assert_eq!(t.text_at(r, c), None);
                        }
                    }
                }
            }
        }
        // Page footers never survive in the text.
        for p in doc.paragraphs() {
            assert!(!["-1-", "-2-", "-3-", "— 1 —", "— 2 —"].contains(&p.text.as_str()), "{name}");
        }
    }
}

#[test]
fn seed_xizou_2019() {
    let (input, doc) = read("xizou-2019.txt");
    let ps = paragraphs(&doc);
    assert_eq!(ps[0], "息陬镇人民政府2019年信息公开年度报告");
    assert_eq!(ps[2], "[bookmark: _GoBack]一、总体情况");
    assert!(ps.contains(&"二、主动公开政府信息情况"));
    assert!(ps.contains(&"三、收到和处理政府信息公开申请情况"));
    assert!(ps.contains(&"四、政府信息公开行政复议、行政诉讼情况"));
    assert_eq!(ps[ps.len() - 1], "无。");
    assert!(doc.notes.is_empty());

    let ts = tables(&doc);
    assert_eq!(ts.len(), 3, "表二, 表三, 表四");
    // 表二: one table with its 第二十条 sub-headings as one-cell rows.
    let t2 = ts[0];
    assert_eq!(t2.rows.len(), 18);
    assert_eq!(rows(t2)[0], vec!["第二十条第（一）项"]);
    assert_eq!(rows(t2)[1], vec!["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]);
    assert_eq!(rows(t2)[2], vec!["规章", "0", "0", "0"]);
    assert_eq!(rows(t2)[17], vec!["政府集中采购", "0", "0万元"]);
    assert_eq!(&input[t2.span.start..t2.span.start + "\t第二十条".len()], "\t第二十条");
    assert!(input[..t2.span.end].ends_with("\t0万元"));

    // 表三: the rows exactly as the file has them.
    let t3 = ts[1];
    let r = rows(t3);
    assert_eq!(r.len(), 26);
    assert_eq!(r[0], vec!["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]);
    assert_eq!(r[1], vec!["", "自然人", "法人或其他组织", "总计"]);
    assert_eq!(r[2], vec!["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]);
    assert_eq!(r[3], vec!["一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3"]);
    assert_eq!(r[5], vec!["三、本年度办理结果", "（一）予以公开", "3", "0", "0", "0", "0", "0", "0"]);
    assert_eq!(
        r[6],
        vec!["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0", "0", "0", "0", "0", "0", "0"]
    );
    assert_eq!(r[7], vec!["", "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"]);
    assert_eq!(r[8], vec!["", "", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"]);
    assert_eq!(r[24], vec!["", "（七）总计", "3", "0", "0", "0", "0", "0", "3"]);
    assert_eq!(r[25], vec!["四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"]);
    assert_eq!(t3.grid.width(), 10);
    // The 总计 of （一）予以公开 — the cell the T3 rules will point at.
    assert_eq!(t3.anchored_text(5, 8), Some("0"));
    let cell = &t3.rows[5].cells[8];
    assert_eq!(&input[cell.span().start - 1..cell.span().end], "\t0");
    // The empty cells (lines holding just a TAB) are real, empty cells.
    assert_eq!(t3.anchored_text(6, 0), Some(""));

    // 表四.
    let t4 = ts[2];
    let r = rows(t4);
    assert_eq!(r.len(), 4);
    assert_eq!(r[0], vec!["行政复议", "行政诉讼"]);
    assert_eq!(r[1][5..], ["未经复议直接起诉", "复议后起诉"]);
    assert_eq!(r[2][..6], ["", "", "", "", "", "结果维持"]);
    assert_eq!(r[3], vec!["0"; 15]);
}

#[test]
fn huaian_2024_layout() {
    let (input, doc) = read("jiangsu-huaian-shi-2024.pdftotext-layout.txt");
    let ts = tables(&doc);
    assert_eq!(ts.len(), 3);

    let t2 = ts[0];
    assert_eq!(
        row_strings(t2)[..4],
        [
            "第二十条 第（一）项",
            "信息内容|本年制发件数|本年废止件数|现行有效件数",
            "规章|1|0|11",
            "行政规范性文件|8|26|66"
        ]
    );
    assert!(row_strings(t2).contains(&"行政事业性收费|96171.6".to_string()));

    let t3 = ts[1];
    let new = t3.rows.iter().find(|r| t3.text(&r.cells[0]) == "一、本年新收政府信息公开申请数量").unwrap();
    let cells: Vec<&str> = new.cells.iter().map(|c| t3.text(c)).collect();
    assert_eq!(cells, ["一、本年新收政府信息公开申请数量", "3001", "53", "0", "0", "61", "4", "3119"]);
    let total = &new.cells[7];
    assert_eq!(&input[total.span().start..total.span().end], "3119");
    let line_start = input[..total.span().start].rfind('\n').unwrap() + 1;
    // The span gives the column back (in bytes from the line start).
    assert_eq!(total.span().start - line_start, input[line_start..].find("3119").unwrap());
    assert_eq!(total.span().start - line_start, 112);
    // Wrapped labels and the vertical header 三、本年度办理结果 are one-cell rows.
    let rs = row_strings(t3);
    assert_eq!(rs[0], "申请人情况");
    for one in ["三、", "年", "度", "理", "结", "形，不计其他情形）", "予公开"] {
        assert!(rs.iter().any(|r| r == one), "{one}");
    }
    assert!(rs.contains(&"本|2.其他法律行政法规禁止公开|30|1|0|0|0|0|31".to_string()));
    assert!(rs.contains(&"法提供|2.没有现成信息需要另行制作|11|0|0|0|0|0|11".to_string()));
    assert_eq!(rs[rs.len() - 1], "四、结转下年度继续办理|103|0|0|0|0|0|103");
    assert!(rs.contains(&"（七）总计|2932|53|0|0|61|4|3050".to_string()));

    let t4 = ts[2];
    assert_eq!(row_strings(t4)[0], "行政复议|行政诉讼");
    assert_eq!(row_strings(t4).last().unwrap(), "72|64|178|37|351|13|4|8|1|26|12|1|1|6|20");

    // Section headings around the tables are paragraphs.
    let ps = paragraphs(&doc);
    assert!(ps.contains(&"三、收到和处理政府信息公开申请情况"));
    assert!(ps.contains(&"四、政府信息公开行政复议、行政诉讼情况"));
    assert!(ps.contains(&"五、存在的主要问题及改进情况"));
    // Page footers: dropped, noted (inside tables too), prose joined across them.
    assert_eq!(footers(&input, &doc), ["-1-", "-2-", "-3-", "-4-", "-5-", "-6-"]);
    let in_tables: Vec<Option<usize>> = doc.notes.iter().map(|n| n.table).collect();
    assert_eq!(in_tables, [None, None, Some(0), Some(1), None, None]);
    assert!(ps.iter().any(|p| p.contains("“建设‘四最’一流营商环境高质量推进产业发展”")));
    assert!(ps.iter().any(|p| p.contains("还有一些需要加强和改进的地方。主要表现在：")));
    assert!(ps
        .iter()
        .any(|p| p.starts_with("（二）依申请公开情况。定期对政府信息公开申请集中的领域和热点问题进行研判")));
}

#[test]
fn hongze_2023_layout() {
    let (input, doc) = read("jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt");
    let ts = tables(&doc);
    assert_eq!(ts.len(), 3);
    let rs = row_strings(ts[1]);
    assert_eq!(
        rs[..4],
        ["申请人情况", "法人或其他组织", "（本列数据的勾稽关系为：第一项加第二项之和， 等", "于第三项加第四项之和）"]
    );
    assert!(rs.contains(&"2.其他法律行政止公开|0|0|0|0|0|0|0".to_string()));
    assert!(rs.contains(&"三 、本 年 度办 理 结果".to_string()));
    assert!(rs.contains(&"（七）总计|21|0|0|0|0|0|21".to_string()));
    assert_eq!(row_strings(ts[2]).last().unwrap(), "10|1|0|0|0|0|0|0|0|0|5|0|0|0|0");
    assert_eq!(footers(&input, &doc), ["-1-", "-2-", "-3-", "-4-", "-5-"]);
    // A paragraph continues across a page break ("-4-", blank lines, a form feed).
    assert!(paragraphs(&doc).iter().any(|p| p.contains("实行政府信息公开工作人员跟班学习制度")));
}

#[test]
fn huaian_2024_raw_has_no_tables_and_joins_wrapped_prose() {
    let (input, doc) = read("jiangsu-huaian-shi-2024.pdftotext-raw.txt");
    assert_eq!(doc.tables().count(), 0);
    let ps = paragraphs(&doc);
    let p = doc
        .paragraphs()
        .find(|p| p.text.contains("依申请公开情况。定期对政府信息公开申请集中的领域和热点问题进行研判"))
        .unwrap();
    assert!(p.text.starts_with("（二）依申请公开情况。"));
    assert!(p.text.ends_with("尚未审结 7 件。"));
    assert!(input[p.span.start..].starts_with("（二）依申请公开情况。定期对政府信息公开申请集中的领\n"));
    assert!(input[..p.span.end].ends_with("尚未审结 7 件。"));
    // Across the page footer "-1-" and the blank line after it.
    assert!(ps.iter().any(|p| p.contains("“建设‘四最’一流营商环境高质量推进产业发展”")));
    // ASCII-adjacent wraps: "复议 351" + "件" (no space added next to CJK).
    assert!(ps.iter().any(|p| p.contains("政府信息公开行政复议 351件，其中结果维持 72 件")));
    // Cells stay one per line: numbers are never glued to labels.
    assert!(ps.contains(&"3119"));
    assert!(ps.contains(&"一、本年新收政府信息公开申请数量"));
    assert!(ps.contains(&"第二十条 第（一）项"));
    assert_eq!(footers(&input, &doc), ["-1-", "-2-", "-3-", "-4-", "-5-", "-6-"]);
}

#[test]
fn hongze_2023_raw() {
    let (_, doc) = read("jiangsu-huaian-hongze-qu-2023.pdftotext-raw.txt");
    assert_eq!(doc.tables().count(), 0);
    let ps = paragraphs(&doc);
    // A wrapped table label is re-joined like prose.
    assert!(ps.contains(&"（本列数据的勾稽关系为：第一项加第二项之和， 等于第三项加第四项之和）"));
    assert!(ps.contains(&"2.其他法律行政止公开"));
}

#[test]
fn shanghai_2025_markdown() {
    let (input, doc) = read("shanghai-shi-zhengfu-bangongting-2025.pdf2md.md");
    let ts = tables(&doc);
    assert_eq!(ts.len(), 10);
    assert_eq!(rows(ts[0]), vec![vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]);
    assert_eq!(rows(ts[1]), vec![vec!["规章", "22", "235"]]);
    assert_eq!(rows(ts[2]), vec![vec!["行政规范性文件", "34", "189"]]);
    assert_eq!(
        row_strings(ts[4]),
        [
            "一、本年新收政府信息公开申请数量|1259|36|0|0|0|0|1295",
            "二、上年结转政府信息公开申请数量|170|15|0|0|4|0|189",
            "（一）予以公开|201|5|0|0|0|0|206",
        ]
    );
    let t = ts[5];
    assert_eq!(row_strings(t)[0], "2|0|0|0|0|0|2");
    // The stray empty last cell is kept; the separator rows are gone.
    assert_eq!(row_strings(t)[1], "1.属于国家秘密|4|0|0|0|0|0|4|");
    assert_eq!(row_strings(t)[4], "（三）不|4.保护第三方合法权益|0|0|0|0|0|0|0");
    assert!(doc.tables().all(|t| t.cells().all(|c| !t.text(c).starts_with("---"))));
    let last = ts[8];
    assert_eq!(row_strings(last).last().unwrap(), "四、结转下年度继续办理|290|3|0|0|0|0|293");
    assert_eq!(row_strings(ts[9])[1], "40|0|10|5|55|2|0|4|6|12|6|0|9|7|22");
    let cell = &ts[4].rows[0].cells[7];
    assert_eq!(&input[cell.span().start..cell.span().end], "1295");

    let ps = paragraphs(&doc);
    assert_eq!(ps.iter().filter(|p| **p == "表二：主动公开政府信息情况").count(), 2);
    assert_eq!(ps.iter().filter(|p| **p == "表三：收到和处理政府信息公开申请情况").count(), 2);
    // The loose annotated numbers before 表二 stay paragraphs.
    assert!(ps.windows(2).any(|w| w == ["22", "（其中修订 16 件）"]));
    assert_eq!(footers(&input, &doc), ["— 1 —", "— 2 —", "— 3 —", "— 4 —", "— 5 —", "— 6 —", "— 7 —"]);
    assert!(ps
        .iter()
        .any(|p| p.contains("着力发挥政务公开促落实、优服务、强监督作用，持续推动政务公开工作提质增效。")));
    // A closing quote mid-sentence does not end the paragraph.
    assert!(ps.iter().any(|p| p.contains("持续深化政策公开“政社合作”机制探索")));
}

#[test]
fn shuyang_2025_ocr_markdown() {
    let (_, doc) = read("jiangsu-suqian-shuyang-xian-2025.ocr-md.txt");
    let ts = tables(&doc);
    assert_eq!(ts.len(), 19);
    assert_eq!(
        row_strings(ts[0]),
        ["信息内容|本年制发件数|本年废止件数|现行有效件数", "规章|0|0|0", "行政规范性文件|6|1|32"]
    );
    assert_eq!(
        row_strings(ts[7]),
        ["类别|数据1|数据2|数据3|数据4|数据5|数据6|总计", "本年新收政府信息公开申请数量|705|3|0|0|5|0|713"]
    );
    assert_eq!(
        row_strings(ts[15]),
        [
            "项目|本年新收件数|上年结转件数|予以公开|部分公开|不予公开|结转下年度|总计",
            "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请|7|0|0|0|0|0|7",
            "3. 其他|142|1|0|0|0|0|143",
            "（七）总计|710|3|0|0|5|0|718",
            "四、结转下年度继续办理|31|0|0|0|0|0|31",
        ]
    );
    assert_eq!(row_strings(ts[16]), ["结果维持|结果纠正|其他结果|尚未审结|总计", "27|10|9|15|61"]);
    let ps = paragraphs(&doc);
    assert_eq!(ps[0], "沐阳县人民政府 2025 年 政府信息公开工作年度报告");
    assert!(ps.contains(&"一、总体情况"));
    assert!(ps.contains(&"(一) 系统化推进主动公开。"));
    assert!(ps.contains(&"行政诉讼（复议后起诉）"));
    assert!(ps.iter().all(|p| !p.starts_with('#')));
}

#[test]
fn pingtan_page_text_lines_are_paragraphs() {
    for (name, year) in
        [("fujian-pingtan-zonghe-shiyanqu-2021.page.txt", 2021), ("fujian-pingtan-zonghe-shiyanqu-2022.page.txt", 2022)]
    {
        let (input, doc) = read(name);
        assert_eq!(doc.tables().count(), 0);
        let ps = paragraphs(&doc);
        assert_eq!(ps.len(), 10, "{name}");
        assert_eq!(ps[0], format!("标题: 平潭综合实验区{year}年度政府信息公开工作年度报告"));
        assert_eq!(ps[2], "文号:");
        assert_eq!(ps[8], "==================== 正文 ====================");
        // The body is one long line, kept whole (run-together digits are not split here).
        let body = doc.paragraphs().last().unwrap();
        assert_eq!(body.span.end, input.trim_end().len());
        assert!(body.text.contains("一、本年新收政府信息公开申请数量"));
    }
}

#[test]
fn inline_tsv_paste() {
    let input = "三、收到和处理政府信息公开申请情况\n\t\t申请人情况\n\t\t自然人\t法人或其他组织\t总计\n一、本年新收政府信息公开申请数量\t\t3\t0\t3\n（七）总计\t\t3\t0\t3\n四、政府信息公开行政复议、行政诉讼情况\n";
    let doc = read_str(input, &ReadOptions::default()).unwrap();
    assert_eq!(paragraphs(&doc), ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]);
    let t = doc.tables().next().unwrap();
    assert_eq!(
        rows(t),
        vec![
            vec!["", "", "申请人情况"],
            vec!["", "", "自然人", "法人或其他组织", "总计"],
            vec!["一、本年新收政府信息公开申请数量", "", "3", "0", "3"],
            vec!["（七）总计", "", "3", "0", "3"],
        ]
    );
    assert_eq!(t.grid.width(), 5);
    let c = &t.rows[2].cells[4];
    assert_eq!(&input[c.span().start..c.span().end], "3");
    assert_eq!(input[c.span().end..].chars().next(), Some('\n'));
}

#[test]
fn never_panics_through_the_public_entry() {
    let o = ReadOptions { input: Some(InputKind::Text), ..ReadOptions::default() };
    let huge = "九".repeat(300_000);
    let lines = "-3-\n\t\n|\n  a  b  1\n本\n".repeat(20_000);
    let junk: String = (0u32..5000).filter_map(|i| char::from_u32((i * 7919) % 0x3_0000)).collect();
    for input in
        ["\n\n\n\u{3000}x", "|", "\t\t\t", "||||\n|-|\n", "第 1 页", huge.as_str(), lines.as_str(), junk.as_str()]
    {
        let _ = read_str(input, &o);
    }
    let doc = read_str(&lines, &o).unwrap();
    assert_eq!(doc.notes.iter().filter(|n| n.kind == NoteKind::PageFooter).count(), 20_000);
}
