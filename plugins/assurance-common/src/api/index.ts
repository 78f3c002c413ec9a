export type { AssuranceApi } from './AssuranceApi';
export { AssuranceClient } from './AssuranceClient';
export type { AssuranceDiscovery, AssuranceFetch } from './AssuranceClient';
