// The page: set up a session, follow it over Server-Sent Events, draw it at display rate.
import { api, ApiError } from './api.js';
import { SessionStream } from './stream.js';
import { SessionClock } from './clock.js';
import { SessionModel, phaseNames } from './model.js';
import { BodyVisual, WaveVisual } from './visual.js';
import { Sound } from './audio.js';
import { breathsText, paceText, timeText, ratioText } from './summary.js';
import { initPractice, sessionStarted, sessionEnded, showSuggestion, stopSession, planOptions } from './practice.js';

const $ = (id) => document.getElementById(id);
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

const ui = {
  form: $('setup-form'), setup: $('setup'), session: $('session'), summary: $('summary'),
  techniqueOptions: $('technique-options'), customOptions: $('custom-options'), colourGroup: $('colour-group'),
  seconds: $('seconds'), colour: $('colour'), notation: $('notation'), notationStatus: $('notation-status'),
  findings: $('findings'), length: $('length'), sound: $('sound'), setupError: $('setup-error'), start: $('start'),
  lengthen: $('lengthen'), notationEcho: $('notation-echo'), notationEchoText: $('notation-echo-text'),
  name: $('pattern-name'), phase: $('phase-label'), countdown: $('countdown'), cue: $('cue'),
  progress: $('progress'), phaseProgress: $('phase-progress'), cycle: $('cycle'), announcer: $('announcer'),
  pause: $('pause'), resume: $('resume'), stop: $('stop'), again: $('again'),
  sourceChoices: $('source-choices'), customChoice: $('custom-choice'), lengthenText: $('lengthen-text'),
  streamStatus: $('stream-status'),
};

const body = new BodyVisual($('body-visual'));
const wave = new WaveVisual($('wave-visual'));
const sound = new Sound();

let current = null; // { id, created, model, clock, source, visual, raf }
let notationValid = false;
let techniques = new Map(); // id → the catalog's technique (GET /api/techniques), in its order

// ---- Setup form -------------------------------------------------------------------------------------------

/** The technique id picked, 'custom', or null before the techniques have loaded. */
function selectedSource() {
  return ui.form.querySelector('input[name="source"]:checked')?.value ?? null;
}

// What the form offers follows the technique, whichever it is: its range of seconds, its progression's target (the
// plan's, else its default), a colour where it fills the body. Nothing here knows a technique by its id.
function updateSourceOptions() {
  const source = selectedSource();
  const technique = techniques.get(source);
  ui.techniqueOptions.hidden = !technique;
  ui.customOptions.hidden = source !== 'custom';
  ui.colourGroup.hidden = technique?.visual !== 'body';
  if (technique) {
    ui.seconds.min = String(technique.minimumSeconds);
    ui.seconds.max = String(technique.maximumSeconds);
    const target = (planOptions(source) ?? technique.defaultOptions)?.targetSeconds;
    ui.lengthenText.textContent = Number.isFinite(target)
      ? `Lengthen the breath gradually, toward ${target} seconds`
      : 'Lengthen the breath gradually';
  }
  ui.start.disabled = source === null || (source === 'custom' && !notationValid);
}

// The catalog's techniques as choices, before "A custom pattern": any technique the app registers is offered too.
function renderTechniqueChoices(list) {
  techniques = new Map(list.map((t) => [t.id, t]));
  const labels = list.map((t) => {
    const label = document.createElement('label');
    label.className = 'choice';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'source';
    input.value = t.id;
    label.append(input, document.createTextNode(` ${t.name}`)); // catalog text: never as HTML
    return label;
  });
  for (const old of ui.sourceChoices.querySelectorAll('label.choice:not(#custom-choice)')) old.remove();
  ui.customChoice.before(...labels);
  ui.sourceChoices.removeAttribute('aria-busy');
}

// A problem's text. A notation problem has one position (1-based, a character of the input), so the page says it
// once, in its own words, and shows the input with that character marked.
function describeProblem(error) {
  const p = error.problem || {};
  if (p.field === 'notation' && Number.isInteger(p.position) && p.expected) {
    const found = p.found ? `, found ${p.found}` : '';
    return `Character ${p.position}: expected ${p.expected}${found}.`;
  }
  return p.detail || error.message;
}

function showNotationSpot(problem) {
  const input = typeof problem?.input === 'string' ? problem.input : null;
  const position = Number.isInteger(problem?.column) ? problem.column : problem?.position; // the spot within the input shown
  if (input === null || !Number.isInteger(position) || position < 1 || position > input.length + 1) {
    hideNotationSpot();
    return;
  }
  const i = position - 1;
  const mark = document.createElement('mark');
  if (i < input.length) {
    mark.textContent = input.slice(i, i + 1);
  } else {
    mark.className = 'end'; // the notation ended too soon: mark the place after its last character
    mark.textContent = ' ';
  }
  ui.notationEchoText.replaceChildren(document.createTextNode(input.slice(0, i)), mark, document.createTextNode(input.slice(i + 1)));
  ui.notationEcho.hidden = false;
}

function hideNotationSpot() {
  ui.notationEcho.hidden = true;
  ui.notationEchoText.replaceChildren();
}

function renderFindings(findings) {
  ui.findings.replaceChildren(...(findings || []).map((f) => {
    const li = document.createElement('li');
    li.className = f.severity;
    li.textContent = f.message;
    return li;
  }));
}

let parseTimer = 0;
let parseGeneration = 0;
function validateNotationSoon() {
  clearTimeout(parseTimer);
  notationValid = false;
  updateSourceOptions();
  const text = ui.notation.value.trim();
  if (!text) {
    ui.notationStatus.textContent = '';
    ui.notationStatus.className = 'status';
    hideNotationSpot();
    renderFindings([]);
    return;
  }
  parseTimer = setTimeout(async () => {
    const generation = ++parseGeneration;
    try {
      const parsed = await api.parse(text);
      if (generation !== parseGeneration) return;
      notationValid = true;
      ui.notation.setAttribute('aria-invalid', 'false');
      ui.notationStatus.className = 'status ok';
      const figures = parsed.analysis ? ` · ${parsed.analysis.breathsPerMinute.toFixed(1)} breaths per minute` : '';
      ui.notationStatus.textContent = `${describePhases(parsed.phases)}${figures}`;
      hideNotationSpot();
      renderFindings(parsed.findings);
    } catch (error) {
      if (generation !== parseGeneration) return;
      notationValid = false;
      ui.notation.setAttribute('aria-invalid', 'true');
      ui.notationStatus.className = 'status bad';
      ui.notationStatus.textContent = describeProblem(error);
      showNotationSpot(error.problem);
      renderFindings([]);
    }
    updateSourceOptions();
  }, 250);
}

function describePhases(phases) {
  return (phases || []).map((p) => `${phaseNames[p.kind] ?? p.kind} ${(p.durationMs / 1000).toFixed(1).replace(/\.0$/, '')} s`).join(', ');
}

// A technique's session is asked for with its full options: those the plan suggests (the person's own, e.g. Ocean's
// Breath's exhale ratio, and the progression's target and step), with the seconds and lengthening on the form.
function buildRequest() {
  const source = selectedSource();
  const request = {};
  if (source === 'custom') {
    request.notation = ui.notation.value.trim();
  } else {
    request.techniqueId = source;
    const options = { ...(planOptions(source) ?? {}) };
    const seconds = Number(ui.seconds.value);
    if (ui.seconds.value !== '' && Number.isFinite(seconds)) options.startSeconds = seconds;
    options.progress = ui.lengthen.checked;
    request.options = options;
  }
  const amount = Number(ui.length.value);
  const kind = ui.form.querySelector('input[name="lengthKind"]:checked').value;
  request[kind] = kind === 'cycles' ? Math.round(amount) : amount;
  return request;
}

function breathColour() {
  const value = ui.colour.value;
  return /^#[0-9a-f]{6}$/i.test(value) ? value : '#4f9dc9';
}

// ---- Session ---------------------------------------------------------------------------------------------

async function startSession(event) {
  event.preventDefault();
  ui.setupError.textContent = '';
  ui.start.disabled = true;
  sound.setEnabled(ui.sound.checked); // a remembered "on" takes effect with this click, as browsers require
  try {
    const request = buildRequest();
    const created = await api.start(request);
    sessionStarted(request, created);
    follow(created);
  } catch (error) {
    ui.setupError.textContent = error instanceof ApiError ? describeProblem(error) : 'The server could not be reached.';
  } finally {
    updateSourceOptions();
  }
}

function follow(created) {
  stopFollowing();
  const model = new SessionModel(created);
  const clock = new SessionClock();
  const visual = created.visual === 'body' ? body : wave;
  document.documentElement.style.setProperty('--breath', breathColour());
  body.show(visual === body);
  wave.show(visual === wave);
  body.draw({ fills: {} });

  ui.name.textContent = created.name; // user text: never as HTML
  ui.phase.textContent = 'Ready';
  ui.cue.textContent = '';
  ui.cycle.textContent = 'Session';
  ui.announcer.textContent = '';
  ui.progress.value = 0;
  ui.pause.hidden = false;
  ui.resume.hidden = true;
  ui.setup.hidden = true;
  ui.summary.hidden = true;
  // The breath view takes the whole viewport; nothing above it, nothing to scroll.
  document.body.classList.add('in-session');
  ui.session.hidden = false;
  ui.session.dataset.state = 'running';
  window.scrollTo(0, 0);
  ui.pause.focus({ preventScroll: true });

  ui.streamStatus.textContent = '';
  current = { id: created.id, created, model, clock, source: null, visual, raf: 0 };
  const following = current;
  // The stream resumes after a dropped connection (Last-Event-ID), waits out a busy server, and starts afresh on the
  // server's reset; see stream.js.
  current.source = new SessionStream(created.eventsUrl, {
    onEvent: (kind, data) => { if (current === following) onEvent(kind, data); },
    onReset: () => { if (current === following) resetPicture(); },
    onStatus: (status) => { if (current === following) showStreamStatus(status); },
  });
  current.raf = requestAnimationFrame(frame);
}

// The server can no longer continue the stream in order: what the page knows is dropped, quietly, and the replay that
// follows (from the first event) builds it again.
function resetPicture() {
  current.model = new SessionModel(current.created);
  current.clock = new SessionClock();
  ui.session.dataset.resets = String(Number(ui.session.dataset.resets ?? 0) + 1); // for diagnostics and tests
}

function showStreamStatus(status) {
  ui.session.dataset.stream = status.kind;
  switch (status.kind) {
    case 'connected':
      ui.streamStatus.textContent = '';
      if (ui.phase.textContent === 'Waiting') ui.phase.textContent = 'Ready';
      break;
    case 'waiting': {
      if (!current.model.phase && !isPaused()) ui.phase.textContent = 'Waiting'; // nothing to show yet
      const seconds = Math.max(1, Math.round(status.retryInMs / 1000));
      const why = status.reason === 'busy'
        ? (status.problem?.title || 'The server is busy.')
        : 'The connection to the server was lost.';
      ui.streamStatus.textContent = `${why} Trying again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
      break;
    }
    default: // failed: the server refused to go on (e.g. the session expired or was stopped elsewhere)
      ui.phase.textContent = 'Connection lost';
      ui.streamStatus.textContent = status.problem?.detail || 'The connection to the session was lost.';
      ui.announcer.textContent = 'The connection to the session was lost.';
      break;
  }
}

// An event that happened a moment ago, not one replayed from earlier on (after a reconnection or a reset): only such
// events are announced and sounded.
const isLive = (data) => data.elapsedMs - data.offsetMs < 1000;

function onEvent(kind, data) {
  if (!current) return;
  const { model, clock } = current;
  clock.observe(data);
  ui.session.dataset.clockOffsetMs = clock.offset.toFixed(1); // for diagnostics and tests
  if (!model.apply(kind, data)) return;
  if (kind !== 'SessionCompleted') render();
  switch (kind) {
    case 'PhaseStarted': {
      const name = phaseNames[data.phaseKind] ?? data.phaseKind;
      if (!isPaused()) ui.phase.textContent = name;
      ui.cue.textContent = model.cue;
      ui.session.dataset.phase = data.phaseKind;
      if (isLive(data)) {
        ui.announcer.textContent = `${name}, ${Math.round(data.durationMs / 1000)} seconds`;
        sound.tone(data.phaseKind);
      }
      break;
    }
    case 'SessionPaused':
      setPausedUi(true);
      if (isLive(data)) ui.announcer.textContent = 'Paused';
      break;
    case 'SessionResumed':
      setPausedUi(false);
      if (isLive(data)) ui.announcer.textContent = 'Resumed';
      break;
    case 'SessionCompleted':
      current.source.close(); // the stream has ended; nothing to follow
      showSummary(data);
      break;
    default:
      break;
  }
}

const isPaused = () => ui.session.dataset.state === 'paused';

// Paused is unmistakable: the label says so and the picture dims (CSS on data-state); the server's SessionPaused
// event is announced. Resuming shows the phase under way again.
function setPausedUi(paused) {
  ui.session.dataset.state = paused ? 'paused' : 'running';
  const hadFocus = document.activeElement === ui.pause || document.activeElement === ui.resume;
  ui.pause.hidden = paused;
  ui.resume.hidden = !paused;
  const kind = current?.model.phase?.kind;
  ui.phase.textContent = paused ? 'Paused' : (kind ? phaseNames[kind] ?? kind : 'Ready');
  if (hadFocus) (paused ? ui.resume : ui.pause).focus({ preventScroll: true });
}

function frame() {
  if (!current) return;
  render();
  current.raf = requestAnimationFrame(frame);
}

// Draws the session at this instant: each display frame, and at once when an event changes what is known.
function render() {
  const { model, clock, visual, created } = current;
  const active = clock.activeAt();
  const f = model.sample(active);
  if (!reducedMotion.matches) {
    visual.draw(f);
  }
  ui.session.dataset.activeMs = active.toFixed(1); // the active time this picture shows: for diagnostics and tests
  ui.countdown.textContent = f.phaseKind ? String(Math.ceil(f.remainingMs / 1000)) : '–';
  ui.countdown.dataset.remainingMs = Math.round(f.remainingMs);
  ui.phaseProgress.value = f.phaseProgress;
  ui.progress.value = f.sessionProgress;
  if (ui.cue.textContent !== f.cue) ui.cue.textContent = f.cue;
  if (f.phaseKind) {
    const total = model.totalCycles ? ` of ${model.totalCycles}` : '';
    ui.cycle.textContent = `Cycle ${f.cycleIndex + 1}${total}`;
  }
  const oceanExhale = created.visual === 'wave' && f.phaseKind === 'exhale' && model.state === 'running';
  sound.wave(oceanExhale ? Math.sin(Math.PI * f.phaseProgress) : 0);
}

function showSummary(data) {
  const id = current?.id;
  stopFollowing();
  document.body.classList.remove('in-session');
  ui.session.hidden = true;
  ui.session.dataset.state = 'idle';
  ui.summary.hidden = false;
  // The library's summary in words: "3 full breaths, stopped partway through the 4th (exhale, chest) · paced at
  // 7.5 breaths a minute · 0:29 breathing, 0:05 paused".
  $('summary-breaths').textContent = breathsText(data);
  $('summary-pace').textContent = paceText(data);
  $('summary-time').textContent = timeText(data);
  const ratio = ratioText(data);
  $('summary-ratio').textContent = ratio ?? '';
  $('summary-ratio-line').hidden = ratio === null;
  $('summary-early').hidden = !data.endedEarly;
  const care = data.selfCare;
  $('self-care').hidden = !care;
  if (care) {
    $('self-care-name').textContent = care.name;
    $('self-care-description').textContent = care.description;
  }
  ui.summary.dataset.session = id ?? '';
  $('summary-title').focus();
  if (id) sessionEnded(id);
}

function stopFollowing() {
  if (!current) return;
  cancelAnimationFrame(current.raf);
  current.source.close();
  sound.wave(0);
  current = null;
}

async function control(action) {
  if (!current) return;
  if (action === 'stop') {
    stop(current.id);
    return;
  }
  try {
    const state = await api[action](current.id);
    if (state && state.state) setPausedUi(state.state === 'paused');
  } catch (error) {
    ui.announcer.textContent = error.message;
  }
}

// Stop: the server ends the session and makes its practice record in one step (the session then stays readable for a
// minute, like one that ran to its end); where the page keeps no journal, the session is simply stopped.
async function stop(id) {
  try {
    await stopSession(id);
  } catch {
    try {
      await api.stop(id);
    } catch (error) {
      ui.announcer.textContent = error.message;
    }
  }
}

// ---- Guidance ----------------------------------------------------------------------------------------------

function element(tag, text, className) {
  const el = document.createElement(tag);
  if (text !== undefined && text !== null) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function list(tag, items) {
  const el = document.createElement(tag);
  for (const item of items || []) el.append(element('li', item));
  return el;
}

// A study as the article cites it (authors and year); the article with its title as a link to it.
function sourceItem(source) {
  const li = element('li');
  li.dataset.source = source.id;
  if (source.kind === 'article' && source.url) {
    const published = source.year ? ` (${source.year})` : '';
    const link = element('a', source.title || source.url);
    link.href = source.url;
    link.rel = 'noopener noreferrer';
    li.append(document.createTextNode(`${(source.authors || []).join(', ')}${published}. `), link);
    if (source.site) li.append(document.createTextNode(`, ${source.site}.`));
  } else {
    li.append(element('cite', source.citation));
  }
  if (source.note) li.append(element('span', ` — ${source.note}`, 'hint'));
  return li;
}

function showTechniqueGuidance(all) {
  $('techniques').replaceChildren(...all.map((t) => {
    const details = document.createElement('details');
    details.append(element('summary', t.name));
    if (t.aliases?.length) details.append(element('p', `Also called: ${t.aliases.join(', ')}`, 'hint'));
    if (t.summary) details.append(element('p', t.summary));
    if (t.steps?.length) { details.append(element('h4', 'Steps')); details.append(list('ol', t.steps)); }
    if (t.visualisation) details.append(element('p', t.visualisation));
    if (t.timingGuidance) { details.append(element('h4', 'Timing')); details.append(element('p', t.timingGuidance)); }
    if (t.cautions?.length) { details.append(element('h4', 'Cautions')); details.append(list('ul', t.cautions)); }
    return details;
  }));
}

async function loadGuide() {
  try {
    const guide = await api.guide();
    $('guide').replaceChildren(element('p', guide.purpose), element('p', guide.audience, 'hint'));
    $('routines').replaceChildren(...guide.selfCare.map((r) => {
      const li = element('li');
      li.append(element('strong', r.name), document.createTextNode(` — ${r.description}`));
      return li;
    }));
    $('sources').replaceChildren(...guide.sources.map(sourceItem));
  } catch {
    $('guide').replaceChildren(element('p', 'Guidance could not be loaded.', 'hint'));
  }
}

// The techniques come from the catalog: the choices on the form and their guidance below.
async function loadTechniques(rememberedSource) {
  let list = [];
  try {
    list = await api.techniques();
  } catch {
    ui.setupError.textContent = 'The techniques could not be loaded; a custom pattern can still be breathed.';
    $('techniques').replaceChildren(element('p', 'Guidance could not be loaded.', 'hint'));
  }
  renderTechniqueChoices(list);
  if (list.length > 0) showTechniqueGuidance(list);
  if (!selectedSource()) {
    const choice = ui.form.querySelector(`input[name="source"][value="${CSS.escape(rememberedSource ?? '')}"]`)
      ?? ui.form.querySelector('input[name="source"]');
    choice.checked = true;
  }
  updateSourceOptions();
  if (selectedSource() === 'custom' && ui.notation.value.trim()) validateNotationSoon();
  showSuggestion(selectedSource());
}

// ---- Remembered settings -------------------------------------------------------------------------------------
// The setup choices, the breath's colour among them, are kept in this browser for the next visit.

const SETTINGS_KEY = 'breathpacing.settings';

let remembered = null; // the settings read at load, until the techniques are there to choose from

function saveSettings() {
  const settings = {
    source: selectedSource() ?? remembered?.source ?? null,
    seconds: ui.seconds.value,
    colour: breathColour(),
    lengthen: ui.lengthen.checked,
    lengthKind: ui.form.querySelector('input[name="lengthKind"]:checked').value,
    length: ui.length.value,
    notation: ui.notation.value,
    sound: ui.sound.checked,
  };
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage may be full or switched off; the page works without it.
  }
}

// Everything but the technique, which is picked once the catalog's techniques are on the form.
function restoreSettings() {
  let settings;
  try {
    settings = JSON.parse(localStorage.getItem(SETTINGS_KEY) || 'null');
  } catch {
    return null;
  }
  if (!settings || typeof settings !== 'object') return null;
  const check = (selector) => {
    const input = ui.form.querySelector(selector);
    if (input) input.checked = true;
  };
  if (settings.source === 'custom') check('input[name="source"][value="custom"]');
  if (typeof settings.lengthKind === 'string') check(`input[name="lengthKind"][value="${CSS.escape(settings.lengthKind)}"]`);
  if (typeof settings.seconds === 'string') ui.seconds.value = settings.seconds;
  if (typeof settings.length === 'string') ui.length.value = settings.length;
  if (typeof settings.colour === 'string' && /^#[0-9a-f]{6}$/i.test(settings.colour)) ui.colour.value = settings.colour;
  if (typeof settings.lengthen === 'boolean') ui.lengthen.checked = settings.lengthen;
  if (typeof settings.sound === 'boolean') ui.sound.checked = settings.sound;
  if (typeof settings.notation === 'string') ui.notation.value = settings.notation;
  return settings;
}

// ---- Wiring -----------------------------------------------------------------------------------------------

ui.form.addEventListener('change', (e) => {
  if (e.target.name !== 'source') return;
  updateSourceOptions();
  showSuggestion(selectedSource());
});
ui.notation.addEventListener('input', validateNotationSoon);
ui.form.addEventListener('submit', startSession);
ui.pause.addEventListener('click', () => control('pause'));
ui.resume.addEventListener('click', () => control('resume'));
ui.stop.addEventListener('click', () => control('stop'));
ui.again.addEventListener('click', () => { ui.summary.hidden = true; ui.setup.hidden = false; ui.start.focus(); });
ui.sound.addEventListener('change', () => sound.setEnabled(ui.sound.checked));
document.addEventListener('keydown', (e) => {
  if (!current || e.target.closest('input, textarea, select')) return;
  if (e.key === ' ' && !e.target.closest('button')) {
    e.preventDefault();
    control(ui.session.dataset.state === 'paused' ? 'resume' : 'pause');
  } else if (e.key === 'Escape') {
    control('stop');
  }
});

ui.form.addEventListener('input', saveSettings);
ui.form.addEventListener('change', saveSettings);

remembered = restoreSettings();
updateSourceOptions();
loadTechniques(typeof remembered?.source === 'string' ? remembered.source : null);
loadGuide();
initPractice({ source: selectedSource, seconds: ui.seconds, lengthen: ui.lengthen, changed: updateSourceOptions });
