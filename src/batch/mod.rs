//! Checking many reports at once (auditors checking thousands of published reports): expand
//! directories, and check files on every core, keeping the order of the inputs.

pub mod page;
pub mod pairing;

use std::path::{Path, PathBuf};

/// Expand directories (recursively, sorted) into the report files in them, told by their
/// content ([`is_report_file`]), not their names; files and `-` are kept as given. The walk
/// (walkdir) follows no symbolic link, so a link back up the tree cannot loop it.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && is_report_file(e.path()))
                .map(walkdir::DirEntry::into_path)
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Is this file, found in a directory, a report to check? A Word document (a ZIP archive
/// holding `word/document.xml`), a PDF, or text or HTML — in any encoding — that speaks of
/// 信息公开 or an annual report near its start. Old binary and password-protected Office
/// files are picked up too, so that the check says why it cannot read them rather than
/// passing them over in silence. Images, style sheets, scripts and other files a saved site
/// carries are not. Only the first 64 KB are read.
pub fn is_report_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(HEAD);
    let read = std::fs::File::open(path).and_then(|f| f.take(HEAD as u64).read_to_end(&mut head));
    if read.is_err() {
        return false;
    }
    match crate::read::sniff::sniff(&head) {
        Ok(crate::read::sniff::Sniffed::Zip) => head.windows(17).any(|w| w == b"word/document.xml"),
        Ok(crate::read::sniff::Sniffed::Pdf) => true,
        Ok(crate::read::sniff::Sniffed::Text) => {
            let options = crate::read::ReadOptions::default();
            crate::read::decode::decode(&head, &options).is_ok_and(|d| REPORT_WORDS.iter().any(|w| d.text.contains(w)))
        }
        Err(crate::read::ReadError::OldOffice { .. } | crate::read::ReadError::Encrypted) => true,
        Err(_) => false,
    }
}

/// How much of a file [`is_report_file`] reads.
const HEAD: usize = 64 * 1024;

/// Words one of which a report's first 64 KB holds (its title, its first paragraph).
const REPORT_WORDS: [&str; 4] = ["信息公开", "年度报告", "年报", "政务公开"];

/// Run `work` on every item on the current rayon pool (every core, or `--jobs`); results
/// come back in the items' order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(&work).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let out = parallel_map(&items, |x| x * 2);
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert_eq!(parallel_map(&Vec::<u64>::new(), |x| *x), Vec::<u64>::new());
    }

    #[test]
    fn directories_expand_to_their_reports_sorted() {
        let files = expand(&[PathBuf::from("tests/fixtures")]);
        assert!(files.iter().any(|f| f.ends_with("xizou-2019.txt")));
        assert!(files.iter().any(|f| f.ends_with("clipboard/word-xizou-2019.html")));
        assert!(files.windows(2).all(|w| w[0] <= w[1]));
        assert!(!files.iter().any(|f| f.extension().is_some_and(|e| e == "png")));
        // By content: Word files are picked up (an old binary one too, to be refused with the
        // reason rather than passed over in silence).
        assert!(files.iter().any(|f| f.ends_with("docx/template-2021.wps.docx")));
        assert!(files.iter().any(|f| f.ends_with("docx/pingtan-2022.doc")));
    }

    #[test]
    fn a_report_is_told_by_its_content_not_its_name() {
        let dir = std::env::temp_dir().join(format!("xxgk-batch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let files = [
            ("报告", std::fs::read("tests/fixtures/docx/pingtan-2022.wps-template-filled.docx").unwrap(), true),
            ("page.bin", std::fs::read("tests/fixtures/xizou-2019.txt").unwrap(), true),
            ("style.css", b"body { color: red }".to_vec(), false),
            ("logo.txt", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec(), false),
            ("book.zip", b"PK\x03\x04\x14\0\0\0\0\0xl/workbook.xml".to_vec(), false),
        ];
        for (name, bytes, _) in &files {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        let found = expand(std::slice::from_ref(&dir));
        for (name, _, report) in &files {
            assert_eq!(found.contains(&dir.join(name)), *report, "{name}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A symbolic link back up the tree does not make the walk loop (or count files twice).
    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_not_followed() {
        let dir = std::env::temp_dir().join(format!("xxgk-loop-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::copy("tests/fixtures/xizou-2019.txt", dir.join("sub/report.txt")).unwrap();
        let _ = std::os::unix::fs::symlink(&dir, dir.join("sub/up"));
        assert_eq!(expand(std::slice::from_ref(&dir)), [dir.join("sub/report.txt")]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
