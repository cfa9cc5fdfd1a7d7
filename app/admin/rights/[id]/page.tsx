import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import styles from '@/app/_components/admin/admin.module.css';
import { listRuleAirings } from '@/lib/admin/airing-rights';
import { getRuleForEdit, listRuleChoices } from '@/lib/admin/rights';
import { localTimeOf } from '@/lib/schedule/local-time';
import { dateInZone } from '@/lib/time/zoned';
import { whoCanWatch } from '@/lib/admin/rights-preview';
import { AssignAiringForm, AssignChannelForm, AssignTitleForm, UnassignAiringForm, UnassignChannelForm, UnassignTitleForm } from '../assignment-forms';
import { RuleForm } from '../rule-form';

export const metadata: Metadata = { title: 'Rights rule' };

/** Per-id admin pages render on request (see app/admin/channels/[id]/page.tsx). */
export const instant = false;

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default function RulePage({ params, searchParams }: Props) {
  return (
    <main>
      <AdminGate role="EDITOR" returnTo="/admin/rights">
        {async () => <RuleEditor id={(await params).id} at={(await searchParams).at} />}
      </AdminGate>
    </main>
  );
}

/** The preview instant: `?at=2026-12-01T20:00` (UTC), else now. */
function previewInstant(at: string | string[] | undefined): number {
  const parsed = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at) ? Date.parse(`${at}Z`) : Number.NaN;
  return Number.isNaN(parsed) ? Date.now() : parsed;
}

async function RuleEditor({ id, at }: { id: string; at: string | string[] | undefined }) {
  const [rule, choices, airings] = await Promise.all([getRuleForEdit(id), listRuleChoices(), listRuleAirings(id)]);
  if (!rule) notFound();
  const instant = previewInstant(at);
  const lines = whoCanWatch(rule.rights, instant);
  return (
    <>
      <h1>Rights rule: {rule.name}</h1>
      <p>
        <Link href="/admin/rights">All rules</Link> · <Link href={`/admin/audit?entityType=rights_rule&entityId=${rule.id}`}>History</Link>
      </p>
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">Who can watch</h2>
        <form className={styles.filters} aria-label="Preview instant">
          <label>
            At (UTC)
            <input type="datetime-local" name="at" defaultValue={new Date(instant).toISOString().slice(0, 16)} />
          </label>
          <button type="submit">Preview</button>
        </form>
        <ul aria-label="Who can watch">
          {lines.map((line) => (
            <li key={line.sentence}>{line.sentence}</li>
          ))}
        </ul>
        <p className={styles.hint}>Channel blackouts and programme age ratings come on top of this rule.</p>
      </section>
      <section aria-labelledby="rule-heading">
        <h2 id="rule-heading">Rule</h2>
        <RuleForm rule={rule} packages={choices.packages} isps={choices.isps} />
      </section>
      <section aria-labelledby="channels-heading">
        <h2 id="channels-heading">Channels</h2>
        {rule.channels.length === 0 ? <p>No channel uses this rule.</p> : null}
        <ul>
          {rule.channels.map((channel) => (
            <li key={channel.id}>
              {channel.number} {channel.name} <UnassignChannelForm ruleId={rule.id} channelId={channel.id} name={channel.name} />
            </li>
          ))}
        </ul>
        <AssignChannelForm ruleId={rule.id} channels={choices.channels} />
      </section>
      <section aria-labelledby="titles-heading">
        <h2 id="titles-heading">Titles</h2>
        {rule.titles.length === 0 ? <p>No title uses this rule.</p> : null}
        <ul>
          {rule.titles.map((title) => (
            <li key={title.id}>
              {title.title} ({title.slug}) <UnassignTitleForm ruleId={rule.id} slug={title.slug} name={title.title} />
            </li>
          ))}
        </ul>
        <AssignTitleForm ruleId={rule.id} />
      </section>
      <section aria-labelledby="airings-heading">
        <h2 id="airings-heading">Single airings</h2>
        <p className={styles.hint}>An airing’s own rule replaces its channel’s rule for that airing only (a final, a blackout-free premiere).</p>
        {airings.length === 0 ? <p>No airing uses this rule itself.</p> : null}
        <ul>
          {airings.map((airing) => {
            const name = `${airing.title}, ${airing.channelName} ${dateInZone(airing.startsAt, airing.timeZone)} ${localTimeOf(airing.startsAt, airing.timeZone)}`;
            return (
              <li key={airing.id}>
                {name} <UnassignAiringForm ruleId={rule.id} airingId={airing.id} name={name} />
              </li>
            );
          })}
        </ul>
        <AssignAiringForm ruleId={rule.id} channels={choices.channels} />
      </section>
    </>
  );
}
