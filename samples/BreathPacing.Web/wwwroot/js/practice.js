// Practice over days, in the page: the journal stays in this browser; the server's library makes each record, the
// plan and the statistics from the records the page sends, and the page only keeps, shows and exports them.
import { api, ApiError } from './api.js';
import { PracticeJournal, FORMAT_VERSION, instantMs, byteLength } from './journal.js';
import { drawDays, describe, minutesText } from './chart.js';

const $ = (id) => document.getElementById(id);

// The practice routes take bodies of up to 512 KiB (the server's PracticeEndpoints.MaxRequestBodyBytes; every other
// route 32 KiB), so the statistics get the whole journal, or its latest sessions up to about 1,500 of them, and streaks
// and totals reach back that far. The plan reads a technique's latest sessions only, so a few dozen are enough. Should
// a server take less, a 413 halves the window and the call is made again.
const JOURNAL_BUDGET_BYTES = 480 * 1024;
const PLAN_BUDGET_BYTES = 24 * 1024;
const SMALLEST_BUDGET_BYTES = 8 * 1024;
const CHART_DAYS = 28;
const TABLE_ROWS = 10;

let journal = null;                // PracticeJournal, or null where this browser keeps no data
let feelingText = new Map();       // code → the catalog's words
let zone = zoneOfThisBrowser();
let form = null;                   // { source(), seconds, lengthen, changed() }
let rated = null;                  // the session on the summary card: { info, entryId }
let chartDays = null;
const sessions = new Map();        // session id → { request, created, record: Promise | null }
const plans = new Map();           // technique id → the options the plan last suggested for it

function zoneOfThisBrowser() {
  const id = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return id ? { timeZone: id } : { utcOffsetMinutes: -new Date().getTimezoneOffset() };
}

// A call with the person's time zone (the record's end carries its offset; statistics cut days at its midnight). A
// zone the server does not know falls back to this browser's offset now.
async function withZone(call) {
  try {
    return await call(zone);
  } catch (error) {
    if (error instanceof ApiError && error.problem?.field === 'timeZone' && zone.timeZone) {
      zone = { utcOffsetMinutes: -new Date().getTimezoneOffset() };
      return call(zone);
    }
    throw error;
  }
}

// A call that carries journal records, with a window that halves on a 413 until it fits.
async function withinLimit(budget, call) {
  for (;;) {
    try {
      return await call(budget);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 413 || budget <= SMALLEST_BUDGET_BYTES) throw error;
      budget = Math.floor(budget / 2);
    }
  }
}

const problemText = (error) => (error instanceof ApiError ? error.problem.detail || error.message : error?.message || String(error));
const secondsText = (s) => (Math.round(s * 10) / 10).toString();
const isTechnique = (source) => source && source !== 'custom';

// ---- Records of sessions ------------------------------------------------------------------------------------

function recordRequest(info, stop, z) {
  const body = { sessionId: info.created.id, ...z };
  if (info.created.techniqueId) {
    // The server rebuilds the options from what the session was started with and checks them against its pattern.
    for (const field of ['seconds', 'progress', 'options']) {
      if (info.request[field] !== undefined) body[field] = info.request[field];
    }
  }
  if (stop) body.stop = true;
  return body;
}

function recordOf(info, stop) {
  info.record ??= withZone((z) => api.record(recordRequest(info, stop, z)));
  return info.record;
}

/** Remembers what a session was started with, for its record. */
export function sessionStarted(request, created) {
  sessions.clear();
  sessions.set(created.id, { request, created, record: null });
}

/** The person pressed Stop: the server ends the session and makes its record at once. Rejects when it cannot. */
export function stopSession(id) {
  const info = sessions.get(id);
  if (!info || !journal) return Promise.reject(new Error('This session is not kept in a journal.'));
  return recordOf(info, true);
}

/** The session has ended: keep its record, then ask how it felt. */
export async function sessionEnded(id) {
  const info = sessions.get(id);
  const card = $('rating');
  rated = null;
  for (const button of $('feelings').querySelectorAll('button')) button.setAttribute('aria-pressed', 'false');
  delete card.dataset.feeling;
  setRatingStatus('');
  if (!info || !journal) {
    card.hidden = true;
    return;
  }
  // The session is kept whether or not the words to ask with could be loaded.
  card.hidden = feelingText.size === 0;
  setRatingEnabled(false);
  try {
    const made = await recordOf(info, false);
    const { id: entryId } = await journal.append(made.record);
    rated = { info, entryId };
    setRatingEnabled(true);
    card.dataset.kept = 'true';
  } catch (error) {
    card.dataset.kept = 'false';
    setRatingStatus(`This session could not be kept: ${problemText(error)}`);
  }
  await Promise.all([refreshHistory(), showSuggestion(form.source())]);
}

async function rate(code) {
  if (!rated) return;
  setRatingEnabled(false);
  try {
    rated.entryId = await journal.setFeeling(rated.entryId, code);
  } catch (error) {
    setRatingStatus(`Your answer could not be saved: ${problemText(error)}`);
    setRatingEnabled(true);
    return;
  }
  for (const button of $('feelings').querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.feeling === code));
  $('rating').dataset.feeling = code;
  let text = `Saved: ${feelingText.get(code)}.`;
  const techniqueId = rated.info.created.techniqueId;
  if (techniqueId) {
    try {
      const plan = await planFor(techniqueId);
      $('rating-status').dataset.reason = plan.reason.kind;
      text += ` Next time: ${plan.reason.text ?? `${secondsText(plan.session.seconds)} seconds per inhale.`}`;
    } catch {
      // The answer is kept; the suggestion shows on the setup form once the server can be reached.
    }
  }
  setRatingStatus(text);
  setRatingEnabled(true);
  await Promise.all([refreshHistory(), showSuggestion(form.source())]);
}

function setRatingEnabled(on) {
  for (const button of $('feelings').querySelectorAll('button')) button.disabled = !on;
}

function setRatingStatus(text) {
  $('rating-status').textContent = text;
}

// ---- The plan's suggestion ----------------------------------------------------------------------------------

async function planFor(techniqueId) {
  const plan = await withinLimit(PLAN_BUDGET_BYTES, async (budget) => {
    const records = journal ? await journal.latestOfTechnique(techniqueId, budget) : [];
    return api.plan({ techniqueId, records: { version: FORMAT_VERSION, records } });
  });
  plans.set(techniqueId, plan.options);
  return plan;
}

/**
 * The options the plan suggests for a technique (its own options type: the shared settings and the technique's own,
 * e.g. Ocean's Breath's exhaleRatio), as the server wrote them; a session of it starts from these. Null before a plan
 * has been had.
 */
export function planOptions(techniqueId) {
  return plans.get(techniqueId) ?? null;
}

let suggestionGeneration = 0;
let suggested = null;

/** Shows what the plan suggests for the technique picked (none for a custom pattern). */
export async function showSuggestion(source) {
  const box = $('suggestion');
  const generation = ++suggestionGeneration;
  if (!isTechnique(source)) {
    box.hidden = true;
    suggested = null;
    return;
  }
  try {
    const plan = await planFor(source);
    if (generation !== suggestionGeneration) return;
    suggested = plan.session;
    form.changed?.();
    const progress = plan.session.progress ? `, lengthening toward ${secondsText(plan.options.targetSeconds)} seconds` : '';
    $('suggestion-seconds').textContent = `${secondsText(plan.session.seconds)} seconds per inhale${progress}.`;
    $('suggestion-reason').textContent = plan.reason.text ?? '';
    $('use-suggestion').textContent = `Use ${secondsText(plan.session.seconds)} seconds`;
    box.dataset.reason = plan.reason.kind;
    box.dataset.seconds = String(plan.session.seconds);
    box.hidden = false;
    updateUseButton();
  } catch {
    if (generation === suggestionGeneration) box.hidden = true;
  }
}

function followsSuggestion() {
  if (!suggested) return true;
  const lengthen = form.lengthen.closest('[hidden]') ? false : form.lengthen.checked;
  return Number(form.seconds.value) === suggested.seconds && lengthen === suggested.progress;
}

function updateUseButton() {
  $('use-suggestion').hidden = followsSuggestion();
}

function useSuggestion() {
  if (!suggested) return;
  form.seconds.value = String(suggested.seconds);
  form.lengthen.checked = suggested.progress;
  form.seconds.dispatchEvent(new Event('input', { bubbles: true })); // the settings remember it
  updateUseButton();
  form.seconds.focus();
}

// ---- History ------------------------------------------------------------------------------------------------

const when = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function cell(tag, text) {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

function formatActive(seconds) {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function renderTable(entries) {
  const rows = entries.slice(-TABLE_ROWS).reverse().map(({ record }) => {
    const tr = document.createElement('tr');
    // The breath, then its length: seconds per inhale at the start (and where a progression took it) and the time breathed.
    const reached = Math.abs(record.reachedInhaleSeconds - record.startSeconds) > 0.05 ? ` → ${secondsText(record.reachedInhaleSeconds)}` : '';
    const breath = cell('td', record.patternName);
    breath.append(document.createElement('br'), cell('span',
      `${secondsText(record.startSeconds)}${reached} s in · ${formatActive(record.activeSeconds)}${record.endedEarly ? ' · stopped' : ''}`));
    breath.lastChild.className = 'detail';
    tr.append(
      cell('td', when.format(new Date(instantMs(record.endedAt)))),
      breath,
      cell('td', record.feeling ? feelingText.get(record.feeling) ?? record.feeling : '–'),
    );
    if (record.feeling) tr.dataset.feeling = record.feeling;
    return tr;
  });
  $('history-rows').replaceChildren(...rows);
  $('history-more').textContent = entries.length > TABLE_ROWS ? `The latest ${TABLE_ROWS} of ${entries.length} sessions.` : '';
}

let historyGeneration = 0;

/** Shows the journal: how many sessions, the chart of the last four weeks and the latest sessions. */
export async function refreshHistory() {
  const generation = ++historyGeneration;
  if (!journal) {
    $('history-summary').textContent = 'This browser does not keep data for pages, so sessions cannot be kept here.';
    $('history-body').hidden = true;
    $('history-actions').hidden = true;
    return;
  }
  let entries;
  try {
    entries = await journal.entries();
  } catch (error) {
    $('history-summary').textContent = `The journal could not be read: ${problemText(error)}`;
    return;
  }
  if (generation !== historyGeneration) return;
  const n = entries.length;
  $('history').dataset.sessions = String(n);
  $('history-summary').textContent = n === 0
    ? 'No sessions yet. Each session you finish is kept here, in this browser only.'
    : `${n} session${n === 1 ? '' : 's'} kept in this browser only: nothing about ${n === 1 ? 'it' : 'them'} is stored on the server.`;
  $('history-body').hidden = n === 0;
  $('export').hidden = n === 0;
  $('delete-history').hidden = n === 0;
  renderTable(entries);
  await refreshChart(generation, n);
}

// The chart shows four weeks; the statistics are worked out from the whole journal (or its latest sessions, as many as
// a request carries), so the streaks and totals reach back as far.
async function refreshChart(generation, kept) {
  const figure = $('history-chart');
  if (kept === 0) {
    figure.hidden = true;
    return;
  }
  try {
    let sent = 0;
    const statistics = await withinLimit(JOURNAL_BUDGET_BYTES, async (budget) => {
      const records = await journal.latest(budget);
      sent = records.length;
      return withZone((z) => api.statistics({ records: { version: FORMAT_VERSION, records }, ...z, days: CHART_DAYS }));
    });
    if (generation !== historyGeneration) return;
    chartDays = statistics.days;
    figure.hidden = false;
    drawDays($('chart'), chartDays);
    $('history').dataset.streak = String(statistics.currentStreak); // for tests
    $('chart-caption').textContent = `Minutes breathed each day. ${describe(chartDays)} ${overall(statistics, sent, kept)}`;
  } catch {
    if (generation === historyGeneration) figure.hidden = true;
  }
}

// "In all: 40 sessions, 26.7 minutes. 35 days in a row now; the longest run was 35 days." — over the sessions sent.
function overall(statistics, sent, kept) {
  const n = statistics.sessions;
  const scope = sent < kept ? `In the latest ${sent} of ${kept} sessions` : 'In all';
  const parts = [`${scope}: ${n} session${n === 1 ? '' : 's'}, ${minutesText(statistics.activeSeconds)}.`];
  const streak = statistics.currentStreak;
  const longest = statistics.longestStreak;
  if (streak > 1) parts.push(`${streak} days in a row now${longest > streak ? `; the longest run was ${longest} days` : ''}.`);
  else if (longest > 1) parts.push(`The longest run was ${longest} days in a row.`);
  return parts.join(' ');
}

function setHistoryStatus(text) {
  $('history-status').textContent = text;
}

// ---- Export, import, delete ---------------------------------------------------------------------------------

async function exportJournal() {
  const document_ = await journal.document();
  const blob = new Blob([`${JSON.stringify(document_, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  const today = new Date();
  const stamp = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  link.href = url;
  link.download = `breathing-journal-${stamp}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  const n = document_.records.length;
  setHistoryStatus(`Exported ${n} session${n === 1 ? '' : 's'} as ${link.download}.`);
}

// A problem about one batch of an import, told with the record's place in the whole file.
function shifted(error, offset) {
  if (!(error instanceof ApiError) || offset === 0) return error;
  const shift = (text) => (typeof text === 'string' ? text.replace(/records\[(\d+)\]/g, (_, i) => `records[${Number(i) + offset}]`) : text);
  return new ApiError({ ...error.problem, detail: shift(error.problem.detail), field: shift(error.problem.field), path: shift(error.problem.path) }, error.status);
}

/**
 * The records of a journal file, read and validated by the library (all of them before any is kept). A long file
 * goes in parts that fit the server's body limit; the first part carries everything else the file holds, so a
 * field the format does not know is refused as it would be in one piece.
 */
async function readJournal(file) {
  if (!file || typeof file !== 'object' || Array.isArray(file) || !Array.isArray(file.records)) {
    return (await api.readJournal(file)).records;
  }
  const parts = [];
  let part = [];
  let used = 0;
  for (const record of file.records) {
    const size = byteLength(JSON.stringify(record ?? null)) + 1;
    if (part.length > 0 && used + size > JOURNAL_BUDGET_BYTES) {
      parts.push(part);
      part = [];
      used = 0;
    }
    part.push(record);
    used += size;
  }
  parts.push(part);
  const records = [];
  let offset = 0;
  for (const [i, slice] of parts.entries()) {
    const body = i === 0 ? { ...file, records: slice } : { version: file.version, records: slice };
    try {
      records.push(...(await api.readJournal(body)).records);
    } catch (error) {
      throw shifted(error, offset);
    }
    offset += slice.length;
  }
  return records;
}

async function importJournal(file) {
  let parsed;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    setHistoryStatus(`Nothing was imported: ${file.name} is not a JSON file.`);
    return;
  }
  try {
    const records = await readJournal(parsed);
    const added = await journal.appendRange(records);
    const known = records.length - added;
    setHistoryStatus(`Imported ${added} session${added === 1 ? '' : 's'} from ${file.name}`
      + (known > 0 ? `; ${known} ${known === 1 ? 'was' : 'were'} already kept.` : '.'));
  } catch (error) {
    setHistoryStatus(`Nothing was imported from ${file.name}: ${problemText(error)}`);
  }
  await Promise.all([refreshHistory(), showSuggestion(form.source())]);
}

async function deleteHistory() {
  // eslint-disable-next-line no-alert -- a plain confirmation is the most accessible one
  if (!window.confirm('Delete every session kept in this browser? Export the journal first to keep a copy.')) return;
  const n = await journal.deleteAll();
  setHistoryStatus(`Deleted ${n} session${n === 1 ? '' : 's'} from this browser.`);
  await Promise.all([refreshHistory(), showSuggestion(form.source())]);
}

// ---- Start ---------------------------------------------------------------------------------------------------

async function loadFeelings() {
  const words = await api.feelings();
  $('feeling-question').textContent = words.question;
  feelingText = new Map(words.feelings.map((f) => [f.code, f.text]));
  $('feelings').replaceChildren(...words.feelings.map((f) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'feeling';
    button.dataset.feeling = f.code;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = f.text;
    button.addEventListener('click', () => rate(f.code));
    return button;
  }));
}

/** Opens the journal, loads the catalog's words and shows the history and the suggestion. */
export async function initPractice(formParts) {
  form = formParts;
  $('use-suggestion').addEventListener('click', useSuggestion);
  form.seconds.form.addEventListener('input', updateUseButton);
  form.seconds.form.addEventListener('change', updateUseButton);
  $('export').addEventListener('click', exportJournal);
  $('import').addEventListener('click', () => $('import-file').click());
  $('import-file').addEventListener('change', (e) => {
    const [file] = e.target.files;
    e.target.value = '';
    if (file) importJournal(file);
  });
  $('delete-history').addEventListener('click', deleteHistory);
  if ('ResizeObserver' in window) {
    let width = 0;
    new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (chartDays && w !== width && w > 0) drawDays($('chart'), chartDays);
      width = w;
    }).observe($('history-chart'));
  }

  try {
    journal = await PracticeJournal.open();
  } catch {
    journal = null;
  }
  try {
    await loadFeelings();
  } catch {
    feelingText = new Map();
  }
  await Promise.all([refreshHistory(), showSuggestion(form.source())]);
  document.body.dataset.practice = 'ready'; // for tests: the journal has been read
}
