// Matchmaking (issue 16) computed from data/directory.json with an obvious reference, to
// check what the app shows without hard-coding names.
import { expect } from "./fixtures.mjs";
import { sample } from "./sample.mjs";

const ids = (list = []) => new Set(list.map((item) => (typeof item === "string" ? item : item.id)));

/** Today on the browser's clock, as YYYY-MM-DD (local time, like the app). */
export async function today(page) {
  return page.evaluate(() => {
    const date = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  });
}

/** True when `member` holds an IATF 16949 certificate valid on `day`. */
export function hasValidIatf(member, day, directory = sample) {
  return (member.certifications ?? []).some((held) => {
    const id = typeof held === "string" ? held : held.id;
    const until = typeof held === "string" ? undefined : held.valid_until;
    const cert = directory.certifications.find((c) => c.id === id);
    const labels = cert ? (typeof cert.label === "string" ? [cert.label] : Object.values(cert.label)) : [];
    const named = id === "iatf-16949" || labels.some((label) => /(^|\D)16949(\D|$)/.test(label));
    return named && (!until || until >= day);
  });
}

/**
 * The matches of a company that makes `makes` and needs `needs` (the member `self` left out):
 * `{ buyers, suppliers }`, each a list of `{ member, common }`.
 */
export function naiveMatches({ makes, needs, self = null }, directory = sample) {
  const side = (mine, theirs) =>
    directory.members
      .filter((member) => member.id !== self)
      .map((member) => ({ member, common: [...ids(theirs(member))].filter((id) => mine.includes(id)) }))
      .filter(({ common }) => common.length > 0);
  return { buyers: side(makes, (m) => m.needs), suppliers: side(needs, (m) => m.capabilities) };
}

/** The matches of a member of the sample. */
export function matchesOfMember(member, directory = sample) {
  return naiveMatches({ makes: [...ids(member.capabilities)], needs: [...ids(member.needs)], self: member.id }, directory);
}

/** A member with a few matches on both sides, picked from the data: the one with the fewest above two each. */
export function memberWithBothSides(directory = sample) {
  const scored = directory.members
    .map((member) => ({ member, found: matchesOfMember(member, directory) }))
    .filter(({ found }) => found.buyers.length >= 2 && found.suppliers.length >= 2);
  scored.sort((a, b) => a.found.buyers.length + a.found.suppliers.length - (b.found.buyers.length + b.found.suppliers.length));
  expect(scored.length, "the sample has a member with matches on both sides").toBeGreaterThan(0);
  return scored[0];
}

/** A capability's name in `lang`. */
export function capabilityLabel(id, lang, directory = sample) {
  const entry = directory.capabilities.find((c) => c.id === id);
  return typeof entry.label === "string" ? entry.label : entry.label[lang] ?? Object.values(entry.label)[0];
}

/** The texts the specs look for, by language. */
export const TEXTS = {
  es: {
    myCompany: "Mi empresa",
    search: "Busca tu empresa por nombre",
    seeMatches: "Ver coincidencias",
    mayBuy: "Pueden comprarte",
    canSupply: "Pueden surtirte",
    add: "Agregar a seguimiento",
    onList: "En tu seguimiento",
    matchmaking: "Emparejamiento de Vitrina",
    save: "Guardar mi empresa",
    name: "Nombre de la empresa",
    kind: "Lugar en la cadena de suministro",
    makes: "Lo que hacemos",
    needs: "Lo que necesitamos",
    noNeeds: "No indicaste nada que necesites, así que nadie aparece aquí.",
    remove: "Quitar mi empresa",
    noCompany: "Aún no has dicho quién es tu empresa.",
    addAll: "Agregar todos a seguimiento",
    allOnList: "Todos están en tu seguimiento.",
    prepare: "Preparar la feria",
    validIatf: "IATF 16949 vigente",
    writeEmail: "Escribir por correo",
    writeWhatsapp: "Escribir por WhatsApp",
    otherLanguage: "English",
  },
  en: {
    myCompany: "My company",
    search: "Search for your company by name",
    seeMatches: "See your matches",
    mayBuy: "May buy from you",
    canSupply: "Can supply you",
    add: "Add to follow-up",
    onList: "On your follow-up list",
    matchmaking: "Vitrina matchmaking",
    save: "Save my company",
    name: "Company name",
    kind: "Place in the supply chain",
    makes: "What we make",
    needs: "What we need",
    noNeeds: "You gave nothing you need, so no one shows here.",
    remove: "Remove my company",
    noCompany: "You have not said who your company is yet.",
    addAll: "Add all to follow-up",
    allOnList: "All of them are on your follow-up list.",
    prepare: "Prepare the fair",
    validIatf: "Valid IATF 16949",
    writeEmail: "Write by e-mail",
    writeWhatsapp: "Write on WhatsApp",
    otherLanguage: "Español",
  },
};

/** Spanish on the phone, English on the desktop: switches the app to it and returns its texts. */
export async function languageOf(app, testInfo) {
  if (testInfo.project.name === "phone") return { lang: "es", t: TEXTS.es };
  await app.open("#/my-company");
  await (await app.languageButton("English")).click();
  await expect(app.page.locator("html")).toHaveAttribute("lang", "en");
  return { lang: "en", t: TEXTS.en };
}

/** Names "my company" as the member `member` through the picker. */
export async function pickMyCompany(page, member, t) {
  await page.goto("./#/my-company");
  await page.getByLabel(t.search).fill(member.name);
  await page.locator(".company-choice").filter({ hasText: member.name }).first().click();
  await expect(page.locator(".my-company-current strong")).toHaveText(member.name);
}

/** The names of the rows of one list ("may-buy" or "can-supply"). */
export function rowNames(page, list) {
  return page.locator(`.match-list.${list} .match-row h3`);
}
