//! A small arena tree of the parsed page: what the HTML reader walks, whoever parsed it —
//! html5ever natively (`parse.rs`, with byte spans), or the browser, whose live DOM a small
//! JavaScript walker hands over in one compact structure ([`Tree::from_dom`]; spans into its
//! strings: [`Tree::span_dom_text`]).
//!
//! Nodes live in one `Vec` and are linked by indices (parent, first/last child,
//! previous/next sibling), so inserting, moving and removing are O(1) and nothing here
//! recurses.

pub type NodeId = usize;

/// A link to another node, in four bytes (`None` is 0, node `i` is `i + 1`): a page has
/// tens of thousands of nodes and each has five links.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Link(u32);

impl Link {
    pub const NONE: Link = Link(0);

    #[inline(always)]
    pub fn to(id: Option<NodeId>) -> Link {
        // Trees are far below 4 billion nodes (inputs are capped at a few hundred MB).
        id.map_or(Link::NONE, |i| Link(u32::try_from(i + 1).unwrap_or(u32::MAX)))
    }

    #[inline(always)]
    pub fn get(self) -> Option<NodeId> {
        self.0.checked_sub(1).map(|i| i as usize)
    }
}

/// The document node is always node 0.
pub const DOCUMENT: NodeId = 0;

/// The attributes whose values the reader reads; `style` and `hidden` are read once, when
/// the element is made, into [`ElementFlags`], and not kept.
pub const KEPT_ATTRIBUTES: [&str; 3] = ["colspan", "rowspan", "height"];

/// Defines [`ELEMENT_NAMES`] and [`element_name`] from one list of names.
macro_rules! element_names {
    ($($name:literal),* $(,)?) => {
        /// Every element name the reader compares against, so an element keeps its name in
        /// one byte. Index 0 stands for every other name (their names are kept aside, see
        /// [`Tree::element_name`]).
        const ELEMENT_NAMES: &[&str] = &["", $($name),*];

        /// The one-byte code of an element name (0 for names the reader never compares
        /// against).
        pub fn element_name(local: &str) -> u8 {
            match local {
                $($name => const { name_code($name) },)*
                _ => 0,
            }
        }
    };
}

// One line per group of names, not one per name.
#[rustfmt::skip]
element_names!(
    "html", "head", "body", "p", "div", "span", "br", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption",
    "colgroup", "col", "a", "b", "i", "u", "font", "o:p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
    "strong", "em", "img", "style", "script", "meta", "title", "link", "section", "article", "hr", "sup", "noscript",
    "template", "select", "option", "datalist", "textarea", "iframe", "object", "embed", "video", "audio", "canvas",
    "map", "button", "input", "dl", "dt", "dd", "blockquote", "pre", "header", "footer", "nav", "main", "aside",
    "address", "figure", "figcaption", "center", "form", "fieldset", "details", "summary", "legend", "menu", "sub",
    "label", "small", "big", "s", "code", "strike", "tt", "nobr",
);

/// The number of element-name codes (code 0, other names, included).
pub const NAME_CODES: usize = ELEMENT_NAMES.len();

/// The codes of the element names the reader tests for one by one ([`Node::is`]).
pub mod tag {
    use super::name_code;
    pub const A: u8 = name_code("a");
    pub const BODY: u8 = name_code("body");
    pub const BR: u8 = name_code("br");
    pub const CAPTION: u8 = name_code("caption");
    pub const HR: u8 = name_code("hr");
    pub const HTML: u8 = name_code("html");
    pub const TABLE: u8 = name_code("table");
    pub const TBODY: u8 = name_code("tbody");
    pub const TD: u8 = name_code("td");
    pub const TFOOT: u8 = name_code("tfoot");
    pub const TH: u8 = name_code("th");
    pub const THEAD: u8 = name_code("thead");
    pub const TR: u8 = name_code("tr");
}

/// The index of `name` in [`ELEMENT_NAMES`], at compile time.
pub const fn name_code(name: &str) -> u8 {
    const fn eq(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }
    let mut i = 0;
    while i < ELEMENT_NAMES.len() {
        if eq(ELEMENT_NAMES[i], name) {
            return i as u8;
        }
        i += 1;
    }
    panic!("not in ELEMENT_NAMES")
}

/// What an element's `hidden` and `style` attributes say, worked out once when it is made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ElementFlags(u8);

impl ElementFlags {
    /// Hidden from the reader of the page (`hidden`, `display:none`, `mso-hide:all`,
    /// `visibility:hidden`).
    const HIDDEN: u8 = 1;
    /// Has a `style` attribute (a later `style` added to `<html>`/`<body>` is ignored, as
    /// the DOM does).
    const HAS_STYLE: u8 = 2;
    /// `mso-ignore:colspan`: Excel's fake merge.
    const MSO_IGNORE_COLSPAN: u8 = 4;
    /// `mso-zero-height:yes`: Excel's hidden row.
    const MSO_ZERO_HEIGHT: u8 = 8;
    /// Has kept attributes in [`Tree`]'s attribute table.
    const HAS_ATTRS: u8 = 16;

    fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }

    /// The flag one style declaration `property: value` sets, if any.
    fn declaration(p: &[u8], v: &[u8]) -> u8 {
        let (p, v) = (p.trim_ascii(), v.trim_ascii());
        let starts = |value: &[u8]| v.len() >= value.len() && v[..value.len()].eq_ignore_ascii_case(value);
        match p.len() {
            7 if p.eq_ignore_ascii_case(b"display") && starts(b"none") => Self::HIDDEN,
            8 if p.eq_ignore_ascii_case(b"mso-hide") && starts(b"all") => Self::HIDDEN,
            10 if p.eq_ignore_ascii_case(b"visibility") && starts(b"hidden") => Self::HIDDEN,
            10 if p.eq_ignore_ascii_case(b"mso-ignore") && starts(b"colspan") => Self::MSO_IGNORE_COLSPAN,
            15 if p.eq_ignore_ascii_case(b"mso-zero-height") && starts(b"yes") => Self::MSO_ZERO_HEIGHT,
            _ => 0,
        }
    }

    /// Take in one attribute.
    fn add(&mut self, name: &str, value: &str) {
        match name {
            "hidden" => self.0 |= Self::HIDDEN,
            "style" if !self.has(Self::HAS_STYLE) => {
                self.0 |= Self::HAS_STYLE;
                // One pass over the declarations (Word's style attributes are long), eight
                // bytes at a time. Only a property that starts with `d`, `m` or `v` can set a
                // flag: the other declarations (most of Word's) are passed over to the next `;`
                // without looking for their `:`.
                let v = value.as_bytes();
                let mut start = 0;
                while start < v.len() {
                    let end = next_semicolon(v, start);
                    let d = v[start..end].trim_ascii_start();
                    // Only `display`, `visibility` and `mso-hide`/`-ignore`/`-zero-height` set a
                    // flag: their first, second and (`mso-`) fifth letters rule out most of
                    // Word's declarations (`margin`, `vertical-align`, `mso-border-…`) before
                    // their `:` is looked for. Where the text readers are (native, the second
                    // module); the eager browser module, handed only the styles its walker
                    // found a property of these in, keeps the first letter's test (56 bytes).
                    let lower = |i: usize| d.get(i).map(|b| b | 0x20);
                    let candidate = match lower(0) {
                        Some(b'd' | b'v') => !cfg!(feature = "text-readers") || lower(1) == Some(b'i'),
                        Some(b'm') => {
                            !cfg!(feature = "text-readers")
                                || lower(1) == Some(b's') && matches!(lower(4), Some(b'h' | b'i' | b'z'))
                        }
                        _ => false,
                    };
                    if candidate {
                        if let Some(c) = d.iter().position(|&b| b == b':') {
                            self.0 |= Self::declaration(&d[..c], &d[c + 1..]);
                        }
                    }
                    start = end + 1;
                }
            }
            _ => {}
        }
    }
}

/// The index of the first `;` in `bytes` at or after `i` (`bytes.len()` if none), eight
/// bytes at a time.
fn next_semicolon(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Natively, sixteen bytes without a `;` are first passed over at a time: the test compiles
    // to two vector instructions. (Not in the eager browser module, which has no vectors.)
    #[cfg(feature = "text-readers")]
    while let Some(block) = bytes.get(i..i + 16) {
        if block.iter().fold(0u8, |any, &b| any | u8::from(b == b';')) != 0 {
            break;
        }
        i += 16;
    }
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ (ONES * u64::from(b';'));
        // The lowest byte that is zero sets the lowest high bit (higher ones may be false).
        let zero = x.wrapping_sub(ONES) & !x & HIGH;
        if zero != 0 {
            return i + (zero.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] != b';' {
        i += 1;
    }
    i
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeData {
    Document,
    Element {
        /// The name's code ([`element_name`]); [`Tree::element_name`] gives the name back.
        name: u8,
        /// In the HTML namespace (not SVG/MathML).
        html: bool,
        flags: ElementFlags,
        /// For a `<table>`, its index among all `<table>` elements in document order
        /// ([`Tree::number_tables`]).
        table: u32,
    },
    /// Text stored in the tree's own arena ([`Tree::texts`]): text that is not a verbatim
    /// slice of the source (entities decoded, line ends normalised, merged pieces).
    Text(TextRef),
    /// Text that is exactly `source[start..end]`: not copied.
    SourceText(TextRef),
    /// A comment; Word's and Excel's `[if !supportMisalignedColumns]` marker (before their
    /// phantom row) is the only one that matters.
    Comment {
        phantom_row_marker: bool,
    },
    /// Doctype, processing instruction, template contents: nothing a report needs.
    Other,
}

/// A byte range of text, in [`Tree::texts`] or in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRef {
    pub start: u32,
    pub end: u32,
}

/// A kept attribute ([`KEPT_ATTRIBUTES`]) of an element, in [`Tree`]'s attribute table.
#[derive(Clone, Copy, Debug)]
struct Attr {
    node: u32,
    /// Index in [`KEPT_ATTRIBUTES`].
    name: u8,
    /// In [`Tree::attr_values`].
    value: TextRef,
}

/// One node: 40 bytes (a page has a node for every tag and every run of text).
#[derive(Clone, Debug)]
pub struct Node {
    pub parent: Link,
    pub first_child: Link,
    pub last_child: Link,
    pub prev_sibling: Link,
    pub next_sibling: Link,
    /// Byte offset where the node starts (the `<` of an element's start tag).
    pub start: u32,
    /// Byte offset where it ends: after its end tag, or — when it was closed implicitly —
    /// after the last thing in it.
    pub end: u32,
    pub data: NodeData,
}

// A node stays at 40 bytes on every target: it is the bulk of the reader's memory.
const _: () = assert!(std::mem::size_of::<Node>() == 40);

impl Node {
    pub fn new(data: NodeData, start: u32, end: u32) -> Node {
        Node {
            parent: Link::NONE,
            first_child: Link::NONE,
            last_child: Link::NONE,
            prev_sibling: Link::NONE,
            next_sibling: Link::NONE,
            start,
            end,
            data,
        }
    }

    /// The name code ([`element_name`]) of an HTML element (`None` for SVG/MathML
    /// elements and other nodes).
    #[inline(always)]
    pub fn html_code(&self) -> Option<u8> {
        match self.data {
            NodeData::Element { name, html: true, .. } => Some(name),
            _ => None,
        }
    }

    /// An HTML element of this name, given by its code ([`tag`]): one byte compared, not a
    /// string.
    #[inline(always)]
    pub fn is(&self, code: u8) -> bool {
        self.html_code() == Some(code)
    }

    #[inline(always)]
    fn flags(&self) -> ElementFlags {
        match self.data {
            NodeData::Element { flags, .. } => flags,
            _ => ElementFlags::default(),
        }
    }

    /// Hidden from the reader of the page (`hidden`, `display:none`, `mso-hide:all`,
    /// `visibility:hidden`).
    #[inline(always)]
    pub fn hidden(&self) -> bool {
        self.flags().has(ElementFlags::HIDDEN)
    }

    /// Styled `mso-ignore:colspan` (Excel's fake merge).
    pub fn mso_ignore_colspan(&self) -> bool {
        self.flags().has(ElementFlags::MSO_IGNORE_COLSPAN)
    }

    /// Styled `mso-zero-height:yes` (Excel's hidden row).
    pub fn mso_zero_height(&self) -> bool {
        self.flags().has(ElementFlags::MSO_ZERO_HEIGHT)
    }

    pub fn is_text(&self) -> bool {
        matches!(self.data, NodeData::Text(_) | NodeData::SourceText(_))
    }

    /// The node's byte span in the source.
    pub fn span(&self) -> crate::document::Span {
        crate::document::Span::new(self.start as usize, self.end as usize)
    }
}

/// The tree's nodes, indexed by [`NodeId`]. A `Vec` whose indexing is always inlined: the
/// size-optimised WebAssembly build otherwise calls `Vec`'s `Index` for every link followed
/// (0.4–0.5 ms of `lintElement` on a 1 MB paste, for 0.2 KB). Everything else is the `Vec`'s.
#[derive(Debug)]
pub struct Nodes(Vec<Node>);

impl std::ops::Index<NodeId> for Nodes {
    type Output = Node;
    #[inline(always)]
    fn index(&self, id: NodeId) -> &Node {
        &self.0.as_slice()[id]
    }
}

impl std::ops::IndexMut<NodeId> for Nodes {
    #[inline(always)]
    fn index_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.0.as_mut_slice()[id]
    }
}

impl std::ops::Deref for Nodes {
    type Target = Vec<Node>;
    fn deref(&self) -> &Vec<Node> {
        &self.0
    }
}

impl std::ops::DerefMut for Nodes {
    fn deref_mut(&mut self) -> &mut Vec<Node> {
        &mut self.0
    }
}

/// The parsed tree. `'a` is the source text, which text nodes may point into.
#[derive(Debug)]
pub struct Tree<'a> {
    pub nodes: Nodes,
    /// The characters of the [`NodeData::Text`] nodes, one after another (one allocation,
    /// not one per node).
    pub texts: String,
    /// The source the [`NodeData::SourceText`] nodes point into.
    pub source: &'a str,
    /// Kept attributes, in the order of their elements' ids.
    attrs: Vec<Attr>,
    attr_values: String,
    /// The names of elements whose name has no code ([`element_name`] is 0), in the order
    /// of their ids, in `attr_values`.
    other_names: Vec<(u32, TextRef)>,
    /// The document is in quirks mode (no doctype, as most pasted fragments are).
    pub quirks: bool,
}

impl<'a> Tree<'a> {
    /// A tree holding only the document node, spanning all of `source`.
    pub fn new(source: &'a str) -> Tree<'a> {
        // Offsets are u32: the reader refuses inputs anywhere near 4 GiB.
        let end = u32::try_from(source.len()).unwrap_or(u32::MAX);
        Tree {
            nodes: Nodes(vec![Node::new(NodeData::Document, 0, end)]),
            texts: String::new(),
            source,
            attrs: Vec::new(),
            attr_values: String::new(),
            other_names: Vec::new(),
            quirks: false,
        }
    }

    /// Add a node, linked to nothing yet.
    pub fn new_node(&mut self, data: NodeData, start: u32, end: u32) -> NodeId {
        if self.nodes.len() == self.nodes.capacity() {
            // Grow by a quarter rather than doubling: the tree is the reader's largest
            // structure, and its size was estimated beforehand.
            let more = self.nodes.len() / 4 + 64;
            self.nodes.reserve_exact(more);
        }
        self.nodes.push(Node::new(data, start, end));
        self.nodes.len() - 1
    }

    /// Add an element, linked to nothing yet. Of its attributes `hidden` and `style` are
    /// read into flags and the [`KEPT_ATTRIBUTES`] kept; `local` is its lower-case name.
    pub fn new_element<'v>(
        &mut self,
        local: &str,
        html: bool,
        attrs: impl IntoIterator<Item = (&'v str, &'v str)>,
        start: u32,
        end: u32,
    ) -> NodeId {
        self.new_coded_element(local, element_name(local), html, attrs, start, end)
    }

    /// [`Tree::new_element`] with the name's code (`element_name(local)`) already known.
    fn new_coded_element<'v>(
        &mut self,
        local: &str,
        name: u8,
        html: bool,
        attrs: impl IntoIterator<Item = (&'v str, &'v str)>,
        start: u32,
        end: u32,
    ) -> NodeId {
        debug_assert_eq!(name, element_name(local));
        let id = self.nodes.len();
        let mut flags = ElementFlags::default();
        for (name, value) in attrs {
            flags.add(name, value);
            if let Some(k) = KEPT_ATTRIBUTES.iter().position(|k| *k == name) {
                if !self.attrs.iter().rev().take_while(|a| a.node as usize == id).any(|a| usize::from(a.name) == k) {
                    self.push_attr(id, k, value);
                    flags.0 |= ElementFlags::HAS_ATTRS;
                }
            }
        }
        if name == 0 {
            let start = self.attr_values.len() as u32;
            self.attr_values.push_str(local);
            self.other_names.push((id as u32, TextRef { start, end: self.attr_values.len() as u32 }));
        }
        self.new_node(NodeData::Element { name, html, flags, table: 0 }, start, end)
    }

    /// The lower-case local name of an element, whatever its namespace (`None` for other
    /// nodes).
    pub fn element_name(&self, id: NodeId) -> Option<&str> {
        let NodeData::Element { name, .. } = self.nodes[id].data else { return None };
        if name != 0 {
            return Some(ELEMENT_NAMES[usize::from(name)]);
        }
        let i = self.other_names.binary_search_by_key(&(id as u32), |&(n, _)| n).ok()?;
        let r = self.other_names[i].1;
        self.attr_values.get(r.start as usize..r.end as usize)
    }

    fn push_attr(&mut self, id: NodeId, k: usize, value: &str) {
        let start = self.attr_values.len() as u32;
        self.attr_values.push_str(value);
        let attr =
            Attr { node: id as u32, name: k as u8, value: TextRef { start, end: self.attr_values.len() as u32 } };
        // Kept in node order: a late addition (to `<html>`/`<body>`) is inserted in place.
        let at = self.attrs.partition_point(|a| a.node <= attr.node);
        self.attrs.insert(at, attr);
    }

    /// Give an element the attributes it does not have yet (the parser's `<html>`/`<body>`
    /// repeated later in the page).
    pub fn add_attrs_if_missing<'v>(&mut self, id: NodeId, attrs: impl IntoIterator<Item = (&'v str, &'v str)>) {
        let NodeData::Element { name, html, mut flags, table } = self.nodes[id].data else { return };
        for (attr, value) in attrs {
            flags.add(attr, value);
            if let Some(k) = KEPT_ATTRIBUTES.iter().position(|k| *k == attr) {
                if self.attr(id, KEPT_ATTRIBUTES[k]).is_none() {
                    self.push_attr(id, k, value);
                    flags.0 |= ElementFlags::HAS_ATTRS;
                }
            }
        }
        self.nodes[id].data = NodeData::Element { name, html, flags, table };
    }

    /// Number the `<table>` elements in document order (once the tree is built).
    pub fn number_tables(&mut self) {
        let mut next = 0u32;
        let mut cur = Some(DOCUMENT);
        while let Some(id) = cur {
            if self.nodes[id].is(tag::TABLE) {
                if let NodeData::Element { table, .. } = &mut self.nodes[id].data {
                    *table = next;
                    next = next.saturating_add(1);
                }
            }
            cur = self.next_in_order(id, DOCUMENT, true);
        }
    }

    /// The index of a `<table>` element among all of them in document order (`None` for
    /// other nodes).
    pub fn table_index(&self, id: NodeId) -> Option<u32> {
        match self.nodes[id].data {
            NodeData::Element { table, .. } if self.nodes[id].is(tag::TABLE) => Some(table),
            _ => None,
        }
    }

    /// A kept attribute's value ([`KEPT_ATTRIBUTES`]).
    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        if !self.nodes[id].flags().has(ElementFlags::HAS_ATTRS) {
            return None;
        }
        let first = self.attrs.partition_point(|a| (a.node as usize) < id);
        self.attrs[first..]
            .iter()
            .take_while(|a| a.node as usize == id)
            .find(|a| KEPT_ATTRIBUTES[usize::from(a.name)] == attr)
            .and_then(|a| self.attr_values.get(a.value.start as usize..a.value.end as usize))
    }

    /// Add a text node, or append to `merge_into` when that is a text node (merging as the
    /// DOM does). `at` is where `text` sits verbatim in the source, if it does: such text is
    /// not copied. Returns the new node, if one was made.
    pub fn push_text(
        &mut self,
        merge_into: Option<NodeId>,
        text: &str,
        at: Option<u32>,
        start: u32,
        end: u32,
    ) -> Option<NodeId> {
        let here = at.map(|s| TextRef { start: s, end: s + text.len() as u32 });
        if let Some(t) = merge_into {
            let merged = match (self.nodes[t].data, here) {
                // The same source run continued: extend it.
                (NodeData::SourceText(r), Some(h)) if r.end == h.start => {
                    NodeData::SourceText(TextRef { start: r.start, end: h.end })
                }
                // The last text written to the arena: extend it in place.
                (NodeData::Text(r), _) if r.end as usize == self.texts.len() => {
                    self.texts.push_str(text);
                    NodeData::Text(TextRef { start: r.start, end: self.texts.len() as u32 })
                }
                // Rare (text merged out of order, or after an ignored tag): copy it to the
                // end of the arena first.
                (NodeData::Text(_) | NodeData::SourceText(_), _) => {
                    let s = self.texts.len();
                    let old = self.text(t).to_owned();
                    self.texts.push_str(&old);
                    self.texts.push_str(text);
                    NodeData::Text(TextRef { start: s as u32, end: self.texts.len() as u32 })
                }
                _ => return self.push_text(None, text, at, start, end),
            };
            let node = &mut self.nodes[t];
            node.data = merged;
            node.end = node.end.max(end);
            return None;
        }
        let data = match here {
            Some(h) => NodeData::SourceText(h),
            None => {
                let s = self.texts.len() as u32;
                self.texts.push_str(text);
                NodeData::Text(TextRef { start: s, end: self.texts.len() as u32 })
            }
        };
        Some(self.new_node(data, start, end))
    }

    fn detach(&mut self, id: NodeId) {
        let nodes = &mut self.nodes;
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
        n.parent = Link::NONE;
        n.prev_sibling = Link::NONE;
        n.next_sibling = Link::NONE;
    }

    /// Move `child` (from wherever it is) to the end of `parent`'s children.
    pub fn append_child(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let nodes = &mut self.nodes;
        let last = nodes[parent].last_child.get();
        nodes[child].parent = Link::to(Some(parent));
        nodes[child].prev_sibling = Link::to(last);
        match last {
            Some(l) => nodes[l].next_sibling = Link::to(Some(child)),
            None => nodes[parent].first_child = Link::to(Some(child)),
        }
        nodes[parent].last_child = Link::to(Some(child));
    }

    /// Move `child` (from wherever it is) to just before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        let Some(parent) = self.nodes[sibling].parent.get() else { return };
        self.detach(child);
        let nodes = &mut self.nodes;
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

    /// Take `node` out of the tree (with its subtree).
    pub fn remove(&mut self, node: NodeId) {
        self.detach(node);
    }

    /// Build the tree from the compact structure the JavaScript DOM walker makes of a live
    /// DOM (an editor's body, or what `DOMParser` made of a string). `nodes` holds, for each
    /// node in document order, `[kind, parent, string, attribute count, (name, value)…]` where
    /// kind is 1 element, 3 text, 8 comment; parent is the index of an earlier node, or -1
    /// for the root; string indexes `strings` (split on U+0000): the lower-case tag name, the
    /// text, or the comment. A malformed structure is an error, never a panic.
    ///
    /// Text nodes point into `strings` (the tree's source): the text is not copied.
    pub fn from_dom<'s>(nodes: &[i32], strings: &'s str, quirks: bool) -> Result<Tree<'s>, String> {
        // Where each string starts in `strings`; string `i` ends one byte before string
        // `i + 1` starts (at the U+0000 between them).
        // About one string per record (text nodes), and a few more.
        let mut starts: Vec<u32> = Vec::with_capacity(nodes.len() / 4 + 8);
        starts.push(0);
        // A byte at a time: most strings are short (whitespace between cells, a number), where
        // a searcher's set-up costs more than the bytes it skips.
        for (at, b) in strings.bytes().enumerate() {
            if b == 0 {
                starts.push(at as u32 + 1);
            }
        }
        starts.push(strings.len() as u32 + 1);
        let range = |i: i32| -> Result<TextRef, String> {
            usize::try_from(i)
                .ok()
                .and_then(|i| Some(TextRef { start: *starts.get(i)?, end: *starts.get(i + 1)? - 1 }))
                .ok_or_else(|| format!("string {i} out of range"))
        };
        let text = |i: i32| range(i).map(|r| strings.get(r.start as usize..r.end as usize).unwrap_or(""));
        let mut tree = Tree::new(strings);
        // At most one node per four fields (and one for the document): reserved once rather
        // than grown a quarter at a time (up to a million nodes, ~20 MB of pasted HTML; a
        // malformed structure is not trusted with more before it is read).
        tree.nodes.reserve_exact((nodes.len() / 4).min(1 << 20));
        // The document node spans nothing: a DOM has no source offsets.
        tree.nodes[DOCUMENT].end = 0;
        tree.quirks = quirks;
        // The walker hands each element name over once (later elements name its string): the
        // name's code and whether it is HTML, worked out once per string.
        let mut names: Vec<(i32, u8, bool)> = Vec::new();
        // Every record makes one node: record `r` is node `r + 1`.
        let mut count = 0usize;
        let mut i = 0usize;
        while i < nodes.len() {
            // The record's four fields and its attribute pairs, each taken as one slice.
            let truncated = || "truncated node record".to_string();
            let Some(&[kind, parent, string, attr_count]) = nodes.get(i..i + 4) else { return Err(truncated()) };
            let attr_count = usize::try_from(attr_count).map_err(|_| "negative attribute count".to_string())?;
            let pairs = attr_count.checked_mul(2).and_then(|n| nodes.get(i + 4..(i + 4).checked_add(n)?));
            let pairs = pairs.ok_or_else(truncated)?;
            let parent_id = match parent {
                -1 => DOCUMENT,
                p => usize::try_from(p)
                    .ok()
                    .filter(|&p| p < count)
                    .map(|p| p + 1)
                    .ok_or_else(|| format!("parent {p} is not an earlier node"))?,
            };
            if count >= 50_000_000 {
                return Err("too many nodes".into());
            }
            let id = match kind {
                1 => {
                    let attr = |a: usize| -> Result<(&str, &str), String> {
                        Ok((text(pairs[2 * a])?, text(pairs[2 * a + 1])?))
                    };
                    for a in 0..attr_count {
                        attr(a)?;
                    }
                    let name = text(string)?;
                    let (code, html) = match names.iter().find(|n| n.0 == string) {
                        Some(&(_, code, html)) => (code, html),
                        None => {
                            // Namespaced names (svg:…) and SVG/MathML are not HTML.
                            let html = !name.contains(':') || name == "o:p";
                            let code = element_name(&name.to_ascii_lowercase());
                            names.push((string, code, html));
                            (code, html)
                        }
                    };
                    let attrs = (0..attr_count).filter_map(|a| attr(a).ok());
                    if name.bytes().any(|b| b.is_ascii_uppercase()) {
                        tree.new_coded_element(&name.to_ascii_lowercase(), code, html, attrs, 0, 0)
                    } else {
                        tree.new_coded_element(name, code, html, attrs, 0, 0)
                    }
                }
                3 => {
                    let r = range(string)?;
                    tree.new_node(NodeData::SourceText(r), 0, 0)
                }
                8 => tree.new_node(
                    NodeData::Comment { phantom_row_marker: text(string)?.contains("supportMisalignedColumns") },
                    0,
                    0,
                ),
                k => return Err(format!("unknown node kind {k}")),
            };
            debug_assert_eq!(id, count + 1);
            tree.append_child(parent_id, id);
            count += 1;
            i += 4 + pairs.len();
        }
        tree.number_tables();
        Ok(tree)
    }

    /// Give a tree made by [`Tree::from_dom`] byte spans into its source, the walker's
    /// strings, where it has none: a text node spans its string; an element, from the end of
    /// the text before it to the end of the last text in it (an element without text, an
    /// empty span where it is). The walker adds each text's string as it meets it, in
    /// document order, so these positions grow in document order as an HTML string's do, and
    /// a block's span covers its text as it would there.
    pub fn span_dom_text(&mut self) {
        // Records come in document order and name earlier records as parents: node ids grow
        // in document order, and every child comes after its parent.
        let mut cursor = 0u32;
        for node in self.nodes.iter_mut().skip(1) {
            (node.start, node.end) = match node.data {
                NodeData::SourceText(r) => (r.start, r.end),
                _ => (cursor, cursor),
            };
            cursor = cursor.max(node.end);
        }
        for id in (1..self.nodes.len()).rev() {
            let (start, end) = (self.nodes[id].start, self.nodes[id].end);
            if let Some(p) = self.nodes[id].parent.get().filter(|&p| p != DOCUMENT) {
                let parent = &mut self.nodes[p];
                (parent.start, parent.end) = (parent.start.min(start), parent.end.max(end));
            }
        }
    }

    /// The byte range in the source of each text node that points into it, in node order: for
    /// a tree made by [`Tree::from_dom`], each text node the walker handed over, in its order.
    pub fn source_texts(&self) -> Vec<(u32, u32)> {
        self.nodes
            .iter()
            .filter_map(|n| match n.data {
                NodeData::SourceText(r) => Some((r.start, r.end)),
                _ => None,
            })
            .collect()
    }

    /// The characters of a text node ("" for other nodes).
    pub fn text(&self, id: NodeId) -> &str {
        match self.nodes[id].data {
            NodeData::Text(r) => self.texts.get(r.start as usize..r.end as usize).unwrap_or(""),
            NodeData::SourceText(r) => self.source.get(r.start as usize..r.end as usize).unwrap_or(""),
            _ => "",
        }
    }

    #[inline(always)]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    pub fn children(&self, id: NodeId) -> Children<'_, 'a> {
        Children { tree: self, next: self.nodes[id].first_child.get() }
    }

    /// The `<body>` element, or the document when there is none (frameset pages).
    pub fn body(&self) -> NodeId {
        let html = self.children(DOCUMENT).find(|&c| self.nodes[c].is(tag::HTML));
        html.and_then(|h| self.children(h).find(|&c| self.nodes[c].is(tag::BODY))).unwrap_or(DOCUMENT)
    }

    /// Next node in document order after `id`'s subtree... or inside it when
    /// `descend` is true. Iterative pre-order traversal without a stack.
    pub fn next_in_order(&self, id: NodeId, root: NodeId, descend: bool) -> Option<NodeId> {
        if descend {
            if let Some(c) = self.nodes[id].first_child.get() {
                return Some(c);
            }
        }
        let mut cur = id;
        loop {
            if cur == root {
                return None;
            }
            if let Some(s) = self.nodes[cur].next_sibling.get() {
                return Some(s);
            }
            cur = self.nodes[cur].parent.get()?;
        }
    }

    /// The first node of `root`'s subtree in post-order (every node after its children):
    /// its deepest first descendant. The children of nodes for which `skip` is true are
    /// not visited (the nodes themselves are).
    pub fn first_in_post_order(&self, root: NodeId, skip: impl Fn(&Node) -> bool) -> NodeId {
        let mut cur = root;
        while let Some(c) = self.nodes[cur].first_child.get().filter(|_| !skip(&self.nodes[cur])) {
            cur = c;
        }
        cur
    }

    /// The node after `id` in the post-order of `root`'s subtree (see
    /// [`first_in_post_order`](Self::first_in_post_order)): no stack, no list of nodes.
    pub fn next_in_post_order(&self, id: NodeId, root: NodeId, skip: impl Fn(&Node) -> bool) -> Option<NodeId> {
        if id == root {
            return None;
        }
        match self.nodes[id].next_sibling.get() {
            Some(s) => Some(self.first_in_post_order(s, skip)),
            None => self.nodes[id].parent.get(),
        }
    }
}

pub struct Children<'t, 'a> {
    tree: &'t Tree<'a>,
    next: Option<NodeId>,
}

impl Iterator for Children<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.tree.nodes[id].next_sibling.get();
        Some(id)
    }
}

/// What the package's JavaScript walker (`walkDom` in js/core.js) hands over for a page,
/// made here from a parsed tree, so native tests can take the browser's DOM path: the
/// records and strings [`Tree::from_dom`] reads, and the quirks flag. Mirrors the walker:
/// the document element's subtree in document order, the same subtrees skipped, the same
/// attributes kept (a style only for what it hides or merges), strings 0–5 fixed.
#[cfg(all(test, feature = "html-parser"))]
pub(crate) fn dom_records(tree: &Tree<'_>) -> (Vec<i32>, String, bool) {
    const SKIP: [&str; 9] = ["script", "style", "template", "noscript", "head", "iframe", "object", "svg", "math"];
    let mut strings: Vec<String> = ["style", "hidden", "colspan", "rowspan", "height", ""].map(String::from).into();
    let mut intern = |s: &str| {
        strings.push(s.replace('\0', "\u{fffd}"));
        strings.len() as i32 - 1
    };
    let mut nodes = Vec::new();
    let mut record = vec![-1i32; tree.nodes.len()];
    let mut count = 0;
    let root = tree.children(DOCUMENT).find(|&c| matches!(tree.node(c).data, NodeData::Element { .. }));
    let mut cur = root;
    while let Some(id) = cur {
        let node = tree.node(id);
        let parent = node.parent.get().map_or(-1, |p| record[p]);
        let mut descend = false;
        match node.data {
            NodeData::Element { .. } => {
                let name = tree.element_name(id).unwrap_or("");
                nodes.extend([1, parent, intern(name)]);
                let mut attrs = Vec::new();
                let style: Vec<&str> = [
                    (node.mso_ignore_colspan(), "mso-ignore:colspan"),
                    (node.mso_zero_height(), "mso-zero-height:yes"),
                ]
                .iter()
                .filter_map(|&(on, s)| on.then_some(s))
                .collect();
                if !style.is_empty() {
                    attrs.extend([0, intern(&style.join(";"))]);
                }
                if node.hidden() {
                    attrs.extend([1, 5]);
                }
                for (k, attr) in [(2, "colspan"), (3, "rowspan"), (4, "height")] {
                    let wanted = if k == 4 { name == "tr" } else { name == "td" || name == "th" };
                    if let Some(v) = tree.attr(id, attr).filter(|_| wanted) {
                        attrs.extend([k, intern(v)]);
                    }
                }
                nodes.push(attrs.len() as i32 / 2);
                nodes.extend(attrs);
                descend = !SKIP.contains(&name);
            }
            NodeData::Text(_) | NodeData::SourceText(_) => nodes.extend([3, parent, intern(tree.text(id)), 0]),
            NodeData::Comment { phantom_row_marker } => {
                let s = if phantom_row_marker { intern("supportMisalignedColumns") } else { 5 };
                nodes.extend([8, parent, s, 0]);
            }
            NodeData::Document | NodeData::Other => {
                cur = tree.next_in_order(id, root.unwrap_or(DOCUMENT), false);
                continue;
            }
        }
        record[id] = count;
        count += 1;
        cur = tree.next_in_order(id, root.unwrap_or(DOCUMENT), descend);
    }
    (nodes, strings.join("\0"), tree.quirks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_are_found_at_any_offset() {
        for len in 0..40 {
            for at in 0..=len {
                let mut bytes = vec![b'a'; len];
                if at < len {
                    bytes[at] = b';';
                }
                // Bytes one off from `;`, and `:`, must not match.
                bytes.iter_mut().filter(|b| **b == b'a').step_by(3).for_each(|b| *b = b':');
                bytes.iter_mut().filter(|b| **b == b'a').step_by(2).for_each(|b| *b = b'<');
                assert_eq!(next_semicolon(&bytes, 0), at, "{len} {at}");
            }
        }
        assert_eq!(next_semicolon(b"ab;cd:ef", 3), 8);
        assert_eq!(next_semicolon(b"ab;cd:ef;", 3), 8);
    }

    /// The one-pass scan agrees with the declaration-by-declaration readers of `mod.rs` on
    /// every arrangement of a few pieces: properties of each first letter, spacing, case,
    /// stray `:` and `;`.
    #[test]
    fn style_flags_match_the_plain_readers() {
        use crate::read::html::{hidden_by_style, style_has};
        let pieces = [
            "display:none",
            " Display : NONE ",
            "mso-hide:all",
            "visibility: hidden",
            "mso-ignore:colspan",
            "MSO-ZERO-HEIGHT:yes",
            "margin:0",
            "mso-border-alt:none",
            "display:block",
            "\tvisibility:visible",
            "d:none",
            "m",
            ":none",
            "",
            " ",
            "width:1pt;",
            "x:display:none",
            "display",
            "display\n:none!important",
            "font-family:\"a;b\"",
            "MSO-HIDE : ALL",
            "mso-ignor:colspan",
            "mso-zero-heightx:yes",
            "mso-",
            "visibility :\x0chidden",
            "direction:none",
            "vertical-align:hidden",
            "mso-height-source:all",
            "msx-hide:all",
            "dIsplay:none",
            "ViSiBiLiTy:hidden",
        ];
        let reference = |style: &str| {
            let mut f = 0;
            if hidden_by_style(style) {
                f |= ElementFlags::HIDDEN;
            }
            if style_has(style, "mso-ignore", "colspan") {
                f |= ElementFlags::MSO_IGNORE_COLSPAN;
            }
            if style_has(style, "mso-zero-height", "yes") {
                f |= ElementFlags::MSO_ZERO_HEIGHT;
            }
            f
        };
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for style in [format!("{a};{b};{c}"), format!("{a}{b};{c}"), format!("{a};{b}{c};")] {
                        let mut f = ElementFlags::default();
                        f.add("style", &style);
                        assert_eq!(f.0 & !ElementFlags::HAS_STYLE, reference(&style), "{style:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn style_declarations_set_their_flags() {
        let flags = |style: &str| {
            let mut f = ElementFlags::default();
            f.add("style", style);
            f.0 & !ElementFlags::HAS_STYLE
        };
        assert_eq!(flags("width:42.5pt;border:solid windowtext 1.0pt;mso-hide:all"), ElementFlags::HIDDEN);
        assert_eq!(flags(" DISPLAY : None "), ElementFlags::HIDDEN);
        assert_eq!(flags("a:b;visibility:hidden;"), ElementFlags::HIDDEN);
        assert_eq!(
            flags("mso-ignore:colspan;mso-zero-height:yes"),
            ElementFlags::MSO_IGNORE_COLSPAN | ElementFlags::MSO_ZERO_HEIGHT
        );
        assert_eq!(flags("display:block;display none;x:display:none"), 0);
        assert_eq!(flags("font-family:\"a;b\";display:none:x"), ElementFlags::HIDDEN);
        assert_eq!(flags(""), 0);
    }
}
