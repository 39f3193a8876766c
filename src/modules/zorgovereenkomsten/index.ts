export { zorgovereenkomstenImport, accorderingenImport } from './imports.ts';
