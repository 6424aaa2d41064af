// Follows a session's event stream, and keeps following it when the stream ends abnormally.
//
// The stream is read with fetch and the eventsource-parser package rather than EventSource, because the page must see
// what EventSource hides: the status and problem document of a refused connection (a 429 or 503 says when to try
// again), and the choice of resuming after the last event (Last-Event-ID) or starting afresh. What it does:
//   - events are handed on in order; the id of each is remembered;
//   - a stream that ends before SessionCompleted (a dropped connection, a restarted proxy) is resumed with
//     Last-Event-ID after the server's retry delay; the server sends every later event, none twice;
//   - a 429 or 503 (too many streams) is retried after its Retry-After, backing off, with a message meanwhile;
//   - a network failure is retried, backing off;
//   - a `reset` event ({ reason, lastGoodSequence }: the server can no longer continue this stream in order) makes
//     the page drop its picture and reconnect from the start, without Last-Event-ID; the replay rebuilds the picture;
//   - any other refusal (404: the session is gone) ends the following, and is reported.
import { createParser } from '../lib/eventsource-parser/index.js';

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

// Backoff for the attempt'th retry in a row: the base doubled each time, capped, with up to a fifth more at random so
// that many pages refused at once do not return at once.
function backoff(baseMs, attempt) {
  const ms = Math.min(LONGEST_RETRY_MS, baseMs * 2 ** attempt);
  return Math.round(ms * (1 + Math.random() * 0.2));
}

async function problemOf(response) {
  try {
    return (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : {};
  } catch {
    return {};
  }
}

// Retry-After in seconds (the only form the server sends), or the problem's retryAfterSeconds.
function retryAfterMs(response, problem) {
  const header = Number(response.headers.get('Retry-After'));
  const seconds = Number.isFinite(header) && header >= 0 ? header : Number(problem.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 0;
}

export class SessionStream {
  /**
   * @param {string} url The session's events URL.
   * @param {object} handlers
   *   onEvent(kind, data): one engine event;
   *   onReset(data): the picture so far is void; a replay from the start follows;
   *   onStatus(status): { kind: 'connected' } | { kind: 'waiting', reason: 'busy' | 'offline', status?, problem?, retryInMs }
   *     | { kind: 'failed', status, problem }.
   */
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.lastEventId = null;
    this.retryMs = FIRST_RETRY_MS;
    this.closed = false;
    this.controller = null;
    this.timer = 0;
    this.wake = null;
    this.done = this.run();
  }

  /** Stops following: the connection is closed and nothing more is handed on. */
  close() {
    this.closed = true;
    this.controller?.abort();
    clearTimeout(this.timer);
    this.wake?.();
  }

  sleep(ms) {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  async run() {
    let failures = 0; // connection attempts in a row that got no stream
    while (!this.closed) {
      const controller = new AbortController();
      this.controller = controller;
      const headers = { Accept: 'text/event-stream' };
      if (this.lastEventId !== null) headers['Last-Event-ID'] = this.lastEventId;
      let response;
      try {
        response = await fetch(this.url, { headers, cache: 'no-store', signal: controller.signal });
      } catch {
        if (this.closed) return;
        const retryInMs = backoff(this.retryMs, failures++);
        this.handlers.onStatus({ kind: 'waiting', reason: 'offline', retryInMs });
        await this.sleep(retryInMs);
        continue;
      }
      if (this.closed) { controller.abort(); return; }

      if (response.status === 429 || response.status === 503) {
        const problem = await problemOf(response);
        const retryInMs = Math.max(retryAfterMs(response, problem), backoff(this.retryMs, failures++));
        this.handlers.onStatus({ kind: 'waiting', reason: 'busy', status: response.status, problem, retryInMs });
        await this.sleep(retryInMs);
        continue;
      }
      const type = response.headers.get('Content-Type') || '';
      if (!response.ok || !type.startsWith('text/event-stream') || !response.body) {
        const problem = await problemOf(response);
        if (response.status === 400 && problem.field === 'Last-Event-ID' && this.lastEventId !== null) {
          // The server has not sent the event named (another instance, restored earlier): start afresh, as on reset.
          this.restart({ reason: 'unknownLastEventId', lastGoodSequence: -1 });
          continue;
        }
        this.closed = true;
        this.handlers.onStatus({ kind: 'failed', status: response.status, problem });
        return;
      }

      this.handlers.onStatus({ kind: 'connected' });
      const { ending, received } = await this.read(response, controller);
      if (ending === 'completed' || this.closed) return;
      if (ending === 'reset') { failures = 0; continue; } // at once, from the start
      // The stream ended early: resume after the last event, backing off while streams end with nothing in them.
      failures = received > 0 ? 0 : failures + 1;
      await this.sleep(backoff(this.retryMs, failures));
    }
  }

  restart(data) {
    this.lastEventId = null;
    this.handlers.onReset(data);
  }

  // Reads one response to its end; resolves to how it ended ('completed': SessionCompleted arrived, 'reset' or
  // 'ended') and how many events it brought.
  async read(response, controller) {
    let ending = 'ended';
    let received = 0;
    const parser = createParser({
      onRetry: (ms) => { if (ms > 0) this.retryMs = ms; },
      onEvent: (event) => {
        if (ending !== 'ended' || this.closed) return; // nothing after the end, a reset or close
        if (event.event === 'reset') {
          let data = {};
          try { data = JSON.parse(event.data); } catch { /* the reset holds all the same */ }
          ending = 'reset';
          this.restart(data);
          return;
        }
        if (event.id !== undefined) this.lastEventId = event.id;
        if (!event.event) return; // only named events are the engine's
        let data;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        received++;
        if (event.event === 'SessionCompleted') ending = 'completed';
        this.handlers.onEvent(event.event, data);
      },
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      while (ending === 'ended' && !this.closed) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // The connection broke; what arrived has been handed on.
    } finally {
      controller.abort();
    }
    return { ending, received };
  }
}
