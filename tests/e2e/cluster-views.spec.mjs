// The cluster's other views (issue 16): the hub, the opportunities a board works through,
// and the planned investment with its members behind every number — figures computed here
// from the sample, independently of the app.
import { test, expect } from "./fixtures.mjs";
import { sample } from "./sample.mjs";
import { capabilityLabel, langOf, naiveInvestment, naiveOpportunities, percent, text, useProjectLanguage } from "./cluster.mjs";

test("the hub says the company is not said yet and links each upcoming event's preparation", async ({ page, app }, testInfo) => {
  const lang = langOf(testInfo);
  await app.open("#/cluster");
  await useProjectLanguage(app, lang);
  await expect(page.getByRole("heading", { level: 1, name: { es: "El clúster", en: "The cluster" }[lang] })).toBeVisible();
  await expect(page.locator(".my-company-status")).toContainText(
    { es: "Aún no ha dicho cuál es su empresa.", en: "You have not said which is your company yet." }[lang],
  );
  await expect(page.locator(".my-company-status a")).toHaveAttribute("href", "#/my-company");
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  const upcoming = sample.events.filter((e) => !(e.end ?? e.start) || (e.end ?? e.start) >= today);
  const hrefs = await page.locator('.cluster-page a[href*="/prepare"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs.sort()).toEqual(upcoming.map((e) => `#/event/${e.id}/prepare`).sort());
  for (const event of upcoming) await expect(page.getByRole("link", { name: text(event.name, lang), exact: true })).toBeVisible();
});

test("opportunities: what OEMs and Tier 1s need with one supplier or none, who needs it, who supplies it", async ({ page, app }, testInfo) => {
  const lang = langOf(testInfo);
  await app.open("#/opportunities");
  await useProjectLanguage(app, lang);
  await expect(page.getByRole("heading", { level: 1, name: { es: "Oportunidades", en: "Opportunities" }[lang] })).toBeVisible();
  const expected = naiveOpportunities();
  expect(expected.length, "the sample has opportunities to show").toBeGreaterThan(2);
  const rows = page.locator(".opportunities-table tbody tr");
  await expect(rows).toHaveCount(expected.length);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll("td")];
      const names = (cell) => [...cell.querySelectorAll("a")].map((a) => a.textContent.trim()).sort();
      return {
        label: tr.querySelector("th").textContent.trim(),
        neededBy: names(cells[1]),
        suppliers: names(cells[2]),
        none: cells[2].querySelector(".no-supplier")?.textContent.trim() ?? null,
      };
    }),
  );
  const want = expected.map((o) => ({
    label: capabilityLabel(o.id, lang),
    neededBy: [...o.neededBy].sort(),
    suppliers: [...o.suppliers].sort(),
    none: o.suppliers.length === 0 ? { es: "Ninguno", en: "None" }[lang] : null,
  }));
  const byLabel = (a, b) => a.label.localeCompare(b.label);
  expect(shown.sort(byLabel)).toEqual(want.sort(byLabel));
  // Fewest suppliers first.
  const supplierCounts = shown.map((row) => row.suppliers.length);
  expect(supplierCounts).toEqual([...supplierCounts].sort());
});

test("opportunities print without buttons", async ({ page, app }) => {
  await app.open("#/opportunities");
  await expect(page.locator(".opportunities-table")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".cluster-actions")).toBeHidden();
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.locator(".opportunities-table")).toBeVisible();
});

test("investment: totals, the share above 15 MDD both ways, and members behind a bar", async ({ page, app }, testInfo) => {
  const lang = langOf(testInfo);
  await app.open("#/investment");
  await useProjectLanguage(app, lang);
  const heading = { es: "Inversión planeada", en: "Planned investment" }[lang];
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  const n = naiveInvestment();
  await expect(page.getByTestId("investment-above-given")).toHaveText(percent(n.above, n.withFigure, lang));
  await expect(page.getByTestId("investment-above-all")).toHaveText(percent(n.above, n.members, lang));
  await expect(page.getByTestId("investment-not-given")).toHaveText(String(n.notGiven));
  await expect(page.getByTestId("investment-with-figure")).toHaveText(`${n.withFigure} / ${n.members}`);
  const total = Math.round(n.total * 10) / 10;
  const [whole, tenth] = total.toFixed(1).split(".");
  const grouped = lang === "en" ? Number(whole).toLocaleString("en-US") : whole.length <= 4 ? whole : Number(whole).toLocaleString("fr-FR").replace(/\s/g, "\u202F");
  await expect(page.getByTestId("investment-total")).toHaveText(`${grouped}${tenth === "0" ? "" : `.${tenth}`} MDD`);

  // "Not given" is a bar of its own, never zero: it opens those members.
  const notGivenBar = page.locator(".linked-bars a").filter({ hasText: { es: "Sin dato", en: "Not given" }[lang] });
  await expect(notGivenBar.locator(".linked-bar-value")).toHaveText(String(n.notGiven));
  await notGivenBar.click();
  await expect(page).toHaveURL(/#\/cluster\/members\?investment=not-given$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    { es: "sin inversión planeada en el archivo", en: "no planned investment in the file" }[lang],
  );
  const without = sample.members.filter((m) => typeof m.investment_musd !== "number").map((m) => m.name).sort();
  await expect(app.memberCards()).toHaveCount(without.length);
  expect((await app.memberCards().locator(".member-name").allTextContents()).map((s) => s.trim()).sort()).toEqual(without);
  await page.getByRole("link", { name: { es: "Volver a la inversión planeada", en: "Back to planned investment" }[lang] }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();

  // Every bar's number equals the members in its range; 15 exactly is not "more than 15".
  const ranges = [
    (x) => x < 1,
    (x) => x >= 1 && x < 5,
    (x) => x >= 5 && x <= 15,
    (x) => x > 15 && x < 50,
    (x) => x >= 50 && x < 100,
    (x) => x >= 100,
  ];
  const figures = sample.members.map((m) => m.investment_musd).filter((x) => typeof x === "number");
  // The bars are drawn after the page's heading: wait for all of them before reading them.
  await expect(page.locator(".linked-bars .linked-bar-value")).toHaveCount(ranges.length + 1);
  const bars = await page.locator(".linked-bars .linked-bar-value").allTextContents();
  expect(bars.map(Number)).toEqual([...ranges.map((inRange) => figures.filter(inRange).length), n.notGiven]);

  // By kind: the OEMs' row opens the OEMs above 15 MDD.
  const oems = sample.members.filter((m) => m.kind === "oem");
  const oemRow = page.locator(".by-kind-table tbody tr").first();
  await expect(oemRow.locator("td").first()).toHaveText(String(oems.length));
  const oemsAbove = oems.filter((m) => m.investment_musd > 15);
  await oemRow.locator("td").nth(3).getByRole("link").click();
  await expect(page).toHaveURL(/#\/cluster\/members\?investment=above-15&kind=oem$/);
  await expect(app.memberCards()).toHaveCount(oemsAbove.length);
});
