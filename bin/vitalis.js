#!/usr/bin/env node
// Thin launcher: runs the compiled CLI (npm run build produces dist/).
import('../dist/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('vitalis: not built yet. Run `npm run build` first.\n');
    process.exit(1);
  }
  throw err;
});
