// Reading the app's QR codes the way a phone camera would.
import jsQR from "jsqr";
import { PNG } from "pngjs";

/** The text of the QR code drawn in `svg` (enlarged on screen first, so any viewport decodes it), or null. */
export async function decodeQr(svg) {
  await svg.evaluate((node) => {
    node.style.width = "320px";
    node.style.maxWidth = "none";
  });
  const png = PNG.sync.read(await svg.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
