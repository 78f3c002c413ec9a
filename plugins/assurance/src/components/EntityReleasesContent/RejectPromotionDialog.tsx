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

import { useCallback } from 'react';
import type { Release } from '@real-app-forever/plugin-assurance-common';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { ActionError } from './ActionError';
import { ReasonField, useReasonAction } from './ReasonField';
import { describeRelease, releaseVersion } from './releaseLabels';
import { SubjectDialog } from './SubjectDialog';

const TITLE_ID = 'assurance-reject-promotion-title';

/**
 * Ends a pending promotion without deploying it, with a reason: an
 * approver rejects someone's request, a requester withdraws their own. The
 * digest may be asked for again afterwards; the server decides whether the
 * user may.
 */
export const RejectPromotionDialog = (props: {
  /** The pending release; the dialog is open while it is set. */
  release?: Release;
  /** Whether the user asked for it (then it is withdrawn). */
  own: boolean;
  onReject: (input: { id: string; reason: string }) => Promise<unknown>;
  onClose: () => void;
}) => {
  const { own, onReject, onClose } = props;
  return (
    <SubjectDialog subject={props.release} titleId={TITLE_ID} onClose={onClose}>
      {release => (
        <RejectContent
          release={release}
          own={own}
          onReject={onReject}
          onClose={onClose}
        />
      )}
    </SubjectDialog>
  );
};

/** Mounted only while the dialog is open, so each opening starts afresh. */
function RejectContent(props: {
  release: Release;
  own: boolean;
  onReject: (input: { id: string; reason: string }) => Promise<unknown>;
  onClose: () => void;
}) {
  const { release, own, onReject, onClose } = props;
  const verb = own ? 'Withdraw' : 'Reject';
  const send = useCallback(
    (reason: string) => onReject({ id: release.id, reason }),
    [release.id, onReject],
  );
  const { reason, setReason, valid, state, submit } = useReasonAction({
    send,
    onClose,
  });

  return (
    <>
      <DialogTitle id={TITLE_ID}>{`${verb} promotion of ${releaseVersion(
        release,
      )} to ${release.environment}`}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {`${describeRelease(release)} will not go to ${
            release.environment
          } on this request; the owners are told why. It can be asked for again.`}
        </DialogContentText>
        <ReasonField
          id="assurance-reject-reason"
          value={reason}
          onChange={setReason}
        />
        <ActionError error={state.error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={!valid || state.loading}
          onClick={submit}
        >
          {verb}
        </Button>
      </DialogActions>
    </>
  );
}
