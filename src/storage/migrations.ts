/**
 * The schema, as append-only migrations: migration N brings `PRAGMA user_version` from N-1 to N.
 * Never edit a migration that has shipped; add the next one. Each runs in one transaction with
 * the version bump, so a database is always at exactly one version.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** The sales competency framework a new database starts with (every entry editable). */
export const SEEDED_COMPETENCIES: ReadonlyArray<readonly [slug: string, name: string, description: string]> = [
  ['prospecting', 'Prospecting', 'Finds and opens new opportunities: research, outreach, a full top of funnel.'],
  ['discovery', 'Discovery', 'Asks the questions that uncover pain, budget, authority, timeline and the real decision process.'],
  ['presentation', 'Presentation', 'Demos and pitches that tie the product to what this customer said they need.'],
  ['objection-handling', 'Objection handling', 'Hears the concern behind an objection and answers it without getting defensive.'],
  ['negotiation', 'Negotiation', 'Trades value rather than discounts, and protects margin and terms.'],
  ['closing', 'Closing', 'Asks for the business, agrees next steps and gets deals signed on the forecast date.'],
  ['pipeline-management', 'Pipeline management', 'Keeps the CRM true, qualifies hard, and forecasts accurately with enough coverage.'],
  ['product-knowledge', 'Product knowledge', 'Knows the product, pricing and competitors well enough to answer without escalating.'],
  [
    'account-management',
    'Account management',
    'Grows existing customers: renewals, expansion, references and multi-threaded relationships.',
  ],
  ['communication', 'Communication', 'Clear, timely writing and speaking with customers and colleagues; follows up.'],
  ['time-management', 'Time management', 'Spends the week on the activities and accounts that move the number.'],
  ['collaboration', 'Collaboration', 'Works well with SEs, marketing, customer success and other reps to win deals.'],
];

function seedCompetenciesSql(): string {
  const esc = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const rows = SEEDED_COMPETENCIES.map(
    ([slug, name, description], i) =>
      `(${esc(slug)}, ${esc(name)}, ${esc(description)}, ${i + 1}, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'))`,
  );
  return `INSERT INTO competencies (slug, name, description, position, created_at, updated_at) VALUES\n  ${rows.join(',\n  ')};`;
}

// Migrations are frozen text: the value lists below are spelled out, not taken from the domain
// code, so that changing the code can never change what an old migration did.
// Calendar dates are TEXT 'YYYY-MM-DD'; instants are TEXT ISO 8601 with offset.
const SCHEMA_V1 = `
CREATE TABLE config (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE goals (
  id             INTEGER PRIMARY KEY,
  slug           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  is_org         INTEGER NOT NULL DEFAULT 0 CHECK (is_org IN (0, 1)),
  unit           TEXT,
  baseline       REAL NOT NULL DEFAULT 0,
  target         REAL,
  start_date     TEXT NOT NULL,
  due_date       TEXT,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'dropped')),
  closed_on      TEXT,
  aligns_to_id   INTEGER REFERENCES goals(id) ON DELETE SET NULL,
  aligns_to_text TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (aligns_to_id IS NULL OR aligns_to_text IS NULL),
  CHECK (due_date IS NULL OR due_date >= start_date)
) STRICT;
CREATE INDEX goals_aligns_to ON goals(aligns_to_id);

CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  date       TEXT NOT NULL,
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  type       TEXT NOT NULL DEFAULT 'note' CHECK (type IN ('call', 'meeting', 'demo', 'proposal', 'win', 'loss', 'learning', 'challenge', 'note')),
  account    TEXT,
  starred    INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  goal_id    INTEGER REFERENCES goals(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX notes_date ON notes(date);
CREATE INDEX notes_goal ON notes(goal_id);
CREATE INDEX notes_account ON notes(account COLLATE NOCASE);

CREATE TABLE note_tags (
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  tag     TEXT NOT NULL,
  PRIMARY KEY (note_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX note_tags_tag ON note_tags(tag);

-- A check-in either sets the goal's value or changes it; the value is always the replay of
-- the check-ins, so deleting or editing one (or the note behind it) keeps the history consistent.
CREATE TABLE goal_checkins (
  id         INTEGER PRIMARY KEY,
  goal_id    INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('set', 'add')),
  amount     REAL NOT NULL,
  note       TEXT,
  note_id    INTEGER UNIQUE REFERENCES notes(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX goal_checkins_goal ON goal_checkins(goal_id, date);

CREATE TABLE competencies (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  description TEXT,
  target      INTEGER CHECK (target IS NULL OR target >= 1),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE note_competencies (
  note_id       INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  competency_id INTEGER NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
  PRIMARY KEY (note_id, competency_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX note_competencies_competency ON note_competencies(competency_id);

CREATE TABLE ratings (
  id            INTEGER PRIMARY KEY,
  competency_id INTEGER NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
  date          TEXT NOT NULL,
  rating        INTEGER NOT NULL CHECK (rating >= 1),
  source        TEXT NOT NULL DEFAULT 'self' CHECK (source IN ('self', 'manager', 'peer', 'customer', 'other')),
  rated_by      TEXT,
  note          TEXT,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX ratings_competency ON ratings(competency_id, date);

CREATE TABLE feedback (
  id            INTEGER PRIMARY KEY,
  date          TEXT NOT NULL,
  from_name     TEXT NOT NULL CHECK (length(trim(from_name)) > 0),
  relationship  TEXT NOT NULL CHECK (relationship IN ('manager', 'peer', 'other-manager', 'admin', 'customer', 'direct-report')),
  competency_id INTEGER REFERENCES competencies(id) ON DELETE SET NULL,
  text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX feedback_date ON feedback(date);

CREATE TABLE development (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  competency_id INTEGER REFERENCES competencies(id) ON DELETE SET NULL,
  assigned_by   TEXT,
  due_date      TEXT,
  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
  started_on    TEXT,
  completed_on  TEXT,
  outcome       TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

-- One-to-one conversations with the manager that took place.
CREATE TABLE checkins (
  id         INTEGER PRIMARY KEY,
  date       TEXT NOT NULL,
  note       TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX checkins_date ON checkins(date);

-- Full-text search over notes, an external-content index kept in step by triggers.
CREATE VIRTUAL TABLE notes_fts USING fts5(
  text, account,
  content = 'notes', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, text, account) VALUES (new.id, new.text, new.account);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF text, account ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
  INSERT INTO notes_fts (rowid, text, account) VALUES (new.id, new.text, new.account);
END;

${seedCompetenciesSql()}
`;

// Ids are what a rep writes down ("see note #30"), so a deleted record's id must never be handed
// to a new one. Plain INTEGER PRIMARY KEY reuses the highest id after it is deleted; AUTOINCREMENT
// never does. SQLite cannot add AUTOINCREMENT to a table, so each table is rebuilt with its rows,
// ids, indexes and triggers. (Runs with foreign keys off; db.ts checks them before committing.)
// The development table also gains start_note: `perf dev start --note` ("booked for 12 March")
// is not the outcome, which is what done and drop write.
const AUTOINCREMENT_IDS_V2 = `
CREATE TABLE goals_v2 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  slug           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  is_org         INTEGER NOT NULL DEFAULT 0 CHECK (is_org IN (0, 1)),
  unit           TEXT,
  baseline       REAL NOT NULL DEFAULT 0,
  target         REAL,
  start_date     TEXT NOT NULL,
  due_date       TEXT,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'dropped')),
  closed_on      TEXT,
  aligns_to_id   INTEGER REFERENCES goals(id) ON DELETE SET NULL,
  aligns_to_text TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (aligns_to_id IS NULL OR aligns_to_text IS NULL),
  CHECK (due_date IS NULL OR due_date >= start_date)
) STRICT;
INSERT INTO goals_v2 SELECT id, slug, title, is_org, unit, baseline, target, start_date, due_date, status,
  closed_on, aligns_to_id, aligns_to_text, created_at, updated_at FROM goals;
DROP TABLE goals;
ALTER TABLE goals_v2 RENAME TO goals;
CREATE INDEX goals_aligns_to ON goals(aligns_to_id);

CREATE TABLE notes_v2 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  date       TEXT NOT NULL,
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  type       TEXT NOT NULL DEFAULT 'note' CHECK (type IN ('call', 'meeting', 'demo', 'proposal', 'win', 'loss', 'learning', 'challenge', 'note')),
  account    TEXT,
  starred    INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  goal_id    INTEGER REFERENCES goals(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO notes_v2 SELECT id, date, text, type, account, starred, goal_id, created_at, updated_at FROM notes;
DROP TABLE notes;
ALTER TABLE notes_v2 RENAME TO notes;
CREATE INDEX notes_date ON notes(date);
CREATE INDEX notes_goal ON notes(goal_id);
CREATE INDEX notes_account ON notes(account COLLATE NOCASE);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, text, account) VALUES (new.id, new.text, new.account);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF text, account ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
  INSERT INTO notes_fts (rowid, text, account) VALUES (new.id, new.text, new.account);
END;

CREATE TABLE goal_checkins_v2 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  goal_id    INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('set', 'add')),
  amount     REAL NOT NULL,
  note       TEXT,
  note_id    INTEGER UNIQUE REFERENCES notes(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO goal_checkins_v2 SELECT id, goal_id, date, kind, amount, note, note_id, created_at FROM goal_checkins;
DROP TABLE goal_checkins;
ALTER TABLE goal_checkins_v2 RENAME TO goal_checkins;
CREATE INDEX goal_checkins_goal ON goal_checkins(goal_id, date);

CREATE TABLE competencies_v2 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  description TEXT,
  target      INTEGER CHECK (target IS NULL OR target >= 1),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
INSERT INTO competencies_v2 SELECT id, slug, name, description, target, position, created_at, updated_at FROM competencies;
DROP TABLE competencies;
ALTER TABLE competencies_v2 RENAME TO competencies;

CREATE TABLE ratings_v2 (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  competency_id INTEGER NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
  date          TEXT NOT NULL,
  rating        INTEGER NOT NULL CHECK (rating >= 1),
  source        TEXT NOT NULL DEFAULT 'self' CHECK (source IN ('self', 'manager', 'peer', 'customer', 'other')),
  rated_by      TEXT,
  note          TEXT,
  created_at    TEXT NOT NULL
) STRICT;
INSERT INTO ratings_v2 SELECT id, competency_id, date, rating, source, rated_by, note, created_at FROM ratings;
DROP TABLE ratings;
ALTER TABLE ratings_v2 RENAME TO ratings;
CREATE INDEX ratings_competency ON ratings(competency_id, date);

CREATE TABLE feedback_v2 (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  date          TEXT NOT NULL,
  from_name     TEXT NOT NULL CHECK (length(trim(from_name)) > 0),
  relationship  TEXT NOT NULL CHECK (relationship IN ('manager', 'peer', 'other-manager', 'admin', 'customer', 'direct-report')),
  competency_id INTEGER REFERENCES competencies(id) ON DELETE SET NULL,
  text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
  created_at    TEXT NOT NULL
) STRICT;
INSERT INTO feedback_v2 SELECT id, date, from_name, relationship, competency_id, text, created_at FROM feedback;
DROP TABLE feedback;
ALTER TABLE feedback_v2 RENAME TO feedback;
CREATE INDEX feedback_date ON feedback(date);

CREATE TABLE development_v2 (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  competency_id INTEGER REFERENCES competencies(id) ON DELETE SET NULL,
  assigned_by   TEXT,
  due_date      TEXT,
  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
  started_on    TEXT,
  start_note    TEXT,
  completed_on  TEXT,
  outcome       TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
INSERT INTO development_v2 SELECT id, title, competency_id, assigned_by, due_date, status, started_on, NULL,
  completed_on, outcome, created_at, updated_at FROM development;
DROP TABLE development;
ALTER TABLE development_v2 RENAME TO development;

CREATE TABLE checkins_v2 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  date       TEXT NOT NULL,
  note       TEXT,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO checkins_v2 SELECT id, date, note, created_at FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_v2 RENAME TO checkins;
CREATE INDEX checkins_date ON checkins(date);
`;

/**
 * `PRAGMA application_id` of every journal: the ASCII bytes "PERF" (0x50455246). It marks the file
 * as a perf journal in its header, so another program's SQLite file is never mistaken for one.
 */
export const APPLICATION_ID = 0x50455246;

const APPLICATION_ID_V3 = `PRAGMA application_id = ${APPLICATION_ID};`;

/**
 * Where an imported record came from (a jrnl entry's date, time, title, body and occurrence; a perf
 * export's table, id and creation instant), so that a second import of the same record is skipped
 * and two distinct records with the same content are both kept. NULL: typed into this journal.
 * `meta.journal_id` names the journal in the keys of its typed records, so that two journals'
 * records with the same id and creation instant are told apart.
 */
const SOURCE_KEYS_V4 = `
ALTER TABLE goals ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX goals_source_key ON goals(source_key) WHERE source_key IS NOT NULL;
ALTER TABLE notes ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX notes_source_key ON notes(source_key) WHERE source_key IS NOT NULL;
ALTER TABLE goal_checkins ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX goal_checkins_source_key ON goal_checkins(source_key) WHERE source_key IS NOT NULL;
ALTER TABLE ratings ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX ratings_source_key ON ratings(source_key) WHERE source_key IS NOT NULL;
ALTER TABLE feedback ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX feedback_source_key ON feedback(source_key) WHERE source_key IS NOT NULL;
ALTER TABLE development ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX development_source_key ON development(source_key) WHERE source_key IS NOT NULL;
ALTER TABLE checkins ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX checkins_source_key ON checkins(source_key) WHERE source_key IS NOT NULL;
CREATE TABLE meta (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  journal_id TEXT NOT NULL CHECK (length(journal_id) > 0)
) STRICT;
INSERT INTO meta (singleton, journal_id) VALUES (1, lower(hex(randomblob(16))));
`;

/**
 * The undo log (`perf undo`, `perf history`). Every write transaction of a command records one
 * change (store.ts): while it runs, `undo_state.current_change` names it, and these triggers append
 * to it the statement that reverses each row written (a DELETE for an insert, an INSERT with the
 * old values and id for a delete, an UPDATE back to the old values for an update). Undo runs a
 * change's steps newest first with recording off. The search index is not recorded: the notes
 * triggers keep it in step when the notes rows are put back. The triggers are written out for
 * the tables as they are at schema 4 (made by scripts/undo-triggers.mjs): a later migration that
 * adds a journal table or a column MUST create or recreate that table's undo triggers (drop them,
 * paste the script's output for it), or undo would miss that table or that column.
 * An update that changes nothing but `updated_at` (an edit to the values a record already has) is
 * not recorded, so a command that changed nothing leaves no change to undo.
 * A change's id is the next after the newest (undone changes stay listed, so ids are not handed
 * out again); not AUTOINCREMENT, so that a command that wrote nothing leaves no trace at all.
 */
const UNDO_LOG_V5 = `
CREATE TABLE changes (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  command   TEXT NOT NULL,
  summary   TEXT NOT NULL,
  undone_at TEXT
) STRICT;
CREATE TABLE change_steps (
  seq       INTEGER PRIMARY KEY,
  change_id INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
  sql       TEXT NOT NULL
) STRICT;
CREATE INDEX change_steps_change ON change_steps(change_id);
CREATE TABLE undo_state (
  singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
  current_change INTEGER
) STRICT;
INSERT INTO undo_state (singleton, current_change) VALUES (1, NULL);
CREATE TRIGGER undo_checkins_insert AFTER INSERT ON checkins WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM checkins' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_checkins_update AFTER UPDATE ON checkins WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.date IS NOT new.date OR old.note IS NOT new.note OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE checkins SET ' || 'id = ' || quote(old.id) || ', ' || 'date = ' || quote(old.date) || ', ' || 'note = ' || quote(old.note) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_checkins_delete AFTER DELETE ON checkins WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO checkins (id, date, note, created_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.date) || ', ' || quote(old.note) || ', ' || quote(old.created_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_competencies_insert AFTER INSERT ON competencies WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM competencies' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_competencies_update AFTER UPDATE ON competencies WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.slug IS NOT new.slug OR old.name IS NOT new.name OR old.description IS NOT new.description OR old.target IS NOT new.target OR old.position IS NOT new.position OR old.created_at IS NOT new.created_at) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE competencies SET ' || 'id = ' || quote(old.id) || ', ' || 'slug = ' || quote(old.slug) || ', ' || 'name = ' || quote(old.name) || ', ' || 'description = ' || quote(old.description) || ', ' || 'target = ' || quote(old.target) || ', ' || 'position = ' || quote(old.position) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'updated_at = ' || quote(old.updated_at) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_competencies_delete AFTER DELETE ON competencies WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO competencies (id, slug, name, description, target, position, created_at, updated_at) VALUES (' || quote(old.id) || ', ' || quote(old.slug) || ', ' || quote(old.name) || ', ' || quote(old.description) || ', ' || quote(old.target) || ', ' || quote(old.position) || ', ' || quote(old.created_at) || ', ' || quote(old.updated_at) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_config_insert AFTER INSERT ON config WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM config' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_config_update AFTER UPDATE ON config WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.key IS NOT new.key OR old.value IS NOT new.value) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE config SET ' || 'key = ' || quote(old.key) || ', ' || 'value = ' || quote(old.value) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_config_delete AFTER DELETE ON config WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO config (rowid, key, value) VALUES (' || quote(old.rowid) || ', ' || quote(old.key) || ', ' || quote(old.value) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_development_insert AFTER INSERT ON development WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM development' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_development_update AFTER UPDATE ON development WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.title IS NOT new.title OR old.competency_id IS NOT new.competency_id OR old.assigned_by IS NOT new.assigned_by OR old.due_date IS NOT new.due_date OR old.status IS NOT new.status OR old.started_on IS NOT new.started_on OR old.start_note IS NOT new.start_note OR old.completed_on IS NOT new.completed_on OR old.outcome IS NOT new.outcome OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE development SET ' || 'id = ' || quote(old.id) || ', ' || 'title = ' || quote(old.title) || ', ' || 'competency_id = ' || quote(old.competency_id) || ', ' || 'assigned_by = ' || quote(old.assigned_by) || ', ' || 'due_date = ' || quote(old.due_date) || ', ' || 'status = ' || quote(old.status) || ', ' || 'started_on = ' || quote(old.started_on) || ', ' || 'start_note = ' || quote(old.start_note) || ', ' || 'completed_on = ' || quote(old.completed_on) || ', ' || 'outcome = ' || quote(old.outcome) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'updated_at = ' || quote(old.updated_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_development_delete AFTER DELETE ON development WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO development (id, title, competency_id, assigned_by, due_date, status, started_on, start_note, completed_on, outcome, created_at, updated_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.title) || ', ' || quote(old.competency_id) || ', ' || quote(old.assigned_by) || ', ' || quote(old.due_date) || ', ' || quote(old.status) || ', ' || quote(old.started_on) || ', ' || quote(old.start_note) || ', ' || quote(old.completed_on) || ', ' || quote(old.outcome) || ', ' || quote(old.created_at) || ', ' || quote(old.updated_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_feedback_insert AFTER INSERT ON feedback WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM feedback' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_feedback_update AFTER UPDATE ON feedback WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.date IS NOT new.date OR old.from_name IS NOT new.from_name OR old.relationship IS NOT new.relationship OR old.competency_id IS NOT new.competency_id OR old.text IS NOT new.text OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE feedback SET ' || 'id = ' || quote(old.id) || ', ' || 'date = ' || quote(old.date) || ', ' || 'from_name = ' || quote(old.from_name) || ', ' || 'relationship = ' || quote(old.relationship) || ', ' || 'competency_id = ' || quote(old.competency_id) || ', ' || 'text = ' || quote(old.text) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_feedback_delete AFTER DELETE ON feedback WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO feedback (id, date, from_name, relationship, competency_id, text, created_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.date) || ', ' || quote(old.from_name) || ', ' || quote(old.relationship) || ', ' || quote(old.competency_id) || ', ' || quote(old.text) || ', ' || quote(old.created_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_goal_checkins_insert AFTER INSERT ON goal_checkins WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM goal_checkins' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_goal_checkins_update AFTER UPDATE ON goal_checkins WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.goal_id IS NOT new.goal_id OR old.date IS NOT new.date OR old.kind IS NOT new.kind OR old.amount IS NOT new.amount OR old.note IS NOT new.note OR old.note_id IS NOT new.note_id OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE goal_checkins SET ' || 'id = ' || quote(old.id) || ', ' || 'goal_id = ' || quote(old.goal_id) || ', ' || 'date = ' || quote(old.date) || ', ' || 'kind = ' || quote(old.kind) || ', ' || 'amount = ' || quote(old.amount) || ', ' || 'note = ' || quote(old.note) || ', ' || 'note_id = ' || quote(old.note_id) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_goal_checkins_delete AFTER DELETE ON goal_checkins WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO goal_checkins (id, goal_id, date, kind, amount, note, note_id, created_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.goal_id) || ', ' || quote(old.date) || ', ' || quote(old.kind) || ', ' || quote(old.amount) || ', ' || quote(old.note) || ', ' || quote(old.note_id) || ', ' || quote(old.created_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_goals_insert AFTER INSERT ON goals WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM goals' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_goals_update AFTER UPDATE ON goals WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.slug IS NOT new.slug OR old.title IS NOT new.title OR old.is_org IS NOT new.is_org OR old.unit IS NOT new.unit OR old.baseline IS NOT new.baseline OR old.target IS NOT new.target OR old.start_date IS NOT new.start_date OR old.due_date IS NOT new.due_date OR old.status IS NOT new.status OR old.closed_on IS NOT new.closed_on OR old.aligns_to_id IS NOT new.aligns_to_id OR old.aligns_to_text IS NOT new.aligns_to_text OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE goals SET ' || 'id = ' || quote(old.id) || ', ' || 'slug = ' || quote(old.slug) || ', ' || 'title = ' || quote(old.title) || ', ' || 'is_org = ' || quote(old.is_org) || ', ' || 'unit = ' || quote(old.unit) || ', ' || 'baseline = ' || quote(old.baseline) || ', ' || 'target = ' || quote(old.target) || ', ' || 'start_date = ' || quote(old.start_date) || ', ' || 'due_date = ' || quote(old.due_date) || ', ' || 'status = ' || quote(old.status) || ', ' || 'closed_on = ' || quote(old.closed_on) || ', ' || 'aligns_to_id = ' || quote(old.aligns_to_id) || ', ' || 'aligns_to_text = ' || quote(old.aligns_to_text) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'updated_at = ' || quote(old.updated_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_goals_delete AFTER DELETE ON goals WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO goals (id, slug, title, is_org, unit, baseline, target, start_date, due_date, status, closed_on, aligns_to_id, aligns_to_text, created_at, updated_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.slug) || ', ' || quote(old.title) || ', ' || quote(old.is_org) || ', ' || quote(old.unit) || ', ' || quote(old.baseline) || ', ' || quote(old.target) || ', ' || quote(old.start_date) || ', ' || quote(old.due_date) || ', ' || quote(old.status) || ', ' || quote(old.closed_on) || ', ' || quote(old.aligns_to_id) || ', ' || quote(old.aligns_to_text) || ', ' || quote(old.created_at) || ', ' || quote(old.updated_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_meta_insert AFTER INSERT ON meta WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM meta' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_meta_update AFTER UPDATE ON meta WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.singleton IS NOT new.singleton OR old.journal_id IS NOT new.journal_id) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE meta SET ' || 'singleton = ' || quote(old.singleton) || ', ' || 'journal_id = ' || quote(old.journal_id) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_meta_delete AFTER DELETE ON meta WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO meta (singleton, journal_id) VALUES (' || quote(old.singleton) || ', ' || quote(old.journal_id) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_note_competencies_insert AFTER INSERT ON note_competencies WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM note_competencies' || ' WHERE ' || 'note_id = ' || quote(new.note_id) || ' AND ' || 'competency_id = ' || quote(new.competency_id) FROM undo_state;
END;
CREATE TRIGGER undo_note_competencies_update AFTER UPDATE ON note_competencies WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.note_id IS NOT new.note_id OR old.competency_id IS NOT new.competency_id) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE note_competencies SET ' || 'note_id = ' || quote(old.note_id) || ', ' || 'competency_id = ' || quote(old.competency_id) || ' WHERE ' || 'note_id = ' || quote(new.note_id) || ' AND ' || 'competency_id = ' || quote(new.competency_id) FROM undo_state;
END;
CREATE TRIGGER undo_note_competencies_delete AFTER DELETE ON note_competencies WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO note_competencies (note_id, competency_id) VALUES (' || quote(old.note_id) || ', ' || quote(old.competency_id) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_note_tags_insert AFTER INSERT ON note_tags WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM note_tags' || ' WHERE ' || 'note_id = ' || quote(new.note_id) || ' AND ' || 'tag = ' || quote(new.tag) FROM undo_state;
END;
CREATE TRIGGER undo_note_tags_update AFTER UPDATE ON note_tags WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.note_id IS NOT new.note_id OR old.tag IS NOT new.tag) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE note_tags SET ' || 'note_id = ' || quote(old.note_id) || ', ' || 'tag = ' || quote(old.tag) || ' WHERE ' || 'note_id = ' || quote(new.note_id) || ' AND ' || 'tag = ' || quote(new.tag) FROM undo_state;
END;
CREATE TRIGGER undo_note_tags_delete AFTER DELETE ON note_tags WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO note_tags (note_id, tag) VALUES (' || quote(old.note_id) || ', ' || quote(old.tag) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_notes_insert AFTER INSERT ON notes WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM notes' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_notes_update AFTER UPDATE ON notes WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.date IS NOT new.date OR old.text IS NOT new.text OR old.type IS NOT new.type OR old.account IS NOT new.account OR old.starred IS NOT new.starred OR old.goal_id IS NOT new.goal_id OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE notes SET ' || 'id = ' || quote(old.id) || ', ' || 'date = ' || quote(old.date) || ', ' || 'text = ' || quote(old.text) || ', ' || 'type = ' || quote(old.type) || ', ' || 'account = ' || quote(old.account) || ', ' || 'starred = ' || quote(old.starred) || ', ' || 'goal_id = ' || quote(old.goal_id) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'updated_at = ' || quote(old.updated_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_notes_delete AFTER DELETE ON notes WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO notes (id, date, text, type, account, starred, goal_id, created_at, updated_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.date) || ', ' || quote(old.text) || ', ' || quote(old.type) || ', ' || quote(old.account) || ', ' || quote(old.starred) || ', ' || quote(old.goal_id) || ', ' || quote(old.created_at) || ', ' || quote(old.updated_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_ratings_insert AFTER INSERT ON ratings WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM ratings' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_ratings_update AFTER UPDATE ON ratings WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.competency_id IS NOT new.competency_id OR old.date IS NOT new.date OR old.rating IS NOT new.rating OR old.source IS NOT new.source OR old.rated_by IS NOT new.rated_by OR old.note IS NOT new.note OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE ratings SET ' || 'id = ' || quote(old.id) || ', ' || 'competency_id = ' || quote(old.competency_id) || ', ' || 'date = ' || quote(old.date) || ', ' || 'rating = ' || quote(old.rating) || ', ' || 'source = ' || quote(old.source) || ', ' || 'rated_by = ' || quote(old.rated_by) || ', ' || 'note = ' || quote(old.note) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_ratings_delete AFTER DELETE ON ratings WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO ratings (id, competency_id, date, rating, source, rated_by, note, created_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.competency_id) || ', ' || quote(old.date) || ', ' || quote(old.rating) || ', ' || quote(old.source) || ', ' || quote(old.rated_by) || ', ' || quote(old.note) || ', ' || quote(old.created_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
`;

/**
 * The migration that takes subcommand words out of slugs (`perf goals updates edit 3` must not
 * name a goal called "edit"). It runs after the undo log (5), with recording off: renaming is
 * not a change a rep could undo.
 */
export const RESERVED_SLUGS_VERSION = 6;

// A goal `edit` becomes `goal-edit`, or `goal-edit-<id>` if that is taken (competencies alike).
// slug_renames keeps what was renamed, so the upgrade can say so (see db.ts).
const RESERVED_SLUGS_SQL = `
CREATE TABLE slug_renames (
  kind     TEXT NOT NULL CHECK (kind IN ('goal', 'competency')),
  old_slug TEXT NOT NULL,
  new_slug TEXT NOT NULL,
  PRIMARY KEY (kind, old_slug)
) STRICT;
INSERT INTO slug_renames (kind, old_slug, new_slug)
  SELECT 'goal', g.slug,
    CASE WHEN EXISTS (SELECT 1 FROM goals o WHERE o.slug = 'goal-' || g.slug) THEN 'goal-' || g.slug || '-' || g.id ELSE 'goal-' || g.slug END
  FROM goals g
  WHERE g.slug IN ('add', 'edit', 'rm', 'show', 'list', 'update', 'updates', 'done', 'drop', 'reopen', 'roll', 'history', 'last')
  ORDER BY g.id;
INSERT INTO slug_renames (kind, old_slug, new_slug)
  SELECT 'competency', c.slug,
    CASE WHEN EXISTS (SELECT 1 FROM competencies o WHERE o.slug = 'competency-' || c.slug) THEN 'competency-' || c.slug || '-' || c.id ELSE 'competency-' || c.slug END
  FROM competencies c
  WHERE c.slug IN ('add', 'edit', 'rm', 'show', 'list', 'update', 'updates', 'done', 'drop', 'reopen', 'roll', 'history', 'last')
  ORDER BY c.id;
UPDATE goals SET slug = (SELECT r.new_slug FROM slug_renames r WHERE r.kind = 'goal' AND r.old_slug = goals.slug)
  WHERE slug IN (SELECT old_slug FROM slug_renames WHERE kind = 'goal');
UPDATE competencies SET slug = (SELECT r.new_slug FROM slug_renames r WHERE r.kind = 'competency' AND r.old_slug = competencies.slug)
  WHERE slug IN (SELECT old_slug FROM slug_renames WHERE kind = 'competency');
`;

/**
 * A note can move several goals (`perf log --goal q3-arr:34000 --goal logos:1`): its goals are
 * links in note_goals, no longer one notes.goal_id, which goes (notes is rebuilt, keeping its ids,
 * its id sequence, the search triggers and the undo triggers, which are recreated without the
 * column). The progress a note made on a goal stays a goal update with that note and goal, one
 * per pair now rather than one per note; it refers to the link, so unlinking a goal takes its
 * progress with it. Every note's goal and every goal its updates moved become links.
 * The undo log is emptied: its recorded steps put back notes.goal_id, which no longer exists, and
 * the log has not been in a release (nothing but a development journal holds one).
 */
const NOTE_GOALS_V7 = `
DELETE FROM change_steps;
DELETE FROM changes;
CREATE TABLE note_goals (
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  PRIMARY KEY (note_id, goal_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX note_goals_goal ON note_goals(goal_id);
INSERT INTO note_goals (note_id, goal_id)
  SELECT id, goal_id FROM notes WHERE goal_id IS NOT NULL
  UNION SELECT note_id, goal_id FROM goal_checkins WHERE note_id IS NOT NULL;

CREATE TABLE goal_checkins_v7 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  goal_id    INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('set', 'add')),
  amount     REAL NOT NULL,
  note       TEXT,
  note_id    INTEGER REFERENCES notes(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  source_key TEXT,
  UNIQUE (note_id, goal_id),
  FOREIGN KEY (note_id, goal_id) REFERENCES note_goals(note_id, goal_id) ON DELETE CASCADE
) STRICT;
INSERT INTO goal_checkins_v7 SELECT id, goal_id, date, kind, amount, note, note_id, created_at, source_key FROM goal_checkins;
DELETE FROM sqlite_sequence WHERE name = 'goal_checkins_v7';
INSERT INTO sqlite_sequence (name, seq) SELECT 'goal_checkins_v7', seq FROM sqlite_sequence WHERE name = 'goal_checkins';
DROP TABLE goal_checkins;
ALTER TABLE goal_checkins_v7 RENAME TO goal_checkins;
CREATE INDEX goal_checkins_goal ON goal_checkins(goal_id, date);
CREATE UNIQUE INDEX goal_checkins_source_key ON goal_checkins(source_key) WHERE source_key IS NOT NULL;

CREATE TABLE notes_v7 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  date       TEXT NOT NULL,
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  type       TEXT NOT NULL DEFAULT 'note' CHECK (type IN ('call', 'meeting', 'demo', 'proposal', 'win', 'loss', 'learning', 'challenge', 'note')),
  account    TEXT,
  starred    INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  source_key TEXT
) STRICT;
INSERT INTO notes_v7 SELECT id, date, text, type, account, starred, created_at, updated_at, source_key FROM notes;
DELETE FROM sqlite_sequence WHERE name = 'notes_v7';
INSERT INTO sqlite_sequence (name, seq) SELECT 'notes_v7', seq FROM sqlite_sequence WHERE name = 'notes';
DROP TABLE notes;
ALTER TABLE notes_v7 RENAME TO notes;
CREATE INDEX notes_date ON notes(date);
CREATE INDEX notes_account ON notes(account COLLATE NOCASE);
CREATE UNIQUE INDEX notes_source_key ON notes(source_key) WHERE source_key IS NOT NULL;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, text, account) VALUES (new.id, new.text, new.account);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF text, account ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
  INSERT INTO notes_fts (rowid, text, account) VALUES (new.id, new.text, new.account);
END;
-- The undo triggers of the three tables (node scripts/undo-triggers.mjs 7 goal_checkins note_goals notes).
CREATE TRIGGER undo_goal_checkins_insert AFTER INSERT ON goal_checkins WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM goal_checkins' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_goal_checkins_update AFTER UPDATE ON goal_checkins WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.goal_id IS NOT new.goal_id OR old.date IS NOT new.date OR old.kind IS NOT new.kind OR old.amount IS NOT new.amount OR old.note IS NOT new.note OR old.note_id IS NOT new.note_id OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE goal_checkins SET ' || 'id = ' || quote(old.id) || ', ' || 'goal_id = ' || quote(old.goal_id) || ', ' || 'date = ' || quote(old.date) || ', ' || 'kind = ' || quote(old.kind) || ', ' || 'amount = ' || quote(old.amount) || ', ' || 'note = ' || quote(old.note) || ', ' || 'note_id = ' || quote(old.note_id) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_goal_checkins_delete AFTER DELETE ON goal_checkins WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO goal_checkins (id, goal_id, date, kind, amount, note, note_id, created_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.goal_id) || ', ' || quote(old.date) || ', ' || quote(old.kind) || ', ' || quote(old.amount) || ', ' || quote(old.note) || ', ' || quote(old.note_id) || ', ' || quote(old.created_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_note_goals_insert AFTER INSERT ON note_goals WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM note_goals' || ' WHERE ' || 'note_id = ' || quote(new.note_id) || ' AND ' || 'goal_id = ' || quote(new.goal_id) FROM undo_state;
END;
CREATE TRIGGER undo_note_goals_update AFTER UPDATE ON note_goals WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.note_id IS NOT new.note_id OR old.goal_id IS NOT new.goal_id) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE note_goals SET ' || 'note_id = ' || quote(old.note_id) || ', ' || 'goal_id = ' || quote(old.goal_id) || ' WHERE ' || 'note_id = ' || quote(new.note_id) || ' AND ' || 'goal_id = ' || quote(new.goal_id) FROM undo_state;
END;
CREATE TRIGGER undo_note_goals_delete AFTER DELETE ON note_goals WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO note_goals (note_id, goal_id) VALUES (' || quote(old.note_id) || ', ' || quote(old.goal_id) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_notes_insert AFTER INSERT ON notes WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM notes' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_notes_update AFTER UPDATE ON notes WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.date IS NOT new.date OR old.text IS NOT new.text OR old.type IS NOT new.type OR old.account IS NOT new.account OR old.starred IS NOT new.starred OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE notes SET ' || 'id = ' || quote(old.id) || ', ' || 'date = ' || quote(old.date) || ', ' || 'text = ' || quote(old.text) || ', ' || 'type = ' || quote(old.type) || ', ' || 'account = ' || quote(old.account) || ', ' || 'starred = ' || quote(old.starred) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'updated_at = ' || quote(old.updated_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_notes_delete AFTER DELETE ON notes WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO notes (id, date, text, type, account, starred, created_at, updated_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.date) || ', ' || quote(old.text) || ', ' || quote(old.type) || ', ' || quote(old.account) || ', ' || quote(old.starred) || ', ' || quote(old.created_at) || ', ' || quote(old.updated_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
`;

/**
 * Deals, the rep's own pipeline (perf deals): a value in the journal's currency, a free-text stage,
 * an expected close date and a status with the date it closed. A note can name the deal it is
 * about (notes.deal_id). Feedback can be starred (quoted in the summary) or marked constructive
 * (shown under the growth area it concerns). Reflections are the rep's own words for a period,
 * one per range. notes.type loses its fixed list: the types a journal accepts are a setting
 * (note.types), checked by the program, so the column only refuses an empty type.
 * external_id is the deal's id in a CRM (imports update the deal that has it).
 */
const DEALS_V8 = `
CREATE TABLE deals (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  slug           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  account        TEXT,
  value          REAL NOT NULL CHECK (value >= 0),
  stage          TEXT,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  expected_close TEXT,
  closed_on      TEXT,
  reason         TEXT,
  external_id    TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  source_key     TEXT,
  CHECK ((status = 'open') = (closed_on IS NULL))
) STRICT;
CREATE INDEX deals_status ON deals(status, closed_on);
CREATE INDEX deals_account ON deals(account COLLATE NOCASE);
CREATE UNIQUE INDEX deals_external_id ON deals(external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX deals_source_key ON deals(source_key) WHERE source_key IS NOT NULL;

CREATE TABLE reflections (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  from_date  TEXT NOT NULL,
  to_date    TEXT NOT NULL,
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  source_key TEXT,
  UNIQUE (from_date, to_date),
  CHECK (from_date <= to_date)
) STRICT;
CREATE UNIQUE INDEX reflections_source_key ON reflections(source_key) WHERE source_key IS NOT NULL;

ALTER TABLE feedback ADD COLUMN starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1));
ALTER TABLE feedback ADD COLUMN constructive INTEGER NOT NULL DEFAULT 0 CHECK (constructive IN (0, 1));
DROP TRIGGER undo_feedback_insert;
DROP TRIGGER undo_feedback_update;
DROP TRIGGER undo_feedback_delete;

DROP TRIGGER undo_notes_insert;
DROP TRIGGER undo_notes_update;
DROP TRIGGER undo_notes_delete;
CREATE TABLE notes_v8 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  date       TEXT NOT NULL,
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  type       TEXT NOT NULL DEFAULT 'note' CHECK (length(trim(type)) > 0),
  account    TEXT,
  starred    INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  deal_id    INTEGER REFERENCES deals(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  source_key TEXT
) STRICT;
INSERT INTO notes_v8 (id, date, text, type, account, starred, created_at, updated_at, source_key)
  SELECT id, date, text, type, account, starred, created_at, updated_at, source_key FROM notes;
DELETE FROM sqlite_sequence WHERE name = 'notes_v8';
INSERT INTO sqlite_sequence (name, seq) SELECT 'notes_v8', seq FROM sqlite_sequence WHERE name = 'notes';
DROP TABLE notes;
ALTER TABLE notes_v8 RENAME TO notes;
CREATE INDEX notes_date ON notes(date);
CREATE INDEX notes_account ON notes(account COLLATE NOCASE);
CREATE INDEX notes_deal ON notes(deal_id) WHERE deal_id IS NOT NULL;
CREATE UNIQUE INDEX notes_source_key ON notes(source_key) WHERE source_key IS NOT NULL;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, text, account) VALUES (new.id, new.text, new.account);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF text, account ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
  INSERT INTO notes_fts (rowid, text, account) VALUES (new.id, new.text, new.account);
END;
-- The undo triggers of the four tables (node scripts/undo-triggers.mjs 8 deals feedback notes reflections).
CREATE TRIGGER undo_deals_insert AFTER INSERT ON deals WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM deals' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_deals_update AFTER UPDATE ON deals WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.slug IS NOT new.slug OR old.name IS NOT new.name OR old.account IS NOT new.account OR old.value IS NOT new.value OR old.stage IS NOT new.stage OR old.status IS NOT new.status OR old.expected_close IS NOT new.expected_close OR old.closed_on IS NOT new.closed_on OR old.reason IS NOT new.reason OR old.external_id IS NOT new.external_id OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE deals SET ' || 'id = ' || quote(old.id) || ', ' || 'slug = ' || quote(old.slug) || ', ' || 'name = ' || quote(old.name) || ', ' || 'account = ' || quote(old.account) || ', ' || 'value = ' || quote(old.value) || ', ' || 'stage = ' || quote(old.stage) || ', ' || 'status = ' || quote(old.status) || ', ' || 'expected_close = ' || quote(old.expected_close) || ', ' || 'closed_on = ' || quote(old.closed_on) || ', ' || 'reason = ' || quote(old.reason) || ', ' || 'external_id = ' || quote(old.external_id) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'updated_at = ' || quote(old.updated_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_deals_delete AFTER DELETE ON deals WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO deals (id, slug, name, account, value, stage, status, expected_close, closed_on, reason, external_id, created_at, updated_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.slug) || ', ' || quote(old.name) || ', ' || quote(old.account) || ', ' || quote(old.value) || ', ' || quote(old.stage) || ', ' || quote(old.status) || ', ' || quote(old.expected_close) || ', ' || quote(old.closed_on) || ', ' || quote(old.reason) || ', ' || quote(old.external_id) || ', ' || quote(old.created_at) || ', ' || quote(old.updated_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_feedback_insert AFTER INSERT ON feedback WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM feedback' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_feedback_update AFTER UPDATE ON feedback WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.date IS NOT new.date OR old.from_name IS NOT new.from_name OR old.relationship IS NOT new.relationship OR old.competency_id IS NOT new.competency_id OR old.text IS NOT new.text OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key OR old.starred IS NOT new.starred OR old.constructive IS NOT new.constructive) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE feedback SET ' || 'id = ' || quote(old.id) || ', ' || 'date = ' || quote(old.date) || ', ' || 'from_name = ' || quote(old.from_name) || ', ' || 'relationship = ' || quote(old.relationship) || ', ' || 'competency_id = ' || quote(old.competency_id) || ', ' || 'text = ' || quote(old.text) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'source_key = ' || quote(old.source_key) || ', ' || 'starred = ' || quote(old.starred) || ', ' || 'constructive = ' || quote(old.constructive) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_feedback_delete AFTER DELETE ON feedback WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO feedback (id, date, from_name, relationship, competency_id, text, created_at, source_key, starred, constructive) VALUES (' || quote(old.id) || ', ' || quote(old.date) || ', ' || quote(old.from_name) || ', ' || quote(old.relationship) || ', ' || quote(old.competency_id) || ', ' || quote(old.text) || ', ' || quote(old.created_at) || ', ' || quote(old.source_key) || ', ' || quote(old.starred) || ', ' || quote(old.constructive) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_notes_insert AFTER INSERT ON notes WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM notes' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_notes_update AFTER UPDATE ON notes WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.date IS NOT new.date OR old.text IS NOT new.text OR old.type IS NOT new.type OR old.account IS NOT new.account OR old.starred IS NOT new.starred OR old.deal_id IS NOT new.deal_id OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE notes SET ' || 'id = ' || quote(old.id) || ', ' || 'date = ' || quote(old.date) || ', ' || 'text = ' || quote(old.text) || ', ' || 'type = ' || quote(old.type) || ', ' || 'account = ' || quote(old.account) || ', ' || 'starred = ' || quote(old.starred) || ', ' || 'deal_id = ' || quote(old.deal_id) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'updated_at = ' || quote(old.updated_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_notes_delete AFTER DELETE ON notes WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO notes (id, date, text, type, account, starred, deal_id, created_at, updated_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.date) || ', ' || quote(old.text) || ', ' || quote(old.type) || ', ' || quote(old.account) || ', ' || quote(old.starred) || ', ' || quote(old.deal_id) || ', ' || quote(old.created_at) || ', ' || quote(old.updated_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
CREATE TRIGGER undo_reflections_insert AFTER INSERT ON reflections WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM reflections' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_reflections_update AFTER UPDATE ON reflections WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.from_date IS NOT new.from_date OR old.to_date IS NOT new.to_date OR old.text IS NOT new.text OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE reflections SET ' || 'id = ' || quote(old.id) || ', ' || 'from_date = ' || quote(old.from_date) || ', ' || 'to_date = ' || quote(old.to_date) || ', ' || 'text = ' || quote(old.text) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'updated_at = ' || quote(old.updated_at) || ', ' || 'source_key = ' || quote(old.source_key) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_reflections_delete AFTER DELETE ON reflections WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO reflections (id, from_date, to_date, text, created_at, updated_at, source_key) VALUES (' || quote(old.id) || ', ' || quote(old.from_date) || ', ' || quote(old.to_date) || ', ' || quote(old.text) || ', ' || quote(old.created_at) || ', ' || quote(old.updated_at) || ', ' || quote(old.source_key) || ')' FROM undo_state;
END;
`;

/**
 * Search inside Japanese, Chinese, Korean and Thai text, which has no spaces between words for
 * unicode61 to split at: a trigram index of the same columns (any three characters in a row). Its
 * name starts notes_fts so that what skips the search index (undo log, schema checks) skips it too;
 * the undo log records notes, and these triggers keep the index in step with them.
 */
const TRIGRAM_SEARCH_V9 = `
CREATE VIRTUAL TABLE notes_fts_trigram USING fts5(
  text, account,
  content = 'notes', content_rowid = 'id',
  tokenize = 'trigram'
);
INSERT INTO notes_fts_trigram (notes_fts_trigram) VALUES ('rebuild');
CREATE TRIGGER notes_fts_trigram_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts_trigram (rowid, text, account) VALUES (new.id, new.text, new.account);
END;
CREATE TRIGGER notes_fts_trigram_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts_trigram (notes_fts_trigram, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
END;
CREATE TRIGGER notes_fts_trigram_update AFTER UPDATE OF text, account ON notes BEGIN
  INSERT INTO notes_fts_trigram (notes_fts_trigram, rowid, text, account) VALUES ('delete', old.id, old.text, old.account);
  INSERT INTO notes_fts_trigram (rowid, text, account) VALUES (new.id, new.text, new.account);
END;
`;

/**
 * Goals that count themselves and roll over (issue 14). `rule` is the counting rule as JSON text
 * (see domain/goal-rules.ts), read by the program: the value of such a goal is counted from the
 * notes or deals in its window, never from updates. `every` makes a goal roll over to the next
 * period once it ends; `outcome` is what a goal closed by a roll achieved; `rolled_from` is the
 * goal it continues.
 */
const GOAL_RULES_V10 = `
ALTER TABLE goals ADD COLUMN rule TEXT;
ALTER TABLE goals ADD COLUMN every TEXT CHECK (every IN ('quarter', 'month', 'year'));
ALTER TABLE goals ADD COLUMN outcome TEXT CHECK (outcome IN ('achieved', 'missed'));
ALTER TABLE goals ADD COLUMN rolled_from INTEGER REFERENCES goals(id) ON DELETE SET NULL;
DROP TRIGGER undo_goals_insert;
DROP TRIGGER undo_goals_update;
DROP TRIGGER undo_goals_delete;
-- The goals' undo triggers with the new columns (node scripts/undo-triggers.mjs 10 goals).
CREATE TRIGGER undo_goals_insert AFTER INSERT ON goals WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'DELETE FROM goals' || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_goals_update AFTER UPDATE ON goals WHEN (SELECT current_change FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.slug IS NOT new.slug OR old.title IS NOT new.title OR old.is_org IS NOT new.is_org OR old.unit IS NOT new.unit OR old.baseline IS NOT new.baseline OR old.target IS NOT new.target OR old.start_date IS NOT new.start_date OR old.due_date IS NOT new.due_date OR old.status IS NOT new.status OR old.closed_on IS NOT new.closed_on OR old.aligns_to_id IS NOT new.aligns_to_id OR old.aligns_to_text IS NOT new.aligns_to_text OR old.created_at IS NOT new.created_at OR old.source_key IS NOT new.source_key OR old.rule IS NOT new.rule OR old.every IS NOT new.every OR old.outcome IS NOT new.outcome OR old.rolled_from IS NOT new.rolled_from) BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'UPDATE goals SET ' || 'id = ' || quote(old.id) || ', ' || 'slug = ' || quote(old.slug) || ', ' || 'title = ' || quote(old.title) || ', ' || 'is_org = ' || quote(old.is_org) || ', ' || 'unit = ' || quote(old.unit) || ', ' || 'baseline = ' || quote(old.baseline) || ', ' || 'target = ' || quote(old.target) || ', ' || 'start_date = ' || quote(old.start_date) || ', ' || 'due_date = ' || quote(old.due_date) || ', ' || 'status = ' || quote(old.status) || ', ' || 'closed_on = ' || quote(old.closed_on) || ', ' || 'aligns_to_id = ' || quote(old.aligns_to_id) || ', ' || 'aligns_to_text = ' || quote(old.aligns_to_text) || ', ' || 'created_at = ' || quote(old.created_at) || ', ' || 'updated_at = ' || quote(old.updated_at) || ', ' || 'source_key = ' || quote(old.source_key) || ', ' || 'rule = ' || quote(old.rule) || ', ' || 'every = ' || quote(old.every) || ', ' || 'outcome = ' || quote(old.outcome) || ', ' || 'rolled_from = ' || quote(old.rolled_from) || ' WHERE rowid = ' || new.rowid FROM undo_state;
END;
CREATE TRIGGER undo_goals_delete AFTER DELETE ON goals WHEN (SELECT current_change FROM undo_state) IS NOT NULL BEGIN
  INSERT INTO change_steps (change_id, sql) SELECT current_change, 'INSERT INTO goals (id, slug, title, is_org, unit, baseline, target, start_date, due_date, status, closed_on, aligns_to_id, aligns_to_text, created_at, updated_at, source_key, rule, every, outcome, rolled_from) VALUES (' || quote(old.id) || ', ' || quote(old.slug) || ', ' || quote(old.title) || ', ' || quote(old.is_org) || ', ' || quote(old.unit) || ', ' || quote(old.baseline) || ', ' || quote(old.target) || ', ' || quote(old.start_date) || ', ' || quote(old.due_date) || ', ' || quote(old.status) || ', ' || quote(old.closed_on) || ', ' || quote(old.aligns_to_id) || ', ' || quote(old.aligns_to_text) || ', ' || quote(old.created_at) || ', ' || quote(old.updated_at) || ', ' || quote(old.source_key) || ', ' || quote(old.rule) || ', ' || quote(old.every) || ', ' || quote(old.outcome) || ', ' || quote(old.rolled_from) || ')' FROM undo_state;
END;
`;

/**
 * Every spelling of an account in index order (ACME, Acme, acme, Globex…): the summary shows an
 * account by its first spelling, and finding the spellings walked all the notes' accounts (~1.5 ms
 * at 26k notes, growing with the journal); with this index it steps from spelling to spelling.
 */
const ACCOUNT_SPELLINGS_V11 = `
CREATE INDEX notes_account_spelling ON notes(account COLLATE NOCASE, account);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'journal, goals, competencies, feedback, development, check-ins, search', sql: SCHEMA_V1 },
  {
    version: 2,
    description: 'ids are never reused after a delete (AUTOINCREMENT); a note on starting development',
    sql: AUTOINCREMENT_IDS_V2,
  },
  { version: 3, description: 'the file says it is a perf journal (PRAGMA application_id)', sql: APPLICATION_ID_V3 },
  {
    version: 4,
    description: 'imported records keep the key they have in their source (source_key); the journal has an identity',
    sql: SOURCE_KEYS_V4,
  },
  { version: 5, description: 'an undo log: what each command changed, and how to reverse it (perf undo, perf history)', sql: UNDO_LOG_V5 },
  {
    version: RESERVED_SLUGS_VERSION,
    description: 'goal and competency slugs that are subcommand words are renamed (slug_renames)',
    sql: RESERVED_SLUGS_SQL,
  },
  { version: 7, description: 'a note can move several goals (note_goals); notes.goal_id goes', sql: NOTE_GOALS_V7 },
  {
    version: 8,
    description: 'deals (perf deals) and notes about them; starred and constructive feedback; reflections; note types are a setting',
    sql: DEALS_V8,
  },
  { version: 9, description: 'search inside Japanese, Chinese, Korean and Thai notes (a trigram index)', sql: TRIGRAM_SEARCH_V9 },
  { version: 10, description: 'goals that count notes or deals (rule), roll over (every) and keep their outcome', sql: GOAL_RULES_V10 },
  { version: 11, description: "an index of accounts' spellings (the summary's account names)", sql: ACCOUNT_SPELLINGS_V11 },
];

export const LATEST_VERSION = MIGRATIONS.length;
