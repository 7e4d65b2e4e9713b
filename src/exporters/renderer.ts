import type { Day } from '../domain/calendar.js';
import type { Theme } from '../terminal/theme.js';

export interface RenderOptions {
  theme: Theme;
  width: number;
  today: Day;
}

/** A pure producer: the model in, the whole document out. */
export type Renderer<T> = (model: T, options: RenderOptions) => string;
