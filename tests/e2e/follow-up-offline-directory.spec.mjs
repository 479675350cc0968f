// The list does not depend on the directory file: with it unreachable, saved entries
// still show (from their snapshots), can be edited and exported.
import { test, expect, DIRECTORY_URL } from "./fixtures.mjs";
import { ACEROS, ANA, contactName, download, entries, entry, exportButton, openList, saveButton } from "./follow-up.mjs";

// The browser logs the 404 it is made to get.
test.use({ expectedConsoleErrors: [/Failed to load resource/] });

test("with the directory file unreachable the list still shows, edits and exports its entries", async ({ page }) => {
  await page.goto(`./#/member/${ACEROS.id}`);
  await saveButton(page, contactName(ANA.name, ACEROS.name)).click();
  await saveButton(page, ACEROS.name).click();
  await openList(page);
  await entry(page, ANA.name).getByLabel("Nota").fill("Enviar planos del soporte");
  await entry(page, ANA.name).getByLabel("Dónde nos conocimos").selectOption({ label: "INA PAACE Automechanika México 2027" });

  let requests = 0;
  await page.route(DIRECTORY_URL, (route) => {
    requests += 1;
    return route.fulfill({ status: 404, contentType: "text/html", body: "<!doctype html><title>404</title>" });
  });
  await page.goto("about:blank");
  await openList(page);
  await expect(page.getByText("El directorio no está disponible ahora; su lista de seguimiento sigue aquí.")).toBeVisible();
  expect(requests).toBeGreaterThan(0);

  await expect(entries(page)).toHaveCount(2);
  const ana = entry(page, ANA.name);
  await expect(ana).toContainText("Aceros del Norte · Ingeniera de Ventas");
  await expect(ana.getByLabel("Nota")).toHaveValue("Enviar planos del soporte");
  await expect(ana.getByRole("link", { name: "Llamar" })).toHaveAttribute("href", "tel:+526145550116");
  // Where we met still reads as the event, from the saved name.
  await expect(ana.getByLabel("Dónde nos conocimos").locator("option:checked")).toHaveText("INA PAACE Automechanika México 2027");
  // A directory that failed to load is not a directory without these members.
  await expect(page.getByText("Ya no está en el directorio actual")).toHaveCount(0);

  await ana.getByLabel("Nota").fill("Enviar planos del soporte (sin conexión)");
  const csv = await download(page, exportButton(page, "CSV"));
  expect(csv.text).toContain("Enviar planos del soporte (sin conexión)");
  expect(csv.text).toContain(ANA.name);

  await page.reload();
  await expect(entry(page, ANA.name).getByLabel("Nota")).toHaveValue("Enviar planos del soporte (sin conexión)");
  await expect(entry(page, ANA.name).getByLabel("Dónde nos conocimos").locator("option:checked")).toHaveText(
    "INA PAACE Automechanika México 2027",
  );

  // The directory pages show the error screen, which says the list is safe, and the way back to it works.
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Directorio" }).click();
  const screen = page.getByRole("alert");
  await expect(screen.getByRole("heading", { name: "No se pudo cargar el directorio" })).toBeVisible();
  await expect(screen.locator(".error-message")).toHaveText(/404/);
  await expect(screen).toContainText("Su lista de seguimiento no se pierde");
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Seguimiento" }).click();
  await expect(entries(page)).toHaveCount(2);

  // Back online: the member pages work again and show the saved state.
  await page.unroute(DIRECTORY_URL);
  await page.goto("about:blank");
  await page.goto(`./#/member/${ACEROS.id}`);
  await expect(saveButton(page, ACEROS.name, { saved: true })).toBeVisible();
});
