// The practice journal, kept in this browser's IndexedDB and nowhere else.
//
// Each record is stored exactly as the server's library wrote it (journal format version 1), so an export is the
// library's own JSON and the page never works out a record's numbers itself. The contract is the library's
// IPracticeJournal: records in end-time order (then in the order they were added), a record equal to one already
// kept is not added again (an import of the same file twice adds nothing), adding many is all-or-nothing.
//
// Database "breathpacing", version 1, object store "records" (key: an auto-incremented id), one entry per session:
//   { id, key, version: 1, endedAtMs, techniqueId?, record }
// where key is the record's JSON text (unique: equal records have equal text), endedAtMs the end as epoch
// milliseconds (for ordering and ranges) and techniqueId absent for a custom pattern. Indexes: "key" (unique),
// "endedAt" (endedAtMs) and "technique" ([techniqueId, endedAtMs]).

const DB_NAME = 'breathpacing';
const DB_VERSION = 1;
const STORE = 'records';
export const FORMAT_VERSION = 1;

const promised = (req) => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});

const finished = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onabort = () => reject(tx.error ?? new DOMException('The change was not saved.', 'AbortError'));
});

// Date.parse copes with millisecond precision; the library writes up to 7 fractional digits.
export const instantMs = (text) => Date.parse(String(text).replace(/(\.\d{3})\d+/, '$1'));

function entryOf(record) {
  const entry = { key: JSON.stringify(record), version: FORMAT_VERSION, endedAtMs: instantMs(record.endedAt), record };
  if (typeof record.techniqueId === 'string') entry.techniqueId = record.techniqueId;
  return entry;
}

// The same record with another answer to how it felt; the library writes "feeling" last, and so does this.
function withFeeling(record, code) {
  const { feeling, ...rest } = record;
  return code ? { ...rest, feeling: code } : rest;
}

const encoder = new TextEncoder();

/** The length of text in UTF-8 bytes, as a request body carries it. */
export const byteLength = (text) => encoder.encode(text).length;

// The latest records (of an index range) whose JSON fits in budget bytes, oldest first.
async function latest(source, range, budget) {
  const picked = [];
  let used = 0;
  await new Promise((resolve, reject) => {
    const req = source.openCursor(range, 'prev');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) { resolve(); return; }
      used += byteLength(cursor.value.key) + 1;
      if (used > budget && picked.length > 0) { resolve(); return; }
      picked.push(cursor.value.record);
      cursor.continue();
    };
  });
  return picked.reverse();
}

export class PracticeJournal {
  constructor(db) { this.db = db; }

  /** Opens (and on first use creates) the journal; rejects where the browser keeps no data. */
  static async open() {
    if (!window.indexedDB) throw new Error('This browser does not keep data for pages (IndexedDB).');
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
      store.createIndex('key', 'key', { unique: true });
      store.createIndex('endedAt', 'endedAtMs');
      store.createIndex('technique', ['techniqueId', 'endedAtMs']);
    };
    return new PracticeJournal(await promised(req));
  }

  /** Adds a record unless an equal one is kept; resolves to { id, added }. */
  async append(record) {
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const entry = entryOf(record);
    const existing = await promised(store.index('key').getKey(entry.key));
    const id = existing ?? await promised(store.add(entry));
    await finished(tx);
    return { id, added: existing === undefined };
  }

  /** Adds records all at once, skipping those already kept or repeated; all or nothing. Resolves to how many were added. */
  async appendRange(records) {
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const seen = new Set();
    let added = 0;
    for (const record of records) {
      const entry = entryOf(record);
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      if (await promised(store.index('key').getKey(entry.key)) === undefined) {
        store.add(entry);
        added++;
      }
    }
    await finished(tx);
    return added;
  }

  /** Records how the session of entry id felt (code: easy, comfortable, hard, dizzy; null for none). Resolves to the kept entry's id. */
  async setFeeling(id, code) {
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const entry = await promised(store.get(id));
    if (!entry) throw new Error('The session is no longer in the journal.');
    const updated = { ...entryOf(withFeeling(entry.record, code)), id };
    const twin = await promised(store.index('key').getKey(updated.key));
    let kept = id;
    if (twin !== undefined && twin !== id) {
      store.delete(id); // the same session, rated the same, is already kept (e.g. imported)
      kept = twin;
    } else {
      store.put(updated);
    }
    await finished(tx);
    return kept;
  }

  /** Every entry, in end-time order. */
  async entries() {
    const tx = this.db.transaction(STORE, 'readonly');
    return promised(tx.objectStore(STORE).index('endedAt').getAll());
  }

  /** The latest records of a technique whose JSON fits in budget bytes, oldest first. */
  async latestOfTechnique(techniqueId, budget) {
    const tx = this.db.transaction(STORE, 'readonly');
    return latest(tx.objectStore(STORE).index('technique'), IDBKeyRange.bound([techniqueId, -Infinity], [techniqueId, Infinity]), budget);
  }

  /** The latest records whose JSON fits in budget bytes (all of them when they fit), oldest first. */
  async latest(budget) {
    const tx = this.db.transaction(STORE, 'readonly');
    return latest(tx.objectStore(STORE).index('endedAt'), null, budget);
  }

  async count() {
    const tx = this.db.transaction(STORE, 'readonly');
    return promised(tx.objectStore(STORE).count());
  }

  /** Deletes every record; resolves to how many there were. */
  async deleteAll() {
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const count = await promised(store.count());
    store.clear();
    await finished(tx);
    return count;
  }

  /** The journal as a version-1 document, as the library's PracticeJournalJson writes it. */
  async document() {
    return { version: FORMAT_VERSION, records: (await this.entries()).map((e) => e.record) };
  }
}
