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

import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { EffectivePolicy } from '@real-app-forever/plugin-assurance-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { formatVersion } from '../../utils/format';
import {
  formatPolicySource,
  formatPolicyValue,
} from '../../utils/formatPolicy';
import { RelativeTime } from '../RelativeTime';
import { PolicySourceChip } from './PolicySourceChip';

/**
 * The gate policy in force for an entity, collapsed by default: required
 * gates and every setting with the layer it came from, values a layer tried
 * to set and was refused, and the history of versions.
 */
export const EffectivePolicyPanel = (props: {
  policy: { value?: EffectivePolicy; loading: boolean; error?: Error };
  /** Gate titles by id, to name the gates. */
  gateTitles?: Record<string, string>;
  /**
   * The version of the entity's policy without an environment layer, when
   * known; the history holds only such versions.
   */
  entityVersion?: string;
}) => {
  const { policy, gateTitles = {} } = props;
  const entityVersion =
    props.entityVersion ??
    (policy.value && !policy.value.environment
      ? policy.value.version
      : undefined);
  if (policy.loading) {
    return <Progress />;
  }
  if (policy.error) {
    return <ResponseErrorPanel error={policy.error} />;
  }
  if (!policy.value) {
    return null;
  }
  const value = policy.value;
  const settings = Object.entries(value.gates).flatMap(([gateId, gate]) =>
    Object.entries(gate).map(([key, sourced]) => ({ gateId, key, sourced })),
  );

  return (
    <Accordion data-testid="assurance-policy">
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="assurance-policy-content"
        id="assurance-policy-header"
      >
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          style={{ gap: 8 }}
        >
          <Typography variant="h6">Effective policy</Typography>
          <Chip
            size="small"
            label={`Version ${formatVersion(value.version)}`}
            title={value.version}
          />
          {value.environment && (
            <Chip size="small" label={`Environment ${value.environment}`} />
          )}
          {value.refused.length > 0 && (
            <Chip
              size="small"
              color="secondary"
              label={`${value.refused.length} refused`}
            />
          )}
          {value.environment && (
            <Typography
              variant="body2"
              color="textSecondary"
              data-testid="assurance-policy-environment-note"
            >
              {environmentNote(value.environment, value.version, entityVersion)}
            </Typography>
          )}
        </Box>
      </AccordionSummary>
      <AccordionDetails id="assurance-policy-content">
        <Box width="100%">
          {value.refused.map(refusal => (
            <Box
              mb={1}
              key={`${refusal.source.layer}:${refusal.source.name}:${refusal.key}`}
            >
              <Alert severity="warning" data-testid="assurance-policy-refused">
                <AlertTitle>
                  {`Refused: ${refusal.key} from ${formatPolicySource(
                    refusal.source,
                  )}`}
                </AlertTitle>
                {refusal.message}
              </Alert>
            </Box>
          ))}
          <Typography variant="subtitle2">
            {`Required gates at risk level ${value.riskLevel}`}
          </Typography>
          <Table size="small" aria-label="Required gates">
            <TableBody>
              {value.requiredGates.map(({ value: gateId, source }) => (
                <TableRow key={gateId}>
                  <TableCell>{gateTitles[gateId] ?? gateId}</TableCell>
                  <TableCell>
                    <PolicySourceChip source={source} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Box mt={2}>
            <Typography variant="subtitle2">Gate settings</Typography>
            <Table size="small" aria-label="Gate settings">
              <TableHead>
                <TableRow>
                  <TableCell>Gate</TableCell>
                  <TableCell>Setting</TableCell>
                  <TableCell>Value</TableCell>
                  <TableCell>Source</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {settings.map(({ gateId, key, sourced }) => (
                  <TableRow key={`${gateId}.${key}`}>
                    <TableCell>{gateTitles[gateId] ?? gateId}</TableCell>
                    <TableCell>
                      <code>{key}</code>
                    </TableCell>
                    <TableCell>{formatPolicyValue(sourced?.value)}</TableCell>
                    <TableCell>
                      {sourced && <PolicySourceChip source={sourced.source} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography variant="body2">
              {`An override lasts at most ${value.maxOverrideDays} days.`}
            </Typography>
          </Box>
          <PolicyHistory policy={value} entityVersion={entityVersion} />
        </Box>
      </AccordionDetails>
    </Accordion>
  );
};

/** How the environment layer changes the version, as far as is known. */
function environmentNote(
  environment: string,
  version: string,
  entityVersion?: string,
): string {
  if (entityVersion === undefined) {
    return `With the ${environment} layer the version is ${formatVersion(
      version,
    )}`;
  }
  if (entityVersion === version) {
    return `The ${environment} layer does not change the version`;
  }
  return `The ${environment} layer changes the version to ${formatVersion(
    version,
  )} (entity level: ${formatVersion(entityVersion)})`;
}

function PolicyHistory(props: {
  policy: EffectivePolicy;
  entityVersion?: string;
}) {
  const { history = [] } = props.policy;
  const { entityVersion } = props;
  // Newest first: the first entry with the entity-level version is in force.
  const inForce =
    entityVersion === undefined
      ? -1
      : history.findIndex(entry => entry.version === entityVersion);
  if (history.length === 0) {
    return null;
  }
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">
        Entity policy history (without an environment layer)
      </Typography>
      <Table size="small" aria-label="Policy history">
        <TableHead>
          <TableRow>
            <TableCell>Version</TableCell>
            <TableCell>Changed</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {history.map((entry, index) => (
            <TableRow key={`${entry.version}@${entry.changedAt}`}>
              <TableCell title={entry.version}>
                {formatVersion(entry.version)}
                {index === inForce && ' (in force)'}
              </TableCell>
              <TableCell>
                <RelativeTime value={entry.changedAt} withAbsolute />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
