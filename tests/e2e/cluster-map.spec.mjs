// The capability map (issue 16): its table holds the supply, demand and gap a naive count of
// the sample gives, each number opens the members behind it, the chart is named and described
// for screen readers and downloads as a standalone SVG, the table as CSV; keyboard only; print.
import { test, expect } from "./fixtures.mjs";
import { download } from "./follow-up.mjs";
import { sample } from "./sample.mjs";
import { capabilityLabel, langOf, supplyAndDemand, text, useProjectLanguage } from "./cluster.mjs";

const HEADING = { es: "Mapa de capacidades", en: "Capability map" };

async function openMap(page, app, lang) {
  await app.open("#/map");
  await useProjectLanguage(app, lang);
  await expect(page.getByRole("heading", { level: 1, name: HEADING[lang] })).toBeVisible();
}

/** Every capability row of the table: label → [supply, demand, gap] as shown. */
async function tableRows(page) {
  return page.locator(".map-table tbody tr:not(.group-row)").evaluateAll((rows) =>
    rows.map((row) => [row.querySelector("th").textContent.trim(), [...row.querySelectorAll("td")].map((td) => Number(td.textContent.trim()))]),
  );
}

test("the table's supply, demand and gap equal a naive count of the file", async ({ page, app }, testInfo) => {
  const lang = langOf(testInfo);
  await openMap(page, app, lang);
  const counts = supplyAndDemand();
  const expected = sample.capabilities.map((c) => {
    const { supply, demand, gap } = counts.get(c.id);
    return [capabilityLabel(c.id, lang), [supply, demand, gap]];
  });
  const shown = await tableRows(page);
  expect(shown.sort()).toEqual(expected.sort());
  // Something to show: the sample has capabilities with a gap.
  expect(expected.some(([, [, , gap]]) => gap > 0)).toBe(true);
  // The table is for screen readers too: a caption and scoped headers.
  await expect(page.locator(".map-table caption")).not.toBeEmpty();
  await expect(page.locator(".map-table thead th[scope=col]")).toHaveCount(4);
});

test("a number opens the members behind it", async ({ page, app }, testInfo) => {
  const lang = langOf(testInfo);
  await openMap(page, app, lang);
  const counts = supplyAndDemand();
  // The capability most in demand: its demand opens the members who need it…
  const [id, { demand, supply }] = [...counts].sort((a, b) => b[1].demand - a[1].demand)[0];
  const row = page.locator(".map-table tbody tr").filter({ has: page.getByRole("rowheader", { name: capabilityLabel(id, lang), exact: true }) });
  await row.locator("td").nth(1).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`#/\\?need=${id}$`));
  const needers = sample.members.filter((m) => (m.needs ?? []).includes(id)).map((m) => m.name).sort();
  await expect(app.memberCards()).toHaveCount(demand);
  expect((await app.memberCards().locator(".member-name").allTextContents()).map((s) => s.trim()).sort()).toEqual(needers);
  // …and back on the map, its supply opens those who offer it.
  await page.goBack();
  await row.locator("td").nth(0).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`#/\\?cap=${id}$`));
  await expect(app.memberCards()).toHaveCount(supply);
});

test("the chart is named and described, and downloads as a standalone SVG", async ({ page, app }, testInfo) => {
  const lang = langOf(testInfo);
  await openMap(page, app, lang);
  const chart = page.locator(".capability-map svg[role=img]");
  const names = await chart.evaluate((svg) =>
    (svg.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => [document.getElementById(id)?.tagName, document.getElementById(id)?.textContent]),
  );
  expect(names.map(([tag]) => tag)).toEqual(["title", "desc"]);
  for (const [, content] of names) expect(content.trim().length).toBeGreaterThan(0);
  await expect(page.getByRole("img", { name: names[0][1] })).toBeVisible();
  // One bar pair per group: the groups of the file that have capabilities.
  const groups = new Set(sample.capabilities.map((c) => c.group ?? ""));
  await expect(chart.locator(".chart-row")).toHaveCount(groups.size);

  const file = await download(page, page.getByRole("button", { name: { es: "Descargar la gráfica (SVG)", en: "Download the chart (SVG)" }[lang] }));
  expect(file.name).toMatch(/\.svg$/);
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    const root = doc.documentElement;
    const byId = (id) => doc.getElementById(id);
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: root.localName,
      role: root.getAttribute("role"),
      labelledBy: (root.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => byId(id)?.localName),
      title: doc.querySelector("title")?.textContent,
      desc: doc.querySelector("desc")?.textContent,
      scripts: doc.querySelectorAll("script").length,
      styleAttributes: doc.querySelectorAll("[style]").length,
      handlers: [...doc.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
    };
  }, file.text);
  expect(parsed).toEqual({
    error: null,
    root: "svg",
    role: "img",
    labelledBy: ["title", "desc"],
    title: names[0][1],
    desc: names[1][1],
    scripts: 0,
    styleAttributes: 0,
    handlers: 0,
  });
});

test("the table downloads as CSV with the same numbers", async ({ page, app }, testInfo) => {
  const lang = langOf(testInfo);
  await openMap(page, app, lang);
  const file = await download(page, page.getByRole("button", { name: { es: "Descargar la tabla (CSV)", en: "Download the table (CSV)" }[lang] }));
  expect(file.name).toMatch(/\.csv$/);
  const lines = file.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines.length).toBe(1 + sample.capabilities.length);
  const counts = supplyAndDemand();
  const byId = new Map(lines.slice(1).map((line) => {
    const cells = line.split(",");
    return [cells.at(-4), cells.slice(-3).map(Number)];
  }));
  for (const [id, { supply, demand, gap }] of counts) expect(byId.get(id), id).toEqual([supply, demand, gap]);
});

test("keyboard only: from the hub to the map, and a number to its members", async ({ page, app }, testInfo) => {
  const lang = langOf(testInfo);
  await app.open("#/cluster");
  await useProjectLanguage(app, lang);
  const tabTo = async (locator) => {
    for (let i = 0; i < 300; i += 1) {
      if (await locator.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error("never reached by Tab");
  };
  await tabTo(page.getByRole("link", { name: HEADING[lang], exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: HEADING[lang] })).toBeVisible();
  // The first group's demand: every member needing one of its capabilities.
  const firstGroup = sample.capability_groups.find((g) => sample.capabilities.some((c) => c.group === g.id));
  const ids = sample.capabilities.filter((c) => c.group === firstGroup.id).map((c) => c.id);
  const groupRow = page.locator(".map-table .group-row").first();
  await expect(groupRow.getByRole("rowheader")).toHaveText(text(firstGroup.label, lang));
  await tabTo(groupRow.locator("td").nth(1).getByRole("link"));
  await page.keyboard.press("Enter");
  const needers = sample.members.filter((m) => (m.needs ?? []).some((id) => ids.includes(id)));
  await expect(page).toHaveURL(/#\/\?need=/);
  await expect(app.memberCards()).toHaveCount(needers.length);
});

test("the map prints its chart and table without buttons or navigation", async ({ page, app }, testInfo) => {
  const lang = langOf(testInfo);
  await openMap(page, app, lang);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.locator(".cluster-actions")).toBeHidden();
  await expect(page.locator(".capability-map svg[role=img]")).toBeVisible();
  await expect(page.locator(".map-table")).toBeVisible();
  const visibleButtons = await page.locator("button").evaluateAll((buttons) => buttons.filter((b) => b.checkVisibility()).length);
  expect(visibleButtons).toBe(0);
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".cluster-actions")).toBeVisible();
});
