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

import type { SbomSummary } from '@real-app-forever/plugin-assurance-common';
import Typography from '@material-ui/core/Typography';
import { SbomComponentsTable } from './SbomComponentsTable';
import { SummaryCounts } from './SummaryCounts';

/**
 * The facts read from a software bill of materials: the primary component,
 * counts, and the components with their licences.
 */
export const SbomSummaryPanel = (props: { summary: SbomSummary }) => {
  const { summary } = props;
  const primary = summary.primaryComponent;
  const components = summary.components;
  const dependencyCount =
    summary.dependencyCount ?? summary.dependencies?.length;
  const licenceCount = components
    ? new Set(components.flatMap(component => component.licenses)).size
    : undefined;

  return (
    <>
      <SummaryCounts
        counts={[
          ...(summary.specName
            ? [{ label: 'Spec', value: summary.specName }]
            : []),
          { label: 'Spec version', value: summary.specVersion ?? 'unknown' },
          { label: 'Components', value: summary.componentCount },
          ...(dependencyCount !== undefined
            ? [{ label: 'Dependency edges', value: dependencyCount }]
            : []),
          ...(licenceCount !== undefined
            ? [{ label: 'Distinct licences', value: licenceCount }]
            : []),
          {
            label: 'Primary component',
            value: primary
              ? [primary.name, primary.version].filter(Boolean).join('@')
              : 'none',
          },
        ]}
      />
      {primary?.purl && (
        <Typography variant="caption" component="div" gutterBottom>
          Primary component purl: <code>{primary.purl}</code>
        </Typography>
      )}
      {components ? (
        <SbomComponentsTable
          components={components}
          componentCount={summary.componentCount}
        />
      ) : (
        <Typography variant="body2">
          This SBOM was stored before components were listed; upload it again to
          see them.
        </Typography>
      )}
    </>
  );
};
