// axe on every page of support/app-pages.ts that the editor (back-office pages open to editors) opens.
import { describeAccessibility } from '../support/accessibility';

describeAccessibility('editor');
