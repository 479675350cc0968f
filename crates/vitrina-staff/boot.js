// Starts the staff page without any inline script, so the Content-Security-Policy can forbid
// inline code. Trunk writes the hashed file names into this tag's data attributes (Trunk.toml);
// the parsing worker (staff-worker.js) is handed the same two names by the page.
const tag = document.querySelector("script[data-staff-js]");
try {
  const bindings = await import(tag.dataset.staffJs);
  await bindings.default({ module_or_path: tag.dataset.staffWasm });
} catch (error) {
  const box = document.createElement("p");
  box.setAttribute("role", "alert");
  box.textContent = "La página no pudo iniciar en este navegador. The page could not start in this browser. (" + error + ")";
  document.body.append(box);
  console.error(error);
}
