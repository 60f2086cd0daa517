//! The native PDF extractor and the layout on any bytes: pages or a refusal, never a panic,
//! within the extractor's limits.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xxgk_lint::read::pdf::{layout::read_pages, pdf_pages, PdfLimits};
use xxgk_lint::ReadOptions;

fuzz_target!(|data: &[u8]| {
    if let Ok(pages) = pdf_pages(data, &PdfLimits::default()) {
        let _ = read_pages(&pages, &ReadOptions::default());
    }
});
