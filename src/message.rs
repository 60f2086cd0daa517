//! Messages as data: every text a finding shows is a [`Message`] — a template in Chinese and
//! English with named `{placeholders}` — declared next to the rule that uses it, filled from
//! the finding's [`Args`].
//!
//! A finding carries its message's `messageId` and `args` (JSON, JS API) beside the rendered
//! `message`, so a host page can re-word or translate it: it looks the id up in its own
//! catalogue and fills the same named arguments. An argument is either text the report or
//! the format supplied (a label, a number, an excerpt: the same in every language) or a
//! *phrase* — another message with its own arguments — for the parts of a sentence that are
//! words of ours (“is negative”, “blank”), so nothing language-bound hides in `args`.
//!
//! Rules do not know the language: they emit a template and its arguments, and the one
//! place that renders ([`crate::rules::run`], the read errors, the verdict) does.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::diagnostic::Lang;

/// A message template in both languages. `{name}` is replaced by the argument `name`.
#[derive(Debug, PartialEq, Eq)]
pub struct Message {
    /// Stable id hosts re-word by: the rule's ID for its main message, `RULE-ID/what` for
    /// the others and for phrases (`CELL-NONNUM/negative`).
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Message {
    /// The template in `lang`.
    pub fn template(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            // Empty in a build without the English (see `english!`): the Chinese then.
            Lang::En if !self.en.is_empty() => self.en,
            Lang::En => self.zh,
        }
    }

    /// This message in `lang`, its placeholders filled from `args`.
    pub fn render(&'static self, lang: Lang, args: &Args) -> String {
        let mut out = String::new();
        render_into(&mut out, self, lang, args);
        out
    }
}

#[inline(never)]
fn render_into(out: &mut String, message: &Message, lang: Lang, args: &Args) {
    let mut rest = message.template(lang);
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let name = &after[..close];
        match args.get(name) {
            Some(Arg::Text(t)) => out.push_str(t),
            Some(Arg::Phrase(m, a)) => render_into(out, m, lang, a),
            Some(Arg::Words { zh, en }) => out.push_str(if lang == Lang::Zh { zh } else { en }),
            // An unfilled placeholder stays visible (a test holds every template filled).
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text from the report or the format (labels, numbers, excerpts): the same in any language.
    Text(String),
    /// Words of ours: a message of its own, rendered in the finding's language.
    Phrase(&'static Message, Args),
    /// Words of ours made from the format's data (a reading of 表二 named by its column):
    /// both languages given, for the message's language to choose.
    Words { zh: String, en: String },
}

/// A message's named arguments, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Args(Vec<(&'static str, Arg)>);

impl Args {
    pub fn new() -> Args {
        Args(Vec::new())
    }

    /// `name` = `value` as text.
    pub fn text(self, name: &'static str, value: impl ToString) -> Args {
        self.push(name, Arg::Text(value.to_string()))
    }

    /// `name` = a phrase with no arguments of its own.
    pub fn phrase(self, name: &'static str, message: &'static Message) -> Args {
        self.push(name, Arg::Phrase(message, Args::new()))
    }

    /// `name` = a phrase with its own arguments.
    pub fn phrase_with(self, name: &'static str, message: &'static Message, args: Args) -> Args {
        self.push(name, Arg::Phrase(message, args))
    }

    /// `name` = the items joined by `separator` (a phrase with `{first}` and `{rest}`), as
    /// nested phrases: a list is a phrase like any other.
    pub fn list(self, name: &'static str, separator: &'static Message, items: Vec<Arg>) -> Args {
        let mut items = items.into_iter().rev();
        let Some(mut joined) = items.next() else { return self.text(name, "") };
        for item in items {
            joined = Arg::Phrase(separator, Args::new().arg("first", item).arg("rest", joined));
        }
        self.push(name, joined)
    }

    /// `name` = an argument already made.
    pub fn arg(self, name: &'static str, arg: Arg) -> Args {
        self.push(name, arg)
    }

    #[inline(never)]
    fn push(mut self, name: &'static str, arg: Arg) -> Args {
        self.0.push((name, arg));
        self
    }

    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Arg)> {
        self.0.iter().map(|(n, a)| (*n, a))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `{"name": "text", "other": {"messageId": "…", "args": {…}}, "words": {"zh": "…", "en": "…"}}`.
impl Serialize for Args {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (name, arg) in &self.0 {
            m.serialize_entry(name, arg)?;
        }
        m.end()
    }
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(t) => s.serialize_str(t),
            Arg::Phrase(m, args) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("messageId", m.id)?;
                map.serialize_entry("args", args)?;
                map.end()
            }
            Arg::Words { zh, en } => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("zh", zh)?;
                map.serialize_entry("en", en)?;
                map.end()
            }
        }
    }
}

/// A message and its arguments: a finding's text before it is rendered, and what the JSON
/// gives as `messageId` + `args`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub message: &'static Message,
    pub args: Args,
}

impl Text {
    pub fn new(message: &'static Message, args: Args) -> Text {
        Text { message, args }
    }

    pub fn render(&self, lang: Lang) -> String {
        self.message.render(lang, &self.args)
    }
}

/// Every message the checker can show, in one list: what a host page re-words or translates
/// by `messageId` (and what the test that re-renders every finding from its `messageId` and
/// `args` looks the ids up in).
pub fn catalogue() -> Vec<&'static Message> {
    [
        crate::lint::MESSAGES,
        crate::read::MESSAGES,
        crate::read::sniff::MESSAGES,
        crate::recognize::tables::MESSAGES,
        crate::recognize::TEXT_TABLE_MESSAGES,
        crate::rules::arithmetic::MESSAGES,
        crate::rules::artifacts::MESSAGES,
        crate::rules::cells::MESSAGES,
        crate::rules::cross_year::MESSAGES,
        crate::rules::file_marks::MESSAGES,
        crate::rules::labels::MESSAGES,
        crate::rules::narrative::category_sum::MESSAGES,
        crate::rules::narrative::mismatch::MESSAGES,
        crate::rules::narrative::percent::MESSAGES,
        crate::rules::period::MESSAGES,
        crate::rules::readability::MESSAGES,
        crate::rules::sections_content::MESSAGES,
        crate::rules::structure::MESSAGES,
        crate::rules::template::MESSAGES,
        crate::rules::version::MESSAGES,
    ]
    .concat()
}

/// The message with this id.
pub fn find(id: &str) -> Option<&'static Message> {
    catalogue().into_iter().find(|m| m.id == id)
}

/// In English (what logs and debug printers show).
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTER: Message = Message { id: "T/outer", zh: "表{table}：{what}。", en: "Table {table}: {what}." };
    const INNER: Message = Message { id: "T/inner", zh: "“{value}”为负数", en: "“{value}” is negative" };

    #[test]
    fn placeholders_are_filled_with_text_and_phrases() {
        let args = Args::new().text("table", "三").phrase_with("what", &INNER, Args::new().text("value", -3));
        assert_eq!(OUTER.render(Lang::Zh, &args), "表三：“-3”为负数。");
        assert_eq!(OUTER.render(Lang::En, &args), "Table 三: “-3” is negative.");
    }

    #[test]
    fn lists_are_nested_phrases() {
        const LIST: Message = Message { id: "T/list", zh: "{first}，{rest}", en: "{first}; {rest}" };
        const ONE: Message = Message { id: "T/one", zh: "[{x}]", en: "{x}" };
        let items = |n: usize| (0..n).map(|i| Arg::Phrase(&ONE, Args::new().text("x", i))).collect();
        for (n, zh, en) in [(0, "", ""), (1, "[0]", "0"), (3, "[0]，[1]，[2]", "0; 1; 2")] {
            let args = Args::new().list("what", &LIST, items(n));
            assert_eq!(OUTER.render(Lang::Zh, &args.clone().text("table", "二")), format!("表二：{zh}。"));
            assert_eq!(OUTER.render(Lang::En, &args.text("table", "二")), format!("Table 二: {en}."));
        }
    }

    /// Every message the source declares is in the catalogue, once, under an id of its own.
    #[test]
    fn the_catalogue_holds_every_declared_message_under_its_own_id() {
        fn declared(dir: &std::path::Path, out: &mut usize) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    declared(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("message.rs")
                    // The summary page's own words (`check --html`) and the CSVs' headers are no
                    // finding's message: not in the catalogue.
                    && !path.ends_with("batch/page/mod.rs")
                    && !path.ends_with("tabular.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let body = text.split("\n#[cfg(test)]\nmod tests {").next().unwrap_or("");
                    *out += body.lines().filter(|l| l.contains("const ") && l.contains(": Message =")).count();
                }
            }
        }
        let mut count = 0;
        declared(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut count);
        let all = catalogue();
        // `ZIP_NO_DOCX` is built only without the `.docx` reader.
        assert_eq!(all.len() + usize::from(cfg!(feature = "docx")), count);
        let mut ids: Vec<&str> = all.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before, "message ids are unique");
        // Placeholders are plain names (a language may leave one out: the English of an
        // unreadable table gives the digits, the Chinese does not).
        for m in all {
            for t in [m.zh, m.en] {
                for part in t.split('{').skip(1) {
                    let (name, _) = part.split_once('}').unwrap_or_else(|| panic!("{}: unclosed {{ in {t}", m.id));
                    assert!(
                        !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                        "{}: {{{name}}}",
                        m.id
                    );
                }
            }
        }
    }

    #[test]
    fn a_missing_argument_stays_visible() {
        assert_eq!(OUTER.render(Lang::En, &Args::new().text("table", "二")), "Table 二: {what}.");
        const OPEN: Message = Message { id: "T/open", zh: "a {b", en: "a {b" };
        assert_eq!(OPEN.render(Lang::Zh, &Args::new()), "a {b");
    }

    #[test]
    fn args_serialise_as_an_object_with_phrases_nested() {
        let args = Args::new().text("table", "三").phrase_with("what", &INNER, Args::new().text("value", -3));
        assert_eq!(
            serde_json::to_string(&args).unwrap(),
            r#"{"table":"三","what":{"messageId":"T/inner","args":{"value":"-3"}}}"#
        );
    }
}
