export { MUTATIE_SOORTEN, validateMutatie, type Mutatie, type MutatieInput, type MutatieSoort } from './core/validate.ts';
export { reportChange, handleChange } from './use-cases/report-change.ts';
export { listMutaties, mutatieById, type MutatieView } from './repo.ts';
