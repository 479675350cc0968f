// Runs in every benchmarked page before any of its own scripts (Playwright's
// addInitScript). Everything here reads the browser's own clock, performance.now(),
// whose origin is the navigation's start.
//
// - Loading: a MutationObserver notes when the first result row (`.member-card`) is in
//   the DOM — or, when the page opens on #/follow-up, when `entries` follow-up entries
//   (`.entry`) are — then requestAnimationFrame + setTimeout notes when that frame
//   has been painted ("first"); the same again once a whole first page of rows,
//   `wholePage`, is in the DOM ("whole"). The long follow-up list scenario changes both
//   through session storage (see `longList` below).
// - window.__bench.interact(action): for interactions whose DOM work runs in the event
//   handler and the microtasks after it (Leptos runs its effects as microtasks, the
//   baseline updates synchronously). "handler" ends when every microtask has run:
//   the earlier of a MessageChannel message (the next task) and the next animation
//   frame (rendering never starts before the microtasks are drained), both queued
//   before the action. "paint" ends in a setTimeout queued by that frame's
//   requestAnimationFrame callback, i.e. once the frame with the update is painted.
//   If the page changes the DOM later than that frame (work deferred to a task),
//   the measurement follows it frame by frame and says so (`deferred`). "history" is the
//   part of the handler spent in history.pushState/replaceState (both apps keep the
//   query in the URL; Chromium takes milliseconds per call), timed by wrapping them.
// - window.__bench.until(action, done, timeoutMs): for interactions that complete in a
//   later task (hash navigation): "handler" ends at the first DOM mutation after which
//   `done()` holds, "paint" after the next frame.
function benchProbe({ entries, wholePage }) {
  const bench = (window.__bench = { load: {}, errors: [] });
  addEventListener("error", (event) => bench.errors.push(`error: ${event.message}`));
  addEventListener("unhandledrejection", (event) => bench.errors.push(`unhandled rejection: ${event.reason}`));
  document.addEventListener("securitypolicyviolation", (event) =>
    bench.errors.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
  );

  // Time spent in the History API, which both apps call to keep the query in the URL.
  bench.historyMs = 0;
  for (const name of ["pushState", "replaceState"]) {
    const original = History.prototype[name];
    History.prototype[name] = function (...args) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        bench.historyMs += performance.now() - start;
      }
    };
  }

  const followUp = location.hash.startsWith("#/follow-up");
  const selector = followUp ? ".entry" : ".member-card";
  // The long-list scenario (run.mjs `longList`) says what it waits for in session storage:
  // "first" is then the first screen (entries reaching the viewport's bottom), "whole" its
  // `whole` entries.
  let longList = null;
  try {
    longList = followUp ? JSON.parse(sessionStorage.getItem("__bench_follow_up") ?? "null") : null;
  } catch {}
  const needed = followUp ? (longList ? 1 : entries) : 1;
  // A list may paint its first rows before the rest of its first page (Vitrina does: a
  // screenful, then a few rows per task); "whole" is when all of that page is painted.
  const whole = followUp ? (longList?.whole ?? entries) : wholePage;
  bench.load.waitingFor = `${whole} × ${selector}`;
  const screenFilled = () => {
    const shown = document.querySelectorAll(selector);
    return shown.length >= whole || (shown.length > 0 && shown[shown.length - 1].getBoundingClientRect().bottom >= innerHeight);
  };
  const watch = (count, at) => {
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll(selector).length < count) return;
      if (longList?.firstScreen && at === "first" && !screenFilled()) return;
      observer.disconnect();
      bench.load[`${at}DomAt`] = performance.now();
      requestAnimationFrame(() => setTimeout(() => (bench.load[`${at}PaintAt`] = performance.now()), 0));
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  watch(needed, "first");
  watch(whole, "whole");

  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  const nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        setTimeout(() => resolve({ frameAt, paintAt: performance.now() }), 0);
      }),
    );

  bench.interact = async (action) => {
    let lastMutation = -Infinity;
    let mutations = 0;
    const observer = new MutationObserver((records) => {
      lastMutation = performance.now();
      mutations += records.length;
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    const drained = nextTask();
    let painted = nextPaint();
    const historyBefore = bench.historyMs;
    const start = performance.now();
    action();
    const syncEnd = performance.now();
    const drainedAt = await drained;
    let { frameAt, paintAt } = await painted;
    const handlerEnd = Math.min(drainedAt, frameAt);
    let deferred = false;
    for (let frames = 0; lastMutation > frameAt; frames++) {
      if (frames > 600) throw new Error("the DOM kept changing for 600 frames after the interaction");
      deferred = true;
      ({ frameAt, paintAt } = await nextPaint());
    }
    observer.disconnect();
    return {
      handler: (deferred ? lastMutation : handlerEnd) - start,
      sync: syncEnd - start,
      paint: paintAt - start,
      history: bench.historyMs - historyBefore,
      mutations,
      deferred,
    };
  };

  bench.until = (action, done, timeoutMs) =>
    new Promise((resolve, reject) => {
      let finished = false;
      const start = performance.now();
      const check = () => {
        if (finished || !done()) return;
        finished = true;
        const domAt = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        nextPaint().then(({ paintAt }) => resolve({ handler: domAt - start, paint: paintAt - start }));
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`not done after ${timeoutMs} ms`));
      }, timeoutMs);
      action();
      check();
    });
}
