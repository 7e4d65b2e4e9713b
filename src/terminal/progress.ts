import type { OutStream } from './streams.js';

/** A one-line progress bar, redrawn in place on a terminal's stderr. */
export function createProgressBar(stream: OutStream, label: string, width = 30) {
  let drawn = false;
  return {
    update(done: number, total: number): void {
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stream.write(
        `\r${label} ${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`,
      );
      drawn = true;
    },
    /** Clears the line, so the result prints on a clean line. */
    clear(): void {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
