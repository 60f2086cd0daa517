//! A small arena tree of the parsed page: what the HTML reader walks, whoever parsed it —
//! html5ever natively (`parse.rs`, with byte spans), or the browser, whose live DOM a small
//! JavaScript walker hands over in one compact structure ([`Tree::from_dom`], no spans).
//!
//! Nodes live in one `Vec` and are linked by indices (parent, first/last child,
//! previous/next sibling), so inserting, moving and removing are O(1) and nothing here
//! recurses.

use std::borrow::Cow;

pub type NodeId = usize;

/// A link to another node, in four bytes (`None` is 0, node `i` is `i + 1`): a page has
/// tens of thousands of nodes and each has five links.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Link(u32);

impl Link {
    pub const NONE: Link = Link(0);

    pub fn to(id: Option<NodeId>) -> Link {
        // Trees are far below 4 billion nodes (inputs are capped at a few hundred MB).
        id.map_or(Link::NONE, |i| Link(u32::try_from(i + 1).unwrap_or(u32::MAX)))
    }

    pub fn get(self) -> Option<NodeId> {
        self.0.checked_sub(1).map(|i| i as usize)
    }
}

/// The document node is always node 0.
pub const DOCUMENT: NodeId = 0;

/// The attributes the reader looks at; others are not kept.
pub const KEPT_ATTRIBUTES: [&str; 5] = ["style", "hidden", "colspan", "rowspan", "height"];

#[derive(Debug)]
pub enum NodeData {
    Document,
    Element {
        /// Lower-case local name; common names are static.
        name: Cow<'static, str>,
        /// In the HTML namespace (not SVG/MathML).
        html: bool,
        /// Only the [`KEPT_ATTRIBUTES`].
        attrs: Vec<(&'static str, Box<str>)>,
    },
    /// Text, stored in the tree's text arena ([`Tree::text`]).
    Text(TextRef),
    /// A comment; Word's and Excel's `[if !supportMisalignedColumns]` marker (before their
    /// phantom row) is the only one that matters.
    Comment {
        phantom_row_marker: bool,
    },
    /// Doctype, processing instruction, template contents: nothing a report needs.
    Other,
}

/// Where a text node's characters sit in [`Tree::texts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRef {
    pub start: u32,
    pub end: u32,
}

/// The element names the reader compares against.
const KNOWN_ELEMENTS: [&str; 44] = [
    "html", "head", "body", "p", "div", "span", "br", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption",
    "colgroup", "col", "a", "b", "i", "u", "font", "o:p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
    "strong", "em", "img", "style", "script", "meta", "title", "link", "section", "article", "hr", "sup",
];

/// Intern the element names the reader compares against; others are owned. (A search of
/// a list, not a `match`: the same, in a fraction of the WebAssembly.)
pub fn element_name(local: &str) -> Cow<'static, str> {
    match KNOWN_ELEMENTS.iter().find(|&&known| known == local) {
        Some(&known) => Cow::Borrowed(known),
        None => Cow::Owned(local.to_ascii_lowercase()),
    }
}

/// Keep an attribute if the reader reads it (names as the HTML parser gives them:
/// lower-case).
pub fn kept_attribute(name: &str) -> Option<&'static str> {
    match name {
        "style" => Some("style"),
        "hidden" => Some("hidden"),
        "colspan" => Some("colspan"),
        "rowspan" => Some("rowspan"),
        "height" => Some("height"),
        _ => None,
    }
}

#[derive(Debug)]
pub struct Node {
    pub parent: Link,
    pub first_child: Link,
    pub last_child: Link,
    pub prev_sibling: Link,
    pub next_sibling: Link,
    pub data: NodeData,
    /// Hidden from the reader of the page (`hidden`, `display:none`, `mso-hide:all`,
    /// `visibility:hidden`): worked out once, when the element is made.
    pub hidden: bool,
    /// Byte offset where the node starts (the `<` of an element's start tag).
    pub start: usize,
    /// Byte offset where it ends: after its end tag, or — when it was closed implicitly —
    /// after the last thing in it.
    pub end: usize,
}

impl Node {
    pub fn new(data: NodeData, start: usize, end: usize) -> Node {
        let hidden = match &data {
            NodeData::Element { attrs, .. } => {
                attrs.iter().any(|(n, v)| *n == "hidden" || (*n == "style" && super::hidden_by_style(v)))
            }
            _ => false,
        };
        Node {
            parent: Link::NONE,
            first_child: Link::NONE,
            last_child: Link::NONE,
            prev_sibling: Link::NONE,
            next_sibling: Link::NONE,
            data,
            hidden,
            start,
            end,
        }
    }

    /// The local name of an HTML element (not of SVG/MathML elements, not of other nodes).
    pub fn html_name(&self) -> Option<&str> {
        match &self.data {
            NodeData::Element { name, html: true, .. } => Some(name),
            _ => None,
        }
    }

    pub fn is(&self, local: &str) -> bool {
        self.html_name() == Some(local)
    }

    pub fn attr(&self, attr: &str) -> Option<&str> {
        match &self.data {
            NodeData::Element { attrs, .. } => attrs.iter().find(|(n, _)| *n == attr).map(|(_, v)| &**v),
            _ => None,
        }
    }
}

/// The parsed tree.
#[derive(Debug)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// Every text node's characters, one after another (one allocation, not one per node).
    pub texts: String,
    /// The document is in quirks mode (no doctype, as most pasted fragments are).
    pub quirks: bool,
}

impl Tree {
    /// A tree holding only the document node.
    pub fn new(input_len: usize) -> Tree {
        Tree { nodes: vec![Node::new(NodeData::Document, 0, input_len)], texts: String::new(), quirks: false }
    }

    /// Append a node as the last child of `parent` (no checks: the caller builds a tree).
    pub fn push_child(&mut self, parent: NodeId, data: NodeData, start: usize, end: usize) -> NodeId {
        let id = self.nodes.len();
        let mut node = Node::new(data, start, end);
        node.parent = Link::to(Some(parent));
        node.prev_sibling = self.nodes[parent].last_child;
        if let Some(last) = self.nodes[parent].last_child.get() {
            self.nodes[last].next_sibling = Link::to(Some(id));
        } else {
            self.nodes[parent].first_child = Link::to(Some(id));
        }
        self.nodes[parent].last_child = Link::to(Some(id));
        self.nodes.push(node);
        id
    }

    /// Build the tree from the compact structure the JavaScript DOM walker makes of a live
    /// DOM (an editor's body, or what `DOMParser` made of a string). `nodes` holds, for each
    /// node in document order, `[kind, parent, string, attribute count, (name, value)…]` where
    /// kind is 1 element, 3 text, 8 comment; parent is the index of an earlier node, or -1
    /// for the root; string indexes `strings` (split on U+0000): the lower-case tag name, the
    /// text, or the comment. A malformed structure is an error, never a panic.
    pub fn from_dom(nodes: &[i32], strings: &str, quirks: bool) -> Result<Tree, String> {
        let table: Vec<&str> = strings.split('\0').collect();
        let text = |i: i32| -> Result<&str, String> {
            usize::try_from(i)
                .ok()
                .and_then(|i| table.get(i).copied())
                .ok_or_else(|| format!("string {i} out of range"))
        };
        let mut tree = Tree::new(0);
        tree.quirks = quirks;
        // Index of each walker node in the tree.
        let mut ids: Vec<NodeId> = Vec::new();
        let mut i = 0usize;
        while i < nodes.len() {
            let field = |k: usize| nodes.get(i + k).copied().ok_or_else(|| "truncated node record".to_string());
            let (kind, parent, string, attr_count) = (field(0)?, field(1)?, field(2)?, field(3)?);
            let attr_count = usize::try_from(attr_count).map_err(|_| "negative attribute count".to_string())?;
            let parent_id = match parent {
                -1 => DOCUMENT,
                p => *usize::try_from(p)
                    .ok()
                    .and_then(|p| ids.get(p))
                    .ok_or_else(|| format!("parent {p} is not an earlier node"))?,
            };
            let data = match kind {
                1 => {
                    let mut attrs = Vec::new();
                    for a in 0..attr_count {
                        let name = text(field(4 + 2 * a)?)?;
                        let value = text(field(5 + 2 * a)?)?;
                        if let Some(k) = kept_attribute(name) {
                            attrs.push((k, value.into()));
                        }
                    }
                    let name = text(string)?;
                    // Namespaced names (svg:…) and SVG/MathML are not HTML.
                    let html = !name.contains(':') || name == "o:p";
                    NodeData::Element { name: element_name(&name.to_ascii_lowercase()), html, attrs }
                }
                3 => {
                    let t = text(string)?;
                    let start = tree.texts.len() as u32;
                    tree.texts.push_str(t);
                    NodeData::Text(TextRef { start, end: tree.texts.len() as u32 })
                }
                8 => NodeData::Comment { phantom_row_marker: text(string)?.contains("supportMisalignedColumns") },
                k => return Err(format!("unknown node kind {k}")),
            };
            if ids.len() >= 50_000_000 {
                return Err("too many nodes".into());
            }
            ids.push(tree.push_child(parent_id, data, 0, 0));
            i += 4 + 2 * attr_count;
        }
        Ok(tree)
    }

    /// The characters of a text node ("" for other nodes).
    pub fn text(&self, id: NodeId) -> &str {
        match self.nodes[id].data {
            NodeData::Text(r) => self.texts.get(r.start as usize..r.end as usize).unwrap_or(""),
            _ => "",
        }
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { tree: self, next: self.nodes[id].first_child.get() }
    }

    /// The `<body>` element, or the document when there is none (frameset pages).
    pub fn body(&self) -> NodeId {
        let html = self.children(DOCUMENT).find(|&c| self.nodes[c].is("html"));
        html.and_then(|h| self.children(h).find(|&c| self.nodes[c].is("body"))).unwrap_or(DOCUMENT)
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
}

pub struct Children<'a> {
    tree: &'a Tree,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.tree.nodes[id].next_sibling.get();
        Some(id)
    }
}
