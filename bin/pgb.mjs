#!/usr/bin/env node
// The `pgb` command. Node.js 24 runs the TypeScript sources directly (type stripping).
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`pgb vraagt Node.js 24 of nieuwer (nu ${process.version}). Start via 'npx pgb' of 'npm run pgb --' in de projectmap, die Node 24 meebrengen.`);
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
