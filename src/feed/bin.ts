#!/usr/bin/env node
import { runCommand } from './commands.ts';

// The package's command, `local-love-overlay`: bundled to dist-feed/bin.js, run from src through tsx in the repository.
await runCommand(process.argv.slice(2));
