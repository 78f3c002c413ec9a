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

import type { EvidenceSummary } from '@real-app-forever/plugin-assurance-common';
import Typography from '@material-ui/core/Typography';
import { CoverageSummaryPanel } from './CoverageSummaryPanel';
import { LinkSummaryPanel } from './LinkSummaryPanel';
import { PostureSummaryPanel } from './PostureSummaryPanel';
import { ProvenanceSummaryPanel } from './ProvenanceSummaryPanel';
import { SbomSummaryPanel } from './SbomSummaryPanel';
import { SecretScanSummaryPanel } from './SecretScanSummaryPanel';
import { StaticAnalysisSummaryPanel } from './StaticAnalysisSummaryPanel';
import { TestReportSummaryPanel } from './TestReportSummaryPanel';
import { VulnerabilitySummaryPanel } from './VulnerabilitySummaryPanel';

/**
 * The facts the backend parsed from one evidence file, shown by kind.
 */
export const EvidenceSummaryPanel = (props: { summary?: EvidenceSummary }) => {
  const { summary } = props;
  switch (summary?.kind) {
    case 'tests':
      return <TestReportSummaryPanel summary={summary} />;
    case 'static-analysis':
      return <StaticAnalysisSummaryPanel summary={summary} />;
    case 'sbom':
      return <SbomSummaryPanel summary={summary} />;
    case 'vulnerabilities':
      return <VulnerabilitySummaryPanel summary={summary} />;
    case 'secrets':
      return <SecretScanSummaryPanel summary={summary} />;
    case 'coverage':
      return <CoverageSummaryPanel summary={summary} />;
    case 'posture':
      return <PostureSummaryPanel summary={summary} />;
    case 'provenance':
      return <ProvenanceSummaryPanel summary={summary} />;
    case 'link':
      return <LinkSummaryPanel summary={summary} />;
    default:
      return (
        <Typography variant="body2">
          No summary is available for this evidence.
        </Typography>
      );
  }
};
