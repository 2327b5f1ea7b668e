//! Affine matrices in PDF's row-vector convention, and the page's visual frame.

/// `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix(pub [f64; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (PDF's `self × other`).
    pub fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Applies only the linear part (for direction vectors).
    pub fn apply_vec(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, _, _] = self.0;
        (a * x + c * y, b * x + d * y)
    }

    pub fn is_finite(&self) -> bool {
        self.0.iter().all(|v| v.is_finite())
    }
}

/// Maps PDF user space of a page to the visual frame: points, origin top-left of the crop box,
/// page rotation applied, so what reads left-to-right on screen has growing x.
#[derive(Debug, Clone, Copy)]
pub struct PageFrame {
    pub crop: [f64; 4],
    pub rotate: i64,
}

impl PageFrame {
    pub fn width(&self) -> f64 {
        let (w, h) = (self.crop[2] - self.crop[0], self.crop[3] - self.crop[1]);
        if self.rotate % 180 == 0 {
            w
        } else {
            h
        }
    }

    pub fn height(&self) -> f64 {
        let (w, h) = (self.crop[2] - self.crop[0], self.crop[3] - self.crop[1]);
        if self.rotate % 180 == 0 {
            h
        } else {
            w
        }
    }

    pub fn to_visual(&self, x: f64, y: f64) -> (f64, f64) {
        let [x0, y0, x1, y1] = self.crop;
        match self.rotate {
            90 => (y - y0, x - x0),
            180 => (x1 - x, y - y0),
            270 => (y1 - y, x1 - x),
            _ => (x - x0, y1 - y),
        }
    }

    pub fn vec_to_visual(&self, dx: f64, dy: f64) -> (f64, f64) {
        match self.rotate {
            90 => (dy, dx),
            180 => (-dx, dy),
            270 => (-dy, -dx),
            _ => (dx, -dy),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_composes_in_pdf_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix([1.0, 0.0, 0.0, 1.0, 10.0, 5.0]);
        // scale first, then shift
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
    }

    #[test]
    fn frame_flips_and_rotates() {
        let f = PageFrame { crop: [0.0, 0.0, 600.0, 800.0], rotate: 0 };
        assert_eq!(f.to_visual(10.0, 790.0), (10.0, 10.0));
        let r = PageFrame { crop: [0.0, 0.0, 600.0, 800.0], rotate: 90 };
        assert_eq!((r.width(), r.height()), (800.0, 600.0));
        // text running up the page in user space reads left to right after a 90° rotation
        assert_eq!(r.vec_to_visual(0.0, 1.0), (1.0, 0.0));
    }
}
