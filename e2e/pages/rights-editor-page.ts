// Rights rules in the back office: the new-rule form, a rule's "who can watch" preview and
// the form that assigns it to a channel.
import type { Locator, Page } from '@playwright/test';

export class RightsEditorPage {
  readonly newRule: Locator;
  readonly whoCanWatch: Locator;
  readonly assign: Locator;

  constructor(readonly page: Page) {
    this.newRule = page.getByRole('form', { name: 'New rights rule' });
    this.whoCanWatch = page.getByRole('list', { name: 'Who can watch' });
    this.assign = page.getByRole('form', { name: 'Assign to a channel' });
  }

  async gotoNew() {
    await this.page.goto('/admin/rights/new');
  }

  /** Fills and submits the new-rule form; returns its status or error region to assert on. */
  async create(rule: { name: string; allowed?: string; denied?: string }) {
    await this.newRule.getByLabel('Name').fill(rule.name);
    await this.newRule.getByLabel('Allowed countries').fill(rule.allowed ?? '');
    await this.newRule.getByLabel('Denied countries').fill(rule.denied ?? '');
    await this.newRule.getByRole('button', { name: 'Create rule' }).click();
  }

  async open(ruleName: string) {
    await this.page.goto(`/admin/rights?q=${encodeURIComponent(ruleName)}`);
    await this.page.getByRole('link', { name: ruleName }).click();
  }

  /** "Viewers in AT: not available in your country", "Viewers in GB: yes". */
  verdict(country: string): Locator {
    return this.whoCanWatch.getByRole('listitem').filter({ hasText: `Viewers in ${country}:` });
  }

  async assignTo(channel: { number: number; name: string }) {
    await this.assign.getByLabel('Channel').selectOption({ label: `${channel.number} ${channel.name}` });
    await this.assign.getByRole('button', { name: 'Assign to channel' }).click();
  }
}
