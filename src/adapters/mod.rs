//! The only code that talks to browser APIs: each adapter turns one API into
//! plain Rust values and typed failures, so pages and components never touch
//! `web-sys` directly.

pub mod clock;
pub mod directory_fetch;
pub mod files;
pub mod hash_location;
pub mod local_store;
pub mod network;
pub mod page;
pub mod preferences;
pub mod preview;
pub mod scheduling;
pub mod views_stylesheet;
