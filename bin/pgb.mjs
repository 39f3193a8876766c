#!/usr/bin/env -S node --max-old-space-size=800
// The `pgb` command. Node.js 24 runs the TypeScript sources directly (type stripping). The heap is
// capped at 800 MB so that the garbage of bulk work is collected before the process passes 1 GB
// (docs/performance.md); `node bin/pgb.mjs` without the flag runs uncapped.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`pgb vraagt Node.js 24 of nieuwer (nu ${process.version}). Start via 'npx pgb' of 'npm run pgb --' in de projectmap, die Node 24 meebrengen.`);
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
