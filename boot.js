// Starts the app without any inline script, so the Content-Security-Policy can
// forbid inline code entirely. Trunk writes the hashed file names into this
// script tag's data attributes (see pattern_script in Trunk.toml).
const tag = document.querySelector("script[data-vitrina-js]");

function showFailure(error) {
  // Plain DOM text only: the message may contain anything.
  const box = document.createElement("p");
  box.className = "boot-failure";
  box.setAttribute("role", "alert");
  box.textContent =
    "Vitrina no pudo iniciar en este navegador. Vitrina could not start in this browser. (" + error + ")";
  document.body.append(box);
  console.error(error);
}

try {
  const bindings = await import(tag.dataset.vitrinaJs);
  await bindings.default({ module_or_path: tag.dataset.vitrinaWasm });
} catch (error) {
  showFailure(error);
}
