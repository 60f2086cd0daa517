//! Which revision of the format the report follows, against the one its year requires.

use crate::diagnostic::{Diagnostic, Severity};
use crate::format::TableId;
use crate::message::{Arg, Args, Message};
use crate::recognize::format_version::{detect, DetectedFormat};
use crate::rules::{Context, Rule};

/// **FMT-VERSION** — the report follows the wrong revision of the format for its year
/// (error), or mixes the two (warning).
///
/// Why: reports on 2019 and 2020 use 国办公开办函〔2019〕60号, reports on 2021 onwards
/// 国办公开办函〔2021〕30号 (docs/format.md §2). The revision is read from the tables: 表二's column
/// headers and 表三's （六）其他处理 (one row in 2019, three sub-items in 2021) — docs/format.md §6.
/// A hybrid (2021 表二 with a one-row （六）, docs/format.md §9.5) is a warning.
///
/// Example: a 2023 report whose 表三 has （六）其他处理 as one row while its 表二 has
/// 本年制发件数 … → hybrid.
pub const FMT_VERSION: Rule = Rule {
    id: "FMT-VERSION",
    severity: Severity::Error,
    summary_zh: "所用年报格式与报告年度不符（2019 年格式/2021 年格式），或两种格式混用",
    summary_en: "Format revision does not match the report year (2019 vs 2021 format), or mixes both",
};

const HYBRID: Message = Message {
    id: "FMT-VERSION/hybrid",
    zh: "两种年报格式混用：{evidence}{required}。",
    en: "The report mixes the two formats: {evidence}{required}.",
};
const HYBRID_REQUIRED: Message = Message {
    id: "FMT-VERSION/required",
    zh: "；{year} 年度报告应全部采用{format} 年格式（{notice}）",
    en: "; a report on {year} must use {format} throughout",
};
const WRONG: Message = Message {
    id: "FMT-VERSION",
    zh: "{year} 年度报告应采用{required} 年格式（{required_notice}），但表格采用的是{found} 年格式（{found_notice}）（{evidence}）。",
    en: "A report on {year} must use the {required} format, but its tables follow the {found} format ({evidence}).",
};
const EVIDENCE_TWO: Message = Message { id: "FMT-VERSION/evidence", zh: "{first}，{second}", en: "{first}, {second}" };
/// A table's layout, when its declaration gives no words of its own for it.
const LAYOUT: Message = Message {
    id: "FMT-VERSION/layout",
    zh: "表{table}采用 {format} 年格式",
    en: "表{table} follows the {format} format",
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
