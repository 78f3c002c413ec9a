import {
  EntityGates,
  EvidencePage,
  EvidenceRecord,
} from '../types';

/**
 * Reads the assurance backend.
 *
 * @public
 */
export interface AssuranceApi {
  getGates(options: { entityRef: string }): Promise<EntityGates>;
  listEvidence(options: {
    entityRef: string;
    limit?: number;
    cursor?: string;
  }): Promise<EvidencePage>;
  getEvidence(options: { id: string }): Promise<EvidenceRecord>;
  /** The URL that serves an evidence file's original bytes. */
  getEvidenceContentUrl(options: { id: string }): Promise<string>;
}
