export { AdminOnlyLayout as default } from '@/app/_components/admin/admin-only-layout';
