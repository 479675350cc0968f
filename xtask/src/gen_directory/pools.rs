//! The fixed vocabularies and word pools the generator draws from.
//!
//! Everything here is fictional: no real company, person or phone number. Changing a pool
//! changes every generated file (and the pinned hash in `tests/cli.rs`), so benchmarks taken
//! with older tables are not comparable. The module is `#[rustfmt::skip]` so that each table
//! entry stays on one line and the tables can be read as tables.

/// Other words for a capability, in either of the two shapes the format allows.
pub enum Alias {
    None,
    Plain(&'static [&'static str]),
    ByLang(&'static [&'static str], &'static [&'static str]),
}

/// A capability group with the words trade names in its line of business are made of.
pub struct Group {
    pub id: &'static str,
    pub es: &'static str,
    pub en: &'static str,
    /// Words that start a Spanish trade name ("Troqueles …").
    pub name_roots: &'static [&'static str],
    /// Words that end an English-style brand name ("Metalix Castings").
    pub brand_words: &'static [&'static str],
}

/// A capability of the map.
pub struct Cap {
    pub id: &'static str,
    pub group: usize,
    pub es: &'static str,
    pub en: &'static str,
    pub aliases: Alias,
}

// Indices into GROUPS; the kind tables below refer to groups by these.
pub const MF: usize = 0;
pub const MC: usize = 1;
pub const PL: usize = 2;
pub const CA: usize = 3;
pub const WH: usize = 4;
pub const EL: usize = 5;
pub const TO: usize = 6;
pub const ST: usize = 7;
pub const HT: usize = 8;
pub const AS: usize = 9;
pub const AU: usize = 10;
pub const LO: usize = 11;
pub const TL: usize = 12;
pub const EN: usize = 13;

/// The capability map's groups, in file order.
pub const GROUPS: &[Group] = &[
    Group { id: "metal-forming", es: "Conformado de metal", en: "Metal forming",
        name_roots: &["Troqueles", "Estampados", "Metalformados", "Aceros", "Lámina y Perfiles"],
        brand_words: &["Metal Forming", "Stampings", "Steel"] },
    Group { id: "machining", es: "Maquinado", en: "Machining",
        name_roots: &["Maquinados", "Mecanizados", "Torneados", "Precisión"],
        brand_words: &["Precision", "Machining", "CNC Works"] },
    Group { id: "plastics", es: "Plásticos y hule", en: "Plastics and rubber",
        name_roots: &["Plásticos", "Inyectados", "Polímeros", "Moldeados"],
        brand_words: &["Plastics", "Polymers", "Molding"] },
    Group { id: "casting", es: "Fundición", en: "Casting",
        name_roots: &["Fundiciones", "Fundidos", "Aluminios"],
        brand_words: &["Castings", "Foundry", "Die Cast"] },
    Group { id: "wire-harness", es: "Arneses y cableado", en: "Wire harness and cabling",
        name_roots: &["Arneses", "Cableados", "Conexiones"],
        brand_words: &["Harness Systems", "Wiring", "Cable Solutions"] },
    Group { id: "electronics", es: "Electrónica", en: "Electronics",
        name_roots: &["Electrónica", "Circuitos", "Sistemas Electrónicos"],
        brand_words: &["Electronics", "Circuits", "Embedded"] },
    Group { id: "tooling", es: "Herramentales", en: "Tooling",
        name_roots: &["Herramentales", "Moldes y Troqueles", "Dispositivos"],
        brand_words: &["Tooling", "Tool and Die", "Fixtures"] },
    Group { id: "surface-treatment", es: "Tratamiento de superficies", en: "Surface treatment",
        name_roots: &["Recubrimientos", "Galvanizados", "Acabados", "Pinturas Industriales"],
        brand_words: &["Coatings", "Finishing", "Plating"] },
    Group { id: "heat-treatment", es: "Tratamiento térmico", en: "Heat treatment",
        name_roots: &["Tratamientos Térmicos", "Termoprocesos"],
        brand_words: &["Heat Treating", "Thermal"] },
    Group { id: "welding-assembly", es: "Soldadura y ensamble", en: "Welding and assembly",
        name_roots: &["Ensambles", "Soldaduras", "Estructuras"],
        brand_words: &["Assemblies", "Welding", "Fabrication"] },
    Group { id: "automation", es: "Automatización", en: "Automation",
        name_roots: &["Automatización", "Robótica", "Controles"],
        brand_words: &["Automation", "Robotics", "Controls"] },
    Group { id: "logistics", es: "Logística", en: "Logistics",
        name_roots: &["Transportes", "Logística", "Aduanas", "Almacenes"],
        brand_words: &["Logistics", "Freight", "Customs"] },
    Group { id: "testing-labs", es: "Laboratorios y pruebas", en: "Testing laboratories",
        name_roots: &["Laboratorios", "Metrología", "Ensayos"],
        brand_words: &["Labs", "Metrology", "Testing"] },
    Group { id: "engineering-services", es: "Ingeniería y servicios", en: "Engineering and services",
        name_roots: &["Ingeniería", "Servicios Industriales", "Capacitación"],
        brand_words: &["Engineering", "Industrial Services", "Training"] },
];

const fn cap(id: &'static str, group: usize, es: &'static str, en: &'static str, aliases: Alias) -> Cap {
    Cap { id, group, es, en, aliases }
}

use Alias::{ByLang, Plain};
const NO: Alias = Alias::None;

/// The capability map, in file order.
pub const CAPS: &[Cap] = &[
    cap("stamping", MF, "Estampado", "Stamping", ByLang(&["troquelado", "estampado en frío"], &["pressing", "metal stamping"])),
    cap("deep-drawing", MF, "Embutido profundo", "Deep drawing", Plain(&["embutido", "deep draw"])),
    cap("fine-blanking", MF, "Troquelado fino", "Fine blanking", NO),
    cap("roll-forming", MF, "Perfilado", "Roll forming", ByLang(&["rolado", "perfiles"], &["profiles"])),
    cap("tube-bending", MF, "Doblado de tubo", "Tube bending", Plain(&["doblez", "tubería", "tubing"])),
    cap("laser-cutting", MF, "Corte láser", "Laser cutting", Plain(&["láser", "laser", "corte de lámina"])),
    cap("forging", MF, "Forja", "Forging", ByLang(&["forjado en caliente"], &["hot forging"])),
    cap("cnc-turning", MC, "Torneado CNC", "CNC turning", Plain(&["CNC", "torno", "lathe"])),
    cap("cnc-milling", MC, "Fresado CNC", "CNC milling", Plain(&["CNC", "5 ejes", "5-axis", "centro de maquinado"])),
    cap("grinding", MC, "Rectificado", "Grinding", ByLang(&["rectificado sin centros"], &["centerless grinding"])),
    cap("edm", MC, "Electroerosión", "EDM", Plain(&["EDM", "electroerosión por hilo", "wire EDM"])),
    cap("gear-cutting", MC, "Tallado de engranes", "Gear cutting", ByLang(&["engranes"], &["gears", "hobbing"])),
    cap("injection-moulding", PL, "Inyección de plástico", "Plastic injection moulding",
        ByLang(&["moldeo por inyección", "inyección"], &["injection molding", "plastic injection"])),
    cap("overmoulding", PL, "Sobremoldeo", "Overmoulding", Plain(&["overmolding", "inserto moldeado"])),
    cap("blow-moulding", PL, "Soplado", "Blow moulding", Plain(&["blow molding"])),
    cap("plastic-extrusion", PL, "Extrusión de plástico", "Plastic extrusion", NO),
    cap("rubber-moulding", PL, "Moldeo de hule", "Rubber moulding",
        ByLang(&["hule", "caucho", "empaques"], &["rubber", "gaskets", "elastomers"])),
    cap("aluminium-die-casting", CA, "Fundición a presión de aluminio", "Aluminium die casting",
        ByLang(&["inyección de aluminio", "HPDC"], &["HPDC", "high-pressure die casting", "aluminum die casting"])),
    cap("zinc-die-casting", CA, "Fundición de zamak", "Zinc die casting", Plain(&["zamak", "zamac"])),
    cap("sand-casting", CA, "Fundición en arena", "Sand casting", NO),
    cap("investment-casting", CA, "Microfusión", "Investment casting", Plain(&["cera perdida", "lost wax"])),
    cap("wire-harness", WH, "Arneses eléctricos", "Wire harness", ByLang(&["arnés", "cableado"], &["harness", "wiring harness"])),
    cap("cable-assembly", WH, "Ensamble de cables", "Cable assembly", NO),
    cap("terminal-crimping", WH, "Engaste de terminales", "Terminal crimping", Plain(&["crimpado", "crimp", "ponchado"])),
    cap("connectors", WH, "Conectores", "Connectors", NO),
    cap("hv-harness", WH, "Arneses de alto voltaje", "High-voltage harness", Plain(&["HV", "EV", "electromovilidad"])),
    cap("smt-assembly", EL, "Ensamble SMT", "SMT assembly", Plain(&["SMT", "PCBA", "tarjetas electrónicas"])),
    cap("through-hole", EL, "Inserción THT", "Through-hole assembly", Plain(&["THT"])),
    cap("pcb-design", EL, "Diseño de PCB", "PCB design", NO),
    cap("embedded-software", EL, "Software embebido", "Embedded software", Plain(&["firmware", "AUTOSAR"])),
    cap("sensors", EL, "Sensores", "Sensors", NO),
    cap("battery-packs", EL, "Ensamble de baterías", "Battery pack assembly", ByLang(&["baterías", "celdas"], &["batteries", "EV batteries"])),
    cap("progressive-dies", TO, "Troqueles progresivos", "Progressive dies", ByLang(&["troqueles"], &["dies", "die making"])),
    cap("injection-moulds", TO, "Moldes de inyección", "Injection moulds", ByLang(&["moldes"], &["molds", "mold making"])),
    cap("die-casting-dies", TO, "Moldes para fundición", "Die-casting dies", NO),
    cap("jigs-fixtures", TO, "Dispositivos de control", "Jigs and checking fixtures",
        ByLang(&["escantillones", "gauges"], &["gauges", "checking fixtures"])),
    cap("cutting-tools", TO, "Herramientas de corte", "Cutting tools", Plain(&["insertos", "brocas", "carburo"])),
    cap("tool-repair", TO, "Reparación de herramentales", "Tool and die repair", NO),
    cap("electroplating", ST, "Galvanoplastia", "Electroplating",
        ByLang(&["cromado", "niquelado", "zincado"], &["plating", "zinc plating", "chrome plating"])),
    cap("e-coating", ST, "Electropintura", "E-coating", Plain(&["e-coat", "KTL", "cataforesis"])),
    cap("powder-coating", ST, "Pintura en polvo", "Powder coating", ByLang(&["pintura electrostática"], &["powder paint"])),
    cap("wet-painting", ST, "Pintura líquida", "Wet painting", NO),
    cap("anodizing", ST, "Anodizado", "Anodizing", NO),
    cap("shot-blasting", ST, "Granallado", "Shot blasting", Plain(&["sandblast", "chorro de arena"])),
    cap("hardening", HT, "Temple y revenido", "Quench and temper", ByLang(&["temple"], &["hardening"])),
    cap("carburizing", HT, "Carburizado", "Carburizing", Plain(&["cementado"])),
    cap("nitriding", HT, "Nitrurado", "Nitriding", NO),
    cap("induction-hardening", HT, "Temple por inducción", "Induction hardening", NO),
    cap("robotic-welding", AS, "Soldadura robotizada", "Robotic welding", Plain(&["MIG", "MAG", "soldadura robótica"])),
    cap("spot-welding", AS, "Soldadura por puntos", "Spot welding", NO),
    cap("laser-welding", AS, "Soldadura láser", "Laser welding", NO),
    cap("mechanical-assembly", AS, "Ensamble mecánico", "Mechanical assembly", ByLang(&["subensambles"], &["sub-assemblies"])),
    cap("vehicle-assembly", AS, "Ensamble de vehículos", "Vehicle assembly", NO),
    cap("robot-integration", AU, "Integración de robots", "Robot integration",
        ByLang(&["robótica", "integrador"], &["robotics", "system integrator"])),
    cap("plc-programming", AU, "Programación de PLC", "PLC programming", Plain(&["PLC", "controles", "HMI"])),
    cap("machine-vision", AU, "Visión artificial", "Machine vision", NO),
    cap("special-machines", AU, "Máquinas especiales", "Special-purpose machines", Plain(&["SPM"])),
    cap("industrial-iot", AU, "IoT industrial", "Industrial IoT", Plain(&["MES", "Industria 4.0", "Industry 4.0"])),
    cap("freight-trucking", LO, "Autotransporte de carga", "Freight trucking", ByLang(&["fletes", "transporte"], &["trucking", "freight"])),
    cap("customs-brokerage", LO, "Agencia aduanal", "Customs brokerage",
        ByLang(&["agente aduanal", "pedimentos", "IMMEX"], &["customs broker", "IMMEX"])),
    cap("warehousing", LO, "Almacenaje", "Warehousing", Plain(&["3PL", "bodega"])),
    cap("cross-border", LO, "Cruce fronterizo", "Cross-border shuttle", Plain(&["transfer", "cruces", "El Paso"])),
    cap("jit-sequencing", LO, "Secuenciado JIT", "JIT sequencing", NO),
    cap("returnable-packaging", LO, "Empaque retornable", "Returnable packaging", Plain(&["racks", "contenedores", "dunnage"])),
    cap("metrology", TL, "Metrología", "Metrology", Plain(&["CMM", "medición", "escáner 3D"])),
    cap("calibration", TL, "Calibración", "Calibration", NO),
    cap("materials-testing", TL, "Ensayos de materiales", "Materials testing", NO),
    cap("environmental-testing", TL, "Pruebas ambientales", "Environmental testing",
        ByLang(&["cámara salina", "niebla salina"], &["salt spray"])),
    cap("ndt", TL, "Ensayos no destructivos", "Non-destructive testing", Plain(&["NDT", "END", "rayos X"])),
    cap("emc-testing", TL, "Pruebas de EMC", "EMC testing", NO),
    cap("product-engineering", EN, "Ingeniería de producto", "Product engineering", Plain(&["CAD", "CAE", "diseño"])),
    cap("technical-training", EN, "Capacitación técnica", "Technical training",
        ByLang(&["cursos", "formación dual"], &["courses", "apprenticeships"])),
    cap("technical-staffing", EN, "Reclutamiento técnico", "Technical staffing", NO),
    cap("industrial-maintenance", EN, "Mantenimiento industrial", "Industrial maintenance", NO),
    cap("sorting-rework", EN, "Inspección y retrabajo", "Sorting and rework", ByLang(&["contención", "selección"], &["containment", "sorting"])),
];

/// Certifications: id, Spanish label, English label (equal labels are written as one plain string).
pub const CERTS: &[(&str, &str, &str)] = &[
    ("iatf-16949", "IATF 16949", "IATF 16949"),
    ("iso-9001", "ISO 9001", "ISO 9001"),
    ("iso-14001", "ISO 14001", "ISO 14001"),
    ("iso-45001", "ISO 45001", "ISO 45001"),
    ("iso-iec-17025", "ISO/IEC 17025", "ISO/IEC 17025"),
    ("iso-50001", "ISO 50001", "ISO 50001"),
    ("vda-6-3", "VDA 6.3", "VDA 6.3"),
    ("cqi-9", "CQI-9 (tratamiento térmico)", "CQI-9 (heat treat)"),
    ("cqi-11", "CQI-11 (galvanoplastia)", "CQI-11 (plating)"),
    ("cqi-12", "CQI-12 (recubrimientos)", "CQI-12 (coating)"),
    ("oea", "Operador Económico Autorizado (OEA)", "Authorized Economic Operator (AEO)"),
    ("industria-limpia", "Industria Limpia", "Clean Industry"),
];
pub const IATF: usize = 0;
pub const ISO9001: usize = 1;
pub const ISO14001: usize = 2;
pub const ISO45001: usize = 3;
pub const ISO17025: usize = 4;
pub const ISO50001: usize = 5;
pub const VDA63: usize = 6;
pub const CQI9: usize = 7;
pub const CQI11: usize = 8;
pub const CQI12: usize = 9;
pub const OEA: usize = 10;
pub const LIMPIA: usize = 11;

/// Fictional certification bodies.
pub const CERT_BODIES: &[&str] =
    &["Certificadora Norteña", "QualiCert México", "Auditores del Bravo", "Global Audit Services (ejemplo)", "Norma y Calidad"];

/// An event of the cluster's calendar.
pub struct EventDef {
    pub id: &'static str,
    pub es: &'static str,
    pub en: &'static str,
    pub kind: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub city: &'static str,
    pub venue: Option<(&'static str, &'static str)>,
}

/// The cluster's calendar, 2026–2027.
pub const EVENTS: &[EventDef] = &[
    EventDef { id: "expo-proveedores-2026", kind: "fair", start: "2026-03-18", end: "2026-03-20", city: "Chihuahua",
        es: "Expo Proveedores Automotrices Chihuahua 2026",
        en: "Chihuahua Automotive Suppliers Expo 2026",
        venue: Some(("Centro de exposiciones, salones A y B", "Exhibition centre, halls A and B")) },
    EventDef { id: "encuentro-tier1-tier2-2026", kind: "meeting", start: "2026-05-14", end: "2026-05-14", city: "Ciudad Juárez",
        es: "Encuentro de negocios Tier 1 – Tier 2",
        en: "Tier 1 – Tier 2 business meeting",
        venue: None },
    EventDef { id: "foro-electromovilidad-2026", kind: "conference", start: "2026-06-24", end: "2026-06-25", city: "Chihuahua",
        es: "Foro de Electromovilidad del Norte 2026",
        en: "Northern Electromobility Forum 2026",
        venue: Some(("Auditorio del parque tecnológico", "Technology park auditorium")) },
    EventDef { id: "visita-ensambladora-2026", kind: "visit", start: "2026-08-20", end: "2026-08-20", city: "Chihuahua",
        es: "Visita a planta ensambladora",
        en: "Assembly plant visit",
        venue: None },
    EventDef { id: "expo-manufactura-juarez-2026", kind: "fair", start: "2026-10-07", end: "2026-10-09", city: "Ciudad Juárez",
        es: "Expo Manufactura Juárez 2026",
        en: "Juárez Manufacturing Expo 2026",
        venue: Some(("Centro de convenciones", "Convention centre")) },
    EventDef { id: "reunion-socios-2026-11", kind: "meeting", start: "2026-11-26", end: "2026-11-26", city: "Chihuahua",
        es: "Reunión mensual de socios — noviembre 2026",
        en: "Monthly members' meeting — November 2026",
        venue: Some(("Sala de juntas del clúster", "Cluster boardroom")) },
    EventDef { id: "congreso-manufactura-2027", kind: "conference", start: "2027-02-17", end: "2027-02-18", city: "Monterrey",
        es: "Congreso de Manufactura Avanzada 2027",
        en: "Advanced Manufacturing Congress 2027",
        venue: None },
    EventDef { id: "feria-talento-2027", kind: "fair", start: "2027-04-21", end: "2027-04-22", city: "Delicias",
        es: "Feria de Talento Técnico 2027",
        en: "Technical Talent Fair 2027",
        venue: None },
    EventDef { id: "mision-el-paso-2027", kind: "visit", start: "2027-05-12", end: "2027-05-13", city: "El Paso",
        es: "Misión comercial a El Paso",
        en: "Trade mission to El Paso",
        venue: None },
];

/// A place members are in: name, state, country, centre in 1e-4 degrees, phone prefix for
/// fictional numbers (the last two digits are added), and how common it is.
pub struct City {
    pub name: &'static str,
    pub state: &'static str,
    pub country: &'static str,
    pub lat: i64,
    pub lon: i64,
    pub phone: &'static str,
    pub weight: u32,
}

pub const CITIES: &[City] = &[
    City { name: "Chihuahua", state: "Chihuahua", country: "MX", lat: 286_353, lon: -1_060_889, phone: "+52 614 555 01", weight: 36 },
    City { name: "Ciudad Juárez", state: "Chihuahua", country: "MX", lat: 316_904, lon: -1_064_245, phone: "+52 656 555 01", weight: 34 },
    City { name: "Delicias", state: "Chihuahua", country: "MX", lat: 281_906, lon: -1_054_711, phone: "+52 639 555 01", weight: 8 },
    City { name: "Cuauhtémoc", state: "Chihuahua", country: "MX", lat: 284_058, lon: -1_068_667, phone: "+52 625 555 01", weight: 6 },
    City { name: "Hidalgo del Parral", state: "Chihuahua", country: "MX", lat: 269_318, lon: -1_056_664, phone: "+52 627 555 01", weight: 4 },
    City { name: "Nuevo Casas Grandes", state: "Chihuahua", country: "MX", lat: 304_167, lon: -1_079_167, phone: "+52 636 555 01", weight: 2 },
    City { name: "Monterrey", state: "Nuevo León", country: "MX", lat: 256_866, lon: -1_003_161, phone: "+52 81 5555 01", weight: 3 },
    City { name: "Saltillo", state: "Coahuila", country: "MX", lat: 254_232, lon: -1_009_924, phone: "+52 844 555 01", weight: 2 },
    City { name: "Querétaro", state: "Querétaro", country: "MX", lat: 205_888, lon: -1_003_899, phone: "+52 442 555 01", weight: 2 },
    City { name: "El Paso", state: "Texas", country: "US", lat: 317_619, lon: -1_064_850, phone: "+1 915 555 01", weight: 3 },
];

/// Member kinds with their share in a typical cluster, per thousand: few OEMs, many tier 2/3.
pub const KINDS: &[(&str, u32)] =
    &[("oem", 8), ("tier1", 110), ("tier2", 340), ("tier3", 300), ("service", 170), ("institution", 72)];
pub const OEM: usize = 0;
pub const TIER1: usize = 1;
pub const TIER2: usize = 2;
pub const TIER3: usize = 3;
pub const SERVICE: usize = 4;
pub const INSTITUTION: usize = 5;

/// The groups each kind's main line of business comes from, by kind index; repeats weigh more.
pub const KIND_GROUPS: [&[usize]; 6] = [
    &[AS],
    &[WH, EL, PL, MF, CA, AS, WH, EL],
    &[MF, MC, PL, CA, WH, EL, TO, ST, HT, AS, MF, MC, PL],
    &[MC, TO, ST, HT, MF, PL, MC, TO],
    &[LO, TL, EN, AU, LO, EN],
    &[EN, TL],
];

/// Place names that qualify Spanish trade names ("Troqueles del Bravo").
pub const QUALIFIERS: &[&str] = &[
    "del Norte", "de Chihuahua", "de la Sierra", "del Desierto", "Conchos", "Paquimé", "del Bravo", "Cumbres",
    "Samalayuca", "Candelaria", "Mesa Alta", "Río Florido", "San Buenaventura", "Santa Eulalia", "Majalca",
    "Aldama", "Meoqui", "Rosales", "Bocoyna", "Sacramento", "Chuvíscar", "Nombre de Dios", "Satevó", "Julimes",
];

/// First syllables of brand names.
pub const BRAND_HEADS: &[&str] =
    &["Nor", "Met", "Aur", "Vel", "Tec", "Dyn", "Kor", "Sil", "Ax", "Pro", "Ind", "Cal", "Ter", "Mag", "Ori", "Vor", "Lum", "Sie"];
/// Optional middle syllables of brand names, for more distinct names in large files.
pub const BRAND_LINKS: &[&str] = &["", "a", "o", "i", "e", "ar", "en"];
/// Last syllables of brand names.
pub const BRAND_TAILS: &[&str] =
    &["tek", "ix", "ova", "tron", "max", "lab", "metric", "forma", "plast", "line", "dur", "cast", "flex"];

/// Fictional vehicle makers; each plant is a member.
pub const OEM_BRANDS: &[&str] =
    &["Ensambladora Nórdica", "Motores del Bravo", "Vehículos Pacífico", "Cumbre Trucks", "Northgate Mobility", "Orion Electric Vehicles"];

/// Schools, labs and training centres, qualified by a place.
pub const INSTITUTION_NAMES: &[&str] = &[
    "Centro de Innovación Automotriz", "Instituto Técnico Industrial", "Centro de Capacitación en Manufactura",
    "Laboratorio Universitario de Materiales", "Escuela de Mecatrónica", "Centro de Investigación en Electromovilidad",
    "Instituto de Diseño Industrial", "Centro de Metrología Aplicada", "Escuela de Soldadura", "Colegio de Técnicos en Electrónica",
];

/// Customers members name: fictional OEMs and tier 1s.
pub const CUSTOMERS: &[&str] = &[
    "Ensambladora Nórdica", "Motores del Bravo", "Vehículos Pacífico", "Northgate Mobility", "Kessler Powertrain",
    "Orion Electric Vehicles", "Helix Seating Systems", "Cumbre Trucks", "Arcadia Interiors", "Voltaris Harness Systems",
    "Saguaro Axles", "Brightline Lighting", "Sierra Brake Systems", "Meridian Thermal",
];

/// Surnames common in Chihuahua, for contacts and family-firm names.
pub const SURNAMES: &[&str] = &[
    "Ramírez", "Ochoa", "Terrazas", "Chávez", "Domínguez", "Holguín", "Baeza", "Loya", "Villalobos", "Armendáriz",
    "Quintana", "Carrasco", "Ornelas", "Porras", "Sáenz", "Gutiérrez", "Medina", "Almeida", "Muñoz", "Franco",
    "Prieto", "Olivas", "Rascón", "Trevizo", "Venegas", "Zubiate", "Anchondo", "Molinar", "Estrada", "Hernández",
];

/// First names of contacts.
pub const FIRST_NAMES: &[&str] = &[
    "Ana", "Luis", "María", "José", "Carmen", "Jorge", "Lucía", "Fernando", "Sofía", "Ricardo", "Gabriela", "Miguel",
    "Paola", "Alejandro", "Verónica", "Héctor", "Daniela", "Óscar", "Claudia", "Raúl", "Mariana", "Sergio",
    "Patricia", "Iván", "Elena", "Arturo", "Diana", "Rubén", "Karla", "Tomás", "Jennifer", "Michael", "Hiroshi",
    "Sarah", "Kevin", "Yuki",
];

/// Contact roles, Spanish and English; equal ones are written as one plain string.
pub const ROLES: &[(&str, &str)] = &[
    ("Gerente de compras", "Purchasing manager"),
    ("Gerente de ventas", "Sales manager"),
    ("Dirección general", "General management"),
    ("Gerente de planta", "Plant manager"),
    ("Responsable de calidad", "Quality lead"),
    ("Desarrollo de proveedores", "Supplier development"),
    ("Gerente de ingeniería", "Engineering manager"),
    ("Key account manager", "Key account manager"),
    ("Atención a clientes", "Customer service"),
    ("Vinculación con la industria", "Industry liaison"),
];

/// Mexican company forms for legal names.
pub const LEGAL_FORMS: &[&str] = &["S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V."];

/// Fictional industrial parks, for certificate sites.
pub const INDUSTRIAL_PARKS: &[(&str, &str)] = &[
    ("Parque Industrial Norte", "North Industrial Park"),
    ("Parque Industrial Aeropuerto", "Airport Industrial Park"),
    ("Complejo Industrial Sur", "South Industrial Complex"),
    ("Parque Tecnológico Oriente", "East Technology Park"),
];

/// Language lists members do business in, with weights.
pub const LANGUAGE_SETS: &[(&[&str], u32)] = &[
    (&["es"], 30),
    (&["es", "en"], 55),
    (&["es", "en", "de"], 5),
    (&["en", "es"], 5),
    (&["es", "en", "ja"], 3),
    (&["es", "en", "ko"], 2),
];

// ---- sentences: (Spanish, English), some split around slots --------------------------------

/// Pitch openers, split around two capability labels: pre, cap1, mid, cap2, post.
pub const OPENERS: &[[(&str, &str); 3]] = &[
    [("Ofrecemos ", "We offer "), (" y ", " and "), (" para OEM y Tier 1 del norte de México.", " for OEMs and Tier 1s in northern Mexico.")],
    [("Especialistas en ", "Specialists in "), (" y ", " and "), (", de prototipos a producción en serie.", ", from prototypes to high-volume runs.")],
    [("Planta de ", "A "), (" y ", " and "), (" a minutos de los principales parques industriales.", " plant minutes from the main industrial parks.")],
    [("Resolvemos sus necesidades de ", "We cover your "), (" y ", " and "), (" con ingeniería local.", " needs with local engineering.")],
    [("Proveedor de ", "Automotive-grade supplier of "), (" y ", " and "), (" con calidad automotriz.", ".")],
    [("Desde ", "From "), (" hasta ", " to "), (": un solo proveedor para su cadena de suministro.", ": one supplier for your whole supply chain.")],
];

/// What problem the member solves for its customers.
pub const PROBLEMS_SOLVED: &[(&str, &str)] = &[
    ("Reducimos el tiempo de lanzamiento de nuevos números de parte.", "We shorten launch times for new part numbers."),
    ("Sustituimos importaciones de Asia con entregas locales en 24 horas.", "We replace parts imported from Asia with 24-hour local deliveries."),
    ("Evitamos paros de línea con inventario en consignación y entregas JIT.", "We prevent line stoppages with consignment stock and JIT deliveries."),
    ("Atendemos cambios de ingeniería en menos de una semana.", "We turn engineering changes around in less than a week."),
    ("Ayudamos a cumplir las reglas de origen del T-MEC con contenido regional.", "We help meet USMCA rules of origin with regional content."),
    ("Bajamos el costo por pieza sin sacrificar el PPM.", "We lower cost per part without hurting PPM."),
    ("Liberamos capacidad de sus plantas con manufactura por contrato.", "We free up your plants' capacity with contract manufacturing."),
    ("Apoyamos la localización de proveedores para programas nuevos.", "We support supplier localization for new programmes."),
];

/// What sets the member apart; a `#` is replaced by a number.
pub const DIFFERENTIATORS: &[(&str, &str)] = &[
    ("PPAP nivel 3 y capacidad instalada disponible.", "PPAP level 3 and spare installed capacity."),
    ("Equipo de ingeniería bilingüe en sitio.", "Bilingual engineering team on site."),
    ("# PPM en los últimos 12 meses.", "# PPM over the last 12 months."),
    ("Tres turnos, seis días a la semana.", "Three shifts, six days a week."),
    ("Laboratorio de metrología propio con CMM.", "In-house metrology lab with CMM."),
    ("Cruce fronterizo diario a El Paso.", "Daily border crossings to El Paso."),
    ("Trazabilidad completa por lote y por pieza.", "Full lot and part traceability."),
    ("Cotizaciones en # horas.", "Quotes within # hours."),
];

/// Second paragraph of descriptions; a `#` is replaced by a number.
pub const DESCRIPTION_SENTENCES: &[(&str, &str)] = &[
    ("Nuestro equipo incluye # centros de trabajo, celdas robotizadas y un laboratorio de calidad.",
     "Our equipment includes # work centres, robotic cells and a quality lab."),
    ("Exportamos el # % de nuestra producción a Estados Unidos y Canadá.", "We export #% of our output to the United States and Canada."),
    ("Trabajamos en programas de vehículos ligeros, pesados y eléctricos.", "We work on light-vehicle, heavy-truck and EV programmes."),
    ("Operamos bajo el programa IMMEX.", "We operate under the IMMEX programme."),
    ("Invertimos cada año en capacitación dual con escuelas técnicas de la región.", "Every year we invest in dual training with the region's technical schools."),
    ("Nuestra planta opera con # % de energía renovable.", "Our plant runs on #% renewable energy."),
    ("Atendemos auditorías de cliente con un día de aviso.", "We host customer audits at a day's notice."),
];

/// Success case titles, split around a capability label and a customer: pre, cap, mid, customer.
pub const CASE_TITLES: &[[(&str, &str); 2]] = &[
    [("Localización de ", "Localized "), (" para ", " for ")],
    [("Arranque de ", "Launch of "), (" en 12 semanas para ", " in 12 weeks for ")],
    [("Reducción de PPM en ", "PPM reduction in "), (" para ", " for ")],
];

/// Success case summaries; the first `#` gets a number up to the first bound, the second one
/// from 2 up to the second bound.
pub const CASE_SUMMARIES: &[(&str, &str, u32, u32)] = &[
    ("Sustituimos un proveedor de importación y bajamos el tiempo de entrega de # a # semanas.",
     "Replaced an imported supplier and cut lead time from # to # weeks.", 14, 4),
    ("Bajamos los rechazos de # a # PPM en seis meses.", "Cut rejects from # to # PPM in six months.", 900, 60),
    ("Aumentamos la capacidad # % con # celdas automatizadas nuevas.", "Raised capacity by #% with # new automated cells.", 60, 3),
];
