//! The parsing worker: spreadsheets are read off the page's thread, in a Web Worker the page
//! ends (`terminate()`) when it fails or runs past [`TIME_LIMIT_MS`], so a hostile or huge file
//! can never hang the page. The worker runs this same wasm (see `staff-worker.js`).

use std::cell::{Cell, RefCell};

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// How long one read may take before the worker is ended.
pub const TIME_LIMIT_MS: i32 = 30_000;

/// Why a read did not come back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerFailure {
    /// Occurs when the worker did not answer within [`TIME_LIMIT_MS`].
    TimedOut,
    /// Occurs when the worker stopped with an error (a crash in the reader, a failed start).
    Crashed,
    /// Occurs when the browser cannot start a worker at all.
    CouldNotStart,
    /// Occurs when a newer request replaced this one before it finished; nothing to report.
    Superseded,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// The latest request's number: an older one's late answer or time-out touches nothing.
    static LATEST: Cell<u32> = const { Cell::new(0) };
    /// True while a request is out: a new one then starts a fresh worker.
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// The page's wasm and its JavaScript bindings, as the boot script tag names them.
fn module_urls() -> Option<(String, String)> {
    let document = web_sys::window()?.document()?;
    let tag = document.query_selector("script[data-staff-js]").ok()??;
    let base = document.base_uri().ok()??;
    let absolute = |name: &str| {
        let value = tag.get_attribute(name)?;
        web_sys::Url::new_with_base(&value, &base).ok().map(|url| url.href())
    };
    Some((absolute("data-staff-js")?, absolute("data-staff-wasm")?))
}

fn start() -> Option<Worker> {
    let document = web_sys::window()?.document()?;
    let base = document.base_uri().ok()??;
    let script = web_sys::Url::new_with_base("staff-worker.js", &base).ok()?.href();
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    Worker::new_with_options(&script, &options).ok()
}

fn end() {
    WORKER.with(|worker| {
        if let Some(worker) = worker.borrow_mut().take() {
            worker.terminate();
        }
    });
}

/// Sends a request frame to the worker and waits for its reply's bytes; ends the worker on
/// failure or after the time limit, so the next call starts a fresh one.
pub async fn run(frame: Vec<u8>) -> Result<Vec<u8>, WorkerFailure> {
    let Some((js, wasm)) = module_urls() else {
        return Err(WorkerFailure::CouldNotStart);
    };
    let number = LATEST.with(|latest| {
        latest.set(latest.get().wrapping_add(1));
        latest.get()
    });
    if BUSY.with(|busy| busy.replace(true)) {
        end();
    }
    let worker = WORKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = start();
        }
        slot.clone()
    });
    let Some(worker) = worker else {
        BUSY.with(|busy| busy.set(false));
        return Err(WorkerFailure::CouldNotStart);
    };
    let message = Object::new();
    let bytes = Uint8Array::from(frame.as_slice());
    let buffer = bytes.buffer();
    let _ = Reflect::set(&message, &"js".into(), &js.into());
    let _ = Reflect::set(&message, &"wasm".into(), &wasm.into());
    let _ = Reflect::set(&message, &"frame".into(), &buffer);
    let outcome = Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let reject_error = reject.clone();
        let on_error = Closure::once_into_js(move |event: web_sys::Event| {
            // Handled here: the page reports it, not the console as an uncaught worker error.
            event.prevent_default();
            let _ = reject_error.call1(&JsValue::NULL, &"crashed".into());
        });
        let on_time_out = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &"timed-out".into());
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(on_time_out.unchecked_ref(), TIME_LIMIT_MS);
        }
    });
    if worker.post_message_with_transfer(&message, &Array::of1(&buffer)).is_err() {
        end();
        BUSY.with(|busy| busy.set(false));
        return Err(WorkerFailure::CouldNotStart);
    }
    let result = JsFuture::from(outcome).await;
    if LATEST.with(Cell::get) != number {
        return Err(WorkerFailure::Superseded);
    }
    BUSY.with(|busy| busy.set(false));
    // A late timer of an answered request finds the promise settled and does nothing; a
    // handler left from it is replaced by the next request's.
    match result {
        Ok(data) => {
            let reply = Reflect::get(&data, &"reply".into()).ok().filter(|reply| reply.is_object());
            match reply {
                Some(reply) => Ok(Uint8Array::new(&reply).to_vec()),
                None => {
                    end();
                    Err(WorkerFailure::Crashed)
                }
            }
        }
        Err(why) => {
            end();
            if why.as_string().as_deref() == Some("timed-out") {
                Err(WorkerFailure::TimedOut)
            } else {
                Err(WorkerFailure::Crashed)
            }
        }
    }
}
