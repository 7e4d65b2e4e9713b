#!/usr/bin/env node
const argv = process.argv.slice(2);
// `perf remind` runs from shells' start-up files: it skips the command parser (dist/remind-main.js).
const { isBareRemind, remindMain } = argv.includes('remind') ? await import('../dist/remind-main.js') : {};
process.exitCode = isBareRemind?.(argv) ? await remindMain(argv) : await (await import('../dist/cli.js')).main(argv);
