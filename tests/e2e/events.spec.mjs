import { test, expect } from "./fixtures.mjs";
import { sample, membersWith } from "./sample.mjs";

test("the events page lists upcoming events first and past ones apart", async ({ page, app }) => {
  await app.open("#/events");
  await expect(page.getByRole("heading", { level: 1, name: "Eventos" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Próximos" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Pasados" })).toBeVisible();
  const total = await page.locator(".event-card").count();
  expect(total).toBe(sample.events.length);
});

test("an event page lists its attendees with their stands", async ({ page, app }) => {
  const attendees = membersWith({ events: ["paace-2027"] });
  await app.open("#/events");
  await page.getByRole("link", { name: /PAACE.*2027/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /PAACE.*2027/ })).toBeVisible();
  await expect(page.locator(".result-count").first()).toHaveText(
    attendees.length === 1 ? "1 miembro" : `${attendees.length} miembros`,
  );
  const withStand = attendees.find((member) =>
    member.events.some((event) => typeof event === "object" && event.id === "paace-2027" && event.stand),
  );
  if (withStand) {
    const stand = withStand.events.find((event) => event.id === "paace-2027").stand;
    const card = page.locator(".member-card").filter({ hasText: withStand.name });
    await page.getByRole("searchbox").fill(withStand.name);
    await expect(card.locator(".member-stand")).toHaveText(`Stand ${stand}`);
  }
});
