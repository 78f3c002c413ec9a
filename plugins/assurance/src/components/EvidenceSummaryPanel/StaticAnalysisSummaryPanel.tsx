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

import { Fragment } from 'react';
import type { StaticAnalysisSummary } from '@real-app-forever/plugin-assurance-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SummaryCounts, TruncationNote } from './SummaryCounts';

/**
 * The facts read from a static analysis report: counts by level and the
 * unsuppressed results.
 */
export const StaticAnalysisSummaryPanel = (props: {
  summary: StaticAnalysisSummary;
}) => {
  const { summary } = props;
  return (
    <>
      {summary.tools.length > 0 && (
        <Typography variant="body2" gutterBottom>
          Tools: {summary.tools.join(', ')}
        </Typography>
      )}
      <SummaryCounts
        counts={[
          { label: 'Errors', value: summary.byLevel.error },
          { label: 'Warnings', value: summary.byLevel.warning },
          { label: 'Notes', value: summary.byLevel.note },
          { label: 'None', value: summary.byLevel.none },
          { label: 'Suppressed', value: summary.suppressed },
        ]}
      />
      {summary.ruleIds && summary.ruleIds.length > 0 && (
        <Typography variant="body2" gutterBottom>
          Rules ({summary.ruleIds.length}):{' '}
          {summary.ruleIds.map((ruleId, index) => (
            <Fragment key={ruleId}>
              {index > 0 && ', '}
              <code>{ruleId}</code>
            </Fragment>
          ))}
        </Typography>
      )}
      {summary.results.length === 0 ? (
        <Typography variant="body2">No unsuppressed results.</Typography>
      ) : (
        <Table size="small" aria-label="Static analysis results">
          <TableHead>
            <TableRow>
              <TableCell>Rule</TableCell>
              <TableCell>Level</TableCell>
              <TableCell>Location</TableCell>
              <TableCell>Message</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {summary.results.map((result, index) => (
              <TableRow key={index}>
                <TableCell>{result.ruleId}</TableCell>
                <TableCell>{result.level}</TableCell>
                <TableCell>
                  {result.location && <code>{result.location}</code>}
                </TableCell>
                <TableCell>{result.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <TruncationNote
        shown={summary.results.length}
        total={summary.total}
        noun="results"
      />
    </>
  );
};
