// Matchmaking (issue 16): name my company, see who may buy from me and who can supply me
// (computed here from data/directory.json), add a match to the follow-up list with "met at:
// matchmaking" shown in the visitor's language; a company outside the directory described by
// checkboxes; the whole journey with the keyboard alone. Spanish on the phone, English on
// the desktop.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { entry } from "./follow-up.mjs";
import { sample } from "./sample.mjs";
import {
  TEXTS,
  capabilityLabel,
  hasValidIatf,
  languageOf,
  memberWithBothSides,
  naiveMatches,
  pickMyCompany,
  rowNames,
  today,
} from "./matches.mjs";

const names = (found) => found.map(({ member }) => member.name).sort();

test("a member named as my company sees both lists from the data and adds a match to its follow-up list", async ({ page, app }, testInfo) => {
  const { lang, t } = await languageOf(app, testInfo);
  const { member, found } = memberWithBothSides();
  await pickMyCompany(page, member, t);
  await page.getByRole("link", { name: t.seeMatches }).click();
  await expect(page).toHaveURL(/#\/matches$/);

  await expect(rowNames(page, "may-buy")).toHaveCount(found.buyers.length);
  await expect(rowNames(page, "can-supply")).toHaveCount(found.suppliers.length);
  expect((await rowNames(page, "may-buy").allTextContents()).sort()).toEqual(names(found.buyers));
  expect((await rowNames(page, "can-supply").allTextContents()).sort()).toEqual(names(found.suppliers));

  // More capabilities in common rank first, and every reason holds in the data.
  const day = await today(page);
  const shown = await rowNames(page, "can-supply").allTextContents();
  const counts = shown.map((name) => found.suppliers.find(({ member }) => member.name === name).common.length);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  for (const { member: supplier, common } of found.suppliers) {
    const row = page.locator(".match-list.can-supply .match-row").filter({ has: page.getByRole("heading", { name: supplier.name, exact: true }) });
    const reasons = await row.locator(".match-reasons li").allTextContents();
    const word = {
      es: common.length === 1 ? "capacidad en común" : "capacidades en común",
      en: common.length === 1 ? "capability in common" : "capabilities in common",
    }[lang];
    expect(reasons[0].startsWith(`${common.length} ${word}: `), reasons[0]).toBe(true);
    if (common.length <= 5) for (const id of common) expect(reasons[0]).toContain(capabilityLabel(id, lang));
    expect(reasons.includes(t.validIatf), `${supplier.name}: valid IATF 16949 claimed only when it holds`).toBe(hasValidIatf(supplier, day));
  }

  // One tap adds the first buyer, with its introduction, met at matchmaking.
  const buyer = (await rowNames(page, "may-buy").first().textContent()).trim();
  const buyerRow = page.locator(".match-list.may-buy .match-row").first();
  await buyerRow.locator("summary").click();
  await expect(buyerRow.locator(".introduction-text")).toContainText(member.name);
  await buyerRow.getByRole("button", { name: `${t.add} (${buyer})` }).click();
  await expect(buyerRow.getByRole("link", { name: t.onList })).toBeFocused();

  await page.goto("./#/follow-up");
  const card = entry(page, buyer);
  await expect(card).toBeVisible();
  const metAt = card.locator("select[id$='-met']");
  await expect(metAt).toHaveValue("matchmaking");
  await expect(metAt.locator("option:checked")).toHaveText(t.matchmaking);
  // The same entry in the other language names it in that language: a typed value, not a frozen text.
  await (await app.languageButton(t.otherLanguage)).click();
  const other = lang === "es" ? TEXTS.en : TEXTS.es;
  await expect(entry(page, buyer).locator("select[id$='-met'] option:checked")).toHaveText(other.matchmaking);
});

test("a company outside the directory, described by checkboxes, sees who needs what it makes", async ({ page, app }, testInfo) => {
  const { lang, t } = await languageOf(app, testInfo);
  // A capability some members need, from the data.
  const needed = sample.capabilities.find((c) => sample.members.filter((m) => (m.needs ?? []).includes(c.id)).length >= 2);
  const expected = naiveMatches({ makes: [needed.id], needs: [] });
  const group = sample.capability_groups.find((g) => g.id === needed.group);
  const groupName = typeof group.label === "string" ? group.label : group.label[lang];

  await page.goto("./#/my-company");
  await page.getByLabel(t.name, { exact: true }).fill("Troqueles de Prueba");
  await page.getByLabel(t.kind).selectOption("tier2");
  const makes = page.getByRole("group", { name: t.makes });
  const groupDetails = makes.locator("details").filter({ has: page.locator("summary", { hasText: groupName }) });
  await groupDetails.locator("summary").click();
  await makes.getByLabel(capabilityLabel(needed.id, lang), { exact: true }).check();
  await expect(groupDetails.locator("summary")).toHaveText(lang === "es" ? `${groupName} (1 marcada)` : `${groupName} (1 ticked)`);
  await page.getByRole("button", { name: t.save }).click();
  await expect(page.locator(".my-company-current strong")).toHaveText("Troqueles de Prueba");

  await page.goto("./#/matches");
  await expect(rowNames(page, "may-buy")).toHaveCount(expected.buyers.length);
  expect((await rowNames(page, "may-buy").allTextContents()).sort()).toEqual(names(expected.buyers));
  await expect(page.locator(".match-list.can-supply .empty-list")).toHaveText(t.noNeeds);
  // An outside company's certificates are unknown: no row claims anything about them.
  await expect(page.locator(".match-list.may-buy .match-reasons li", { hasText: "16949" })).toHaveCount(0);

  // Removable: the lists then ask who the visitor is.
  await page.goto("./#/my-company");
  await page.getByRole("button", { name: t.remove }).click();
  await expect(page.getByText(t.noCompany)).toBeVisible();
  await page.goto("./#/matches");
  await expect(page.locator(".match-prompt a[href='#/my-company']")).toBeVisible();
});

test("the list's filters in the address narrow the matches", async ({ page, app }, testInfo) => {
  const { t } = await languageOf(app, testInfo);
  const { member, found } = memberWithBothSides();
  await pickMyCompany(page, member, t);
  const kinds = [...new Set(found.suppliers.map(({ member }) => member.kind).filter(Boolean))];
  const kind = kinds[0];
  await page.goto(`./#/matches?kind=${kind}`);
  const expected = found.suppliers.filter(({ member }) => member.kind === kind);
  await expect(rowNames(page, "can-supply")).toHaveCount(expected.length);
  expect((await rowNames(page, "can-supply").allTextContents()).sort()).toEqual(names(expected));
  await expect(page.locator("#match-filter-kind")).toHaveValue(kind);
  // Choosing "any" clears it, in the address too.
  await page.locator("#match-filter-kind").selectOption("");
  await expect(page).toHaveURL(/#\/matches$/);
  await expect(rowNames(page, "can-supply")).toHaveCount(found.suppliers.length);
});

/** Presses Tab until `locator` has focus (at most `limit` times). */
async function tabTo(page, locator, limit = 120) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press("Tab");
    if (await locator.evaluate((node) => node === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${locator}`);
}

test("with the keyboard alone: name my company, open the matches, add one", async ({ page, app }, testInfo) => {
  test.slow();
  const { t } = await languageOf(app, testInfo);
  const { member, found } = memberWithBothSides();
  await page.goto("./#/my-company");
  const search = page.getByLabel(t.search);
  await expect(search).toBeVisible();
  await tabTo(page, search);
  await page.keyboard.type(member.name);
  const choice = page.locator(".company-choice").filter({ hasText: member.name }).first();
  await tabTo(page, choice);
  await page.keyboard.press("Enter");
  await expect(choice).toHaveAttribute("aria-pressed", "true");
  await expect(choice).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  const seeMatches = page.getByRole("link", { name: t.seeMatches });
  // The link to the matches is above the picker: back up to it.
  for (let i = 0; i < 40 && !(await seeMatches.evaluate((node) => node === document.activeElement)); i += 1) {
    await page.keyboard.press("Shift+Tab");
  }
  await expect(seeMatches).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(rowNames(page, "may-buy")).toHaveCount(found.buyers.length);
  const first = page.locator(".match-list.may-buy .match-row").first();
  const add = first.getByRole("button", { name: new RegExp(`^${t.add}`) });
  await tabTo(page, add, 200);
  await page.keyboard.press("Enter");
  await expect(first.getByRole("link", { name: t.onList })).toBeFocused();
});

test("the introduction opens by e-mail and WhatsApp prefilled, for a match with such a contact", async ({ page, app }, testInfo) => {
  const { t } = await languageOf(app, testInfo);
  const { member, found } = memberWithBothSides();
  await pickMyCompany(page, member, t);
  await page.goto("./#/matches");
  const all = [...found.buyers.map((f) => ["may-buy", f]), ...found.suppliers.map((f) => ["can-supply", f])];
  const withEmail = all.find(([, { member: m }]) => (m.contacts ?? []).some((c) => c.email));
  test.skip(!withEmail, "no match of this company has a contact with an e-mail address");
  const [list, { member: other }] = withEmail;
  const row = page.locator(`.match-list.${list} .match-row`).filter({ has: page.getByRole("heading", { name: other.name, exact: true }) });
  await row.locator("summary").click();
  const intro = (await row.locator(".introduction-text").textContent()).trim();
  expect(intro).toContain(member.name);
  const email = other.contacts.find((c) => c.email).email;
  const href = await row.getByRole("link", { name: t.writeEmail }).getAttribute("href");
  expect(href.startsWith(`mailto:${email}?subject=`), href).toBe(true);
  expect(decodeURIComponent(href.split("&body=")[1])).toBe(intro);
  const whatsapp = (other.contacts ?? []).find((c) => c.whatsapp)?.whatsapp;
  const link = row.getByRole("link", { name: t.writeWhatsapp });
  if (whatsapp) {
    const wa = await link.getAttribute("href");
    expect(wa.startsWith(`https://wa.me/${whatsapp.replace(/\D/g, "")}?text=`), wa).toBe(true);
    expect(decodeURIComponent(wa.split("?text=")[1])).toBe(intro);
  } else {
    await expect(link).toHaveCount(0);
  }
});

test("the staff's pairs download as a CSV with one row per need and supplier", async ({ page, app }, testInfo) => {
  const { lang } = await languageOf(app, testInfo);
  let pairs = 0;
  for (const buyer of sample.members) {
    for (const supplier of sample.members) {
      if (buyer.id === supplier.id) continue;
      pairs += (buyer.needs ?? []).filter((id) => (supplier.capabilities ?? []).includes(id)).length;
    }
  }
  await page.goto("./#/pairs");
  await expect(page.locator(".pair-need").first()).toBeVisible();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: lang === "es" ? "Descargar CSV" : "Download CSV" }).click(),
  ]);
  const day = await today(page);
  expect(file.suggestedFilename()).toBe(`${lang === "es" ? "necesidades-y-proveedores" : "needs-and-suppliers"}-${day}.csv`);
  const text = readFileSync(await file.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const rows = text.slice(1).split("\r\n").filter(Boolean);
  expect(rows.length).toBe(pairs + 1);
  expect(rows[0].split(",")[0]).toBe(lang === "es" ? "Grupo" : "Group");
});
