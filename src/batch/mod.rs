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

/// Check `items` a chunk of `size` at a time with `check` and hand each chunk's results, in
/// the items' order, to `write`; stop at `write`'s first error and return it.
///
/// With `overlap`, `check` runs on a thread of its own (which hands the work to the worker pool)
/// while the calling thread writes: chunk k is written while chunk k + 1 is checked. The handover
/// is a rendezvous (a channel of capacity zero), so at most two chunks' results are alive at once:
/// the one being written and the one checked next, held until the writer takes it. Without
/// `overlap` (one worker thread), chunks are checked and written in turn on the calling thread,
/// as before. If `check` panics, the chunks before it are written and the panic is then resumed
/// on the calling thread with its own payload — as `parallel_map` (rayon) resumes a worker's
/// panic on the thread that waits for it; an error of `write` before that wins, as it would in
/// turn (the later chunk would not have been checked).
pub fn pipeline<T: Sync, R: Send, E>(
    items: &[T],
    size: usize,
    overlap: bool,
    check: impl Fn(&[T]) -> Vec<R> + Sync,
    mut write: impl FnMut(&[T], Vec<R>) -> Result<(), E>,
) -> Result<(), E> {
    let size = size.max(1);
    if !overlap {
        return items.chunks(size).try_for_each(|chunk| write(chunk, check(chunk)));
    }
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<R>>(0);
        let check = &check;
        let checker = std::thread::Builder::new().name("xxgk-check".into()).spawn_scoped(scope, move || {
            for chunk in items.chunks(size) {
                // The writer has gone (it met an error): stop checking.
                if tx.send(check(chunk)).is_err() {
                    break;
                }
            }
        });
        let Ok(checker) = checker else {
            // No thread to be had: check and write in turn.
            return items.chunks(size).try_for_each(|chunk| write(chunk, check(chunk)));
        };
        let mut written = Ok(());
        for (chunk, results) in items.chunks(size).zip(rx.iter()) {
            written = write(chunk, results);
            if written.is_err() {
                break;
            }
        }
        // The checker stops at its next handover (or has stopped: all done, or panicked).
        drop(rx);
        let joined = checker.join();
        written?;
        if let Err(panic) = joined {
            std::panic::resume_unwind(panic);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipeline_writes_every_chunk_in_order_with_or_without_overlap() {
        let items: Vec<u32> = (0..1000).collect();
        for overlap in [false, true] {
            for size in [1, 7, 64, 1000, 5000] {
                let mut seen = Vec::new();
                let done: Result<(), ()> = pipeline(
                    &items,
                    size,
                    overlap,
                    |chunk| chunk.iter().map(|x| x * 3).collect(),
                    |chunk, results| {
                        assert_eq!(chunk.len(), results.len());
                        assert!(chunk.len() <= size);
                        seen.extend(chunk.iter().copied().zip(results));
                        Ok(())
                    },
                );
                assert_eq!(done, Ok(()));
                assert_eq!(seen, items.iter().map(|&x| (x, x * 3)).collect::<Vec<_>>());
            }
            let none = pipeline(&[] as &[u32], 64, overlap, |_| Vec::<u32>::new(), |_, _| Err(()));
            assert_eq!(none, Ok(()));
        }
    }

    /// At most two chunks' results are alive: the one being written and the next one checked.
    #[test]
    fn a_pipeline_checks_at_most_one_chunk_ahead() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<u32> = (0..100).collect();
        let checked = AtomicUsize::new(0);
        let mut written = 0;
        let done: Result<(), ()> = pipeline(
            &items,
            10,
            true,
            |chunk| {
                checked.fetch_add(1, Ordering::SeqCst);
                chunk.to_vec()
            },
            |_, _| {
                // Give the checker time to run ahead if it could.
                std::thread::sleep(std::time::Duration::from_millis(5));
                written += 1;
                let ahead = checked.load(Ordering::SeqCst) - written;
                assert!(ahead <= 1, "{ahead} chunks checked ahead of the writer");
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        assert_eq!(written, 10);
    }

    /// The writer's error stops the run (and the checker); a panic in `check` comes back to the
    /// caller with its payload after the chunks before it are written.
    #[test]
    fn a_pipeline_stops_at_an_error_and_resumes_a_panic() {
        let items: Vec<u32> = (0..100).collect();
        for overlap in [false, true] {
            let mut writes = 0;
            let done = pipeline(
                &items,
                10,
                overlap,
                |chunk| chunk.to_vec(),
                |chunk, _| {
                    writes += 1;
                    if chunk[0] == 30 {
                        Err("disk full")
                    } else {
                        Ok(())
                    }
                },
            );
            assert_eq!((done, writes), (Err("disk full"), 4));

            let mut written = Vec::new();
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                pipeline(
                    &items,
                    10,
                    overlap,
                    |chunk| {
                        if chunk[0] == 50 {
                            std::panic::panic_any(42_u32);
                        }
                        chunk.to_vec()
                    },
                    |chunk, _| -> Result<(), ()> {
                        written.push(chunk[0]);
                        Ok(())
                    },
                )
            }));
            let payload = caught.expect_err("the panic comes back");
            assert_eq!(payload.downcast_ref::<u32>(), Some(&42));
            assert_eq!(written, [0, 10, 20, 30, 40]);
        }
    }

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
