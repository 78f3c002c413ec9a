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

import type { TestReportSummary } from '@real-app-forever/plugin-assurance-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SummaryCounts, TruncationNote } from './SummaryCounts';

/** "failure" and "error" must not be broken by the theme's `break-word`. */
const noWrap = { whiteSpace: 'nowrap', wordBreak: 'normal' } as const;

/**
 * The facts read from a test report: counts and the failing cases.
 */
export const TestReportSummaryPanel = (props: {
  summary: TestReportSummary;
}) => {
  const { summary } = props;
  return (
    <>
      <SummaryCounts
        counts={[
          { label: 'Total', value: summary.total },
          { label: 'Passed', value: summary.passed },
          { label: 'Failed', value: summary.failed },
          { label: 'Errored', value: summary.errored },
          { label: 'Skipped', value: summary.skipped },
        ]}
      />
      {summary.failures.length === 0 ? (
        <Typography variant="body2">No failing test cases.</Typography>
      ) : (
        <Table size="small" aria-label="Failing test cases">
          <TableHead>
            <TableRow>
              <TableCell>Test case</TableCell>
              <TableCell>Suite / class</TableCell>
              <TableCell style={noWrap}>Type</TableCell>
              <TableCell>Message</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {summary.failures.map((failure, index) => (
              <TableRow key={index}>
                <TableCell>{failure.name}</TableCell>
                <TableCell>
                  {formatSuite(failure.suite, failure.classname)}
                </TableCell>
                <TableCell style={noWrap}>{failure.type}</TableCell>
                <TableCell>{failure.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <TruncationNote
        shown={summary.failures.length}
        total={summary.failed + summary.errored}
        noun="failing test cases"
      />
    </>
  );
};

/**
 * Suite and class name of a failing case; JUnit reports often give both the
 * same value, which is then shown once.
 */
function formatSuite(suite?: string, classname?: string): string {
  if (suite && classname && suite === classname) {
    return suite;
  }
  return [suite, classname].filter(Boolean).join(' / ');
}
