// Issue 16: an entry added from matchmaking keeps its introduction, shown and editable on its
// card, and its e-mail and WhatsApp links open with it; its "met at" is the typed value
// "matchmaking", named in the language shown. A read-only list (written by a newer app) changes
// neither. Spanish on the phone, English on desktop.
import { test, expect } from "./fixtures.mjs";
import { ACEROS, ANA, contactName, entry, openList, saveButton, storedList, listKey } from "./follow-up.mjs";

const INTRODUCTION = "Hola, Ana: en Troqueles del Bajío estampamos y soldamos piezas como las que buscan.\n\n¿Platicamos?";

test("an introduction is shown, edited, kept and used by the contact links", async ({ page, app }, testInfo) => {
  const english = testInfo.project.name === "desktop";
  const t = (es, en) => (english ? en : es);
  await page.goto("./");
  await page.goto(`./#/member/${ACEROS.id}`);
  await saveButton(page, contactName(ANA.name, ACEROS.name)).click();
  const key = await listKey(page);
  // As matchmaking leaves it: met at matchmaking, with an introduction.
  await page.evaluate(
    ({ key, introduction }) => {
      const doc = JSON.parse(localStorage.getItem(key));
      doc.entries[0].introduction = introduction;
      doc.entries[0].met_at = { via: "matchmaking" };
      localStorage.setItem(key, JSON.stringify(doc));
    },
    { key, introduction: INTRODUCTION },
  );
  await page.goto("about:blank");
  await openList(page);
  if (english) await (await app.languageButton("English")).click();

  const card = entry(page, ANA.name);
  const field = card.getByLabel(t("Mensaje de presentación", "Introduction message"));
  await expect(field).toHaveValue(INTRODUCTION);
  const metAt = card.getByLabel(t("Dónde nos conocimos", "Where we met"));
  await expect(metAt).toHaveValue("matchmaking");
  await expect(metAt.locator("option:checked")).toHaveText(t("Emparejamiento de Vitrina", "Vitrina matchmaking"));
  const opened = async (name) => decodeURIComponent(await card.getByRole("link", { name: new RegExp(`^${name}`) }).getAttribute("href"));
  expect(await opened("WhatsApp")).toContain(INTRODUCTION);
  const email = await opened(t("Correo", "Email"));
  expect(email).toContain(INTRODUCTION.replaceAll("\n", "\r\n"));
  expect(email).toContain(`subject=${t("Presentación", "Introduction")}: ${ACEROS.name}`);

  // Edited like a note: written once the field is left, and kept.
  const edited = `${INTRODUCTION} ${t("Saludos.", "Regards.")}`;
  await field.fill(edited);
  await field.blur();
  await expect.poll(async () => (await storedList(page)).entries[0].introduction).toBe(edited);
  expect((await storedList(page)).version).toBe(3);
  await page.reload();
  await expect(entry(page, ANA.name).getByLabel(t("Mensaje de presentación", "Introduction message"))).toHaveValue(edited);
  expect(await opened("WhatsApp")).toContain(edited);

  // A newer app's list: shown, never edited.
  await page.evaluate((key) => {
    const doc = JSON.parse(localStorage.getItem(key));
    doc.version += 1;
    localStorage.setItem(key, JSON.stringify(doc));
  }, key);
  await page.reload();
  await expect(entry(page, ANA.name).getByLabel(t("Mensaje de presentación", "Introduction message"))).toBeDisabled();
  await expect(entry(page, ANA.name).getByLabel(t("Dónde nos conocimos", "Where we met"))).toBeDisabled();
  await expect(entry(page, ANA.name).getByLabel(t("Mensaje de presentación", "Introduction message"))).toHaveValue(edited);
});
