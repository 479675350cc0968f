// A backup file brings the list into an empty browser; a file that is not a backup is
// refused with a clear message and changes nothing.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { ACABADOS, ACEROS, download, entries, entry, exportButton, openList, saveButton, storedList } from "./follow-up.mjs";

/** Picks `file` in the "Importar un respaldo" field. */
async function importFile(page, name, buffer, mimeType = "application/json") {
  await page.getByLabel("Importar un respaldo").setInputFiles({ name, mimeType, buffer });
}

test("a backup imported into an empty browser brings every entry and says what changed", async ({ page, newVisitor }) => {
  await page.goto("./");
  await saveButton(page, ACEROS.name).click();
  await saveButton(page, ACABADOS.name).click();
  await openList(page);
  await entry(page, ACEROS.name).getByLabel("Nota").fill("Visitar planta en enero");
  // A note is written once typing pauses or the field is left (issue 12): leave it.
  await entry(page, ACEROS.name).getByLabel("Nota").blur();
  await entry(page, ACABADOS.name).getByLabel("Estado").selectOption("won");
  const backup = await download(page, exportButton(page, "JSON"));

  const other = await newVisitor();
  await openList(other);
  await expect(entries(other)).toHaveCount(0);
  await importFile(other, backup.name, backup.bytes);
  await expect(other.getByRole("status").filter({ hasText: "Entradas:" })).toHaveText("Entradas: 2 nuevas.");
  await expect(entries(other)).toHaveCount(2);
  await expect(entry(other, ACEROS.name).getByLabel("Nota")).toHaveValue("Visitar planta en enero");
  await expect(entry(other, ACABADOS.name).getByLabel("Estado")).toHaveValue("won");

  // The same file again: no duplicates.
  await importFile(other, backup.name, backup.bytes);
  await expect(other.getByRole("status").filter({ hasText: "Entradas:" })).toHaveText("Entradas: 2 sin cambios.");
  await expect(entries(other)).toHaveCount(2);

  await other.reload();
  await expect(entry(other, ACEROS.name).getByLabel("Nota")).toHaveValue("Visitar planta en enero");
});

test("entries imported from a backup are not changes to back up (issue 13)", async ({ page }) => {
  // A backup of 30 members (the nudge comes at 10 changes), exported a day ago.
  const members = JSON.parse(readFileSync("data/directory.json", "utf8")).members.slice(0, 30);
  const now = Date.now();
  const backup = {
    kind: "vitrina.follow-up",
    version: 2,
    entries: members.map((member, i) => ({
      id: `m.${member.id}`,
      member: member.id,
      snapshot: { member_name: member.name },
      status: "to_contact",
      added_at: now - 86_400_000 + i,
      updated_at: now - 86_400_000 + i,
    })),
    exported_at: now - 86_400_000,
  };
  await openList(page);
  await importFile(page, "respaldo.json", Buffer.from(JSON.stringify(backup)));
  await expect(page.getByRole("status").filter({ hasText: "Entradas:" })).toHaveText("Entradas: 30 nuevas.");
  await expect(entries(page)).toHaveCount(30);
  await expect(page.getByText("Último respaldo: hoy")).toBeVisible();
  await expect(page.getByText(/cambios sin respaldar/)).toHaveCount(0);
  expect((await storedList(page)).changes_since_backup ?? 0).toBe(0);

  // What the visitor changes afterwards is what needs backing up.
  await entry(page, members[0].name).getByLabel("Estado").selectOption("won");
  await expect.poll(async () => (await storedList(page)).changes_since_backup).toBe(1);
});

test("files that are not a backup are refused with a clear message and change nothing", async ({ page }) => {
  await page.goto("./");
  await saveButton(page, ACEROS.name).click();
  await openList(page);
  await entry(page, ACEROS.name).getByLabel("Nota").fill("No tocar");
  await entry(page, ACEROS.name).getByLabel("Nota").blur();
  const before = JSON.stringify(await storedList(page));

  const cases = [
    { name: "roto.json", buffer: Buffer.from('{"kind":"vitrina.follow-up","vers'), says: /^El archivo no es JSON válido \(línea 1, columna \d+\)\. Su lista no cambió\.$/ },
    { name: "directory.json", buffer: readFileSync("data/directory.json"), says: /^El archivo no es un respaldo de la lista de seguimiento de Vitrina\. Su lista no cambió\.$/ },
    { name: "vacio.json", buffer: Buffer.alloc(0), says: /^El archivo está vacío\. Su lista no cambió\.$/ },
    { name: "foto.jpg", buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff]), mimeType: "image/jpeg", says: /^El archivo no es texto/ },
    { name: "futuro.json", buffer: Buffer.from('{"kind":"vitrina.follow-up","version":7,"entries":[]}'), says: /versión más nueva.*Su lista no cambió\.$/ },
  ];
  for (const { name, buffer, mimeType, says } of cases) {
    await importFile(page, name, buffer, mimeType);
    await expect(page.getByRole("alert"), name).toHaveText(says);
    await expect(entries(page)).toHaveCount(1);
    await expect(entry(page, ACEROS.name).getByLabel("Nota")).toHaveValue("No tocar");
    expect(JSON.stringify(await storedList(page)), name).toBe(before);
  }
  await page.reload();
  await expect(entries(page)).toHaveCount(1);
  await expect(entry(page, ACEROS.name).getByLabel("Nota")).toHaveValue("No tocar");
});

// Issue 13: a backup is read as a browser reads JSON. A lone surrogate escape in one note (which
// JSON.parse reads and serde_json refuses) keeps every entry, shows U+FFFD in its place, and the
// summary says so.
test("a backup with a lone surrogate in a note keeps every entry and says what was repaired", async ({ page }) => {
  const at = 1795000000000;
  const backup = `{"kind":"vitrina.follow-up","version":2,"entries":[
    {"id":"m.${ACEROS.id}","member":"${ACEROS.id}","note":"Planta \\ud800 norte","added_at":${at},"updated_at":${at}},
    {"id":"m.${ACABADOS.id}","member":"${ACABADOS.id}","note":"Cotizar","added_at":${at},"updated_at":${at}}
  ],"exported_at":${at}}`;
  await openList(page);
  await expect(entries(page)).toHaveCount(0);
  await importFile(page, "respaldo-editado.json", Buffer.from(backup));
  await expect(page.getByRole("status").filter({ hasText: "Entradas:" })).toHaveText(
    "Entradas: 2 nuevas. Un texto tenía caracteres no válidos (media pareja sustituta o bytes que no son UTF-8); se muestran como �.",
  );
  await expect(entries(page)).toHaveCount(2);
  await expect(entry(page, ACEROS.name).getByLabel("Nota")).toHaveValue("Planta \uFFFD norte");
  await expect(entry(page, ACABADOS.name).getByLabel("Nota")).toHaveValue("Cotizar");
  await page.reload();
  await expect(entries(page)).toHaveCount(2);
});
