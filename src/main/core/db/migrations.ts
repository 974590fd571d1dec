import type { Database } from 'better-sqlite3'
import type { Incident } from '../../../shared/incident'
import { incidentWords } from '../search/incidentText'

/**
 * Versioned schema migrations. Each runs once, in order, inside one IMMEDIATE transaction
 * together with the bump of PRAGMA user_version, so two processes opening a database at the
 * same moment cannot both apply it. Never edit a released migration: add a new one.
 */
export interface Migration {
  version: number
  description: string
  up: (db: Database) => void
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'incidents, their devices, and the full-text index',
    up: (db) => {
      db.exec(`
        CREATE TABLE incidents (
          seq            INTEGER PRIMARY KEY,
          id             TEXT NOT NULL UNIQUE,
          timestamp      TEXT NOT NULL,
          ts_ms          INTEGER NOT NULL,
          severity       TEXT NOT NULL,
          severity_rank  INTEGER NOT NULL,
          category       TEXT NOT NULL,
          description    TEXT NOT NULL,
          root_cause     TEXT,
          resolved_at    TEXT,
          devices_json   TEXT NOT NULL,
          tags_json      TEXT NOT NULL,
          error_count    INTEGER NOT NULL,
          doc            TEXT NOT NULL
        );
        CREATE INDEX incidents_ts ON incidents (ts_ms DESC);
        CREATE INDEX incidents_category ON incidents (category, ts_ms DESC);
        CREATE INDEX incidents_severity ON incidents (severity_rank, ts_ms DESC);
        CREATE INDEX incidents_open ON incidents (resolved_at IS NULL, ts_ms DESC);

        CREATE TABLE incident_devices (
          incident_seq INTEGER NOT NULL REFERENCES incidents (seq) ON DELETE CASCADE,
          device       TEXT NOT NULL,
          PRIMARY KEY (device, incident_seq)
        ) WITHOUT ROWID;
        CREATE INDEX incident_devices_seq ON incident_devices (incident_seq);

        CREATE VIRTUAL TABLE incidents_fts USING fts5 (
          id, description, root_cause, resolution, category, devices, errors, tags,
          tokenize = 'porter unicode61 remove_diacritics 2'
        );

        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      `)
    }
  },
  {
    version: 2,
    description: 'incident vectors of the active embedding model, and the corpus vocabulary',
    up: (db) => {
      db.exec(`
        CREATE TABLE incident_embeddings (
          seq    INTEGER PRIMARY KEY REFERENCES incidents (seq) ON DELETE CASCADE,
          vector BLOB NOT NULL
        );
        CREATE TABLE incident_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
      `)
      // The vocabulary of incidents stored before this version; their vectors are made on first use.
      const add = db.prepare(
        'INSERT INTO incident_terms (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1'
      )
      // A page at a time: a statement being iterated would block the inserts on this connection.
      const page = db.prepare('SELECT seq, doc FROM incidents WHERE seq > ? ORDER BY seq LIMIT 500')
      for (let after = 0; ;) {
        const rows = page.all(after) as { seq: number; doc: string }[]
        if (rows.length === 0) break
        for (const row of rows)
          for (const word of incidentWords(JSON.parse(row.doc) as Incident)) add.run(word)
        after = rows[rows.length - 1]!.seq
      }
    }
  },
  {
    version: 3,
    description: 'a log of changed incidents, for in-memory indexes of this and other processes',
    up: (db) => {
      db.exec(`
        CREATE TABLE incident_changes (id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL);
        CREATE TRIGGER incident_changes_insert AFTER INSERT ON incidents
          BEGIN INSERT INTO incident_changes (seq) VALUES (new.seq); END;
        CREATE TRIGGER incident_changes_update AFTER UPDATE ON incidents
          BEGIN INSERT INTO incident_changes (seq) VALUES (new.seq); END;
        CREATE TRIGGER incident_changes_delete AFTER DELETE ON incidents
          BEGIN INSERT INTO incident_changes (seq) VALUES (old.seq); END;
        -- The log keeps the last 100,000 changes; a reader further behind reloads everything.
        CREATE TRIGGER incident_changes_prune AFTER INSERT ON incident_changes WHEN new.id % 10000 = 0
          BEGIN DELETE FROM incident_changes WHERE id <= new.id - 100000; END;
      `)
    }
  }
]

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0
