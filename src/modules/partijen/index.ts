export { verstrekkersImport, budgethoudersImport, zorgverlenersImport } from './imports.ts';
export { holdersByBsn, knownProviders, knownFunders, type HolderRef } from './repo.ts';
export { changeProviderIban } from './use-cases/change-provider-iban.ts';
export { visibleHolder, searchHolders, providersBy, blockedIbans, type HolderView, type ProviderView, type BlockedIbanView } from './queries.ts';
export { revealHolderBsn } from './use-cases/reveal-bsn.ts';
