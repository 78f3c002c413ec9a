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

import { useCallback, useMemo, useState } from 'react';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  assuranceOverrideRequestPermission,
  EntityGates,
  GateOverride,
  GateResult,
} from '@real-app-forever/plugin-assurance-common';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import {
  useArtifacts,
  useEffectivePolicy,
  useEntityGates,
  useEnvironmentDrift,
  useGateOverrides,
  useGateView,
  useOverrideActions,
} from '../../hooks';
import { assuranceApiRef } from '../../api';
import { DriftPanel } from '../DriftPanel';
import { EffectivePolicyPanel } from '../EffectivePolicyPanel';
import { GateOverridesCard, RequestOverrideDialog } from '../GateOverrides';
import { createGateColumns } from './gateColumns';
import { GatesSummary } from './GatesSummary';
import { GateViewSelects } from './GateViewSelects';

/** Offered when the backend reports no environments of its own. */
const DEFAULT_ENVIRONMENTS = ['dev', 'staging', 'prod'];

/** The default maximum, used until the policy has loaded. */
const DEFAULT_MAX_OVERRIDE_DAYS = 30;

/**
 * The Gates tab of an entity: the verdict of every gate the backend's policy
 * requires, in policy order, for the entity or one artifact
 * (`?digest=`) under one environment (`?environment=`); what must happen
 * next; the overrides and their approval; the policy in force with the
 * source of each value; and drift per environment. The backend decides
 * every verdict and every permission; this tab shows them.
 *
 * @public
 */
export const EntityGatesContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { digest, environment, setView } = useGateView();
  const gates = useEntityGates({ entityRef, digest, environment });
  const overrides = useGateOverrides({ entityRef });
  // Before the environment's policy, so that its request is the last one.
  const entityVersion = useEntityLevelPolicyVersion(entityRef, environment);
  const policy = useEffectivePolicy({ entityRef, environment });
  const drift = useEnvironmentDrift({ entityRef });
  const { value: artifacts } = useArtifacts({ entityRef });
  const { allowed: canRequest } = usePermission({
    permission: assuranceOverrideRequestPermission,
    resourceRef: entityRef,
  });
  const [requesting, setRequesting] = useState<GateResult>();

  const { retry: retryGates } = gates;
  const { retry: retryOverrides } = overrides;
  const refresh = useCallback(() => {
    retryGates();
    retryOverrides();
  }, [retryGates, retryOverrides]);
  const actions = useOverrideActions({ entityRef, onChange: refresh });

  const pendingGateIds = useMemo(
    () => pendingRequestGateIds(overrides.value ?? [], digest),
    [overrides.value, digest],
  );
  const columns = useMemo(
    () =>
      createGateColumns({
        onRequestOverride: canRequest ? setRequesting : undefined,
        pendingGateIds,
      }),
    [canRequest, pendingGateIds],
  );
  const gateTitles = useMemo(
    () =>
      Object.fromEntries(
        (gates.value?.gates ?? []).map(gate => [gate.id, gate.title]),
      ),
    [gates.value],
  );
  const environments = useMemo(() => {
    const reported = (drift.value ?? []).map(item => item.environment);
    return reported.length > 0 ? reported : DEFAULT_ENVIRONMENTS;
  }, [drift.value]);

  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <GateViewSelects
          digest={digest}
          environment={environment}
          artifacts={artifacts}
          environments={environments}
          onChange={setView}
        />
      </Grid>
      <Grid item>
        <GatesSection gates={gates} columns={columns} />
      </Grid>
      <Grid item>
        <GateOverridesCard
          entityRef={entityRef}
          overrides={overrides}
          gateTitles={gateTitles}
          busy={actions.busy}
          onApprove={actions.approve}
          onReject={actions.reject}
        />
      </Grid>
      <Grid item>
        <EffectivePolicyPanel
          policy={policy}
          gateTitles={gateTitles}
          entityVersion={environment ? entityVersion : policy.value?.version}
        />
      </Grid>
      <Grid item>
        <DriftPanel drift={drift} />
      </Grid>
      <RequestOverrideDialog
        gate={requesting}
        digest={digest}
        maxDays={policy.value?.maxOverrideDays ?? DEFAULT_MAX_OVERRIDE_DAYS}
        busy={actions.busy}
        onSubmit={actions.request}
        onClose={() => setRequesting(undefined)}
      />
    </Grid>
  );
};

/**
 * The gates with a pending, unexpired override request that covers the
 * scope in view: a request for all artifacts covers every view; one for an
 * artifact covers only that artifact's view.
 */
export function pendingRequestGateIds(
  overrides: GateOverride[],
  digest?: string,
  now: number = Date.now(),
): Set<string> {
  return new Set(
    overrides
      .filter(
        override =>
          override.status === 'pending' &&
          !(Date.parse(override.expiresAt) <= now) &&
          (!override.digest || override.digest === digest),
      )
      .map(override => override.gateId),
  );
}

/**
 * The version of the entity's policy without an environment layer; asked
 * for only while an environment is in view (otherwise it is the policy's
 * own version).
 */
function useEntityLevelPolicyVersion(
  entityRef: string,
  environment?: string,
): string | undefined {
  const assuranceApi = useApi(assuranceApiRef);
  const { value } = useAsync(
    async () =>
      environment
        ? (await assuranceApi.getPolicy({ entityRef })).version
        : undefined,
    [assuranceApi, entityRef, environment],
  );
  return environment ? value : undefined;
}

function GatesSection(props: {
  gates: { value?: EntityGates; loading: boolean; error?: Error };
  columns: TableColumn<GateResult>[];
}) {
  const { gates, columns } = props;
  if (gates.loading && !gates.value) {
    return <Progress />;
  }
  if (gates.error) {
    return <ResponseErrorPanel error={gates.error} />;
  }
  if (!gates.value || gates.value.gates.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No gates apply to this entity"
        description={
          gates.value
            ? `The gate policy requires no gates for risk level ${gates.value.riskLevel}.`
            : 'The assurance backend returned no gate verdicts.'
        }
      />
    );
  }
  return (
    <div data-testid="assurance-gates">
      <GatesSummary gates={gates.value} />
      {/* Scrolls sideways on narrow screens rather than cutting columns. */}
      <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Table<GateResult>
          title="Gates"
          columns={columns}
          data={gates.value.gates}
          isLoading={gates.loading}
          options={{
            paging: false,
            search: false,
            sorting: false,
            padding: 'dense',
            headerStyle: { whiteSpace: 'nowrap' },
          }}
        />
      </div>
    </div>
  );
}
