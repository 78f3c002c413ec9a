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

import type { PostureSummary } from '@real-app-forever/plugin-assurance-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SummaryCounts } from './SummaryCounts';

/**
 * The facts read from a security posture report: the overall score and
 * each check's score and reason.
 */
export const PostureSummaryPanel = (props: { summary: PostureSummary }) => {
  const { summary } = props;
  return (
    <>
      <SummaryCounts
        counts={[
          { label: 'Tool', value: summary.tool },
          { label: 'Score', value: formatScore(summary.score) },
          { label: 'Checks', value: summary.checks.length },
        ]}
      />
      {summary.repository && (
        <Typography variant="body2" gutterBottom>
          Repository: <code>{summary.repository}</code>
        </Typography>
      )}
      {summary.checks.length > 0 && (
        <Table size="small" aria-label="Posture checks">
          <TableHead>
            <TableRow>
              <TableCell>Check</TableCell>
              <TableCell align="right">Score</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {summary.checks.map(check => (
              <TableRow key={check.name}>
                <TableCell>{check.name}</TableCell>
                <TableCell align="right">
                  {check.score === null ? (
                    <span title="Inconclusive">?</span>
                  ) : (
                    check.score
                  )}
                </TableCell>
                <TableCell>{check.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
};

function formatScore(score: number | null): string {
  return score === null ? 'none' : `${score}/10`;
}
