// The staff page's parsing worker: it starts the page's own wasm (whose main() does nothing
// without a window) and hands each request frame to staff_worker_handle. The page ends this
// worker when it fails or runs too long (src/adapters/worker.rs).
let started;

self.onmessage = async ({ data }) => {
  try {
    started ??= import(data.js).then(async (bindings) => {
      await bindings.default({ module_or_path: data.wasm });
      return bindings;
    });
    const bindings = await started;
    const reply = bindings.staff_worker_handle(new Uint8Array(data.frame));
    self.postMessage({ reply: reply.buffer }, [reply.buffer]);
  } catch (error) {
    self.postMessage({ failed: String(error) });
  }
};
