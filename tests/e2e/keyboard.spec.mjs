// The whole journey with the keyboard alone: skip link, search, facets (a modal sheet on
// the phone), a profile, saving, the follow-up list and its editor. Every focused control
// shows a focus ring with enough contrast, and focus moves in document order (issue 6).
import { test, expect } from "./fixtures.mjs";
import { entry, isoDate, storedList } from "./follow-up.mjs";

// A journey of a few hundred key presses, each checked: 17–22 s with 2 busy cores
// (stress-ng --cpu 2 beside other builds, issue 12), too near the default 30 s.
test.describe.configure({ timeout: 60_000 });

/** The focused element's focus ring, and its contrast against the page behind it. */
async function focusRing(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const rgb = (color) => color.match(/[\d.]+/g).slice(0, 3).map(Number);
    const luminance = (color) => {
      const [r, g, b] = rgb(color).map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // The ring sits just outside the element: compare with the first opaque background around it.
    let behind = element.parentElement;
    while (behind && /rgba\(.*, 0\)|transparent/.test(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
    const background = behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)";
    const [a, b] = [luminance(style.outlineColor), luminance(background)];
    return {
      what: `${element.tagName.toLowerCase()} ${(element.getAttribute("aria-label") ?? element.textContent).trim().slice(0, 30)}`,
      visible: element.matches(":focus-visible"),
      dateSegment: element.matches("input[type=date]"),
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
    };
  });
}

/** Presses `key` until `locator` has focus (at most `limit` times), checking each stop's focus ring and order. */
async function pressUntil(page, key, locator, limit = 80) {
  let previous = null;
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(key);
    const ring = await focusRing(page);
    // Inside a date field Tab walks its own segments, which Chromium highlights itself.
    if (!ring.what.startsWith("body") && !ring.dateSegment) {
      expect(ring.visible, `${ring.what} matches :focus-visible`).toBe(true);
      expect(ring.style, `${ring.what} has a focus outline`).not.toBe("none");
      expect(ring.width, `${ring.what} outline width`).toBeGreaterThanOrEqual(2);
      expect(ring.contrast, `${ring.what} outline contrast`).toBeGreaterThanOrEqual(3);
    }
    // Tab moves forward through the document (no positive tabindex, no jumps back).
    const handle = await page.evaluateHandle(() => document.activeElement);
    if (key === "Tab" && previous) {
      const forward = await page.evaluate(
        ([before, now]) => before === now || !!(before.compareDocumentPosition(now) & Node.DOCUMENT_POSITION_FOLLOWING),
        [previous, handle],
      );
      expect(forward, `Tab moved backwards to ${ring.what}`).toBe(true);
    }
    previous = handle;
    if (await locator.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`${key} never reached ${locator}`);
}

for (const scheme of ["light", "dark"]) {
  test(`keyboard only, ${scheme}: search, facets, profile, save, follow-up editor`, async ({ page, app }, testInfo) => {
    const phone = testInfo.project.name === "phone";
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    await expect(app.memberCards().first()).toBeVisible();
    expect(await page.locator("[tabindex]").evaluateAll((all) => all.filter((e) => e.tabIndex > 0).length)).toBe(0);

    // The skip link is the first stop and moves focus to the content.
    await pressUntil(page, "Tab", page.getByRole("link", { name: "Saltar al contenido" }), 1);
    await expect(page.getByRole("link", { name: "Saltar al contenido" })).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
    const search = page.getByRole("searchbox", { name: "Buscar en el directorio" });
    await pressUntil(page, "Tab", search, 3);
    await page.keyboard.type("a");

    // Facets: on the phone a modal sheet that takes focus, keeps it, and gives it back.
    if (phone) {
      const opener = page.locator(".filters-button");
      await pressUntil(page, "Tab", opener, 5);
      await page.keyboard.press("Enter");
      const sheet = page.getByRole("dialog", { name: "Filtros" });
      await expect(sheet).toBeVisible();
      await expect(sheet.getByRole("button", { name: "Cerrar filtros" })).toBeFocused();
      await page.keyboard.press("Shift+Tab");
      await expect(sheet.getByRole("button", { name: /^Mostrar \d+ resultados?$/ })).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(sheet.getByRole("button", { name: "Cerrar filtros" })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(sheet).toBeHidden();
      await expect(opener).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(sheet).toBeVisible();
    }
    const tier1 = page.getByRole("checkbox", { name: /^Tier 1 \d+$/ });
    await pressUntil(page, "Tab", tier1);
    await page.keyboard.press("Space");
    await expect(tier1).toBeChecked();
    if (phone) {
      await page.keyboard.press("Escape");
      await expect(page.locator(".filters-button")).toBeFocused();
    }
    await expect(page.locator(".active-filters")).toContainText("Tier 1");

    // A profile, from the results.
    const firstResult = page.locator(".member-list .member-name a").first();
    const name = (await firstResult.textContent()).trim();
    await pressUntil(page, "Tab", firstResult, 120);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const save = page.locator(".profile").getByRole("button", { name: `Guardar (${name})`, exact: true });
    await pressUntil(page, "Tab", save);
    await page.keyboard.press("Space");
    await expect(save).toHaveAttribute("aria-pressed", "true");

    // The follow-up list, from the navigation, and the entry's editor.
    const nav = page.getByRole("navigation").getByRole("link", { name: /^Seguimiento/ });
    await pressUntil(page, "Shift+Tab", nav);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Mi seguimiento" })).toBeVisible();
    const card = entry(page, name);
    await pressUntil(page, "Tab", card.getByLabel("Estado"));
    await page.keyboard.press("ArrowDown");
    await expect(card.getByLabel("Estado")).not.toHaveValue("to_contact");
    const status = await card.getByLabel("Estado").inputValue();
    await pressUntil(page, "Tab", card.getByLabel("Próximo seguimiento"), 3);
    // The date is typed segment by segment, in the order of the browser's own locale
    // (month first in Debian's Chromium, day first elsewhere).
    const field = card.getByLabel("Próximo seguimiento");
    const date = await isoDate(page, 7);
    const [year, month, day] = date.split("-");
    await page.keyboard.type(`${month}${day}${year}`);
    if ((await field.inputValue()) !== date) {
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.type(`${day}${month}${year}`);
    }
    await expect(field).toHaveValue(date);
    await pressUntil(page, "Tab", card.getByLabel("Nota"), 4);
    await page.keyboard.type("Llamar el lunes");
    await expect
      .poll(async () => (await storedList(page)).entries.find((e) => e.note)?.note)
      .toBe("Llamar el lunes");
    const stored = (await storedList(page)).entries.find((e) => e.note);
    expect(stored.status).toBe(status);
    expect(stored.next).toBe(date);
  });
}

