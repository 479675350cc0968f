// Issue 13: a sales team's 1,000-entry list. The list shows a screenful first and the other
// entries a few per task; every entry must still arrive (find-in-page sees them all), the
// list's filters must work on the whole list, and an entry rendered late must save like any.
import { test, expect } from "./fixtures.mjs";
import { entries, entry, openList, storedList } from "./follow-up.mjs";

const N = 1000;

/** Adds one person through the form, then stores `n` copies of that entry, each its own person. */
async function seedLongList(page, n) {
  await openList(page);
  await page.getByText("Agregar a una persona que conocí").click();
  const form = page.locator("details.add-person form");
  await form.getByLabel("Nombre").fill("Persona 0");
  await form.getByLabel("Empresa").fill("Empresa de prueba");
  await form.getByRole("button", { name: "Agregar", exact: true }).click();
  await expect(entries(page)).toHaveCount(1);
  await page.evaluate((n) => {
    const key = Object.keys(localStorage).find((key) => key.startsWith("vitrina.follow-up.v1:") && !key.slice(21).includes("."));
    const doc = JSON.parse(localStorage.getItem(key));
    const [first] = doc.entries;
    // The first copy keeps the added entry's id (and is newer): any save this page still
    // makes merges the entry it holds into the stored list, and an id of its own would come
    // back as the 1,001st entry (it did, now and then, on a loaded machine).
    doc.entries = Array.from({ length: n }, (_, i) => ({
      ...first,
      id: i === 0 ? first.id : `${first.id}-${i}`,
      snapshot: { ...first.snapshot, contact_name: `Persona ${i}` },
      note: `Nota ${i}`,
      added_at: first.added_at + i,
      updated_at: Math.max(first.updated_at, first.added_at + i) + 1,
    }));
    localStorage.setItem(key, JSON.stringify(doc));
  }, n);
}

test("a 1,000-entry list shows every entry, filters the whole list and saves an entry rendered last", async ({ page }) => {
  // A thousand cards make every locator slower; the list itself is not timed here (bench/ is).
  test.setTimeout(240_000);
  await seedLongList(page, N);
  await page.reload();
  await expect(entry(page, `Persona ${N - 1}`)).toBeVisible();
  // Every entry arrives, in the list's order (newest first), the last one included.
  await expect(entries(page)).toHaveCount(N, { timeout: 60_000 });
  // Located by place and element, not by name: name lookups read all 1,000 cards.
  const last = entries(page).last();
  await expect(last.getByRole("heading", { level: 2 })).toHaveText("Persona 0");
  await expect(last.locator("textarea")).toHaveValue("Nota 0");

  // A filter looks at the whole list, not at what is rendered yet; clearing it brings all back.
  // By role: a label lookup reads every one of the 1,000 cards' labels (minutes, in Playwright).
  const search = page.getByRole("searchbox", { name: "Buscar en mi lista" });
  await search.fill(`Persona ${N - 2}`);
  await expect(entries(page)).toHaveCount(1);
  await expect(entry(page, `Persona ${N - 2}`)).toBeVisible();
  await search.fill("Nota 99");
  // Every word is contained: "99", "199" … "899", "990" … "999": 19 entries.
  await expect(entries(page)).toHaveCount(19);
  await search.fill("");
  await expect(entries(page)).toHaveCount(N, { timeout: 60_000 });

  // The entry rendered last saves like any other.
  await expect(last.getByRole("heading", { level: 2 })).toHaveText("Persona 0");
  const note = last.locator("textarea");
  await note.fill("Llamar el lunes");
  await note.blur();
  await expect.poll(async () => (await storedList(page)).entries.find((e) => e.snapshot.contact_name === "Persona 0")?.note).toBe("Llamar el lunes");
  await page.reload();
  await expect(entries(page)).toHaveCount(N, { timeout: 60_000 });
  await expect(last.getByRole("heading", { level: 2 })).toHaveText("Persona 0");
  await expect(last.locator("textarea")).toHaveValue("Llamar el lunes");
});
