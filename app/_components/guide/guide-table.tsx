import type { GuideDay, GuideSlot } from '@/lib/guide/types';

function Badges({ slot }: { slot: GuideSlot }) {
  return (
    <>
      {slot.isLive && <span className="badge">Live</span>}
      {slot.isNew && <span className="badge">New</span>}
      {slot.isPremiere && <span className="badge">Premiere</span>}
      {slot.isRepeat && <span className="badge">Repeat</span>}
    </>
  );
}

/** The day's grid: one row per channel, its airings in time order. Rendered on the server. */
export function GuideTable({ guide }: { guide: GuideDay }) {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: guide.zone, hour: '2-digit', minute: '2-digit' });
  return (
    <table className="guide" aria-label="TV guide">
      <thead>
        <tr>
          <th scope="col">Channel</th>
          <th scope="col">Programmes</th>
        </tr>
      </thead>
      <tbody>
        {guide.channels.map((channel) => (
          <tr key={channel.id}>
            <th scope="row">
              <span className="number">{channel.number}</span> {channel.name}
            </th>
            <td>
              {channel.slots.length === 0 ? (
                <span className="muted">No programmes scheduled</span>
              ) : (
                <ul className="slots">
                  {channel.slots.map((slot) => (
                    <li key={slot.airingId} className="slot">
                      <time dateTime={slot.startsAt}>
                        {time.format(new Date(slot.startsAt))}–{time.format(new Date(slot.endsAt))}
                      </time>
                      <span className="title">{slot.title}</span>
                      <Badges slot={slot} />
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
