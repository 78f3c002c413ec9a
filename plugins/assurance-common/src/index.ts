/**
 * Types, API schemas, permissions and the API client of the assurance plugin.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './permissions';
export * from './schemas';
export * from './entityRef';
export * from './api';
