// The page's picture of a session, built from the server's events and sampled at any active time.

const REGIONS = ['lower-belly', 'upper-belly', 'chest'];

function toward(kind, from) {
  if (kind === 'inhale') return 1;
  if (kind === 'exhale') return 0;
  return from; // holds keep what they have
}

const clamp01 = (x) => Math.min(1, Math.max(0, x));

export class SessionModel {
  constructor(created) {
    this.name = created.name;
    this.totalDurationMs = created.totalDurationMs ?? null;
    this.totalCycles = created.totalCycles ?? null;
    this.phase = null;   // { kind, startMs, durationMs, cycleIndex, cue, fromVolume }
    this.segment = null; // { region, startMs, durationMs, from, target }
    this.fills = Object.fromEntries(REGIONS.map((r) => [r, 0]));
    this.volume = 0;
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
        break;
      case 'PhaseStarted':
        this.settle(data.offsetMs);
        this.phase = {
          kind: data.phaseKind, startMs: data.offsetMs, durationMs: data.durationMs,
          cycleIndex: data.cycleIndex, fromVolume: this.volume,
        };
        this.cue = data.cue || '';
        break;
      case 'SegmentStarted': {
        this.settle(data.offsetMs);
        const from = this.fills[data.region] ?? 0;
        this.segment = { region: data.region, startMs: data.offsetMs, durationMs: data.durationMs, from, target: toward(data.phaseKind, from) };
        if (data.cue) this.cue = data.cue;
        break;
      }
      case 'SessionSkippedAhead':
        this.segment = null;
        this.phase = {
          kind: data.phaseKind, startMs: data.phaseStartMs, durationMs: data.phaseDurationMs,
          cycleIndex: data.cycleIndex, fromVolume: data.phaseKind === 'exhale' ? 1 : 0,
        };
        for (const r of REGIONS) this.fills[r] = data.phaseKind === 'exhale' ? 1 : 0;
        break;
      case 'SessionCompleted':
        this.settle(data.offsetMs);
        this.summary = data;
        break;
      default:
        break;
    }
    return true;
  }

  // Finishes the running segment and phase at their targets (they ended at activeMs).
  settle(activeMs) {
    if (this.segment) {
      this.fills[this.segment.region] = this.segment.target;
      this.segment = null;
    }
    if (this.phase) this.volume = this.sampleVolume(activeMs);
  }

  sampleVolume(activeMs) {
    const p = this.phase;
    if (!p) return this.volume;
    const progress = p.durationMs > 0 ? clamp01((activeMs - p.startMs) / p.durationMs) : 1;
    return p.fromVolume + (toward(p.kind, p.fromVolume) - p.fromVolume) * progress;
  }

  /** Everything the page draws, at active time activeMs. */
  sample(activeMs) {
    const p = this.phase;
    // Never run ahead of the server: a phase is at most complete until its successor arrives.
    const phaseProgress = p && p.durationMs > 0 ? clamp01((activeMs - p.startMs) / p.durationMs) : 0;
    const remainingMs = p ? Math.max(0, p.startMs + p.durationMs - activeMs) : 0;
    const fills = { ...this.fills };
    const s = this.segment;
    if (s) {
      const sp = s.durationMs > 0 ? clamp01((activeMs - s.startMs) / s.durationMs) : 1;
      fills[s.region] = s.from + (s.target - s.from) * sp;
    }
    const sessionProgress = this.summary ? 1 : this.totalDurationMs ? clamp01(activeMs / this.totalDurationMs) : 0;
    return {
      phaseKind: p?.kind ?? null, cycleIndex: p?.cycleIndex ?? 0, phaseProgress, remainingMs,
      fills, volume: this.sampleVolume(activeMs), sessionProgress, cue: this.cue,
    };
  }
}

export const phaseNames = {
  inhale: 'Inhale',
  holdAfterInhale: 'Hold',
  exhale: 'Exhale',
  holdAfterExhale: 'Hold',
};
