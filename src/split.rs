//! Split points: code the first screen (the member list) does not need, loaded on demand.
//!
//! The rules, each one the reason for a line below:
//! - Every split point is written with [`split_point!`], so a build with the `split` feature
//!   on wasm32 (the release pipeline, which runs `wasm-split-cli` between cargo and
//!   wasm-bindgen) and every other build (tests, Trunk's dev build, native clippy) have the
//!   same async, fallible signature, and the code that calls a split point is the same in both.
//! - Only with `split` on wasm32 is the function moved out: its import from
//!   `__wasm_split_placeholder__` is unresolved until the splitter links it, so wasm-bindgen
//!   could not process the output of any other build.
//! - A chunk that fails to download is an `Err(ChunkUnavailable)`, never a panic: Leptos'
//!   `#[lazy]` panics there, and a panic aborts the whole app (`panic = "abort"`). The
//!   loader of `wasm_split_helpers` does not keep a failure, so calling again retries.
//! - The call into a chunk uses the "C" ABI: split functions are sync, not generic, take no
//!   receiver, and must not panic.
//! - A page in a chunk is handed back as a [`Deferred`] view, built by the caller inside its
//!   own reactive owner only once the chunk is there (see `components::on_demand`).

use leptos::prelude::AnyView;

/// A view whose code is in a chunk, built when called (in the caller's reactive owner).
pub type Deferred = Box<dyn FnOnce() -> AnyView>;

/// Occurs when a chunk of the app could not be downloaded or instantiated (offline, a server
/// error, a file that failed its integrity check). Calling the split function again retries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkUnavailable;

impl std::fmt::Display for ChunkUnavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a part of the app could not be loaded")
    }
}

impl std::error::Error for ChunkUnavailable {}

impl From<leptos::wasm_split::SplitLoaderError> for ChunkUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> ChunkUnavailable {
        // The loader logs what went wrong to the console; the visitor is told the part is missing.
        ChunkUnavailable
    }
}

/// Declares a split point: `fn` with the given body, moved into chunk `chunk` in the split
/// build, and called as `name(args).await -> Result<Ret, ChunkUnavailable>` in every build.
/// `preload = name` also declares `name().await -> Result<(), ChunkUnavailable>`, which only
/// fetches the chunk (to start the download before the part is shown).
///
/// In the split build the function lives in a module of its own name (a module and a function
/// do not clash), so that the preload `wasm_split` writes can be wrapped under the caller's name
/// with the same error type as in every other build.
#[macro_export]
macro_rules! split_point {
    (
        chunk = $chunk:ident $(, preload = $preload:ident)?;
        $(#[$attr:meta])*
        $vis:vis fn $name:ident($($arg:ident: $arg_ty:ty),* $(,)?) -> $ret:ty $body:block
    ) => {
        #[cfg(all(feature = "split", target_family = "wasm"))]
        #[doc(hidden)]
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[::leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload(#[doc = "Fetches the chunk without calling into it."] preload)
            )]
            $(#[$attr])*
            pub fn $name($($arg: $arg_ty),*) -> ::core::result::Result<$ret, $crate::split::ChunkUnavailable> {
                ::core::result::Result::Ok($body)
            }
        }
        #[cfg(all(feature = "split", target_family = "wasm"))]
        $vis use self::$name::$name;

        $(
            #[cfg(all(feature = "split", target_family = "wasm"))]
            /// Fetches the chunk without calling into it.
            $vis async fn $preload() -> ::core::result::Result<(), $crate::split::ChunkUnavailable> {
                self::$name::preload().await.map_err($crate::split::ChunkUnavailable::from)
            }
        )?

        #[cfg(not(all(feature = "split", target_family = "wasm")))]
        $(#[$attr])*
        $vis async fn $name($($arg: $arg_ty),*) -> ::core::result::Result<$ret, $crate::split::ChunkUnavailable> {
            ::core::result::Result::Ok($body)
        }

        $(
            #[cfg(not(all(feature = "split", target_family = "wasm")))]
            /// Fetches the chunk without calling into it (nothing to fetch in this build).
            $vis async fn $preload() -> ::core::result::Result<(), $crate::split::ChunkUnavailable> {
                ::core::result::Result::Ok(())
            }
        )?
    };
}

// Tested where split points are direct calls: with `split` on wasm32 they import what only the
// splitter links.
#[cfg(all(test, not(all(feature = "split", target_family = "wasm"))))]
mod tests {
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    crate::split_point! {
        chunk = test_chunk, preload = preload_test_chunk;
        /// Twice `n`, behind a split point.
        fn double(n: u32) -> u32 {
            n * 2
        }
    }

    /// The output of a future that needs no waiting (a split point without the splitter).
    fn at_once<F: Future>(future: F) -> F::Output {
        match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(output) => output,
            Poll::Pending => panic!("a split point waited without a chunk to load"),
        }
    }

    #[test]
    fn without_the_splitter_a_split_point_is_a_direct_call_that_cannot_fail() {
        assert_eq!(at_once(double(21)), Ok(42));
        assert_eq!(at_once(preload_test_chunk()), Ok(()));
    }
}
