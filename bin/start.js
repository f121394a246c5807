#!/usr/bin/env node
// `npm start`: the bot when DISCORD_TOKEN is set, otherwise the local console.
import { register } from 'tsx/esm/api';

register();
await import('../src/index.ts');
