// Accessibility helpers: axe-core with the rules the issue asks for, and the phone checks.
import AxeBuilder from "@axe-core/playwright";

/** WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** The smallest touch target on a phone, in CSS pixels (WCAG 2.5.5, platform guidelines). */
export const MIN_TARGET = 44;

/** axe's violations on the page as it is now, one readable line per failing node. */
export async function axeViolations(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} — ${node.failureSummary.replace(/\s+/g, " ")}`),
  );
}

/**
 * Visible controls smaller than `MIN_TARGET` in either direction. A checkbox or radio
 * counts by its label (the label is what a thumb taps); a link inside a sentence is
 * exempt, as WCAG 2.5.8 has it (it would push the text apart).
 */
export async function smallTargets(page) {
  return page.evaluate((min) => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex='0']";
    const small = [];
    for (const element of document.querySelectorAll(selector)) {
      const style = getComputedStyle(element);
      if (style.visibility === "hidden" || element.closest("[hidden], .visually-hidden")) continue;
      let target = element;
      if (element.matches("input[type=checkbox], input[type=radio]")) target = element.closest("label") ?? element;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const inSentence =
        element.matches("a") &&
        style.display === "inline" &&
        [...element.parentElement.childNodes].some((node) => node !== element && node.textContent.trim() !== "");
      if (inSentence) continue;
      if (box.width < min - 0.5 || box.height < min - 0.5) {
        const name = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40);
        const where = element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`;
        small.push(`${where} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  }, MIN_TARGET);
}

/** Whether the page is no wider than the viewport. */
export async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}
