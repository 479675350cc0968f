// Every page of the app, as a table the accessibility checks walk (axe, touch targets,
// sideways scroll). To check a new view, add one row: a name, how to get there, and
// what shows it is ready. Rows run in Spanish and English, light and dark, desktop and phone.
import { expect, fixture } from "./fixtures.mjs";
import { ACABADOS, ACEROS, openHandoff } from "./follow-up.mjs";
import { FAIR_ID, fairDirectory } from "./fair.mjs";
import { SAMPLE_LIST } from "./sample.mjs";
import { memberWithBothSides } from "./matches.mjs";

/** The main heading, whatever the language. */
const heading = (page) => page.locator("main h1");

/** The card of a member in the list, in either language. */
const memberCard = (page, name) => page.locator(".member-card").filter({ hasText: name });

/** Saves two members (one with contacts) and one contact, then opens the list. */
async function listWithEntries(page) {
  await page.goto("./");
  await memberCard(page, ACABADOS.name).locator(".save-button").click();
  await page.goto(`./#/member/${ACEROS.id}`);
  await page.locator(".profile .save-button").first().click();
  await page.locator(".contacts .save-button").first().click();
  await page.goto("./#/follow-up");
  await expect(page.locator("ol.entry-list > li")).toHaveCount(3);
}

/** Names "my company" through the picker (whatever the language): a member with matches on both sides. */
async function withMyCompany(page) {
  const { member } = memberWithBothSides();
  await page.goto("./#/my-company");
  await page.locator("#company-picker-search").fill(member.name);
  await page.locator(".company-choice").filter({ hasText: member.name }).first().click();
  await expect(page.locator(".my-company-current strong")).toHaveText(member.name);
}

/**
 * One row per page: `open(page, app, project)` gets there and waits until it is ready.
 * `project` is "desktop" or "phone", for views that differ (the facet sheet).
 */
export const PAGES = [
  {
    name: "directory list",
    open: async (page, app) => {
      await app.open();
      // The whole page: rows and facet values still arriving would be checked or not by chance.
      await app.listBuilt(SAMPLE_LIST);
    },
  },
  {
    name: "directory list, filtered, facets open",
    open: async (page, app, project) => {
      await app.open("#/?q=a&cap=stamping&kind=tier1");
      await expect(page.locator(".active-filters")).toBeVisible();
      if (project === "phone") {
        await page.locator(".filters-button").click();
        await expect(page.getByRole("dialog")).toBeVisible();
      }
      // A capability group opened, so its values are checked too.
      await page.locator(".facet-subgroup summary").first().click();
    },
  },
  {
    name: "no results",
    open: async (page, app) => {
      await app.open("#/?q=zzzzqqqq");
      await expect(page.locator(".no-results")).toBeVisible();
    },
  },
  {
    name: "member profile",
    open: async (page, app) => {
      await app.open(`#/member/${ACEROS.id}`);
      await expect(page.locator(".profile .contacts")).toBeVisible();
    },
  },
  {
    name: "member not found",
    open: async (page, app) => {
      await app.open("#/member/no-such-member");
      await expect(heading(page)).toBeVisible();
    },
  },
  {
    name: "events",
    open: async (page, app) => {
      await app.open("#/events");
      await expect(page.locator(".events-page")).toBeVisible();
    },
  },
  {
    name: "event page",
    open: async (page, app) => {
      await app.open("#/event/paace-2027");
      await expect(app.memberCards().first()).toBeVisible();
    },
  },
  {
    name: "follow-up list, empty",
    open: async (page) => {
      await page.goto("./#/follow-up");
      await expect(page.locator(".follow-up")).toBeVisible();
    },
  },
  {
    name: "follow-up list with entries, editors open",
    open: async (page) => {
      await listWithEntries(page);
      await page.locator("details.add-person summary").click();
      await page.locator("ol.entry-list > li select[id$='-met']").first().selectOption("other");
      await expect(page.locator(".met-at-other")).toBeVisible();
      await openHandoff(page);
    },
  },
  {
    name: "follow-up list, read-only (newer version)",
    open: async (page) => {
      await listWithEntries(page);
      await page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => /^vitrina\.follow-up\.v1:[^.]*$/.test(k));
        const doc = JSON.parse(localStorage.getItem(key));
        doc.version = 99;
        localStorage.setItem(key, JSON.stringify(doc));
      });
      await page.reload();
      await expect(page.getByRole("alert")).toBeVisible();
    },
  },
  {
    name: "shared shortlist",
    open: async (page) => {
      await page.goto(`./#/shared?ids=${ACEROS.id},${ACABADOS.id},no-such-member&notes=Hola,`);
      await expect(page.locator("ul.shared-items")).toBeVisible();
    },
  },
  {
    name: "handoff receiver",
    open: async (page) => {
      await listWithEntries(page);
      await openHandoff(page);
      const href = await page.locator("a[href*='#/handoff?']").first().getAttribute("href");
      await page.evaluate(() => localStorage.clear());
      await page.goto("about:blank");
      await page.goto(href);
      await expect(page.locator(".received")).toBeVisible();
    },
  },
  {
    name: "fair-day view, one row marked",
    open: async (page, app) => {
      await app.serveDirectory(fairDirectory());
      await app.open(`#/event/${FAIR_ID}/fair`);
      const row = page.locator("li.fair-row").first();
      await expect(row).toBeVisible();
      await row.locator(".fair-marks button").first().click();
      await expect(row.locator(".fair-marks [aria-pressed='true']")).toHaveCount(1);
    },
  },
  {
    name: "fair-day view, no event today",
    open: async (page, app) => {
      await app.serveDirectory(fairDirectory({ running: false }));
      await app.open("#/fair");
      await expect(heading(page)).toBeVisible();
    },
  },
  {
    name: "profile opened from its QR code (save panel)",
    open: async (page, app) => {
      await app.serveDirectory(fairDirectory());
      await app.open(`#/member/${ACEROS.id}?via=qr`);
      await expect(page.locator(".qr-save")).toBeVisible();
    },
  },
  {
    name: "stand card",
    open: async (page, app) => {
      await app.open(`#/member/${ACEROS.id}/card`);
      await expect(page.locator(".stand-card svg")).toBeVisible();
    },
  },
  {
    name: "problems view",
    open: async (page, app) => {
      await app.serveDirectory(fixture("broken/hostile.json"));
      await app.open("#/problems");
      await expect(page.locator(".problems li").first()).toBeVisible();
    },
  },
  {
    name: "not found",
    open: async (page, app) => {
      await app.open("#/no-such-page");
      await expect(heading(page)).toBeVisible();
    },
  },
  {
    name: "load error",
    open: async (page, app) => {
      await app.serveDirectory(fixture("broken/html-404.json"), { status: 404, contentType: "text/html" });
      await app.open();
      await expect(app.errorScreen()).toBeVisible();
    },
  },
  {
    name: "my company, outside form with a group open",
    open: async (page) => {
      await withMyCompany(page);
      await page.locator(".company-picker-results .company-choice").first().waitFor();
      await page.locator(".capability-choice details summary").first().click();
      await page.locator(".capability-choice details[open] input[type=checkbox]").first().check();
    },
  },
  {
    name: "matches",
    open: async (page) => {
      await withMyCompany(page);
      await page.goto("./#/matches");
      await expect(page.locator(".match-list.may-buy .match-row").first()).toBeVisible();
      await page.locator(".match-list.may-buy .match-row summary").first().click();
    },
  },
  {
    name: "matches, no company yet",
    open: async (page) => {
      await page.goto("./#/matches");
      await expect(page.locator(".match-prompt")).toBeVisible();
    },
  },
  {
    name: "needs and suppliers (staff pairs)",
    open: async (page) => {
      await page.goto("./#/pairs");
      await expect(page.locator(".pair-need").first()).toBeVisible();
    },
  },
  {
    name: "prepare the fair",
    open: async (page) => {
      await withMyCompany(page);
      await page.goto("./#/event/paace-2027/prepare");
      await expect(page.locator(".prepare-fair h1")).toBeVisible();
      await expect(page.locator(".prepare-rows .match-row, .prepare-fair .empty-list").first()).toBeVisible();
    },
  },
  {
    name: "cluster hub",
    open: async (page, app) => {
      await app.open("#/cluster");
      await expect(page.locator(".cluster-page .my-company-status")).toBeVisible();
    },
  },
  {
    name: "capability map",
    open: async (page, app) => {
      await app.open("#/map");
      await expect(page.locator(".map-table tbody tr").first()).toBeVisible();
      await expect(page.locator(".capability-map svg[role=img]")).toBeVisible();
    },
  },
  {
    name: "opportunities",
    open: async (page, app) => {
      await app.open("#/opportunities");
      await expect(page.locator(".opportunities-table tbody tr").first()).toBeVisible();
    },
  },
  {
    name: "planned investment",
    open: async (page, app) => {
      await app.open("#/investment");
      await expect(page.locator(".by-kind-table tbody tr").first()).toBeVisible();
    },
  },
  {
    name: "cluster members behind a number",
    open: async (page, app) => {
      await app.open("#/cluster/members?investment=above-15");
      await expect(page.locator(".cluster-members .member-card").first()).toBeVisible();
    },
  },
];

/** Console errors some rows provoke on purpose (the load-error row's 404). */
export const EXPECTED_CONSOLE_ERRORS = [/Failed to load resource/];
