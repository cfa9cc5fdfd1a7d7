'use server';
import { adminAction } from '@/lib/admin/action';
import { createPackageSpec, deletePackageSpec, updatePackageSpec } from '@/lib/admin/packages';

export const createPackage = adminAction(createPackageSpec);
export const updatePackage = adminAction(updatePackageSpec);
export const deletePackage = adminAction(deletePackageSpec);
