// The benchmark's baseline: what a careful plain-JavaScript page would do with the
// same directory file. No framework. It loads the same JSON, indexes it with
// MiniSearch or FlexSearch (`?engine=minisearch|flexsearch`), filters by the same six
// facets (OR within a facet, AND across facets) with disjunctive counts, renders the
// same 40-row member list with the same markup and stylesheet as Vitrina, opens
// profiles at #/member/<id>, and keeps a follow-up list in localStorage at
// #/follow-up, so the benchmark drives both apps with the same code.
//
// Phases are marked for the harness with performance.mark: bench:fetched (bytes in),
// bench:parsed (JSON.parse), bench:indexed (text index + facets + name order),
// bench:rendered (first list in the DOM).

const ENGINE = new URLSearchParams(location.search).get("engine") ?? "minisearch";
const PAGE_SIZE = 40;
const CHIPS_ON_CARD = 5;
const LIST_KEY = `baseline.follow-up.v1:${ENGINE}:${new URL(directoryUrl(), location.href).href}`;

const KINDS = [
  ["oem", "Armadora (OEM)"],
  ["tier1", "Tier 1"],
  ["tier2", "Tier 2"],
  ["tier3", "Tier 3"],
  ["service", "Servicios"],
  ["institution", "Institución"],
];
const STATUSES = [
  ["to_contact", "Por contactar"],
  ["contacted", "Contactado"],
  ["meeting_set", "Reunión agendada"],
  ["proposal", "Propuesta"],
  ["won", "Ganado"],
  ["not_now", "Por ahora no"],
];
// Facets in Vitrina's order, with its URL keys and Spanish labels.
const FACETS = [
  { key: "cap", label: "Capacidades", grouped: true, filterLabel: "Filtrar capacidades" },
  { key: "kind", label: "Tipo de empresa" },
  { key: "cert", label: "Certificaciones" },
  { key: "place", label: "Estado y ciudad" },
  { key: "event", label: "Asiste al evento" },
  { key: "need", label: "Busca proveedores de", grouped: true, filterLabel: "Filtrar lo que buscan" },
];

function directoryUrl() {
  return document.querySelector('meta[name="vitrina-directory"]')?.content ?? "data/directory.json";
}

/** Lowercase, accents removed: the same folding for the index, the query and the sort. */
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
};
const count = (n) => {
  const digits = String(n);
  return digits.length <= 4 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
};

// ---------------------------------------------------------------------------------------
// Loading and indexing

let catalog = null; // set once the directory is loaded and indexed
const main = document.getElementById("main");

async function load() {
  const response = await fetch(directoryUrl(), { cache: "no-cache" });
  if (!response.ok) throw new Error(`directory: HTTP ${response.status}`);
  const text = await response.text();
  performance.mark("bench:fetched");
  const directory = JSON.parse(text);
  performance.mark("bench:parsed");
  const built = await buildCatalog(directory);
  performance.mark("bench:indexed");
  return built;
}

const variants = (text) => (text == null ? [] : typeof text === "string" ? [text] : Object.values(text));
const resolve = (text) => (text == null ? "" : typeof text === "string" ? text : text.es ?? Object.values(text)[0] ?? "");
const idOf = (item) => (typeof item === "string" ? item : item.id);

async function buildCatalog(directory) {
  const members = directory.members;
  const n = members.length;
  const capabilities = new Map(directory.capabilities.map((c) => [c.id, c]));
  const certifications = new Map(directory.certifications.map((c) => [c.id, c]));
  const aliasWords = (aliases) => (aliases == null ? [] : Array.isArray(aliases) ? aliases : Object.values(aliases).flat());

  // The same searched text as Vitrina: names, capability and certification labels and
  // aliases in every language, pitch, description, customers, city and state.
  const docs = members.map((m, i) => {
    const caps = [];
    for (const id of m.capabilities ?? []) {
      const c = capabilities.get(id);
      if (c) caps.push(...variants(c.label), ...aliasWords(c.aliases));
    }
    for (const cert of m.certifications ?? []) {
      const c = certifications.get(idOf(cert));
      if (c) caps.push(...variants(c.label));
    }
    const free = [...variants(m.pitch), ...variants(m.description), ...(m.customers ?? [])];
    if (m.location) free.push(m.location.city ?? "", m.location.state ?? "");
    return { i, name: m.name, legal: m.legal_name ?? "", caps: caps.join(" "), text: free.join(" ") };
  });
  const engine = ENGINE === "flexsearch" ? await flexSearchEngine(docs, n) : await miniSearchEngine(docs);

  // Everything listed by name when there is no search text.
  const folded = members.map((m) => fold(m.name));
  const byName = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    folded[a] < folded[b] ? -1 : folded[a] > folded[b] ? 1 : a - b,
  );

  const facets = buildFacets(directory, members);
  return { directory, members, engine, byName, facets, capabilities, certifications, index: new Map(members.map((m, i) => [m.id, i])) };
}

async function miniSearchEngine(docs) {
  const { default: MiniSearch } = await import("./lib/minisearch.js");
  const index = new MiniSearch({
    idField: "i",
    fields: ["name", "legal", "caps", "text"],
    processTerm: (term) => fold(term),
    searchOptions: { prefix: true, combineWith: "AND", boost: { name: 8, legal: 4, caps: 2 } },
  });
  index.addAll(docs);
  return { name: "MiniSearch", search: (query) => index.search(query).map((result) => result.id) };
}

async function flexSearchEngine(docs, n) {
  const { default: FlexSearch } = await import("./lib/flexsearch.js");
  // One field in order name, legal name, capabilities, free text: FlexSearch scores by
  // position, so earlier fields rank first; every query word must match (AND).
  const index = new FlexSearch.Index({ tokenize: "forward" });
  for (const doc of docs) index.add(doc.i, `${doc.name} ${doc.legal} ${doc.caps} ${doc.text}`);
  return { name: "FlexSearch", search: (query) => index.search(query, { limit: n }) };
}

/** Every facet value (global index), display order as Vitrina's, and each member's values. */
function buildFacets(directory, members) {
  const values = []; // { facet, id, label, group, parent }
  const lookup = FACETS.map(() => new Map());
  const add = (f, id, label, extra = {}) => {
    lookup[f].set(id, values.length);
    values.push({ facet: f, id, label, ...extra });
  };
  const groupOrder = new Map(directory.capability_groups.map((g, i) => [g.id, i]));
  const groupLabel = new Map(directory.capability_groups.map((g) => [g.id, resolve(g.label)]));
  const caps = directory.capabilities
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (groupOrder.get(a.c.group) ?? 1e9) - (groupOrder.get(b.c.group) ?? 1e9) || a.i - b.i)
    .map(({ c }) => c);
  // Places: states by members (most first) then name, each followed by its cities.
  const states = new Map();
  for (const m of members) {
    const state = m.location?.state?.trim() ?? "";
    const city = m.location?.city?.trim() ?? "";
    if (!state && !city) continue;
    if (!states.has(state)) states.set(state, { n: 0, cities: new Map() });
    const entry = states.get(state);
    entry.n++;
    if (city) entry.cities.set(city, (entry.cities.get(city) ?? 0) + 1);
  }
  const byCount = (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  FACETS.forEach((facet, f) => {
    switch (facet.key) {
      case "cap":
      case "need":
        for (const c of caps) add(f, c.id, resolve(c.label), { group: c.group ?? null, groupLabel: groupLabel.get(c.group) ?? "Otras" });
        break;
      case "kind":
        for (const [id, label] of KINDS) add(f, id, label);
        break;
      case "cert":
        for (const c of directory.certifications) add(f, c.id, resolve(c.label));
        break;
      case "event":
        for (const e of directory.events) add(f, e.id, resolve(e.name));
        break;
      case "place":
        for (const [state, { n, cities }] of [...states].map(([s, v]) => [s, v]).sort((a, b) => byCount([a[0], a[1].n], [b[0], b[1].n]))) {
          if (state) add(f, state, state, { n });
          for (const [city] of [...cities].sort(byCount)) add(f, `${state}/${city}`, city, { parent: state || null });
        }
        break;
    }
  });
  // Each member's values, flat: memberValues[valueStart[m] .. valueStart[m + 1]].
  const valueStart = new Uint32Array(members.length + 1);
  const flat = [];
  const f = Object.fromEntries(FACETS.map((facet, i) => [facet.key, i]));
  members.forEach((m, i) => {
    valueStart[i] = flat.length;
    const seen = new Set();
    const push = (facet, id) => {
      const g = lookup[facet].get(id);
      if (g !== undefined && !seen.has(g)) {
        seen.add(g);
        flat.push(g);
      }
    };
    for (const id of m.capabilities ?? []) push(f.cap, id);
    for (const id of m.needs ?? []) push(f.need, id);
    if (m.kind) push(f.kind, m.kind);
    for (const cert of m.certifications ?? []) push(f.cert, idOf(cert));
    for (const event of m.events ?? []) push(f.event, idOf(event));
    const state = m.location?.state?.trim() ?? "";
    const city = m.location?.city?.trim() ?? "";
    if (state) push(f.place, state);
    if (city) push(f.place, `${state}/${city}`);
  });
  valueStart[members.length] = flat.length;
  const valueFacet = Uint8Array.from(values, (v) => v.facet);
  return { values, lookup, valueStart, memberValues: Int32Array.from(flat), valueFacet };
}

// ---------------------------------------------------------------------------------------
// Querying: text, then facets with disjunctive counts

function parseQuery(hash) {
  const at = hash.indexOf("?");
  const params = new URLSearchParams(at >= 0 ? hash.slice(at + 1) : "");
  return {
    text: params.get("q") ?? "",
    filters: FACETS.map((facet) => new Set(params.getAll(facet.key))),
  };
}

function queryFragment(query) {
  const params = new URLSearchParams();
  if (query.text) params.set("q", query.text);
  FACETS.forEach((facet, f) => [...query.filters[f]].sort().forEach((value) => params.append(facet.key, value)));
  const text = params.toString();
  return text ? `#/?${text}` : "#/";
}

function run(query) {
  const { facets, members, byName, engine } = catalog;
  const words = query.text.trim();
  const matches = words ? engine.search(words) : byName;
  const selected = new Uint8Array(facets.values.length);
  let active = 0;
  query.filters.forEach((set, f) => {
    for (const id of set) {
      const g = facets.lookup[f].get(id);
      if (g !== undefined) {
        selected[g] = 1;
        active |= 1 << f;
      }
    }
  });
  const counts = new Uint32Array(facets.values.length);
  const results = [];
  const { valueStart, memberValues, valueFacet } = facets;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    const from = valueStart[m];
    const to = valueStart[m + 1];
    let pass = 0;
    if (active) for (let j = from; j < to; j++) if (selected[memberValues[j]]) pass |= 1 << valueFacet[memberValues[j]];
    const fail = active & ~pass;
    if (fail === 0) {
      results.push(m);
      for (let j = from; j < to; j++) counts[memberValues[j]]++;
    } else if ((fail & (fail - 1)) === 0) {
      // Failing only one facet: counts for that facet's values (the disjunctive count).
      for (let j = from; j < to; j++) if (1 << valueFacet[memberValues[j]] === fail) counts[memberValues[j]]++;
    }
  }
  return { results, counts, selected, total: members.length };
}

// ---------------------------------------------------------------------------------------
// The follow-up list (localStorage, read-merge-write on every change)

function readList() {
  try {
    const stored = JSON.parse(localStorage.getItem(LIST_KEY) ?? "null");
    return stored && Array.isArray(stored.entries) ? stored : { version: 1, entries: [] };
  } catch {
    return { version: 1, entries: [] };
  }
}

function toggleSaved(member) {
  const list = readList();
  const at = list.entries.findIndex((entry) => entry.member === member.id);
  const now = Date.now();
  if (at >= 0) list.entries.splice(at, 1);
  else {
    const email = member.contacts?.find((c) => c.email)?.email;
    list.entries.push({
      id: `m.${member.id}`,
      member: member.id,
      snapshot: { member_name: member.name, website: member.website, email },
      status: "to_contact",
      added_at: now,
      updated_at: now,
    });
  }
  localStorage.setItem(LIST_KEY, JSON.stringify(list));
  saved = new Set(list.entries.map((entry) => entry.member));
  return at < 0;
}

let saved = new Set(readList().entries.map((entry) => entry.member));

function saveButton(member) {
  const isSaved = saved.has(member.id);
  const star = el("span", { "aria-hidden": "true" }, isSaved ? "★ " : "☆ ");
  const label = document.createTextNode(isSaved ? "En seguimiento" : "Guardar");
  const button = el(
    "button",
    { type: "button", class: isSaved ? "save-button saved" : "save-button", "aria-pressed": String(isSaved) },
    star,
    label,
    el("span", { class: "visually-hidden" }, `(${member.name})`),
  );
  button.addEventListener("click", () => {
    const now = toggleSaved(member);
    button.setAttribute("aria-pressed", String(now));
    button.classList.toggle("saved", now);
    star.textContent = now ? "★ " : "☆ ";
    label.data = now ? "En seguimiento" : "Guardar";
  });
  return button;
}

// ---------------------------------------------------------------------------------------
// Pages

let directoryView = null; // the live directory page, updated in place while it is shown

function memberCard(m) {
  const member = catalog.members[m];
  const place = [member.location?.city, member.location?.state].filter(Boolean).join(", ");
  const kind = KINDS.find(([id]) => id === member.kind)?.[1];
  const meta = [kind, place].filter(Boolean);
  const caps = member.capabilities ?? [];
  const chips = caps
    .slice(0, CHIPS_ON_CARD)
    .map((id) => catalog.capabilities.get(id))
    .filter(Boolean)
    .map((c) => el("li", { class: "chip" }, resolve(c.label)));
  if (caps.length > CHIPS_ON_CARD) chips.push(el("li", { class: "chip chip-more" }, `+${caps.length - CHIPS_ON_CARD} más`));
  return el(
    "li",
    { class: "member-card" },
    el(
      "div",
      { class: "card-heading" },
      el("h2", { class: "member-name" }, el("a", { href: `#/member/${member.id}` }, member.name)),
      saveButton(member),
    ),
    meta.length ? el("p", { class: "member-meta" }, meta.join(" · ")) : null,
    member.pitch ? el("p", { class: "member-pitch" }, resolve(member.pitch)) : null,
    chips.length ? el("ul", { class: "chips" }, ...chips) : null,
  );
}

function renderDirectory(query) {
  const view = { query, shown: PAGE_SIZE, rows: new Map(), facetNodes: [] };
  directoryView = view;
  const input = el("input", {
    id: "search-input",
    type: "search",
    autocomplete: "off",
    spellcheck: "false",
    enterkeyhint: "search",
    placeholder: "Empresa, capacidad, certificación, ciudad…",
  });
  input.value = query.text;
  input.addEventListener("input", () => {
    view.query = { ...view.query, text: input.value };
    view.shown = PAGE_SIZE;
    history.replaceState(null, "", queryFragment(view.query));
    update(view);
  });
  view.count = el("p", { class: "result-count", role: "status", "aria-live": "polite" });
  view.list = el("ol", { class: "member-list" });
  view.noResults = el(
    "div",
    { class: "no-results", hidden: true },
    el("p", {}, "Ningún miembro coincide con la búsqueda y los filtros."),
    el("p", { class: "hint" }, "Pruebe con menos palabras o quite algún filtro."),
  );
  view.showingText = document.createTextNode("");
  const more = el("button", { type: "button", class: "button" }, "Mostrar más");
  more.addEventListener("click", () => {
    view.shown += PAGE_SIZE;
    update(view);
  });
  view.showMore = el("div", { class: "show-more" }, el("p", {}, view.showingText), more);

  // Facets: built once; every update changes only counts, checks and dimming.
  const { values } = catalog.facets;
  const fieldsets = FACETS.map((facet, f) => {
    const fieldset = el("fieldset", { class: "facet" }, el("legend", {}, facet.label));
    const mine = values.map((v, g) => [v, g]).filter(([v]) => v.facet === f);
    if (facet.grouped && mine.length > 12) {
      const id = `facet-filter-${facet.key}`;
      const filter = el("input", { class: "facet-filter", id, type: "text", autocomplete: "off", placeholder: facet.filterLabel });
      filter.addEventListener("input", () => {
        const text = fold(filter.value);
        for (const [v, g] of mine) view.facetNodes[g].li.hidden = text !== "" && !fold(v.label).includes(text);
        fieldset.querySelectorAll("details").forEach((d) => (d.open = text !== ""));
      });
      fieldset.append(el("label", { class: "visually-hidden", for: id }, facet.filterLabel), filter);
    }
    let ul = null;
    let group;
    for (const [v, g] of mine) {
      if (!ul || (facet.grouped && v.group !== group)) {
        group = v.group;
        ul = el("ul", { class: "facet-values" });
        if (facet.grouped) fieldset.append(el("details", { class: "facet-subgroup" }, el("summary", {}, v.groupLabel), ul));
        else fieldset.append(ul);
      }
      const box = el("input", { type: "checkbox" });
      const countText = document.createTextNode("");
      const li = el(
        "li",
        { class: v.parent ? "facet-value nested" : "facet-value" },
        el("label", {}, box, el("span", { class: "facet-label" }, v.label), el("span", { class: "facet-count" }, countText)),
      );
      box.addEventListener("change", () => {
        const filters = view.query.filters.map((set) => new Set(set));
        if (box.checked) filters[f].add(v.id);
        else filters[f].delete(v.id);
        view.query = { ...view.query, filters };
        view.shown = PAGE_SIZE;
        history.pushState(null, "", queryFragment(view.query));
        update(view);
      });
      view.facetNodes[g] = { li, box, countText, count: -1, empty: false };
      ul.append(li);
    }
    return fieldset;
  });

  main.replaceChildren(
    el(
      "section",
      { class: "directory", "aria-labelledby": "members-heading" },
      el("h1", { id: "members-heading" }, "Miembros"),
      el(
        "div",
        { class: "member-search" },
        el("form", { class: "search-box", role: "search" }, el("label", { class: "visually-hidden", for: "search-input" }, "Buscar en el directorio"), input),
        el("div", { class: "search-toolbar" }, view.count),
        el(
          "div",
          { class: "search-layout" },
          el("aside", { id: "facet-sheet", class: "facet-sheet", "aria-labelledby": "facet-sheet-title" }, el("div", { class: "facet-sheet-header" }, el("h2", { id: "facet-sheet-title" }, "Filtros")), ...fieldsets),
          el("div", { class: "results" }, view.noResults, view.list, view.showMore),
        ),
      ),
    ),
  );
  update(view);
}

/** Runs the view's query and brings the DOM in line, touching only what changed. */
function update(view) {
  const { results, counts, selected, total } = run(view.query);
  const n = results.length;
  view.count.textContent = n === total ? `${count(total)} miembros` : `${count(n)} de ${count(total)} miembros`;
  view.facetNodes.forEach((node, g) => {
    if (node.count !== counts[g]) {
      node.count = counts[g];
      node.countText.data = String(counts[g]);
    }
    const isSelected = selected[g] === 1;
    if (node.box.checked !== isSelected) node.box.checked = isSelected;
    const empty = counts[g] === 0 && !isSelected;
    if (node.empty !== empty) {
      node.empty = empty;
      node.li.classList.toggle("empty", empty);
    }
  });
  // Rows keyed by member: a row already shown is kept, not rebuilt.
  const rows = new Map();
  const shown = results.slice(0, view.shown).map((m) => {
    const row = view.rows.get(m) ?? memberCard(m);
    rows.set(m, row);
    return row;
  });
  const current = view.list.children;
  if (current.length !== shown.length || shown.some((row, i) => current[i] !== row)) view.list.replaceChildren(...shown);
  view.rows = rows;
  view.noResults.hidden = n !== 0;
  view.showMore.hidden = view.shown >= n;
  view.showingText.data = `Mostrando ${count(Math.min(view.shown, n))} de ${count(n)}`;
}

function similarMembers(m, limit) {
  const { facets, members } = catalog;
  const capFacet = 0;
  const mine = [];
  for (let j = facets.valueStart[m]; j < facets.valueStart[m + 1]; j++) {
    if (facets.valueFacet[facets.memberValues[j]] === capFacet) mine.push(facets.memberValues[j]);
  }
  const wanted = new Set(mine);
  const scored = [];
  for (let other = 0; other < members.length; other++) {
    if (other === m) continue;
    let both = 0;
    let theirs = 0;
    for (let j = facets.valueStart[other]; j < facets.valueStart[other + 1]; j++) {
      const g = facets.memberValues[j];
      if (facets.valueFacet[g] !== capFacet) continue;
      theirs++;
      if (wanted.has(g)) both++;
    }
    if (both > 0) scored.push([both / (mine.length + theirs - both), other]);
  }
  scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  return scored.slice(0, limit).map(([, other]) => other);
}

function renderProfile(id) {
  directoryView = null;
  const m = catalog.index.get(id);
  if (m === undefined) {
    main.replaceChildren(el("section", { class: "not-found" }, el("h1", {}, "No encontrado")));
    return;
  }
  const member = catalog.members[m];
  const place = [member.location?.city, member.location?.state, member.location?.country].filter(Boolean).join(", ");
  const kind = KINDS.find(([k]) => k === member.kind)?.[1];
  const groups = new Map();
  for (const capId of member.capabilities ?? []) {
    const c = catalog.capabilities.get(capId);
    if (!c) continue;
    const group = catalog.directory.capability_groups.find((g) => g.id === c.group);
    const label = group ? resolve(group.label) : "Otras";
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label).push(el("li", {}, el("a", { class: "chip chip-link", href: `#/?cap=${c.id}` }, resolve(c.label))));
  }
  const facts = [
    ["Fundada en", member.founded],
    ["Empleados", member.employees],
    ["Idiomas de trabajo", member.languages?.join(", ")],
  ].filter(([, value]) => value !== undefined && value !== null);
  const certs = (member.certifications ?? []).map((cert) => {
    const c = catalog.certifications.get(idOf(cert));
    const until = typeof cert === "object" && cert.valid_until;
    return el(
      "li",
      { class: "certification" },
      el("span", { class: "certification-label" }, c ? resolve(c.label) : idOf(cert)),
      until ? el("span", { class: "certification-details" }, `vigente hasta el ${until}`) : null,
    );
  });
  const similar = similarMembers(m, 6);
  main.replaceChildren(
    el(
      "article",
      { class: "profile", "aria-labelledby": "profile-name" },
      el("p", { class: "breadcrumb" }, el("a", { href: "#/" }, "Volver al directorio")),
      el("div", { class: "card-heading" }, el("h1", { id: "profile-name" }, member.name), saveButton(member)),
      el("p", { class: "member-meta" }, [kind, place].filter(Boolean).join(" · ")),
      member.pitch ? el("p", { class: "profile-pitch" }, resolve(member.pitch)) : null,
      el(
        "p",
        { class: "links" },
        member.website ? el("a", { class: "button button-secondary", href: member.website, target: "_blank", rel: "noopener noreferrer" }, "Sitio web") : null,
        member.linkedin ? el("a", { class: "button button-secondary", href: member.linkedin, target: "_blank", rel: "noopener noreferrer" }, "LinkedIn") : null,
      ),
      el("dl", { class: "facts" }, ...facts.map(([term, value]) => el("div", {}, el("dt", {}, term), el("dd", {}, String(value))))),
      member.description ? el("div", { class: "description" }, ...resolve(member.description).split("\n\n").map((p) => el("p", {}, p))) : null,
      el(
        "section",
        { class: "capabilities" },
        el("h2", {}, "Capacidades"),
        ...[...groups].map(([label, chips]) => el("div", { class: "capability-group" }, el("h3", {}, label), el("ul", { class: "chips" }, ...chips))),
      ),
      certs.length ? el("section", { class: "certifications" }, el("h2", {}, "Certificaciones"), el("ul", {}, ...certs)) : null,
      member.customers?.length
        ? el("section", { class: "customers" }, el("h2", {}, "Clientes"), el("ul", { class: "chips" }, ...member.customers.map((c) => el("li", { class: "chip" }, c))))
        : null,
    ),
    similar.length
      ? el(
          "section",
          { class: "similar", "aria-labelledby": "similar-heading" },
          el("h2", { id: "similar-heading" }, "Miembros con capacidades similares"),
          el("ul", { class: "member-list" }, ...similar.map(memberCard)),
        )
      : null,
  );
  window.scrollTo(0, 0);
}

/** The follow-up list: needs only localStorage, never waits for the directory. */
function renderFollowUp() {
  directoryView = null;
  const entries = readList().entries.slice().reverse();
  const events = catalog?.directory.events ?? [];
  const today = new Date().toISOString().slice(0, 10);
  const items = entries.map((entry) => {
    const id = `entry-${entry.id.replace(/[^a-z0-9-]/gi, "-")}`;
    const status = el("select", { id: `${id}-status` }, ...STATUSES.map(([value, label]) => el("option", { value }, label)));
    status.value = entry.status;
    const met = el(
      "select",
      { id: `${id}-met` },
      el("option", { value: "" }, "Sin indicar"),
      ...events.map((e) => el("option", { value: `event:${e.id}` }, resolve(e.name))),
      el("option", { value: "other" }, "Otro lugar"),
    );
    const email = entry.snapshot?.email;
    return el(
      "li",
      { class: "entry" },
      el("div", { class: "card-heading" }, el("h2", { class: "entry-name" }, el("a", { href: `#/member/${entry.member}` }, entry.snapshot?.member_name ?? entry.member))),
      el("p", { class: "hint" }, `${today} · ${STATUSES.find(([s]) => s === entry.status)?.[1] ?? entry.status}`),
      el("p", { class: "contact-actions" }, email ? el("a", { class: "button button-secondary", href: `mailto:${email}` }, "Correo") : null),
      el(
        "div",
        { class: "entry-fields" },
        el("label", { class: "field", for: `${id}-status` }, el("span", {}, "Estado")),
        status,
        el("label", { class: "field", for: `${id}-date` }, el("span", {}, "Próximo seguimiento")),
        el("input", { id: `${id}-date`, type: "date" }),
        el("label", { class: "field", for: `${id}-met` }, el("span", {}, "Dónde nos conocimos")),
        met,
        el("label", { class: "field", for: `${id}-note` }, el("span", {}, "Nota")),
        el("textarea", { id: `${id}-note`, rows: "3" }),
      ),
      el("button", { type: "button", class: "link-button remove-entry" }, "Quitar de la lista", el("span", { class: "visually-hidden" }, ` (${entry.snapshot?.member_name ?? entry.member})`)),
    );
  });
  main.replaceChildren(
    el(
      "section",
      { class: "follow-up", "aria-labelledby": "follow-up-heading" },
      el("h1", { id: "follow-up-heading" }, "Mi seguimiento"),
      el("p", {}, "Empresas y personas a las que va a dar seguimiento. Se guardan solo en este dispositivo."),
      entries.length ? el("ol", { class: "entry-list" }, ...items) : el("p", { class: "empty-list" }, "Su lista está vacía."),
    ),
  );
}

function route() {
  const hash = location.hash || "#/";
  if (hash.startsWith("#/follow-up")) return renderFollowUp();
  if (!catalog) {
    main.replaceChildren(el("p", { class: "loading", role: "status" }, "Cargando el directorio…"));
    return;
  }
  if (hash.startsWith("#/member/")) return renderProfile(decodeURIComponent(hash.slice("#/member/".length)));
  const query = parseQuery(hash);
  if (directoryView) {
    directoryView.query = query;
    directoryView.shown = PAGE_SIZE;
    const input = document.getElementById("search-input");
    if (input && input.value !== query.text) input.value = query.text;
    update(directoryView);
  } else renderDirectory(query);
}

window.addEventListener("hashchange", route);
route();
try {
  catalog = await load();
  window.__baseline = { engine: catalog.engine.name, members: catalog.members.length };
  if (!(location.hash || "#/").startsWith("#/follow-up")) {
    route();
    performance.mark("bench:rendered");
  }
} catch (error) {
  main.replaceChildren(el("p", { class: "boot-failure", role: "alert" }, String(error)));
  console.error(error);
}
