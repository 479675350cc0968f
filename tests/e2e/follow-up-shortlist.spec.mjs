// A shortlist shared as a link: the recipient sees the members and adds them to their own list.
import { test, expect } from "./fixtures.mjs";
import { ACABADOS, ACEROS, entries, entry, openList, saveButton } from "./follow-up.mjs";

test("a shortlist link adds its members in another browser, without the notes", async ({ page, context, newVisitor }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./");
  for (const member of [ACEROS, ACABADOS]) await saveButton(page, member.name).click();
  await openList(page);
  await entry(page, ACEROS.name).getByLabel("Nota").fill("Nota privada: precio objetivo 12 USD");

  await page.getByRole("button", { name: "Copiar enlace de la lista corta" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Enlace copiado." })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/vitrina\/#\/shared\?ids=/);
  expect(link).toContain(ACEROS.id);
  expect(link).toContain(ACABADOS.id);
  expect(decodeURIComponent(link)).not.toContain("precio objetivo");

  const other = await newVisitor();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "Lista compartida" })).toBeVisible();
  const shared = other.locator("ul.shared-items");
  await expect(shared.getByRole("link", { name: ACEROS.name })).toHaveAttribute("href", `#/member/${ACEROS.id}`);
  await expect(shared.getByRole("link", { name: ACABADOS.name })).toBeVisible();
  await other.getByRole("button", { name: "Agregar todos a mi seguimiento" }).click();
  const added = other.getByRole("status").filter({ hasText: "Agregados a su seguimiento." });
  await expect(added).toBeVisible();
  await expect(other.getByRole("button", { name: "Agregar todos a mi seguimiento" })).toBeDisabled();
  await added.getByRole("link", { name: "Ver mi seguimiento" }).click();

  await expect(other.getByRole("heading", { level: 1, name: "Mi seguimiento" })).toBeVisible();
  await expect(entries(other)).toHaveCount(2);
  await expect(entry(other, ACEROS.name).getByLabel("Nota")).toHaveValue("");
  await other.reload();
  await expect(entries(other)).toHaveCount(2);
});

test("a shared list whose members left the directory says so and offers only what is left (issue 13)", async ({ page, app }) => {
  // Every id gone: nothing to add, and no button offering to.
  await page.goto("./#/shared?ids=ya-no-existe,tampoco-existe");
  await expect(page.getByRole("heading", { level: 1, name: "Lista compartida" })).toBeVisible();
  const notice = page.getByRole("status").filter({ hasText: /directorio|directory/ });
  await expect(notice).toHaveText(
    "Ninguno de los 2 miembros de esta lista está ya en el directorio (pudieron haberse dado de baja): no hay nada que agregar.",
  );
  await expect(page.getByRole("button", { name: /^Agregar/ })).toHaveCount(0);
  await expect(page.locator("ul.shared-items").getByRole("link")).toHaveCount(0);

  // Some gone: said with how many, and the rest can be added.
  await page.goto(`./#/shared?ids=ya-no-existe,${ACEROS.id},${ACABADOS.id}`);
  await expect(notice).toHaveText(
    "1 de los 3 miembros de esta lista ya no está en el directorio (pudo haberse dado de baja) y no se puede agregar.",
  );
  await expect(page.locator("ul.shared-items li").filter({ hasText: "ya-no-existe" })).toContainText("(ya no está en el directorio)");
  await page.getByRole("button", { name: "Agregar los 2 que quedan a mi seguimiento" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Agregados a su seguimiento." })).toBeVisible();
  await openList(page);
  await expect(entries(page)).toHaveCount(2);
  await expect(entry(page, ACEROS.name)).toBeVisible();

  // The same in English.
  await page.goto("./#/shared?ids=ya-no-existe");
  // On phones the language switch is in the navigation bar's "Más" panel.
  await (await app.languageButton("English")).click();
  await expect(notice).toHaveText(
    "The member on this list is no longer in the directory (it may have left): there is nothing to add.",
  );
});
