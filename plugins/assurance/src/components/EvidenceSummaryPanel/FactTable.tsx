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

import type { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';

/**
 * A two-column table of labelled facts; facts without a value are left out.
 */
export const FactTable = (props: {
  label: string;
  facts: Array<{ label: string; value?: ReactNode }>;
}) => (
  <Table size="small" aria-label={props.label}>
    <TableBody>
      {props.facts
        .filter(fact => fact.value !== undefined && fact.value !== '')
        .map(fact => (
          <TableRow key={fact.label}>
            <TableCell component="th" scope="row" variant="head">
              {fact.label}
            </TableCell>
            <TableCell>{fact.value}</TableCell>
          </TableRow>
        ))}
    </TableBody>
  </Table>
);
