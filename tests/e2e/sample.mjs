// The sample directory, read independently of the app, to check what the app shows.
import { readFileSync } from "node:fs";

export const sample = JSON.parse(readFileSync("data/directory.json", "utf8"));

const ids = (list = []) => new Set(list.map((item) => (typeof item === "string" ? item : item.id)));

/** Members matching every facet (values within a facet OR, facets AND). */
export function membersWith({ capabilities = [], certifications = [], events = [] } = {}) {
  return sample.members.filter((member) => {
    const has = (list, wanted) => wanted.length === 0 || wanted.some((id) => ids(list).has(id));
    return has(member.capabilities, capabilities) && has(member.certifications, certifications) && has(member.events, events);
  });
}

/** The Spanish label of a capability or certification. */
export function label(kind, id) {
  const entry = sample[kind].find((item) => item.id === id);
  return typeof entry.label === "string" ? entry.label : entry.label.es;
}

/** Result rows the list renders before "show more" (`LIST_PAGE_SIZE` in the member search). */
export const LIST_PAGE_SIZE = 40;

const schema = JSON.parse(readFileSync("data/directory.schema.json", "utf8"));

/**
 * How many facet values the unfiltered list of the sample shows once its facet sheet is
 * built: every capability twice (offered, needed), every kind the format names, every
 * certification and event of the file, and every state and state/city its members are in.
 */
export function facetValueCount(directory = sample) {
  const places = new Set();
  for (const { location } of directory.members) {
    const state = location?.state?.trim();
    const city = location?.city?.trim();
    if (state) places.add(state);
    if (city) places.add(`${state ?? ""}/${city}`);
  }
  const kinds = schema.$defs.member.properties.kind.enum;
  return 2 * directory.capabilities.length + kinds.length + directory.certifications.length + places.size + directory.events.length;
}

/** The sample's list as the app builds it: a page of rows and every facet value. */
export const SAMPLE_LIST = { rows: Math.min(LIST_PAGE_SIZE, sample.members.length), facetValues: facetValueCount() };
