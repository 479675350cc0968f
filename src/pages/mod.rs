//! One file per route. Every page but the member list is in a chunk, downloaded when first
//! opened (`crate::split`); `preload_for` starts that download early.

use vitrina_core::route::Page;

use std::future::Future;
use std::pin::Pin;

use crate::adapters::scheduling;
use crate::adapters::views_stylesheet::{start_views_stylesheet, views_stylesheet};
use crate::split::{ChunkUnavailable, Deferred};

pub mod cluster;
pub mod directory;
pub mod event;
pub mod events;
pub mod fair;
pub mod follow_up;
pub mod matches;
pub mod member;
pub mod not_found;
pub mod problems;
pub mod received;
pub mod stand_card;

/// Starts downloading the chunk of `page` without waiting for it: a page opened from a link
/// (a profile's QR code, a shared list) then fetches its code beside the directory, not after
/// it. A failure is left to the page, which says so and offers a retry.
pub fn preload_for(page: &Page) {
    match page {
        Page::FollowUp => scheduling::spawn(async {
            let _ = follow_up::preload_follow_up().await;
        }),
        Page::Member(_) | Page::MemberCard(_) => scheduling::spawn(async {
            let _ = member::preload_member().await;
        }),
        Page::Events | Page::Event(_) | Page::Fair(_) => scheduling::spawn(async {
            let _ = events::preload_events().await;
        }),
        Page::Problems => scheduling::spawn(async {
            let _ = problems::preload_problems().await;
        }),
        Page::Shared(_) | Page::Handoff(_) => scheduling::spawn(async {
            let _ = received::preload_received().await;
        }),
        Page::Cluster | Page::CapabilityMap | Page::Opportunities | Page::Investment | Page::ClusterMembers(_) => {
            start_views_stylesheet();
            scheduling::spawn(async {
                let _ = cluster::preload_cluster().await;
            })
        }
        Page::MyCompany | Page::Matches | Page::Pairs | Page::PrepareFair(_) => {
            start_views_stylesheet();
            scheduling::spawn(async {
                let _ = matches::preload_matches().await;
            })
        }
        Page::Directory | Page::Unknown => {}
    }
}

/// Once the member list is on screen and the browser idle, fetches the chunks a visitor opens
/// next from it (a profile, their follow-up list), so that those open without a wait.
pub fn preload_likely_next() {
    scheduling::spawn(async {
        scheduling::when_idle().await;
        let _ = member::preload_member().await;
        let _ = follow_up::preload_follow_up().await;
    });
}

/// A view styled by the views' stylesheet (the cluster's, matchmaking): its chunk and that
/// stylesheet are fetched side by side, and the view is built once both are there, so it never
/// shows unstyled first. A stylesheet that fails leaves it unstyled; a chunk that fails is the
/// caller's failure as usual. Not generic: one copy serves every such view.
pub async fn styled_view(
    view: Pin<Box<dyn Future<Output = Result<Deferred, ChunkUnavailable>>>>,
) -> Result<Deferred, ChunkUnavailable> {
    start_views_stylesheet();
    let view = view.await;
    views_stylesheet().await;
    view
}
