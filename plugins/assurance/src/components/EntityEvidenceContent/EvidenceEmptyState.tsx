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

import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/**
 * Explains how a CI pipeline uploads evidence for an entity.
 */
export const EvidenceEmptyState = (props: { entityRef: string }) => {
  const discoveryApi = useApi(discoveryApiRef);
  const { value: baseUrl } = useAsync(
    () => discoveryApi.getBaseUrl('assurance'),
    [discoveryApi],
  );

  const command = [
    'curl \\',
    `  -F entityRef=${props.entityRef} \\`,
    '  -F file=@report.xml \\',
    '  -H "Authorization: Bearer $ASSURANCE_CI_TOKEN" \\',
    `  ${baseUrl ?? '<backend>/api/assurance'}/v1/evidence`,
  ].join('\n');

  return (
    <EmptyState
      missing="data"
      title="No evidence uploaded yet"
      description={
        <>
          CI pipelines upload test reports, static analysis, SBOMs,
          vulnerability and secret scans, coverage, posture and build provenance
          for this entity. Add a step like this one to the pipeline; the backend
          detects the format and computes the gates from it.
        </>
      }
      action={<CodeSnippet language="bash" text={command} showCopyCodeButton />}
    />
  );
};
