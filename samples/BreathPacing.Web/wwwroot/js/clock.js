// Maps the session's active time onto this page's clock.
//
// Every event carries the server's clock when it was sent (serverTime) and the session's active time at that
// instant (elapsedMs). The offset between the two clocks is estimated as the smallest (arrival − serverTime)
// seen so far: network delay only ever adds to it, so the minimum is the closest to the true offset.

const now = () => performance.timeOrigin + performance.now();

// Date.parse copes with millisecond precision; the server sends up to 7 fractional digits.
function parseServerTime(text) {
  return Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
}

export class SessionClock {
  constructor() {
    this.offset = Infinity;  // client − server, ms
    this.anchorElapsed = 0;  // active ms at anchorServer
    this.anchorServer = NaN; // server ms
    this.running = false;
  }

  /** Takes the timing of one event as it arrives. */
  observe(data, arrivedAt = now()) {
    const server = parseServerTime(data.serverTime);
    if (Number.isFinite(server)) {
      this.offset = Math.min(this.offset, arrivedAt - server);
      this.anchorServer = server;
      this.anchorElapsed = data.elapsedMs;
    }
    this.running = data.state === 'running';
  }

  /** The estimated active time (ms) at this page's instant t. */
  activeAt(t = now()) {
    if (!Number.isFinite(this.anchorServer)) return 0;
    if (!this.running) return this.anchorElapsed;
    const serverNow = t - (Number.isFinite(this.offset) ? this.offset : 0);
    return this.anchorElapsed + Math.max(0, serverNow - this.anchorServer);
  }
}
