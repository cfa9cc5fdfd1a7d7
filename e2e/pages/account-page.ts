// The signed-in viewer's account (/account): details, packages, internet provider.
import type { Locator, Page } from '@playwright/test';

export class AccountPage {
  readonly heading: Locator;
  readonly packages: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your account' });
    this.packages = page.getByRole('table', { name: 'Packages' });
  }

  async goto() {
    await this.page.goto('/account');
  }

  /** The row of one package in the packages table (its row header is the package name). */
  packageRow(name: string): Locator {
    return this.packages.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

}
