// A profile's QR code opens the profile ready to save: with the fair running today it is
// preselected as "met at", and bookmark plus note take at most three taps and some typing.
import { test, expect } from "./fixtures.mjs";
import { openList, entry } from "./follow-up.mjs";
import { FAIR_NAME, fairDirectory } from "./fair.mjs";
import { decodeQr } from "./qr.mjs";

const ACABADOS = { id: "acabados-cumbres", name: "Acabados Cumbres" };

test.beforeEach(async ({ app }) => {
  await app.serveDirectory(fairDirectory());
});

test("a profile's QR code holds its absolute link, marked as coming from a QR", async ({ page, baseURL }) => {
  await page.goto(`./#/member/${ACABADOS.id}`);
  await page.getByText("Código QR del perfil").click();
  const code = page.getByRole("img", { name: `Código QR del enlace a este perfil (${ACABADOS.name})` });
  await expect(code).toBeVisible();
  // The app is served under /vitrina/: the link keeps the sub-path.
  expect(await decodeQr(code)).toBe(`${baseURL}#/member/${ACABADOS.id}?via=qr`);
  await expect(page.getByRole("link", { name: "Imprimir mi tarjeta para el stand" })).toHaveAttribute(
    "href",
    `#/member/${ACABADOS.id}/card`,
  );
});

test("opening the QR link saves the member, met at today's fair, with a note in three taps at most", async ({ page }, testInfo) => {
  const isPhone = testInfo.project.name === "phone";
  let taps = 0;
  const tap = async (locator) => {
    taps += 1;
    if (isPhone) await locator.tap();
    else await locator.click();
  };
  // What a phone camera does: open the link in a fresh browser tab.
  await page.goto(`./#/member/${ACABADOS.id}?via=qr`);
  const panel = page.getByRole("region", { name: "Guardar en mi seguimiento" });
  await expect(panel).toContainText(`Conocido en: ${FAIR_NAME}`);
  await expect(panel).toBeInViewport();

  await tap(panel.getByRole("button", { name: "Guardar con nota" }));
  const note = panel.getByLabel("Nota");
  await expect(note).toBeFocused();
  await page.keyboard.type("Pintura de tableros, pedir muestras");
  await tap(panel.getByRole("button", { name: "Listo" }));
  await expect(panel.getByRole("status")).toContainText("Guardado en su seguimiento.");
  expect(taps).toBeLessThanOrEqual(3);

  await openList(page);
  const saved = entry(page, ACABADOS.name);
  await expect(saved.getByLabel("Nota")).toHaveValue("Pintura de tableros, pedir muestras");
  await expect(saved.getByLabel("Dónde nos conocimos")).toHaveValue("event:paace-2026");
});

test("a plain profile link shows no save panel", async ({ page }) => {
  await page.goto(`./#/member/${ACABADOS.id}`);
  await expect(page.getByRole("heading", { level: 1, name: ACABADOS.name })).toBeVisible();
  await expect(page.getByRole("region", { name: "Guardar en mi seguimiento" })).toHaveCount(0);
});
