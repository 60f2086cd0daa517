//! A Word document's main XML, walked into records, read into a Document and checked:
//! never a panic, whatever the XML (the archive around it is the `lint` target's).
#![no_main]
use libfuzzer_sys::fuzz_target;
use xxgk_lint::read::docx::{records, wordml};
use xxgk_lint::{lint_document, LintOptions, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let xml = String::from_utf8_lossy(data);
    let sources = wordml::Sources { document: &xml, numbering: None, styles: None, comments: None };
    if let Ok(r) = wordml::translate(&sources) {
        if let Ok(doc) = records::document(&r, &ReadOptions::default()) {
            let _ = lint_document(&doc, &LintOptions::default());
        }
    }
});
