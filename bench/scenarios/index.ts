// Every scenario `npm run bench` knows, in run order. To add one: write
// bench/scenarios/<name>.ts exporting a Scenario and list it here (see bench/README.md).
import type { Scenario } from '../lib/types';
import { nginxStatic, nodeRedis } from './anchors';
import { catalog } from './catalog';
import { guideBrowser } from './guide-browser';
import { guideDirect } from './guide-direct';
import { guideJson } from './guide-json';
import { guideQuery } from './guide-query';
import { meEntitlements, meEntitlementsEdge } from './me-entitlements';
import { meNext } from './me-next';
import { playback } from './playback';
import { profileLayout } from './profile-layout';
import { search } from './search';
import { surge } from './surge';

export const SCENARIOS: readonly Scenario[] = [
  nginxStatic,
  nodeRedis,
  guideDirect,
  guideJson,
  guideQuery,
  guideBrowser,
  catalog,
  search,
  meEntitlements,
  meEntitlementsEdge,
  playback,
  meNext,
  profileLayout,
  // Last: the longest, and on the load data set its own results (bench/results/surge-*).
  surge,
];
