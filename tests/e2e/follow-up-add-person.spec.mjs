// Someone met at a stand who is not in the directory gets an entry of their own.
import { test, expect } from "./fixtures.mjs";
import { axeViolations } from "./a11y.mjs";
import { download, entries, entry, exportButton, listKey, openList, storedList } from "./follow-up.mjs";

test("a person who is not in the directory is added through the form; an empty form says why not", async ({ page }) => {
  await openList(page);
  await expect(page.getByText("Su lista está vacía.", { exact: false })).toBeVisible();
  await page.getByText("Agregar a una persona que conocí").click();
  const form = page.locator("details.add-person form");
  const add = form.getByRole("button", { name: "Agregar", exact: true });

  // Nothing written, or only spaces: refused with a message on the name field, nothing added.
  const blank = "Escriba al menos un nombre o una empresa.";
  await add.click();
  await expect(form.getByLabel("Nombre")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Nombre")).toHaveAccessibleDescription(blank);
  await form.getByLabel("Nombre").fill("   ");
  await add.click();
  await expect(form.getByLabel("Nombre")).toHaveAccessibleDescription(blank);
  await expect(entries(page)).toHaveCount(0);

  await form.getByLabel("Nombre").fill("Rosa Elena Quiñónez");
  await form.getByLabel("Empresa").fill("Troqueles «La Paz», S.A.");
  await form.getByLabel("Puesto").fill("Compras");
  await form.getByLabel("Correo").fill("rosa@troqueles.example.com");
  await form.getByLabel("Teléfono").fill("+52 656 555 0199");
  await add.click();

  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(form.getByLabel("Nombre")).toHaveValue("");
  const card = entry(page, "Rosa Elena Quiñónez");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Troqueles «La Paz», S.A. · Compras");
  // Not a directory member: no profile link, but the contact links work from the typed details.
  await expect(card.getByRole("heading", { level: 2 }).getByRole("link")).toHaveCount(0);
  await expect(card.getByRole("link", { name: "Llamar" })).toHaveAttribute("href", "tel:+526565550199");
  await expect(card.getByRole("link", { name: "Correo" })).toHaveAttribute("href", /^mailto:rosa@troqueles\.example\.com\?/);
  await card.getByLabel("Nota").fill("Nos vimos en el pasillo B");
  // A note is written once typing pauses or the field is left (issue 12): leave it.
  await card.getByLabel("Nota").blur();

  const stored = await storedList(page);
  expect(stored.entries).toHaveLength(1);
  expect(stored.entries[0]).toMatchObject({ note: "Nos vimos en el pasillo B" });
  expect(stored.entries[0].id).toMatch(/^p\./);
  expect(stored.entries[0].member).toBeUndefined();

  await page.reload();
  await expect(entry(page, "Rosa Elena Quiñónez").getByLabel("Nota")).toHaveValue("Nos vimos en el pasillo B");
});

/** The person form, unfolded. */
async function personForm(page) {
  await page.getByText("Agregar a una persona que conocí").click();
  const form = page.locator("details.add-person form");
  return { form, add: form.getByRole("button", { name: "Agregar", exact: true }) };
}

// Issue 13, item 4: each value the form used to save as typed.
const BAD_VALUES = [
  { field: "Correo", value: "not-an-email", message: "Al correo le falta la @, p. ej. nombre@empresa.com." },
  { field: "Correo", value: "a@b@c..com", message: "El correo lleva una sola @." },
  // The e-mail input drops the line break itself; what is left still holds a space.
  { field: "Correo", value: "carla@example.com\r\nBcc: evil@x.com", message: "El correo no puede llevar espacios." },
  // The phone's message comes first; the field's hint (how a local number is read) follows it.
  {
    field: "Teléfono",
    value: "call me maybe",
    message: /^Un teléfono lleva solo dígitos, espacios, guiones, paréntesis y un \+ al inicio\. Un número sin \+/,
  },
  { field: "Teléfono", value: "1234567890123456789012345", message: /^Un número de México lleva 10 dígitos/ },
  {
    field: "Nombre",
    value: "\u200B\u200C\u2060",
    label: "zero-width characters",
    message: "Escriba al menos un nombre o una empresa.",
  },
];

/** The entries of every stored follow-up list (none when nothing was ever saved). */
async function storedEntries(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => /^vitrina\.follow-up\.v1:[^.]*$/.test(key))
      .flatMap((key) => JSON.parse(localStorage.getItem(key)).entries ?? []),
  );
}

for (const { field, value, label, message } of BAD_VALUES) {
  test(`the person form flags ${label ?? JSON.stringify(value)} in "${field}", keeps what was typed and saves nothing`, async ({
    page,
  }) => {
    await openList(page);
    const { form, add } = await personForm(page);
    if (field !== "Nombre") await form.getByLabel("Nombre").fill("Carla Ruiz");
    await form.getByLabel(field).fill(value);
    const kept = await form.getByLabel(field).inputValue();
    await add.click();

    const input = form.getByLabel(field);
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription(message);
    await expect(input).toBeFocused();
    await expect(input).toHaveValue(kept);
    if (field !== "Nombre") await expect(form.getByLabel("Nombre")).toHaveValue("Carla Ruiz");
    // Only the wrong field is flagged.
    await expect(form.locator("[aria-invalid='true']")).toHaveCount(1);
    await expect(entries(page)).toHaveCount(0);
    expect(await storedEntries(page)).toEqual([]);
  });
}

test("the person form's messages are in English too, and a fixed field stops being flagged", async ({ page, app }) => {
  await openList(page);
  // On phones the language switch is in the navigation bar's "Más" panel.
  await (await app.languageButton("English")).click();
  await page.getByText("Add a person I met").click();
  const form = page.locator("details.add-person form");
  await form.getByLabel("Name").fill("Carla Ruiz");
  await form.getByLabel("Email").fill("a@b@c..com");
  await form.getByLabel("Phone").fill("call me maybe");
  await form.getByRole("button", { name: "Add", exact: true }).click();
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription("An e-mail address has only one @.");
  await expect(form.getByLabel("Phone")).toHaveAccessibleDescription(
    /^A phone number holds only digits, spaces, dashes, brackets and a leading \+\./,
  );
  // The first wrong field in form order takes the focus.
  await expect(form.getByLabel("Email")).toBeFocused();
  await form.getByLabel("Email").fill("carla@example.com");
  await form.getByLabel("Email").blur();
  await expect(form.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(entries(page)).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test("a local Mexican number is shown back as +52 and saved in E.164", async ({ page }) => {
  await openList(page);
  const { form, add } = await personForm(page);
  await form.getByLabel("Nombre").fill("Beto Salas");
  await form.getByLabel("Teléfono").fill("044 614 410 2233");
  await form.getByLabel("Teléfono").blur();
  await expect(form.getByLabel("Teléfono")).toHaveValue("+52 614 410 2233");
  await add.click();

  const card = entry(page, "Beto Salas");
  await expect(card.getByRole("link", { name: "Llamar" })).toHaveAttribute("href", "tel:+526144102233");
  await expect(card.getByRole("link", { name: "WhatsApp" })).toHaveAttribute("href", /^https:\/\/wa\.me\/526144102233\?/);
  expect((await storedList(page)).entries[0].snapshot.phone).toBe("+52 614 410 2233");
});

test("a bad e-mail or phone stored before the checks never reaches a link, the vCard or the CSV", async ({ page }) => {
  await openList(page);
  const { form, add } = await personForm(page);
  await form.getByLabel("Nombre").fill("Carla Ruiz");
  await form.getByLabel("Correo").fill("carla@example.com");
  await add.click();
  await expect(entry(page, "Carla Ruiz")).toHaveCount(1);
  // An old list (or a backup, or a handoff) holding what the form used to accept.
  const key = await listKey(page);
  const bad = { email: "carla@example.com\r\nBcc: evil@x.com", phone: "1234567890123456789012345" };
  await page.evaluate(
    ([key, bad]) => {
      const doc = JSON.parse(localStorage.getItem(key));
      Object.assign(doc.entries[0].snapshot, bad);
      localStorage.setItem(key, JSON.stringify(doc));
    },
    [key, bad],
  );
  await page.reload();

  const card = entry(page, "Carla Ruiz");
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("link", { name: "Correo" })).toHaveCount(0);
  await expect(card.getByRole("link", { name: "Llamar" })).toHaveCount(0);
  await expect(card.getByRole("link", { name: "WhatsApp" })).toHaveCount(0);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs.filter((href) => /evil|^mailto:carla|^tel:\+?1234567890123/.test(href))).toEqual([]);
  // Nothing is lost: the stored text is shown as plain text, with why there is no button.
  await expect(card).toContainText("Correo guardado que no es una dirección válida");
  await expect(card).toContainText("Bcc: evil@x.com");
  await expect(card).toContainText("Teléfono guardado que no es un número válido");
  await expect(card).toContainText(bad.phone);
  expect(await axeViolations(page)).toEqual([]);

  const vcf = await download(page, exportButton(page, "vCard"));
  const csv = await download(page, exportButton(page, "CSV"));
  for (const file of [vcf, csv]) {
    expect(file.text).toContain("Carla Ruiz");
    expect(file.text).not.toContain("evil");
    expect(file.text).not.toContain("Bcc");
    expect(file.text).not.toContain(bad.phone);
  }
  expect(vcf.text).not.toMatch(/^(EMAIL|TEL)/m);
  // The stored text itself is untouched (the backup keeps it).
  expect((await storedList(page)).entries[0].snapshot).toMatchObject(bad);
});
