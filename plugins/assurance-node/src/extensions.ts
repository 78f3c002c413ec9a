import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { EvidenceParser } from './parsers';

/**
 * Lets backend modules teach the assurance backend new evidence formats.
 *
 * @public
 */
export interface AssuranceParsersExtensionPoint {
  /**
   * Adds parsers. A parser for a format that already has one replaces it.
   */
  addParser(...parsers: EvidenceParser[]): void;
}

/**
 * The extension point for evidence parsers.
 *
 * @public
 */
export const assuranceParsersExtensionPoint =
  createExtensionPoint<AssuranceParsersExtensionPoint>({
    id: 'assurance.parsers',
  });
