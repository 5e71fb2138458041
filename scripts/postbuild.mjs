// The CLI is run through its bin link: make sure it stays executable after every build.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
await import('./snapshot-data.mjs');
