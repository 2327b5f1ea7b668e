//! The one integration-test binary: each module tests one area against fixture PDFs whose
//! expected values were read from the PDFs themselves (pdftotext -layout, `councilpdf layout`).

mod it;
