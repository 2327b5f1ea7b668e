//! What an extractor reads ([`Context`]) and how it says where it read it ([`provenance`]).

use crate::contract::{DocumentType, Provenance, Section, SectionKind};
use crate::layout::{BBox, Layout, Page};

/// What every extractor reads.
pub struct Context<'a> {
    pub layout: &'a Layout,
    pub sections: &'a [Section],
    pub document_type: DocumentType,
}

impl<'a> Context<'a> {
    /// Sections of `kind`, in page order.
    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &'a Section> + '_ {
        self.sections.iter().filter(move |s| s.kind == kind)
    }

    /// The pages of a section.
    pub fn pages_of(&self, s: &Section) -> &'a [Page] {
        let first = (s.first_page.max(1) - 1) as usize;
        let last = (s.last_page as usize).min(self.layout.pages.len());
        self.layout.pages.get(first..last).unwrap_or(&[])
    }

    /// The section a physical page lies in.
    pub fn section_at(&self, page: u32) -> Option<&'a Section> {
        self.sections.iter().find(|s| s.first_page <= page && page <= s.last_page)
    }

    /// The minutes sections; a document typed as minutes that segmentation did not split is one.
    pub fn minutes_sections(&self) -> Vec<Section> {
        let found: Vec<Section> = self.sections_of(SectionKind::Minutes).cloned().collect();
        if !found.is_empty() || self.document_type != DocumentType::Minutes {
            return found;
        }
        let last = self.layout.pages.len() as u32;
        if last == 0 {
            return found;
        }
        vec![Section {
            id: "minutes".into(),
            kind: SectionKind::Minutes,
            title: None,
            first_page: 1,
            last_page: last,
        }]
    }
}

/// Provenance of something read at `bbox` on physical page `page`.
pub fn provenance(page: u32, bbox: &BBox) -> Provenance {
    let b = if bbox.x0.is_finite() { bbox.to_array() } else { [0.0; 4] };
    Provenance { page, bbox: b }
}
