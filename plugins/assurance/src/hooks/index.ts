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

export { useArtifacts } from './useArtifacts';
export { useCurrentUserRef } from './useCurrentUserRef';
export { useDeploymentMeasures } from './useDeploymentMeasures';
export { useEffectivePolicy } from './useEffectivePolicy';
export { useEntityGates } from './useEntityGates';
export { useEnvironmentDrift } from './useEnvironmentDrift';
export { useEnvironments } from './useEnvironments';
export { useEvidenceDownload } from './useEvidenceDownload';
export { useEvidenceExport } from './useEvidenceExport';
export { EVIDENCE_FILTER_KEYS, useEvidenceFilter } from './useEvidenceFilter';
export { useEvidencePages } from './useEvidencePages';
export { useEvidenceVerification } from './useEvidenceVerification';
export { useGateOverrides } from './useGateOverrides';
export { useGateView } from './useGateView';
export { useLinkedEvidence } from './useLinkedEvidence';
export { useOverrideActions } from './useOverrideActions';
export { useReleaseActions } from './useReleaseActions';
export type { ReleaseActions } from './useReleaseActions';
export { SINCE_DAYS, useReleaseFilter } from './useReleaseFilter';
export type { ReleaseHistoryView, SinceKey } from './useReleaseFilter';
export { useReleaseHistory } from './useReleaseHistory';
