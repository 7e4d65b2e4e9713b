import fs from 'node:fs';
import type { OutStream } from './terminal/streams.js';

type Callback = (error?: Error | null) => void;

/**
 * The process's stdout as the program writes to it. Node writes a file with a single write(2) and
 * drops whatever a short write left (a full quota, `ulimit -f`), so a file gets every byte here,
 * written until done or failed; so does /dev/null, for which Node would otherwise build a stream
 * (~4 ms of loading its modules, issue 12). Pipes and terminals go through Node's stream, which
 * writes every byte itself and reports failures through the write callback.
 */
export function createProcessStdout(): OutStream {
  // Past `ulimit -f` the kernel kills the writer with SIGXFSZ; handled, the write fails with
  // EFBIG instead, and the user gets a message rather than a dead process.
  process.on('SIGXFSZ', () => {});
  if (writesDirectly(1)) {
    return {
      isTTY: false,
      write(chunk: string, callback?: Callback): boolean {
        writeAll(1, Buffer.from(chunk, 'utf8'));
        callback?.(null);
        return true;
      },
      flush: async () => {},
    };
  }
  const stream = process.stdout;
  // Failures reach the program through the write callbacks; without a listener Node would
  // also throw them as uncaught exceptions.
  stream.on('error', () => {});
  return {
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    write: (chunk: string, callback?: Callback) => stream.write(chunk, callback),
    flush: () => drained(stream),
  };
}

function writeAll(fd: number, buffer: Buffer): void {
  for (let offset = 0; offset < buffer.length; ) {
    const written = fs.writeSync(fd, buffer, offset);
    if (written <= 0) throw Object.assign(new Error('EIO: the output accepted no bytes, write'), { code: 'EIO' });
    offset += written;
  }
}

/** Whether `fd` is a regular file or the null device: nothing there blocks, and nobody reads it as it comes. */
export function writesDirectly(fd: number): boolean {
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isFile()) return true;
    return stat.isCharacterDevice() && process.platform !== 'win32' && stat.rdev === fs.statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/** Resolves once everything written has gone to the OS, or the stream has failed or closed. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('error', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('error', done).on('close', done);
  });
}
