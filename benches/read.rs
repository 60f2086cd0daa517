//! Reader throughput: html5ever's parse alone (a sink that builds nothing), html5ever parsing
//! into its own reference DOM (`markup5ever_rcdom`, what "parsing with html5ever" usually means), our
//! span-keeping tree, the whole read into a `Document`, and the whole check, on Word-style pastes of about
//! 1 MB (one narrative-heavy, one tag-dense table) and on the corpus portal page.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, Attribute, ParseOpts, QualName};
use xxgk_lint::{read_str, ReadOptions};

/// html5ever with a sink that keeps only element names (the tree builder needs them):
/// the parser's own cost.
struct Noop {
    names: RefCell<Vec<QualName>>,
}

impl TreeSink for Noop {
    type Handle = usize;
    type Output = ();
    type ElemName<'a> = Ref<'a, QualName>;
    fn finish(self) {}
    fn parse_error(&self, _: Cow<'static, str>) {}
    fn get_document(&self) -> usize {
        0
    }
    fn elem_name(&self, h: &usize) -> Ref<'_, QualName> {
        Ref::map(self.names.borrow(), |n| &n[*h])
    }
    fn create_element(&self, name: QualName, _: Vec<Attribute>, _: ElementFlags) -> usize {
        let mut names = self.names.borrow_mut();
        names.push(name);
        names.len() - 1
    }
    fn create_comment(&self, _: StrTendril) -> usize {
        0
    }
    fn create_pi(&self, _: StrTendril, _: StrTendril) -> usize {
        0
    }
    fn append(&self, _: &usize, _: NodeOrText<usize>) {}
    fn append_based_on_parent_node(&self, _: &usize, _: &usize, _: NodeOrText<usize>) {}
    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}
    fn get_template_contents(&self, h: &usize) -> usize {
        *h
    }
    fn same_node(&self, a: &usize, b: &usize) -> bool {
        a == b
    }
    fn set_quirks_mode(&self, _: QuirksMode) {}
    fn append_before_sibling(&self, _: &usize, _: NodeOrText<usize>) {}
    fn add_attrs_if_missing(&self, _: &usize, _: Vec<Attribute>) {}
    fn remove_from_parent(&self, _: &usize) {}
    fn reparent_children(&self, _: &usize, _: &usize) {}
}

fn html5ever_only(input: &str) {
    let sink = Noop { names: RefCell::new(vec![QualName::new(None, html5ever::ns!(), html5ever::local_name!(""))]) };
    parse_document(sink, ParseOpts::default()).one(StrTendril::from_slice(input));
}

/// html5ever parsing into its reference DOM, the tree most html5ever users build.
fn html5ever_rcdom(input: &str) -> markup5ever_rcdom::RcDom {
    parse_document(markup5ever_rcdom::RcDom::default(), ParseOpts::default()).one(StrTendril::from_slice(input))
}

const WORD_HEAD: &str = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\"><head><meta name=Generator content=\"Microsoft Word 15\"><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--><style><!-- p.MsoNormal {mso-style-parent:\"\"; margin:0cm; text-align:justify; font-size:10.5pt; font-family:等线;} --></style></head><body lang=ZH-CN style='tab-interval:21.0pt'><!--StartFragment-->";

/// A narrative-heavy Word paste of about `size` bytes: paragraphs of report prose with
/// Word's spans, `<o:p>` and `mso-` styles.
fn word_narrative(size: usize) -> String {
    let mut s = String::from(WORD_HEAD);
    let mut i = 0;
    while s.len() < size {
        i += 1;
        s.push_str(&format!(
            "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'>（{i}）主动公开情况。<span lang=EN-US>20</span><span lang=EN-US>19</span>年，我镇坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息<span lang=EN-US>646</span>条，其中通过微信公众号发布信息<span lang=EN-US>550</span>余条，通过政务公开平台发布信息<span lang=EN-US>130</span>条，围绕保障民生、深化改革等工作主线，不断提高政务公开的质量和实效。<o:p></o:p></span></p>\n"
        ));
    }
    s.push_str("<!--EndFragment--></body></html>");
    s
}

/// A tag-dense Word paste: 表三-like table rows, one `<td><p><span>` per number.
fn word_tables(size: usize) -> String {
    let mut s = String::from(WORD_HEAD);
    let cell = |v: &str| {
        format!("<td width=57 valign=top style='width:42.5pt;border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt'>{v}<o:p></o:p></span></p></td>")
    };
    while s.len() < size {
        s.push_str("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>");
        for r in 0..26 {
            s.push_str(&format!("<tr style='mso-yfti-irow:{r}'>"));
            s.push_str(&cell("（一）予以公开"));
            for v in 0..7 {
                s.push_str(&cell(&(r * 7 + v).to_string()));
            }
            s.push_str("</tr>");
        }
        s.push_str("<![if !supportMisalignedColumns]><tr height=0><td width=57 style='border:none'></td></tr><![endif]></table>\n");
    }
    s.push_str("<!--EndFragment--></body></html>");
    s
}

fn bench(c: &mut Criterion) {
    let portal = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fujian-pingtan-zonghe-shiyanqu-2022.portal.html"
    ))
    .expect("portal fixture");
    let inputs = [
        ("word-narrative-1MB", word_narrative(1 << 20)),
        ("word-tables-1MB", word_tables(1 << 20)),
        ("portal-page-pingtan-2022", portal),
    ];
    let options = ReadOptions::default();
    for (name, input) in &inputs {
        let mut g = c.benchmark_group(format!("read/{name}"));
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.sample_size(20);
        g.bench_function("html5ever-parse-only", |b| b.iter(|| html5ever_only(black_box(input))));
        g.bench_function("html5ever-rcdom", |b| b.iter(|| html5ever_rcdom(black_box(input))));
        g.bench_function("tree-with-spans", |b| b.iter(|| xxgk_lint::read::html::parse(black_box(input))));
        g.bench_function("read-document", |b| b.iter(|| read_str(black_box(input), &options)));
        g.bench_function("whole-check", |b| {
            b.iter(|| xxgk_lint::lint_str(black_box(input), &options, &xxgk_lint::LintOptions::default()))
        });
        g.finish();
    }
}

/// A Word file of about 100 KB (the 平潭 2022 report, its narrative repeated: 1 MB of XML) and
/// the filled WPS template: unpacking and walking the file into records, reading it into a
/// `Document`, and the whole check; beside it the same report's portal page checked as HTML.
fn bench_docx(c: &mut Criterion) {
    let read = |name: &str| std::fs::read(format!("{}/tests/fixtures/docx/{name}", env!("CARGO_MANIFEST_DIR")));
    let options = ReadOptions::default();
    for name in ["pingtan-2022.long.docx", "pingtan-2022.wps-template-filled.docx"] {
        let bytes = read(name).expect("docx fixture");
        let mut g = c.benchmark_group(format!("docx/{name}"));
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.sample_size(20);
        g.bench_function("records", |b| b.iter(|| xxgk_lint::read::docx::docx_records(black_box(&bytes))));
        g.bench_function("read-document", |b| b.iter(|| xxgk_lint::read_bytes(black_box(&bytes), &options)));
        g.bench_function("whole-check", |b| {
            b.iter(|| xxgk_lint::lint_bytes(black_box(&bytes), &options, &xxgk_lint::LintOptions::default()))
        });
        g.finish();
    }
}

/// PDFs, natively: the three published reports (5 and 6 pages, WPS: one operator per glyph) and
/// the portal page printed by Chromium (7 pages): extracting the pages (lopdf + our content
/// interpreter), reading them into a `Document` by their geometry, and the whole check.
fn bench_pdf(c: &mut Criterion) {
    use xxgk_lint::read::pdf::{layout::read_pages, pdf_pages, PdfLimits};
    let read = |name: &str| std::fs::read(format!("{}/tests/fixtures/pdf/{name}", env!("CARGO_MANIFEST_DIR")));
    let options = ReadOptions::default();
    for name in [
        "jiangsu-huaian-hongze-qu-2023.pdf",
        "jiangsu-huaian-hongze-qu-2024.pdf",
        "jiangsu-huaian-shi-2024.pdf",
        "pingtan-2022.portal.chromium.pdf",
    ] {
        let bytes = read(name).expect("pdf fixture");
        let pages = pdf_pages(&bytes, &PdfLimits::default()).expect("pages");
        let mut g = c.benchmark_group(format!("pdf/{name}"));
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.sample_size(20);
        g.bench_function("extract-pages", |b| b.iter(|| pdf_pages(black_box(&bytes), &PdfLimits::default())));
        g.bench_function("layout", |b| b.iter(|| read_pages(black_box(&pages), &options)));
        g.bench_function("whole-check", |b| {
            b.iter(|| xxgk_lint::lint_bytes(black_box(&bytes), &options, &xxgk_lint::LintOptions::default()))
        });
        g.finish();
    }
}

criterion_group!(benches, bench, bench_docx, bench_pdf);
criterion_main!(benches);
