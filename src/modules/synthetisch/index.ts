export { generateFiles, terminalProgress, type GenerateFilesOptions, type Manifest, type Progress } from './generate.ts';
export { buildCountry, defaultClaims, NATIONAL, SHARES, type Country, type GenerateOptions } from './core/country.ts';
export { ClaimStream, type GeneratedClaim, type Expected } from './core/claims.ts';
export { stepsOf, type Step } from './core/files.ts';
