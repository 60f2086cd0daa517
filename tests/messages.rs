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
