/** The standard streams as the program uses them; tests pass their own. */
export interface OutStream {
  /** As Node's streams: a failure may be thrown, or given to `callback` later (ENOSPC, EPIPE). */
  write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): unknown;
  isTTY?: boolean;
  columns?: number;
  /** Resolves when what was written has left the program (or the stream failed). */
  flush?(): Promise<void>;
}

export interface InStream extends AsyncIterable<string | Buffer> {
  isTTY?: boolean;
}
