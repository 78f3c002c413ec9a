/**
 * Extension points of the assurance backend, for other backend modules.
 *
 * @packageDocumentation
 */

export * from './parsers';
export * from './extensions';
