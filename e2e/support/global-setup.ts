// Runs once before the browser tests.
import { assertLocalDatabase } from './assert-local-database';

export default function globalSetup(): void {
  assertLocalDatabase();
}
