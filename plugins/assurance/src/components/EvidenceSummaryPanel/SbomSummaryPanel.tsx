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
import { SummaryCounts } from './SummaryCounts';

/**
 * The facts read from a software bill of materials.
 */
export const SbomSummaryPanel = (props: { summary: SbomSummary }) => {
  const { summary } = props;
  const primary = summary.primaryComponent;
  return (
    <SummaryCounts
      counts={[
        { label: 'Spec version', value: summary.specVersion ?? 'unknown' },
        { label: 'Components', value: summary.componentCount },
        {
          label: 'Primary component',
          value: primary
            ? [primary.name, primary.version].filter(Boolean).join('@')
            : 'none',
        },
      ]}
    />
  );
};
