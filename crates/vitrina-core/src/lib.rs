//! Vitrina's pure core: the member directory model, its loader and validation.
//!
//! Nothing here knows about the browser, Leptos or any I/O; the app and the
//! developer tools both build on it, and it is tested natively.

pub mod batching;
pub mod capability_map;
pub mod chart;
pub mod clock;
pub mod fair;
pub mod follow_up;
pub mod format;
pub mod freshness;
pub mod hash;
pub mod history_writes;
pub mod investment;
pub mod lang;
pub mod load;
pub mod matchmaking;
pub mod member_selection;
pub mod model;
pub mod my_company;
pub mod phone;
pub mod problem;
pub mod qr;
pub mod query;
pub mod route;
pub mod search;
pub mod sorting;
pub mod text;
pub mod valid;

/// The app's name: its title before a directory is loaded, and the name shown for a
/// cluster whose file names none ([`model::Cluster::FALLBACK_NAME`]).
pub const APP_NAME: &str = "Vitrina";

pub use lang::Lang;
pub use load::{load_directory, Loaded};
pub use model::Directory;
pub use problem::{LoadError, Problem};
pub use route::Route;
pub use text::Text;
