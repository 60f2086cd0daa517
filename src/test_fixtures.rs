//! The real text reports of `tests/fixtures` (`.txt` and `.md`, not the corpus list), read
//! into `Document`s for the unit tests that hold a fast path against the form it replaced
//! on every paragraph of them.

use crate::document::Document;

/// Calls `f` with each text fixture's input and its `Document`, in directory order.
pub(crate) fn for_each_text_fixture(mut f: impl FnMut(&str, &Document)) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !(name.ends_with(".txt") || name.ends_with(".md")) || name == "CORPUS.md" {
            continue;
        }
        let input = std::fs::read_to_string(&path).unwrap();
        let doc = crate::read::read_file(input.as_bytes(), &Default::default()).unwrap().document;
        f(&input, &doc);
    }
}
