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

import { useMemo } from 'react';
import type { CoverageSummary } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../../utils/format';
import {
  DisplayLimitNote,
  ListFilterField,
  useFilteredItems,
} from './FilterableList';

type CoverageFile = CoverageSummary['files'][number];

const filePath = (file: CoverageFile) => file.path;

/**
 * The facts read from a coverage report: line and branch rates, then the
 * files, least covered first.
 */
export const CoverageSummaryPanel = (props: { summary: CoverageSummary }) => {
  const { summary } = props;
  const files = useMemo(
    () => [...summary.files].sort(byLineRate),
    [summary.files],
  );
  const { query, setQuery, matched, shown } = useFilteredItems({
    items: files,
    text: filePath,
  });

  return (
    <>
      <CoverageRate
        label="Lines"
        rate={summary.lineRate}
        covered={summary.linesCovered}
        valid={summary.linesValid}
      />
      <CoverageRate
        label="Branches"
        rate={summary.branchRate}
        covered={summary.branchesCovered}
        valid={summary.branchesValid}
      />
      {files.length === 0 ? (
        <Typography variant="body2">No files listed.</Typography>
      ) : (
        <>
          <ListFilterField
            label="Filter files"
            value={query}
            onChange={setQuery}
          />
          <Table size="small" aria-label="Coverage by file">
            <TableHead>
              <TableRow>
                <TableCell>File</TableCell>
                <TableCell align="right">Lines</TableCell>
                <TableCell align="right">Branches</TableCell>
                <TableCell align="right">Covered lines</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(file => (
                <TableRow key={file.path}>
                  <TableCell>
                    <code>{file.path}</code>
                  </TableCell>
                  <TableCell align="right">
                    {formatPercent(file.lineRate)}
                  </TableCell>
                  <TableCell align="right">
                    {formatPercent(file.branchRate)}
                  </TableCell>
                  <TableCell align="right">
                    {file.linesCovered} / {file.linesValid}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <DisplayLimitNote
            shown={shown.length}
            matched={matched.length}
            filtered={query.trim() !== ''}
            noun="files"
          />
        </>
      )}
    </>
  );
};

function CoverageRate(props: {
  label: string;
  rate: number | null;
  covered: number;
  valid: number;
}) {
  const { label, rate, covered, valid } = props;
  const text =
    rate === null
      ? `${label}: n/a`
      : `${label}: ${formatPercent(rate)} (${covered} of ${valid})`;
  return (
    <Box mb={1.5}>
      <Typography variant="body2">{text}</Typography>
      {rate !== null && (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, Math.max(0, rate * 100))}
          aria-label={`${label} covered`}
        />
      )}
    </Box>
  );
}

/** Least covered first; files with nothing coverable last. */
function byLineRate(a: CoverageFile, b: CoverageFile): number {
  return (a.lineRate ?? Infinity) - (b.lineRate ?? Infinity);
}
