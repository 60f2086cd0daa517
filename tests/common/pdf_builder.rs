//! Small PDFs written with lopdf for the tests: a page drawn just so, or a hostile file
//! (shared by tests/read_pdf_extract.rs and tests/read_pdf.rs).

use lopdf::{dictionary, Document, Object, Stream};

/// A one-font document: `F1` is Helvetica with every width 500 (codes 32–126), `F2` a CID
/// font (Identity-H) whose ToUnicode maps 0001 → 表, 0002 → 三, 0003 → 𝐀 (a surrogate
/// pair), 0010–0019 → 0–9, with widths 1000 (CIDs 1–3) and 500 (16–25). `X1` is a form
/// drawing a 50 pt segment from its origin, with the matrix `[1 0 0 1 100 100]`; `X2` a form
/// drawing itself ten times.
pub fn pdf(contents: &[&[u8]], page: lopdf::Dictionary, compress: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let f1 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "FirstChar" => 32, "Widths" => vec![Object::Integer(500); 95],
    });
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <8868> <0002> <4E09> <0003> <D835DC00> endbfchar
1 beginbfrange <0010> <0019> <0030> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
    let cid = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Song",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
            "DW" => 1000, "W" => vec![1.into(), vec![1000.into(), 1000.into(), 1000.into()].into(), 16.into(), 25.into(), 500.into()],
        });
    let f2 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Song", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid.into()], "ToUnicode" => to_unicode,
    });
    let x1 = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()], "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 100.into()] },
            b"0 0 m 50 0 l S".to_vec(),
        ));
    let x2 = doc.new_object_id();
    doc.objects.insert(
            x2,
            Object::Stream(Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
                    "Resources" => dictionary! { "XObject" => dictionary! { "X2" => x2 } } },
                b"0 0 m 1 1 l S /X2 Do /X2 Do /X2 Do /X2 Do /X2 Do /X2 Do /X2 Do /X2 Do /X2 Do /X2 Do".to_vec(),
            )),
        );
    let resources = dictionary! {
        "Font" => dictionary! { "F1" => f1, "F2" => f2 },
        "XObject" => dictionary! { "X1" => x1, "X2" => x2 },
    };
    let mut kids = Vec::new();
    for content in contents {
        let mut stream = Stream::new(dictionary! {}, content.to_vec());
        if compress {
            stream.compress().unwrap();
        }
        let content_id = doc.add_object(stream);
        let mut dict = page.clone();
        dict.set("Type", "Page");
        dict.set("Parent", pages_id);
        dict.set("Contents", content_id);
        dict.set("Resources", resources.clone());
        if !dict.has(b"MediaBox") {
            dict.set("MediaBox", vec![0.into(), 0.into(), 600.into(), 800.into()]);
        }
        kids.push(doc.add_object(dict).into());
    }
    let count = kids.len() as i64;
    doc.objects
        .insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A one-page PDF whose content stream inflates to `megabytes` MB of spaces (a decompression
/// bomb), deflated a megabyte at a time: the inflated stream is never in memory here.
#[allow(dead_code)]
pub fn flate_bomb(megabytes: usize) -> Vec<u8> {
    use std::io::Write;
    let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..megabytes {
        deflate.write_all(&spaces).expect("deflate");
    }
    let data = deflate.finish().expect("deflate");
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |out: &mut Vec<u8>, body: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    object(&mut out, b"<< /Type /Catalog /Pages 2 0 R >>");
    object(&mut out, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(&mut out, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
    let mut stream = format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", data.len()).into_bytes();
    stream.extend_from_slice(&data);
    stream.extend_from_slice(b"\nendstream");
    object(&mut out, &stream);
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", offsets.len() + 1).as_bytes(),
    );
    out
}

/// A page of 1 200 000 drawing operators (past the extractor's million a page), deflated.
#[allow(dead_code)]
pub fn operator_flood() -> Vec<u8> {
    let content = "0 0 m 1 1 l S\n".repeat(400_000);
    pdf(&[content.as_bytes()], lopdf::Dictionary::new(), true)
}

/// A page ruled like a table of 300 × 300 cells (600 segments crossing 90 000 times) with a
/// number in each of 2 000 cells: the layout's work on the rulings is bounded.
#[allow(dead_code)]
pub fn ruled_page() -> Vec<u8> {
    let mut content = String::new();
    for i in 0..=300 {
        let at = 20.0 + f64::from(i) * 2.5;
        content += &format!("20 {at} m 770 {at} l S {at} 20 m {at} 770 l S\n");
    }
    content += "BT /F1 2 Tf\n";
    for i in 0..2000 {
        let (x, y) = (21.0 + f64::from(i % 299) * 2.5, 21.0 + f64::from(i / 299) * 2.5);
        content += &format!("1 0 0 1 {x} {y} Tm ({}) Tj\n", i % 10);
    }
    content += "ET\n";
    let mut page = lopdf::Dictionary::new();
    page.set("MediaBox", vec![0.into(), 0.into(), 800.into(), 800.into()]);
    pdf(&[content.as_bytes()], page, true)
}
