// Bookmark a contact from a profile, note and date it, reload: it is all still there,
// and the navigation counts it as overdue once its date has passed.
import { test, expect } from "./fixtures.mjs";
import { ACEROS, ANA, contactName, entry, isoDate, saveButton, storedList } from "./follow-up.mjs";

const NOTE = "Cotizar troquel para tapas de silenciador; llamar después de PAACE.";

test("a contact saved from a profile keeps its note, status, place and date across a reload", async ({ page }) => {
  const nav = page.getByRole("navigation", { name: "Navegación principal" });
  await page.goto(`./#/member/${ACEROS.id}`);
  const ana = contactName(ANA.name, ACEROS.name);
  await saveButton(page, ana).click();
  await expect(saveButton(page, ana, { saved: true })).toBeVisible();
  // Only Ana was saved, not the whole company.
  await expect(saveButton(page, ACEROS.name)).toBeVisible();
  await expect(nav.getByRole("link", { name: "Seguimiento", exact: true })).toBeVisible();

  await nav.getByRole("link", { name: "Seguimiento", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mi seguimiento" })).toBeVisible();
  const card = entry(page, ANA.name);
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Aceros del Norte · Ingeniera de Ventas");

  const yesterday = await isoDate(page, -1);
  await card.getByLabel("Nota").fill(NOTE);
  await card.getByLabel("Estado").selectOption({ label: "Reunión agendada" });
  await card.getByLabel("Dónde nos conocimos").selectOption({ label: "INA PAACE Automechanika México 2027" });
  await card.getByLabel("Próximo seguimiento").fill(yesterday);

  // A date in the past: marked on the entry and counted in the navigation.
  await expect(card.locator(".due-badge")).toHaveText("Vencido desde ayer");
  await expect(nav.getByRole("link", { name: "Seguimiento 1 pendientes", exact: true })).toBeVisible();
  // Written through at once, before any reload.
  await expect
    .poll(async () => (await storedList(page)).entries.map(({ note, next, status }) => ({ note, next, status })))
    .toEqual([{ note: NOTE, next: yesterday, status: "meeting_set" }]);

  await page.reload();
  const after = entry(page, ANA.name);
  await expect(after.getByLabel("Nota")).toHaveValue(NOTE);
  await expect(after.getByLabel("Próximo seguimiento")).toHaveValue(yesterday);
  await expect(after.getByLabel("Estado")).toHaveValue("meeting_set");
  await expect(after.getByLabel("Dónde nos conocimos")).toHaveValue("event:paace-2027");
  await expect(after.getByLabel("Estado").locator("option:checked")).toHaveText("Reunión agendada");
  await expect(nav.getByRole("link", { name: "Seguimiento 1 pendientes", exact: true })).toBeVisible();

  // The profile shows the saved state after the reload too.
  await after.getByRole("link", { name: ANA.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: ACEROS.name })).toBeVisible();
  await expect(saveButton(page, ana, { saved: true })).toBeVisible();
});

test("a date in the future is not counted as overdue", async ({ page }) => {
  const nav = page.getByRole("navigation", { name: "Navegación principal" });
  await page.goto(`./#/member/${ACEROS.id}`);
  await saveButton(page, ACEROS.name).click();
  await page.goto("./#/follow-up");
  const card = entry(page, ACEROS.name);
  await card.getByLabel("Próximo seguimiento").fill(await isoDate(page, 2));
  await expect(card.locator(".due-badge")).toHaveText("En 2 días");
  await expect(nav.getByRole("link", { name: "Seguimiento", exact: true })).toBeVisible();
  await card.getByLabel("Próximo seguimiento").fill(await isoDate(page, 0));
  await expect(card.locator(".due-badge")).toHaveText("Hoy");
  await expect(nav.getByRole("link", { name: "Seguimiento 1 pendientes", exact: true })).toBeVisible();
});
