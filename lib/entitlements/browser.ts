// The browser's entry point to entitlements: what client components may import. Everything
// reachable from here must bundle for the browser (no server-only, node:, database, Redis
// or environment imports); browser-safe.test.ts walks the imports and fails otherwise.
export { lockBadge, badgeLabel, type LockBadge } from './badge';
export { expandRights, listItemRights, OPEN_RULE, type CompactItemRights, type CompactListRights, type CompactRightsTable } from './compact';
export { decide, OPEN_RIGHTS } from './decide';
export { explainDecision, explainReason, type ExplainOptions } from './explain';
export { airingDecisionInstant, guideRightsLookup, type CompactGuideRights, type GuideRightsLookup } from './guide-rights';
export type { EntitlementSummary } from './summary';
export type { Decision, EntitlementProfile, Reason, RequestContext, Rights } from './types';
