// The fixtures at work (e2e/README.md walks through this file): a viewer of our own with a
// package, placed in a country and on an ISP through the trusted-proxy path, and a title
// whose rights allow one country.
import { AccountPage } from '../pages/account-page';
import { TitlePage } from '../pages/title-page';
import { expect, test } from '../support/fixtures';

interface Summary {
  signedIn: boolean;
  context: { country: string | null; asn: number | null };
}

test.describe('placed in Germany on Telekom', () => {
  test.use({ viewerNetwork: 'DE_TELEKOM' });

  test('the server places the viewer by the address the edge forwarded', async ({ page, viewerWithPackage }) => {
    const summary = (await (await page.request.get('/api/me/entitlements')).json()) as Summary;
    expect(summary).toMatchObject({ signedIn: true, context: { country: 'DE', asn: 3320 } });

    const account = new AccountPage(page);
    await account.goto();
    await expect(account.heading).toBeVisible();
    await expect(account.packageRow(viewerWithPackage.packageName)).toContainText('Active');
  });

  test('a title for Germany only has no lock; the same title from Britain is locked', async ({ page, titleForCountry }) => {
    const title = await titleForCountry('DE');
    const titlePage = new TitlePage(page);
    await titlePage.goto(title.slug);
    await expect(titlePage.heading).toHaveText(title.title);
    await expect(titlePage.lockBadgeSlot).toHaveAttribute('data-overlay', 'ready');
    await expect(titlePage.main.getByText('Not in your country')).toHaveCount(0);
  });
});

test.describe('placed in Britain', () => {
  test.use({ viewerNetwork: 'GB_BT' });

  test('a title for Germany only is locked for a viewer in Britain', async ({ page, titleForCountry }) => {
    const title = await titleForCountry('DE');
    const titlePage = new TitlePage(page);
    await titlePage.goto(title.slug);
    await expect(titlePage.main.getByText('Not in your country')).toBeVisible();
  });
});

test('without a network the viewer has no country (127.0.0.1 is not a place)', async ({ page }) => {
  const summary = (await (await page.request.get('/api/me/entitlements')).json()) as Summary;
  expect(summary).toMatchObject({ signedIn: true, context: { country: null } });
});
