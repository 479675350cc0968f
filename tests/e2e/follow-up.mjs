// Helpers for the follow-up list journeys, phrased as a visitor acts.
import { readFileSync } from "node:fs";
import { expect } from "./fixtures.mjs";

export const LIST_KEY_PREFIX = "vitrina.follow-up.v1:";

/** The member with contacts used throughout, and one of its contacts. */
export const ACEROS = { id: "aceros-del-norte", name: "Aceros del Norte" };
export const MOTORES = { id: "motores-sierra-madre", name: "Motores Sierra Madre" };
// On the first page of the directory (alphabetical), next to Aceros del Norte.
export const ACABADOS = { id: "acabados-cumbres", name: "Acabados Cumbres" };
export const ACUSTICA = { id: "acustica-vehicular-del-norte", name: "Acústica Vehicular del Norte" };
export const ANA = { id: "ana-lucia-saenz-portillo", name: "Ana Lucía Sáenz Portillo" };

/**
 * The "Guardar" toggle of a member (or of one contact: pass the contact's and member's names),
 * in the given state: its name never changes, `aria-pressed` says whether it is saved.
 */
export function saveButton(page, name, { saved = false } = {}) {
  return page.getByRole("button", { name: `Guardar (${name})`, exact: true, pressed: saved });
}

export const contactName = (contact, member) => `${contact} (${member})`;

/** Opens the follow-up list and waits for its heading. */
export async function openList(page) {
  await page.goto("./#/follow-up");
  await expect(page.getByRole("heading", { level: 1, name: "Mi seguimiento" })).toBeVisible();
}

/** Unfolds the handoff links and QR codes of the follow-up list (built only when asked for). */
export async function openHandoff(page) {
  // By its place, not its words: the axe table opens it in both languages.
  await page.locator("details.handoff > summary").click();
  await expect(page.locator("ol.handoff-links > li").first()).toBeVisible();
}

/** The entry (list item) whose heading is `name`. */
export function entry(page, name) {
  return page
    .locator("ol.entry-list > li")
    .filter({ has: page.getByRole("heading", { level: 2, name, exact: true }) });
}

/** Every entry of the list. */
export function entries(page) {
  return page.locator("ol.entry-list > li");
}

/** Saves a member from its profile page. */
export async function saveMemberFromProfile(page, member = ACEROS) {
  await page.goto(`./#/member/${member.id}`);
  await saveButton(page, member.name).click();
  await expect(saveButton(page, member.name, { saved: true })).toBeVisible();
}

/** The key the list is stored under, read from the page once something was saved. */
export async function listKey(page) {
  const keys = await page.evaluate(
    (prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes(".")),
    LIST_KEY_PREFIX,
  );
  expect(keys, "exactly one stored list").toHaveLength(1);
  return keys[0];
}

/** The stored list document, parsed. */
export async function storedList(page) {
  const key = await listKey(page);
  return JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key));
}

/** A date `days` from today on the browser's clock, as YYYY-MM-DD (local time, like the app). */
export async function isoDate(page, days) {
  return page.evaluate((days) => {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }, days);
}

/** Clicks a "Descargar" button and returns the download's file name and text. */
export async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path), text: readFileSync(path, "utf8") };
}

/** The download button of one export format, e.g. "vCard", "CSV", "iCalendar", "JSON". */
export function exportButton(page, format) {
  return page.getByRole("button", { name: new RegExp(`^Descargar \\(.* \\(${format}\\)\\)$`) });
}
