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
