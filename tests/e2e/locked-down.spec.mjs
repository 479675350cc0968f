// Issue 6, "Locked down": a strict Content-Security-Policy, documented as a header for
// hosts that set one, and no request to any origin but the app's own.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { ACEROS, download, exportButton, openList, saveButton } from "./follow-up.mjs";

/** The policy in dist/index.html's meta tag, directive name → sources. */
function metaPolicy() {
  const html = readFileSync("dist/index.html", "utf8");
  const content = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
  return { content, directives: parsePolicy(content) };
}

function parsePolicy(text) {
  return Object.fromEntries(
    text
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

test("the policy allows nothing inline, no eval, and fetches only from the app's origin", () => {
  const { content, directives } = metaPolicy();
  const sources = Object.values(directives).flat();
  expect(sources).not.toContain("'unsafe-inline'");
  expect(sources).not.toContain("'unsafe-eval'");
  expect(content).not.toMatch(/unsafe-hashes|strict-dynamic|\*/);
  expect(directives["default-src"]).toEqual(["'none'"]);
  expect(directives["script-src"]).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  // The directory lives beside the app (a relative address), so 'self' is all connect-src needs.
  expect(readFileSync("dist/index.html", "utf8")).toContain('<meta name="vitrina-directory" content="data/directory.json"');
  expect(directives["connect-src"]).toEqual(["'self'"]);
  expect(directives["worker-src"]).toEqual(["'self'"]);
  expect(directives["manifest-src"]).toEqual(["'self'"]);
});

test("README gives hosts the same policy as a header, plus what only a header can say", () => {
  const readme = readFileSync("README.md", "utf8");
  const header = readme.match(/^\s*Content-Security-Policy: (.+)$/m);
  expect(header, "a `Content-Security-Policy: ...` line in README.md").not.toBeNull();
  const documented = parsePolicy(header[1]);
  const { directives } = metaPolicy();
  expect(documented).toEqual({ ...directives, "frame-ancestors": ["'none'"] });
});

test("a whole journey asks nothing of any other origin", async ({ page, context, app }) => {
  const origin = new URL(test.info().project.use.baseURL).origin;
  const foreign = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) foreign.push(request.url());
  });

  await page.goto("./");
  await expect(page.locator(".result-count")).toHaveText("114 miembros");
  await page.getByRole("searchbox", { name: "Buscar en el directorio" }).fill("troquelado");
  await expect(page.locator(".member-card").first()).toBeVisible();
  await page.goto(`./#/member/${ACEROS.id}`);
  await expect(page.getByRole("heading", { level: 1, name: ACEROS.name })).toBeVisible();
  await saveButton(page, ACEROS.name).click();
  await page.goto("./#/events");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await openList(page);
  await download(page, exportButton(page, "CSV"));
  await (await app.languageButton("English")).click();
  await expect(page.getByRole("heading", { level: 1, name: "My follow-up" })).toBeVisible();
  expect(foreign, "requests to other origins").toEqual([]);
});
