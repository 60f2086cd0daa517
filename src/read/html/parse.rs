//! html5ever → [`Tree`], keeping byte offsets.
//!
//! html5ever reports no byte offsets, so the driver ([`parse`]) feeds the input in pieces
//! split at every `<` and `>`: a tag arrives whole in one piece and text between tags in
//! another. While a piece is being parsed the sink knows its byte range, so every element
//! created gets the offset of the tag that opened it and every text node the range of its
//! text; a final pass gives every element its end. The tree itself is exactly html5ever's,
//! i.e. the browser's.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, Attribute, ParseOpts, QualName};

use super::tree::{NodeData, NodeId, Tree, DOCUMENT};

/// The piece of input being parsed right now.
#[derive(Clone, Copy, Default)]
struct Piece {
    start: u32,
    end: u32,
    /// Start of the most recent piece that began with `<`: a start tag whose `>` sits in
    /// a later piece (inside a quoted attribute) still gets its own start.
    tag_start: u32,
    /// The piece is (the start of) a tag.
    is_tag: bool,
}

/// A node handle: the index plus the element's name, so html5ever can ask for names
/// without borrowing the tree. (Names are atoms: cloning one copies a word.)
#[derive(Clone)]
pub struct Handle {
    id: NodeId,
    name: QualName,
}

struct Sink<'a> {
    tree: RefCell<Tree<'a>>,
    piece: Cell<Piece>,
    /// Where in the current text piece the text not yet given to a node starts: text
    /// that is found verbatim there is not copied.
    cursor: Cell<u32>,
}

impl<'a> Sink<'a> {
    fn new(input: &'a str) -> Self {
        let mut tree = Tree::new(input);
        // About one node per 40–70 bytes of pasted HTML; the tree grows by a quarter
        // when that is not enough.
        tree.nodes.reserve_exact(input.len() / 64);
        Sink { tree: RefCell::new(tree), piece: Cell::new(Piece::default()), cursor: Cell::new(0) }
    }

    fn handle(&self, id: NodeId) -> Handle {
        Handle { id, name: QualName::new(None, html5ever::ns!(), html5ever::local_name!("")) }
    }

    /// Append text to an existing text node (merging as the DOM does), or make one.
    fn text_node(&self, merge_into: Option<NodeId>, text: &StrTendril) -> Option<NodeId> {
        let p = self.piece.get();
        let mut tree = self.tree.borrow_mut();
        if p.is_tag {
            return tree.push_text(merge_into, text, None, p.tag_start, p.tag_start);
        }
        let cursor = self.cursor.get();
        let rest = tree.source.as_bytes().get(cursor as usize..p.end as usize).unwrap_or_default();
        let at = rest.starts_with(text.as_bytes()).then(|| {
            self.cursor.set(cursor + text.len() as u32);
            cursor
        });
        tree.push_text(merge_into, text, at, p.start, p.end)
    }
}

impl TreeSink for Sink<'_> {
    type Handle = Handle;
    type Output = Self;
    type ElemName<'b>
        = &'b QualName
    where
        Self: 'b;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.handle(DOCUMENT)
    }

    fn elem_name<'b>(&'b self, target: &'b Handle) -> &'b QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let p = self.piece.get();
        let html = name.ns == html5ever::ns!(html);
        let mut tree = self.tree.borrow_mut();
        let attrs = attrs.iter().map(|a| (&*a.name.local, &*a.value));
        let id = tree.new_element(&name.local, html, attrs, p.tag_start, p.end);
        if flags.template {
            // Template contents are a separate fragment; nothing in them is shown.
            let _ = tree.new_node(NodeData::Other, p.tag_start, p.tag_start);
        }
        Handle { id, name }
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        let p = self.piece.get();
        let id = self.tree.borrow_mut().new_node(
            NodeData::Comment { phantom_row_marker: text.contains("supportMisalignedColumns") },
            p.tag_start,
            p.end,
        );
        self.handle(id)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        let p = self.piece.get();
        let id = self.tree.borrow_mut().new_node(NodeData::Other, p.tag_start, p.end);
        self.handle(id)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(n) => self.tree.borrow_mut().append_child(parent.id, n.id),
            NodeOrText::AppendText(text) => {
                let last = self.tree.borrow().nodes[parent.id].last_child.get();
                if let Some(t) = self.text_node(last, &text) {
                    self.tree.borrow_mut().append_child(parent.id, t);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Handle, prev_element: &Handle, child: NodeOrText<Handle>) {
        if self.tree.borrow().nodes[element.id].parent.get().is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        // create_element made the contents node right after the template element.
        self.handle(target.id + 1)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.tree.borrow_mut().quirks = mode == QuirksMode::Quirks;
    }

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(n) => self.tree.borrow_mut().insert_before(sibling.id, n.id),
            NodeOrText::AppendText(text) => {
                let prev = self.tree.borrow().nodes[sibling.id].prev_sibling.get();
                if let Some(t) = self.text_node(prev, &text) {
                    self.tree.borrow_mut().insert_before(sibling.id, t);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let attrs = attrs.iter().map(|a| (&*a.name.local, &*a.value));
        self.tree.borrow_mut().add_attrs_if_missing(target.id, attrs);
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.tree.borrow_mut().remove(target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut tree = self.tree.borrow_mut();
        while let Some(c) = tree.nodes[node.id].first_child.get() {
            tree.append_child(new_parent.id, c);
        }
    }
}

/// How much of the input is copied into html5ever's buffers at a time. The parser is fed
/// pieces of a chunk; a chunk is freed once parsed, so the input is never copied whole.
const CHUNK: usize = 64 * 1024;

/// Parse `input` as a whole HTML document, as a browser's `DOMParser` would (scripting
/// disabled), keeping byte offsets. Text that is verbatim in `input` is not copied: the
/// tree borrows it.
///
/// Offsets are `u32`: inputs of 4 GiB or more are cut there (the reader refuses anything
/// near that size long before).
pub fn parse(input: &str) -> Tree<'_> {
    let mut cut = input.len().min(u32::MAX as usize);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    let input = &input[..cut];
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
        ..Default::default()
    };
    let mut parser = parse_document(Sink::new(input), opts);
    let bytes = input.as_bytes();
    let (mut chunk, mut chunk_start, mut chunk_end) = (StrTendril::new(), 0usize, 0usize);
    let mut pos = 0usize;
    let mut tag_start = 0usize;
    while pos < bytes.len() {
        let is_tag = bytes[pos] == b'<';
        let end = if is_tag {
            // Up to and including the next '>' (or the end).
            memchr::memchr(b'>', &bytes[pos + 1..]).map_or(bytes.len(), |i| pos + 1 + i + 1)
        } else {
            memchr::memchr(b'<', &bytes[pos..]).map_or(bytes.len(), |i| pos + i)
        };
        if is_tag {
            tag_start = pos;
        }
        if end > chunk_end {
            // A new chunk from here: CHUNK bytes, or this whole piece if longer. Pieces end
            // at `<`, `>` or the end: character boundaries.
            let mut e = (pos + CHUNK).min(bytes.len());
            while !input.is_char_boundary(e) {
                e -= 1;
            }
            (chunk_start, chunk_end) = (pos, e.max(end));
            chunk = StrTendril::from_slice(&input[chunk_start..chunk_end]);
        }
        let sink = &parser.tokenizer.sink.sink;
        sink.piece.set(Piece { start: pos as u32, end: end as u32, tag_start: tag_start as u32, is_tag });
        if !is_tag {
            sink.cursor.set(pos as u32);
        }
        parser.process(chunk.subtendril((pos - chunk_start) as u32, (end - pos) as u32));
        pos = end;
    }
    drop(chunk);
    let end = pos as u32;
    parser.tokenizer.sink.sink.piece.set(Piece { start: end, end, tag_start: end, is_tag: false });
    parser.tokenizer.sink.sink.cursor.set(end);
    let mut tree = parser.finish().tree.into_inner();
    // Give back what the last growth reserved (a shrink in place, not a copy).
    tree.nodes.shrink_to_fit();
    close_elements(&mut tree);
    tree.number_tables();
    tree
}

/// Give every element its end: the end of the last thing in it (or of its start tag),
/// extended over its own end tag when one follows there. Elements start out ending at
/// their start tag's `>`; this runs once, bottom-up (post-order), without recursion or a
/// list of nodes.
fn close_elements(tree: &mut Tree<'_>) {
    let bytes = tree.source.as_bytes();
    let mut cur = Some(tree.first_in_post_order(DOCUMENT, |_| false));
    while let Some(id) = cur {
        let closed = tree.element_name(id).map(|name| {
            let last_child_end = tree.nodes[id].last_child.get().map(|c| tree.nodes[c].end);
            let mut end = tree.nodes[id].end.max(last_child_end.unwrap_or(0)) as usize;
            // `</name` (any case, then optional spaces) right here closes the element.
            let rest = &bytes[end.min(bytes.len())..];
            let name = name.as_bytes();
            if rest.len() > name.len() + 2 && rest[..2] == *b"</" && rest[2..2 + name.len()].eq_ignore_ascii_case(name)
            {
                let after = &rest[2 + name.len()..];
                if matches!(after.first(), Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
                    if let Some(gt) = memchr::memchr(b'>', after) {
                        end += 2 + name.len() + gt + 1;
                    }
                }
            }
            end as u32
        });
        if let Some(end) = closed {
            tree.nodes[id].end = end;
        }
        cur = tree.next_in_post_order(id, DOCUMENT, |_| false);
    }
}
