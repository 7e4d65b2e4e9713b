import type { Pace } from '../domain/goal-progress.js';

type Paint = (text: string) => string;

/** The one palette of the program. With colour off every style is the identity. */
export interface Theme {
  readonly enabled: boolean;
  bold: Paint;
  dim: Paint;
  heading: Paint;
  id: Paint;
  accent: Paint;
  good: Paint;
  warn: Paint;
  bad: Paint;
  tag: Paint;
  star: Paint;
  pace(pace: Pace): Paint;
}

const plain: Paint = (text) => text;

export const PLAIN_THEME: Theme = {
  enabled: false,
  bold: plain,
  dim: plain,
  heading: plain,
  id: plain,
  accent: plain,
  good: plain,
  warn: plain,
  bad: plain,
  tag: plain,
  star: plain,
  pace: () => plain,
};

/** chalk is loaded only when colour is on: piped output and `NO_COLOR` never pay for it. */
export async function createTheme(color: boolean): Promise<Theme> {
  if (!color) return PLAIN_THEME;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  const paces: Record<Pace, Paint> = {
    achieved: c.green.bold,
    ahead: c.green,
    'on-track': c.cyan,
    behind: c.yellow,
    overdue: c.red.bold,
    'no-target': c.dim,
  };
  return {
    enabled: true,
    bold: c.bold,
    dim: c.dim,
    heading: c.bold.underline,
    id: c.dim,
    accent: c.cyan,
    good: c.green,
    warn: c.yellow,
    bad: c.red,
    tag: c.magenta,
    star: c.yellow,
    pace: (pace) => paces[pace],
  };
}
