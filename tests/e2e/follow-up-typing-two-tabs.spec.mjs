// Issue 13, item 1: what tab A types in a note is never lost while tab B changes the list.
// B's change reaches A through the `storage` event; A's list used to re-sort under the focused
// note, which lost the focus, and the next keys went nowhere. The keys are typed with
// `page.keyboard` on purpose: a locator's `fill` or `pressSequentially` would focus the field
// again and hide the defect. A new entry alone is no case of its own: inserting a card moves
// no other (Leptos' keyed list only inserts it; checked on the old build, where such a test
// passed); the import below brings one while other entries move.
import { test, expect } from "./fixtures.mjs";
import {
  ACABADOS,
  ACEROS,
  LIST_KEY_PREFIX,
  MOTORES,
  entries,
  entry,
  isoDate,
  openList,
  saveButton,
  storedList,
} from "./follow-up.mjs";
import { fairDirectory, fairRow } from "./fair.mjs";

/** Two tabs on the list, with Acabados Cumbres (saved last) above Aceros del Norte. */
async function twoTabs(page, newTab) {
  const a = page;
  await a.goto("./");
  await saveButton(a, ACEROS.name).click();
  await saveButton(a, ACABADOS.name).click();
  await openList(a);
  const b = await newTab();
  await openList(b);
  for (const tab of [a, b]) {
    await expect(entries(tab)).toHaveCount(2);
    await expect(entries(tab).first()).toContainText(ACABADOS.name);
  }
  return { a, b };
}

const note = (page, name) => entry(page, name).getByLabel("Nota");

/** Clicks into a note and types, as a visitor does. */
async function startTyping(page, name, text) {
  await note(page, name).click();
  await page.keyboard.type(text);
}

/** The stored note of a member's entry; `undefined` while nothing is stored. */
async function storedNote(page, member) {
  const raw = await page.evaluate(
    (prefix) => {
      const key = Object.keys(localStorage).find((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes("."));
      return key ? localStorage.getItem(key) : null;
    },
    LIST_KEY_PREFIX,
  );
  return raw ? JSON.parse(raw).entries.find((e) => e.id === `m.${member.id}`)?.note : undefined;
}

/** A keeps typing; every key lands in the note it started in, on screen and in storage. */
async function keepsTyping(a, name, member, first, rest) {
  await a.keyboard.type(rest);
  await expect(note(a, name)).toBeFocused();
  await expect(note(a, name)).toHaveValue(first + rest);
  await expect.poll(() => storedNote(a, member)).toBe(first + rest);
}

test("a status change above the note being typed in moves nothing under it", async ({ page, newTab }) => {
  const { a, b } = await twoTabs(page, newTab);
  await startTyping(a, ACEROS.name, "Cotizar troqueles ");
  // "Ganado" closes the entry above: it sorts below the one being typed in.
  await entry(b, ACABADOS.name).getByLabel("Estado").selectOption("won");
  await expect(entry(a, ACABADOS.name).getByLabel("Estado")).toHaveValue("won");
  await keepsTyping(a, ACEROS.name, ACEROS, "Cotizar troqueles ", "y moldes en enero");

  // Once the focus leaves the list, the new order is shown and said.
  await a.getByRole("heading", { level: 1, name: "Mi seguimiento" }).click();
  await expect(entries(a).first()).toContainText(ACEROS.name);
  await expect(a.locator("#announcer")).toHaveText("La lista se reordenó con los cambios.");
});

test("a date set in the other tab does not move the note being typed in", async ({ page, newTab }) => {
  const { a, b } = await twoTabs(page, newTab);
  await startTyping(a, ACABADOS.name, "Visitar planta ");
  // A follow-up date sorts Aceros del Norte above the entry being typed in.
  const tomorrow = await isoDate(b, 1);
  await entry(b, ACEROS.name).getByLabel("Próximo seguimiento").fill(tomorrow);
  await expect(entry(a, ACEROS.name).getByLabel("Próximo seguimiento")).toHaveValue(tomorrow);
  await keepsTyping(a, ACABADOS.name, ACABADOS, "Visitar planta ", "el martes");
  const stored = await storedList(a);
  expect(stored.entries.find((e) => e.id === `m.${ACEROS.id}`).next).toBe(tomorrow);
});

test("a whole backup imported in the other tab does not take the typing away", async ({ page, newTab }) => {
  const { a, b } = await twoTabs(page, newTab);
  await startTyping(a, ACABADOS.name, "Pedir muestras ");
  // A backup that makes Aceros del Norte overdue and brings a new, overdue member: both sort
  // above the entry being typed in.
  const yesterday = await isoDate(b, -1);
  const backup = await storedList(b);
  const now = Date.now();
  const aceros = backup.entries.find((e) => e.id === `m.${ACEROS.id}`);
  Object.assign(aceros, { next: yesterday, updated_at: now });
  backup.entries.push({
    id: `m.${MOTORES.id}`,
    member: MOTORES.id,
    snapshot: { member_name: MOTORES.name },
    status: "to_contact",
    next: yesterday,
    added_at: now,
    updated_at: now,
  });
  await b.getByLabel("Importar un respaldo").setInputFiles({
    name: "respaldo.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(entries(a)).toHaveCount(3);
  await expect(entry(a, ACEROS.name).getByLabel("Próximo seguimiento")).toHaveValue(yesterday);
  await keepsTyping(a, ACABADOS.name, ACABADOS, "Pedir muestras ", "de acabado cromado");
  expect((await storedList(a)).entries).toHaveLength(3);
});

test.describe("the other tab changes the very note being typed in", () => {
  async function conflict(page, newTab) {
    const { a, b } = await twoTabs(page, newTab);
    await startTyping(a, ACEROS.name, "Lo que escribo en A");
    await note(b, ACEROS.name).fill("Lo que escribió B");
    await note(b, ACEROS.name).blur();
    const notice = entry(a, ACEROS.name).getByRole("alert");
    await expect(notice).toContainText("Otra pestaña cambió esta nota mientras usted escribía");
    await expect(notice).toContainText("«Lo que escribió B»");
    // The text typed here stays, and typing goes on.
    await expect(note(a, ACEROS.name)).toHaveValue("Lo que escribo en A");
    await a.keyboard.type(" y sigo");
    await expect(note(a, ACEROS.name)).toHaveValue("Lo que escribo en A y sigo");
    return { a, b, notice };
  }

  test("keeping mine writes the typed text", async ({ page, newTab }) => {
    const { a, b, notice } = await conflict(page, newTab);
    await notice.getByRole("button", { name: "Conservar mi texto" }).click();
    await expect(notice).toHaveCount(0);
    await expect(note(a, ACEROS.name)).toBeFocused();
    await expect.poll(() => storedNote(a, ACEROS)).toBe("Lo que escribo en A y sigo");
    await expect(note(b, ACEROS.name)).toHaveValue("Lo que escribo en A y sigo");
  });

  test("taking theirs writes the other tab's text", async ({ page, newTab }) => {
    const { a, b, notice } = await conflict(page, newTab);
    await notice.getByRole("button", { name: "Usar el texto de la otra pestaña" }).click();
    await expect(notice).toHaveCount(0);
    await expect(note(a, ACEROS.name)).toHaveValue("Lo que escribió B");
    await expect.poll(() => storedNote(a, ACEROS)).toBe("Lo que escribió B");
    await expect(note(b, ACEROS.name)).toHaveValue("Lo que escribió B");
  });
});

test.describe("the other tab removes the entry being typed in", () => {
  async function removal(page, newTab) {
    const { a, b } = await twoTabs(page, newTab);
    await startTyping(a, ACEROS.name, "No lo quites");
    // (B may show it again at once: what A typed is written, so that nothing typed is lost.)
    await entry(b, ACEROS.name).getByRole("button", { name: `Quitar de la lista (${ACEROS.name})` }).click();
    const notice = entry(a, ACEROS.name).getByRole("alert");
    await expect(notice).toContainText("Otra pestaña quitó esta entrada");
    await expect(note(a, ACEROS.name)).toHaveValue("No lo quites");
    await a.keyboard.type(", todavía");
    await expect(note(a, ACEROS.name)).toHaveValue("No lo quites, todavía");
    return { a, b, notice };
  }

  test("keeping mine puts the entry back with the typed text", async ({ page, newTab }) => {
    const { a, b, notice } = await removal(page, newTab);
    await notice.getByRole("button", { name: "Conservar mi texto" }).click();
    await expect(notice).toHaveCount(0);
    await expect.poll(() => storedNote(a, ACEROS)).toBe("No lo quites, todavía");
    await expect(note(b, ACEROS.name)).toHaveValue("No lo quites, todavía");
  });

  test("taking theirs removes it", async ({ page, newTab }) => {
    const { a, b, notice } = await removal(page, newTab);
    await notice.getByRole("button", { name: "Quitarla, como en la otra pestaña" }).click();
    await expect(entry(a, ACEROS.name)).toHaveCount(0);
    await expect.poll(async () => (await storedList(a)).entries.map((e) => e.id)).toEqual([`m.${ACABADOS.id}`]);
    await expect(entry(b, ACEROS.name)).toHaveCount(0);
  });
});

test("a note typed right before the renderer crashes is there when the list is opened again", async ({ page, context }) => {
  await context.clock.install();
  await page.goto("./");
  await saveButton(page, ACEROS.name).click();
  await openList(page);
  // The page's timers stop: the list's own save, half a second after the last key, never comes.
  await context.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await startTyping(page, ACEROS.name, "Llamar el lunes");
  await expect(note(page, ACEROS.name)).toHaveValue("Llamar el lunes");
  // No blur, no pagehide, no visibilitychange: the renderer dies with the field focused.
  const crashed = page.waitForEvent("crash");
  const cdp = await context.newCDPSession(page);
  cdp.send("Page.crash").catch(() => {});
  await crashed;
  // Time flows again for the page opened next (the crashed one cannot be told).
  await page.close();
  await context.clock.resume();

  const reopened = await context.newPage();
  await openList(reopened);
  await expect(note(reopened, ACEROS.name)).toHaveValue("Llamar el lunes");
  await expect.poll(() => storedNote(reopened, ACEROS)).toBe("Llamar el lunes");
});

test("a place being typed in keeps its text when the other tab changes the same entry", async ({ page, newTab }) => {
  const { a, b } = await twoTabs(page, newTab);
  await entry(a, ACEROS.name).getByLabel("Dónde nos conocimos").selectOption("other");
  const place = entry(a, ACEROS.name).getByRole("textbox", { name: "Otro lugar" });
  await place.click();
  await a.keyboard.type("Cena de la cámara ");
  // The place is written when the field is left; the status comes first, from B.
  await entry(b, ACEROS.name).getByLabel("Estado").selectOption("contacted");
  await expect(entry(a, ACEROS.name).getByLabel("Estado")).toHaveValue("contacted");
  await a.keyboard.type("de comercio");
  await expect(place).toBeFocused();
  await expect(place).toHaveValue("Cena de la cámara de comercio");
  await a.keyboard.press("Tab");
  await expect
    .poll(async () => (await storedList(a)).entries.find((e) => e.id === `m.${ACEROS.id}`)?.met_at)
    .toEqual({ text: "Cena de la cámara de comercio" });
  expect((await storedList(a)).entries.find((e) => e.id === `m.${ACEROS.id}`).status).toBe("contacted");
});

test("a quick note typed in the fair view keeps its text when the other tab writes that note", async ({ page, app, newTab }) => {
  const CORTELASER = { id: "cortelaser-delicias", name: "CorteLáser Delicias" };
  await app.serveDirectory(fairDirectory());
  await page.goto("./#/fair");
  const quickNote = fairRow(page, CORTELASER.name).getByLabel("Nota rápida");
  await quickNote.click();
  // The first key puts the member on the list; the note is written once typing pauses.
  await page.keyboard.type("Pedir cotización");
  await expect.poll(() => storedNote(page, CORTELASER)).toBe("Pedir cotización");

  const b = await newTab();
  await openList(b);
  await note(b, CORTELASER.name).fill("Nota escrita en B");
  await note(b, CORTELASER.name).blur();
  const notice = fairRow(page, CORTELASER.name).getByRole("alert");
  await expect(notice).toContainText("«Nota escrita en B»");
  await expect(quickNote).toHaveValue("Pedir cotización");
  await page.keyboard.type(" de tubo");
  await expect(quickNote).toHaveValue("Pedir cotización de tubo");
  await notice.getByRole("button", { name: "Conservar mi texto" }).click();
  await expect(quickNote).toBeFocused();
  await expect.poll(() => storedNote(page, CORTELASER)).toBe("Pedir cotización de tubo");
  await expect(note(b, CORTELASER.name)).toHaveValue("Pedir cotización de tubo");
});
