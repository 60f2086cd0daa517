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
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, Attribute, ParseOpts, QualName};

use super::tree::{element_name, kept_attribute, Link, Node, NodeData, NodeId, TextRef, Tree, DOCUMENT};

/// The piece of input being parsed right now.
#[derive(Clone, Copy, Default)]
struct Piece {
    start: usize,
    end: usize,
    /// Start of the most recent piece that began with `<`: a start tag whose `>` sits in
    /// a later piece (inside a quoted attribute) still gets its own start.
    tag_start: usize,
    /// The piece is (the start of) a tag.
    is_tag: bool,
}

/// A node handle: the index plus the element's name, so html5ever can ask for names
/// without borrowing the arena.
#[derive(Clone)]
pub struct Handle {
    id: NodeId,
    name: Rc<QualName>,
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    texts: RefCell<String>,
    piece: Cell<Piece>,
    no_name: Rc<QualName>,
    quirks: Cell<bool>,
}

impl Sink {
    fn new(input: &str) -> Self {
        Sink {
            nodes: RefCell::new(Tree::new(input.len()).nodes),
            texts: RefCell::new(String::with_capacity(input.len() / 2)),
            piece: Cell::new(Piece::default()),
            quirks: Cell::new(false),
            no_name: Rc::new(QualName::new(None, html5ever::ns!(), html5ever::local_name!(""))),
        }
    }

    fn new_node(&self, data: NodeData, start: usize, end: usize) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data, start, end));
        nodes.len() - 1
    }

    fn handle(&self, id: NodeId) -> Handle {
        Handle { id, name: self.no_name.clone() }
    }

    /// The byte range to give text appended now.
    fn text_range(&self) -> (usize, usize) {
        let p = self.piece.get();
        if p.is_tag {
            (p.tag_start, p.tag_start)
        } else {
            (p.start, p.end)
        }
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id];
            (n.parent.get(), n.prev_sibling.get(), n.next_sibling.get())
        };
        if let Some(p) = prev {
            nodes[p].next_sibling = Link::to(next);
        } else if let Some(par) = parent {
            nodes[par].first_child = Link::to(next);
        }
        if let Some(n) = next {
            nodes[n].prev_sibling = Link::to(prev);
        } else if let Some(par) = parent {
            nodes[par].last_child = Link::to(prev);
        }
        let n = &mut nodes[id];
        n.parent = Link::to(None);
        n.prev_sibling = Link::to(None);
        n.next_sibling = Link::to(None);
    }

    fn append_child(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent].last_child.get();
        nodes[child].parent = Link::to(Some(parent));
        nodes[child].prev_sibling = Link::to(last);
        match last {
            Some(l) => nodes[l].next_sibling = Link::to(Some(child)),
            None => nodes[parent].first_child = Link::to(Some(child)),
        }
        nodes[parent].last_child = Link::to(Some(child));
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        let Some(parent) = nodes[sibling].parent.get() else { return };
        Self::detach(nodes, child);
        let prev = nodes[sibling].prev_sibling.get();
        nodes[child].parent = Link::to(Some(parent));
        nodes[child].prev_sibling = Link::to(prev);
        nodes[child].next_sibling = Link::to(Some(sibling));
        nodes[sibling].prev_sibling = Link::to(Some(child));
        match prev {
            Some(p) => nodes[p].next_sibling = Link::to(Some(child)),
            None => nodes[parent].first_child = Link::to(Some(child)),
        }
    }

    /// Append text to an existing text node (merging as the DOM does), or make one.
    fn text_node(&self, merge_into: Option<NodeId>, text: &StrTendril) -> Option<NodeId> {
        let (start, end) = self.text_range();
        let mut texts = self.texts.borrow_mut();
        if let Some(t) = merge_into {
            let mut nodes = self.nodes.borrow_mut();
            if let NodeData::Text(r) = nodes[t].data {
                let r = if r.end as usize == texts.len() {
                    // The last text written: extend it in place.
                    r.start
                } else {
                    // Rare (text merged out of order): move it to the end first.
                    let old = texts[r.start as usize..r.end as usize].to_string();
                    let s = texts.len() as u32;
                    texts.push_str(&old);
                    s
                };
                texts.push_str(text);
                nodes[t].data = NodeData::Text(TextRef { start: r, end: texts.len() as u32 });
                nodes[t].end = nodes[t].end.max(end);
                return None;
            }
        }
        let s = texts.len() as u32;
        texts.push_str(text);
        let r = TextRef { start: s, end: texts.len() as u32 };
        drop(texts);
        Some(self.new_node(NodeData::Text(r), start, end))
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Tree;
    type ElemName<'b>
        = &'b QualName
    where
        Self: 'b;

    fn finish(self) -> Tree {
        Tree { nodes: self.nodes.into_inner(), texts: self.texts.into_inner(), quirks: self.quirks.get() }
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
        let attrs = attrs.iter().filter_map(|a| Some((kept_attribute(&a.name.local)?, Box::from(&*a.value)))).collect();
        let id = self.new_node(NodeData::Element { name: element_name(&name.local), html, attrs }, p.tag_start, p.end);
        if flags.template {
            // Template contents are a separate fragment; nothing in them is shown.
            let _ = self.new_node(NodeData::Other, p.tag_start, p.tag_start);
        }
        Handle { id, name: Rc::new(name) }
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        let p = self.piece.get();
        let id = self.new_node(
            NodeData::Comment { phantom_row_marker: text.contains("supportMisalignedColumns") },
            p.tag_start,
            p.end,
        );
        self.handle(id)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        let p = self.piece.get();
        let id = self.new_node(NodeData::Other, p.tag_start, p.end);
        self.handle(id)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(n) => Self::append_child(&mut self.nodes.borrow_mut(), parent.id, n.id),
            NodeOrText::AppendText(text) => {
                let last = self.nodes.borrow()[parent.id].last_child.get();
                if let Some(t) = self.text_node(last, &text) {
                    Self::append_child(&mut self.nodes.borrow_mut(), parent.id, t);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Handle, prev_element: &Handle, child: NodeOrText<Handle>) {
        if self.nodes.borrow()[element.id].parent.get().is_some() {
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
        self.quirks.set(mode == QuirksMode::Quirks);
    }

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(n) => Self::insert_before(&mut self.nodes.borrow_mut(), sibling.id, n.id),
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[sibling.id].prev_sibling.get();
                if let Some(t) = self.text_node(prev, &text) {
                    Self::insert_before(&mut self.nodes.borrow_mut(), sibling.id, t);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element { attrs: existing, .. } = &mut nodes[target.id].data {
            for a in attrs {
                let Some(name) = kept_attribute(&a.name.local) else { continue };
                if !existing.iter().any(|(n, _)| *n == name) {
                    existing.push((name, Box::from(&*a.value)));
                }
            }
            let hidden = existing.iter().any(|(n, v)| *n == "hidden" || (*n == "style" && super::hidden_by_style(v)));
            nodes[target.id].hidden |= hidden;
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        Self::detach(&mut self.nodes.borrow_mut(), target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(c) = nodes[node.id].first_child.get() {
            Self::append_child(&mut nodes, new_parent.id, c);
        }
    }
}

/// Parse `input` as a whole HTML document, as a browser's `DOMParser` would (scripting
/// disabled), keeping byte offsets.
pub fn parse(input: &str) -> Tree {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
        ..Default::default()
    };
    let mut parser = parse_document(Sink::new(input), opts);
    let whole = StrTendril::from_slice(input);
    let bytes = input.as_bytes();
    let mut pos = 0usize;
    let mut tag_start = 0usize;
    while pos < bytes.len() {
        let is_tag = bytes[pos] == b'<';
        let end = if is_tag {
            // Up to and including the next '>' (or the end).
            match memchr(b'>', &bytes[pos + 1..]) {
                Some(i) => pos + 1 + i + 1,
                None => bytes.len(),
            }
        } else {
            match memchr(b'<', &bytes[pos..]) {
                Some(i) => pos + i,
                None => bytes.len(),
            }
        };
        if is_tag {
            tag_start = pos;
        }
        parser.tokenizer.sink.sink.piece.set(Piece { start: pos, end, tag_start, is_tag });
        // Offsets fit in u32: the reader refuses inputs anywhere near 4 GiB.
        parser.process(whole.subtendril(pos as u32, (end - pos) as u32));
        pos = end;
    }
    parser.tokenizer.sink.sink.piece.set(Piece { start: pos, end: pos, tag_start: pos, is_tag: false });
    let mut tree = parser.finish();
    close_elements(&mut tree, input);
    tree
}

/// Give every element its end: the end of the last thing in it (or of its start tag),
/// extended over its own end tag when one follows there. Elements start out ending at
/// their start tag's `>`; this runs once, bottom-up, without recursion.
fn close_elements(tree: &mut Tree, input: &str) {
    let mut order = Vec::with_capacity(tree.nodes.len());
    let mut cur = Some(DOCUMENT);
    while let Some(id) = cur {
        order.push(id);
        cur = tree.next_in_order(id, DOCUMENT, true);
    }
    let bytes = input.as_bytes();
    for &id in order.iter().rev() {
        let last_child_end = tree.nodes[id].last_child.get().map(|c| tree.nodes[c].end);
        let node = &mut tree.nodes[id];
        let NodeData::Element { name, .. } = &node.data else { continue };
        let mut end = node.end.max(last_child_end.unwrap_or(0));
        // `</name` (any case, then optional spaces) right here closes the element.
        let rest = &bytes[end.min(bytes.len())..];
        let name = name.as_bytes();
        if rest.len() > name.len() + 2 && rest[..2] == *b"</" && rest[2..2 + name.len()].eq_ignore_ascii_case(name) {
            let after = &rest[2 + name.len()..];
            if matches!(after.first(), Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
                if let Some(gt) = memchr(b'>', after) {
                    end += 2 + name.len() + gt + 1;
                }
            }
        }
        node.end = end;
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}
