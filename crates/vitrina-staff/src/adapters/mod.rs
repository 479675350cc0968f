//! The only code of the staff page that talks to browser APIs: each adapter turns one API into
//! plain Rust values and typed failures, so the page never touches `web-sys` directly.

pub mod files;
pub mod page;
pub mod preview;
pub mod storage;
pub mod worker;
