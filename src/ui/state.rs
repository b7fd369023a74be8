//! The app-wide state: language, the loaded records, this office, the route,
//! and the open store. Components reach it through context.

use crate::platform::{self, Persistence, WebIds};
use crate::store::IdbStore;
use leptos::prelude::*;
use std::rc::Rc;
use xuncha_core::i18n::{Lang, T};
use xuncha_core::office::Office;
use xuncha_core::ops::{self, Ctx, OpError, Snapshot};
use xuncha_core::route::Route;
use xuncha_core::schema::keys;
use xuncha_core::store::Store;

static IDS: WebIds = WebIds;

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Opening,
    /// What went wrong, in catalogue terms, and the technical detail.
    Failed(T, String),
    NeedsOffice,
    Ready,
}

/// A short message at the top of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
    /// Which message this is: a timer clears only its own, never a later one with the
    /// same words (a second "已保存" within three seconds of the first stays its full time).
    pub serial: u64,
}

static FLASH_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

#[derive(Clone, Copy, Debug)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub phase: RwSignal<Phase>,
    pub data: RwSignal<Snapshot>,
    pub office: RwSignal<Option<Office>>,
    pub route: RwSignal<Route>,
    pub flash: RwSignal<Option<Flash>>,
    pub persistence: RwSignal<Persistence>,
    /// Set when another tab upgraded the database and this one let go of it.
    pub disconnected: RwSignal<bool>,
    /// A write failed so that the stored data can no longer be trusted: `Some(true)`
    /// when the database can no longer be read at all. The exchange page then
    /// offers to save what the page holds.
    pub storage_trouble: RwSignal<Option<bool>>,
    pub last_backup: RwSignal<Option<xuncha_core::meta::Timestamp>>,
    pub reminder_days: RwSignal<u32>,
    /// The ledger filters, kept while the user moves between ledgers and pages.
    pub ledger_filter: FilterState,
    /// The talent pool's filters, kept while the user moves between pages.
    pub people_filter: super::register::people::PeopleFilter,
    /// The outcomes' filters, likewise.
    pub outcome_filter: super::ledger::outcome::OutcomesFilter,
    pub ecology_filter: super::register::ecology::EcologyFilter,
    /// What the statistics page counts, kept while the user follows its figures.
    pub stats_choice: super::stats::StatsChoice,
    /// Each term's coverage goal, where the office set one (`stats::coverage`).
    pub coverage_goals: RwSignal<std::collections::HashMap<xuncha_core::Id, xuncha_core::stats::coverage::Goal>>,
    /// The ledger columns hidden on this PC, kept across visits.
    pub columns: RwSignal<xuncha_core::ledger::columns::ColumnChoice>,
    /// The ledger rows' version, joined from `data` when read (see `provide`) and then
    /// shared by every tab, so switching tabs does not join 100,000 records again.
    pub ledger: Memo<u64>,
    /// The rows `ledger` keeps, read through `with_ledger`.
    ledger_rows: StoredValue<Ledger>,
    /// What changed in `data` since the ledger was last joined.
    ledger_changes: StoredValue<LedgerChanges>,
    /// The running kiosk session, if any: while set, the page is one anonymous form.
    pub kiosk: RwSignal<Option<xuncha_core::kiosk::KioskSession>>,
    /// The first page's figures as the store counted them at boot, shown until
    /// the long lists are read.
    pub first_counts: RwSignal<ops::FirstCounts>,
    /// Records of the long lists (`ops::DEFERRED`) read so far, and how many there
    /// are; `None` once they are all in `data`.
    pub loading: RwSignal<Option<(usize, usize)>>,
    /// `loading` is `None`: changes twice, not at every step.
    pub lists_ready: Memo<bool>,
    store: StoredValue<Option<Rc<IdbStore>>, LocalStorage>,
}

/// One signal per ledger filter control; `value` reads them as the core's filter.
#[derive(Clone, Copy, Debug, Default)]
pub struct FilterState {
    pub term: RwSignal<Option<xuncha_core::Id>>,
    pub round: RwSignal<Option<xuncha_core::Id>>,
    pub group: RwSignal<Option<xuncha_core::Id>>,
    pub target: RwSignal<Option<xuncha_core::Id>>,
    pub township: RwSignal<Option<xuncha_core::Id>>,
    pub focus: RwSignal<Option<xuncha_core::problem::Focus>>,
    pub status: RwSignal<Option<xuncha_core::rectification::RectStatus>>,
    pub overdue_only: RwSignal<bool>,
    pub from: RwSignal<String>,
    pub to: RwSignal<String>,
    pub text: RwSignal<String>,
    /// Set from a figure of the statistics: its year or range, kind of target and part.
    pub rounds_starting: RwSignal<Option<(xuncha_core::date::Day, xuncha_core::date::Day)>>,
    pub target_kind: RwSignal<Option<xuncha_core::target::TargetKind>>,
    pub subset: RwSignal<Option<xuncha_core::ledger::Subset>>,
    pub county_only: RwSignal<bool>,
}

impl FilterState {
    /// The filter now (tracks every control). A date not yet fully typed is ignored.
    pub fn value(&self) -> xuncha_core::ledger::LedgerFilter {
        xuncha_core::ledger::LedgerFilter {
            term: self.term.get(),
            round: self.round.get(),
            group: self.group.get(),
            target: self.target.get(),
            township: self.township.get(),
            focus: self.focus.get(),
            status: self.status.get(),
            overdue_only: self.overdue_only.get(),
            from: self.from.get().parse().ok(),
            to: self.to.get().parse().ok(),
            text: self.text.get(),
            rounds_starting: self.rounds_starting.get(),
            target_kind: self.target_kind.get(),
            subset: self.subset.get(),
            county_only: self.county_only.get(),
        }
    }

    /// Every control set to `f`, as a figure of the statistics opens its ledger.
    pub fn set(&self, f: &xuncha_core::ledger::LedgerFilter) {
        self.term.set(f.term);
        self.round.set(f.round);
        self.group.set(f.group);
        self.target.set(f.target);
        self.township.set(f.township);
        self.focus.set(f.focus);
        self.status.set(f.status);
        self.overdue_only.set(f.overdue_only);
        self.from.set(f.from.map(|d| d.to_string()).unwrap_or_default());
        self.to.set(f.to.map(|d| d.to_string()).unwrap_or_default());
        self.text.set(f.text.clone());
        self.rounds_starting.set(f.rounds_starting);
        self.target_kind.set(f.target_kind);
        self.subset.set(f.subset.clone());
        self.county_only.set(f.county_only);
    }

    pub fn clear(&self) {
        for s in [self.term, self.round, self.group, self.target, self.township] {
            s.set(None);
        }
        self.focus.set(None);
        self.status.set(None);
        self.overdue_only.set(false);
        for s in [self.from, self.to, self.text] {
            s.set(String::new());
        }
        self.rounds_starting.set(None);
        self.target_kind.set(None);
        self.subset.set(None);
        self.county_only.set(false);
    }
}

pub fn state() -> AppState {
    expect_context::<AppState>()
}

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Records a write may hold and still be joined into the ledger row by row.
const SAVE_RECORDS: usize = 1_000;

use xuncha_core::ledger::Ledger;

/// What the ledger has not yet taken in: records saved, or everything.
#[derive(Debug, Default)]
struct LedgerChanges {
    rebuild: bool,
    written: Vec<xuncha_core::record::AnyRecord>,
}

impl LedgerChanges {
    fn rebuild(&mut self) {
        self.rebuild = true;
        self.written.clear();
    }
}

impl AppState {
    pub fn provide() -> AppState {
        let lang = platform::saved_lang();
        platform::save_lang(lang);
        let data = RwSignal::new(Snapshot::default());
        let lang_signal = RwSignal::new(lang);
        let loading = RwSignal::new(Some((0, 0)));
        // Joined when first read (a county that never opens a ledger keeps no rows),
        // then again whole when everything is read or the language changes, and
        // only in the rows of what a save wrote otherwise (`AppState::write`). Every
        // run counts as a change: comparing 50,000 rows costs as much as joining them.
        let ledger_changes = StoredValue::new(LedgerChanges { rebuild: true, written: Vec::new() });
        let ledger_rows = StoredValue::new(Ledger::default());
        let ledger = Memo::new_with_compare(
            move |_| {
                let lang = lang_signal.get();
                data.with(|d| {
                    let changes = ledger_changes.try_update_value(std::mem::take).unwrap_or_default();
                    ledger_rows.update_value(|l| match changes.rebuild || l.lang != lang {
                        true => *l = Ledger::build(d, lang),
                        false => l.apply(d, &changes.written, lang),
                    });
                    ledger_rows.with_value(|l| l.version)
                })
            },
            |_, _| true,
        );
        let state = AppState {
            lang: lang_signal,
            phase: RwSignal::new(Phase::Opening),
            data,
            office: RwSignal::new(None),
            route: RwSignal::new(Route::parse(&current_hash())),
            flash: RwSignal::new(None),
            persistence: RwSignal::new(Persistence::Pending),
            disconnected: RwSignal::new(false),
            storage_trouble: RwSignal::new(None),
            last_backup: RwSignal::new(None),
            reminder_days: RwSignal::new(xuncha_core::exchange::export::DEFAULT_REMINDER_DAYS),
            ledger_filter: FilterState::default(),
            people_filter: Default::default(),
            outcome_filter: Default::default(),
            ecology_filter: Default::default(),
            columns: RwSignal::new(crate::platform::saved_columns()),
            coverage_goals: RwSignal::new(std::collections::HashMap::new()),
            stats_choice: super::stats::StatsChoice::new(crate::ui::widgets::today()),
            ledger,
            ledger_rows,
            ledger_changes,
            kiosk: RwSignal::new(None),
            first_counts: RwSignal::new(ops::FirstCounts::default()),
            loading,
            lists_ready: Memo::new(move |_| loading.with(Option::is_none)),
            store: StoredValue::new_local(None),
        };
        let route = state.route;
        if let Some(window) = web_sys::window() {
            let listener = gloo_events::EventListener::new(&window, "hashchange", move |_| {
                route.set(Route::parse(&current_hash()))
            });
            // The listener lives as long as the app.
            listener.forget();
            crate::platform::submit_forms_on_ctrl_enter(&window);
        }
        provide_context(state);
        state
    }

    /// Opens the database, loads the office and the short lists, draws the first
    /// page from counts, then reads the long lists in steps; asks for persistence.
    pub fn boot(self) {
        leptos::task::spawn_local(async move {
            let store = match IdbStore::open(keys::DB_NAME).await {
                Ok(s) => Rc::new(s),
                Err(xuncha_core::store::StoreError::Newer) => {
                    return self.phase.set(Phase::Failed(T::ErrDbNewer, String::new()))
                }
                Err(e) => return self.phase.set(Phase::Failed(T::DbOpenFailed, e.to_string())),
            };
            let disconnected = self.disconnected;
            store.on_version_change(move || disconnected.set(true));
            self.store.set_value(Some(store.clone()));
            let today = super::widgets::today();
            let first = async {
                let office = ops::load_office(store.as_ref()).await?;
                let snapshot = Snapshot::load_first(store.as_ref()).await?;
                let counts = ops::FirstCounts::read(store.as_ref(), today).await?;
                Ok::<_, xuncha_core::store::StoreError>((office, snapshot, counts))
            };
            match first.await {
                Ok((office, snapshot, counts)) => {
                    use xuncha_core::exchange::export::{LAST_BACKUP_KEY, REMINDER_DAYS_KEY};
                    if let Ok(last) = store.setting(LAST_BACKUP_KEY).await {
                        self.last_backup.set(last);
                    }
                    if let Ok(Some(days)) = store.setting(REMINDER_DAYS_KEY).await {
                        self.reminder_days.set(days);
                    }
                    use xuncha_core::stats::coverage::{Goal, COVERAGE_GOALS_KEY};
                    if let Ok(Some(goals)) = store.setting::<Vec<(xuncha_core::Id, Goal)>>(COVERAGE_GOALS_KEY).await {
                        self.coverage_goals.set(goals.into_iter().collect());
                    }
                    if let Ok(Some(session)) = store.setting(xuncha_core::kiosk::KIOSK_KEY).await {
                        self.kiosk.set(session);
                    }
                    self.set_data(snapshot);
                    self.first_counts.set(counts);
                    self.loading.set(Some((0, counts.deferred())));
                    self.phase.set(if office.is_some() { Phase::Ready } else { Phase::NeedsOffice });
                    self.office.set(office);
                    self.read_deferred(&store, counts.deferred()).await;
                }
                Err(e) => self.phase.set(Phase::Failed(e.message(), e.to_string())),
            }
        });
        let persistence = self.persistence;
        leptos::task::spawn_local(async move { persistence.set(platform::request_persistence().await) });
    }

    /// Reads the long lists a page at a time, giving the page back between pages,
    /// and puts them into `data` in one update so the ledgers are joined once.
    async fn read_deferred(self, store: &IdbStore, total: usize) {
        /// Records per step: 40 pages, decoded in some 60 ms at a county's scale;
        /// each step is a transaction and a turn of the page, which smaller steps
        /// spent more time waiting on than decoding.
        const PAGE: usize = 10_000;
        let mut rest = ops::DeferredLoad::default();
        loop {
            match rest.step(store, PAGE).await {
                Ok(true) => break,
                Ok(false) => {
                    self.loading.set(Some((rest.read().min(total), total)));
                    platform::yield_to_page().await;
                }
                Err(e) => return self.phase.set(Phase::Failed(e.message(), e.to_string())),
            }
        }
        self.ledger_changes.update_value(LedgerChanges::rebuild);
        self.data.update(|d| rest.finish(d));
        self.loading.set(None);
    }

    /// A catalogue text in the current language (tracks the language).
    pub fn t(&self, key: T) -> &'static str {
        key.text(self.lang.get())
    }

    pub fn set_lang(&self, lang: Lang) {
        platform::save_lang(lang);
        self.lang.set(lang);
    }

    pub fn go(&self, route: Route) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&route.hash());
        }
        self.route.set(route);
    }

    pub fn store(&self) -> Option<Rc<IdbStore>> {
        self.store.get_value()
    }

    pub fn notify(&self, text: impl Into<String>, error: bool) {
        let flash = self.flash;
        let serial = FLASH_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        flash.set(Some(Flash { text: text.into(), error, serial }));
        // An error stays long enough to be read; a newer message is not cleared early.
        platform::after(if error { 8_000 } else { 3_000 }, move || {
            if flash.get_untracked().is_some_and(|f| f.serial == serial) {
                flash.set(None);
            }
        });
    }

    /// Sets a term's coverage goal and keeps it in the database's settings.
    pub fn save_coverage_goal(&self, term: xuncha_core::Id, goal: xuncha_core::stats::coverage::Goal) {
        self.coverage_goals.update(|g| {
            g.insert(term, goal);
        });
        let goals: Vec<_> = self.coverage_goals.with_untracked(|g| g.iter().map(|(k, v)| (*k, *v)).collect());
        let Some(store) = self.store() else { return };
        let st = *self;
        leptos::task::spawn_local(async move {
            use xuncha_core::store::Store;
            match store.put_setting(xuncha_core::stats::coverage::COVERAGE_GOALS_KEY, &goals).await {
                Ok(()) => st.notify(st.t(T::Saved), false),
                Err(e) => st.notify(e.message().text(st.lang.get_untracked()), true),
            }
        });
    }

    pub async fn reload(&self) {
        let Some(store) = self.store() else { return };
        // Everything is read again, so the record of recent writes is not needed.
        store.take_written();
        match Snapshot::load(store.as_ref()).await {
            Ok(s) => self.set_data(s),
            Err(e) => self.notify(e.message().text(self.lang.get_untracked()), true),
        }
    }

    /// The one way a write reaches the store: runs `op` with this office's
    /// context (office, clock, ids) and, when it succeeds, puts the records it
    /// committed into `data`, so no store is read again after a save. `None`
    /// while the database is not open.
    pub async fn write<R, E>(
        self,
        op: impl AsyncFnOnce(&IdbStore, &Ctx<'static>) -> Result<R, E>,
    ) -> Option<Result<R, E>> {
        let store = self.store()?;
        let ctx = self.begin_write(&store);
        let result = op(&store, &ctx).await;
        if result.is_ok() {
            self.take_in(&store);
        }
        Some(result)
    }

    // The parts of every write that do not depend on its operation, made once
    // rather than in each of the many forms' copies of `write` and `act`.
    #[inline(never)]
    fn begin_write(self, store: &IdbStore) -> Ctx<'static> {
        let office = self.office.get_untracked().map(|o| o.id).unwrap_or(xuncha_core::Id::nil());
        // Whatever an earlier failed write left behind is not part of this one.
        store.take_written();
        Ctx { office, now: platform::now(), ids: &IDS }
    }

    #[inline(never)]
    fn take_in(self, store: &IdbStore) {
        let written = store.take_written();
        // A save's few records are joined into the ledger alone; an import's many
        // are not worth keeping twice, so the ledger is joined again.
        self.ledger_changes.update_value(|c| match written.len() <= SAVE_RECORDS && !c.rebuild {
            true => c.written.extend(written.iter().cloned()),
            false => c.rebuild(),
        });
        self.data.update(|d| d.apply(written));
    }

    /// Puts everything read into `data`; the ledger rows are joined again.
    fn set_data(&self, snapshot: Snapshot) {
        self.ledger_changes.update_value(LedgerChanges::rebuild);
        self.data.set(snapshot);
    }

    /// Runs `f` with the ledger rows, joined as needed (tracked).
    pub fn with_ledger<R>(&self, f: impl FnOnce(&Ledger) -> R) -> R {
        self.ledger.track();
        self.with_ledger_untracked(f)
    }

    /// `with_ledger`, untracked.
    pub fn with_ledger_untracked<R>(&self, f: impl FnOnce(&Ledger) -> R) -> R {
        // Reading the memo joins the rows when the data changed since.
        self.ledger.get_untracked();
        self.ledger_rows.with_value(f)
    }

    /// A form's save: runs `op` through `write`. On success `done` gets the op's
    /// result and "已保存" shows; on failure the error goes to `errors` (and to the
    /// message line unless it names fields) and the form keeps its input.
    pub fn act<R: 'static>(
        self,
        errors: RwSignal<Option<OpError>>,
        op: impl AsyncFnOnce(&IdbStore, &Ctx<'static>) -> Result<R, OpError> + 'static,
        done: impl FnOnce(R) + 'static,
    ) {
        self.act_saying(errors, T::Saved, op, done)
    }

    /// `act`, with `said` on success instead of "已保存" (a deletion says "已删除").
    pub fn act_saying<R: 'static>(
        self,
        errors: RwSignal<Option<OpError>>,
        said: T,
        op: impl AsyncFnOnce(&IdbStore, &Ctx<'static>) -> Result<R, OpError> + 'static,
        done: impl FnOnce(R) + 'static,
    ) {
        leptos::task::spawn_local(async move {
            match self.write(op).await {
                Some(Ok(r)) => {
                    errors.set(None);
                    done(r);
                    self.said(said);
                }
                Some(Err(e)) => self.failed(errors, e),
                None => {}
            }
        });
    }

    #[inline(never)]
    fn said(self, said: T) {
        self.notify(said.text(self.lang.get_untracked()), false);
    }

    /// A failed save: the message line, unless the form names the fields itself.
    #[inline(never)]
    fn failed(self, errors: RwSignal<Option<OpError>>, e: OpError) {
        if !matches!(e, OpError::Invalid(_)) {
            self.notify(e.messages(self.lang.get_untracked()).join(" "), true);
        }
        errors.set(Some(e));
    }

    pub fn ids() -> &'static WebIds {
        &IDS
    }
}
