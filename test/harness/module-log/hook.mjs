// A module-resolution hook that appends every module the program loads to $LOADED_LOG, so a test
// can check what a command pays for at start-up (see test/e2e/startup-modules.test.ts).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.LOADED_LOG, `${result.url}\n`);
  return result;
}
