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

import { Link } from '@backstage/core-components';
import type { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EvidenceSummaryPanel } from '../EvidenceSummaryPanel';

/**
 * The parsed summary of one evidence file and the links that tie it to a
 * pipeline run and a build.
 */
export const EvidenceDetails = (props: { record: EvidenceRecord }) => {
  const { record } = props;
  const facts = [
    { label: 'Evidence id', value: record.id },
    { label: 'sha256', value: record.sha256 },
    { label: 'Commit', value: record.commit },
    { label: 'Digest', value: record.digest },
    { label: 'Release', value: record.releaseId },
    {
      label: 'Stored',
      value: record.storage === 'link' ? 'as a link' : undefined,
    },
  ].filter(fact => fact.value);

  return (
    <Box p={2} data-testid={`evidence-details-${record.id}`}>
      <EvidenceSummaryPanel summary={record.summary} />
      <Box mt={2}>
        {facts.map(fact => (
          <Typography key={fact.label} variant="caption" component="div">
            {fact.label}: <code>{fact.value}</code>
          </Typography>
        ))}
        {record.redacted && (
          <Typography variant="caption" component="div">
            Secrets were removed before storage; the sha256 is that of the
            stored, redacted bytes.
          </Typography>
        )}
        {record.pipelineUrl && (
          <Typography variant="caption" component="div">
            Pipeline: <Link to={record.pipelineUrl}>{record.pipelineUrl}</Link>
          </Typography>
        )}
      </Box>
    </Box>
  );
};
