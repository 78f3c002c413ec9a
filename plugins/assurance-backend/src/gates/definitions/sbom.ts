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

import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { shortDigest } from '../digests';
import { counted, passed, summariesOf, unreadable } from './support';

/**
 * sbom: a CycloneDX or SPDX SBOM with at least one component. For one
 * artifact, the SBOM must have been uploaded with that artifact's digest.
 */
export const sbomGate: GateDefinition = {
  id: 'sbom',
  title: 'Software bill of materials',
  formats: ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx-tag-value'],
  missingRemediation:
    'Generate a CycloneDX or SPDX SBOM of the build (for example with @cyclonedx/cyclonedx-npm, Syft or Trivy) and upload it with the digest of the artifact it describes.',
  evaluate(evidence, { digest }) {
    const boms = summariesOf(evidence, 'sbom');
    if (!boms) {
      return unreadable('sbom');
    }
    if (
      digest &&
      !evidence.some(e => e.digest?.toLocaleLowerCase('en-US') === digest)
    ) {
      return {
        status: 'failed',
        reason: `No SBOM was uploaded with the digest ${shortDigest(digest)}.`,
        remediation:
          'Upload the SBOM of this build with its digest (the digest field of the upload).',
      };
    }
    const components = Math.max(...boms.map(b => b.componentCount));
    if (components === 0) {
      return {
        status: 'failed',
        reason: 'The SBOM lists no components.',
        remediation:
          'Generate the SBOM from the built artifact or the lock file, so that it lists what ships.',
      };
    }
    return passed(`The SBOM lists ${counted(components, 'component')}.`);
  },
};
