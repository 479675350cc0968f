// The cluster's views (issue 16) computed naively from the sample directory, independently
// of the app's core, to check what the map, opportunities and investment views show.
import { sample } from "./sample.mjs";

/** A text of the file in `lang` ("es" or "en"): plain, or by language with Spanish as fallback. */
export function text(value, lang) {
  if (typeof value === "string") return value;
  return value[lang] ?? value.es ?? Object.values(value)[0];
}

/** The language a project's journeys run in: Spanish on the phone, English on desktop. */
export const langOf = (testInfo) => (testInfo.project.name === "phone" ? "es" : "en");

/** Switches the app to English on desktop (it opens in Spanish, the projects' locale). */
export async function useProjectLanguage(app, lang) {
  if (lang === "en") await (await app.languageButton("English")).click();
}

const offers = (member, id) => (member.capabilities ?? []).includes(id);
const needs = (member, id) => (member.needs ?? []).includes(id);

/** Members offering (supply) and needing (demand) each capability, by id. */
export function supplyAndDemand() {
  return new Map(
    sample.capabilities.map((capability) => {
      const supply = sample.members.filter((m) => offers(m, capability.id)).length;
      const demand = sample.members.filter((m) => needs(m, capability.id)).length;
      return [capability.id, { supply, demand, gap: Math.max(0, demand - supply) }];
    }),
  );
}

/** A capability's label in `lang`. */
export const capabilityLabel = (id, lang) => text(sample.capabilities.find((c) => c.id === id).label, lang);

/** Capabilities that OEMs or Tier 1s need with at most one supplier: who needs, who supplies. */
export function naiveOpportunities() {
  return sample.capabilities
    .map((capability) => ({
      id: capability.id,
      neededBy: sample.members.filter((m) => ["oem", "tier1"].includes(m.kind) && needs(m, capability.id)).map((m) => m.name),
      suppliers: sample.members.filter((m) => offers(m, capability.id)).map((m) => m.name),
    }))
    .filter((o) => o.suppliers.length <= 1 && o.neededBy.length > 0);
}

/** The investment figures: members, with a figure, above 15 MDD (strictly), total, not given. */
export function naiveInvestment() {
  const figures = sample.members.map((m) => m.investment_musd).filter((x) => typeof x === "number");
  return {
    members: sample.members.length,
    withFigure: figures.length,
    notGiven: sample.members.length - figures.length,
    above: figures.filter((x) => x > 15).length,
    total: figures.reduce((a, b) => a + b, 0),
  };
}

/** A whole percentage as the app writes it: "24 %" in Spanish, "24%" in English. */
export function percent(part, whole, lang) {
  const p = Math.round((part * 100) / whole);
  return lang === "es" ? `${p} % (${part} de ${whole})` : `${p}% (${part} of ${whole})`;
}
