import { NOTE_TYPES } from '../../domain/notes.js';
import { Command, type OptionsOf, collect, examples, ownFlag } from '../define.js';

// The type is checked against the journal's own list (note.types) once it is open, not here:
// --help must not open the journal, so commander's .choices() cannot know the rep's types.
const TYPES_HELP = `${NOTE_TYPES.join(', ')}, or your own (perf config set note.types)`;

export const defineLog = () =>
  new Command('log')
    .description('record a dated note: a call, a meeting, a win, something you learned')
    .argument('[text...]', 'the note; #hashtags become tags (no text: prompts, $EDITOR with -e, or stdin)')
    .option('-d, --date <when>', 'the day it happened: YYYY-MM-DD, yesterday, "last friday", "march 3" (default today)')
    .option('-t, --tag <tag>', 'a tag (repeatable)', collect, [])
    .option('-g, --goal <goal[:amount]>', 'a goal it moves (id or slug), with what it added, e.g. q4-arr:25000 (repeatable)', collect, [])
    .option('-p, --progress <number>', "adds to the goal's current value, e.g. 25000 or -2 (with exactly one --goal)")
    .option('-c, --competency <ref>', 'a competency this note is evidence for: id, slug or start of its name (repeatable)', collect, [])
    .option('-T, --type <type>', `what kind of note: ${TYPES_HELP} (default: note)`)
    .option('-a, --account <name>', 'the customer or account')
    .option('--deal <deal>', 'the deal it is about (id or slug; see perf deals)')
    .option('-s, --star', 'a highlight for the summary')
    .option('-e, --edit', 'write the note in $EDITOR')
    .option(
      '--template <name>',
      'write the note from a template in $EDITOR: call, weekly, win, your own (templates/NAME.md in the config folder), or list',
    )
    .option('-y, --yes', 'save without asking when the progress takes a goal over 5x its target or is over 10x its largest change')
    .option('--json', 'print the created note as JSON')
    .addHelpText(
      'after',
      examples([
        'perf log "Called Acme about the renewal" --type call -a Acme',
        'perf log "Signed Globex, 3-year deal #q4" --type win --star',
        'perf log -d yesterday "Demo for Initech went well" --type demo',
        'perf log "Signed Acme, 25k ARR" --type win --goal q4-arr --progress 25000',
        'perf log "Won Vogel from Competitor X" --type win --goal q3-arr:34000 --goal logos:1',
        'perf log "Held the price with Acme procurement" --type call -c negotiation -c closing',
        'perf log "Pricing call with Acme" --type call --deal acme-renewal',
        'echo "Pipeline review with Maria" | perf log --type meeting',
        'perf log "yesterday: Called Acme about the renewal"',
        'perf log --template call -a Acme',
        'perf log --template list',
      ]),
    );
export type LogOptions = OptionsOf<typeof defineLog>;

export const defineNotesList = () =>
  new Command('notes')
    .description('find, show, edit and remove notes')
    .option('--period <period>', 'e.g. 2026, 2026-Q3, 2026-07, this-month, last-quarter, cycle')
    .option('--from <date>', 'from this day (inclusive)')
    .option('--to <date>', 'to this day (inclusive; --to 2026-06 means to the end of June)')
    .option('--on <date>', 'only notes of this day: YYYY-MM-DD, yesterday, "last friday"…')
    .option('--today-in-history', "notes from today's date in earlier years")
    .option('-t, --tag <tag>', 'only notes with this tag')
    .option('-g, --goal <goal>', 'only notes linked to this goal (id or slug)')
    .option('-a, --account <name>', 'only notes whose account contains this (any case)')
    .option('-T, --type <type>', `only notes of this type: ${TYPES_HELP}`)
    .option('--starred', 'only starred notes')
    .option('-q, --search <words>', 'full-text search: words match their beginnings (renew finds renewal), "exact phrase", OR, NOT')
    .option('-n, --limit <n>', 'how many notes at most, or all (default: 20; with --json, all)')
    .option('--json', 'print the notes as a JSON array')
    .addHelpText(
      'after',
      examples([
        'perf notes',
        'perf notes --period this-month --type win',
        'perf notes --on yesterday',
        'perf notes --today-in-history',
        'perf notes -q "renew*" -a Acme',
        'perf notes show 12',
        'perf notes edit 12 --star',
        'perf notes rm 12 --yes',
      ]),
    );
export type NotesListOptions = OptionsOf<typeof defineNotesList>;

export const defineNotesShow = () =>
  new Command('show')
    .description('show one note in full')
    .argument('<id>', 'the note id, or last (the newest note by id: the one logged most recently)')
    .option('--json', 'print the note as JSON')
    .addHelpText('after', examples(['perf notes show 12', 'perf notes show last']));
export type NotesShowOptions = OptionsOf<typeof defineNotesShow>;

export const defineNotesEdit = () =>
  new Command('edit')
    .description('change a note (no text and no options in a terminal: opens $EDITOR)')
    .argument('<id>', 'the note id, or last (the newest note by id: the one logged most recently)')
    .argument('[text...]', 'the new text')
    .option('-d, --date <when>', 'move it to another day')
    .option('-t, --tag <tag>', 'add a tag (repeatable)', collect, [])
    .option('--untag <tag>', 'remove a tag (repeatable)', collect, [])
    .option(
      '-g, --goal <goal[:amount]>',
      'link a goal, or set what the note added to it (q4-arr:30000); with one goal linked, a bare --goal g moves the note and its progress to g; "" unlinks every goal (repeatable)',
      collect,
      [],
    )
    .option('--remove-goal <goal>', 'unlink a goal, taking back what the note added to it (repeatable)', collect, [])
    .option('-p, --progress <number>', 'what it added to its only goal ("" removes the progress, keeps the link)')
    .option('-c, --competency <ref>', 'link it to a competency as evidence (repeatable)', collect, [])
    .option('--remove-competency <ref>', 'unlink a competency (repeatable)', collect, [])
    .option('-T, --type <type>', `change its type: ${TYPES_HELP}`)
    .option('-a, --account <name>', 'change the account ("" removes it)')
    .option('--deal <deal>', 'link it to a deal (id or slug)')
    .addOption(ownFlag('--no-deal', 'unlink it from its deal'))
    .option('-s, --star', 'star it')
    .option('--unstar', 'remove the star')
    .option('-e, --edit', 'edit the text in $EDITOR')
    .option('--json', 'print the changed note as JSON')
    .addHelpText(
      'after',
      examples([
        'perf notes edit 12 "Called Acme: renewal agreed"',
        'perf notes edit 12 --type win --star',
        'perf notes edit 12 -d "last friday"',
        'perf notes edit 12 --goal q4-arr --progress 30000',
        'perf notes edit 12 --goal logos:2 --remove-goal refs',
        'perf notes edit 12 -c negotiation',
        'perf notes edit last --star',
      ]),
    );
export type NotesEditOptions = OptionsOf<typeof defineNotesEdit>;

export const defineNotesRm = () =>
  new Command('rm')
    .description('delete a note (asks first in a terminal)')
    .argument('<id>', 'the note id, or last (the newest note by id: the one logged most recently)')
    .option('-y, --yes', 'do not ask (required when not in a terminal)')
    .option('--json', 'print the deleted note as JSON')
    .addHelpText('after', examples(['perf notes rm 12', 'perf notes rm 12 --yes', 'perf notes rm last']));
export type NotesRmOptions = OptionsOf<typeof defineNotesRm>;
