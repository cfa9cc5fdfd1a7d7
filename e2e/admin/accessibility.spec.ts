// axe on every page of support/app-pages.ts that the admin (admin-only back-office pages) opens.
import { describeAccessibility } from '../support/accessibility';

describeAccessibility('admin');
