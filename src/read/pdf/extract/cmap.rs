//! CMaps embedded in the file (ISO 32000-1 §9.7.5, §9.10.3): a font's `ToUnicode` map (codes
//! to text: `bfchar`, `bfrange`) and an embedded encoding CMap (codes to CIDs: `cidchar`,
//! `cidrange`), both with their code space (how many bytes a code takes).
//!
//! Ranges are kept as ranges, never expanded: `<0000> <FFFF>` costs one entry.

use super::lexer::{Lexer, Operand};
use std::collections::HashMap;

/// A code space range: codes of `len` bytes whose every byte lies between the bounds' bytes.
#[derive(Clone, Debug)]
struct CodeSpace {
    len: usize,
    low: [u8; 4],
    high: [u8; 4],
}

#[derive(Clone, Debug)]
enum RangeTarget {
    /// The first code's text; the following codes increment its last UTF-16 unit.
    Start(Vec<u16>),
    /// One text per code.
    Each(Vec<String>),
    /// The first code's CID.
    Cid(u32),
}

#[derive(Clone, Debug)]
struct Range {
    len: usize,
    low: u32,
    high: u32,
    target: RangeTarget,
}

/// A parsed CMap.
#[derive(Clone, Debug, Default)]
pub struct CMap {
    spaces: Vec<CodeSpace>,
    chars: HashMap<(usize, u32), String>,
    cids: HashMap<(usize, u32), u32>,
    /// Sorted by `(len, low)`.
    ranges: Vec<Range>,
    /// The predefined CMap named by `usecmap`, if any (`Identity-H`, …).
    pub uses: Option<Vec<u8>>,
}

/// Ranges and single codes beyond this many are ignored (a real map has a few thousand).
const MAX_ENTRIES: usize = 200_000;

/// A bfrange's or cidrange's ends and what they map to, or `None` when malformed.
fn code(o: &Operand) -> Option<(usize, u32)> {
    match o {
        Operand::String(b) if (1..=4).contains(&b.len()) => {
            Some((b.len(), b.iter().fold(0u32, |v, &x| v << 8 | u32::from(x))))
        }
        _ => None,
    }
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes.chunks(2).map(|c| u16::from(c[0]) << 8 | u16::from(*c.get(1).unwrap_or(&0))).collect()
}

fn text_of(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied()).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

impl CMap {
    pub fn parse(data: &[u8]) -> CMap {
        let mut map = CMap::default();
        let mut lexer = Lexer::new(data).with_max_operands(1024);
        let mut operands = Vec::new();
        let mut entries = 0usize;
        while let Some(op) = lexer.next_operation(&mut operands) {
            match op {
                b"usecmap" => {
                    if let Some(Operand::Name(n)) = operands.first() {
                        map.uses = Some(n.clone());
                    }
                }
                b"endcodespacerange" => {
                    for pair in operands.chunks_exact(2) {
                        if let (Operand::String(lo), Operand::String(hi)) = (&pair[0], &pair[1]) {
                            if lo.len() == hi.len() && (1..=4).contains(&lo.len()) {
                                let mut space = CodeSpace { len: lo.len(), low: [0; 4], high: [0; 4] };
                                space.low[..lo.len()].copy_from_slice(lo);
                                space.high[..hi.len()].copy_from_slice(hi);
                                map.spaces.push(space);
                            }
                        }
                    }
                }
                b"endbfchar" | b"endcidchar" => {
                    for pair in operands.chunks_exact(2) {
                        let Some(src) = code(&pair[0]) else { continue };
                        entries += 1;
                        if entries > MAX_ENTRIES {
                            break;
                        }
                        match &pair[1] {
                            Operand::String(dst) if op == b"endbfchar" => {
                                map.chars.insert(src, text_of(&utf16(dst)));
                            }
                            Operand::Number(cid) if op == b"endcidchar" && *cid >= 0.0 => {
                                map.cids.insert(src, *cid as u32);
                            }
                            _ => {}
                        }
                    }
                }
                b"endbfrange" | b"endcidrange" => {
                    for triple in operands.chunks_exact(3) {
                        let (Some((len, low)), Some((len_high, high))) = (code(&triple[0]), code(&triple[1])) else {
                            continue;
                        };
                        entries += 1;
                        if len != len_high || high < low || entries > MAX_ENTRIES {
                            continue;
                        }
                        let target = match &triple[2] {
                            Operand::String(dst) if op == b"endbfrange" => RangeTarget::Start(utf16(dst)),
                            Operand::Array(items) if op == b"endbfrange" => RangeTarget::Each(
                                items
                                    .iter()
                                    .map(|i| match i {
                                        Operand::String(d) => text_of(&utf16(d)),
                                        _ => String::new(),
                                    })
                                    .collect(),
                            ),
                            Operand::Number(cid) if op == b"endcidrange" && *cid >= 0.0 => {
                                RangeTarget::Cid(*cid as u32)
                            }
                            _ => continue,
                        };
                        map.ranges.push(Range { len, low, high, target });
                    }
                }
                _ => {}
            }
        }
        map.ranges.sort_by_key(|r| (r.len, r.low));
        map
    }

    /// Whether the map says how long codes are.
    pub fn has_code_space(&self) -> bool {
        !self.spaces.is_empty()
    }

    /// How many bytes the code at the start of `bytes` takes, by the code space ranges:
    /// the shortest that matches; else `fallback`.
    pub fn code_len(&self, bytes: &[u8], fallback: usize) -> usize {
        for len in 1..=4 {
            if bytes.len() < len {
                break;
            }
            let matched = self
                .spaces
                .iter()
                .any(|s| s.len == len && (0..len).all(|i| s.low[i] <= bytes[i] && bytes[i] <= s.high[i]));
            if matched {
                return len;
            }
        }
        fallback.min(bytes.len()).max(1)
    }

    fn range(&self, len: usize, code: u32) -> Option<&Range> {
        let end = self.ranges.partition_point(|r| (r.len, r.low) <= (len, code));
        // The nearest ranges starting at or before the code (overlaps are rare).
        self.ranges[..end].iter().rev().take(8).find(|r| r.len == len && r.high >= code)
    }

    /// The text of a code, if the map has it.
    pub fn text(&self, len: usize, code: u32) -> Option<String> {
        if let Some(t) = self.chars.get(&(len, code)) {
            return Some(t.clone());
        }
        let range = self.range(len, code)?;
        let offset = code - range.low;
        match &range.target {
            RangeTarget::Start(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = last.wrapping_add(offset as u16);
                Some(text_of(&units))
            }
            RangeTarget::Each(texts) => texts.get(offset as usize).cloned(),
            RangeTarget::Cid(_) => None,
        }
    }

    /// The CID of a code, if the map has it.
    pub fn cid(&self, len: usize, code: u32) -> Option<u32> {
        if let Some(&c) = self.cids.get(&(len, code)) {
            return Some(c);
        }
        match self.range(len, code)?.target {
            RangeTarget::Cid(first) => Some(first.saturating_add(code - self.range(len, code)?.low)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_UNICODE: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        3 beginbfchar <0010> <002D> <1adc> <6DEE> <0400> <D835DC00> endbfchar
        2 beginbfrange <0013> <001C> <0030> <2000> <2002> [<0041> <00420043> <0044>] endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn bfchar_bfrange_and_surrogates() {
        let map = CMap::parse(TO_UNICODE.as_bytes());
        assert_eq!(map.code_len(&[0x1a, 0xdc], 1), 2);
        assert_eq!(map.text(2, 0x1adc).as_deref(), Some("淮"));
        assert_eq!(map.text(2, 0x0010).as_deref(), Some("-"));
        assert_eq!(map.text(2, 0x0016).as_deref(), Some("3"));
        assert_eq!(map.text(2, 0x2001).as_deref(), Some("BC"));
        assert_eq!(map.text(2, 0x0400).as_deref(), Some("\u{1D400}"));
        assert_eq!(map.text(2, 0x001d), None);
        assert_eq!(map.text(1, 0x16), None);
    }

    #[test]
    fn cid_ranges_and_mixed_code_lengths() {
        let map = CMap::parse(
            b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
              1 begincidrange <8140> <817E> 100 endcidrange 1 begincidchar <41> 34 endcidchar
              /GBK-EUC-H usecmap",
        );
        assert_eq!(map.code_len(&[0x41, 0x81], 1), 1);
        assert_eq!(map.code_len(&[0x81, 0x42], 1), 2);
        assert_eq!(map.cid(2, 0x8142), Some(102));
        assert_eq!(map.cid(1, 0x41), Some(34));
        assert_eq!(map.uses.as_deref(), Some(&b"GBK-EUC-H"[..]));
    }
}
