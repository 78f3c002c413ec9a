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

import type { Release } from '@real-app-forever/plugin-assurance-common';
import DialogContentText from '@material-ui/core/DialogContentText';
import { ActorName } from '../ActorName';
import { RelativeTime } from '../RelativeTime';
import { ConfirmReleaseDialog } from './ConfirmReleaseDialog';
import { describeRelease } from './releaseLabels';

/**
 * Confirms the approval of someone else's pending promotion, naming what,
 * where, who asked and why. The server refuses self-approval and users
 * without the permission; its message is shown.
 */
export const ApproveReleaseDialog = (props: {
  /** The pending release; the dialog is open while it is set. */
  release?: Release;
  onApprove: (input: { id: string }) => Promise<unknown>;
  onClose: () => void;
}) => {
  const { onApprove, onClose } = props;
  return (
    <ConfirmReleaseDialog
      release={props.release}
      titleId="assurance-approve-release-title"
      title={release => `Approve promotion to ${release.environment}`}
      confirmLabel="Approve"
      confirmColor="primary"
      onConfirm={release => onApprove({ id: release.id })}
      onClose={onClose}
    >
      {release => (
        <DialogContentText component="div">
          <p>
            {`Deploy ${describeRelease(release)} to ${
              release.environment
            }, as `}
            <ActorName actor={release.actor} /> asked{' '}
            <RelativeTime value={release.createdAt} />.
          </p>
          <p>
            {release.reason ? `Why: ${release.reason}` : 'No reason given.'}
          </p>
          <p>You approve as yourself; no one may approve their own request.</p>
        </DialogContentText>
      )}
    </ConfirmReleaseDialog>
  );
};
