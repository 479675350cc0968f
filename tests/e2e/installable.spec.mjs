// Issue 6, "Offline and installable": the web app manifest, as Chromium reads it.
import { test, expect } from "./fixtures.mjs";

test.use({ serviceWorkers: "allow" });

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes) {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test("Chromium finds the app installable, with icons phones ask for, under the sub-path", async ({ page, context }) => {
  await page.goto("./");
  await expect(page.locator(".result-count")).toHaveText("114 miembros");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  const cdp = await context.newCDPSession(page);
  const { url, errors, parsed } = await cdp.send("Page.getAppManifest");
  expect(errors).toEqual([]);
  expect(url).toMatch(/\/vitrina\/manifest\.webmanifest$/);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // Test browser contexts are incognito, where Chromium never offers to install: that one is the test's.
  expect(installabilityErrors.filter((error) => error.errorId !== "in-incognito")).toEqual([]);

  const manifest = await (await page.request.get("./manifest.webmanifest")).json();
  // Relative start and scope: the app installs from wherever it is hosted.
  expect(manifest).toMatchObject({ start_url: "./", scope: "./", display: "standalone", short_name: "Vitrina" });
  // As Chromium resolves it: the folder the app is served from, here /vitrina/.
  expect(parsed.scope).toBe(new URL("./", page.url()).href);

  const sizes = {};
  for (const icon of manifest.icons.filter((icon) => icon.type === "image/png")) {
    const response = await page.request.get(`./${icon.src}`);
    expect(response.status(), icon.src).toBe(200);
    const actual = pngSize(await response.body());
    expect(actual, `${icon.src} is as large as it says`).toBe(icon.sizes);
    sizes[`${icon.purpose} ${actual}`] = true;
  }
  expect(Object.keys(sizes).sort()).toEqual(["any 192x192", "any 512x512", "maskable 512x512"]);

  const apple = await page.locator("link[rel='apple-touch-icon']").getAttribute("href");
  expect(pngSize(await (await page.request.get(`./${apple}`)).body())).toBe("180x180");
  await expect(page.locator("meta[name='theme-color']")).toHaveAttribute("content", manifest.theme_color);
});
