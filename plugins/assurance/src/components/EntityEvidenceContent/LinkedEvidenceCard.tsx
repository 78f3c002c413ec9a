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

import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';
import { useLinkedEvidence } from '../../hooks';
import { RelativeTime } from '../RelativeTime';
import { EvidenceDetails } from './EvidenceDetails';

/**
 * Shows the evidence a link asked for when it is not on the page of the
 * table, for example older evidence a gate was computed from.
 */
export const LinkedEvidenceCard = (props: {
  id: string;
  shown: EvidenceRecord[];
}) => {
  const { value, loading, error } = useLinkedEvidence(props);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel
        title={`Could not load evidence ${props.id}`}
        error={error}
      />
    );
  }
  if (!value) {
    return null;
  }
  return (
    <InfoCard
      title={`Linked evidence: ${value.fileName}`}
      subheader={
        <>
          {value.format}, uploaded <RelativeTime value={value.uploadedAt} /> by{' '}
          {value.uploadedBy}
        </>
      }
      noPadding
    >
      <EvidenceDetails record={value} />
    </InfoCard>
  );
};
