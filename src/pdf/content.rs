//! Our own walk of a page's content operators: what pdf-extract's `OutputDev` does not give.
//!
//! It records, in the order pdf-extract shows them, one `RunInfo` per shown string (font,
//! fill colour, render mode, and the form matrix pdf-extract forgets), and every ruling line,
//! filled rectangle and image, form XObjects included, with the true CTM.

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::sync::Arc;

use super::geom::Matrix;

/// Font facts from the page resources, which `OutputDev` does not pass.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FontInfo {
    /// Shared with every word set in the font.
    pub name: Arc<String>,
    pub bold: bool,
    pub italic: bool,
    pub symbolic: bool,
}

/// What we know about one shown string (one `begin_word` in pdf-extract).
#[derive(Debug, Clone)]
pub struct RunInfo {
    pub font: Arc<FontInfo>,
    pub fill: [u8; 3],
    pub render_mode: i64,
    /// Maps pdf-extract's coordinates of this run to true user space (form `/Matrix` × CTM).
    pub base: Matrix,
}

/// A stroked straight segment or a rectangle edge, in user space.
#[derive(Debug, Clone, Copy)]
pub struct Segment {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub width: f64,
    pub color: [u8; 3],
}

/// A filled axis-aligned rectangle in user space (cell shading, or a rule drawn as a thin fill).
#[derive(Debug, Clone, Copy)]
pub struct FillRect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub color: [u8; 3],
}

#[derive(Debug, Default)]
pub struct PageGraphics {
    pub runs: Vec<RunInfo>,
    pub segments: Vec<Segment>,
    pub fills: Vec<FillRect>,
    /// Image bounding boxes in user space `[x0, y0, x1, y1]`.
    pub images: Vec<[f64; 4]>,
    /// Operators walked, for the budget.
    pub ops: usize,
    /// The page's content cut to the operations pdf-extract acts on for text (text state and
    /// showing, `q`/`Q`/`cm`, `gs`, form `Do`), each copied byte for byte and in order, so
    /// pdf-extract shows the same glyphs from it without parsing the paths, colours, clips and
    /// marked content our own walk has read already. None when our reader left the stream to
    /// lopdf or stopped early: pdf-extract then reads the page's own content.
    pub text_only: Option<Vec<u8>>,
}

/// The operators of a page's content that pdf-extract's text output depends on: everything it
/// acts on but paths, painting, colour and line state (which move no glyph). Anything not listed
/// is ignored by pdf-extract or changes only what it draws.
const TEXT_OPERATORS: [&str; 22] = [
    "BT", "ET", "Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts", "Td", "TD", "Tm", "T*", "Tj", "TJ", "'", "\"", "q",
    "Q", "cm", "gs", "Do",
];

/// Bounds that keep a hostile content stream from costing more than a page is worth.
const MAX_FORM_DEPTH: usize = 12;
const MAX_OPS_PER_PAGE: usize = 2_000_000;
const MAX_PATH_ITEMS: usize = 200_000;

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    fill: Option<[u8; 3]>,
    stroke: [u8; 3],
    fill_space: Space,
    stroke_space: Space,
    line_width: f64,
    render_mode: i64,
    font: Arc<FontInfo>,
}

#[derive(Clone, Copy, PartialEq)]
enum Space {
    Gray,
    Rgb,
    Cmyk,
    Other,
}

enum PathItem {
    Move(f64, f64),
    Line(f64, f64),
    Curve(f64, f64),
    Rect(f64, f64, f64, f64),
    Close,
}

pub struct Walker<'a> {
    doc: &'a Document,
    fonts: HashMap<ObjectId, Arc<FontInfo>>,
    out: PageGraphics,
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => 0.0,
    }
}

fn nums<const N: usize>(ops: &[Object]) -> Option<[f64; N]> {
    if ops.len() < N {
        return None;
    }
    let mut out = [0.0; N];
    for (i, o) in ops[ops.len() - N..].iter().enumerate() {
        out[i] = match o {
            Object::Integer(v) => *v as f64,
            Object::Real(v) => *v as f64,
            _ => return None,
        };
        if !out[i].is_finite() {
            return None;
        }
    }
    Some(out)
}

fn to_u8(v: f64) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0).round() as u8
}

fn colour(space: Space, comps: &[f64]) -> Option<[u8; 3]> {
    match (space, comps.len()) {
        (Space::Gray, 1) | (Space::Other, 1) => Some([to_u8(comps[0]); 3]),
        (Space::Rgb, 3) | (Space::Other, 3) => Some([to_u8(comps[0]), to_u8(comps[1]), to_u8(comps[2])]),
        (Space::Cmyk, 4) | (Space::Other, 4) => {
            let k = comps[3];
            Some([
                to_u8((1.0 - comps[0]) * (1.0 - k)),
                to_u8((1.0 - comps[1]) * (1.0 - k)),
                to_u8((1.0 - comps[2]) * (1.0 - k)),
            ])
        }
        _ => None,
    }
}

impl<'a> Walker<'a> {
    pub fn new(doc: &'a Document) -> Self {
        Walker { doc, fonts: HashMap::new(), out: PageGraphics::default() }
    }

    fn deref(&self, o: &'a Object) -> Option<&'a Object> {
        let doc: &'a Document = self.doc;
        let mut cur = o;
        for _ in 0..8 {
            match cur {
                Object::Reference(id) => cur = doc.get_object(*id).ok()?,
                _ => return Some(cur),
            }
        }
        None
    }

    fn dict_get(&self, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        d.get(key).ok().and_then(|o| self.deref(o))
    }

    fn sub_dict(&self, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
        match self.dict_get(d, key)? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// Walks one page; `resources` is the page's inherited resource dictionary.
    pub fn walk_page(mut self, content: &[u8], resources: Option<&'a Dictionary>) -> PageGraphics {
        let gs = GState {
            ctm: Matrix::IDENTITY,
            fill: Some([0, 0, 0]),
            stroke: [0, 0, 0],
            fill_space: Space::Gray,
            stroke_space: Space::Gray,
            line_width: 1.0,
            render_mode: 0,
            font: Arc::new(FontInfo::default()),
        };
        self.walk(content, resources, gs, Matrix::IDENTITY, 0);
        self.out
    }

    fn font_info(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Arc<FontInfo> {
        let Some(fonts) = resources.and_then(|r| self.sub_dict(r, b"Font")) else {
            return Arc::new(FontInfo::default());
        };
        let id = match fonts.get(name) {
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        if let Some(f) = id.and_then(|id| self.fonts.get(&id)) {
            return f.clone();
        }
        let info = match self.dict_get(fonts, name) {
            Some(Object::Dictionary(d)) => self.describe_font(d),
            _ => FontInfo::default(),
        };
        let info = Arc::new(info);
        if let Some(id) = id {
            self.fonts.insert(id, info.clone());
        }
        info
    }

    fn describe_font(&self, font: &'a Dictionary) -> FontInfo {
        let base = match self.dict_get(font, b"BaseFont") {
            Some(Object::Name(n)) => String::from_utf8_lossy(n).into_owned(),
            _ => String::new(),
        };
        // Subset fonts carry a six-letter tag: "ABCDEF+Arial-BoldMT".
        let name = match base.split_once('+') {
            Some((tag, rest)) if tag.len() == 6 => rest.to_string(),
            _ => base,
        };
        let mut desc = self.sub_dict(font, b"FontDescriptor");
        if desc.is_none() {
            // Type0: the descriptor sits on the descendant font.
            if let Some(Object::Array(d)) = self.dict_get(font, b"DescendantFonts") {
                if let Some(Object::Dictionary(df)) = d.first().and_then(|o| self.deref(o)) {
                    desc = self.sub_dict(df, b"FontDescriptor");
                }
            }
        }
        let flags = desc.and_then(|d| self.dict_get(d, b"Flags")).map(num).unwrap_or(0.0) as i64;
        let weight = desc.and_then(|d| self.dict_get(d, b"FontWeight")).map(num).unwrap_or(0.0);
        let angle = desc.and_then(|d| self.dict_get(d, b"ItalicAngle")).map(num).unwrap_or(0.0);
        let lower = name.to_ascii_lowercase();
        let bold = ["bold", "black", "heavy", "semibold", "demi"].iter().any(|k| lower.contains(k))
            || flags & 0x40000 != 0
            || weight >= 600.0;
        let italic =
            lower.contains("italic") || lower.contains("oblique") || flags & 0x40 != 0 || angle.abs() > 0.5;
        let symbolic = ["symbol", "wingding", "dingbat", "webdings"].iter().any(|k| lower.contains(k));
        FontInfo { name: name.into(), bold, italic, symbolic }
    }

    fn colour_space(&self, resources: Option<&'a Dictionary>, name: &[u8]) -> Space {
        match name {
            b"DeviceGray" | b"CalGray" | b"G" => return Space::Gray,
            b"DeviceRGB" | b"CalRGB" | b"RGB" => return Space::Rgb,
            b"DeviceCMYK" | b"CMYK" => return Space::Cmyk,
            _ => {}
        }
        let Some(spaces) = resources.and_then(|r| self.sub_dict(r, b"ColorSpace")) else {
            return Space::Other;
        };
        match self.dict_get(spaces, name) {
            Some(Object::Array(a)) => {
                let family = a.first().and_then(|o| o.as_name().ok()).unwrap_or(b"");
                match family {
                    b"ICCBased" => {
                        let n = a
                            .get(1)
                            .and_then(|o| self.deref(o))
                            .and_then(|o| o.as_stream().ok())
                            .and_then(|s| s.dict.get(b"N").ok().map(num))
                            .unwrap_or(0.0);
                        match n as i64 {
                            1 => Space::Gray,
                            3 => Space::Rgb,
                            4 => Space::Cmyk,
                            _ => Space::Other,
                        }
                    }
                    b"CalRGB" | b"Lab" => Space::Rgb,
                    b"CalGray" => Space::Gray,
                    _ => Space::Other,
                }
            }
            Some(Object::Name(n)) => match n.as_slice() {
                b"DeviceGray" => Space::Gray,
                b"DeviceRGB" => Space::Rgb,
                b"DeviceCMYK" => Space::Cmyk,
                _ => Space::Other,
            },
            _ => Space::Other,
        }
    }

    fn walk(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        mut gs: GState,
        base: Matrix,
        depth: usize,
    ) {
        let data = content;
        // The page's own stream (not a form's) is also cut down for pdf-extract.
        let (content, spans) = if depth == 0 {
            match super::lex::decode_with_spans(data) {
                Ok(read) => read,
                Err(_) => return,
            }
        } else {
            match super::lex::decode(data) {
                Ok(read) => (read, None),
                Err(_) => return,
            }
        };
        let mut text_only = spans.as_ref().map(|_| Vec::with_capacity(data.len() / 2));
        let mut stack: Vec<GState> = Vec::new();
        let mut path: Vec<PathItem> = Vec::new();
        for (i, op) in content.operations.iter().enumerate() {
            self.out.ops += 1;
            if self.out.ops > MAX_OPS_PER_PAGE {
                return;
            }
            if let (Some(out), Some(span)) = (text_only.as_mut(), spans.as_ref().and_then(|s| s.get(i))) {
                if TEXT_OPERATORS.contains(&op.operator.as_str()) && !self.is_image_call(op, resources) {
                    out.extend_from_slice(data.get(span.clone()).unwrap_or_default());
                    out.push(b'\n');
                }
            }
            let o = &op.operands;
            match op.operator.as_str() {
                "q" if stack.len() < 1024 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" => {
                    if let Some(m) = nums::<6>(o) {
                        let m = Matrix(m).then(&gs.ctm);
                        if m.is_finite() {
                            gs.ctm = m;
                        }
                    }
                }
                "w" => gs.line_width = o.first().map(num).unwrap_or(1.0),
                "g" => gs.fill = colour(Space::Gray, &o.iter().map(num).collect::<Vec<_>>()).or(gs.fill),
                "rg" => gs.fill = colour(Space::Rgb, &o.iter().map(num).collect::<Vec<_>>()).or(gs.fill),
                "k" => gs.fill = colour(Space::Cmyk, &o.iter().map(num).collect::<Vec<_>>()).or(gs.fill),
                "G" => {
                    gs.stroke =
                        colour(Space::Gray, &o.iter().map(num).collect::<Vec<_>>()).unwrap_or(gs.stroke)
                }
                "RG" => {
                    gs.stroke =
                        colour(Space::Rgb, &o.iter().map(num).collect::<Vec<_>>()).unwrap_or(gs.stroke)
                }
                "K" => {
                    gs.stroke =
                        colour(Space::Cmyk, &o.iter().map(num).collect::<Vec<_>>()).unwrap_or(gs.stroke)
                }
                "cs" => {
                    gs.fill_space = o
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .map(|n| self.colour_space(resources, n))
                        .unwrap_or(Space::Other);
                    gs.fill = match gs.fill_space {
                        Space::Cmyk => Some([0, 0, 0]),
                        Space::Other => None,
                        _ => Some([0, 0, 0]),
                    };
                }
                "CS" => {
                    gs.stroke_space = o
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .map(|n| self.colour_space(resources, n))
                        .unwrap_or(Space::Other);
                }
                "sc" | "scn" => {
                    let comps: Vec<f64> =
                        o.iter().filter(|x| !matches!(x, Object::Name(_))).map(num).collect();
                    gs.fill = colour(gs.fill_space, &comps);
                }
                "SC" | "SCN" => {
                    let comps: Vec<f64> =
                        o.iter().filter(|x| !matches!(x, Object::Name(_))).map(num).collect();
                    if let Some(c) = colour(gs.stroke_space, &comps) {
                        gs.stroke = c;
                    }
                }
                "Tr" => gs.render_mode = o.first().map(num).unwrap_or(0.0) as i64,
                "Tf" => {
                    if let Some(name) = o.first().and_then(|n| n.as_name().ok()) {
                        gs.font = self.font_info(resources, name);
                    }
                }
                "Tj" => self.run(&gs, base),
                "TJ" => {
                    if let Some(Object::Array(items)) = o.first() {
                        for it in items {
                            if matches!(it, Object::String(..)) {
                                self.run(&gs, base);
                            }
                        }
                    }
                }
                // pdf-extract shows nothing for ' and ", so neither do we (runs stay aligned).
                "m" => {
                    if let Some([x, y]) = nums::<2>(o) {
                        path.push(PathItem::Move(x, y));
                    }
                }
                "l" => {
                    if let Some([x, y]) = nums::<2>(o) {
                        path.push(PathItem::Line(x, y));
                    }
                }
                "c" => {
                    if let Some(v) = nums::<6>(o) {
                        path.push(PathItem::Curve(v[4], v[5]));
                    }
                }
                "v" | "y" => {
                    if let Some(v) = nums::<4>(o) {
                        path.push(PathItem::Curve(v[2], v[3]));
                    }
                }
                "re" => {
                    if let Some([x, y, w, h]) = nums::<4>(o) {
                        path.push(PathItem::Rect(x, y, w, h));
                    }
                }
                "h" => path.push(PathItem::Close),
                "S" | "s" => {
                    self.stroke(&path, &gs);
                    path.clear();
                }
                "f" | "F" | "f*" => {
                    self.fill(&path, &gs);
                    path.clear();
                }
                "B" | "B*" | "b" | "b*" => {
                    self.fill(&path, &gs);
                    self.stroke(&path, &gs);
                    path.clear();
                }
                "n" => path.clear(),
                "Do" => {
                    if let Some(name) = o.first().and_then(|n| n.as_name().ok()) {
                        self.xobject(resources, name, &gs, depth);
                    }
                }
                _ => {}
            }
            if path.len() > MAX_PATH_ITEMS {
                path.clear();
            }
        }
        if depth == 0 {
            self.out.text_only = text_only;
        }
    }

    /// A `Do` that paints an image (pdf-extract would read its emptied data as a content stream).
    fn is_image_call(&self, op: &lopdf::content::Operation, resources: Option<&'a Dictionary>) -> bool {
        if op.operator != "Do" {
            return false;
        }
        let Some(name) = op.operands.first().and_then(|n| n.as_name().ok()) else { return false };
        let Some(xobjects) = resources.and_then(|r| self.sub_dict(r, b"XObject")) else { return false };
        matches!(self.dict_get(xobjects, name), Some(Object::Stream(s))
            if matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image"))
    }

    fn run(&mut self, gs: &GState, base: Matrix) {
        self.out.runs.push(RunInfo {
            font: gs.font.clone(),
            fill: gs.fill.unwrap_or([0, 0, 0]),
            render_mode: gs.render_mode,
            base,
        });
    }

    fn xobject(&mut self, resources: Option<&'a Dictionary>, name: &[u8], gs: &GState, depth: usize) {
        let Some(xobjects) = resources.and_then(|r| self.sub_dict(r, b"XObject")) else { return };
        let Some(Object::Stream(stream)) = self.dict_get(xobjects, name) else { return };
        let subtype = stream.dict.get(b"Subtype").ok().and_then(|n| n.as_name().ok()).unwrap_or(b"");
        if subtype == b"Image" {
            let pts = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(x, y)| gs.ctm.apply(x, y));
            let xs = pts.iter().map(|p| p.0);
            let ys = pts.iter().map(|p| p.1);
            self.out.images.push([
                xs.clone().fold(f64::INFINITY, f64::min),
                ys.clone().fold(f64::INFINITY, f64::min),
                xs.fold(f64::NEG_INFINITY, f64::max),
                ys.fold(f64::NEG_INFINITY, f64::max),
            ]);
            return;
        }
        if subtype != b"Form" || depth >= MAX_FORM_DEPTH {
            return;
        }
        let matrix = match stream.dict.get(b"Matrix").ok().and_then(|o| self.deref(o)) {
            Some(Object::Array(a)) if a.len() == 6 => {
                Matrix([num(&a[0]), num(&a[1]), num(&a[2]), num(&a[3]), num(&a[4]), num(&a[5])])
            }
            _ => Matrix::IDENTITY,
        };
        let ctm = matrix.then(&gs.ctm);
        let form_resources = self.sub_dict(&stream.dict, b"Resources").or(resources);
        let data = if stream.dict.get(b"Filter").is_ok() {
            match stream.decompressed_content() {
                Ok(d) => d,
                Err(_) => return,
            }
        } else {
            stream.content.clone()
        };
        let mut inner = gs.clone();
        inner.ctm = ctm;
        // pdf-extract restarts the CTM at identity inside a form: its coordinates need `ctm` after.
        self.walk(&data, form_resources, inner, ctm, depth + 1);
    }

    fn stroke(&mut self, path: &[PathItem], gs: &GState) {
        let ctm = gs.ctm;
        // Line width in user space: scale by the CTM's mean axis length.
        let (sx, sy) = (ctm.apply_vec(1.0, 0.0), ctm.apply_vec(0.0, 1.0));
        let scale = ((sx.0.hypot(sx.1)) + (sy.0.hypot(sy.1))) / 2.0;
        let width = gs.line_width.max(0.0) * scale;
        let mut push = |a: (f64, f64), b: (f64, f64)| {
            let (p, q) = (ctm.apply(a.0, a.1), ctm.apply(b.0, b.1));
            self.out.segments.push(Segment { x0: p.0, y0: p.1, x1: q.0, y1: q.1, width, color: gs.stroke });
        };
        let mut start = (0.0, 0.0);
        let mut cur = (0.0, 0.0);
        for item in path {
            match *item {
                PathItem::Move(x, y) => {
                    start = (x, y);
                    cur = start;
                }
                PathItem::Line(x, y) => {
                    push(cur, (x, y));
                    cur = (x, y);
                }
                PathItem::Curve(x, y) => cur = (x, y),
                PathItem::Rect(x, y, w, h) => {
                    let c = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
                    for i in 0..4 {
                        push(c[i], c[(i + 1) % 4]);
                    }
                    start = (x, y);
                    cur = start;
                }
                PathItem::Close => {
                    push(cur, start);
                    cur = start;
                }
            }
        }
    }

    fn fill(&mut self, path: &[PathItem], gs: &GState) {
        let Some(color) = gs.fill else { return };
        let ctm = gs.ctm;
        let mut poly: Vec<(f64, f64)> = Vec::new();
        let flush = |poly: &mut Vec<(f64, f64)>, out: &mut PageGraphics| {
            if let Some(r) = axis_rect(poly) {
                out.fills.push(FillRect { x0: r[0], y0: r[1], x1: r[2], y1: r[3], color });
            }
            poly.clear();
        };
        for item in path {
            match *item {
                PathItem::Move(x, y) => {
                    flush(&mut poly, &mut self.out);
                    poly.push(ctm.apply(x, y));
                }
                PathItem::Line(x, y) => poly.push(ctm.apply(x, y)),
                PathItem::Curve(_, _) => poly.clear(),
                PathItem::Rect(x, y, w, h) => {
                    flush(&mut poly, &mut self.out);
                    let pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)].map(|(a, b)| ctm.apply(a, b));
                    poly.extend_from_slice(&pts);
                    flush(&mut poly, &mut self.out);
                }
                PathItem::Close => {}
            }
        }
        flush(&mut poly, &mut self.out);
    }
}

/// The bounding rectangle of a polygon whose edges are all horizontal or vertical, if it is one.
/// A corner may be visited twice and a path may start mid-edge (LibreOffice Impress draws its
/// shapes' rectangles from the middle of the bottom edge): points on a straight run are dropped.
fn axis_rect(poly: &[(f64, f64)]) -> Option<[f64; 4]> {
    if poly.len() > MAX_RECT_POINTS {
        return None;
    }
    let mut pts: Vec<(f64, f64)> = Vec::with_capacity(poly.len());
    for &p in poly {
        if !pts.last().is_some_and(|q| same_point(*q, p)) {
            pts.push(p);
        }
    }
    if pts.len() >= 2 && same_point(pts[0], pts[pts.len() - 1]) {
        pts.pop();
    }
    // Drop a point between two on one straight axis-aligned run, going round the polygon.
    let mut i = 0;
    while pts.len() > 4 && i < pts.len() {
        let n = pts.len();
        let (a, b, c) = (pts[(i + n - 1) % n], pts[i], pts[(i + 1) % n]);
        let on_x = (a.0 - b.0).abs() < AXIS_TOL && (b.0 - c.0).abs() < AXIS_TOL;
        let on_y = (a.1 - b.1).abs() < AXIS_TOL && (b.1 - c.1).abs() < AXIS_TOL;
        if on_x || on_y {
            pts.remove(i);
        } else {
            i += 1;
        }
    }
    if pts.len() != 4 {
        return None;
    }
    for i in 0..4 {
        let (a, b) = (pts[i], pts[(i + 1) % 4]);
        if (a.0 - b.0).abs() > AXIS_TOL && (a.1 - b.1).abs() > AXIS_TOL {
            return None;
        }
    }
    let xs = pts.iter().map(|p| p.0);
    let ys = pts.iter().map(|p| p.1);
    Some([
        xs.clone().fold(f64::INFINITY, f64::min),
        ys.clone().fold(f64::INFINITY, f64::min),
        xs.fold(f64::NEG_INFINITY, f64::max),
        ys.fold(f64::NEG_INFINITY, f64::max),
    ])
}

/// The most points a rectangle's outline is drawn with: four corners, the start again, a start
/// mid-edge and a corner visited twice. A longer polygon is no box (and costs nothing to drop).
const MAX_RECT_POINTS: usize = 10;
/// Two path points closer than this (user space) are one.
const SAME_POINT_TOL: f64 = 0.01;
/// An edge whose ends differ by less than this across is horizontal or vertical.
const AXIS_TOL: f64 = 0.5;

fn same_point(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < SAME_POINT_TOL && (a.1 - b.1).abs() < SAME_POINT_TOL
}

#[cfg(test)]
mod tests {
    use super::axis_rect;

    #[test]
    fn rectangle_drawn_from_mid_edge_is_a_rectangle() {
        // LibreOffice Impress's filled status box: m at the bottom edge's middle, four l, back to
        // the start, h.
        let poly = [
            (871.172, 475.257),
            (849.572, 475.257),
            (849.572, 511.228),
            (892.743, 511.228),
            (892.743, 475.257),
            (871.172, 475.257),
        ];
        assert_eq!(axis_rect(&poly), Some([849.572, 475.257, 892.743, 511.228]));
        assert_eq!(
            axis_rect(&[(0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0)]),
            Some([0.0, 0.0, 10.0, 5.0])
        );
        // A slanted quadrilateral and an L shape are no rectangles.
        assert_eq!(axis_rect(&[(0.0, 0.0), (10.0, 2.0), (10.0, 5.0), (0.0, 5.0)]), None);
        let l_shape = [(0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (5.0, 5.0), (5.0, 10.0), (0.0, 10.0)];
        assert_eq!(axis_rect(&l_shape), None);
    }
}
