// Every scenario `npm run bench` knows, in run order. To add one: write
// bench/scenarios/<name>.ts exporting a Scenario and list it here (see bench/README.md).
import type { Scenario } from '../lib/types';
import { nginxStatic, nodeRedis } from './anchors';
import { guideDirect } from './guide-direct';

export const SCENARIOS: readonly Scenario[] = [nginxStatic, nodeRedis, guideDirect];
