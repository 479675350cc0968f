// "Print my stand card": the company's name, pitch and the QR code of its profile link,
// printed alone (no navigation, no buttons) in black on white.
import { test, expect } from "./fixtures.mjs";
import { sample } from "./sample.mjs";
import { decodeQr } from "./qr.mjs";

const ACABADOS = sample.members.find((member) => member.id === "acabados-cumbres");

test("the stand card shows name, pitch and a QR code of the profile link, and prints alone", async ({ page, baseURL }) => {
  await page.goto(`./#/member/${ACABADOS.id}`);
  await page.getByText("Código QR del perfil").click();
  await page.getByRole("link", { name: "Imprimir mi tarjeta para el stand" }).click();
  const card = page.getByRole("article", { name: ACABADOS.name });
  await expect(card.getByRole("heading", { level: 1, name: ACABADOS.name })).toBeVisible();
  await expect(card).toContainText(ACABADOS.pitch.es);
  await expect(card).toContainText("Escanee para guardarnos en su seguimiento");
  const link = `${baseURL}#/member/${ACABADOS.id}?via=qr`;
  await expect(card.locator(".stand-card-url")).toHaveText(link);
  expect(await decodeQr(card.getByRole("img", { name: /^Código QR del enlace a este perfil/ }))).toBe(link);
  await expect(page.getByRole("button", { name: "Imprimir" })).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Navegación principal" })).toBeHidden();
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.locator("footer")).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimir" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Volver al perfil" })).toBeHidden();
  await expect(card).toBeVisible();
  const colours = await card.evaluate((node) => {
    const style = getComputedStyle(node);
    return [style.color, style.backgroundColor];
  });
  expect(colours).toEqual(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
  // The QR code prints whole, at a size a phone reads from a stand.
  const size = await card.getByRole("img").boundingBox();
  expect(size.width).toBeGreaterThan(150);
});
