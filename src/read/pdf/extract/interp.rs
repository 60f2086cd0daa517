//! The content stream interpreter: the operators that place text and draw paths, with the
//! graphics state they depend on (ISO 32000-1 §8–9), into a [`PdfPage`]'s text runs, segments
//! and rectangles, in the coordinates of the page as shown.
//!
//! What is left out, on purpose: colours beyond telling white from ink, clipping (a clipping
//! path is no drawing; what it hides is kept), images, shadings, Type 3 glyph procedures,
//! annotations, marked content.

use super::fonts::Font;
use super::lexer::{Lexer, Operand};
use super::{PdfProblem, Source};
use crate::read::pdf::page::{PdfPage, PdfText};
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// An affine matrix `[a b c d e f]`: `(x, y) → (a x + c y + e, b x + d y + f)`.
pub type Matrix = [f32; 6];

pub const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
pub fn concat(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

pub fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// Graphics states nested deeper than this (`q` without `Q`) are not saved.
const MAX_SAVED_STATES: usize = 1024;

/// A TJ adjustment that moves the pen forward by more than this (in ems) starts a new run:
/// a visible gap, as between two cells written by one operator.
const GAP_EMS: f32 = 1.0;

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_space: f32,
    word_space: f32,
    /// `Tz` / 100.
    scale: f32,
    leading: f32,
    rise: f32,
    fill_white: bool,
    stroke_white: bool,
}

/// A path under construction, in page coordinates: subpaths of points, each point with
/// whether the segment reaching it is straight.
#[derive(Default)]
struct Path {
    subpaths: Vec<Subpath>,
}

#[derive(Default)]
struct Subpath {
    points: Vec<((f32, f32), bool)>,
    closed: bool,
    /// Made by `re`.
    rect: bool,
}

/// A run of text being gathered.
struct Run {
    text: String,
    start: (f32, f32),
    end: (f32, f32),
    size: f32,
}

/// What one page's interpretation shares across its content streams and forms.
pub struct Interpreter<'s, 'd> {
    src: &'s Source<'d>,
    page: PdfPage,
    fonts: &'s mut HashMap<ObjectId, Rc<Font>>,
    forms: &'s mut HashMap<ObjectId, Rc<Vec<u8>>>,
    /// Operators and glyphs still allowed on this page.
    budget: usize,
    budget_limit: usize,
    max_depth: usize,
    path: Path,
    run: Option<Run>,
}

impl<'s, 'd> Interpreter<'s, 'd> {
    pub fn new(
        src: &'s Source<'d>,
        page: PdfPage,
        fonts: &'s mut HashMap<ObjectId, Rc<Font>>,
        forms: &'s mut HashMap<ObjectId, Rc<Vec<u8>>>,
    ) -> Self {
        let budget = src.limits.max_operations_per_page;
        Interpreter {
            src,
            page,
            fonts,
            forms,
            budget,
            budget_limit: budget,
            max_depth: src.limits.max_form_depth,
            path: Path::default(),
            run: None,
        }
    }

    /// The page's content, shown through `page_matrix` (user space to the page as shown).
    pub fn run_page(
        mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        page_matrix: Matrix,
    ) -> Result<PdfPage, PdfProblem> {
        let gs = GraphicsState {
            ctm: page_matrix,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            fill_white: false,
            stroke_white: false,
        };
        self.content(content, resources, gs, 0)?;
        Ok(self.page)
    }

    fn spend(&mut self, n: usize) -> Result<(), PdfProblem> {
        if self.budget < n {
            return Err(PdfProblem::PageTooComplex { page: self.page.number, limit: self.budget_limit });
        }
        self.budget -= n;
        self.src.spend(n)
    }

    fn content(
        &mut self,
        data: &[u8],
        resources: Option<&Dictionary>,
        mut gs: GraphicsState,
        depth: usize,
    ) -> Result<(), PdfProblem> {
        let mut lexer = Lexer::new(data);
        let mut operands = Vec::new();
        let mut saved: Vec<GraphicsState> = Vec::new();
        // Text matrix and text line matrix.
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let num = |ops: &[Operand], i: usize| ops.get(i).and_then(Operand::number).unwrap_or(0.0);
        while let Some(op) = lexer.next_operation(&mut operands) {
            self.spend(1)?;
            let n = |i| num(&operands, i);
            match op {
                b"q" if saved.len() < MAX_SAVED_STATES => saved.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        gs = s;
                    }
                }
                b"cm" if operands.len() >= 6 => {
                    let m = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    if m.iter().all(|v| v.is_finite()) {
                        gs.ctm = concat(&m, &gs.ctm);
                    }
                }
                // Paths.
                b"m" => self
                    .path
                    .subpaths
                    .push(Subpath { points: vec![(apply(&gs.ctm, n(0), n(1)), true)], ..Default::default() }),
                b"l" => self.line_to(apply(&gs.ctm, n(0), n(1)), true),
                b"c" => self.line_to(apply(&gs.ctm, n(4), n(5)), false),
                b"v" | b"y" => self.line_to(apply(&gs.ctm, n(2), n(3)), false),
                b"h" => {
                    if let Some(s) = self.path.subpaths.last_mut() {
                        s.closed = true;
                    }
                }
                b"re" => {
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
                    let points = corners.iter().map(|&(px, py)| (apply(&gs.ctm, px, py), true)).collect();
                    self.path.subpaths.push(Subpath { points, closed: true, rect: true });
                }
                // A clipping path (`W n`) is painted by `n`: nothing drawn.
                b"n" => self.end_path(false, false, &gs),
                b"S" => self.end_path(true, false, &gs),
                b"s" => {
                    self.close();
                    self.end_path(true, false, &gs)
                }
                b"f" | b"F" | b"f*" => self.end_path(false, true, &gs),
                b"B" | b"B*" => self.end_path(true, true, &gs),
                b"b" | b"b*" => {
                    self.close();
                    self.end_path(true, true, &gs)
                }
                // Colours: only whether the ink is white.
                b"g" | b"rg" | b"k" | b"sc" | b"scn" => gs.fill_white = white(&operands),
                b"G" | b"RG" | b"K" | b"SC" | b"SCN" => gs.stroke_white = white(&operands),
                b"cs" => gs.fill_white = false,
                b"CS" => gs.stroke_white = false,
                // Text state.
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"ET" => self.flush(),
                b"Tc" => gs.char_space = n(0),
                b"Tw" => gs.word_space = n(0),
                b"Tz" => gs.scale = n(0) / 100.0,
                b"TL" => gs.leading = n(0),
                b"Ts" => gs.rise = n(0),
                b"Tf" => {
                    gs.size = n(1);
                    gs.font = match operands.first() {
                        Some(Operand::Name(name)) => self.font(resources, name)?,
                        _ => None,
                    };
                }
                b"Td" | b"TD" | b"T*" | b"Tm" | b"'" | b"\"" => {
                    match op {
                        b"Td" | b"TD" => {
                            if op == b"TD" {
                                gs.leading = -n(1);
                            }
                            tlm = concat(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                        }
                        b"Tm" if operands.len() >= 6 => tlm = [n(0), n(1), n(2), n(3), n(4), n(5)],
                        b"Tm" => {}
                        _ => tlm = concat(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm),
                    }
                    tm = tlm;
                    if op == b"\"" {
                        gs.word_space = n(0);
                        gs.char_space = n(1);
                    }
                    if matches!(op, b"'" | b"\"") {
                        self.flush();
                        if let Some(Operand::String(s)) = operands.last() {
                            let s = s.clone();
                            self.show(&gs, &mut tm, &s)?;
                        }
                        self.flush();
                    }
                }
                b"Tj" => {
                    self.flush();
                    if let Some(Operand::String(s)) = operands.first() {
                        let s = s.clone();
                        self.show(&gs, &mut tm, &s)?;
                    }
                    self.flush();
                }
                b"TJ" => {
                    self.flush();
                    if let Some(Operand::Array(items)) = operands.first() {
                        for item in items.clone() {
                            match item {
                                Operand::String(s) => self.show(&gs, &mut tm, &s)?,
                                Operand::Number(adjust) => {
                                    let shift = -adjust / 1000.0 * gs.size * gs.scale;
                                    tm = concat(&[1.0, 0.0, 0.0, 1.0, shift, 0.0], &tm);
                                    if -adjust / 1000.0 > GAP_EMS {
                                        self.flush();
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    self.flush();
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = operands.first() {
                        let name = name.clone();
                        self.form(resources, &name, &gs, depth)?;
                    }
                }
                _ => {}
            }
        }
        self.flush();
        Ok(())
    }

    fn line_to(&mut self, p: (f32, f32), straight: bool) {
        match self.path.subpaths.last_mut() {
            Some(s) if !s.closed => s.points.push((p, straight)),
            // A segment after a closed subpath starts from that subpath's first point.
            Some(s) => {
                let start = s.points[0].0;
                self.path.subpaths.push(Subpath { points: vec![(start, true), (p, straight)], ..Default::default() });
            }
            None => self.path.subpaths.push(Subpath { points: vec![(p, true)], ..Default::default() }),
        }
    }

    fn close(&mut self) {
        if let Some(s) = self.path.subpaths.last_mut() {
            s.closed = true;
        }
    }

    /// A painting operator: what the path drew goes into the page; the path is done.
    fn end_path(&mut self, stroke: bool, fill: bool, gs: &GraphicsState) {
        let path = std::mem::take(&mut self.path);
        let stroke = stroke && !gs.stroke_white;
        let fill = fill && !gs.fill_white;
        if !stroke && !fill {
            return;
        }
        for sub in &path.subpaths {
            if let Some(rect) = axis_rect(sub) {
                if rect[2] > 0.0 || rect[3] > 0.0 {
                    self.page.rects.push(rect);
                }
                continue;
            }
            if !stroke {
                continue;
            }
            let mut segments: Vec<[f32; 4]> = sub
                .points
                .windows(2)
                .filter(|w| w[1].1)
                .map(|w| [w[0].0 .0, w[0].0 .1, w[1].0 .0, w[1].0 .1])
                .collect();
            if sub.closed && sub.points.len() > 2 {
                let (a, b) = (sub.points[sub.points.len() - 1].0, sub.points[0].0);
                segments.push([a.0, a.1, b.0, b.1]);
            }
            self.page.lines.extend(segments.into_iter().filter(|s| s[0] != s[2] || s[1] != s[3]));
        }
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Result<Option<Rc<Font>>, PdfProblem> {
        let doc = self.src.doc;
        let Some(fonts) = resources.and_then(|r| lookup(doc, r, b"Font")).and_then(|o| o.as_dict().ok()) else {
            return Ok(None);
        };
        let Ok(entry) = fonts.get(name) else { return Ok(None) };
        let id = entry.as_reference().ok();
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return Ok(Some(font.clone()));
        }
        let Some(dict) = doc.dereference(entry).ok().and_then(|(_, o)| o.as_dict().ok()) else { return Ok(None) };
        let font = Rc::new(Font::load(self.src, dict)?);
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        Ok(Some(font))
    }

    /// A form XObject, drawn with its matrix; images and anything else are skipped.
    fn form(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        gs: &GraphicsState,
        depth: usize,
    ) -> Result<(), PdfProblem> {
        if depth >= self.max_depth {
            return Ok(());
        }
        let doc = self.src.doc;
        let Some(xobjects) = resources.and_then(|r| lookup(doc, r, b"XObject")).and_then(|o| o.as_dict().ok()) else {
            return Ok(());
        };
        let Ok(entry) = xobjects.get(name) else { return Ok(()) };
        let Ok((id, Object::Stream(stream))) = doc.dereference(entry) else { return Ok(()) };
        if stream.dict.get(b"Subtype").and_then(|o| o.as_name()).ok() != Some(b"Form") {
            return Ok(());
        }
        let data = match id.and_then(|id| self.forms.get(&id)) {
            Some(d) => d.clone(),
            None => {
                let d = Rc::new(self.src.content_data(stream)?);
                if let Some(id) = id {
                    self.forms.insert(id, d.clone());
                }
                d
            }
        };
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(|o| o.as_array())
            .ok()
            .filter(|a| a.len() == 6)
            .map(|a| {
                let v: Vec<f32> = a.iter().map(|o| o.as_float().unwrap_or(0.0)).collect();
                [v[0], v[1], v[2], v[3], v[4], v[5]]
            })
            .filter(|m| m.iter().all(|v| v.is_finite()))
            .unwrap_or(IDENTITY);
        let own = lookup(doc, &stream.dict, b"Resources").and_then(|o| o.as_dict().ok());
        let mut inner = gs.clone();
        inner.ctm = concat(&matrix, &gs.ctm);
        self.flush();
        let saved_path = std::mem::take(&mut self.path);
        self.content(&data, own.or(resources), inner, depth + 1)?;
        self.path = saved_path;
        Ok(())
    }

    /// The glyphs of one string, added to the current run.
    fn show(&mut self, gs: &GraphicsState, tm: &mut Matrix, bytes: &[u8]) -> Result<(), PdfProblem> {
        let Some(font) = gs.font.clone() else { return Ok(()) };
        self.spend(bytes.len())?;
        let size = gs.size;
        font.glyphs(bytes, |glyph| {
            let trm = concat(&concat(&[size * gs.scale, 0.0, 0.0, size, 0.0, gs.rise], tm), &gs.ctm);
            let start = apply(&trm, 0.0, 0.0);
            let shown = ((trm[2] * trm[2] + trm[3] * trm[3]).sqrt()).abs();
            let text: String = glyph.text.chars().filter(|&c| c != '\0').collect();
            if font.vertical {
                // One run per glyph: its origin is the top middle of its em square.
                self.flush();
                let down = apply(&trm, 0.0, -1.0);
                let (dx, dy) = (down.0 - start.0, down.1 - start.1);
                if !text.trim().is_empty() {
                    self.page.texts.push(PdfText {
                        text,
                        x: start.0 - shown / 2.0,
                        y: start.1 + dy.max(dx.abs()) * 0.88,
                        width: shown,
                        size: shown,
                    });
                }
                *tm = concat(&[1.0, 0.0, 0.0, 1.0, 0.0, -(size + gs.char_space)], tm);
                return;
            }
            let end = apply(&trm, glyph.width, 0.0);
            match &mut self.run {
                Some(run) => {
                    run.text.push_str(&text);
                    run.end = end;
                }
                None => self.run = Some(Run { text, start, end, size: shown }),
            }
            let advance =
                (glyph.width * size + gs.char_space + if glyph.word_space { gs.word_space } else { 0.0 }) * gs.scale;
            *tm = concat(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
        });
        Ok(())
    }

    /// The current run into the page (unless it is only white space).
    fn flush(&mut self) {
        let Some(run) = self.run.take() else { return };
        if run.text.trim().is_empty() {
            return;
        }
        let (dx, dy) = (run.end.0 - run.start.0, run.end.1 - run.start.1);
        let (x, width) = if dx.abs() >= dy.abs() {
            (run.start.0.min(run.end.0), dx.abs())
        } else {
            (run.start.0, (dx * dx + dy * dy).sqrt())
        };
        self.page.texts.push(PdfText { text: run.text, x, y: run.start.1, width, size: run.size });
    }
}

/// An entry of a resource dictionary, dereferenced.
fn lookup<'a>(doc: &'a lopdf::Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    doc.dereference(dict.get(key).ok()?).ok().map(|(_, o)| o)
}

/// Colour operands that make white: gray 1, RGB 1 1 1, CMYK 0 0 0 0.
fn white(operands: &[Operand]) -> bool {
    let v: Vec<f32> = operands.iter().filter_map(Operand::number).collect();
    match v.len() {
        1 | 3 => v.iter().all(|&c| c >= 1.0),
        4 => v.iter().all(|&c| c <= 0.0),
        _ => false,
    }
}

/// A subpath that is an axis-aligned rectangle in page coordinates (`re`, or four straight
/// sides closed), as `[x, y, width, height]` from its top-left corner.
fn axis_rect(sub: &Subpath) -> Option<[f32; 4]> {
    let mut pts: Vec<(f32, f32)> = sub.points.iter().map(|p| p.0).collect();
    if !sub.rect {
        if sub.points.iter().skip(1).any(|p| !p.1) {
            return None;
        }
        if pts.len() == 5 && close_to(pts[0], pts[4]) {
            pts.pop();
        } else if !(pts.len() == 4 && sub.closed) {
            return None;
        }
    }
    if pts.len() != 4 {
        return None;
    }
    let eps = 0.01;
    for i in 0..4 {
        let (a, b) = (pts[i], pts[(i + 1) % 4]);
        if (a.0 - b.0).abs() > eps && (a.1 - b.1).abs() > eps {
            return None;
        }
    }
    let (x0, x1) = pts.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let (y0, y1) = pts.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    Some([x0, y0, x1 - x0, y1 - y0])
}

fn close_to(a: (f32, f32), b: (f32, f32)) -> bool {
    (a.0 - b.0).abs() < 0.01 && (a.1 - b.1).abs() < 0.01
}
