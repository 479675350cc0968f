import { test, expect } from "./fixtures.mjs";
import { membersWith, label } from "./sample.mjs";

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("two capabilities and a certification: results and counts match the data", async ({ page, app }) => {
  await app.open();
  // Below 60rem the facets live in a sheet behind the "Filtros" button.
  const phone = page.viewportSize().width < 960;
  if (phone) await page.getByRole("button", { name: /^Filtros/ }).click();
  const facets = page.locator("#facet-sheet");
  const check = async (name, { capability = false } = {}) => {
    // Capabilities sit in collapsed groups; the facet's own filter opens them.
    if (capability) await facets.getByRole("textbox", { name: "Filtrar capacidades" }).fill(name);
    await facets.getByRole("checkbox", { name: new RegExp(`^${escape(name)} \\d+$`) }).check();
    if (capability) await facets.getByRole("textbox", { name: "Filtrar capacidades" }).fill("");
  };
  await check(label("capabilities", "stamping"), { capability: true });
  await check(label("capabilities", "cnc-machining"), { capability: true });
  await check(label("certifications", "iatf-16949"));
  const expected = membersWith({ capabilities: ["stamping", "cnc-machining"], certifications: ["iatf-16949"] });
  await expect(page.locator(".result-count").first()).toHaveText(`${expected.length} de 114 miembros`);
  // Disjunctive count: ISO 14001 would give members with either capability and ISO 14001 (OR within the facet).
  const iso = membersWith({ capabilities: ["stamping", "cnc-machining"], certifications: ["iatf-16949", "iso-14001"] });
  const isoLabel = escape(label("certifications", "iso-14001"));
  const isoBox = page.getByRole("checkbox", { name: new RegExp(`^${isoLabel} \\d+$`) });
  const isoCount = membersWith({ capabilities: ["stamping", "cnc-machining"], certifications: ["iso-14001"] }).length;
  await expect(facets.locator(".facet-value").filter({ has: isoBox }).locator(".facet-count")).toHaveText(
    String(isoCount),
  );
  expect(iso.length).toBeGreaterThanOrEqual(expected.length);
  if (phone) await page.getByRole("button", { name: /^Mostrar \d+ resultados?$/ }).click();
  await expect(app.memberCards()).toHaveCount(Math.min(expected.length, 40));
  // Chips remove one filter; "clear all" removes the rest.
  await page.getByRole("button", { name: `Quitar filtro: ${label("certifications", "iatf-16949")}` }).click();
  await expect(page.locator(".result-count").first()).toHaveText(
    `${membersWith({ capabilities: ["stamping", "cnc-machining"] }).length} de 114 miembros`,
  );
  await page.getByRole("button", { name: "Quitar todos los filtros" }).click();
  await expect(page.locator(".result-count").first()).toHaveText("114 miembros");
});

test("a capability on a profile links to the filtered list", async ({ page, app }) => {
  await app.open("#/member/aceros-del-norte");
  await page.locator(".capabilities").getByRole("link", { name: label("capabilities", "stamping") }).click();
  await expect(page.locator(".result-count").first()).toHaveText(
    `${membersWith({ capabilities: ["stamping"] }).length} de 114 miembros`,
  );
  await expect(page.getByRole("button", { name: `Quitar filtro: ${label("capabilities", "stamping")}` })).toBeVisible();
});
