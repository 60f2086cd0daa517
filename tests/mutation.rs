//! Mutation tests: change one number of 表三 or 表四 in a clean real report and the checker
//! must notice — and, where one cell explains the failure, name that cell and the value it
//! should hold.

use xxgk_lint::format::TableId;
use xxgk_lint::recognize::recognize;
use xxgk_lint::{lint_str, read_str, LintOptions, ReadOptions, Severity};

/// Clean reports (no arithmetic error as published) in the shapes that carry cells.
const CLEAN: &[&str] = &[
    "tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt",
    "tests/fixtures/jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt",
    "tests/fixtures/jiangsu-suqian-shuyang-xian-2025.ocr-md.txt",
    "tests/fixtures/shanghai-shi-zhengfu-bangongting-2025.pdf2md.md",
    "tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html",
];

/// Where the digits of a cell sit in the input: the cell's own span for text, the digits
/// inside the `<td>` for HTML.
fn digits_span(input: &str, span: xxgk_lint::Span, text: &str) -> Option<(usize, usize)> {
    let raw = input.get(span.start..span.end)?;
    if raw == text {
        return Some((span.start, span.end));
    }
    // HTML: the number between tags or entities.
    for (i, _) in raw.match_indices(text) {
        let before = raw[..i].chars().last();
        let after = raw[i + text.len()..].chars().next();
        if matches!(before, Some('>' | ';' | ' ')) && matches!(after, Some('<' | '&' | ' ')) {
            return Some((span.start + i, span.start + i + text.len()));
        }
    }
    None
}

#[test]
fn every_sampled_one_cell_change_is_found_and_pinned_where_possible() {
    let mut checked = 0;
    for path in CLEAN {
        let input = std::fs::read_to_string(path).unwrap();
        let clean = lint_str(&input, &ReadOptions::default(), &LintOptions::default()).unwrap();
        let arithmetic = |d: &&xxgk_lint::Diagnostic| {
            d.severity == Severity::Error && (d.rule.starts_with("T3-") || d.rule.starts_with("T4-"))
        };
        assert_eq!(
            clean.diagnostics.iter().filter(arithmetic).count(),
            0,
            "{path} should balance: {:#?}",
            clean.diagnostics
        );
        let doc = read_str(&input, &ReadOptions::default()).unwrap();
        let report = recognize(&doc);
        for id in [TableId::Requests, TableId::Review] {
            let found = report.table(id).unwrap();
            // Every 5th cell keeps the run short while touching every row and column.
            for cell in found.cells.iter().step_by(5) {
                let Some(n) = cell.value.number else { continue };
                let Some(span) = cell.origin.span else { continue };
                let Some((s, e)) = digits_span(&input, span, &cell.value.text) else { continue };
                let changed = n.checked_add(xxgk_lint::recognize::value::Decimal::integer(1)).unwrap().to_string();
                let mutated = format!("{}{}{}", &input[..s], changed, &input[e..]);
                let r = lint_str(&mutated, &ReadOptions::default(), &LintOptions::default()).unwrap();
                let errors: Vec<_> = r.diagnostics.iter().filter(arithmetic).collect();
                assert!(!errors.is_empty(), "{path}: {:?}/{} {} → {changed} not noticed", id, cell.row, cell.column);
                let spec = found.format.table(id);
                let (_, row) = spec.row(cell.row).unwrap();
                let column = spec.groups[0].columns.iter().find(|c| c.id == cell.column).unwrap().qualified_label();
                match id {
                    TableId::Requests => {
                        // Every 表三 cell sits in a row and a column relation: pinned.
                        for d in &errors {
                            assert_eq!(d.row.as_deref(), Some(row.label), "{path}: {d:?}");
                            assert_eq!(d.column.as_deref(), Some(column.as_str()), "{path}: {d:?}");
                            assert_eq!(
                                d.fix.as_ref().map(|f| f.value.as_str()),
                                Some(cell.value.text.as_ref()),
                                "{path}: {d:?}"
                            );
                            assert_eq!(d.actual.as_deref(), Some(changed.as_str()));
                        }
                    }
                    _ => {
                        // A 表四 block has one relation: reported at its 总计, without a fix.
                        assert_eq!(errors.len(), 1, "{path}: {errors:?}");
                        let d = errors[0];
                        assert_eq!(d.rule, "T4-SUM");
                        let block = column.split('/').next().unwrap();
                        assert_eq!(d.column.as_deref(), Some(format!("{block}/总计").as_str()));
                        assert!(d.fix.is_none());
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "only {checked} mutations checked");
}
