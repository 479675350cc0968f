// Storage blocked (private mode, cookies disabled, a strict policy): the app works,
// the list works for the visit, and the visitor is told it will not be kept.
import { test, expect } from "./fixtures.mjs";
import { ACEROS, download, entries, entry, exportButton, openList, saveButton } from "./follow-up.mjs";

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
});

test("with localStorage blocked the list works in memory and says it will not persist", async ({ page, app }) => {
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();
  // Language switching, which is also remembered in storage, still works for the visit.
  await (await app.languageButton("English")).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await (await app.languageButton("Español")).click();

  await saveButton(page, ACEROS.name).click();
  await expect(saveButton(page, ACEROS.name, { saved: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Seguimiento" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mi seguimiento" })).toBeVisible();

  // Said once, plainly, with the way out.
  const notice = page.getByRole("status").filter({ hasText: "Este navegador no permite guardar datos (¿modo privado?)" });
  await expect(notice).toHaveText(
    "Este navegador no permite guardar datos (¿modo privado?): su lista no se conservará al cerrar la página. Expórtela para no perderla.",
  );
  await expect(page.getByText("modo privado", { exact: false })).toHaveCount(1);
  await entry(page, ACEROS.name).getByLabel("Nota").fill("Solo en memoria");
  await expect(entry(page, ACEROS.name).getByLabel("Nota")).toHaveValue("Solo en memoria");
  // The way out it suggests, an export, works.
  const backup = await download(page, exportButton(page, "JSON"));
  expect(JSON.parse(backup.text).entries[0].note).toBe("Solo en memoria");

  // As promised, nothing survives a reload.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Mi seguimiento" })).toBeVisible();
  await expect(entries(page)).toHaveCount(0);
  await expect(notice).toBeVisible();
});
