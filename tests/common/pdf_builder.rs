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
