// The page's picture of a session, built from the server's events and sampled at any active time.
//
// The page derives nothing about the breath itself: phase and segment events carry the library's lung volume and
// every region's fill at the start and at the end of their span, and within a span each changes linearly in time
// (the library's rule), so the page interpolates between the two. It never runs ahead of the server: past the end
// of a span it holds the end values until the next event arrives.

const clamp01 = (x) => Math.min(1, Math.max(0, x));

// A value changing linearly over [startMs, startMs + durationMs], held at either end outside it.
function spanAt(span, activeMs) {
  if (!span) return null;
  return span.durationMs > 0 ? clamp01((activeMs - span.startMs) / span.durationMs) : 1;
}

export class SessionModel {
  constructor(created) {
    this.name = created.name;
    this.totalDurationMs = created.totalDurationMs ?? null;
    this.totalCycles = created.totalCycles ?? null;
    this.regions = [];
    this.phase = null;      // { kind, startMs, durationMs, cycleIndex }
    this.volumeSpan = null; // { startMs, durationMs, from, to }
    this.fillSpan = null;   // { startMs, durationMs, from: [], to: [] } in the order of this.regions
    this.state = 'running';
    this.cue = '';
    this.summary = null;
    this.lastSequence = -1;
  }

  /** Applies one event; returns false for a duplicate (already applied). */
  apply(kind, data) {
    if (data.sequence <= this.lastSequence) return false;
    this.lastSequence = data.sequence;
    this.state = data.state;
    switch (kind) {
      case 'SessionStarted':
        this.totalDurationMs = data.totalDurationMs ?? this.totalDurationMs;
        this.totalCycles = data.totalCycles ?? this.totalCycles;
        this.regions = data.regions ?? [];
        break;
      case 'PhaseStarted':
        this.phase = { kind: data.phaseKind, startMs: data.offsetMs, durationMs: data.durationMs, cycleIndex: data.cycleIndex };
        this.volumeSpan = { startMs: data.offsetMs, durationMs: data.durationMs, from: data.volumeAtStart, to: data.volumeAtEnd };
        // A phase with segments is followed at once by its first segment, whose span replaces this one.
        this.fillSpan = { startMs: data.offsetMs, durationMs: data.durationMs, from: data.fillsAtStart ?? [], to: data.fillsAtEnd ?? [] };
        this.cue = data.cue || '';
        break;
      case 'SegmentStarted':
        this.fillSpan = { startMs: data.offsetMs, durationMs: data.durationMs, from: data.fillsAtStart ?? [], to: data.fillsAtEnd ?? [] };
        if (data.cue) this.cue = data.cue;
        break;
      case 'SessionSkippedAhead':
        this.phase = { kind: data.phaseKind, startMs: data.phaseStartMs, durationMs: data.phaseDurationMs, cycleIndex: data.cycleIndex };
        this.volumeSpan = { startMs: data.phaseStartMs, durationMs: data.phaseDurationMs, from: data.volumeAtPhaseStart, to: data.volumeAtPhaseEnd };
        this.fillSpan = { startMs: data.offsetMs, durationMs: 0, from: data.fills ?? [], to: data.fills ?? [] };
        break;
      case 'SessionCompleted':
        this.summary = data;
        break;
      default:
        break;
    }
    return true;
  }

  /** Everything the page draws, at active time activeMs. */
  sample(activeMs) {
    const p = this.phase;
    const phaseProgress = p && p.durationMs > 0 ? clamp01((activeMs - p.startMs) / p.durationMs) : 0;
    const remainingMs = p ? Math.max(0, p.startMs + p.durationMs - activeMs) : 0;

    const fills = {};
    const s = this.fillSpan;
    const t = spanAt(s, activeMs);
    this.regions.forEach((region, i) => {
      fills[region] = s ? s.from[i] + (s.to[i] - s.from[i]) * t : 0;
    });

    const v = this.volumeSpan;
    const vt = spanAt(v, activeMs);
    const volume = v ? v.from + (v.to - v.from) * vt : 0;

    const sessionProgress = this.summary ? 1 : this.totalDurationMs ? clamp01(activeMs / this.totalDurationMs) : 0;
    return {
      activeMs, phaseKind: p?.kind ?? null, cycleIndex: p?.cycleIndex ?? 0, phaseProgress, remainingMs,
      fills, volume, sessionProgress, cue: this.cue,
    };
  }
}

export const phaseNames = {
  inhale: 'Inhale',
  holdAfterInhale: 'Hold',
  exhale: 'Exhale',
  holdAfterExhale: 'Hold',
};
