// The staff page (issue 14): spreadsheets in, the plan and its problems, a column fixed by hand,
// the merge with the published sample, directory.json out and loaded back, and the preview, at
// phone and desktop sizes, in both languages, axe clean. The parsing worker's failure and time
// limit end in a message, never a hung page.
import { test, expect } from "./fixtures.mjs";
import { axeViolations, scrollsSideways, smallTargets } from "./a11y.mjs";

/** A members sheet as Excel in a Spanish locale exports it: `;`, a title row, one unknown column. */
const MEMBERS_CSV = [
  "Directorio de socios 2026;;;",
  "Razón social;Nombre comercial;Ciudad;Giro principal",
  "Troqueles del Norte SA de CV;Troqueles del Norte;Chihuahua;Troquelado",
  "Plásticos Juárez SA;Plásticos Juárez;Ciudad Juárez;Inyección de plástico",
  "",
].join("\r\n");

class StaffPage {
  constructor(page) {
    this.page = page;
  }

  async open() {
    await this.page.goto("staff/");
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
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
  await expect(page.getByText("Ejemplos: Troquelado · Inyección de plástico")).toBeVisible();
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
  await expect(page.getByText("No header row was found")).toBeVisible();
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
    expect(await axeViolations(page), "with a plan").toEqual([]);
    if (testInfo.project.name === "phone") {
      expect(await smallTargets(page), "touch targets under 44 px").toEqual([]);
      expect(await scrollsSideways(page), "scrolls sideways").toBe(false);
    }
  });
}
