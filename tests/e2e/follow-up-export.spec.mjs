// Each export format, downloaded through its button, holds what the list holds.
import { test, expect } from "./fixtures.mjs";
import { ACEROS, ANA, contactName, download, entry, exportButton, isoDate, openList, saveButton } from "./follow-up.mjs";

const ANA_NOTE = "Cotizar 2 troqueles, «tapas»; urgente 🚀";
const FORMULA_NOTE = '=HYPERLINK("http://example.com";"clic")';

/** Unfolds vCard/iCalendar lines (CRLF + space) and splits them. */
function contentLines(text) {
  expect(text, "lines end in CRLF").not.toMatch(/[^\r]\n/);
  return text.replace(/\r\n[ \t]/g, "").split("\r\n");
}

/** Reads one TEXT value as RFC 2426/5545 escape it. */
function unescapeText(value) {
  return value.replace(/\\([\\,;nN])/g, (_, c) => (c === "n" || c === "N" ? "\n" : c));
}

/** Parses RFC 4180 CSV into rows of cells. */
function parseCsv(text) {
  const rows = [[]];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") rows.at(-1).push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") rows.at(-1).push(cell), (cell = ""), rows.push([]), (i += 1);
    else cell += c;
  }
  expect(cell, "the file ends with CRLF").toBe("");
  expect(rows.pop()).toEqual([]);
  return rows;
}

test("vCard, CSV, iCalendar and backup downloads hold the list's names, notes and dates", async ({ page }) => {
  const ana = contactName(ANA.name, ACEROS.name);
  await page.goto(`./#/member/${ACEROS.id}`);
  await saveButton(page, ana).click();
  await saveButton(page, ACEROS.name).click();
  await openList(page);
  const date = await isoDate(page, 7);
  await entry(page, ANA.name).getByLabel("Nota").fill(ANA_NOTE);
  await entry(page, ANA.name).getByLabel("Próximo seguimiento").fill(date);
  await entry(page, ACEROS.name).getByLabel("Nota").fill(FORMULA_NOTE);
  await expect(entry(page, ANA.name).locator(".due-badge")).toHaveText("En 7 días");
  const today = await isoDate(page, 0);

  // vCard 3.0: a card for Ana with her company, role and the note; a company card for Aceros.
  const vcf = await download(page, exportButton(page, "vCard"));
  expect(vcf.name).toBe(`vitrina-seguimiento-${today}.vcf`);
  const cards = vcf.text.split("END:VCARD\r\n").filter(Boolean).map(contentLines);
  expect(cards).toHaveLength(2);
  const anaCard = cards.find((lines) => lines.includes(`FN:${ANA.name}`));
  expect(anaCard[0]).toBe("BEGIN:VCARD");
  expect(anaCard).toContain("VERSION:3.0");
  expect(anaCard).toContain("ORG:Aceros del Norte");
  expect(anaCard).toContain("TITLE:Ingeniera de Ventas");
  expect(anaCard).toContain("EMAIL;TYPE=INTERNET:ana.saenz@aceros-del-norte.example.com");
  const note = anaCard.find((line) => line.startsWith("NOTE:"));
  expect(unescapeText(note.slice("NOTE:".length)).split("\n")[0]).toBe(ANA_NOTE);
  expect(cards.find((lines) => lines.includes("FN:Aceros del Norte"))).toContain("X-ABShowAs:COMPANY");

  // CSV: UTF-8 with a byte order mark, a header row, the notes, formulas neutralised.
  const csv = await download(page, exportButton(page, "CSV"));
  expect(csv.name).toBe(`vitrina-seguimiento-${today}.csv`);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(csv.text.slice(1));
  expect(header.slice(0, 5)).toEqual(["Nombre", "Empresa", "Cargo", "Correo", "Teléfono"]);
  const column = (name) => header.indexOf(name);
  expect(rows).toHaveLength(2);
  const anaRow = rows.find((row) => row[column("Nombre")] === ANA.name);
  expect(anaRow[column("Nota")]).toBe(ANA_NOTE);
  expect(anaRow[column("Próximo seguimiento")]).toBe(date);
  const acerosRow = rows.find((row) => row[column("Id del socio")] === ACEROS.id && row[column("Id del contacto")] === "");
  expect(acerosRow[column("Nota")]).toBe(`'${FORMULA_NOTE}`);
  for (const row of rows) for (const value of row) expect(value, "no cell starts a formula").not.toMatch(/^[=+\-@\t\r]/);

  // iCalendar: one all-day event on the follow-up date (Aceros has no date: no event).
  const ics = await download(page, exportButton(page, "iCalendar"));
  expect(ics.name).toBe(`vitrina-seguimiento-${today}.ics`);
  const lines = contentLines(ics.text);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
  expect(lines).toContain(`DTSTART;VALUE=DATE:${date.replaceAll("-", "")}`);
  expect(lines.find((line) => line.startsWith("SUMMARY:"))).toContain(ANA.name);
  const description = lines.find((line) => line.startsWith("DESCRIPTION:"));
  expect(unescapeText(description)).toContain(ANA_NOTE);
  expect(lines.at(-2)).toBe("END:VCALENDAR");

  // Backup: the whole list as the versioned document.
  const backup = await download(page, exportButton(page, "JSON"));
  expect(backup.name).toBe(`vitrina-respaldo-seguimiento-${today}.json`);
  const doc = JSON.parse(backup.text);
  expect(doc.kind).toBe("vitrina.follow-up");
  expect(doc.version).toBe(3);
  expect(doc.entries.map((e) => e.note).sort()).toEqual([ANA_NOTE, FORMULA_NOTE].sort());
  expect(doc.entries.find((e) => e.contact === ANA.id).next).toBe(date);
  // A backup counts as one: the list says so.
  await expect(page.getByText("Último respaldo: hoy")).toBeVisible();
});
