//! The one TrueType font a PDF is set in, embedded whole: its glyphs are addressed by glyph
//! id (Identity-H), each glyph used gets its width, and a ToUnicode map lets readers copy and
//! search the text. Embedding the font (rather than naming one of PDF's standard fonts, which
//! cover Latin only) is what lets a Ukrainian or Russian draft print.

use std::collections::BTreeMap;
use std::io::Write as _;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};

/// A parsed font and the glyphs a document used.
pub struct Font<'a> {
    face: ttf_parser::Face<'a>,
    data: &'a [u8],
    em: f32,
    /// Glyph and advance of the characters below U+0800 (Latin, Greek, Cyrillic, …), looked
    /// up once each: a code's redline measures and encodes millions of characters.
    near: Vec<Option<(u16, f32)>>,
    far: std::collections::HashMap<char, (u16, f32)>,
}

/// Why a font cannot be used.
pub fn check(data: &[u8]) -> std::result::Result<(), String> {
    let face = ttf_parser::Face::parse(data, 0).map_err(|e| format!("not a font ({e})"))?;
    if face.permissions() == Some(ttf_parser::Permissions::Restricted) {
        return Err("its licence forbids embedding it".into());
    }
    // Embedded as a TrueType font file (FontFile2): PostScript (CFF) outlines would need
    // another font type.
    if face.tables().glyf.is_none() {
        return Err("it has PostScript (CFF) outlines; name a TrueType (.ttf) font".into());
    }
    if face.glyph_index('a').is_none() {
        return Err("it has no Latin letters".into());
    }
    Ok(())
}

impl<'a> Font<'a> {
    /// Parses `data` (a TrueType or OpenType-with-TrueType-outlines font).
    pub fn new(data: &'a [u8]) -> std::result::Result<Self, String> {
        check(data)?;
        let face = ttf_parser::Face::parse(data, 0).map_err(|e| format!("not a font ({e})"))?;
        let em = f32::from(face.units_per_em().max(1));
        Ok(Font {
            face,
            data,
            em,
            near: vec![None; 0x800],
            far: Default::default(),
        })
    }

    /// The glyph for `c` (the font's "missing" glyph when it has none) and its advance in ems.
    fn glyph(&mut self, c: char) -> (u16, f32) {
        let g = self.glyph_of(c);
        if (c as usize) < self.near.len() {
            self.near[c as usize] = Some(g);
        } else {
            self.far.entry(c).or_insert(g);
        }
        g
    }

    /// The advance of `c` at size 1; remembers `c`'s glyph for [`Font::encode`].
    pub fn measure(&mut self, c: char) -> f32 {
        self.glyph(c).1
    }

    /// The advance of `c` at size 1, without remembering it.
    pub fn glyph_width(&self, c: char) -> f32 {
        self.glyph_of(c).1
    }

    /// `c`'s glyph, without remembering it: what threads that share the font use, after
    /// [`Font::measure`] has seen every character of the text.
    fn glyph_of(&self, c: char) -> (u16, f32) {
        let known = if (c as usize) < self.near.len() {
            self.near[c as usize]
        } else {
            self.far.get(&c).copied()
        };
        known.unwrap_or_else(|| {
            let id = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
            let advance = self.face.glyph_hor_advance(id).unwrap_or(0);
            (id.0, f32::from(advance) / self.em)
        })
    }

    /// `text` as the two-byte glyph ids a content stream shows, each glyph marked in `used`.
    pub fn encode(&self, text: &str, used: &mut Used) {
        for c in text.chars() {
            let (id, _) = self.glyph_of(c);
            if used.chars[usize::from(id)].is_none() {
                used.chars[usize::from(id)] = Some(c);
            }
            used.bytes.extend_from_slice(&id.to_be_bytes());
        }
    }

    /// Writes the font's objects: `type0` is the font the pages name; the next four refs
    /// after it hold the CID font, descriptor, font file and ToUnicode map. `used` holds the
    /// glyphs the pages show.
    pub fn write(&self, pdf: &mut Pdf, type0: Ref, used: &Used) {
        let used: BTreeMap<u16, char> = used
            .chars
            .iter()
            .enumerate()
            .filter_map(|(id, c)| Some((u16::try_from(id).ok()?, (*c)?)))
            .collect();
        let (cid, descriptor, file, cmap) = (
            Ref::new(type0.get() + 1),
            Ref::new(type0.get() + 2),
            Ref::new(type0.get() + 3),
            Ref::new(type0.get() + 4),
        );
        let name = self.postscript_name();
        let name = Name(name.as_bytes());
        let info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(type0)
            .base_font(name)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap);
        let mut font = pdf.cid_font(cid);
        font.subtype(CidFontType::Type2)
            .base_font(name)
            .system_info(info)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        {
            let mut widths = font.widths();
            for (&id, &c) in &used {
                widths.consecutive(id, [self.glyph_of(c).1 * 1000.0]);
            }
        }
        font.finish();
        let scale = |v: i16| f32::from(v) * 1000.0 / self.em;
        let bbox = self.face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(name)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                scale(bbox.x_min),
                scale(bbox.y_min),
                scale(bbox.x_max),
                scale(bbox.y_max),
            ))
            .italic_angle(self.face.italic_angle())
            .ascent(scale(self.face.ascender()))
            .descent(scale(self.face.descender()))
            .cap_height(scale(
                self.face.capital_height().unwrap_or(self.face.ascender()),
            ))
            .stem_v(80.0)
            .font_file2(file);
        let packed = deflate(self.data);
        pdf.stream(file, &packed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), self.data.len() as i32);
        let mut map = UnicodeCmap::new(Name(b"Custom"), info);
        for (&id, &c) in &used {
            map.pair(id, c);
        }
        pdf.cmap(cmap, &map.finish());
    }

    /// The font's PostScript name (letters and digits only), as PDF names it.
    fn postscript_name(&self) -> String {
        let name = self
            .face
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string())
            .unwrap_or_default();
        let name: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if name.is_empty() { "Font".into() } else { name }
    }
}

/// The glyphs some pages show (by glyph id, the character each stands for) and the bytes of
/// the text being encoded.
pub struct Used {
    chars: Vec<Option<char>>,
    /// The encoded text of the last [`Font::encode`] calls, taken by the caller.
    pub bytes: Vec<u8>,
}

impl Default for Used {
    fn default() -> Self {
        Used {
            chars: vec![None; usize::from(u16::MAX) + 1],
            bytes: Vec::new(),
        }
    }
}

impl Used {
    /// Adds the glyphs another set of pages used.
    pub fn merge(&mut self, other: &Used) {
        for (mine, theirs) in self.chars.iter_mut().zip(&other.chars) {
            if mine.is_none() {
                *mine = *theirs;
            }
        }
    }
}

/// Zlib-compresses a stream, at the fast level: page streams and fonts shrink almost as well,
/// in a fraction of the time.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    // Writing to a Vec cannot fail.
    let _ = z.write_all(data);
    z.finish().unwrap_or_default()
}
