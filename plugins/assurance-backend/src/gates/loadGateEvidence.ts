/*
 * Copyright 2026 The Real App Forever Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import {
  EvidenceFormat,
  EvidenceRecord,
} from '@real-app-forever/plugin-assurance-common';
import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { EvidenceStore } from '../database/EvidenceStore';

/**
 * How many of the newest records of a format are read for gates that pick
 * their evidence among them (unit vs integration tests, lint vs analysis
 * SARIF): enough for the newest report of each kind to be among them.
 */
const PICKED_FORMAT_HISTORY = 200;

/**
 * Reads the evidence the gates are evaluated from; which of it counts is
 * decided by `evaluateGates`.
 *
 * - For one artifact: every record of the gates' formats linked to it.
 * - For the entity: the newest execution of each format, and for formats
 *   that a gate picks from, the newest records of that format.
 */
export async function loadGateEvidence(options: {
  store: EvidenceStore;
  entityRef: string;
  gates: GateDefinition[];
  digest?: string;
}): Promise<EvidenceRecord[]> {
  const { store, entityRef, gates, digest } = options;
  const formats = unique(gates.flatMap(gate => gate.formats));
  if (digest) {
    return store.listEvidenceForDigest({ entityRef, digest, formats });
  }

  const picked = unique(
    gates.filter(gate => gate.select).flatMap(gate => gate.formats),
  );
  const [latest, ...histories] = await Promise.all([
    store.listLatestExecutionEvidence({
      entityRef,
      formats: formats.filter(format => !picked.includes(format)),
    }),
    ...picked.map(async format => {
      const page = await store.listEvidence({
        entityRef,
        limit: PICKED_FORMAT_HISTORY,
        filter: { format },
      });
      return page.items;
    }),
  ]);
  const byId = new Map<string, EvidenceRecord>();
  for (const record of [...latest, ...histories.flat()]) {
    byId.set(record.id, record);
  }
  return [...byId.values()];
}

function unique(formats: EvidenceFormat[]): EvidenceFormat[] {
  return [...new Set(formats)];
}
