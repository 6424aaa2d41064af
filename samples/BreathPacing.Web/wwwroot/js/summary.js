// What a finished session amounted to, in words: the server sends the library's summary (whole cycles, how far into
// the next one and where it stopped, the breaths a cycle holds, the pace the pattern set, the time breathed and
// paused); the page only puts it into a sentence.

const PHASE_WORDS = {
  inhale: 'inhale',
  holdAfterInhale: 'holding after the inhale',
  exhale: 'exhale',
  holdAfterExhale: 'holding after the exhale',
};

/** 1st, 2nd, 3rd, 4th, 11th, 21st… */
export function ordinal(n) {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** m:ss */
export function clockText(ms) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A number as a person reads it: at most one decimal, none when whole (7.5, 15). */
export function numberText(x) {
  const rounded = Math.round(x * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

// Where the session stopped: the phase, and the body region when the phase has one ("exhale, chest").
function whereText(end) {
  if (!end) return '';
  const parts = [PHASE_WORDS[end.phaseKind] ?? end.phaseKind];
  if (end.region) parts.push(String(end.region).replaceAll('-', ' '));
  return ` (${parts.join(', ')})`;
}

/**
 * The breaths done: "3 full breaths, stopped partway through the 4th (exhale, chest)"; with two or more breaths a
 * cycle, cycles and breaths: "2 full cycles (4 breaths), stopped partway through the 3rd cycle (inhale)".
 */
export function breathsText(data) {
  const perCycle = Math.max(1, data.breathsPerCycle ?? 1);
  const whole = data.completedCycles;
  const unit = perCycle === 1 ? 'breath' : 'cycle';
  const done = perCycle === 1
    ? count(whole, 'full breath', 'full breaths')
    : `${count(whole, 'full cycle', 'full cycles')} (${count(whole * perCycle, 'breath', 'breaths')})`;
  if (data.partialCycle > 0) {
    const next = `${ordinal(whole + 1)}${perCycle === 1 && whole > 0 ? '' : ` ${unit}`}`;
    const stopped = `stopped partway through the ${next}${whereText(data.endPosition)}`;
    return whole === 0 ? `S${stopped.slice(1)}` : `${done}, ${stopped}`;
  }
  if (whole === 0) return `Stopped before the first ${unit} was done`;
  return done;
}

/** The pace the pattern set: "paced at 7.5 breaths a minute" (an average when the breath lengthened). */
export function paceText(data) {
  const average = data.progression ? ' on average' : '';
  return `paced at ${numberText(data.pacedBreathsPerMinute)} breaths a minute${average}`;
}

/** The time: "0:29 breathing, 0:05 paused" (no pause, no mention). */
export function timeText(data) {
  const paused = data.pausedTimeMs >= 500 ? `, ${clockText(data.pausedTimeMs)} paused` : '';
  return `${clockText(data.activeTimeMs)} breathing${paused}`;
}

/** Inhale : exhale, e.g. "1 : 1.5", or null when the pattern has no exhale. */
export function ratioText(data) {
  return data.inhaleToExhaleRatio > 0 ? `1 : ${numberText(1 / data.inhaleToExhaleRatio)}` : null;
}
