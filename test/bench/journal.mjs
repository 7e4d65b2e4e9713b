// The benchmark's journals: a perf export (version 2) generated from a seeded random stream, imported
// with `perf import` in one process (26k notes through 26k `perf log` runs would take an hour), and
// cached by generator version and schema so that a second `npm run bench` starts at once.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Bump when the generated journal changes, so that cached journals are rebuilt. */
export const GENERATOR_VERSION = 1;

/** The last day of every generated journal: fixed, so that the cache key and the figures do not move with the clock. */
export const END_DAY = '2026-11-27';

const TYPES = ['call', 'meeting', 'demo', 'proposal', 'win', 'loss', 'learning', 'challenge', 'note'];
const ACCOUNTS = ['Acme', 'Initech', 'Globex', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'];
const TAGS = ['q1', 'q2', 'q3', 'q4', 'renewal', 'upsell', 'expansion', 'pilot', 'exec', 'churn-risk'];
const RELATIONSHIPS = ['manager', 'peer', 'other-manager', 'admin', 'customer', 'direct-report'];
const DEV_STATUSES = ['planned', 'in-progress', 'done', 'dropped'];

/** Per year: ~2,600 notes, 6 goals with ~100 updates each, 120 ratings, 50 feedback, 20 development items. */
const PER_YEAR = { notes: 2607, goals: 6, updatesPerGoal: 100, ratings: 120, feedback: 50, development: 20, checkins: 24 };

/** The word every note contains (a search matching all of them) and the one ~100 notes contain. */
export const EVERY_NOTE_WORD = 'customer';
export const RARE_WORD = 'zeppelin';

/**
 * The path of a journal of `years` years ending on END_DAY, built if the cache does not hold it.
 * The key holds the generator version and the migrations' text: a new migration rebuilds it.
 */
export function benchJournal({ root, bin, env, years, cacheDir }) {
  const schema = createHash('sha256')
    .update(fs.readFileSync(path.join(root, 'src/storage/migrations.ts')))
    .digest('hex')
    .slice(0, 12);
  const file = path.join(cacheDir, `journal-v${GENERATOR_VERSION}-${years}y-${schema}.db`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cacheDir, { recursive: true });
  const building = `${file}.building-${process.pid}`;
  const seed = `${building}.json`;
  fs.writeFileSync(seed, JSON.stringify(generateExport(years)));
  const started = Date.now();
  const result = spawnSync(process.execPath, [bin, 'import', seed, '--db', building], { env, encoding: 'utf8' });
  fs.rmSync(seed, { force: true });
  if (result.status !== 0) throw new Error(`bench: could not build the ${years}-year journal: ${result.stderr.trim()}`);
  for (const extra of ['-wal', '-shm', '-journal']) fs.rmSync(`${building}${extra}`, { force: true });
  fs.renameSync(building, file);
  console.error(`bench: built the ${years}-year journal in ${((Date.now() - started) / 1000).toFixed(1)} s (${file})`);
  return file;
}

/** A seeded stream (mulberry32): the same journal on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayMs = 86_400_000;
const dayAt = (start, offset) => new Date(Date.parse(start) + offset * dayMs).toISOString().slice(0, 10);

/** A perf export (version 2) of `years` years of a rep's work, ending on END_DAY. */
export function generateExport(years) {
  const rand = random(20261127 + years);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const span = Math.round(years * 365.25);
  const start = dayAt(END_DAY, -span + 1);
  const instant = (day) => `${day}T10:00:00.000Z`;
  const competencies = ['prospecting', 'discovery', 'presentation', 'negotiation', 'closing', 'communication'].map((slug, i) => ({
    id: i + 1,
    slug,
    name: slug[0].toUpperCase() + slug.slice(1),
    description: null,
    target: 4,
    position: i + 1,
    createdAt: instant(start),
    updatedAt: instant(start),
  }));

  const goals = [];
  const goalCheckins = [];
  const goalCount = PER_YEAR.goals * years;
  for (let g = 0; g < goalCount; g++) {
    const from = Math.floor((g / goalCount) * span);
    const length = Math.min(span - from, 180 + Math.floor(rand() * 180));
    const due = dayAt(start, from + length - 1);
    const open = due >= dayAt(END_DAY, -30);
    const target = 50_000 + Math.floor(rand() * 20) * 10_000;
    goals.push({
      id: g + 1,
      slug: `goal-${g + 1}`,
      title: `${pick(['New ARR', 'Pipeline', 'Renewals', 'Meetings booked', 'Demos'])} ${g + 1}`,
      org: false,
      unit: 'USD',
      baseline: 0,
      target,
      start: dayAt(start, from),
      due,
      status: open ? 'active' : pick(['done', 'done', 'dropped']),
      closedOn: open ? null : due,
      alignsToId: null,
      alignsToText: null,
      createdAt: instant(dayAt(start, from)),
      updatedAt: instant(dayAt(start, from)),
      sourceKey: null,
    });
    for (let u = 0; u < PER_YEAR.updatesPerGoal; u++) {
      const date = dayAt(start, from + Math.floor((u / PER_YEAR.updatesPerGoal) * length));
      goalCheckins.push({
        id: goalCheckins.length + 1,
        goalId: g + 1,
        date,
        kind: 'add',
        amount: Math.round((target / PER_YEAR.updatesPerGoal) * (0.5 + rand())),
        note: u % 10 === 0 ? 'Booked from the weekly forecast' : null,
        noteId: null,
        createdAt: instant(date),
        sourceKey: null,
      });
    }
  }

  const notes = [];
  const noteCount = PER_YEAR.notes * years;
  for (let n = 0; n < noteCount; n++) {
    const date = dayAt(start, Math.floor((n / noteCount) * span));
    const type = pick(TYPES);
    const account = rand() < 0.85 ? pick(ACCOUNTS) : null;
    const amount = rand() < 0.3 ? ` worth $${(1 + Math.floor(rand() * 90)) * 1000}` : '';
    const rare = n % Math.floor(noteCount / 100) === 7 ? ` ${RARE_WORD}` : '';
    const goal = goals.find((g) => g.start <= date && date <= g.due && rand() < 0.2);
    notes.push({
      id: n + 1,
      date,
      text: `${type === 'win' ? 'Closed' : 'Worked'} with the ${EVERY_NOTE_WORD} ${account ?? 'prospect'} on the ${pick(['renewal', 'pilot', 'pricing', 'roll-out', 'security review'])}${amount}${rare}`,
      type,
      account,
      starred: rand() < 0.03,
      goalIds: goal ? [goal.id] : [],
      tags: rand() < 0.6 ? [...new Set([pick(TAGS), pick(TAGS)])].slice(0, 1 + Math.floor(rand() * 2)) : [],
      competencyIds: rand() < 0.15 ? [1 + Math.floor(rand() * competencies.length)] : [],
      createdAt: instant(date),
      updatedAt: instant(date),
      sourceKey: null,
    });
  }

  const spread = (count, make) => Array.from({ length: count }, (_, i) => make(i, dayAt(start, Math.floor((i / count) * span))));
  const ratings = spread(PER_YEAR.ratings * years, (i, date) => ({
    id: i + 1,
    competencyId: 1 + (i % competencies.length),
    date,
    rating: 1 + Math.floor(rand() * 5),
    source: pick(['self', 'manager', 'peer']),
    ratedBy: null,
    note: null,
    createdAt: instant(date),
    sourceKey: null,
  }));
  const feedback = spread(PER_YEAR.feedback * years, (i, date) => ({
    id: i + 1,
    date,
    from: pick(['Maria', 'Ana', 'Sam', 'Lee', 'Priya']),
    relationship: pick(RELATIONSHIPS),
    competencyId: rand() < 0.5 ? 1 + Math.floor(rand() * competencies.length) : null,
    text: `Clear follow-up with the ${EVERY_NOTE_WORD} after the demo`,
    createdAt: instant(date),
    sourceKey: null,
  }));
  const development = spread(PER_YEAR.development * years, (i, date) => {
    const status = date < dayAt(END_DAY, -60) ? pick(['done', 'done', 'dropped']) : pick(DEV_STATUSES);
    return {
      id: i + 1,
      title: `${pick(['Course', 'Book', 'Shadowing', 'Coaching'])} ${i + 1}`,
      competencyId: 1 + (i % competencies.length),
      assignedBy: null,
      due: dayAt(date, 60),
      status,
      startedOn: status === 'planned' ? null : date,
      startNote: null,
      completedOn: status === 'done' ? dayAt(date, 30) : null,
      outcome: status === 'done' ? 'Applied it on two calls' : null,
      createdAt: instant(date),
      updatedAt: instant(date),
      sourceKey: null,
    };
  });
  return {
    format: 'perf-journal',
    version: 2,
    exportedAt: instant(END_DAY),
    journalId: createHash('md5').update(`bench-${years}`).digest('hex'),
    config: {},
    competencies,
    goals,
    notes,
    goalCheckins,
    ratings,
    feedback,
    development,
    checkins: [],
  };
}
