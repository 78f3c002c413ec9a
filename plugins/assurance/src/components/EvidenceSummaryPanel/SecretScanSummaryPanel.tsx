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

import type { SecretScanSummary } from '@real-app-forever/plugin-assurance-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SummaryCounts, TruncationNote } from './SummaryCounts';

/**
 * The facts read from a secret scan: where secrets were found, never what
 * they are.
 */
export const SecretScanSummaryPanel = (props: {
  summary: SecretScanSummary;
}) => {
  const { summary } = props;
  return (
    <>
      <SummaryCounts
        counts={[
          { label: 'Scanner', value: summary.scanner },
          { label: 'Secrets found', value: summary.total },
        ]}
      />
      <Typography variant="caption" component="div" gutterBottom>
        Secret values are removed before storage; only where they were found is
        kept.
      </Typography>
      {summary.findings.length === 0 ? (
        <Typography variant="body2">No secrets found.</Typography>
      ) : (
        <Table size="small" aria-label="Secret findings">
          <TableHead>
            <TableRow>
              <TableCell>Rule</TableCell>
              <TableCell>Location</TableCell>
              <TableCell>Fingerprint</TableCell>
              <TableCell>Commit</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {summary.findings.map((finding, index) => (
              <TableRow key={`${finding.file}-${index}`}>
                <TableCell>{finding.ruleId}</TableCell>
                <TableCell>
                  <code>
                    {finding.line === undefined
                      ? finding.file
                      : `${finding.file}:${finding.line}`}
                  </code>
                </TableCell>
                <TableCell>
                  {finding.fingerprint && <code>{finding.fingerprint}</code>}
                </TableCell>
                <TableCell>
                  {finding.commit && (
                    <code title={finding.commit}>
                      {finding.commit.slice(0, 12)}
                    </code>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <TruncationNote
        shown={summary.findings.length}
        total={summary.total}
        noun="findings"
      />
    </>
  );
};
