// axe on every page of support/app-pages.ts that a signed-in viewer (viewer3) opens.
import { describeAccessibility } from '../support/accessibility';

describeAccessibility('viewer');
