// A directory for fair-day tests: the sample with INA PAACE 2026 running today (the
// visitor's local date, as the app reads it) and a few stands that test natural order.
import { sample } from "./sample.mjs";

export const FAIR_ID = "paace-2026";
export const FAIR_NAME = "INA PAACE Automechanika México 2026";

/** Today's date on this machine, which is also the browser's, as YYYY-MM-DD. */
export function localToday(offsetDays = 0) {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// Stands rewritten so that a plain text sort would get them wrong ("A-10" < "A-9").
export const STANDS = {
  "tres-puentes-logistics": "A-10",
  "acabados-cumbres": "A-9",
  "cortelaser-delicias": "A-100",
};

/** The sample with the fair from yesterday to tomorrow (or every event in the past: `running: false`). */
export function fairDirectory({ running = true } = {}) {
  const directory = structuredClone(sample);
  for (const event of directory.events) {
    if (event.id === FAIR_ID && running) {
      event.start = localToday(-1);
      event.end = localToday(1);
    } else if (event.start && (event.end ?? event.start) >= localToday(-1)) {
      // No other event may run today, so "today's fair" is exactly one.
      event.start = "2020-01-01";
      event.end = "2020-01-02";
    }
  }
  for (const member of directory.members) {
    const stand = STANDS[member.id];
    if (!stand) continue;
    member.events = (member.events ?? []).map((event) =>
      (typeof event === "string" ? event : event.id) === FAIR_ID ? { id: FAIR_ID, stand } : event,
    );
  }
  return JSON.stringify(directory);
}

/** Members attending the fair in the stubbed directory: `{ id, name, stand }`. */
export function fairAttendees() {
  const directory = JSON.parse(fairDirectory());
  return directory.members.flatMap((member) => {
    const attended = (member.events ?? []).find((event) => (typeof event === "string" ? event : event.id) === FAIR_ID);
    if (!attended) return [];
    const stand = typeof attended === "object" && attended.stand ? attended.stand : null;
    return [{ id: member.id, name: member.name, stand }];
  });
}

/** Natural order of stand labels, as a visitor reads a hall plan: "A-9" before "A-10". */
export function naturalCompare(a, b) {
  return a.localeCompare(b, "es", { numeric: true, sensitivity: "base" });
}

/** The row of the fair-day view for a member. */
export function fairRow(page, name) {
  return page.locator("li.fair-row").filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });
}

/** Names of the rows in one list of the fair-day view, in order. */
export async function rowNames(list) {
  return list.locator("li.fair-row h3").allInnerTexts();
}
