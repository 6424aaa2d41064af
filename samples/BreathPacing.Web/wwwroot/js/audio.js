// Optional sound, synthesised with Web Audio (no files): a soft tone at each phase change, and during an
// Ocean's Breath exhale a filtered-noise "wave" whose loudness follows the exhale.

const TONES = { inhale: 392, holdAfterInhale: 330, exhale: 294, holdAfterExhale: 262 };

export class Sound {
  constructor() {
    this.enabled = false;
    this.context = null;
    this.noiseGain = null;
  }

  // Must be called from a user gesture (the toggle), as browsers require.
  setEnabled(on) {
    this.enabled = on;
    if (!on) {
      this.wave(0);
      return;
    }
    if (!this.context) {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return;
      this.context = new Ctx();
      this.buildNoise();
    }
    this.context.resume();
  }

  buildNoise() {
    const ctx = this.context;
    const buffer = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate);
    const data = buffer.getChannelData(0);
    let brown = 0;
    for (let i = 0; i < data.length; i++) {
      // Brownish noise: softer than white, closer to breath through a narrowed throat.
      brown = (brown + 0.02 * (Math.random() * 2 - 1)) / 1.02;
      data[i] = brown * 3.5;
    }
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.loop = true;
    const filter = ctx.createBiquadFilter();
    filter.type = 'bandpass';
    filter.frequency.value = 700;
    filter.Q.value = 0.6;
    this.noiseGain = ctx.createGain();
    this.noiseGain.gain.value = 0;
    source.connect(filter).connect(this.noiseGain).connect(ctx.destination);
    source.start();
  }

  tone(phaseKind) {
    if (!this.enabled || !this.context) return;
    const ctx = this.context;
    const t = ctx.currentTime;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = TONES[phaseKind] ?? 330;
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.06, t + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.9);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 1);
  }

  /** Sets the wave's loudness, 0..1; called every frame. */
  wave(level) {
    if (!this.noiseGain || !this.context) return;
    const target = this.enabled ? 0.25 * Math.max(0, Math.min(1, level)) : 0;
    this.noiseGain.gain.setTargetAtTime(target, this.context.currentTime, 0.05);
  }
}
