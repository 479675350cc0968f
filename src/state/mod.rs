//! The app-wide state shared through context: the newtypes components look up with
//! `expect_context`, each in its own module when it carries logic.

mod announcer;
mod directory;
mod navigation;

use leptos::prelude::*;
use vitrina_core::follow_up::HandoffAssembler;
use vitrina_core::{Lang, Route};

pub use self::announcer::Announcer;
pub use self::directory::{Catalog, DataFreshness, DirectoryState, LoadState, NewerDirectory};
pub use self::navigation::Navigation;

/// The interface language the visitor sees.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The screen the URL fragment points at.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub RwSignal<Route>);

/// How many rows of the member list are rendered, kept across visits to profiles
/// so that Back returns to the same list.
#[derive(Clone, Copy)]
pub struct ListLength(pub RwSignal<usize>);

/// Collects handed-over parts across visits until the whole list can be merged in.
#[derive(Clone, Copy)]
pub struct HandoffInbox(pub RwSignal<HandoffAssembler>);
