//! The `xxgk-lint` command line.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use xxgk_lint::batch::page::SummaryPage;
use xxgk_lint::batch::pairing;
use xxgk_lint::format::Formats;
use xxgk_lint::read::decode::Decoded;
use xxgk_lint::recognize::Report;
use xxgk_lint::rules::cross_year::previous_part;
use xxgk_lint::tabular::Table;
use xxgk_lint::{
    lint_bytes, read_file, recognize_bytes, render_human, Block, Document, FileRead, InputKind, Lang, LintOptions,
    LintReport, ReadOptions, Span, TextEncoding, RULES,
};

#[derive(Parser)]
#[command(
    name = "xxgk-lint",
    version,
    about = "Validator for 政府信息公开工作年度报告 (government information disclosure annual reports)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputArg {
    Html,
    Text,
}

#[derive(clap::Args)]
struct ReadArgs {
    /// Read text input as this kind instead of detecting it (a Word file is always read as one).
    #[arg(long, value_enum)]
    input: Option<InputArg>,
    /// Refuse inputs larger than this many bytes (accepts suffixes K, M: 20M).
    #[arg(long, value_name = "BYTES", default_value = "20M", value_parser = parse_size)]
    max_size: usize,
    /// Decode files as this encoding (a WHATWG label: gbk, gb2312, gb18030, big5, utf-8,
    /// utf-16le, …) instead of their declaration or a detection; a byte-order mark still
    /// decides. Bytes that do not decode sensibly in it are an error.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    encoding: Option<TextEncoding>,
}

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            input: self.input.map(|i| match i {
                InputArg::Html => InputKind::Html,
                InputArg::Text => InputKind::Text,
            }),
            max_bytes: self.max_size,
            encoding: self.encoding,
            ..ReadOptions::default()
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

/// `--format`'s values: `auto`, then the official revisions' names.
fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(std::iter::once("auto").chain(Formats::OFFICIAL.iter().map(|f| f.name)))
}

#[derive(Subcommand)]
enum Command {
    /// Check reports against the official format and its arithmetic. Exit status: 0 no
    /// error, 1 an error was found, 2 usage or read error.
    Check {
        /// Print JSON: an array with one report object per file.
        #[arg(long)]
        json: bool,
        /// Language of the messages.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// The format to check against: detected from the tables by default.
        #[arg(long, value_parser = format_names(), default_value = "auto")]
        format: String,
        /// Switch a rule off (repeatable): --disable CELL-BLANK.
        #[arg(long, value_name = "RULE")]
        disable: Vec<String>,
        /// Set a rule's severity (repeatable): --rule FMT-TITLE=error, or =off.
        #[arg(long, value_name = "RULE=SEVERITY")]
        rule: Vec<String>,
        /// Last year's report (a Word .docx, HTML or text) for the cross-year checks
        /// X-CARRYOVER and X-VALID-DOCS; only with one FILE.
        #[arg(long, value_name = "FILE")]
        previous: Option<PathBuf>,
        /// Also write every finding to this CSV file, one row each (UTF-8 with a byte-order
        /// mark: Excel opens it in Chinese).
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Also write one row per file to this CSV file: organ, year, format, counts, the
        /// three tables read or not, the verdict — or why the file could not be read.
        #[arg(long, value_name = "FILE")]
        summary_csv: Option<PathBuf>,
        /// Also write a summary page to this HTML file: the totals, findings by rule and
        /// verdicts by year as charts, a sortable, filterable table of the reports, and each
        /// report's findings and tables on a click. One self-contained file (no network):
        /// open it from disk, print it.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Check this many files at once (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Do not pair the files by organ and year: no automatic last-year report for
        /// X-CARRYOVER and X-VALID-DOCS, no DUP-REPORT, no DUP-PRIOR-YEAR.
        #[arg(long)]
        no_pairing: bool,
        /// No progress bar (it is shown on a terminal only, never when stderr is piped).
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        read: ReadArgs,
        /// Reports (Word .docx, HTML or text, told by their content), or directories of them
        /// (searched for files whose content is a report, whatever their names); `-` reads
        /// standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List every rule with its ID, default severity and what it checks; or explain one.
    Rules {
        /// Language of the descriptions and docs.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// Print JSON.
        #[arg(long, conflicts_with_all = ["explain", "markdown", "docs_json"])]
        json: bool,
        /// Print a rule's documentation: what it checks, why, an example (any ID a finding's
        /// `rule` can hold, the input errors INPUT-* too).
        #[arg(long, value_name = "RULE", conflicts_with_all = ["markdown", "docs_json"])]
        explain: Option<String>,
        /// Print every rule's documentation, both languages, as Markdown (docs/rules.md).
        #[arg(long, conflicts_with = "docs_json")]
        markdown: bool,
        /// Print every rule's documentation as JSON, {"zh": {RULE: text}, "en": {…}} (the npm
        /// package's rule-docs.json).
        #[arg(long)]
        docs_json: bool,
    },
    /// Print the Document the reader makes of a report: paragraphs and tables with their
    /// spans, grids and cell addresses.
    Dump {
        /// Print JSON: {"blocks":[…],"notes":[…]}.
        #[arg(long)]
        json: bool,
        /// For a Word file: print, as JSON, the records it is read into ({"nodes", "strings",
        /// "file"}) — exactly what the package's JavaScript `.docx` reader must make of it.
        #[arg(long)]
        records: bool,
        /// For a PDF: print, as JSON, its pages as the extractor gives them to the layout
        /// reader (text runs, segments and rectangles in points from the page's top-left
        /// corner) — what pdf.js must make of it in the browser.
        #[arg(long, conflicts_with = "records")]
        pdf_pages: bool,
        #[command(flatten)]
        read: ReadArgs,
        /// The report (a Word .docx, HTML or text); `-` reads standard input.
        file: PathBuf,
    },
    /// Print a report's three statutory tables as read, rebuilt in the official layout of the
    /// revision for its year (2019's for 2019–2020, 2021's after): HTML tables with the official
    /// labels and merges (the default), CSV (one row per cell) or JSON — e.g. to replace tables
    /// that a PDF or a web page turned into text.
    Tables {
        #[command(flatten)]
        read: ReadArgs,
        /// Print HTML (the default): the tables as the package's `tableHtml` makes them.
        #[arg(long, conflicts_with_all = ["csv", "json"])]
        html: bool,
        /// Print CSV (UTF-8 with BOM, for Excel): table, row, column, value.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// Print JSON: for each table, its format and its rows with their values.
        #[arg(long)]
        json: bool,
        /// Put each pinned fix (a finding's `fix`) in its cell.
        #[arg(long)]
        apply_fixes: bool,
        /// Language of the headings and CSV headers.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// The report (a Word .docx, PDF, HTML or text); `-` reads standard input.
        file: PathBuf,
    },
    /// Print what recognition makes of a report: title, year, organ, sections and the
    /// statutory tables mapped onto the official rows and columns (JSON).
    Recognize {
        #[command(flatten)]
        read: ReadArgs,
        /// The report (a Word .docx, HTML or text); `-` reads standard input.
        file: PathBuf,
    },
}

fn parse_size(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let (digits, mult) = match s.char_indices().last() {
        Some((i, 'K' | 'k')) => (&s[..i], 1024),
        Some((i, 'M' | 'm')) => (&s[..i], 1024 * 1024),
        Some((i, 'G' | 'g')) => (&s[..i], 1024 * 1024 * 1024),
        _ => (s, 1),
    };
    let n: usize = digits.parse().map_err(|_| format!("not a size: {s}"))?;
    n.checked_mul(mult).ok_or_else(|| format!("too large: {s}"))
}

fn parse_encoding(label: &str) -> Result<TextEncoding, String> {
    TextEncoding::for_label(label).ok_or_else(|| {
        format!("not an encoding this tool decodes: {label} (WHATWG labels: gbk, gb2312, gb18030, big5, utf-8, utf-16le, utf-16be, …)")
    })
}

fn read_input(path: &PathBuf, limit: usize) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    // Read at most one byte past the limit, so a huge input is refused without being
    // loaded whole.
    let take = (limit as u64).saturating_add(1);
    let result = if path.as_os_str() == "-" {
        std::io::stdin().lock().take(take).read_to_end(&mut buf)
    } else {
        std::fs::File::open(path).and_then(|f| {
            // One allocation of the file's size (growing by doubling would reserve up to
            // twice the input).
            let size = f.metadata().map_or(0, |m| m.len()).min(take);
            buf.reserve_exact(usize::try_from(size).unwrap_or(0));
            f.take(take).read_to_end(&mut buf)
        })
    };
    result.map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(buf)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            json,
            lang,
            format,
            disable,
            rule,
            previous,
            csv,
            summary_csv,
            html,
            jobs,
            no_pairing,
            quiet,
            read,
            files,
        } => {
            let lang = match lang {
                LangArg::Zh => Lang::Zh,
                LangArg::En => Lang::En,
            };
            let mut options = LintOptions { lang, format: Formats::OFFICIAL.named(&format), ..LintOptions::default() };
            for spec in disable.iter().map(String::as_str).chain(rule.iter().map(String::as_str)) {
                if let Err(e) = options.set_rule(spec) {
                    eprintln!("xxgk-lint: {e}");
                    return ExitCode::from(2);
                }
            }
            let read_options = read.options();
            // Directories expand to the reports in them; files are checked on every core, a
            // chunk at a time, and printed in order as soon as their chunk is done: memory stays
            // bounded however many reports an auditor checks.
            let files = xxgk_lint::batch::expand(&files);
            if let Some(path) = &previous {
                if files.len() != 1 {
                    eprintln!("xxgk-lint: --previous is last year's report of one file; give exactly one FILE");
                    return ExitCode::from(2);
                }
                let report = read_input(path, read_options.max_bytes).and_then(|bytes| {
                    recognize_bytes(&bytes, &read_options)
                        .map_err(|e| format!("{}: {}", path.display(), e.render(lang)))
                });
                match report {
                    Ok(r) => options.previous = Some(std::sync::Arc::new(r)),
                    Err(e) => {
                        eprintln!("xxgk-lint: --previous {e}");
                        return ExitCode::from(2);
                    }
                }
            }
            let open = |path: &Option<PathBuf>, make: fn(&std::path::Path, Lang) -> std::io::Result<Table>| {
                path.as_ref().map(|p| make(p, lang).map_err(|e| format!("{}: {e}", p.display()))).transpose()
            };
            let (mut findings_csv, mut summary) =
                match (open(&csv, Table::findings), open(&summary_csv, Table::summary)) {
                    (Ok(f), Ok(s)) => (f, s),
                    (Err(e), _) | (_, Err(e)) => {
                        eprintln!("xxgk-lint: {e}");
                        return ExitCode::from(2);
                    }
                };
            let mut page = match html.as_ref().map(|p| SummaryPage::create(p, lang).map_err(|e| (p, e))).transpose() {
                Ok(page) => page,
                Err((p, e)) => {
                    eprintln!("xxgk-lint: {}: {e}", p.display());
                    return ExitCode::from(2);
                }
            };
            let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs.map_or(0, usize::from)).build();
            let Ok(pool) = pool else {
                eprintln!("xxgk-lint: cannot start the worker threads");
                return ExitCode::from(2);
            };
            // A progress bar on a terminal (files/s, ETA); indicatif draws nothing when stderr
            // is piped or redirected, and --quiet hides it.
            let progress = if quiet || files.len() < 2 {
                indicatif::ProgressBar::hidden()
            } else {
                let bar = indicatif::ProgressBar::new(files.len() as u64);
                if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {per_sec} ETA {eta}") {
                    bar.set_style(style);
                }
                bar
            };
            let mut failed = false;
            let mut any_error = false;
            let mut first = true;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            if json && out.write_all(b"[").is_err() {
                return ExitCode::from(2);
            }
            // Pairing, first pass: each file's organ, year and 表三 fingerprint (a few dozen
            // bytes), and what the cross-year rules read of it as last year's report (a few
            // hundred), so that the second pass reads no file twice.
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let pairing_on = !no_pairing && previous.is_none() && files.len() > 1;
            let (entries, last_years): (Vec<Option<pairing::Entry>>, Vec<Option<std::sync::Arc<Report>>>) =
                if pairing_on {
                    pool.install(|| {
                        xxgk_lint::batch::parallel_map(&files, |file| {
                            let bytes = read_input(file, read_options.max_bytes).ok()?;
                            let report = recognize_bytes(&bytes, &read_options).ok()?;
                            let entry = pairing::entry(&bytes, &report)?;
                            Some((entry, std::sync::Arc::new(previous_part(&report))))
                        })
                    })
                    .into_iter()
                    .map(|first| first.map_or((None, None), |(entry, part)| (Some(entry), Some(part))))
                    .unzip()
                } else {
                    (Vec::new(), Vec::new())
                };
            let pairs = pairing::pair(&entries);
            let indices: Vec<usize> = (0..files.len()).collect();
            // Second pass, 64 files a chunk: with more than one worker thread, chunk k's results
            // are written (JSON, CSVs, the page's data) on this thread while the workers check
            // chunk k + 1; with one (`--jobs 1`), checking and writing take turns. Either way the
            // results are written in the files' order, and at most two chunks of them are alive.
            let overlap = pool.current_num_threads() > 1;
            let check_chunk = |chunk: &[usize]| {
                pool.install(|| {
                    xxgk_lint::batch::parallel_map(chunk, |&i| {
                        // Checked with its organ's report of the year before.
                        let mut with_previous;
                        let mut file_options = &options;
                        if let Some(p) = pairs.previous.get(i).copied().flatten() {
                            if let Some(last) = last_years.get(p).cloned().flatten() {
                                with_previous = options.clone();
                                with_previous.previous = Some(last);
                                file_options = &with_previous;
                            }
                        }
                        let result = read_input(&files[i], read_options.max_bytes).and_then(|bytes| {
                            lint_bytes(&bytes, &read_options, file_options).map_err(|e| e.render(lang))
                        });
                        let result = result.map(|mut r| {
                            if pairing_on {
                                pairing::add_findings(&mut r, i, &entries, &pairs, &names, file_options);
                            }
                            r
                        });
                        progress.inc(1);
                        result
                    })
                })
            };
            // A write error ends the run with status 2.
            struct WriteFailed;
            let write_chunk = |chunk: &[usize], results: Vec<Result<LintReport, String>>| -> Result<(), WriteFailed> {
                for (file, result) in chunk.iter().map(|&i| &files[i]).zip(results) {
                    let mut r = match result {
                        Ok(r) => r,
                        Err(e) => {
                            // read_input's errors name the file already; the reader's do not.
                            let name = file.display().to_string();
                            let why = e.strip_prefix(&format!("{name}: ")).unwrap_or(&e).to_string();
                            eprintln!("xxgk-lint: {name}: {why}");
                            if let Some(s) = summary.as_mut() {
                                s.write_unreadable(&name, &why).map_err(|_| WriteFailed)?;
                            }
                            if let Some(p) = page.as_mut() {
                                p.add_unreadable(&name, &why).map_err(|_| WriteFailed)?;
                            }
                            failed = true;
                            continue;
                        }
                    };
                    r.file = Some(file.display().to_string());
                    any_error |= r.summary.errors > 0;
                    let tables = (findings_csv.as_mut().map(|t| t.write_findings(&r, lang)))
                        .into_iter()
                        .chain(summary.as_mut().map(|t| t.write_summary(&r, lang)))
                        .chain(page.as_mut().map(|p| p.add(&r)));
                    tables.collect::<std::io::Result<Vec<()>>>().map_err(|_| WriteFailed)?;
                    let text = if json {
                        let body = serde_json::to_string_pretty(&r).unwrap_or_default();
                        format!("{}\n{}", if first { "" } else { "," }, body)
                    } else {
                        format!("{}{}", if first { "" } else { "\n" }, render_human(&r, lang))
                    };
                    first = false;
                    out.write_all(text.as_bytes()).map_err(|_| WriteFailed)?;
                }
                Ok(())
            };
            if xxgk_lint::batch::pipeline(&indices, 64, overlap, check_chunk, write_chunk).is_err() {
                return ExitCode::from(2);
            }
            progress.finish_and_clear();
            if json && out.write_all(b"\n]\n").is_err() {
                return ExitCode::from(2);
            }
            if out.flush().is_err() {
                return ExitCode::from(2);
            }
            for t in [findings_csv, summary].into_iter().flatten() {
                if let Err(e) = t.finish() {
                    eprintln!("xxgk-lint: {e}");
                    return ExitCode::from(2);
                }
            }
            if let (Some(p), Some(path)) = (page, &html) {
                if let Err(e) = p.finish() {
                    eprintln!("xxgk-lint: {}: {e}", path.display());
                    return ExitCode::from(2);
                }
            }
            if failed {
                ExitCode::from(2)
            } else if any_error {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Rules { lang, json, explain, markdown, docs_json } => {
            let lang = match lang {
                LangArg::Zh => Lang::Zh,
                LangArg::En => Lang::En,
            };
            let out = if let Some(id) = explain {
                match xxgk_lint::rules::explain(&id, lang) {
                    Some(doc) => doc,
                    None => {
                        eprintln!("xxgk-lint: unknown rule “{id}”; `xxgk-lint rules` lists them");
                        return ExitCode::from(2);
                    }
                }
            } else if markdown {
                xxgk_lint::rules::markdown()
            } else if docs_json {
                xxgk_lint::rules::docs_json()
            } else if json {
                let list: Vec<serde_json::Value> = RULES
                    .iter()
                    .map(|r| serde_json::json!({"id": r.id, "severity": r.severity, "description": r.summary(lang)}))
                    .collect();
                serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
            } else {
                RULES.iter().map(|r| format!("{:<20} {:<8} {}\n", r.id, r.severity.as_str(), r.summary(lang))).collect()
            };
            if std::io::stdout().lock().write_all(out.as_bytes()).is_err() {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Command::Tables { read, html: _, csv, json, apply_fixes, lang, file } => {
            let lang = match lang {
                LangArg::Zh => Lang::Zh,
                LangArg::En => Lang::En,
            };
            let options = read.options();
            let Some(bytes) = read_file_bytes(&file, &options) else { return ExitCode::from(2) };
            let report = match lint_bytes(&bytes, &options, &LintOptions { lang, ..LintOptions::default() }) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("xxgk-lint: {}: {}", file.display(), e.render(lang));
                    return ExitCode::from(2);
                }
            };
            let shape = if json {
                TablesShape::Json
            } else if csv {
                TablesShape::Csv
            } else {
                TablesShape::Html
            };
            let text = print_tables(&report, apply_fixes, shape, lang);
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            }
        }
        Command::Recognize { read, file } => {
            let options = read.options();
            let Some(bytes) = read_file_bytes(&file, &options) else { return ExitCode::from(2) };
            let Some(read) = read_bytes_of(&file, &bytes, &options) else { return ExitCode::from(2) };
            let report = xxgk_lint::recognize::recognize(&read.document);
            let mut json = serde_json::to_value(&report).unwrap_or_default();
            file_spans(&mut json, read.decoded.as_ref());
            println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Command::Dump { json, records, pdf_pages, read, file } => {
            let options = read.options();
            let Some(bytes) = read_file_bytes(&file, &options) else { return ExitCode::from(2) };
            if pdf_pages {
                return dump_pdf_pages(&file, &bytes);
            }
            if records {
                return match xxgk_lint::read::docx::docx_records(&bytes) {
                    Ok(r) => {
                        let v = serde_json::json!({"nodes": r.nodes, "strings": r.strings, "file": r.file});
                        match writeln!(std::io::stdout().lock(), "{v}") {
                            Ok(()) => ExitCode::SUCCESS,
                            Err(_) => ExitCode::from(2),
                        }
                    }
                    Err(e) => {
                        eprintln!("xxgk-lint: {}: {e}", file.display());
                        ExitCode::from(2)
                    }
                };
            }
            let Some(read) = read_bytes_of(&file, &bytes, &options) else { return ExitCode::from(2) };
            let out = if json {
                let mut json = serde_json::to_value(&read.document).unwrap_or_default();
                file_spans(&mut json, read.decoded.as_ref());
                serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
            } else {
                dump_text(&read.document, read.decoded.as_ref())
            };
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(out.as_bytes()).is_err() {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
    }
}

/// Read a file (or standard input), or say why not.
/// `dump --pdf-pages`: the pages as JSON, one text run, segment or rectangle a line.
#[cfg_attr(not(feature = "pdf"), allow(unused_variables))]
fn dump_pdf_pages(file: &std::path::Path, bytes: &[u8]) -> ExitCode {
    #[cfg(feature = "pdf")]
    {
        use xxgk_lint::read::pdf::{pdf_pages, PdfLimits};
        let pages = match pdf_pages(bytes, &PdfLimits::default()) {
            Ok(pages) => pages,
            Err(e) => {
                eprintln!("xxgk-lint: {}: {e}", file.display());
                return ExitCode::from(2);
            }
        };
        fn json<T: serde::Serialize>(value: &T) -> String {
            serde_json::to_string(value).unwrap_or_default()
        }
        let mut out = String::from("[\n");
        for (i, page) in pages.iter().enumerate() {
            let items = |values: Vec<String>| values.join(",\n    ");
            out += &format!(
                " {{\"number\": {}, \"width\": {}, \"height\": {},\n  \"texts\": [\n    {}],\n  \"lines\": [\n    {}],\n  \"rects\": [\n    {}]}}{}\n",
                page.number,
                json(&page.width),
                json(&page.height),
                items(page.texts.iter().map(json).collect()),
                items(page.lines.iter().map(json).collect()),
                items(page.rects.iter().map(json).collect()),
                if i + 1 < pages.len() { "," } else { "" }
            );
        }
        out += "]\n";
        if std::io::stdout().lock().write_all(out.as_bytes()).is_err() {
            return ExitCode::from(2);
        }
        ExitCode::SUCCESS
    }
    #[cfg(not(feature = "pdf"))]
    {
        eprintln!("xxgk-lint: {}: this build reads no PDF (built without the `pdf` feature)", file.display());
        ExitCode::from(2)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TablesShape {
    Html,
    Csv,
    Json,
}

/// `tables`: the report's statutory tables rebuilt in the official layout of its year's
/// revision (`render::tables::report_rebuilt_table`, the package's `tableHtml`).
fn print_tables(report: &xxgk_lint::LintReport, apply_fixes: bool, shape: TablesShape, lang: Lang) -> String {
    use xxgk_lint::render::{escape_html, tables::report_rebuilt_table};
    let rebuilt: Vec<(&str, xxgk_lint::render::tables::Rebuilt)> = ["二", "三", "四"]
        .into_iter()
        .filter_map(|t| Some((t, report_rebuilt_table(report, t, apply_fixes, Formats::OFFICIAL)?)))
        .collect();
    match shape {
        TablesShape::Html => {
            let mut out = String::from("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>");
            out.push_str(&escape_html(report.title.as_deref().unwrap_or("")));
            out.push_str("</title></head><body>\n");
            for (t, table) in &rebuilt {
                out.push_str(&format!("<h2>{}</h2>\n{}\n", escape_html(report.titles.of(Some(t))), table.html()));
            }
            out.push_str("</body></html>\n");
            out
        }
        TablesShape::Csv => {
            let mut w = csv::Writer::from_writer(Vec::from(&b"\xEF\xBB\xBF"[..]));
            let _ = w.write_record(xxgk_lint::tabular::TABLES_HEADER.iter().map(|m| m.template(lang)));
            for (t, table) in &rebuilt {
                for ((group, row), values) in table.spec.rows().zip(&table.values) {
                    for (column, value) in group.columns.iter().zip(values) {
                        let record = [*t, table.format, row.label, &column.qualified_label(), value.unwrap_or("")];
                        let _ = w.write_record(record);
                    }
                }
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        TablesShape::Json => {
            let mut tables = serde_json::Map::new();
            for (t, table) in &rebuilt {
                let rows: Vec<serde_json::Value> = table
                    .spec
                    .rows()
                    .zip(&table.values)
                    .map(|((group, row), values)| {
                        let values: serde_json::Map<String, serde_json::Value> = group
                            .columns
                            .iter()
                            .zip(values)
                            .map(|(c, v)| (c.qualified_label(), v.map_or(serde_json::Value::Null, |v| v.into())))
                            .collect();
                        serde_json::json!({ "row": (!row.label.is_empty()).then_some(row.label), "values": values })
                    })
                    .collect();
                tables.insert(t.to_string(), serde_json::json!({ "format": table.format, "rows": rows }));
            }
            let mut out = serde_json::to_string_pretty(&tables).unwrap_or_default();
            out.push('\n');
            out
        }
    }
}

fn read_file_bytes(file: &PathBuf, options: &ReadOptions) -> Option<Vec<u8>> {
    read_input(file, options.max_bytes).map_err(|e| eprintln!("xxgk-lint: {e}")).ok()
}

/// Read a file's bytes (a Word file, or text decoded), or say why not.
fn read_bytes_of<'b>(file: &std::path::Path, bytes: &'b [u8], options: &ReadOptions) -> Option<FileRead<'b>> {
    read_file(bytes, options).map_err(|e| eprintln!("xxgk-lint: {}: {e}", file.display())).ok()
}

/// Every `"span": [start, end]` in the JSON of a document or a recognised report — offsets in
/// the decoded text — as byte offsets in the file, all mapped in one pass: every span the
/// command line prints is a byte range in the file as given.
fn file_spans(json: &mut serde_json::Value, decoded: Option<&Decoded>) {
    // A Word file's spans count paragraphs: nothing to map.
    let Some(decoded) = decoded else { return };
    fn collect<'v>(value: &'v mut serde_json::Value, spans: &mut Vec<&'v mut Vec<serde_json::Value>>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    if key == "span" && v.as_array().is_some_and(|pair| pair.len() == 2) {
                        if let serde_json::Value::Array(pair) = v {
                            spans.push(pair);
                        }
                    } else {
                        collect(v, spans);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| collect(v, spans)),
            _ => {}
        }
    }
    let mut spans = Vec::new();
    collect(json, &mut spans);
    let mut offsets: Vec<usize> =
        spans.iter().flat_map(|pair| pair.iter().map(|n| n.as_u64().unwrap_or(0) as usize)).collect();
    decoded.file_offsets(&mut offsets);
    for (pair, mapped) in spans.into_iter().zip(offsets.chunks_exact(2)) {
        *pair = vec![mapped[0].into(), mapped[1].into()];
    }
}

/// A human-readable dump: one line per paragraph, tables as grids.
fn dump_text(doc: &Document, decoded: Option<&Decoded>) -> String {
    let block_span = |block: &Block| match block {
        Block::Paragraph(p) => p.span,
        Block::Table(t) => t.span,
    };
    let mut offsets: Vec<usize> = doc.blocks.iter().map(block_span).flat_map(|s| [s.start, s.end]).collect();
    if let Some(decoded) = decoded {
        decoded.file_offsets(&mut offsets);
    }
    let mut out = String::new();
    for (block, span) in doc.blocks.iter().zip(offsets.chunks_exact(2).map(|s| Span::new(s[0], s[1]))) {
        match block {
            Block::Paragraph(p) => out.push_str(&format!("¶ [{}..{}] {}\n", span.start, span.end, p.text)),
            Block::Table(t) => {
                out.push_str(&format!(
                    "▦ table {} [{}..{}] {} × {}\n",
                    t.index,
                    span.start,
                    span.end,
                    t.grid.height(),
                    t.grid.width()
                ));
                for row in t.grid_texts() {
                    let cells: Vec<&str> = row.iter().map(|c| c.unwrap_or("·")).collect();
                    out.push_str(&format!("  | {} |\n", cells.join(" | ")));
                }
            }
        }
    }
    for n in &doc.notes {
        out.push_str(&format!("note: {}\n", n.message));
    }
    out
}
