//! One file per route.

pub mod directory;
pub mod member;
pub mod not_found;
pub mod problems;
