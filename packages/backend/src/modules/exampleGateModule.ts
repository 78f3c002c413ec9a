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

import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  GateDefinition,
  assuranceGatesExtensionPoint,
} from '@real-app-forever/plugin-assurance-node';

/**
 * A strong-copyleft licence: GPL or AGPL, by SPDX id or by name. LGPL
 * ("Lesser" or "Library") is not.
 */
const COPYLEFT =
  /(^|[^a-z])a?gpl|(?<!(lesser|library) )(affero )?general public licen[cs]e/i;

/**
 * Whether a licence expression forces copyleft on the product: some
 * alternative of an `OR` must be free of GPL and AGPL.
 */
function isCopyleft(expression: string): boolean {
  return expression
    .split(/\s+OR\s+/i)
    .every(alternative => COPYLEFT.test(alternative));
}

/**
 * `license-policy`: no component of the SBOM is under GPL or AGPL only.
 * An example of a gate that a backend module adds; the example policy
 * requires it only where a profile asks for it.
 */
export const licensePolicyGate: GateDefinition = {
  id: 'license-policy',
  title: 'Licence policy',
  formats: ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx-tag-value'],
  missingRemediation:
    'Upload a CycloneDX or SPDX SBOM with licences (for example from Syft or @cyclonedx/cyclonedx-npm).',
  evaluate(evidence) {
    const boms = evidence.map(e => e.summary);
    if (boms.some(s => s.kind !== 'sbom' || !s.components)) {
      return {
        status: 'unknown',
        reason: 'The stored SBOM lists no components with their licences.',
        remediation: 'Upload the SBOM again so that it is parsed anew.',
      };
    }
    const offending = boms.flatMap(s =>
      s.kind === 'sbom'
        ? (s.components ?? []).filter(c => c.licenses.some(isCopyleft))
        : [],
    );
    if (offending.length > 0) {
      const names = offending
        .slice(0, 3)
        .map(
          c =>
            `${c.name}${c.version ? `@${c.version}` : ''} (${c.licenses.join(
              ', ',
            )})`,
        );
      const more =
        offending.length > 3 ? ` and ${offending.length - 3} more` : '';
      return {
        status: 'failed',
        reason: `${offending.length} ${
          offending.length === 1 ? 'component is' : 'components are'
        } under GPL or AGPL: ${names.join(', ')}${more}.`,
        remediation:
          'Replace the components with permissively licensed ones, or ask the legal team for an approved override.',
      };
    }
    return {
      status: 'passed',
      reason: 'No component of the SBOM is under GPL or AGPL.',
      remediation: '',
    };
  },
};

/**
 * Adds the example `license-policy` gate to the assurance backend.
 */
export default createBackendModule({
  pluginId: 'assurance',
  moduleId: 'example-license-gate',
  register(env) {
    env.registerInit({
      deps: { gates: assuranceGatesExtensionPoint },
      async init({ gates }) {
        gates.addGate(licensePolicyGate);
      },
    });
  },
});
