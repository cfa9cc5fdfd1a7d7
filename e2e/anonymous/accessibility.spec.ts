// axe on every page an anonymous visitor can open, and a check that the list of pages
// (support/app-pages.ts) still covers every page of the build.
import { APP_PAGES, builtPageRoutes } from '../support/app-pages';
import { describeAccessibility } from '../support/accessibility';
import { expect, test } from '../support/fixtures';

describeAccessibility('anonymous');

test('every page of the build is on the accessibility list', () => {
  expect(builtPageRoutes()).toEqual(APP_PAGES.map((appPage) => appPage.route).sort());
});
