//! Reusable pieces of the interface, one public component per file.

pub mod connection_status;
pub mod fresh_data_notice;
pub mod language_switch;
pub mod lazy_details;
pub mod live_region;
pub mod load_error;
pub mod member_card;
pub mod member_search;
pub mod note_conflict_notice;
pub mod on_demand;
pub mod preview_banner;
pub mod qr_code;
pub mod save_button;
pub mod site_footer;
pub mod site_header;
pub mod undo_toast;
