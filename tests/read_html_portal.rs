//! The HTML reader on a real portal page: the 平潭综合实验区 2022 report as its site serves
//! it (site chrome, Word-exported `MsoNormalTable`s, 3-row headers, `rowspan="22"`, header
//! labels one character per `<p>`, values split over spans).

use xxgk_lint::{read_str, Block, Document, InputKind, ReadOptions, Table};

fn portal() -> (String, Document<'static>) {
    let html = std::fs::read_to_string("tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html").unwrap();
    let doc = read_str(&html, &ReadOptions::default()).unwrap().into_owned();
    (html, doc)
}

/// Rows of the grid as `a | b | ·` lines (`·` = covered by a span, or empty).
fn grid_lines(t: &Table) -> Vec<String> {
    t.grid_texts().iter().map(|r| r.iter().map(|c| c.unwrap_or("·")).collect::<Vec<_>>().join(" | ")).collect()
}

#[test]
fn portal_page_is_read_as_html_without_its_site_chrome() {
    let (_, doc) = portal();
    assert_eq!(doc.input, InputKind::Html);
    let paragraphs: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    // The title sits outside the article on the page; it is kept, the navigation is not.
    assert_eq!(paragraphs[0], "平潭综合实验区2022年度政府信息公开工作年度报告");
    assert!(paragraphs[1].starts_with("本报告根据《中华人民共和国政府信息公开条例》"));
    assert_eq!(paragraphs[2], "一、总体情况");
    assert_eq!(paragraphs.last().copied(), Some("2022年，无收取信息处理费情况。"));
    for chrome in ["闽政通APP", "友情链接", "网站标识码", "扫一扫", "当前位置", "来源："] {
        assert!(!paragraphs.iter().any(|p| p.contains(chrome)), "site chrome kept: {chrome}");
    }
    let headings: Vec<&str> = paragraphs
        .iter()
        .copied()
        .filter(|p| ["一、", "二、", "三、", "四、", "五、", "六、"].iter().any(|h| p.starts_with(h)))
        .collect();
    assert_eq!(
        headings,
        vec![
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政法复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
    );
    assert!(doc.notes.iter().any(|n| n.message.contains("site navigation")));
}

#[test]
fn blocks_come_in_reading_order() {
    let (_, doc) = portal();
    let order: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(format!("table {}", t.index)),
            Block::Paragraph(p) if p.text.len() < 80 && p.text.contains('、') && !p.text.starts_with('（') => {
                Some(p.text.clone())
            }
            Block::Paragraph(_) => None,
        })
        .collect();
    assert_eq!(
        order,
        vec![
            "一、总体情况",
            "二、主动公开政府信息情况",
            "table 0",
            "三、收到和处理政府信息公开申请情况",
            "table 1",
            "四、政府信息公开行政法复议、行政诉讼情况",
            "table 2",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
    );
}

#[test]
fn table_two_grid() {
    let (_, doc) = portal();
    let t = doc.tables().next().unwrap();
    assert_eq!(
        grid_lines(t),
        vec![
            "第二十条第（一）项 | · | · | ·",
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
            "规章 | 0 | 0 | 0",
            "行政规范性文件 | 88 | 55 | 698",
            "第二十条第（五）项 | · | · | ·",
            "信息内容 | 本年处理决定数量 | · | ·",
            "行政许可 | 10690 | · | ·",
            "第二十条第（六）项 | · | · | ·",
            "信息内容 | 本年处理决定数量 | · | ·",
            "行政处罚 | 2113 | · | ·",
            "行政强制 | 0 | · | ·",
            "第二十条第（八）项 | · | · | ·",
            "信息内容 | 本年收费金额（单位：万元） | · | ·",
            "行政事业性收费 | 9116.36 | · | ·",
        ]
    );
}

#[test]
fn table_three_grid_with_three_header_rows_and_rowspan_22() {
    let (_, doc) = portal();
    let t = doc.tables().nth(1).unwrap();
    assert_eq!((t.grid.height(), t.grid.width()), (28, 10));
    assert_eq!(
        grid_lines(t),
        vec![
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | · | · | 申请人情况 | · | · | · | · | · | ·",
        "· | · | · | 自然人 | 法人或其他组织 | · | · | · | · | 总计",
        "· | · | · | · | 商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 | ·",
        "一、本年新收政府信息公开申请数量 | · | · | 71 | 3 | 0 | 0 | 0 | 0 | 74",
        "二、上年结转政府信息公开申请数量 | · | · | 1 | 0 | 0 | 0 | 0 | 0 | 1",
        "三、本年度办理结果 | （一）予以公开 | · | 21 | 0 | 0 | 0 | 0 | 0 | 21",
        "· | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | · | 8 | 1 | 0 | 0 | 0 | 0 | 9",
        "· | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 5.属于三类内部事务信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
        "· | · | 6.属于四类过程性信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
        "· | · | 7.属于行政执法案卷 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
        "· | · | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | （四）无法提供 | 1.本机关不掌握相关政府信息 | 37 | 0 | 0 | 0 | 0 | 0 | 37",
        "· | · | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | （五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
        "· | · | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "· | · | 3.其他 | 0 | 2 | 0 | 0 | 0 | 0 | 2",
        "· | （七）总计 | · | 72 | 3 | 0 | 0 | 0 | 0 | 75",
        "四、结转下年度继续办理 | · | · | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        ]
    );
    let at = (t.rows.iter().enumerate())
        .find_map(|(r, row)| {
            let c = row.cells.iter().position(|c| t.text(c) == "三、本年度办理结果")?;
            Some(xxgk_lint::CellRef { row: r as u32, cell: c as u32 })
        })
        .unwrap();
    let outcomes = t.cell(at).unwrap();
    assert_eq!((outcomes.rowspan(), outcomes.colspan()), (22, 1));
    let address = t.address(at);
    assert_eq!((address.table, address.row, address.cell), (1, 5, 0));
}

#[test]
fn table_four_grid_with_one_character_per_paragraph_labels() {
    let (_, doc) = portal();
    let t = doc.tables().nth(2).unwrap();
    assert_eq!(
        grid_lines(t),
        vec![
        "行政复议 | · | · | · | · | 行政诉讼 | · | · | · | · | · | · | · | · | ·",
        "结果维 持 | 结 果 纠 正 | 其 他 结 果 | 尚 未 审 结 | 总 计 | 未经复议直接起诉 | · | · | · | · | 复议后起诉 | · | · | · | ·",
        "· | · | · | · | · | 结 果 维 持 | 结 果 纠 正 | 其 他 结 果 | 尚 未 审 结 | 总计 | 结 果 维 持 | 结 果 纠 正 | 其 他 结 果 | 尚未 审 结 | 总计",
        "0 | 1 | 1 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0",
        ]
    );
}

#[test]
fn every_cell_span_slices_back_to_its_td() {
    let (html, doc) = portal();
    let mut cells = 0;
    for t in doc.tables() {
        let table_src = &html[t.span.start..t.span.end];
        assert!(table_src.starts_with("<table"), "{}", &table_src[..20]);
        assert!(table_src.ends_with("</table>"));
        for c in t.cells() {
            let src = &html[c.span().start..c.span().end];
            assert!(src.starts_with("<td") && src.ends_with("</td>"), "cell {:?}: {}", t.text(c), src);
            cells += 1;
        }
    }
    assert!(cells > 250);
    // A value split over spans with &nbsp; padding: 表四, 行政复议/结果纠正 = 1.
    let t4 = doc.tables().nth(2).unwrap();
    let c = &t4.rows[3].cells[1];
    assert_eq!(t4.text(c), "1");
    let src = &html[c.span().start..c.span().end];
    assert!(src.contains("&nbsp;"), "{src}");
}

#[test]
fn paragraph_spans_cover_their_text() {
    let (html, doc) = portal();
    for p in doc.paragraphs() {
        let src = &html[p.span.start..p.span.end];
        let first: String = p.text.chars().take(4).collect();
        let last: String = p.text.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
        assert!(src.contains(&first) && src.contains(&last), "{:?} vs {}", p.text, src);
    }
}
