// Draws the breath: an SVG body whose regions fill, or a wave that rises and falls.

const SVG_NS = 'http://www.w3.org/2000/svg';

export class BodyVisual {
  constructor(svg) {
    this.svg = svg;
    this.regions = [...svg.querySelectorAll('.region')].map((g) => {
      const bg = g.querySelector('.region-bg');
      return {
        group: g,
        name: g.dataset.region,
        fill: g.querySelector('.region-fill'),
        top: Number(bg.getAttribute('y')),
        height: Number(bg.getAttribute('height')),
      };
    });
  }

  show(on) { this.svg.classList.toggle('off', !on); }

  draw(frame) {
    for (const r of this.regions) {
      const level = frame.fills[r.name] ?? 0;
      // Each region fills from its bottom edge upward.
      const h = r.height * level;
      r.fill.setAttribute('y', (r.top + r.height - h).toFixed(2));
      r.fill.setAttribute('height', h.toFixed(2));
      r.group.dataset.fill = level.toFixed(4);
    }
  }
}

export class WaveVisual {
  constructor(svg) {
    this.svg = svg;
    this.path = svg.querySelector('#wave-path');
    this.width = 300;
    this.height = 200;
  }

  show(on) { this.svg.classList.toggle('off', !on); }

  // The swell moves with the session's active time, so it stands still while the session is paused.
  draw(frame) {
    const level = frame.volume;
    const timeMs = frame.activeMs;
    // The water line rises with the breath; a gentle swell moves along it.
    const base = this.height - 20 - level * (this.height - 60);
    const amplitude = 6 + 8 * level;
    const shift = (timeMs / 1000) * 1.2;
    let d = `M0 ${this.height} L0 ${(base + Math.sin(shift) * amplitude).toFixed(1)}`;
    for (let x = 10; x <= this.width; x += 10) {
      const y = base + Math.sin(shift + x / 38) * amplitude;
      d += ` L${x} ${y.toFixed(1)}`;
    }
    d += ` L${this.width} ${this.height} Z`;
    this.path.setAttribute('d', d);
    this.path.dataset.level = level.toFixed(4);
  }
}

export { SVG_NS };
