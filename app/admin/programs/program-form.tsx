'use client';
import { AdminForm, Field } from '@/app/_components/admin/admin-form';
import type { AdminProgram } from '@/lib/admin/programs';
import { archiveProgram, createProgram, updateProgram } from './actions';

function creditLines(program?: AdminProgram): string {
  return (program?.credits ?? []).map((credit) => `${credit.role}: ${credit.name}${credit.character ? ` as ${credit.character}` : ''}`).join('\n');
}

export function ProgramForm({ program }: { program?: AdminProgram }) {
  return (
    <AdminForm
      action={program ? updateProgram : createProgram}
      submitLabel={program ? 'Save program' : 'Create program'}
      label={program ? 'Edit program' : 'New program'}
      hidden={program ? { id: program.id } : undefined}
    >
      <Field name="title" label="Title" defaultValue={program?.title} required />
      <Field name="subtitle" label="Episode title" defaultValue={program?.subtitle} />
      <Field name="synopsis" label="Synopsis" defaultValue={program?.synopsis} multiline />
      <Field name="genres" label="Genres" defaultValue={program?.genres.join(', ')} hint="Comma-separated, e.g. Drama, Crime." />
      <Field
        name="ageRating"
        label="Age rating"
        defaultValue={program?.ageRating ?? ''}
        options={[{ value: '', label: 'Not rated' }, ...[0, 6, 12, 16, 18].map((age) => ({ value: String(age), label: `${age}+` }))]}
      />
      <Field name="year" label="Year" type="number" defaultValue={program?.year} />
      <Field name="seasonNumber" label="Season" type="number" defaultValue={program?.seasonNumber} />
      <Field name="episodeNumber" label="Episode" type="number" defaultValue={program?.episodeNumber} />
      <Field name="credits" label="Credits" defaultValue={creditLines(program)} multiline hint='One per line: "director: Jane Doe" or "actor: John Roe as Inspector".' />
    </AdminForm>
  );
}

export function ArchiveProgramForm({ id, archived }: { id: string; archived: boolean }) {
  return (
    <AdminForm action={archiveProgram} submitLabel={archived ? 'Restore program' : 'Archive program'} label="Archive program" hidden={{ id, archived: archived ? 'false' : 'true' }} inline>
      {null}
    </AdminForm>
  );
}
