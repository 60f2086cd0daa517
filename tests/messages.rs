//! The human output as a user reads it, in Chinese and English (insta snapshots under
//! tests/snapshots/; review changes with `cargo insta review` or by reading the diff).

use xxgk_lint::{lint_str, render_human, Lang, LintOptions, ReadOptions};

fn human(path: &str, lang: Lang) -> String {
    let input = std::fs::read_to_string(path).unwrap();
    let options = LintOptions { lang, ..LintOptions::default() };
    let mut r = lint_str(&input, &ReadOptions::default(), &options).unwrap();
    r.file = Some(path.rsplit('/').next().unwrap().to_string());
    render_human(&r, lang)
}

#[test]
fn seed_in_chinese() {
    insta::assert_snapshot!(human("tests/fixtures/xizou-2019.txt", Lang::Zh));
}

#[test]
fn seed_in_english() {
    insta::assert_snapshot!(human("tests/fixtures/xizou-2019.txt", Lang::En));
}

#[test]
fn hongze_2023_in_chinese() {
    insta::assert_snapshot!(human("tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt", Lang::Zh));
}

#[test]
fn shanghai_2025_in_chinese() {
    insta::assert_snapshot!(human("tests/fixtures/shanghai-shi-zhengfu-bangongting-2025.pdf2md.md", Lang::Zh));
}

#[test]
fn clean_report_in_chinese() {
    insta::assert_snapshot!(human("tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt", Lang::Zh));
}

/// 洪泽 2024 checked against a 2023 report edited to carry one application over, and 淮安
/// 2024 with narrative numbers edited away from its tables: the cross-year and narrative
/// messages as users read them.
fn human_edited(path: &str, edits: &[(&str, &str)], previous: Option<String>, lang: Lang) -> String {
    let mut input = std::fs::read_to_string(path).unwrap();
    for (from, to) in edits {
        input = input.replacen(from, to, 1);
    }
    let previous =
        previous.map(|p| std::sync::Arc::new(xxgk_lint::recognize_str(&p, &ReadOptions::default()).unwrap()));
    let options = LintOptions { lang, previous, ..LintOptions::default() };
    let mut r = lint_str(&input, &ReadOptions::default(), &options).unwrap();
    r.file = Some(path.rsplit('/').next().unwrap().to_string());
    render_human(&r, lang)
}

fn hongze_previous_edited() -> String {
    std::fs::read_to_string("tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt").unwrap().replacen(
        "四、结转下年度继续办理                            0    0   0   0    0    0   0",
        "四、结转下年度继续办理                            2    0   0   0    0    0   2",
        1,
    )
}

#[test]
fn cross_year_in_chinese_and_english() {
    for lang in [Lang::Zh, Lang::En] {
        insta::assert_snapshot!(
            format!("cross_year_{lang:?}"),
            human_edited(
                "tests/fixtures/jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt",
                &[],
                Some(hongze_previous_edited()),
                lang
            )
        );
    }
}

#[test]
fn narrative_mismatches_in_chinese_and_english() {
    let edits = [
        ("申请 3119 件", "申请 3120 件"),
        ("另有 103 件", "另有 102 件"),
        ("行政复议 351", "行政复议 350"),
        ("其中结果维持 25", "其中结果维持 26"),
        ("自 2024 年 1 月 1 日", "自 2023 年 1 月 1 日"),
        ("《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元", "各项工作要求"),
    ];
    for lang in [Lang::Zh, Lang::En] {
        insta::assert_snapshot!(
            format!("narrative_{lang:?}"),
            human_edited("tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt", &edits, None, lang)
        );
    }
}
