'use server';
import { adminAction } from '@/lib/admin/action';
import { archiveProgramSpec, createProgramSpec, updateProgramSpec } from '@/lib/admin/programs';

export const createProgram = adminAction(createProgramSpec);
export const updateProgram = adminAction(updateProgramSpec);
export const archiveProgram = adminAction(archiveProgramSpec);
