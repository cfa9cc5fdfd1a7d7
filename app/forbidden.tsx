import type { Metadata } from 'next';
import { ForbiddenPanel } from '@/app/_components/admin/forbidden-panel';

export const metadata: Metadata = { title: '403 · Not allowed', robots: { index: false } };

/** Rendered with status 403 wherever `forbidden()` is called (today: the back office). */
export default function Forbidden() {
  return <ForbiddenPanel />;
}
