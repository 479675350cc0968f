// The staff page (issue 14): spreadsheets in, the plan and its problems, a column fixed by hand,
// the merge with the published sample, directory.json out and loaded back, and the preview, at
// phone and desktop sizes, in both languages, axe clean. The parsing worker's failure and time
// limit end in a message, never a hung page.
import { test, expect, fixture, DIRECTORY_URL } from "./fixtures.mjs";
import { readFileSync } from "node:fs";
import { axeViolations, scrollsSideways, smallTargets } from "./a11y.mjs";

/** A members sheet as Excel in a Spanish locale exports it: `;`, a title row, one unknown column. */
const MEMBERS_CSV = [
  "Directorio de socios 2026;;;",
  "Razón social;Nombre comercial;Ciudad;Giro principal",
  "Troqueles del Norte SA de CV;Troqueles del Norte;Chihuahua;Troquelado ligerísimo",
  "Plásticos Juárez SA;Plásticos Juárez;Ciudad Juárez;Inyección de plástico",
  "",
].join("\r\n");

class StaffPage {
  constructor(page) {
    this.page = page;
  }

  /** Opens the page and waits for the published directory (loaded or failed), as staff do. */
  async open() {
    await this.page.goto("staff/");
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(this.page.locator("main[data-published]:not([data-published=loading])")).toBeAttached();
  }

  picker() {
    return this.page.getByLabel(/Elegir archivos|Pick files/);
  }

  async pick(...files) {
    await this.picker().setInputFiles(files);
  }

  /** The select of the column whose header is `header`. */
  fieldOf(header) {
    return this.page.getByRole("combobox", { name: new RegExp(`^${header}\\b`) });
  }

  async chooseLanguage(label) {
    await this.page.getByLabel(/^(Idioma|Language)$/).selectOption({ label });
  }
}

const csvFile = (name = "socios.csv", text = MEMBERS_CSV) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

test("a CSV is read in the worker: the plan shows the header below the title row and each column's field", async ({ page }) => {
  const staff = new StaffPage(page);
  await staff.open();
  await staff.pick(csvFile());
  await expect(page.getByRole("heading", { name: "2. Cómo se leyó" })).toBeFocused();
  await expect(page.getByText("Fila de encabezados 2")).toBeVisible();
  await expect(page.getByLabel("Separador")).toHaveValue(";");
  await expect(staff.fieldOf("Razón social")).toHaveValue("legal_name");
  await expect(staff.fieldOf("Ciudad")).toHaveValue("location.city");
  await expect(staff.fieldOf("Giro principal")).toHaveValue("");
  await expect(page.getByText("Ejemplos: Troquelado ligerísimo · Inyección de plástico")).toBeVisible();
});

test("a column assigned by hand is read again with its field, and remembered for the next visit", async ({ page }) => {
  const staff = new StaffPage(page);
  await staff.open();
  await staff.pick(csvFile());
  await staff.fieldOf("Giro principal").selectOption("capabilities");
  await expect(page.getByText(/Giro principal \(asignada a mano\)/)).toBeVisible();
  await expect(staff.fieldOf("Giro principal")).toHaveValue("capabilities");

  await page.reload();
  await staff.pick(csvFile());
  await expect(staff.fieldOf("Giro principal")).toHaveValue("capabilities");
  await expect(page.getByText(/Giro principal \(asignada a mano\)/)).toBeVisible();
});

test("the page speaks English when asked, and the separator can be overridden", async ({ page }) => {
  const staff = new StaffPage(page);
  await staff.open();
  await staff.chooseLanguage("English");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await staff.pick(csvFile("members.csv", MEMBERS_CSV.replaceAll(";", ",")));
  await expect(page.getByRole("heading", { name: "2. How it was read" })).toBeVisible();
  await expect(page.getByLabel("Separator")).toHaveValue(",");
  await page.getByLabel("Separator").selectOption(";");
  // Split on `;`, the file has one cell per row: no header is found any more.
  await expect(page.getByText(/No sheet has a header row/)).toBeVisible();
  await expect(page.getByLabel("Separator")).toBeFocused();
  await page.getByLabel("Separator").selectOption(",");
  await expect(page.getByText("Header row 2")).toBeVisible();
});

test("a workbook and a CSV: a column and a name fixed by hand, merged into the sample, downloaded, and the app loads the file", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const staff = new StaffPage(page);
  await staff.open();
  await staff.pick(
    { name: "members-second-sheet.xlsx", mimeType: "application/octet-stream", buffer: fixture("sheets/members-second-sheet.xlsx") },
    csvFile(),
  );
  await expect(page.getByRole("heading", { name: "members-second-sheet.xlsx" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Hoja «Socios»" }).first()).toBeVisible();
  await expect(page.getByTestId("merge-summary")).toContainText("5 socios nuevos");
  // The members are on the workbook's second sheet, found below its title rows; the choice can
  // be made by hand (and is then the saved mapping's).
  await expect(page.getByLabel("Hoja de socios")).toHaveValue("Socios");
  await page.getByLabel("Hoja de socios").selectOption("Socios");
  await expect(page.getByLabel("Hoja de socios")).toBeFocused();
  await expect(page.getByTestId("merge-summary")).toContainText("5 socios nuevos");
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem("vitrina-staff-mapping")).members_sheet)).toBe("Socios");

  // The unknown column is the members' processes.
  await staff.fieldOf("Giro principal").selectOption("capabilities");
  await expect(staff.fieldOf("Giro principal")).toBeFocused();
  // "Troquelado ligerísimo" is not in the vocabulary: listed beside the closest, mapped by hand.
  const unmatched = page.getByRole("combobox", { name: /Troquelado ligerísimo/ });
  await expect(unmatched).toHaveValue("");
  await expect(page.getByRole("listitem").filter({ hasText: "Troquelado ligerísimo" }).first()).toBeVisible();
  await unmatched.selectOption("map:stamping");
  await expect(unmatched).toHaveValue("map:stamping");

  // The summary comes before any file is written; missing members are kept unless asked.
  await expect(page.getByRole("heading", { name: /No están en la hoja \(\d+, se conservan\)/ })).toBeVisible();
  await expect(page.getByLabel(/Quitar del directorio/)).not.toBeChecked();

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Descargar directory.json" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("directory.json");
  const written = readFileSync(await download.path(), "utf8");
  const directory = JSON.parse(written);
  const sample = JSON.parse(fixture("../../data/directory.json").toString("utf8"));
  expect(directory.members.length).toBe(sample.members.length + 5);
  const troqueles = directory.members.find((member) => member.name === "Troqueles del Norte");
  expect(troqueles.capabilities).toEqual(["stamping"]);
  const plasticos = directory.members.find((member) => member.name === "Plásticos Juárez");
  expect(plasticos.capabilities).toEqual(["injection-molding"]);

  // The visitors' app loads the written file.
  await page.route(DIRECTORY_URL, (route) => route.fulfill({ contentType: "application/json", body: written }));
  await page.goto("./#/?q=troqueles%20del%20norte");
  await expect(page.locator(".member-card").filter({ hasText: "Troqueles del Norte" })).toBeVisible();
});

test("the problems download as a CSV, and the mapping saved as a file does next month's import in one drop", async ({
  page,
  newVisitor,
}) => {
  const staff = new StaffPage(page);
  await staff.open();
  await staff.pick(csvFile());
  await staff.fieldOf("Giro principal").selectOption("capabilities");
  await expect(page.getByRole("combobox", { name: /Troquelado ligerísimo/ })).toBeVisible();

  const problemsDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Descargar problemas (CSV)" }).click();
  const problems = await problemsDownload;
  expect(problems.suggestedFilename()).toBe("problemas.csv");
  const problemsText = readFileSync(await problems.path(), "utf8");
  expect(problemsText).toMatch(/^\uFEFF/);
  expect(problemsText).toContain("Troquelado ligerísimo");

  const mappingDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Guardar la asignación (archivo)" }).click();
  const mapping = readFileSync(await (await mappingDownload).path());

  // Another computer: nothing remembered, the mapping file loaded by hand.
  const other = await newVisitor();
  const otherStaff = new StaffPage(other);
  await otherStaff.open();
  await otherStaff.pick(csvFile());
  await expect(otherStaff.fieldOf("Giro principal")).toHaveValue("");
  await other.getByLabel("Cargar una asignación").setInputFiles({ name: "vitrina-mapping.json", mimeType: "application/json", buffer: mapping });
  await expect(otherStaff.fieldOf("Giro principal")).toHaveValue("capabilities");

  await other.getByLabel("Cargar una asignación").setInputFiles({ name: "otra.json", mimeType: "application/json", buffer: Buffer.from("[1, 2]") });
  await expect(other.getByRole("alert")).toBeVisible();
});

test("See it as visitors will: the app opens in a new tab with the merged directory, never the published file", async ({ page }) => {
  const staff = new StaffPage(page);
  await staff.open();
  await staff.pick(csvFile());
  await expect(page.getByTestId("merge-summary")).toContainText("2 socios nuevos");
  let publishedFetches = 0;
  await page.context().route(DIRECTORY_URL, (route) => {
    publishedFetches += 1;
    return route.continue();
  });
  const [preview] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("button", { name: "Ver como la verán los visitantes" }).click(),
  ]);
  await expect(preview.getByRole("complementary", { name: "Vista previa — no publicada" })).toBeVisible();
  await preview.evaluate(() => {
    location.hash = "#/?q=troqueles%20del%20norte";
  });
  await expect(preview.locator(".member-card").filter({ hasText: "Troqueles del Norte" })).toBeVisible();
  expect(publishedFetches, "the preview tab does not fetch the published directory").toBe(0);
});

test.describe("when the published directory cannot be fetched", () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });

  test("the page says so and merges into an empty directory", async ({ page }) => {
    await page.route(DIRECTORY_URL, (route) => route.fulfill({ status: 404, body: "not here" }));
    const staff = new StaffPage(page);
    await staff.open();
    await expect(page.locator("main[data-published=failed]")).toBeAttached();
    await staff.pick(csvFile());
    await expect(page.getByText(/No se pudo cargar el directorio publicado/)).toBeVisible();
    await expect(page.getByTestId("merge-summary")).toContainText("2 socios nuevos, 0 con cambios, 0 que no están");
  });
});

test("a file that is not a spreadsheet, and a zip bomb, are named; the page reads the next file", async ({ page }) => {
  const staff = new StaffPage(page);
  await staff.open();
  await staff.pick({ name: "socios.xlsx", mimeType: "application/octet-stream", buffer: fixture("sheets/png-renamed.xlsx") });
  await expect(page.locator(".file .staff-error")).toBeVisible();
  await staff.pick({ name: "bomba.xlsx", mimeType: "application/octet-stream", buffer: fixture("sheets/bomb-lying-size.xlsx") });
  await expect(page.locator(".file .staff-error")).toContainText(/bomba\.xlsx/);
  await staff.pick(csvFile());
  await expect(page.getByText("Fila de encabezados 2")).toBeVisible();
});

test("a worker that dies ends in a message, and the page reads the next file", async ({ page }) => {
  const staff = new StaffPage(page);
  let hostile = true;
  await page.route("**/staff/staff-worker.js", async (route) => {
    if (!hostile) return route.continue();
    await route.fulfill({
      contentType: "text/javascript",
      body: "self.onmessage = () => { throw new Error('a reader crash'); };",
    });
  });
  await staff.open();
  await staff.pick(csvFile());
  await expect(page.getByRole("alert")).toHaveText(/no se pudo leer el archivo: el lector se detuvo/i);
  hostile = false;
  await staff.pick(csvFile());
  await expect(page.getByText("Fila de encabezados 2")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a worker that never answers is stopped at the time limit with a message", async ({ page }) => {
  const staff = new StaffPage(page);
  await page.clock.install();
  await page.route("**/staff/staff-worker.js", (route) =>
    route.fulfill({ contentType: "text/javascript", body: "self.onmessage = () => {};" }),
  );
  await staff.open();
  await staff.pick(csvFile());
  await expect(page.getByText("Leyendo los archivos…").first()).toBeVisible();
  await page.clock.runFor(31_000);
  await expect(page.getByRole("alert")).toHaveText(/no se pudo leer el archivo: tardó demasiado/i);
  await expect(staff.picker()).toBeEnabled();
});

for (const [lang, label] of [
  ["es", "Español"],
  ["en", "English"],
]) {
  test(`axe finds nothing on the staff page with a plan shown, in ${lang}`, async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    const staff = new StaffPage(page);
    await staff.open();
    await staff.chooseLanguage(label);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    expect(await axeViolations(page), "empty page").toEqual([]);
    await staff.pick(csvFile());
    await expect(page.locator("#plan-heading")).toBeFocused();
    // Every step on screen: the plan, a name the vocabulary lacks, problems, the summary.
    await staff.fieldOf("Giro principal").selectOption("capabilities");
    await expect(page.getByRole("combobox", { name: /Troquelado ligerísimo/ })).toBeVisible();
    await expect(page.getByTestId("merge-summary")).toBeVisible();
    await page.emulateMedia({ colorScheme: "light" });
    expect(await axeViolations(page), "every step, light").toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await axeViolations(page), "every step, dark").toEqual([]);
    if (testInfo.project.name === "phone") {
      expect(await smallTargets(page), "touch targets under 44 px").toEqual([]);
      expect(await scrollsSideways(page), "scrolls sideways").toBe(false);
    }
  });
}
