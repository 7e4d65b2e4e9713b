// `node --import` this file to log every module loaded (hook.mjs).
import { register } from 'node:module';

register(new URL('./hook.mjs', import.meta.url));
