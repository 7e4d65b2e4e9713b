import type { Pace } from '../domain/goal-progress.js';
import { inert } from './inert.js';

/**
 * A style: exactly one string in, that string styled out. Any further arguments are ignored, so
 * `lines.map(theme.dim)` styles each line instead of chalk joining it with its index and the array.
 */
type Paint = (text: string) => string;

/** A style that shows stored control characters inertly and takes only its first argument. */
function paint(style: (text: string) => string): Paint {
  return (text: string) => style(inert(String(text)));
}

/** The one palette of the program. With colour off every style only makes control characters inert. */
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

const plain: Paint = paint((text) => text);

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
    achieved: paint(c.green.bold),
    ahead: paint(c.green),
    'on-track': paint(c.cyan),
    behind: paint(c.yellow),
    overdue: paint(c.red.bold),
    'no-target': paint(c.dim),
  };
  return {
    enabled: true,
    bold: paint(c.bold),
    dim: paint(c.dim),
    heading: paint(c.bold.underline),
    id: paint(c.dim),
    accent: paint(c.cyan),
    good: paint(c.green),
    warn: paint(c.yellow),
    bad: paint(c.red),
    tag: paint(c.magenta),
    star: paint(c.yellow),
    pace: (pace) => paces[pace],
  };
}
