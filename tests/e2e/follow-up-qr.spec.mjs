// Each handoff part is also a QR code that a phone camera reads as exactly its link.
import { test, expect } from "./fixtures.mjs";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { ACEROS, entry, openHandoff, openList, saveButton } from "./follow-up.mjs";

test("the handoff QR codes decode to the handoff links", async ({ page }) => {
  await page.goto("./");
  await saveButton(page, ACEROS.name).click();
  await openList(page);
  await entry(page, ACEROS.name).getByLabel("Nota").fill("Cotizar troquel progresivo — «urgente», 50 % anticipo");
  // Folded until asked for: computing QR codes takes a phone a moment.
  await expect(page.locator(".handoff-part")).toHaveCount(0);
  await expect(page.getByText("Pasar la lista a otro dispositivo (enlaces y códigos QR)")).toBeVisible();
  await openHandoff(page);
  const parts = page.locator(".handoff-part");
  await expect(parts.first().getByRole("img", { name: /^Código QR, parte 1 de \d+$/ })).toBeVisible();
  for (const part of await parts.all()) {
    const href = await part.getByRole("link").getAttribute("href");
    const code = part.getByRole("img");
    // Large enough on screen for a reliable decode whatever the viewport.
    await code.evaluate((svg) => {
      svg.style.width = `${Math.min(640, svg.parentElement.clientWidth)}px`;
      svg.style.maxWidth = "none";
    });
    const png = PNG.sync.read(await code.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded, "the QR code can be read").not.toBeNull();
    expect(decoded.data).toBe(href);
  }
});
