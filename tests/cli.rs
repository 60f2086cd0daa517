//! The command line as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xxgk-lint"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            // The child may refuse early; a broken pipe is fine.
            let _ = pipe.write_all(bytes);
        }
    }
    child.wait_with_output().unwrap()
}

#[test]
fn dump_json_has_the_documented_shape() {
    let out = run(
        &["dump", "--json", "-"],
        Some("<p>一、总体情况</p><table><tr><td colspan=2>a</td></tr><tr><td>1</td><td>2</td></tr></table>".as_bytes()),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let blocks = v["blocks"].as_array().unwrap();
    assert_eq!(blocks[0]["kind"], "paragraph");
    assert_eq!(blocks[0]["text"], "一、总体情况");
    assert_eq!(blocks[0]["span"], serde_json::json!([3, 21]));
    assert_eq!(blocks[1]["kind"], "table");
    assert_eq!(blocks[1]["grid"], serde_json::json!([["a", null], ["1", "2"]]));
    let cell = &blocks[1]["cells"][0];
    for key in ["text", "span", "table", "row", "cell", "rowspan", "colspan"] {
        assert!(cell.get(key).is_some(), "cell lacks {key}: {cell}");
    }
    assert_eq!(cell["colspan"], 2);
    assert_eq!(blocks[1]["cells"][2]["row"], 1);
    assert_eq!(blocks[1]["cells"][2]["cell"], 1);
}

#[test]
fn dump_reads_the_bundled_sample() {
    let out = run(&["dump", "tests/fixtures/xizou-2019.txt"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("息陬镇人民政府2019年信息公开年度报告"));
    assert!(text.contains("▦ table"));
}

#[test]
fn input_kind_can_be_forced() {
    let out = run(&["dump", "--json", "--input", "text", "-"], Some("<p>一、总体情况</p>".as_bytes()));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"], "text");
    assert_eq!(v["blocks"][0]["text"], "<p>一、总体情况</p>");
}

#[test]
fn bad_input_is_a_clear_error_with_exit_code_2() {
    let cases: [(&[&str], &[u8], &str); 4] = [
        (&["dump", "-"], b"", "empty"),
        (&["dump", "-"], b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (&["dump", "--max-size", "1K", "-"], &[b'a'; 5000], "over the limit"),
        (&["dump", "-"], &[0u8; 64], "binary"),
    ];
    for (args, input, expected) in cases {
        let out = run(args, Some(input));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let out = run(&["dump", "no/such/file.html"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_json_shape_and_exit_codes() {
    let out = run(
        &[
            "check",
            "--json",
            "tests/fixtures/xizou-2019.txt",
            "tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "an error was found");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = v.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    for key in ["schemaVersion", "file", "format", "year", "title", "organ", "summary", "diagnostics", "tables"] {
        assert!(reports[0].get(key).is_some(), "report lacks {key}");
    }
    let d = reports[0]["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "T3-RESULT-SUM").unwrap();
    for key in [
        "id", "rule", "severity", "message", "table", "row", "column", "expected", "actual", "cell", "span", "excerpt",
        "fix",
    ] {
        assert!(d.get(key).is_some(), "diagnostic lacks {key}: {d}");
    }
    assert_eq!(d["fix"]["value"], "3");
    assert_eq!(reports[1]["summary"]["errors"], 0);
    // A clean report alone exits 0; English on request.
    let out = run(&["check", "--lang", "en", "tests/fixtures/jiangsu-huaian-shi-2024.pdftotext-layout.txt"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ready to publish"));
    // Switched-off rules, unknown rules, unreadable files.
    let out = run(
        &["check", "--disable", "T3-ROW-TOTAL", "--disable", "T3-RESULT-SUM", "tests/fixtures/xizou-2019.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let out = run(&["check", "--disable", "NOPE", "tests/fixtures/xizou-2019.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["check", "no/such/file"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["rules", "--json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().any(|r| r["id"] == "T3-IDENTITY" && r["severity"] == "error"));
}

#[test]
fn previous_report_for_the_cross_year_checks() {
    let last = "tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt";
    let this = "tests/fixtures/jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt";
    // 洪泽 2023 → 2024 is consistent: 结转 0 → 上年结转 0; 现行有效 5 + 3 − 0 = 8.
    let out = run(&["check", "--json", "--previous", last, this], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> =
        v[0]["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert!(!rules.iter().any(|r| r.starts_with("X-")), "{rules:?}");
    // A synthetic edit: last year carried 2 applications (自然人) into 2024.
    let edited = std::fs::read_to_string(last).unwrap().replacen(
        "四、结转下年度继续办理                            0    0   0   0    0    0   0",
        "四、结转下年度继续办理                            2    0   0   0    0    0   2",
        1,
    );
    let dir = std::env::temp_dir().join(format!("xxgk-lint-previous-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let edited_path = dir.join("hongze-2023-edited.txt");
    std::fs::write(&edited_path, edited).unwrap();
    let out = run(&["check", "--json", "--previous", edited_path.to_str().unwrap(), this], None);
    assert_eq!(out.status.code(), Some(1), "a carry-over mismatch is an error");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let x: Vec<_> = v[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "X-CARRYOVER")
        .map(|d| {
            (d["severity"].clone(), d["row"].clone(), d["column"].clone(), d["expected"].clone(), d["actual"].clone())
        })
        .collect();
    let row = serde_json::json!("二、上年结转政府信息公开申请数量");
    assert_eq!(
        x,
        vec![
            ("error".into(), row.clone(), "自然人".into(), "2".into(), "0".into()),
            ("error".into(), row, "总计".into(), "2".into(), "0".into()),
        ]
    );
    // The human output names both numbers.
    let out = run(&["check", "--previous", edited_path.to_str().unwrap(), this], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("X-CARRYOVER  表三「总计」列：本年“二、上年结转政府信息公开申请数量”为 0，而上年报告“四、结转下年度继续办理”为 2"), "{text}");
    // --previous goes with exactly one FILE; an unreadable previous report is a read error.
    assert_eq!(run(&["check", "--previous", last, this, this], None).status.code(), Some(2));
    assert_eq!(run(&["check", "--previous", "no/such/file", this], None).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A directory of PDFs: each read and reported (a finding's page and box in the JSON), the
/// scan and the password-protected file refused by name on stderr, exit status 2.
#[test]
fn a_directory_of_pdfs_is_checked_file_by_file() {
    let out = run(&["check", "--json", "tests/fixtures/pdf"], None);
    assert_eq!(out.status.code(), Some(2));
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = reports.as_array().unwrap().iter().map(|r| r["file"].as_str().unwrap()).collect();
    for name in ["jiangsu-huaian-hongze-qu-2023.pdf", "jiangsu-huaian-shi-2024.pdf", "pingtan-2022.portal.chromium.pdf"]
    {
        assert!(files.iter().any(|f| f.ends_with(name)), "{name} in {files:?}");
    }
    let hongze = reports
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("hongze-qu-2023.pdf"))
        .unwrap();
    assert_eq!(hongze["input"], "pdf");
    let t4: Vec<_> = hongze["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "T4-SUM").collect();
    assert_eq!(t4.len(), 2);
    assert!(t4.iter().all(|d| d["page"] == 4 && d["bbox"].as_array().is_some_and(|b| b.len() == 4)));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // In the language asked for (Chinese by default); a damaged file's particulars in English.
    assert!(stderr.contains("scanned.pdf: 无法读取该 PDF：this PDF has no text layer"), "{stderr}");
    assert!(stderr.contains("encrypted.user-password.pdf: 文档已加密"), "{stderr}");
}

/// `rules --explain RULE` prints the rule's doc, in Chinese by default and in English on request;
/// an unknown rule is a usage error.
#[test]
fn rules_explain_prints_the_doc() {
    let zh = run(&["rules", "--explain", "T3-ROW-TOTAL"], None);
    assert!(zh.status.success(), "{}", String::from_utf8_lossy(&zh.stderr));
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(zh.starts_with("# T3-ROW-TOTAL — 表三各行：总计＝六类申请人之和\n"), "{zh}");
    for heading in ["## 检查内容", "## 依据", "## 示例", "| （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |"]
    {
        assert!(zh.contains(heading), "{heading} in {zh}");
    }
    let en = String::from_utf8(run(&["rules", "--explain", "T3-ROW-TOTAL", "--lang", "en"], None).stdout).unwrap();
    for heading in ["Default severity: error", "## What it checks", "## Why", "## Example", "§7.1 T3-C"] {
        assert!(en.contains(heading), "{heading} in {en}");
    }
    // The input errors are documented too.
    let input = run(&["rules", "--explain", "INPUT-ENCRYPTED", "--lang", "en"], None);
    assert!(String::from_utf8_lossy(&input.stdout).contains("password"));
    let unknown = run(&["rules", "--explain", "T3-NO-SUCH"], None);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown rule “T3-NO-SUCH”"));
}

/// `rules --docs-json` is every doc, as `--explain` prints it (the npm package's rule-docs.json).
#[test]
fn rules_docs_json_holds_what_explain_prints() {
    let out = run(&["rules", "--docs-json"], None);
    assert!(out.status.success());
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let explain = run(&["rules", "--explain", "CELL-BLANK", "--lang", "en"], None);
    assert_eq!(docs["en"]["CELL-BLANK"].as_str(), Some(String::from_utf8(explain.stdout).unwrap().as_str()));
    assert!(docs["zh"]["OPTIONS"].is_string());
}

/// `--csv` and `--summary-csv`: the JSON's findings and reports as tables an auditor opens in
/// Excel — read back, they hold exactly what the JSON holds; an unreadable file is in the
/// summary with why.
#[test]
fn csv_tables_hold_what_the_json_holds() {
    let dir = std::env::temp_dir().join(format!("xxgk-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (findings, summary) = (dir.join("findings.csv"), dir.join("summary.csv"));
    let files = [
        "tests/fixtures/xizou-2019.txt",
        "tests/fixtures/clipboard/word-xizou-2019.html",
        "tests/fixtures/jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt",
        "tests/fixtures/docx/pingtan-2022.comment.docx",
        "tests/fixtures/docx/pingtan-2022.encrypted.docx",
    ];
    let mut args = vec!["check", "--json", "--csv", findings.to_str().unwrap(), "--summary-csv"];
    args.push(summary.to_str().unwrap());
    args.extend(files);
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(2), "the encrypted file is refused");
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 4);

    let read = |path: &std::path::Path| -> Vec<Vec<String>> {
        let bytes = std::fs::read(path).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "a byte-order mark for Excel");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
        reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
    };
    let text = |v: &serde_json::Value| {
        v.as_str().map_or_else(|| v.as_u64().map_or(String::new(), |n| n.to_string()), String::from)
    };

    let rows = read(&findings);
    assert_eq!(
        rows[0],
        ["文件", "机关", "年度", "格式", "规则", "级别", "表", "行", "列", "现值", "应为", "改为", "说明"]
    );
    let mut want = Vec::new();
    for r in reports {
        for d in r["diagnostics"].as_array().unwrap() {
            let severity = match d["severity"].as_str().unwrap() {
                "error" => "错误",
                "warning" => "警告",
                _ => "提示",
            };
            want.push(vec![
                text(&r["file"]),
                text(&r["organ"]),
                text(&r["year"]),
                text(&r["format"]),
                text(&d["rule"]),
                severity.to_string(),
                text(&d["table"]),
                text(&d["row"]),
                text(&d["column"]),
                text(&d["actual"]),
                text(&d["expected"]),
                text(&d["fix"]["value"]),
                text(&d["message"]),
            ]);
        }
    }
    assert!(want.len() > 10, "{}", want.len());
    assert_eq!(rows[1..], want[..]);
    // The sample's wrong cell, as the auditor reads it.
    assert!(rows.iter().any(|r| r[4] == "T3-ROW-TOTAL" && r[7] == "（一）予以公开" && r[9] == "0" && r[11] == "3"));

    let rows = read(&summary);
    assert_eq!(rows[0], ["文件", "机关", "年度", "格式", "错误", "警告", "提示", "表二", "表三", "表四", "结论"]);
    assert_eq!(rows.len(), 1 + files.len(), "every file has its row, the unreadable one too");
    for r in reports {
        let row = rows.iter().find(|row| row[0] == text(&r["file"])).unwrap();
        let s = &r["summary"];
        assert_eq!(row[1..4], [text(&r["organ"]), text(&r["year"]), text(&r["format"])]);
        assert_eq!(row[4..7], [text(&s["errors"]), text(&s["warnings"]), text(&s["infos"])]);
        assert_eq!(row[10], text(&r["verdict"]["message"]));
        for (i, t) in ["二", "三", "四"].iter().enumerate() {
            let read = r["tables"].get(*t).is_some();
            assert_eq!(row[7 + i] != "未找到", read, "{t} in {}", row[0]);
        }
    }
    let encrypted = rows.iter().find(|r| r[0].ends_with("encrypted.docx")).unwrap();
    assert!(encrypted[10].starts_with("文档已加密"), "{encrypted:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--jobs 1` and every core give the same reports in the same order; with stderr piped no
/// progress bar is drawn (nor with `--quiet`).
#[test]
fn jobs_change_nothing_but_the_speed_and_a_pipe_gets_no_progress_bar() {
    let one = run(&["check", "--json", "--jobs", "1", "tests/fixtures"], None);
    let all = run(&["check", "--json", "tests/fixtures"], None);
    assert_eq!(one.status.code(), all.status.code());
    assert_eq!(one.stdout, all.stdout);
    let reports: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    assert!(reports.as_array().unwrap().len() > 40);
    for out in [&one, &all] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("ETA") && !stderr.contains('\r'), "{stderr}");
    }
    assert_eq!(run(&["check", "--jobs", "0", "tests/fixtures/xizou-2019.txt"], None).status.code(), Some(2));
}

/// Over more than two chunks of 64 files (written while the next chunk is checked when there
/// are several worker threads), `--jobs 2` writes exactly what `--jobs 1` writes: the reports in
/// the files' order on stdout, the findings CSV, the summary CSV and the page.
#[test]
fn two_jobs_write_byte_for_byte_what_one_job_writes_over_several_chunks() {
    let dir = std::env::temp_dir().join(format!("xxgk-jobs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in")).unwrap();
    let mut sources: Vec<String> = std::fs::read_dir("tests/fixtures")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".txt") || (p.ends_with(".md") && !p.ends_with("CORPUS.md")) || p.ends_with(".html"))
        .collect();
    sources.sort();
    sources.push("tests/fixtures/clipboard/word-xizou-2019.html".into());
    sources.push("tests/fixtures/docx/pingtan-2022.encrypted.docx".into());
    let files = 150;
    for i in 0..files {
        let source = &sources[i % sources.len()];
        let ext = source.rsplit('.').next().unwrap();
        std::fs::copy(source, dir.join("in").join(format!("{i:03}.{ext}"))).unwrap();
    }
    let outputs = |jobs: &str| {
        let (csv, summary, html) = (dir.join("f.csv"), dir.join("s.csv"), dir.join("s.html"));
        let paths = [&csv, &summary, &html].map(|p| p.display().to_string());
        let input = dir.join("in").display().to_string();
        let args = ["check", "--jobs", jobs, "--json", "--csv", &paths[0], "--summary-csv", &paths[1]];
        let out = run(&[&args[..], &["--html", &paths[2], &input]].concat(), None);
        let written = [csv, summary, html].map(|p| std::fs::read(p).unwrap());
        (out, written)
    };
    let (one, one_files) = outputs("1");
    let (two, two_files) = outputs("2");
    assert_eq!(one.status.code(), Some(2), "the encrypted copies are refused");
    assert_eq!(two.status.code(), one.status.code());
    let reports: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    let reports = reports.as_array().unwrap();
    assert!(reports.len() > 128, "{}", reports.len());
    let names: Vec<&str> = reports.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert!(names.windows(2).all(|w| w[0] < w[1]), "in the files' order");
    assert!(one.stdout == two.stdout, "stdout differs between --jobs 1 and --jobs 2");
    assert!(one.stderr == two.stderr, "stderr differs between --jobs 1 and --jobs 2");
    for (name, (a, b)) in ["findings CSV", "summary CSV", "page"].iter().zip(one_files.iter().zip(&two_files)) {
        assert!(a.len() > 1000, "{name}");
        assert!(a == b, "the {name} differs between --jobs 1 and --jobs 2");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A region's batch: several organs over consecutive years. With pairing, each report is checked
/// against its organ's report of the year before (the carry-over broken by an edit is found),
/// two reports of one organ and year are both told (DUP-REPORT), and last year's 表三 republished
/// under a new year is told on the later report (DUP-PRIOR-YEAR); with `--no-pairing`, none of it.
#[test]
fn a_batch_pairs_each_organ_s_years_and_finds_duplicates() {
    let dir = std::env::temp_dir().join(format!("xxgk-pairing-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["pingtan", "hongze", "huaian", "copy"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let fixture = |name: &str| std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write("pingtan/2021.txt", &fixture("fujian-pingtan-zonghe-shiyanqu-2021.page.txt"));
    write("pingtan/2022.txt", &fixture("fujian-pingtan-zonghe-shiyanqu-2022.page.txt"));
    // 洪泽 2023 with two applications carried to 2024 that 2024 does not carry in.
    let hongze_2023 = fixture("jiangsu-huaian-hongze-qu-2023.pdftotext-layout.txt").replacen(
        "四、结转下年度继续办理                            0    0   0   0    0    0   0",
        "四、结转下年度继续办理                            2    0   0   0    0    0   2",
        1,
    );
    write("hongze/2023.txt", &hongze_2023);
    let hongze_2024 = fixture("jiangsu-huaian-hongze-qu-2024.pdftotext-layout.txt");
    write("hongze/2024.txt", &hongze_2024);
    // 2024's report republished as 2025's: the year changed, the tables not.
    write("hongze/2025.txt", &hongze_2024.replace("2024", "2025"));
    let huaian = fixture("jiangsu-huaian-shi-2024.pdftotext-layout.txt");
    write("huaian/2024.txt", &huaian);
    write("copy/淮安市2024年报.txt", &huaian);

    let findings = |args: &[&str]| -> Vec<(String, String, String)> {
        let out = run(args, None);
        let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut found = Vec::new();
        for r in reports.as_array().unwrap() {
            let file = r["file"].as_str().unwrap().strip_prefix(dir.to_str().unwrap()).unwrap().trim_start_matches('/');
            for d in r["diagnostics"].as_array().unwrap() {
                let rule = d["rule"].as_str().unwrap();
                if rule.starts_with("X-") || rule.starts_with("DUP-") {
                    let column = d["column"].as_str().or(d["actual"].as_str()).unwrap_or("");
                    let column =
                        column.strip_prefix(dir.to_str().unwrap()).map_or(column, |c| c.trim_start_matches('/'));
                    found.push((file.to_string(), rule.to_string(), column.to_string()));
                }
            }
        }
        found
    };
    let d = dir.to_str().unwrap();
    let paired = findings(&["check", "--json", d]);
    let want: Vec<(String, String, String)> = [
        ("copy/淮安市2024年报.txt", "DUP-REPORT", "huaian/2024.txt"),
        ("hongze/2024.txt", "X-CARRYOVER", "自然人"),
        ("hongze/2024.txt", "X-CARRYOVER", "总计"),
        // 8 in force + 3 issued − 0 repealed is not 2024's 8 again.
        ("hongze/2025.txt", "X-VALID-DOCS", "现行有效件数"),
        ("hongze/2025.txt", "DUP-PRIOR-YEAR", "hongze/2024.txt"),
        ("huaian/2024.txt", "DUP-REPORT", "copy/淮安市2024年报.txt"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(paired, want);
    assert_eq!(findings(&["check", "--json", "--no-pairing", d]), []);
    // A rule switched off stays off in the batch's findings too.
    assert!(findings(&["check", "--json", "--disable", "DUP-REPORT", d]).iter().all(|f| f.1 != "DUP-REPORT"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `tables`: the sample's three tables rebuilt in the official layout, as HTML, CSV and JSON,
/// as read and with the pinned fix (表三 （一）予以公开 / 总计: 0 as printed, 3 fixed).
#[test]
fn tables_prints_the_rebuilt_tables_in_three_shapes() {
    let seed = "tests/fixtures/xizou-2019.txt";
    let html = String::from_utf8(run(&["tables", seed], None).stdout).unwrap();
    assert_eq!(html.matches("<table border=\"1\">").count(), 3, "{html}");
    assert!(html.contains("<h2>表三 收到和处理政府信息公开申请情况</h2>"));
    assert!(!html.contains("class=") && !html.contains("data-") && !html.contains("style="));

    let total = |args: &[&str]| {
        let out = run(args, None);
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["三"]["format"], "2019");
        let row = v["三"]["rows"].as_array().unwrap().iter().find(|r| r["row"] == "（一）予以公开").unwrap().clone();
        row["values"]["总计"].as_str().unwrap().to_string()
    };
    assert_eq!(total(&["tables", "--json", seed]), "0");
    assert_eq!(total(&["tables", "--json", "--apply-fixes", seed]), "3");

    let csv = run(&["tables", "--csv", "--apply-fixes", seed], None).stdout;
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "Excel's BOM");
    let csv = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(csv.starts_with("表,格式,行,列,值\n"), "{csv}");
    assert!(csv.contains("\n三,2019,（一）予以公开,总计,3\n"), "{csv}");
    // One line per official value cell of the 2019 format: 表二 22, 表三 23 rows × 7, 表四 15.
    let count = |t: &str| csv.lines().filter(|l| l.starts_with(&format!("{t},"))).count();
    assert_eq!((count("二"), count("三"), count("四")), (22, 23 * 7, 15));
}
