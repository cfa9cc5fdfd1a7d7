import { redirect } from 'next/navigation';
import { SignOutButton } from '@/app/(auth)/sign-out/sign-out-button';
import { getAccountOverview, type AccountPackage } from '@/lib/auth/account-overview';
import { requireUserOrSignIn } from '@/lib/auth/guards';
import type { Role } from '@/lib/db/generated/enums';
import { env } from '@/lib/env';
import styles from './account.module.css';

const ROLE_NAMES: Record<Role, string> = { VIEWER: 'Viewer', EDITOR: 'Editor', ADMIN: 'Administrator' };

export async function AccountDetails() {
  const user = await requireUserOrSignIn('/account');
  const now = new Date();
  const account = await getAccountOverview(user.id, now);
  if (!account) redirect('/sign-in');

  const zone = account.timeZone ?? env.DEFAULT_TIME_ZONE;
  const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: zone });
  const countries = new Intl.DisplayNames(['en'], { type: 'region' });

  return (
    <>
      <dl className={styles.details}>
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_NAMES[account.role]}</dd>
        <dt>Home country</dt>
        <dd>{account.homeCountry ? `${countries.of(account.homeCountry) ?? account.homeCountry} (${account.homeCountry})` : 'Not set'}</dd>
        <dt>Parental limit</dt>
        <dd>{account.parentalLimit === null ? 'No limit' : `Programmes rated up to ${account.parentalLimit}`}</dd>
        <dt>Member since</dt>
        <dd>{day.format(new Date(account.memberSince))}</dd>
      </dl>

      <h2>Packages</h2>
      {account.packages.length === 0 ? (
        <p>You have no packages yet.</p>
      ) : (
        <table className={styles.table} aria-label="Packages">
          <thead>
            <tr>
              <th scope="col">Package</th>
              <th scope="col">Status</th>
              <th scope="col">Valid from</th>
              <th scope="col">Valid until</th>
            </tr>
          </thead>
          <tbody>
            {account.packages.map((pkg) => (
              <tr key={pkg.subscriptionId} className={pkg.current ? undefined : styles.inactive}>
                <th scope="row">{pkg.name}</th>
                <td>{packageStatus(pkg, now)}</td>
                <td>{day.format(new Date(pkg.startsAt))}</td>
                <td>{pkg.endsAt ? day.format(new Date(pkg.endsAt)) : 'Renews until cancelled'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Internet provider</h2>
      {account.ispBindings.length === 0 ? (
        <p>Your account is not linked to an internet provider.</p>
      ) : (
        <ul>
          {account.ispBindings.map((binding) => (
            <li key={binding.ispName}>
              {binding.ispName} ({binding.country}){binding.verified ? '' : ' · not verified yet'}
            </li>
          ))}
        </ul>
      )}

      <SignOutButton />
    </>
  );
}

function packageStatus(pkg: AccountPackage, now: Date): string {
  if (pkg.status === 'CANCELED') return 'Cancelled';
  if (pkg.status === 'PAST_DUE') return 'Payment overdue';
  if (new Date(pkg.startsAt) > now) return 'Starts later';
  if (pkg.endsAt && new Date(pkg.endsAt) <= now) return 'Expired';
  return 'Active';
}
