//! Which revision of the format the report follows, against the one its year requires.

use crate::diagnostic::{Diagnostic, Severity};
use crate::format::TableId;
use crate::message::{Arg, Args, Message};
use crate::recognize::format_version::{detect, DetectedFormat};
use crate::rules::{Context, Family};

declare_rules! {
/// ## What it checks
/// Which revision of the official format the tables follow, against the one the report's year
/// requires: reports on 2019 and 2020 use the 2019 format (国办公开办函〔2019〕60号), reports on 2021
/// onwards the 2021 format (国办公开办函〔2021〕30号). The revision is read from the tables themselves
/// — 表二's column headers (本年新制作数量… or 本年制发件数…) and the shape of 表三's （六）其他处理 (one row
/// in 2019, three sub-items in 2021). An **error** when the whole layout is the other revision's; a
/// **warning** when the report mixes the two (a hybrid). With `--format` (`options.format`) the
/// tables are compared with the revision given instead of the year's.
///
/// ## Why
/// The format follows the data year (docs/format.md §2); what changed between the revisions and how
/// they are told apart is docs/format.md §6; hybrids seen in published reports are §9.5. A report in
/// the wrong revision reports different things under the same headings (表二 （一） counts documents
/// made and published in 2019, documents issued, repealed and in force in 2021).
///
/// ## Example
/// A report on 2022.
///
/// Fails — 表二 （一） has the 2019 columns:
///
/// | 第二十条第（一）项 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
/// |---|---|---|---|
/// | 规章 | 0 | 0 | 5 |
///
/// Fixed — the 2021 columns, the values counted as they ask:
///
/// | 第二十条第（一）项 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
/// |---|---|---|---|
/// | 规章 | 0 | 0 | 5 |
///
/// ## 检查内容
/// 表格所用的年报格式版本是否与报告年度要求的一致：2019、2020 年度的报告用 2019 年格式（国办公开办函〔2019〕60号），2021
/// 年度起用 2021 年格式（国办公开办函〔2021〕30号）。版本从表格本身读出：表二的列标题（本年新制作数量…… 或 本年制发件数……）和表三
/// “（六）其他处理”的形态（2019 年为一行，2021 年分三项）。整个表格布局属于另一版本时为**错误**；两种格式混用时为**警告**。
/// 指定 `--format`（`options.format`）时，按指定的版本而不是年度来比较。
///
/// ## 依据
/// 格式按数据所属年度确定（docs/format.md §2）；两版的差异及识别方法见 docs/format.md §6；已发布报告中的混用情形见 §9.5。
/// 用错版本的报告在同样的标题下报告的是不同的内容（表二第（一）项在 2019 年格式中统计新制作、新公开的文件，在 2021 年格式中统计制发、废止和现行有效的件数）。
///
/// ## 示例
/// 2022 年度的报告。
///
/// 不通过：表二第（一）项用的是 2019 年格式的列：
///
/// | 第二十条第（一）项 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
/// |---|---|---|---|
/// | 规章 | 0 | 0 | 5 |
///
/// 修改后：改用 2021 年格式的列，并按列的含义填写：
///
/// | 第二十条第（一）项 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
/// |---|---|---|---|
/// | 规章 | 0 | 0 | 5 |
pub const FMT_VERSION: Rule = Rule {
    id: "FMT-VERSION",
    severity: Severity::Error,
    summary_zh: "所用年报格式与报告年度不符（2019 年格式/2021 年格式），或两种格式混用",
    summary_en: english!("Format revision does not match the report year (2019 vs 2021 format), or mixes both"),
};
}

/// This file's rules and their check ([`crate::rules::FAMILIES`]).
pub const FAMILY: Family = Family { rules: &[&FMT_VERSION], check };

const HYBRID: Message = Message {
    id: "FMT-VERSION/hybrid",
    zh: "两种年报格式混用：{evidence}{required}。",
    en: english!("The report mixes the two formats: {evidence}{required}."),
};
const HYBRID_REQUIRED: Message = Message {
    id: "FMT-VERSION/required",
    zh: "；{year} 年度报告应全部采用{format} 年格式（{notice}）",
    en: english!("; a report on {year} must use {format} throughout"),
};
const WRONG: Message = Message {
    id: "FMT-VERSION",
    zh: "{year} 年度报告应采用{required} 年格式（{required_notice}），但表格采用的是{found} 年格式（{found_notice}）（{evidence}）。",
    en: english!("A report on {year} must use the {required} format, but its tables follow the {found} format ({evidence})."),
};
const EVIDENCE_TWO: Message =
    Message { id: "FMT-VERSION/evidence", zh: "{first}，{second}", en: english!("{first}, {second}") };
/// A table's layout, when its declaration gives no words of its own for it.
const LAYOUT: Message = Message {
    id: "FMT-VERSION/layout",
    zh: "表{table}采用 {format} 年格式",
    en: english!("表{table} follows the {format} format"),
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(detected) = detect(ctx.report) else { return };
    let required =
        ctx.forced_format.or_else(|| ctx.report.year.and_then(|y| ctx.report.formats.for_year(y)).map(|f| f.version()));
    let year = ctx.report.year.map_or_else(String::new, |y| y.to_string());
    // What the tables show, as phrases.
    let describe = |id: TableId| -> Option<Arg> {
        let t = ctx.report.table(id);
        t.and_then(|t| t.layout).map(|v| match v.format().table(id).evidence {
            Some((zh, en)) => Arg::Words { zh: zh.into(), en: en.into() },
            None => Arg::Phrase(&LAYOUT, Args::new().text("table", id.numeral()).text("format", v.as_str())),
        })
    };
    let evidence = match (describe(TableId::Proactive), describe(TableId::Requests)) {
        (Some(first), Some(second)) => {
            Arg::Phrase(&EVIDENCE_TWO, Args::new().arg("first", first).arg("second", second))
        }
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => Arg::Text(String::new()),
    };
    match (detected, required) {
        (DetectedFormat::Hybrid, req) => {
            let args = Args::new().arg("evidence", evidence);
            let args = match req {
                Some(r) => args.phrase_with(
                    "required",
                    &HYBRID_REQUIRED,
                    Args::new().text("year", &year).text("format", r.as_str()).text("notice", r.format().notice),
                ),
                None => args.text("required", ""),
            };
            let mut d = Diagnostic::new(FMT_VERSION.id, Severity::Warning, &HYBRID, args).actual("hybrid");
            if let Some(r) = req {
                d = d.expected(r.as_str());
            }
            out.push(d.finish("hybrid"));
        }
        (DetectedFormat::Version(found_v), Some(req)) => {
            if found_v == req {
                return;
            }
            let args = Args::new()
                .text("year", &year)
                .text("required", req.as_str())
                .text("required_notice", req.format().notice)
                .text("found", found_v.as_str())
                .text("found_notice", found_v.format().notice)
                .arg("evidence", evidence);
            out.push(
                Diagnostic::new(FMT_VERSION.id, FMT_VERSION.severity, &WRONG, args)
                    .expected(req.as_str())
                    .actual(found_v.as_str())
                    .finish("wrong"),
            );
        }
        _ => {}
    }
}

/// Every message this module declares ([`crate::message::catalogue`]).
pub(crate) const MESSAGES: &[&crate::message::Message] = &[&HYBRID, &HYBRID_REQUIRED, &WRONG, &EVIDENCE_TWO, &LAYOUT];

#[cfg(test)]
mod tests {
    use crate::rules::testkit::{mini, rules};

    /// The WebAssembly build writes formats by `as_str`, the CLI's JSON by serde.
    #[test]
    fn format_names_are_the_serialised_ones() {
        use super::DetectedFormat;
        use crate::format::Formats;
        let versions = Formats::OFFICIAL.iter().map(|f| DetectedFormat::Version(f.version()));
        for f in versions.chain([DetectedFormat::Hybrid]) {
            assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
        }
    }

    #[test]
    fn the_2021_format_in_a_2019_report_is_an_error() {
        let mut m = mini();
        m.title = "某某县人民政府2019年政府信息公开工作年度报告".into();
        m.body[0] = "本报告统计期限自2019年1月1日至2019年12月31日。".into();
        let r = m.lint();
        assert_eq!(rules(&r), vec!["FMT-VERSION"]);
        let d = &r.diagnostics[0];
        assert_eq!(
            (d.severity, d.expected.as_deref(), d.actual.as_deref()),
            (crate::Severity::Error, Some("2019"), Some("2021"))
        );
    }

    #[test]
    fn a_one_row_other_handling_in_a_2021_table_is_a_hybrid_warning() {
        let mut m = mini();
        let at = m.requests.iter().position(|(l, _)| l.starts_with("1.申请人无正当理由")).unwrap();
        m.requests.drain(at..at + 3);
        m.requests.insert(at, ("（六）其他处理".into(), vec!["0".into(); 7]));
        let r = m.lint();
        assert_eq!(rules(&r), vec!["FMT-VERSION"]);
        assert_eq!(
            (r.diagnostics[0].severity, r.diagnostics[0].actual.as_deref()),
            (crate::Severity::Warning, Some("hybrid"))
        );
        assert_eq!(serde_json::to_value(r.format).unwrap(), "hybrid");
    }
}
