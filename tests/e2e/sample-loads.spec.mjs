import { test, expect } from "./fixtures.mjs";

test("the sample directory loads: header, first page of members, footer", async ({ page, app }) => {
  await app.open();
  await expect(page.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();
  // On a phone the cluster's name is in the navigation bar's "Más" panel (issue 13).
  const more = page.getByRole("navigation").getByRole("button", { name: "Más" });
  if (await more.isVisible()) await more.click();
  await expect(page.getByRole("link", { name: "Clúster Automotriz de Chihuahua (ejemplo)" })).toBeVisible();
  if (await more.isVisible()) await page.keyboard.press("Escape");
  await expect(page.locator(".result-count")).toHaveText("114 miembros");
  // A page of rows, not the whole directory at once.
  await expect(app.memberCards()).toHaveCount(40);
  await expect(page.locator(".site-footer")).toContainText("Datos actualizados el 20 de noviembre de 2026");
  await expect(page).toHaveTitle("Clúster Automotriz de Chihuahua (ejemplo) · Vitrina");

  await page.getByRole("button", { name: "Mostrar más" }).click();
  await expect(app.memberCards()).toHaveCount(80);
});

test("the language switch changes the interface and is remembered", async ({ page, app }) => {
  await app.open();
  await expect(page.getByRole("heading", { level: 1, name: "Miembros" })).toBeVisible();
  await (await app.languageButton("English")).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator(".site-footer")).toContainText("Data updated on November 20, 2026");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(await app.languageButton("English")).toHaveAttribute("aria-pressed", "true");
});

test.describe("a browser in English", () => {
  test.use({ locale: "en-US" });

  test("starts in English", async ({ page, app }) => {
    await app.open();
    await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
