// "Preparar la feria" (issue 16): my matches who attend an upcoming event, in walking order
// (stand in natural order, no stand last by name), computed here from data/directory.json;
// all added to the follow-up list in one step with the event as "met at"; the page prints on
// one or two pages without navigation or buttons. Spanish on the phone, English on the desktop.
import { test, expect } from "./fixtures.mjs";
import { entry } from "./follow-up.mjs";
import { naturalCompare } from "./fair.mjs";
import { sample } from "./sample.mjs";
import { languageOf, matchesOfMember, pickMyCompany, today } from "./matches.mjs";

const standAt = (member, eventId) => {
  const attended = (member.events ?? []).find((event) => (typeof event === "string" ? event : event.id) === eventId);
  if (!attended) return undefined;
  const stand = typeof attended === "object" && typeof attended.stand === "string" ? attended.stand.trim() : "";
  return stand || null;
};

/** The upcoming event and member whose attending matches make the longest walk (at most 20 stops). */
function plan(day) {
  let best = null;
  for (const event of sample.events.filter((e) => (e.end ?? e.start) >= day)) {
    for (const member of sample.members) {
      const { buyers, suppliers } = matchesOfMember(member);
      const attending = new Map();
      for (const { member: other } of [...buyers, ...suppliers]) {
        const stand = standAt(other, event.id);
        if (stand !== undefined) attending.set(other.id, { name: other.name, stand });
      }
      const stops = [...attending.values()];
      const withStands = stops.filter((s) => s.stand).length;
      if (stops.length <= 20 && withStands >= 2 && (!best || withStands > best.withStands)) best = { event, member, stops, withStands };
    }
  }
  expect(best, "an upcoming event some member's matches attend with stands").not.toBeNull();
  const byName = (a, b) => a.name.localeCompare(b.name, "es", { sensitivity: "base" });
  best.stops.sort((a, b) => (a.stand && b.stand ? naturalCompare(a.stand, b.stand) : a.stand ? -1 : b.stand ? 1 : byName(a, b)));
  return best;
}

test("prepare an upcoming fair: my matches who attend in stand order, all added with the event as met at", async ({ page, app }, testInfo) => {
  const { lang, t } = await languageOf(app, testInfo);
  const { event, member, stops } = plan(await today(page));
  await pickMyCompany(page, member, t);

  // From the event's page.
  await page.goto(`./#/event/${event.id}`);
  await page.getByRole("link", { name: t.prepare }).click();
  await expect(page).toHaveURL(new RegExp(`#/event/${event.id}/prepare$`));
  await expect(page.getByRole("heading", { level: 1, name: t.prepare })).toBeVisible();
  await expect(page.locator(".prepare-rows .match-row")).toHaveCount(stops.length);
  expect(await page.locator(".prepare-rows .match-row h3").allTextContents()).toEqual(stops.map((s) => s.name));
  const stands = await page.locator(".prepare-rows .match-stand").allTextContents();
  expect(stands.slice(0, stops.filter((s) => s.stand).length)).toEqual(stops.filter((s) => s.stand).map((s) => s.stand));

  await page.getByRole("button", { name: t.addAll }).click();
  await expect(page.getByRole("link", { name: t.allOnList })).toBeFocused();

  await page.goto("./#/follow-up");
  for (const stop of stops) {
    await expect(entry(page, stop.name).locator("select[id$='-met']")).toHaveValue(`event:${event.id}`);
  }
  const eventName = typeof event.name === "string" ? event.name : event.name[lang];
  await expect(entry(page, stops[0].name).locator("select[id$='-met'] option:checked")).toHaveText(eventName);
});

test("the prepared fair prints on one or two pages, without navigation or buttons", async ({ page, app }, testInfo) => {
  const { t } = await languageOf(app, testInfo);
  const { event, member, stops } = plan(await today(page));
  await pickMyCompany(page, member, t);
  await page.goto(`./#/event/${event.id}/prepare`);
  await expect(page.locator(".prepare-rows .match-row")).toHaveCount(stops.length);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: t.prepare })).toBeVisible();
  await expect(page.locator(".prepare-rows .match-row").first()).toBeVisible();
  const visibleButtons = await page.locator("button").evaluateAll((buttons) =>
    buttons.filter((button) => button.checkVisibility()).map((button) => button.textContent),
  );
  expect(visibleButtons).toEqual([]);
  await expect(page.locator(".match-introduction").first()).toBeHidden();
  // The PDF Chromium prints has one or two pages (US letter, its default).
  const pdf = (await page.pdf({ printBackground: false })).toString("latin1");
  const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages, `${stops.length} stops`).toBeLessThanOrEqual(2);
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("button", { name: t.addAll })).toBeVisible();
});
