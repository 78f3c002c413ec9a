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

import type { SbomComponent } from '@real-app-forever/plugin-assurance-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  DisplayLimitNote,
  ListFilterField,
  useFilteredItems,
} from './FilterableList';

const componentText = (component: SbomComponent) =>
  [component.name, component.purl ?? '', ...component.licenses].join(' ');

/**
 * The components of an SBOM with their licences, filterable by name, purl or
 * licence. Shows a few hundred at a time: an SBOM can list thousands.
 */
export const SbomComponentsTable = (props: {
  components: SbomComponent[];
  componentCount: number;
}) => {
  const { components, componentCount } = props;
  const { query, setQuery, matched, shown } = useFilteredItems({
    items: components,
    text: componentText,
  });

  if (components.length === 0) {
    return <Typography variant="body2">No components listed.</Typography>;
  }
  return (
    <>
      <ListFilterField
        label="Filter components"
        value={query}
        onChange={setQuery}
      />
      <Table size="small" aria-label="SBOM components">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Version</TableCell>
            <TableCell>purl</TableCell>
            <TableCell>Licences</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((component, index) => (
            <TableRow key={component.ref ?? `${component.name}-${index}`}>
              <TableCell>{component.name}</TableCell>
              <TableCell>{component.version}</TableCell>
              <TableCell>
                {component.purl && <code>{component.purl}</code>}
              </TableCell>
              <TableCell>
                {component.licenses.length > 0 ? (
                  component.licenses.join(', ')
                ) : (
                  <Typography variant="body2" color="textSecondary">
                    none declared
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <DisplayLimitNote
        shown={shown.length}
        matched={matched.length}
        filtered={query.trim() !== ''}
        noun="components"
      />
      {components.length < componentCount && (
        <Box mt={1} fontStyle="italic">
          The backend kept the first {components.length} of {componentCount}{' '}
          components.
        </Box>
      )}
    </>
  );
};
