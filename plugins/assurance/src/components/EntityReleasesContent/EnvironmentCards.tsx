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

import { useState } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  assuranceReleaseApprovePermission,
  assuranceReleasePromotePermission,
  assuranceReleaseRecordPermission,
  assuranceReleaseRollbackPermission,
  EnvironmentState,
  Release,
  sameActor,
} from '@real-app-forever/plugin-assurance-common';
import Grid, { GridSize } from '@material-ui/core/Grid';
import { ReleaseActions, useCurrentUserRef } from '../../hooks';
import { ApproveReleaseDialog } from './ApproveReleaseDialog';
import { EnvironmentCard } from './EnvironmentCard';
import { MarkFailedDialog } from './MarkFailedDialog';
import { PromoteDialog, PromotionTarget } from './PromoteDialog';
import { RejectPromotionDialog } from './RejectPromotionDialog';
import { RollbackDialog } from './RollbackDialog';
import { unavailableDigests } from './releaseLabels';

/**
 * One card per environment, in promotion order, with the promote, approve,
 * reject or withdraw, roll back and mark succeeded or failed actions the
 * user holds the permission for. Approve is not offered on the user's own
 * requests; Withdraw only on them. The server checks all of it again.
 */
export const EnvironmentCards = (props: {
  entityRef: string;
  environments: EnvironmentState[];
  actions: ReleaseActions;
}) => {
  const { entityRef, environments, actions } = props;
  const { allowed: canPromote } = usePermission({
    permission: assuranceReleasePromotePermission,
    resourceRef: entityRef,
  });
  const { allowed: canApprove } = usePermission({
    permission: assuranceReleaseApprovePermission,
    resourceRef: entityRef,
  });
  const { allowed: canRollback } = usePermission({
    permission: assuranceReleaseRollbackPermission,
    resourceRef: entityRef,
  });
  const { allowed: canRecord } = usePermission({
    permission: assuranceReleaseRecordPermission,
    resourceRef: entityRef,
  });
  const currentUserRef = useCurrentUserRef();
  const [promoting, setPromoting] = useState<PromotionTarget>();
  const [approving, setApproving] = useState<Release>();
  const [rejecting, setRejecting] = useState<Release>();
  const [rollingBack, setRollingBack] = useState<EnvironmentState>();
  const [failing, setFailing] = useState<Release>();
  const { markOutcome } = actions;
  const columns = columnsPerCard(environments.length);

  const isOwn = (release: Release) =>
    currentUserRef !== undefined && sameActor(release.actor, currentUserRef);
  const approvable = (release: Release) =>
    currentUserRef !== undefined && !isOwn(release);
  // Approvers reject others' requests; a requester who may promote
  // withdraws their own.
  const rejectable = (release: Release) =>
    currentUserRef !== undefined && (isOwn(release) ? canPromote : canApprove);

  return (
    <>
      <Grid container spacing={3}>
        {environments.map((environment, index) => (
          <Grid item xs={12} md={columns} key={environment.name}>
            <EnvironmentCard
              environment={environment}
              actions={{
                onPromote: canPromote
                  ? () =>
                      setPromoting(
                        promotionTarget(environment, environments[index - 1]),
                      )
                  : undefined,
                onRollback: canRollback
                  ? () => setRollingBack(environment)
                  : undefined,
                approvable,
                onApprove: canApprove ? setApproving : undefined,
                rejectable,
                onReject: canApprove || canPromote ? setRejecting : undefined,
                isOwn,
                onMarkSucceeded: canRecord
                  ? release =>
                      markOutcome({ id: release.id, status: 'succeeded' })
                  : undefined,
                onMarkFailed: canRecord ? setFailing : undefined,
              }}
            />
          </Grid>
        ))}
      </Grid>
      <PromoteDialog
        entityRef={entityRef}
        target={promoting}
        onPromote={actions.promote}
        onClose={() => setPromoting(undefined)}
      />
      <ApproveReleaseDialog
        release={approving}
        onApprove={actions.approve}
        onClose={() => setApproving(undefined)}
      />
      <RejectPromotionDialog
        release={rejecting}
        own={rejecting ? isOwn(rejecting) : false}
        onReject={actions.reject}
        onClose={() => setRejecting(undefined)}
      />
      <RollbackDialog
        environment={rollingBack}
        onRollback={actions.rollback}
        onClose={() => setRollingBack(undefined)}
      />
      <MarkFailedDialog
        release={failing}
        onMarkFailed={markOutcome}
        onClose={() => setFailing(undefined)}
      />
    </>
  );
};

/**
 * The width of a card in grid columns from md up: all in one row up to
 * four environments (a card keeps at least a quarter of the row).
 */
function columnsPerCard(count: number): GridSize {
  return Math.max(3, Math.floor(12 / Math.max(count, 1))) as GridSize;
}

/**
 * The environment, and what runs in the one before it when that is
 * something to promote: not what already runs or waits here.
 */
function promotionTarget(
  environment: EnvironmentState,
  previous?: EnvironmentState,
): PromotionTarget {
  const release = previous?.activeRelease;
  return release &&
    previous &&
    !unavailableDigests(environment).has(release.artifact.digest)
    ? { environment, candidate: { environment: previous.name, release } }
    : { environment };
}
