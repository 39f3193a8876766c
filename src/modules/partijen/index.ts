export { verstrekkersImport, budgethoudersImport, zorgverlenersImport } from './imports.ts';
export { holdersByBsn, knownProviders, knownFunders, type HolderRef } from './repo.ts';
export { changeProviderIban } from './use-cases/change-provider-iban.ts';
export { visibleHolder, searchHolders, providersBy, type HolderView, type ProviderView } from './queries.ts';
