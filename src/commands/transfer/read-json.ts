/**
 * Reads a JSON file for import as a stream of tokens (stream-json), never holding the file's text,
 * and builds the value with a stack of its own rather than by recursion, so that a file nested
 * 100,000 deep is refused with one line instead of overflowing the call stack.
 */
import fs from 'node:fs';
import { UsageError, quote } from '../../errors.js';

/** Deeper than any export or jrnl file (they nest four levels); deeper is not a journal. */
export const MAX_JSON_DEPTH = 64;

/** stream-json's parser, loaded only when a file is imported. */
type ParserClass = typeof import('stream-json/Parser.js');
type Container = { kind: 'object'; value: Record<string, unknown>; key: string | null } | { kind: 'array'; value: unknown[] };

interface Token {
  name: string;
  value?: string;
}

/** A parse problem, for the caller to word with the file's name. */
export class JsonSyntaxError extends Error {}

/**
 * Receives a document whose root is an object one top-level entry at a time, and the elements of
 * a top-level list one at a time, so that a caller can handle each record and let it go.
 */
export interface JsonSink {
  /** A top-level entry that is not a list, or the whole document when its root is not an object. */
  value(key: string | null, value: unknown): void;
  /** A top-level list starts. */
  list(key: string): void;
  /** An element of the top-level list `key`, the `index`th. */
  element(key: string, index: number, value: unknown): void;
  /** The top-level list `key` ends. */
  end(key: string): void;
}

/** Reads `fd` (closing it) and hands the document to `sink` piece by piece. */
export async function streamJson(file: string, fd: number, accepted: string, sink: JsonSink): Promise<void> {
  const { default: Parser } = await import('stream-json/Parser.js');
  const stack: Container[] = [];
  let done = false;
  // Inside the root object: the key of the top-level list being streamed, and the next index.
  let list: { key: string; index: number } | null = null;
  let rootIsObject = false;

  const attach = (value: unknown) => {
    const top = stack.at(-1);
    if (!top) {
      if (!rootIsObject) sink.value(null, value);
      done = true;
    } else if (stack.length === 1 && rootIsObject && top.kind === 'object') {
      // A finished top-level entry goes to the sink, not into the root.
      if (list === null) sink.value(top.key ?? '', value);
      else sink.end(list.key);
      list = null;
      top.key = null;
    } else if (stack.length === 2 && list !== null && top.kind === 'array') {
      sink.element(list.key, list.index++, value);
    } else if (top.kind === 'array') top.value.push(value);
    else if (top.key !== null) {
      top.value[top.key] = value;
      top.key = null;
    }
  };
  const open = (container: Container) => {
    if (stack.length >= MAX_JSON_DEPTH) {
      throw new UsageError(`${quote(file)} nests values more than ${MAX_JSON_DEPTH} deep, which no export does: ${accepted}`);
    }
    if (stack.length === 0 && container.kind === 'object') rootIsObject = true;
    if (stack.length === 1 && rootIsObject && container.kind === 'array') {
      const key = (stack[0] as { key: string | null }).key ?? '';
      list = { key, index: 0 };
      sink.list(key);
    }
    stack.push(container);
  };

  const onToken = (token: Token) => {
    switch (token.name) {
      case 'startObject':
        return open({ kind: 'object', value: {}, key: null });
      case 'startArray':
        return open({ kind: 'array', value: [] });
      case 'endObject':
      case 'endArray':
        return attach(stack.pop()?.value);
      case 'keyValue': {
        const top = stack.at(-1);
        if (top?.kind === 'object') top.key = token.value ?? '';
        return;
      }
      case 'stringValue':
        return attach(token.value ?? '');
      case 'numberValue':
        return attach(Number(token.value));
      case 'trueValue':
        return attach(true);
      case 'falseValue':
        return attach(false);
      case 'nullValue':
        return attach(null);
      default:
        return;
    }
  };

  await pipeTokens(fd, Parser, onToken);
  if (!done) throw new JsonSyntaxError('the file ends before the JSON does');
}

/** Feeds the file's JSON tokens to `onToken`, skipping a byte order mark; a throw from `onToken` stops the reading. */
function pipeTokens(fd: number, Parser: ParserClass, onToken: (token: Token) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // A byte order mark is not JSON, but editors on Windows add one.
    const bom = Buffer.alloc(3);
    const start = fs.readSync(fd, bom, 0, 3, 0) === 3 && bom.equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
    const input = fs.createReadStream('', { fd, start });
    const parser = new Parser({ packValues: true, streamValues: false });
    const fail = (error: unknown) => {
      input.destroy();
      parser.destroy();
      reject(error);
    };
    input.on('error', fail);
    parser.on('error', (error: Error) => fail(new JsonSyntaxError(error.message)));
    parser.on('data', (token: Token) => {
      try {
        onToken(token);
      } catch (error) {
        fail(error);
      }
    });
    parser.on('end', () => resolve());
    input.pipe(parser);
  });
}
