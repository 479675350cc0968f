//! One file per route.

pub mod directory;
pub mod event;
pub mod events;
pub mod fair;
pub mod follow_up;
pub mod member;
pub mod not_found;
pub mod problems;
pub mod received;
pub mod stand_card;
