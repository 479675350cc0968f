//! The follow-up list through its public API only, as the app will drive it (issue 4).

use vitrina_core::follow_up::export::backup::import_list;
use vitrina_core::follow_up::nudge::last_backup_label;
use vitrina_core::follow_up::share::{
    handoff_fragments, parse_shortlist, shortlist_fragment, HandoffAssembler, PartAdded, DEFAULT_QR_CHUNK,
};
use vitrina_core::follow_up::store::Fault;
use vitrina_core::follow_up::{
    backup_nudge, export, follow_up_links, import_backup, Channel, ExportFormat, Filter, FollowUpList, FollowUpStore,
    LoadOutcome, MemoryStore, MetAt, PersonDetails, SaveOutcome, Scope, Status, StoreError, DAY_MS,
};
use vitrina_core::valid::IsoDate;
use vitrina_core::{load_directory, Lang};

const DIRECTORY_URL: &str = "https://cluster.example.org/data/directory.json";
const T0: i64 = 1_795_000_000_000;

fn directory() -> vitrina_core::Directory {
    let json = r#"{
      "format": 1,
      "cluster": { "name": "Clúster de Ejemplo", "languages": ["es", "en"] },
      "events": [ { "id": "paace-2026", "name": "INA PAACE 2026", "kind": "fair", "start": "2026-07-08" } ],
      "members": [
        { "id": "aceros-del-norte", "name": "Aceros del Norte",
          "contacts": [ { "id": "ana-lopez", "name": "Ana López", "role": { "es": "Compras", "en": "Purchasing" },
                          "email": "ana@aceros.example.com", "phone": "+52 614 555 0101" } ] },
        { "id": "forja-bajio", "name": "Forja Bajío" }
      ]
    }"#;
    load_directory(json.as_bytes()).expect("the fixture loads").directory
}

#[test]
fn a_visitor_saves_edits_reloads_exports_and_hands_over() {
    let dir = directory();
    let today = IsoDate::parse("2026-11-18").unwrap();
    let mut storage = MemoryStore::new();

    // First visit: nothing stored.
    let mut store = FollowUpStore::for_directory(DIRECTORY_URL);
    assert_eq!(store.load(&mut storage, T0), LoadOutcome::Empty);
    let mut list = FollowUpList::new();

    // Bookmark a decision maker, add a note, a date and where we met.
    let ana = list.add_contact(&dir, "aceros-del-norte", "ana-lopez", T0).unwrap().id;
    assert!(list.is_saved("aceros-del-norte", Some("ana-lopez")));
    list.set_note(&ana, "Cotizar troquel, 2 piezas", T0 + 1).unwrap();
    list.set_next_date(&ana, IsoDate::parse("2026-11-17"), T0 + 2).unwrap();
    list.set_met_at(&ana, MetAt::event(&dir, "paace-2026", Lang::Es), T0 + 3).unwrap();
    // Someone from a business card.
    let card = PersonDetails { name: "Luis Pérez".into(), company: "Moldes, S.A.".into(), ..PersonDetails::default() };
    list.add_person(&card, T0 + 4).unwrap();
    assert!(matches!(store.save(&mut storage, &mut list, T0 + 5), SaveOutcome::Saved { .. }));

    // Reload: everything is there.
    let mut reloaded_store = FollowUpStore::for_directory(DIRECTORY_URL);
    let reloaded = reloaded_store.load(&mut storage, T0 + 6).into_list();
    assert_eq!(reloaded, list);
    assert_eq!(reloaded.overdue_count(today), 1);
    assert_eq!(reloaded.view(today, &Filter::default())[0].id, ana);

    // Follow up by WhatsApp-less e-mail and record it.
    let links = follow_up_links(list.get(&ana).unwrap(), Lang::Es);
    assert!(links.email.unwrap().starts_with("mailto:ana@aceros.example.com?subject="));
    list.record_contact(&ana, Channel::Email, T0 + 7).unwrap();
    assert_eq!(list.get(&ana).unwrap().status, Status::Contacted);

    // Every export is generated.
    for format in ExportFormat::ALL {
        let file = export(&list, format, Scope::All, Lang::Es, today, T0 + 8);
        assert!(!file.content.is_empty(), "{format:?}");
        assert!(file.file_name.ends_with(format.extension()));
    }
    let only_ana = [ana.clone()];
    let vcf = export(&list, ExportFormat::VCard, Scope::Only(&only_ana), Lang::En, today, T0 + 8);
    assert_eq!(vcf.content.matches("BEGIN:VCARD").count(), 1);

    // A backup restores into an empty browser.
    let backup = export(&list, ExportFormat::Backup, Scope::All, Lang::Es, today, T0 + 9);
    list.mark_backed_up(T0 + 9);
    let mut fresh = FollowUpList::new();
    let summary = import_backup(&mut fresh, backup.content.as_bytes(), T0 + 10).unwrap();
    assert_eq!(summary.added, 2);
    assert_eq!(fresh.entries(), list.entries());

    // Hand the list over with QR-sized parts, scanned in reverse order.
    let parts = handoff_fragments(&list, DEFAULT_QR_CHUNK - "https://cluster.example.org/".len()).unwrap();
    let mut assembler = HandoffAssembler::new();
    for part in parts.iter().rev() {
        assert_eq!(assembler.add(part), Ok(PartAdded::New));
    }
    let received = assembler.finish(T0 + 11).unwrap();
    let mut colleague = FollowUpList::new();
    import_list(&mut colleague, &received, 0, T0 + 12);
    assert_eq!(colleague.get(&ana).unwrap().note, "Cotizar troquel, 2 piezas");

    // Share a shortlist without notes.
    let all: Vec<_> = list.entries().iter().collect();
    let shortlist = parse_shortlist(&shortlist_fragment(&all, false)).unwrap();
    assert_eq!(shortlist.items.len(), 1);

    // The backup nudge stays quiet right after a backup, and the label says so.
    assert_eq!(backup_nudge(&list, T0 + 9), None);
    let days = vitrina_core::follow_up::nudge::days_since_backup(&list, T0 + 9 + 3 * DAY_MS);
    assert_eq!(last_backup_label(days, Lang::En), "Last backup: 3 days ago");
}

#[test]
fn private_mode_keeps_the_list_in_memory_and_says_so() {
    let mut storage = MemoryStore::new();
    storage.set_fault(Some(Fault::Unavailable));
    let mut store = FollowUpStore::for_directory(DIRECTORY_URL);
    let outcome = store.load(&mut storage, T0);
    assert!(outcome.message(Lang::En).is_some());
    let mut list = outcome.into_list();
    list.add_member(&directory(), "forja-bajio", T0).unwrap();
    assert_eq!(store.save(&mut storage, &mut list, T0 + 1), SaveOutcome::Failed { error: StoreError::Unavailable });
    assert_eq!(list.len(), 1);
}
