use super::*;

#[cfg(feature = "encodings")]
fn options(label: Option<&str>) -> ReadOptions {
    ReadOptions { encoding: label.map(|l| TextEncoding::for_label(l).unwrap()), ..ReadOptions::default() }
}

fn decode_default(bytes: &[u8]) -> Result<Decoded<'_>, ReadError> {
    decode(bytes, &ReadOptions::default())
}

/// Every character boundary of the text, mapped into the file, against the same characters
/// walked from the start of the file without checkpoints.
fn assert_offsets_exact(decoded: &Decoded, bytes: &[u8]) {
    let Offsets::Checkpoints { body, skip, encoding, .. } = &decoded.offsets else {
        return;
    };
    let mut expected = vec![(0, *skip)];
    let mut at = 0;
    codec::walk(*encoding, body, true, &mut |len, end| {
        at += len;
        expected.push((at, end + skip));
    });
    assert_eq!(at, decoded.text.len(), "the walk covers the text");
    let mut offsets: Vec<usize> = expected.iter().map(|&(t, _)| t).rev().collect();
    decoded.file_offsets(&mut offsets);
    offsets.reverse();
    for (i, (&(t, f), got)) in expected.iter().zip(&offsets).enumerate() {
        // Where characters come from no bytes of their own (Big5's pairs), any offset
        // between is right; elsewhere the first is.
        if i > 0 && expected[i - 1].1 == f {
            continue;
        }
        assert_eq!(*got, f, "text offset {t}");
    }
    assert!(offsets.last().copied().unwrap_or(0) <= bytes.len());
}

#[test]
fn utf8_is_borrowed_and_offsets_are_identity() {
    let d = decode_default("一、总体情况".as_bytes()).unwrap();
    assert!(matches!(d.text, Cow::Borrowed(_)));
    assert_eq!((d.encoding, d.file_offset(3)), ("UTF-8", 3));
    let d = decode_default("\u{feff}一、总体情况".as_bytes()).unwrap();
    assert!(matches!(d.text, Cow::Borrowed("一、总体情况")));
    assert_eq!(d.file_offset(0), 3);
}

#[test]
fn byte_order_marks_decide() {
    let mut le = vec![0xFF, 0xFE];
    le.extend("一、总体情况 😀".encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend("一、总体情况 😀".encode_utf16().flat_map(u16::to_be_bytes));
    for (bytes, name) in [(&le, "UTF-16LE"), (&be, "UTF-16BE")] {
        let d = decode_default(bytes).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("一、总体情况 😀", name));
        // "总" is the third character: bytes 2 + 2 × 2 of the file.
        assert_eq!(d.file_offset("一、".len()), 6);
        assert_eq!(d.file_offset(d.text.len()), bytes.len());
        assert_offsets_exact(&d, bytes);
    }
    // A BOM wins over --encoding, with a note.
    #[cfg(feature = "encodings")]
    {
        let d = decode(&le, &options(Some("gbk"))).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.notes[0].kind, NoteKind::EncodingOverruled);
    }
}

#[test]
fn utf16_errors_are_the_whatwg_ones() {
    // Lone high surrogate before a BMP unit, lone low surrogate, odd byte at the end.
    let bytes = [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x00, 0xDC, 0x42, 0x00, 0x43];
    let d = decode_default(&bytes).unwrap();
    assert_eq!(d.text, "\u{FFFD}A\u{FFFD}B\u{FFFD}");
    #[cfg(feature = "encodings")]
    assert_eq!(encoding_rs::UTF_16LE.decode_without_bom_handling(&bytes[2..]).0, d.text);
    assert_offsets_exact(&d, &bytes);
}

#[test]
fn damaged_utf8_is_read_with_replacements_and_mapped_exactly() {
    let mut bytes = "一、总体情况\n".repeat(40).into_bytes();
    bytes.splice(19..19, [0xFF, 0xE4, 0xB8]);
    let d = decode_default(&bytes).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.notes[0].kind, NoteKind::LossyDecoding);
    assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
    assert_offsets_exact(&d, &bytes);
}

#[cfg(feature = "encodings")]
mod legacy {
    use super::*;

    /// A pseudo-random generator, so the tests need no crate.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u32 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) as u32
        }
    }

    /// Bytes with long runs free of newlines, lead bytes, digits and the odd stray byte: the
    /// pieces between checkpoints are long and malformed sequences fall across them.
    fn noisy(seed: u64, len: usize) -> Vec<u8> {
        let mut r = Lcg(seed);
        (0..len)
            .map(|_| match r.next() % 100 {
                0 => b'\n',
                1..=10 => b'0' + (r.next() % 10) as u8,
                11..=20 => b'A' + (r.next() % 26) as u8,
                _ => 0x80 + (r.next() % 128) as u8,
            })
            .collect()
    }

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(s).0.into_owned()
    }

    #[test]
    fn undeclared_gbk_is_detected_as_gb18030() {
        let bytes = gbk(&"一、总体情况\n本机关主动公开政府信息。\n".repeat(20));
        let d = decode_default(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.starts_with("一、总体情况"));
        assert!(d.notes.is_empty());
        assert_offsets_exact(&d, &bytes);
    }

    #[test]
    fn gbk_with_a_few_bad_bytes_is_still_gb18030() {
        // chardetng rules GBK out on one malformed byte; GB18030 is tried next.
        let mut bytes = gbk(&"一、总体情况\n本机关主动公开政府信息。\n".repeat(20));
        bytes.insert(30, 0xFF);
        let d = decode_default(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.notes[0].kind, NoteKind::LossyDecoding);
        assert_offsets_exact(&d, &bytes);
    }

    #[test]
    fn a_declaration_is_followed_and_the_label_resolved() {
        let mut bytes = b"<html><head><meta charset=gb2312></head><body><p>".to_vec();
        bytes.extend(gbk("一、总体情况"));
        let d = decode_default(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.ends_with("<p>一、总体情况"));
        // The UTF-8 BOM wins over the declaration.
        let mut bom = b"\xEF\xBB\xBF<meta charset=gb2312><p>".to_vec();
        bom.extend("一、总体情况".as_bytes());
        let d = decode_default(&bom).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.notes[0].message.contains("charset=gb2312"), "{:?}", d.notes);
        // Browsers refuse HZ-GB-2312.
        let err = decode_default(b"<meta charset=hz-gb-2312><p>~{<:Ky2;S{#,~}").unwrap_err();
        assert!(err.to_string().contains("hz-gb-2312"), "{err}");
    }

    #[test]
    fn the_wrong_encoding_is_an_error_that_says_what_fits() {
        let utf8 = "一、总体情况\n本机关主动公开政府信息。\n".repeat(20).into_bytes();
        let err = decode(&utf8, &options(Some("gbk"))).unwrap_err().to_string();
        assert!(err.contains("read as GB18030, as --encoding says") && err.contains("valid UTF-8"), "{err}");
        let gbk_bytes = gbk(&"一、总体情况\n本机关主动公开政府信息。\n".repeat(20));
        let err = decode(&gbk_bytes, &options(Some("utf-8"))).unwrap_err().to_string();
        assert!(err.contains("read as UTF-8") && err.contains("try --encoding gb18030"), "{err}");
        let mut declared = b"<meta charset=utf-8>".to_vec();
        declared.extend(&gbk_bytes);
        let err = decode_default(&declared).unwrap_err().to_string();
        assert!(err.contains("as the page declares (charset=utf-8)"), "{err}");
    }

    #[test]
    fn bytes_nothing_decodes_are_an_error() {
        // Chinese UTF-8 with a stray 0xFF after every eighth byte.
        let text = "一、总体情况\n本机关主动公开政府信息。\n".repeat(20).into_bytes();
        let bytes: Vec<u8> = text.chunks(8).flat_map(|c| c.iter().copied().chain([0xFF])).collect();
        let err = decode_default(&bytes).unwrap_err();
        assert!(matches!(err, ReadError::Undecodable { .. }));
        assert!(err.to_string().contains("as UTF-8") && err.to_string().contains("as GB18030"), "{err}");
    }

    #[test]
    fn pieces_decode_as_the_whole_and_map_back_exactly() {
        use encoding_rs::{
            BIG5, EUC_JP, EUC_KR, GB18030, ISO_2022_JP, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252,
        };
        for seed in 0..6 {
            let bytes = noisy(seed, 3 * CHECKPOINT_BYTES + 777);
            for e in [GB18030, BIG5, SHIFT_JIS, EUC_KR, EUC_JP, ISO_2022_JP, WINDOWS_1252, UTF_8, UTF_16LE, UTF_16BE] {
                let encoding = TextEncoding::from_whatwg(e).unwrap();
                let d = decode_measured(&bytes, 0, encoding, measure(encoding, &bytes), Source::Detected, Vec::new());
                assert_eq!(d.text, e.decode_without_bom_handling(&bytes).0, "{} seed {seed}", e.name());
                assert_eq!(measure(encoding, &bytes).text_len, d.text.len());
                assert_offsets_exact(&d, &bytes);
            }
        }
    }

    #[test]
    fn malformed_gb18030_maps_each_character_to_its_own_bytes() {
        // A lead before ASCII; a four-byte start broken at its third and fourth byte; a
        // lone 0xFF; the euro byte; a lead cut off by the end of the file.
        let bytes = b"\x81 \x810 \x810\x81 \x810\x81A\xFF\x80\xD6\xD0\x95\x32\x82\x36\x81";
        let d = decode(bytes, &options(Some("gb18030"))).unwrap();
        assert_eq!(d.text, encoding_rs::GB18030.decode_without_bom_handling(bytes).0);
        // The same literal is in tests/js/decode.test.mjs: TextDecoder agrees.
        assert_eq!(d.text, "\u{FFFD} \u{FFFD}0 \u{FFFD}0\u{FFFD} \u{FFFD}0\u{4E04}\u{FFFD}€中\u{20000}\u{FFFD}");
        let mut bounds: Vec<usize> = d.text.char_indices().map(|(i, _)| i).chain([d.text.len()]).collect();
        d.file_offsets(&mut bounds);
        // Each character's bytes, decoded alone, give that character.
        for (c, w) in d.text.chars().zip(bounds.windows(2)) {
            let alone = encoding_rs::GB18030.decode_without_bom_handling(&bytes[w[0]..w[1]]).0;
            assert_eq!(alone, c.to_string(), "{c:?} at {w:?}");
        }
        assert_offsets_exact(&d, bytes);
    }

    #[test]
    fn four_byte_sequences_without_a_checkpoint_map_in_linear_time() {
        // 2 MB of U+10000 and on: no byte in it ends a piece, so there is one checkpoint.
        let bytes: Vec<u8> =
            (0..512 * 1024).flat_map(|i| [0x95, 0x32, 0x82 + (i % 100 / 10) as u8, 0x30 + (i % 10) as u8]).collect();
        let d = decode(&bytes, &options(Some("gb18030"))).unwrap();
        let started = std::time::Instant::now();
        let mut all: Vec<usize> = (0..=d.text.len()).step_by(4 * 997).collect();
        d.file_offsets(&mut all);
        assert!(all.windows(2).all(|w| w[1] - w[0] == 4 * 997), "one four-byte sequence per character");
        assert!(started.elapsed().as_secs() < 10);
    }
}

#[test]
fn utf8_validation_agrees_with_std_on_every_fixture_and_on_damaged_bytes() {
    // Every fixture file: UTF-8 pages and texts, GBK and Big5 pages, .docx and .pdf files.
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                inputs.push(std::fs::read(path).unwrap());
            }
        }
    }
    // Every kind of damage at every position of a short text, and at a block's edges.
    let text = "一、总体情况 2024年 主动公开 ".repeat(8).into_bytes();
    for at in 0..text.len() {
        for bad in [0x80, 0xC0, 0xE4, 0xF5, 0xFF] {
            let mut b = text.clone();
            b[at] = bad;
            inputs.push(b);
        }
        inputs.push(text[..at].to_vec());
    }
    for bytes in &inputs {
        assert_eq!(super::utf8(bytes), std::str::from_utf8(bytes).ok());
    }
}
