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

import type { ProvenanceSummary } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { FactTable } from './FactTable';
import { SignatureStatusLabel } from './SignatureStatusLabel';

const ENVELOPES: Record<ProvenanceSummary['envelope'], string> = {
  statement: 'in-toto statement',
  dsse: 'DSSE envelope',
  'sigstore-bundle': 'Sigstore bundle',
};

/**
 * The facts read from build provenance: who built what from which source,
 * and whether its signature was verified.
 */
export const ProvenanceSummaryPanel = (props: {
  summary: ProvenanceSummary;
}) => {
  const { summary } = props;
  const source = summary.sourceRepository
    ? [summary.sourceRepository, summary.sourceRef].filter(Boolean).join('@')
    : undefined;

  return (
    <>
      <Box mb={2}>
        <SignatureStatusLabel signature={summary.signature} />
      </Box>
      <FactTable
        label="Provenance"
        facts={[
          {
            label: 'Envelope',
            value: ENVELOPES[summary.envelope] ?? summary.envelope,
          },
          { label: 'Predicate type', value: summary.predicateType },
          { label: 'Builder', value: summary.builderId },
          { label: 'Build type', value: summary.buildType },
          { label: 'Source', value: source },
          {
            label: 'Source digest',
            value: summary.sourceDigest && <code>{summary.sourceDigest}</code>,
          },
        ]}
      />
      <Box mt={2}>
        {summary.subjects.length === 0 ? (
          <Typography variant="body2">No subjects.</Typography>
        ) : (
          <Table size="small" aria-label="Provenance subjects">
            <TableHead>
              <TableRow>
                <TableCell>Subject</TableCell>
                <TableCell>Digest</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {summary.subjects.map((subject, index) => (
                <TableRow key={`${subject.name}-${index}`}>
                  <TableCell>{subject.name}</TableCell>
                  <TableCell>
                    {Object.entries(subject.digest).map(([algorithm, hex]) => (
                      <div key={algorithm}>
                        <code>{`${algorithm}:${hex}`}</code>
                      </div>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </>
  );
};
