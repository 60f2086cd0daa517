//! html5ever → [`Tree`], keeping byte offsets.
//!
//! html5ever reports no byte offsets, so the driver ([`parse`]) puts a small token sink
//! ([`Positioned`]) between html5ever's tokenizer and its tree builder. The tokenizer hands
//! over each token the moment it has consumed the token's last byte, so the input consumed
//! so far is where the token ends, and the previous token's end is where it starts. While
//! the tree builder acts on a token the sink knows that range: every element created gets
//! the offset of the tag that opened it (even when a quoted attribute holds `<` or `>`) and
//! every text node the range of its text; a final pass gives every element its end. The
//! tree itself is exactly html5ever's, i.e. the browser's.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::buffer_queue::BufferQueue;
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, QualName, TokenizerResult};

use super::tree::{NodeData, NodeId, Tree, DOCUMENT};

/// The token being acted on right now: where it lies in the input.
#[derive(Clone, Copy, Default)]
struct Piece {
    start: u32,
    end: u32,
    /// Start of the most recent tag (or comment): elements the tree builder makes while
    /// acting on text (an implied `<p>`, a reopened `<b>`) start there.
    tag_start: u32,
    /// The token is a tag, a comment or a doctype.
    is_tag: bool,
}

/// A node handle: the index plus the element's name, so html5ever can ask for names
/// without borrowing the tree. The name is shared ([`Sink::shared_name`]): the tree builder
/// clones and drops handles some ten times per element, and a shared name is one counter to
/// step where a name of its own is three atoms to look at.
#[derive(Clone)]
pub struct Handle {
    id: NodeId,
    name: Rc<QualName>,
}

/// How many names [`Sink::shared_name`] keeps at hand (a page uses a few dozen).
const NAME_SLOTS: usize = 64;

struct Sink<'a> {
    tree: RefCell<Tree<'a>>,
    piece: Cell<Piece>,
    /// Where in the current text token the text not yet given to a node starts: text
    /// that is found verbatim there is not copied.
    cursor: Cell<u32>,
    /// The names handles share, by a hash of the local name; the empty name of the nodes
    /// that are not elements.
    names: RefCell<Vec<Option<Rc<QualName>>>>,
    no_name: Rc<QualName>,
}

impl<'a> Sink<'a> {
    fn new(input: &'a str) -> Self {
        let mut tree = Tree::new(input);
        // About one node per 40–70 bytes of pasted HTML; the tree grows by a quarter
        // when that is not enough.
        tree.nodes.reserve_exact(input.len() / 64);
        Sink {
            tree: RefCell::new(tree),
            piece: Cell::new(Piece::default()),
            cursor: Cell::new(0),
            names: RefCell::new(vec![None; NAME_SLOTS]),
            no_name: Rc::new(QualName::new(None, html5ever::ns!(), html5ever::local_name!(""))),
        }
    }

    /// A handle to a node that is not an element.
    fn handle(&self, id: NodeId) -> Handle {
        Handle { id, name: self.no_name.clone() }
    }

    /// `name`, shared with the handles of earlier elements of that name when it is at hand
    /// (a name's slot holds the last name hashed there; an atom's bits identify it).
    fn shared_name(&self, name: QualName) -> Rc<QualName> {
        let bits = name.local.unsafe_data();
        let slot = ((bits ^ bits >> 32 ^ bits >> 17) as usize) % NAME_SLOTS;
        let mut names = self.names.borrow_mut();
        match &names[slot] {
            Some(shared) if **shared == name => shared.clone(),
            _ => {
                let shared = Rc::new(name);
                names[slot] = Some(shared.clone());
                shared
            }
        }
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
        // Only the attributes the tree reads (see `read_attribute`) are handed over: the others
        // (`class`, `width`, …) are passed over by their atoms, a word compared, not a string.
        let attrs = attrs.iter().filter(|a| read_attribute(&a.name.local)).map(|a| (&*a.name.local, &*a.value));
        let id = tree.new_element(&name.local, html, attrs, p.tag_start, p.end);
        if flags.template {
            // Template contents are a separate fragment; nothing in them is shown.
            let _ = tree.new_node(NodeData::Other, p.tag_start, p.tag_start);
        }
        Handle { id, name: self.shared_name(name) }
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
        let attrs = attrs.iter().filter(|a| read_attribute(&a.name.local)).map(|a| (&*a.name.local, &*a.value));
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

/// The attributes the tree reads: the ones it keeps
/// ([`KEPT_ATTRIBUTES`](super::tree::KEPT_ATTRIBUTES)) and the two it reads into flags.
fn read_attribute(name: &html5ever::LocalName) -> bool {
    use html5ever::local_name;
    matches!(
        *name,
        local_name!("style")
            | local_name!("hidden")
            | local_name!("colspan")
            | local_name!("rowspan")
            | local_name!("height")
    )
}

/// How much of the input is copied into html5ever's buffers at a time; a chunk is freed
/// once parsed, so the input is never copied whole.
const CHUNK: usize = 64 * 1024;

/// Sits between html5ever's tokenizer and its tree builder and tells the sink where each
/// token lies in the input before the tree builder acts on it.
///
/// The tokenizer hands over a token the moment it has consumed its last character (a
/// tag's `>`, the end of a run of text), so the input consumed so far — what was fed
/// minus what is still queued — is where the token ends, and it starts where the
/// previous one ended.
struct Positioned<'q, 'a> {
    builder: TreeBuilder<Handle, Sink<'a>>,
    queue: &'q BufferQueue,
    /// Bytes of input pushed into the queue so far.
    fed: Cell<usize>,
    /// The address range of the last chunk pushed (its heap buffer, kept alive by
    /// [`parse`] while it is fed; `(0, 0)` when it is stored inline), for [`Self::consumed`].
    chunk: Cell<(usize, usize)>,
    /// Where the last token ended.
    last_end: Cell<usize>,
    /// The input (the tree's source), at hand without borrowing the tree.
    source: &'a [u8],
}

impl Positioned<'_, '_> {
    /// Bytes consumed by the tokenizer so far: what was fed minus what is still queued.
    ///
    /// Nearly always the queue holds one buffer, the rest of the last chunk pushed, and then
    /// its front is what is left of that chunk: a buffer whose bytes lie in the chunk's
    /// allocation and end where the chunk ends. Nothing can be queued behind it (only
    /// [`parse`] adds at the back, and the chunk was its last addition), so its length is
    /// all that is queued. Otherwise (an unconsumed piece pushed back in front, the leftover
    /// of the previous chunk, a tail short enough to be stored inline) the queue is taken
    /// apart and put back, the only way it can be read.
    fn consumed(&self) -> usize {
        let fast = self.queue.peek_front_chunk_mut().and_then(|front| {
            let (at, len) = (front.as_ptr() as usize, front.len());
            let (start, end) = self.chunk.get();
            (at >= start && at + len == end).then_some(len)
        });
        if let Some(queued) = fast {
            let consumed = self.fed.get().saturating_sub(queued);
            debug_assert_eq!(consumed, self.consumed_slowly());
            return consumed;
        }
        self.consumed_slowly()
    }

    /// [`Self::consumed`], by taking the queue's buffers out and putting them back.
    fn consumed_slowly(&self) -> usize {
        let Some(front) = self.queue.pop_front() else {
            return self.fed.get();
        };
        let mut queued = front.len();
        if !self.queue.is_empty() {
            let mut rest = Vec::new();
            while let Some(buf) = self.queue.pop_front() {
                queued += buf.len();
                rest.push(buf);
            }
            for buf in rest {
                self.queue.push_back(buf);
            }
        }
        self.queue.push_front(front);
        self.fed.get().saturating_sub(queued)
    }
}

impl TokenSink for Positioned<'_, '_> {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        if matches!(token, Token::ParseError(_)) {
            // Reported in the middle of a token: no position to give.
            return self.builder.process_token(token, line_number);
        }
        let sink = &self.builder.sink;
        let start = self.last_end.get();
        let end = self.consumed().max(start);
        let is_tag = matches!(token, Token::TagToken(_) | Token::CommentToken(_) | Token::DoctypeToken(_));
        let mut tag_start = sink.piece.get().tag_start;
        if is_tag {
            let range = self.source.get(start..end).unwrap_or_default();
            // Nearly always the tag starts right where the last token ended.
            let lt = if range.first() == Some(&b'<') { 0 } else { memchr::memchr(b'<', range).unwrap_or(0) };
            tag_start = (start + lt) as u32;
        } else {
            sink.cursor.set(start as u32);
        }
        sink.piece.set(Piece { start: start as u32, end: end as u32, tag_start, is_tag });
        self.last_end.set(end);
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

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
    let builder_opts = TreeBuilderOpts { scripting_enabled: false, ..Default::default() };
    let queue = BufferQueue::default();
    let tokenizer = Tokenizer::new(
        Positioned {
            builder: TreeBuilder::new(Sink::new(input), builder_opts),
            queue: &queue,
            fed: Cell::new(0),
            chunk: Cell::new((0, 0)),
            last_end: Cell::new(0),
            source: input.as_bytes(),
        },
        TokenizerOpts::default(),
    );
    let mut pos = 0;
    let mut held = None;
    while pos < input.len() {
        let mut end = (pos + CHUNK).min(input.len());
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        // A clone of the chunk is held while it is fed, so that its allocation cannot be
        // freed and reused while `consumed` compares addresses with it. Short chunks are
        // stored inline, in the tendril itself, which moves: no range then.
        let chunk = StrTendril::from_slice(&input[pos..end]);
        queue.push_back(chunk.clone());
        let at = chunk.as_ptr() as usize;
        tokenizer.sink.chunk.set(if chunk.len() > 16 { (at, at + chunk.len()) } else { (0, 0) });
        held = Some(chunk);
        tokenizer.sink.fed.set(end);
        // The tokenizer pauses for a script to run or at a `<meta charset>`: there is no
        // script to run and the input is already text, so go on until it has used the chunk.
        while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
        pos = end;
    }
    tokenizer.end();
    drop(held);
    let mut tree = tokenizer.sink.builder.sink.tree.into_inner();
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
                match after.first() {
                    // Nearly always: the end tag is `</name>`.
                    Some(b'>') => end += 2 + name.len() + 1,
                    Some(b' ' | b'\t' | b'\n' | b'\r' | b'/') => {
                        if let Some(gt) = memchr::memchr(b'>', after) {
                            end += 2 + name.len() + gt + 1;
                        }
                    }
                    _ => {}
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

#[cfg(test)]
mod tests {
    use super::*;
    use markup5ever_rcdom::{NodeData as DomData, RcDom};

    /// The elements of html5ever's own DOM of `html`, in document order, as the tree makes them
    /// when handed every attribute: what [`parse`] must give, with its shared names and its
    /// attributes filtered.
    fn elements_by_rcdom(html: &str) -> Vec<NodeData> {
        // Driven as `parse` drives it: html5ever's own driver stops at a `<meta charset>`.
        let builder =
            TreeBuilder::new(RcDom::default(), TreeBuilderOpts { scripting_enabled: false, ..Default::default() });
        let tokenizer = Tokenizer::new(builder, TokenizerOpts::default());
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(html));
        while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
        tokenizer.end();
        let dom = &tokenizer.sink.sink;
        let mut tree = Tree::new("");
        let mut stack = vec![dom.document.clone()];
        let mut out = Vec::new();
        while let Some(node) = stack.pop() {
            if let DomData::Element { name, attrs, .. } = &node.data {
                let attrs = attrs.borrow();
                let html = name.ns == html5ever::ns!(html);
                let id = tree.new_element(&name.local, html, attrs.iter().map(|a| (&*a.name.local, &*a.value)), 0, 0);
                out.push(tree.nodes[id].data);
            }
            stack.extend(node.children.borrow().iter().rev().cloned());
        }
        out
    }

    fn elements_by_parse(html: &str) -> Vec<NodeData> {
        let tree = parse(html);
        let mut out = Vec::new();
        let mut cur = Some(DOCUMENT);
        while let Some(id) = cur {
            if let NodeData::Element { name, html, flags, .. } = tree.nodes[id].data {
                out.push(NodeData::Element { name, html, flags, table: 0 });
            }
            cur = tree.next_in_order(id, DOCUMENT, true);
        }
        out
    }

    #[test]
    fn elements_are_html5evers_with_every_attribute_read() {
        let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
        let mut pages: Vec<String> = std::fs::read_dir(format!("{dir}/clipboard"))
            .unwrap()
            .filter_map(|e| e.ok()?.path().to_str().map(String::from))
            .filter(|p| p.ends_with(".html"))
            .chain([format!("{dir}/fujian-pingtan-zonghe-shiyanqu-2022.portal.html")])
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        // More distinct names than the sink keeps at hand, foreign elements, attributes the tree
        // reads and others, a second `<body>` adding its attributes.
        let mut page = String::from("<body class=a><table><tr><td colspan=2 style='display:none' width=3>x");
        for i in 0..200 {
            page += &format!("<x-{i} hidden rowspan={i}><svg viewBox='0 0 1 1'><g style='mso-hide:all'/></svg>");
        }
        page += "</table><body style='visibility:hidden' hidden><o:p height=4></o:p><TD Colspan=5>";
        pages.push(page);
        for page in &pages {
            let expected = elements_by_rcdom(page);
            assert!(expected.len() > 20);
            assert_eq!(elements_by_parse(page), expected);
        }
    }
}
