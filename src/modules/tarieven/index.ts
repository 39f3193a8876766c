export {
  applicable, applicableMaxTariff, CATEGORIE_NAMEN, categoryOf, covers, EIGEN_BEDRAG_SOORTEN, overlapping, TARIEF_CATEGORIEEN,
  type Dated, type EigenBedragSoort, type MaxTariff, type OwnAmountRule, type TariefCategorie,
} from './core/dated.ts';
export { insertMaxTariff, loadMaxTariffs, loadOwnAmountRules } from './repo.ts';
export { setMaxTariff, setOwnAmountRule, type MaxTariffInput, type OwnAmountRuleInput } from './use-cases/set-parameters.ts';
export { ruleJson } from './http/routes.ts';
