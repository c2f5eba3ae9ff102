// The plan is a fact of the contract: the dashboard's guidance reads it too (which fixes can change the outcome).
export { tierPlan } from '../../contract/pricing';
