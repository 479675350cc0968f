//! The parsing worker: spreadsheets are read off the page's thread, in a Web Worker the page
//! ends (`terminate()`) when it fails or runs past [`TIME_LIMIT_MS`], so a hostile or huge file
//! can never hang the page. The worker runs this same wasm (see `staff-worker.js`).
//!
//! The rules:
//! - one worker at a time; it answers requests in order, each answer tagged with its id;
//! - [`warm_up`] sends a request nobody waits for (the published directory, no file), so the
//!   worker has started and parsed the directory before the first file is picked;
//! - [`run`] waits for its own answer only: a newer run supersedes it (the older one returns
//!   [`WorkerFailure::Superseded`]; the worker keeps its cached workbooks);
//! - an error event or the time limit ends the worker; the next run starts a fresh one.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's entry, called by `staff-worker.js`: a request frame in, a reply's bytes out
/// (see `protocol`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn staff_worker_handle(frame: &[u8]) -> Vec<u8> {
    crate::reading::handle_frame(frame)
}

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

/// A started worker and the handlers that live as long as it does.
struct Running {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The run waiting for an answer: its id, and its promise's two ends.
struct Pending {
    id: u32,
    resolve: Function,
    reject: Function,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    static LAST_ID: Cell<u32> = const { Cell::new(0) };
    /// Counts the workers started: a late event of an ended worker touches nothing.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

fn is_current(generation: u32) -> bool {
    GENERATION.with(Cell::get) == generation
}

fn take_pending(id: Option<u32>) -> Option<Pending> {
    PENDING.with(|pending| {
        let mut pending = pending.borrow_mut();
        match (&*pending, id) {
            (Some(waiting), Some(id)) if waiting.id != id => None,
            _ => pending.take(),
        }
    })
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

fn start() -> Option<Running> {
    let document = web_sys::window()?.document()?;
    let base = document.base_uri().ok()??;
    let script = web_sys::Url::new_with_base("staff-worker.js", &base).ok()?.href();
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&script, &options).ok()?;
    let generation = GENERATION.with(|count| {
        count.set(count.get().wrapping_add(1));
        count.get()
    });
    let on_message: Closure<dyn FnMut(MessageEvent)> = Closure::new(move |event: MessageEvent| {
        if !is_current(generation) {
            return;
        }
        let data = event.data();
        let id = Reflect::get(&data, &"id".into()).ok().and_then(|id| id.as_f64()).map(|id| id as u32);
        if let Some(waiting) = id.and_then(|id| take_pending(Some(id))) {
            let _ = waiting.resolve.call1(&JsValue::NULL, &data);
        }
    });
    let on_error: Closure<dyn FnMut(web_sys::Event)> = Closure::new(move |event: web_sys::Event| {
        // Handled here: the page reports it, not the console as an uncaught worker error.
        event.prevent_default();
        if !is_current(generation) {
            return;
        }
        if let Some(waiting) = take_pending(None) {
            let _ = waiting.reject.call1(&JsValue::NULL, &"crashed".into());
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Running { worker, _on_message: on_message, _on_error: on_error })
}

fn end() {
    RUNNING.with(|running| {
        if let Some(running) = running.borrow_mut().take() {
            running.worker.terminate();
            GENERATION.with(|count| count.set(count.get().wrapping_add(1)));
            // An event already queued for the ended worker may still be dispatched: its
            // handlers stay alive (a few bytes per worker ended) and, no longer current, do
            // nothing but keep the error off the console.
            running._on_message.forget();
            running._on_error.forget();
        }
    });
}

/// Posts a frame to the worker (started if need be) under `id`; false when it cannot.
fn post(id: u32, frame: &[u8]) -> bool {
    let Some((js, wasm)) = module_urls() else {
        return false;
    };
    RUNNING.with(|running| {
        let mut running = running.borrow_mut();
        if running.is_none() {
            *running = start();
        }
        let Some(running) = running.as_ref() else {
            return false;
        };
        let message = Object::new();
        let buffer = Uint8Array::from(frame).buffer();
        let _ = Reflect::set(&message, &"id".into(), &id.into());
        let _ = Reflect::set(&message, &"js".into(), &js.into());
        let _ = Reflect::set(&message, &"wasm".into(), &wasm.into());
        let _ = Reflect::set(&message, &"frame".into(), &buffer);
        running.worker.post_message_with_transfer(&message, &Array::of1(&buffer)).is_ok()
    })
}

fn next_id() -> u32 {
    LAST_ID.with(|last| {
        let id = last.get().wrapping_add(1).max(1);
        last.set(id);
        id
    })
}

/// Starts the worker and has it handle `frame` (the published directory, no file) while the
/// staff member picks a file; its answer is not waited for.
pub fn warm_up(frame: Vec<u8>) {
    if !post(0, &frame) {
        end();
    }
}

/// Sends a request frame to the worker and waits for its reply's bytes; ends the worker on
/// an error or after the time limit, so the next call starts a fresh one.
pub async fn run(frame: Vec<u8>) -> Result<Vec<u8>, WorkerFailure> {
    let id = next_id();
    if let Some(older) = take_pending(None) {
        let _ = older.reject.call1(&JsValue::NULL, &"superseded".into());
    }
    let outcome = Promise::new(&mut |resolve, reject| {
        PENDING.with(|pending| *pending.borrow_mut() = Some(Pending { id, resolve, reject }));
    });
    if !post(id, &frame) {
        take_pending(Some(id));
        end();
        return Err(WorkerFailure::CouldNotStart);
    }
    let on_time_out = Closure::once_into_js(move || {
        if let Some(waiting) = take_pending(Some(id)) {
            let _ = waiting.reject.call1(&JsValue::NULL, &"timed-out".into());
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(on_time_out.unchecked_ref(), TIME_LIMIT_MS);
    }
    match JsFuture::from(outcome).await {
        Ok(data) => match Reflect::get(&data, &"reply".into()).ok().filter(JsValue::is_object) {
            Some(reply) => Ok(Uint8Array::new(&reply).to_vec()),
            None => {
                end();
                Err(WorkerFailure::Crashed)
            }
        },
        Err(why) => match why.as_string().as_deref() {
            Some("superseded") => Err(WorkerFailure::Superseded),
            Some("timed-out") => {
                end();
                Err(WorkerFailure::TimedOut)
            }
            _ => {
                end();
                Err(WorkerFailure::Crashed)
            }
        },
    }
}
