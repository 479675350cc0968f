// Issue 14: "Ver como la verán los visitantes". The staff page opens the app with `?preview`
// and hands it the unpublished directory over postMessage (src/adapters/preview.rs). These
// tests play the staff page's side of that protocol from an app tab of the same origin,
// so they test the app's side on its own; tests/e2e/staff.spec.mjs runs the real pair.
import { test, expect, fixture } from "./fixtures.mjs";
import { axeViolations } from "./a11y.mjs";
import { ACEROS, saveButton, saveMemberFromProfile } from "./follow-up.mjs";
import { sample } from "./sample.mjs";

const NEW_MEMBER = { id: "socio-nuevo-de-vista-previa", name: "Socio Nuevo de Vista Previa" };

/** The sample directory with one member the published file does not have. */
function unpublished() {
  const directory = structuredClone(sample);
  directory.members.push({ id: NEW_MEMBER.id, name: NEW_MEMBER.name, kind: "tier2" });
  return JSON.stringify(directory);
}

/** Every localStorage key and value of `page`'s origin. */
function storageOf(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

/**
 * Opens the preview from `page` as the staff page does, answering its ready message with
 * `messages` in order (each `{type, bytes}`, bytes as text to encode), and returns its tab.
 */
async function openPreview(page, messages, fragment = "#/") {
  const [preview] = await Promise.all([
    page.context().waitForEvent("page"),
    page.evaluate(
      ({ messages, fragment }) => {
        addEventListener("message", (event) => {
          if (event.origin !== location.origin || event.data?.type !== "vitrina-preview-ready") return;
          for (const { type, text, notABuffer } of messages) {
            const bytes = notABuffer ? text : new TextEncoder().encode(text).buffer;
            event.source.postMessage({ type, bytes }, location.origin, notABuffer ? [] : [bytes]);
          }
        });
        open(`./?preview${fragment}`, "_blank");
      },
      { messages, fragment },
    ),
  ]);
  const problems = [];
  preview.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  preview.on("pageerror", (error) => problems.push(error.message));
  return { preview, problems };
}

test("the staff page's directory shows as a preview, and nothing is fetched, saved or changed", async ({ page }) => {
  await saveMemberFromProfile(page, ACEROS);
  const storedBefore = await storageOf(page);
  const directoryRequests = [];
  page.context().on("request", (request) => {
    if (request.url().includes("/data/directory.json")) directoryRequests.push(request);
  });

  const { preview, problems } = await openPreview(page, [
    // Not the directory: ignored, and the preview keeps waiting for the real answer.
    { type: "something-else", text: "{}" },
    { type: "vitrina-preview-directory", text: "not a buffer", notABuffer: true },
    { type: "vitrina-preview-directory", text: unpublished() },
  ], "#/?q=vista%20previa");

  const banner = preview.getByRole("complementary", { name: "Vista previa — no publicada" });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("No se guarda en este dispositivo");
  await expect(preview.locator(".member-card").filter({ hasText: NEW_MEMBER.name })).toHaveCount(1);

  // The visitor's list is shown as it is, and cannot be changed from the preview.
  await preview.goto(`./?preview#/member/${NEW_MEMBER.id}`);
  await expect(preview.getByRole("heading", { level: 1, name: NEW_MEMBER.name })).toBeVisible();
  const save = saveButton(preview, NEW_MEMBER.name);
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(/^Vista previa: su lista no cambia aquí\.$/);
  await preview.goto(`./?preview#/member/${ACEROS.id}`);
  await expect(saveButton(preview, ACEROS.name, { saved: true })).toBeDisabled();
  expect(await axeViolations(preview)).toEqual([]);

  await preview.goto("./?preview#/follow-up");
  await expect(preview.getByRole("heading", { level: 2, name: ACEROS.name })).toBeVisible();
  await expect(preview.getByRole("complementary", { name: "Vista previa — no publicada" })).toBeVisible();

  expect(directoryRequests.filter((request) => request.frame().page() === preview)).toEqual([]);
  expect(await storageOf(page)).toEqual(storedBefore);
  expect(problems).toEqual([]);
});

test("the preview speaks English too", async ({ page, app }) => {
  await app.open();
  await app.loaded();
  const { preview, problems } = await openPreview(page, [
    { type: "vitrina-preview-directory", text: unpublished() },
  ]);
  await expect(preview.getByRole("complementary", { name: "Vista previa — no publicada" })).toBeVisible();
  const previewApp = new app.constructor(preview);
  await (await previewApp.languageButton("English")).click();
  const banner = preview.getByRole("complementary", { name: "Preview — not published" });
  await expect(banner).toContainText("your follow-up list does not change");
  expect(await axeViolations(preview)).toEqual([]);
  expect(problems).toEqual([]);
});

test("a preview opened without the staff page says where previews come from", async ({ page, app }) => {
  const directoryRequests = [];
  page.on("request", (request) => request.url().includes("/data/directory.json") && directoryRequests.push(request));
  await page.goto("./?preview#/");
  await expect(app.errorScreen()).toContainText("La vista previa solo se abre desde la página del personal");
  await expect(app.errorScreen()).toContainText("Vista previa — no publicada");
  await expect(page.getByRole("complementary", { name: "Vista previa — no publicada" })).toBeVisible();
  expect(directoryRequests).toEqual([]);
});

test("a damaged file sent to the preview is reported as such", async ({ page, app }) => {
  await app.open();
  await app.loaded();
  const { preview, problems } = await openPreview(page, [
    { type: "vitrina-preview-directory", text: fixture("broken/cut-off.json").toString("utf8") },
  ]);
  const error = preview.getByRole("alert");
  await expect(error).toContainText("El archivo está cortado");
  await expect(error).toContainText("Vista previa — no publicada");
  expect(problems).toEqual([]);
});

test("the problems view leads staff to the staff page", async ({ page, app }) => {
  await app.serveDirectory(fixture("broken/hostile.json"));
  await app.open("#/problems");
  const link = page.getByRole("link", { name: /^Página del personal/ });
  await expect(link).toHaveAttribute("href", "staff/");
  // Relative, so it finds dist/staff/ under whatever sub-path the app is published.
  expect(await link.evaluate((a) => a.href)).toMatch(/\/vitrina\/staff\/$/);
});
