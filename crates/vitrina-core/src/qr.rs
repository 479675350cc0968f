//! QR codes for links (handoff parts, and later profiles), as data a view can draw
//! as one SVG path: generated on the device, no network, no image files.

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code ready to draw: the side in modules (quiet zone included) and an SVG
/// path (`d` attribute) with one unit square per dark module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPath {
    /// Width and height of the drawing, in modules, including the 4-module quiet zone.
    pub size: u32,
    /// The dark modules as an SVG path.
    pub path: String,
}

/// The quiet zone the QR standard asks for around the code, in modules.
const QUIET_ZONE: i32 = 4;

/// Encodes `text` (with medium error correction, which survives a phone photographing
/// a screen); `None` when it is too long for any QR code.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            // One rectangle per horizontal run keeps the path short.
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            path.push_str(&format!("M{} {}h{}v1h-{}z", start + QUIET_ZONE, y + QUIET_ZONE, x - start, x - start));
        }
    }
    Some(QrPath { size: (size + 2 * QUIET_ZONE) as u32, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_path() {
        let qr = qr_path("https://example.org/vitrina/#/member/aceros-del-norte").unwrap();
        // Version 4 (33 modules) at medium correction for this length, plus the quiet zone.
        assert!(qr.size >= 21 + 8, "{}", qr.size);
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "finder pattern first: {}", &qr.path[..30]);
        assert!(qr.path.chars().all(|c| c.is_ascii_digit() || "Mhvz -".contains(c)));
    }

    #[test]
    fn too_long_text_is_refused_not_panicked() {
        assert_eq!(qr_path(&"x".repeat(5000)), None);
    }
}
