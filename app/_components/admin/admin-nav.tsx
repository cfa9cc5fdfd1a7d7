import Link from 'next/link';
import styles from './admin.module.css';

const EDITOR_LINKS = [
  { href: '/admin/channels', label: 'Channels' },
  { href: '/admin/programs', label: 'Programs' },
  { href: '/admin/schedule', label: 'Schedule' },
  { href: '/admin/rights', label: 'Rights' },
  { href: '/admin/imports', label: 'XMLTV import/export' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/view-as', label: 'View as' },
];
const ADMIN_LINKS = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/packages', label: 'Packages' },
];

/** The back office's navigation; admins also see Users and Packages. */
export function AdminNav({ isAdmin, email }: { isAdmin: boolean; email: string }) {
  const links = isAdmin ? [...EDITOR_LINKS, ...ADMIN_LINKS] : EDITOR_LINKS;
  return (
    <nav aria-label="Back office" className={styles.nav}>
      <Link href="/admin" className={styles.navTitle}>
        Back office
      </Link>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
      <p className={styles.who}>{email}</p>
    </nav>
  );
}
