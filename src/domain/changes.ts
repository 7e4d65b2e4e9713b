/** One change in the undo log: what one command wrote, which `perf undo` can reverse. */
export interface Change {
  id: number;
  /** When it was made (ISO instant). */
  at: string;
  /** The command's words (`notes edit`). */
  command: string;
  /** What it did (`log #42 "Called Acme…"`). */
  summary: string;
  /** When `perf undo` reversed it, or null. */
  undoneAt: string | null;
}

/** The JSON shape of `perf history --json` and `perf undo --json` (see docs/json.md). */
export interface ChangeJson {
  id: number;
  at: string;
  command: string;
  summary: string;
  undone: boolean;
}

export function changeToJson(change: Change): ChangeJson {
  return { id: change.id, at: change.at, command: change.command, summary: change.summary, undone: change.undoneAt !== null };
}

/** "just now", "2 minutes ago", "3 hours ago", "5 days ago": how long ago an instant was. */
export function timeAgo(at: string, now: Date): string {
  const seconds = Math.round((now.getTime() - new Date(at).getTime()) / 1000);
  if (!Number.isFinite(seconds)) return at;
  if (seconds < 60) return 'just now';
  const [n, unit] =
    seconds < 3600
      ? [Math.floor(seconds / 60), 'minute']
      : seconds < 86_400
        ? [Math.floor(seconds / 3600), 'hour']
        : [Math.floor(seconds / 86_400), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}
