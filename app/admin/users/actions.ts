'use server';
import { adminAction } from '@/lib/admin/action';
import { addIspBindingSpec, endSubscriptionSpec, grantSubscriptionSpec, removeIspBindingSpec, setDisabledSpec, setRoleSpec } from '@/lib/admin/users';

export const setRole = adminAction(setRoleSpec);
export const setDisabled = adminAction(setDisabledSpec);
export const grantSubscription = adminAction(grantSubscriptionSpec);
export const endSubscription = adminAction(endSubscriptionSpec);
export const addIspBinding = adminAction(addIspBindingSpec);
export const removeIspBinding = adminAction(removeIspBindingSpec);
