#!/usr/bin/env node
// `npm install` from git (and `npm ci` in a clone) runs this: it builds dist/ when it is missing,
// so a git dependency gets the same files as the published package.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('dist/help-article.js') && existsSync('rollup.config.mjs')) {
  execSync('npm run build --silent', { stdio: 'inherit' });
}
