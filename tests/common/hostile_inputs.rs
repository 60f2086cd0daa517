//! The hostile inputs, shared by the suite (`tests/hostile.rs`, generous time bounds) and the
//! benchmark (`benches/hostile.rs`, real time and peak memory against the targets: ≤ 1 s and
//! ≤ 256 MB natively).

/// colspan=99999 × rowspan=99999 cells, fifty rows of them.
pub fn giant_spans() -> String {
    let mut html = String::from("<table>");
    for _ in 0..50 {
        html.push_str("<tr><td colspan=99999 rowspan=99999>x</td><td>1</td></tr>");
    }
    html.push_str("</table>");
    html
}

/// Ten thousand one-row tables with a 表三 label.
pub fn ten_thousand_tables() -> String {
    (0..10_000).map(|i| format!("<table><tr><td>本年新收</td><td>{i}</td></tr></table>")).collect()
}

/// The element kinds nested 100 000 deep.
pub const NESTED_TAGS: [&str; 8] = ["div", "span", "blockquote", "ul", "b", "a", "font", "table"];

/// 100 000 nested `<tag>` elements around one character.
pub fn nested(tag: &str) -> String {
    format!("{}x{}", format!("<{tag}>").repeat(100_000), format!("</{tag}>").repeat(100_000))
}

/// A 50 MB paste of headings.
pub fn fifty_megabytes() -> String {
    "<p>一、总体情况</p>".repeat(50 * 1024 * 1024 / 26)
}

/// NUL bytes, invalid UTF-8 and an encoded surrogate.
pub fn nul_and_invalid_utf8() -> Vec<u8> {
    let mut bytes = "<p>一、总体情况</p>\0\0<table><tr><td>\0</td></tr></table>".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0xed, 0xa0, 0x80]);
    bytes
}

/// 20 MB of GB18030 four-byte sequences (characters outside the BMP) in one line, undeclared:
/// detected, decoded to 20 MB of UTF-8, and no byte in it where decoding could checkpoint.
pub fn gb18030_four_byte_sequences() -> Vec<u8> {
    (0..5_000_000u32)
        .flat_map(|i| [0x95, 0x32 + (i % 7) as u8, 0x82 + (i / 10 % 100) as u8, 0x30 + (i % 10) as u8])
        .collect()
}

/// What a JS string with lone surrogates becomes on its way into Rust (U+FFFD).
pub fn replacement_characters() -> String {
    "一、总体情况\u{fffd}\u{fffd}\n表三\u{fffd}".to_string()
}

/// Excel's 表三 clipboard table, twenty times over.
pub fn table_three_twenty_times(excel_table3: &str) -> String {
    excel_table3.repeat(20)
}

/// The seed report with labels in Traditional characters, full-width Latin and Cyrillic.
pub fn wrong_script(seed: &str) -> String {
    seed.replace("予以公开", "予以公開").replace("总计", "ＴＯＴＡＬ").replace("本年新收", "Бнсш")
}

/// The seed report with a 30-digit and a 40-digit number in its cells.
pub fn absurd_numbers(seed: &str) -> String {
    seed.replacen("\t3\n", "\t999999999999999999999999999999\n", 1).replacen(
        "\t0\n",
        "\t9999999999999999999999999999999999999999\n",
        1,
    )
}

/// Deterministic random bytes biased towards markup and digits (round `round` of 200).
pub fn random_bytes(x: &mut u64, round: usize) -> Vec<u8> {
    let len = (round * 97) % 4096;
    (0..len)
        .map(|_| {
            *x ^= *x << 13;
            *x ^= *x >> 7;
            *x ^= *x << 17;
            const ALPHABET: &[u8] = b"<>/tdrp\"= 0123456789\n\t|";
            ALPHABET[(*x % ALPHABET.len() as u64) as usize]
        })
        .collect()
}

/// A `.docx`-shaped ZIP archive of these parts, deflated.
pub fn docx_archive(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file(*name, options).expect("zip");
        zip.write_all(bytes).expect("zip");
    }
    zip.finish().expect("zip").into_inner()
}

/// The package relationships naming `word/document.xml` as the main document.
pub const DOCX_RELS: &[u8] = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A zip bomb: a Word document whose main part inflates to 1 GB of spaces (about 1 MB deflated),
/// written a megabyte at a time (the gigabyte is never in memory, in the benchmark either).
pub fn docx_zip_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    zip.start_file("_rels/.rels", options).expect("zip");
    zip.write_all(DOCX_RELS).expect("zip");
    zip.start_file("word/document.xml", options).expect("zip");
    zip.write_all(br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#)
        .expect("zip");
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..1024 {
        zip.write_all(&spaces).expect("zip");
    }
    zip.finish().expect("zip").into_inner()
}

/// A Word document nested 100 000 content controls deep around one paragraph (refused as XML
/// nested deeper than a browser's parser takes, 5 000 levels).
pub fn docx_deep_nesting() -> Vec<u8> {
    let open = "<w:sdt><w:sdtContent>".repeat(100_000);
    let close = "</w:sdtContent></w:sdt>".repeat(100_000);
    let xml = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{open}<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>{close}</w:body></w:document>"#
    );
    docx_archive(&[("_rels/.rels", DOCX_RELS), ("word/document.xml", xml.as_bytes())])
}
