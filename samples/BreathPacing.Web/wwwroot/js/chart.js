// The history chart: one bar per day for the minutes breathed, drawn in SVG from the library's day series.
// Drawn in CSS pixels (the viewBox follows the element's width), so its text stays readable at any size. Bars grow
// in with a short CSS animation, which prefers-reduced-motion turns off. The SVG's title and desc say what it shows;
// the sessions table beside it holds the same history as text.

const SVG_NS = 'http://www.w3.org/2000/svg';
const HEIGHT = 160;
const PAD = { top: 16, right: 8, bottom: 24, left: 8 };

function svgElement(tag, attributes, text) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

// A scale top a person reads at a glance: 1, 2, 5, 10, 15, 20, 30, 45, 60, then whole hours.
function niceMinutes(max) {
  for (const step of [1, 2, 5, 10, 15, 20, 30, 45, 60]) if (max <= step) return step;
  return Math.ceil(max / 60) * 60;
}

// "2026-03-02" as a date that does not move with the browser's time zone.
export const dateOf = (text) => {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

export function minutesText(seconds) {
  const minutes = seconds / 60;
  if (minutes < 1) return `${Math.round(seconds)} seconds`;
  const rounded = Math.round(minutes * 10) / 10;
  return `${rounded} minute${rounded === 1 ? '' : 's'}`;
}

/** A sentence for screen readers (and the caption) that says what the chart shows. */
export function describe(days) {
  const practised = days.filter((d) => d.sessions > 0);
  if (practised.length === 0) return `No sessions in the last ${days.length} days.`;
  const sessions = practised.reduce((n, d) => n + d.sessions, 0);
  const seconds = practised.reduce((n, d) => n + d.activeSeconds, 0);
  const most = practised.reduce((a, b) => (b.activeSeconds > a.activeSeconds ? b : a));
  return `${sessions} session${sessions === 1 ? '' : 's'} on ${practised.length} of the last ${days.length} days, `
    + `${minutesText(seconds)} in all; the most was ${minutesText(most.activeSeconds)} on ${longDate.format(dateOf(most.date))}.`;
}

/** Draws days ([{ date, sessions, activeSeconds }], oldest first, ending today) into svg. */
export function drawDays(svg, days) {
  const width = Math.max(240, Math.round(svg.clientWidth || svg.parentElement?.clientWidth || 560));
  svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
  const title = svg.querySelector('title');
  const desc = svg.querySelector('desc');
  svg.replaceChildren(...[title, desc].filter(Boolean));
  if (desc) desc.textContent = describe(days);

  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const top = niceMinutes(Math.max(...days.map((d) => d.activeSeconds / 60), 0.001));
  const baseline = PAD.top + plotH;
  const slot = plotW / days.length;
  const barW = Math.max(2, slot * 0.7);

  const art = svgElement('g', { 'aria-hidden': 'true' });
  art.append(
    svgElement('line', { class: 'grid', x1: PAD.left, x2: width - PAD.right, y1: PAD.top, y2: PAD.top }),
    svgElement('text', { class: 'axis', x: width - PAD.right, y: PAD.top - 4, 'text-anchor': 'end' }, `${top} min`),
    svgElement('line', { class: 'baseline', x1: PAD.left, x2: width - PAD.right, y1: baseline, y2: baseline }),
  );
  days.forEach((day, i) => {
    const x = PAD.left + i * slot + (slot - barW) / 2;
    const h = day.sessions > 0 ? Math.max(2, (day.activeSeconds / 60 / top) * plotH) : 0;
    if (h > 0) {
      const bar = svgElement('rect', { class: 'bar', x: x.toFixed(1), y: (baseline - h).toFixed(1), width: barW.toFixed(1), height: h.toFixed(1), rx: Math.min(3, barW / 3).toFixed(1) });
      bar.dataset.date = day.date;
      bar.dataset.sessions = day.sessions;
      bar.style.animationDelay = `${Math.round(i * 12)}ms`;
      art.append(bar);
    } else {
      art.append(svgElement('circle', { class: 'empty-day', cx: (x + barW / 2).toFixed(1), cy: baseline, r: 1.5 }));
    }
    // A date under the first day, every seventh day before today, and today.
    const fromEnd = days.length - 1 - i;
    if (fromEnd % 7 === 0 || i === 0) {
      const label = fromEnd === 0 ? 'today' : dayMonth.format(dateOf(day.date));
      const anchor = i === 0 ? 'start' : fromEnd === 0 ? 'end' : 'middle';
      const tx = i === 0 ? PAD.left : fromEnd === 0 ? width - PAD.right : x + barW / 2;
      if (i === 0 && fromEnd % 7 !== 0 && fromEnd < 4) return; // too close to the next label
      art.append(svgElement('text', { class: 'axis', x: tx.toFixed(1), y: HEIGHT - 6, 'text-anchor': anchor }, label));
    }
  });
  svg.append(art);
}
