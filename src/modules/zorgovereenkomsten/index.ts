export { zorgovereenkomstenImport, accorderingenImport } from './imports.ts';
export { listAgreements, type AgreementView } from './repo.ts';
