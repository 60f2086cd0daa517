//! The pseudo rules: not rules over a report, but the IDs a finding's `rule` holds when the
//! input could not be checked at all — it cannot be read, or the options are wrong, or the
//! checker failed. The JS API then returns a report with that one error instead of throwing,
//! so a page that only counts errors still refuses to publish; the command line prints the
//! same message to standard error and exits with status 2. Made in `src/wasm.rs` (from
//! [`crate::read::ReadError`] and the options), and in `js/core.js` (INTERNAL-ERROR) and
//! `js/decode.js` (INPUT-ENCODING); the test `js_uses_only_catalogued_ids` holds the JavaScript
//! to this list.

use crate::diagnostic::Severity;
use crate::rules::Rule;

declare_rules! {
    /// ## What it checks
    /// The input holds nothing to check: only whitespace, a Word file without a paragraph, or a
    /// PDF without a line of text.
    ///
    /// ## Why
    /// A report cannot be checked before it is written; an empty paste is a mistake, not a
    /// clean report, so it is an error (a page that counts errors does not publish it).
    ///
    /// ## Example
    /// An empty editor, or a paste of nothing but spaces and line breaks. Paste or choose the
    /// report itself.
    ///
    /// ## 检查内容
    /// 输入中没有可检查的内容：只有空白，Word 文件没有任何段落，或 PDF 中没有一行文字。
    ///
    /// ## 依据
    /// 报告尚未填写时无从检查；空白的输入是操作失误，不是没有问题的报告，因此作为错误报告（统计错误数的页面不会发布它）。
    ///
    /// ## 示例
    /// 编辑区为空，或粘贴的内容只有空格和换行。请粘贴或选择报告本身。
    pub const INPUT_EMPTY: Rule = Rule {
        id: "INPUT-EMPTY",
        severity: Severity::Error,
        summary_zh: "输入为空",
        summary_en: english!("The input is empty"),
    };

    /// ## What it checks
    /// The input is larger than the limit: 20 MB by default, `--max-size` on the command line,
    /// `maxSize` (bytes) in the JS options.
    ///
    /// ## Why
    /// A report is a few dozen kilobytes of text, or a few megabytes as a Word file or PDF with
    /// pictures; an input far larger is almost certainly something else (a whole site, an
    /// archive), and reading it would hold the page or the batch for nothing.
    ///
    /// ## Example
    /// A 300 MB file. If it really is one report, raise the limit (`--max-size 500M`,
    /// `{ maxSize: 500e6 }`).
    ///
    /// ## 检查内容
    /// 输入超过大小上限：默认 20 MB，命令行用 `--max-size`，JS 选项用 `maxSize`（字节）设置。
    ///
    /// ## 依据
    /// 一份年报的文字只有几十 KB，Word 或带图片的 PDF 也不过几 MB；远超于此的输入几乎总是别的东西（整个网站、压缩包），读取它只会白白占住页面或批量检查。
    ///
    /// ## 示例
    /// 一个 300 MB 的文件。若确实是一份报告，请提高上限（`--max-size 500M`，`{ maxSize: 500e6 }`）。
    pub const INPUT_TOO_LARGE: Rule = Rule {
        id: "INPUT-TOO-LARGE",
        severity: Severity::Error,
        summary_zh: "输入超过大小上限",
        summary_en: english!("The input is over the size limit"),
    };

    /// ## What it checks
    /// The input is not text nor a document this build reads: an image, an archive that is not
    /// a Word file, an executable, or bytes full of control characters.
    ///
    /// ## Why
    /// Reading such bytes as text would give garbage findings; the message says what the input
    /// looks like instead.
    ///
    /// ## Example
    /// A `.png` screenshot of the report's tables, or a `.rar` of several reports. Check the
    /// report's Word file, PDF or text instead (a scan has no text to check).
    ///
    /// ## 检查内容
    /// 输入既不是文本，也不是本版本能读取的文档：图片、不是 Word 文件的压缩包、可执行文件，或满是控制字符的数据。
    ///
    /// ## 依据
    /// 把这类数据当文本读取只会得到无意义的结果；提示会说明输入看起来是什么。
    ///
    /// ## 示例
    /// 报告表格的 `.png` 截图，或打包了几份报告的 `.rar`。请改为检查报告的 Word 文件、PDF 或文字（扫描件没有可检查的文字）。
    pub const INPUT_BINARY: Rule = Rule {
        id: "INPUT-BINARY",
        severity: Severity::Error,
        summary_zh: "输入不是文本或可读取的文档",
        summary_en: english!("The input is not text nor a document that can be read"),
    };

    /// ## What it checks
    /// HTML was handed as a string to the browser build's module, which reads HTML only from
    /// the page's DOM (the page's own parser is used; the module carries none).
    ///
    /// ## Why
    /// Keeping an HTML parser out of the browser module keeps the download small; the
    /// package's `lint()` parses an HTML string with `DOMParser` itself, so only a direct call
    /// of the module's `lintText` meets this.
    ///
    /// ## Example
    /// `glue.lintText('<table>…</table>')` in a browser. Call `lint(html)` or
    /// `lintElement(element)` of the package instead.
    ///
    /// ## 检查内容
    /// 以字符串形式把 HTML 交给了浏览器版的模块，而该模块只从页面的 DOM 读取 HTML（用页面自己的解析器，模块中不含解析器）。
    ///
    /// ## 依据
    /// 浏览器版模块不带 HTML 解析器，下载更小；npm 包的 `lint()` 会自行用 `DOMParser` 解析 HTML 字符串，只有直接调用模块的 `lintText` 才会遇到此错误。
    ///
    /// ## 示例
    /// 在浏览器中调用 `glue.lintText('<table>…</table>')`。请改用 npm 包的 `lint(html)` 或 `lintElement(element)`。
    pub const INPUT_HTML: Rule = Rule {
        id: "INPUT-HTML",
        severity: Severity::Error,
        summary_zh: "此版本须由页面解析 HTML",
        summary_en: english!("This build reads HTML from the page's DOM, not from a string"),
    };

    /// ## What it checks
    /// A PDF that cannot be read: a scan with no text layer, a damaged or password-protected
    /// PDF, one with too many pages; in a browser, a PDF when `lintFile` was given no
    /// `options.pdfjs`; in a build without the PDF reader, any PDF.
    ///
    /// ## Why
    /// The tables are read from the PDF's text and rulings; without text there are no numbers
    /// to check, and guessing them (OCR) would turn misreadings into false errors.
    ///
    /// ## Example
    /// A report printed, signed and scanned back to PDF. Check the Word file or the text it was
    /// made from, or the PDF exported from Word.
    ///
    /// ## 检查内容
    /// 无法读取的 PDF：没有文字层的扫描件，损坏或加密的 PDF，页数过多的 PDF；在浏览器中调用 `lintFile` 而未提供 `options.pdfjs`；或不含 PDF 读取器的版本遇到任何 PDF。
    ///
    /// ## 依据
    /// 表格是从 PDF 的文字和表格线中读出的；没有文字就没有可核对的数字，而猜测（OCR）会把识别错误变成误报。
    ///
    /// ## 示例
    /// 打印、盖章后又扫描成 PDF 的报告。请检查原来的 Word 文件或文字，或由 Word 导出的 PDF。
    pub const INPUT_PDF: Rule = Rule {
        id: "INPUT-PDF",
        severity: Severity::Error,
        summary_zh: "无法读取该 PDF",
        summary_en: english!("The PDF cannot be read"),
    };

    /// ## What it checks
    /// An old binary Office file: Word 97–2003 `.doc`, WPS's `.wps`, Excel's `.xls`.
    ///
    /// ## Why
    /// These binary formats are not read (their text is scattered over the file); every
    /// version of Word and WPS saves the same document as `.docx`, which is.
    ///
    /// ## Example
    /// `年报.doc`. Open it in Word or WPS, save it as `.docx` (另存为 → Word 文档), and check that.
    ///
    /// ## 检查内容
    /// 旧版二进制 Office 文件：Word 97–2003 的 `.doc`、WPS 的 `.wps`、Excel 的 `.xls`。
    ///
    /// ## 依据
    /// 这些二进制格式不予读取（文字分散在文件各处）；Word 和 WPS 的各个版本都能把同一文档另存为可读取的 `.docx`。
    ///
    /// ## 示例
    /// `年报.doc`。请用 Word 或 WPS 打开，另存为 `.docx`（另存为 → Word 文档）后再检查。
    pub const INPUT_OLD_OFFICE: Rule = Rule {
        id: "INPUT-OLD-OFFICE",
        severity: Severity::Error,
        summary_zh: "不支持旧版二进制 Office 格式（.doc、.wps、.xls）",
        summary_en: english!("An old binary Office file (.doc, .wps, .xls) cannot be read"),
    };

    /// ## What it checks
    /// A password-protected Word (or other Office) document.
    ///
    /// ## Why
    /// Its content is encrypted: it cannot be read without the password, which the checker
    /// never asks for.
    ///
    /// ## Example
    /// A `.docx` that asks for a password when opened. Save a copy without the password (文件 →
    /// 信息 → 保护文档) and check that copy.
    ///
    /// ## 检查内容
    /// 设置了打开密码的 Word（或其他 Office）文档。
    ///
    /// ## 依据
    /// 文档内容已加密，没有密码无法读取，而本工具不会索要密码。
    ///
    /// ## 示例
    /// 打开时要求输入密码的 `.docx`。请另存一份不带密码的副本（文件 → 信息 → 保护文档）再检查。
    pub const INPUT_ENCRYPTED: Rule = Rule {
        id: "INPUT-ENCRYPTED",
        severity: Severity::Error,
        summary_zh: "文档已加密",
        summary_en: english!("The document is password-protected"),
    };

    /// ## What it checks
    /// A ZIP archive that cannot be read as a Word document: another kind of Office file
    /// (`.xlsx`, `.pptx`), a damaged archive, one that would inflate beyond the limits; in a
    /// browser without `DecompressionStream('deflate-raw')`, any `.docx`.
    ///
    /// ## Why
    /// A `.docx` is a ZIP archive of XML parts; when the parts cannot be taken out and read
    /// whole, checking part of them would miss or invent findings.
    ///
    /// ## Example
    /// A `.docx` cut short by a failed upload. Save the document again from Word or WPS and
    /// check the new file.
    ///
    /// ## 检查内容
    /// 无法作为 Word 文档读取的 ZIP 压缩包：其他类型的 Office 文件（`.xlsx`、`.pptx`），损坏的压缩包，解压后超出限制的文件；或不支持 `DecompressionStream('deflate-raw')` 的浏览器中的任何 `.docx`。
    ///
    /// ## 依据
    /// `.docx` 是由若干 XML 部件组成的 ZIP 压缩包；部件无法完整取出时，只检查其中一部分会漏报或误报。
    ///
    /// ## 示例
    /// 上传中断、被截断的 `.docx`。请用 Word 或 WPS 重新保存文档后检查新文件。
    pub const INPUT_DOCX: Rule = Rule {
        id: "INPUT-DOCX",
        severity: Severity::Error,
        summary_zh: "无法读取该 Word 文档",
        summary_en: english!("The file cannot be read as a Word document"),
    };

    /// ## What it checks
    /// A text or HTML file whose bytes do not decode in the encoding declared (BOM,
    /// `<meta charset>`), given (`--encoding`, `options.encoding`) or detected: many malformed
    /// sequences, or an encoding browsers refuse. The message says what was tried and what fits.
    ///
    /// ## Why
    /// Text decoded in the wrong encoding is mojibake; its labels and numbers would give
    /// nothing but false findings.
    ///
    /// ## Example
    /// A GBK page saved with `<meta charset="utf-8">`. Check it with `--encoding gbk` (or
    /// `{ encoding: 'gbk' }`), or fix the declaration.
    ///
    /// ## 检查内容
    /// 文本或 HTML 文件的字节无法按声明的（BOM、`<meta charset>`）、指定的（`--encoding`、`options.encoding`）或检测出的编码解码：大量非法字节序列，或是浏览器拒绝的编码。提示会说明尝试了什么编码、哪种编码更合适。
    ///
    /// ## 依据
    /// 以错误编码解码的文字是乱码，其中的标签和数字只会带来误报。
    ///
    /// ## 示例
    /// 声明为 `<meta charset="utf-8">` 而实际是 GBK 的网页。请用 `--encoding gbk`（或 `{ encoding: 'gbk' }`）检查，或改正声明。
    pub const INPUT_ENCODING: Rule = Rule {
        id: "INPUT-ENCODING",
        severity: Severity::Error,
        summary_zh: "无法识别文件编码",
        summary_en: english!("The file's text cannot be decoded"),
    };

    /// ## What it checks
    /// What the package's JavaScript handed to the module — a page's DOM, a Word file's
    /// records, a PDF's pages — is malformed.
    ///
    /// ## Why
    /// The JavaScript and the module of one package version agree on that structure; a
    /// mismatch is a bug (or a module of another version), and is reported rather than guessed
    /// through.
    ///
    /// ## Example
    /// A page that loads `xxgk_lint_bg.wasm` of one version with the JavaScript of another.
    /// Serve the package's files together, from one version; if it persists, report it.
    ///
    /// ## 检查内容
    /// npm 包的 JavaScript 交给模块的数据（页面的 DOM、Word 文件的记录、PDF 的页面）格式有误。
    ///
    /// ## 依据
    /// 同一版本的 JavaScript 与模块对这些数据的结构是一致的；不一致说明有缺陷（或混用了不同版本的模块），应报告而不是猜测着读下去。
    ///
    /// ## 示例
    /// 页面加载了某一版本的 `xxgk_lint_bg.wasm`，却配了另一版本的 JavaScript。请使用同一版本的全部文件；若仍出现，请反馈。
    pub const INPUT_DOM: Rule = Rule {
        id: "INPUT-DOM",
        severity: Severity::Error,
        summary_zh: "页面交给模块的数据格式有误",
        summary_en: english!("The DOM, records or pages handed to the module are malformed"),
    };

    /// ## What it checks
    /// Only in browsers, and only for a moment: a report whose tables did not come as table
    /// cells — a text paste, text copied from a PDF or a web page, a table section without a
    /// table — was given to the package before its second module, the one that reads such
    /// tables, had loaded. The package starts loading it at once; `lintFile`, the editor
    /// adapters and the demo page wait for it and check again, and `lint`/`lintElement` give
    /// this report (with `pending: 'text'`) until it is there. `init({ text: true })` loads it
    /// up front.
    ///
    /// ## Why
    /// The module a page loads first reads tables from cells only, which keeps it small; the
    /// readers for tables as text (plain and flattened text, a PDF's geometry, a Word file's
    /// records) are in a second module, loaded when a report needs them. Checking without them
    /// would report the tables as missing. It is an error so that a report not yet checked is
    /// not published as if it were clean.
    ///
    /// ## Example
    /// Pasting a `pdftotext` extraction into the demo page right after it opened: this
    /// report, then, a moment later, the report's own findings.
    ///
    /// ## 检查内容
    /// 仅在浏览器中短暂出现：报告的表格不是以表格单元格给出的（粘贴的纯文本、从 PDF 或网页复制的文字、表格一节没有表格），而读取这类表格的第二个模块尚未加载完成。npm 包会立即开始加载它；`lintFile`、编辑器插件和演示页面会等待加载完成后重新检查，`lint`/`lintElement` 在加载完成前返回此结果（带有 `pending: 'text'`）。`init({ text: true })` 可预先加载。
    ///
    /// ## 依据
    /// 页面首先加载的模块只从单元格读取表格，因而体积小；以文字形式出现的表格（纯文本、扁平化文字、PDF 的版面、Word 文件的记录）由第二个模块读取，在报告需要时才加载。缺少它检查，会把表格误报为缺失。作为错误报告，是为了不让尚未检查的报告被当作没有问题而发布。
    ///
    /// ## 示例
    /// 演示页面刚打开时粘贴一份 `pdftotext` 提取的文字：先得到此结果，片刻之后得到报告本身的检查结果。
    pub const TEXT_READERS_LOADING: Rule = Rule {
        id: "TEXT-READERS-LOADING",
        severity: Severity::Error,
        summary_zh: "读取文字表格的模块正在加载",
        summary_en: english!("The module that reads tables given as text is loading"),
    };

    /// ## What it checks
    /// The options of a JS call are wrong: an unknown rule or severity in `rules`, an unknown
    /// `format` or `encoding`, a `maxSize` that is not a number of bytes, a `previous` report
    /// that cannot be read. (The command line refuses the same mistakes with exit status 2.)
    ///
    /// ## Why
    /// Checking with options other than those asked for would give a report the caller did
    /// not ask for; the message names the option.
    ///
    /// ## Example
    /// `lint(html, { rules: { 'CELL-BLANKS': 'off' } })` — a misspelt rule. `rules()` lists the
    /// IDs: `{ rules: { 'CELL-BLANK': 'off' } }`.
    ///
    /// ## 检查内容
    /// JS 调用的选项有误：`rules` 中有未知的规则或级别，未知的 `format` 或 `encoding`，`maxSize` 不是字节数，或 `previous`（上年报告）无法读取。（命令行对同样的错误以退出码 2 拒绝。）
    ///
    /// ## 依据
    /// 用与所要求不同的选项检查，得到的不是调用方要的结果；提示会指出是哪个选项。
    ///
    /// ## 示例
    /// `lint(html, { rules: { 'CELL-BLANKS': 'off' } })`：规则名拼错。`rules()` 列出全部规则名：`{ rules: { 'CELL-BLANK': 'off' } }`。
    pub const OPTIONS: Rule = Rule {
        id: "OPTIONS",
        severity: Severity::Error,
        summary_zh: "选项有误",
        summary_en: english!("The options are wrong"),
    };

    /// ## What it checks
    /// The checker itself failed on this input (the WebAssembly module trapped). The package
    /// starts a fresh module, so the page keeps working, and returns this error instead of
    /// throwing.
    ///
    /// ## Why
    /// It must not happen: it is a bug in xxgk-lint, not in the report. It is an error so that
    /// a report that was never checked is not published as if it were clean.
    ///
    /// ## Example
    /// Any input that makes the module fail. Please report it with the input (the message
    /// carries the module's reason).
    ///
    /// ## 检查内容
    /// 检查程序本身在此输入上出错（WebAssembly 模块异常终止）。npm 包会重新启动模块，页面可以继续使用，并返回此错误而不是抛出异常。
    ///
    /// ## 依据
    /// 这不应发生：是 xxgk-lint 的缺陷，不是报告的问题。作为错误报告，是为了不让一份未经检查的报告被当作没有问题而发布。
    ///
    /// ## 示例
    /// 任何使模块出错的输入。请连同输入一起反馈（提示中带有模块给出的原因）。
    pub const INTERNAL_ERROR: Rule = Rule {
        id: "INTERNAL-ERROR",
        severity: Severity::Error,
        summary_zh: "检查程序内部出错",
        summary_en: english!("xxgk-lint failed on this input"),
    };
}

/// Every pseudo rule, apart from the rules over a report ([`crate::rules::RULES`]): they are
/// not run and cannot be configured.
pub const INPUT_RULES: &[&Rule] = &[
    &INPUT_EMPTY,
    &INPUT_TOO_LARGE,
    &INPUT_BINARY,
    &INPUT_HTML,
    &INPUT_PDF,
    &INPUT_OLD_OFFICE,
    &INPUT_ENCRYPTED,
    &INPUT_DOCX,
    &INPUT_ENCODING,
    &INPUT_DOM,
    &TEXT_READERS_LOADING,
    &OPTIONS,
    &INTERNAL_ERROR,
];

#[cfg(test)]
mod tests {
    use super::INPUT_RULES;

    /// The ids the package's JavaScript makes (`errorReport('INTERNAL-ERROR', …)`, `kind:
    /// 'INPUT-ENCODING'`) are catalogued here.
    #[test]
    fn js_uses_only_catalogued_ids() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("js");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("js/") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "js") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            for (i, _) in text.match_indices("errorReport('").chain(text.match_indices("kind: '")) {
                let rest = &text[i..];
                let id = rest.split('\'').nth(1).unwrap_or("");
                assert!(INPUT_RULES.iter().any(|r| r.id == id), "{}: {id} is not in INPUT_RULES", path.display());
                seen += 1;
            }
        }
        assert!(seen >= 2, "the test finds the ids the JavaScript makes");
    }
}
