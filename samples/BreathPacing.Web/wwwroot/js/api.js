// Thin client for the BreathPacing web API. Errors arrive as RFC 9457 problem details.

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.problem = problem || {};
    this.status = status;
  }
}

async function send(method, url, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(data, response.status);
  return data;
}

export const api = {
  techniques: () => send('GET', '/api/techniques'),
  guide: () => send('GET', '/api/guide'),
  parse: (notation) => send('POST', '/api/patterns/parse', { notation }),
  start: (request) => send('POST', '/api/sessions', request),
  pause: (id) => send('POST', `/api/sessions/${encodeURIComponent(id)}/pause`),
  resume: (id) => send('POST', `/api/sessions/${encodeURIComponent(id)}/resume`),
  stop: (id) => send('DELETE', `/api/sessions/${encodeURIComponent(id)}`),
  // Practice: the server keeps no history; each call carries the records it needs.
  feelings: () => send('GET', '/api/practice/feelings'),
  record: (request) => send('POST', '/api/practice/record', request),
  plan: (request) => send('POST', '/api/practice/plan', request),
  statistics: (request) => send('POST', '/api/practice/statistics', request),
  readJournal: (document) => send('POST', '/api/practice/read', document),
};
