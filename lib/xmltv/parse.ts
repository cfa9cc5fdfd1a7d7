// Streaming XMLTV reader. The document is never held: bytes flow through `saxes` and only
// the element being read (one <channel> or <programme>) is kept, plus at most one
// programme per channel waiting for its stop time. Nothing is repaired silently: every
// defect is yielded as a problem next to the data.
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { parseXmltvTime } from './time';
import type { XmltvEvent, XmltvProgramme } from './types';
import { channelFrom, programmeFrom, type RawElement } from './elements';

export type { XmltvChannel, XmltvEvent, XmltvProgramme } from './types';

interface PendingProgramme {
  programme: XmltvProgramme;
  line: number;
}

/**
 * Yields channels, programmes and problems in document order (a programme without a stop
 * comes out once the next later programme on its channel is read, with that start as its
 * stop and a `missing-stop-filled` problem; one that never gets a stop comes out with
 * `stop: null` after a `missing-stop` problem, for the consumer to refuse).
 */
export async function* parseXmltv(source: Readable): AsyncGenerator<XmltvEvent> {
  const parser = new SaxesParser({ position: true });
  const queue: XmltvEvent[] = [];
  const waitingForStop = new Map<string, PendingProgramme>();
  const stack: RawElement[] = [];
  let depth = 0;

  const releaseWaiting = (channel: string, nextStart: Date) => {
    const waiting = waitingForStop.get(channel);
    if (!waiting || nextStart.getTime() <= waiting.programme.start.getTime()) return;
    waitingForStop.delete(channel);
    const filled = { ...waiting.programme, stop: nextStart };
    queue.push({
      kind: 'problem',
      problem: {
        code: 'missing-stop-filled',
        line: waiting.line,
        channel,
        message: `"${filled.titles[0]?.value ?? '?'}" at ${filled.start.toISOString()} has no stop; it ends at the next programme's start, ${nextStart.toISOString()}`,
      },
    });
    queue.push({ kind: 'programme', programme: filled });
  };

  const finishProgramme = (raw: RawElement) => {
    const channel = raw.attributes.channel ?? '';
    const start = parseXmltvTime(raw.attributes.start ?? '');
    const stopText = raw.attributes.stop;
    const stop = stopText === undefined ? null : parseXmltvTime(stopText);
    const titleForReport = raw.children.find((child) => child.name === 'title')?.text.trim() ?? '?';
    if (!channel || start === null || (stopText !== undefined && stop === null)) {
      queue.push({
        kind: 'problem',
        problem: {
          code: 'malformed-time',
          line: raw.line,
          channel,
          message: `"${titleForReport}" has ${!channel ? 'no channel' : `an unreadable time (start="${raw.attributes.start ?? ''}" stop="${stopText ?? ''}")`}`,
        },
      });
      return;
    }
    if (stop !== null && stop.getTime() < start.getTime()) {
      queue.push({
        kind: 'problem',
        problem: {
          code: 'reversed-time',
          line: raw.line,
          channel,
          message: `"${titleForReport}" stops (${stop.toISOString()}) before it starts (${start.toISOString()})`,
        },
      });
      return;
    }
    releaseWaiting(channel, start);
    const programme = programmeFrom(raw, channel, start, stop);
    if (stop === null) {
      const previous = waitingForStop.get(channel);
      if (previous) queue.push(missingStopProblem(previous), { kind: 'programme', programme: previous.programme });
      waitingForStop.set(channel, { programme, line: raw.line });
      return;
    }
    queue.push({ kind: 'programme', programme });
  };

  parser.on('opentag', (tag) => {
    depth += 1;
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = typeof value === 'string' ? value : value.value;
    const insideRecord = stack.length > 0;
    if (insideRecord || (depth === 2 && (tag.name === 'channel' || tag.name === 'programme'))) {
      const element: RawElement = { name: tag.name, attributes, children: [], text: '', line: parser.line };
      stack.at(-1)?.children.push(element);
      stack.push(element);
    }
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('cdata', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    depth -= 1;
    if (stack.length === 0) return;
    const element = stack.pop() as RawElement;
    if (stack.length > 0) return;
    if (element.name === 'channel') queue.push({ kind: 'channel', channel: channelFrom(element) });
    else finishProgramme(element);
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Broken XML or UTF-8 is the file's defect: a problem in the report, and reading stops
  // there. An error of the source itself (a failed read) is not: it propagates, so the
  // import fails (and its job retries) instead of passing a cut-off file as complete.
  const feed = (chunk: string | Uint8Array | null): boolean => {
    try {
      if (chunk === null) {
        parser.write(decoder.decode());
        parser.close();
      } else {
        parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      }
      return true;
    } catch (error) {
      queue.push({
        kind: 'problem',
        problem: { code: 'malformed-xml', line: parser.line, channel: '', message: error instanceof Error ? error.message : String(error) },
      });
      return false;
    }
  };
  let complete = true;
  for await (const chunk of source) {
    complete = feed(chunk as string | Uint8Array);
    yield* queue.splice(0);
    if (!complete) break;
  }
  if (complete) feed(null);
  for (const waiting of waitingForStop.values()) queue.push(missingStopProblem(waiting), { kind: 'programme', programme: waiting.programme });
  yield* queue.splice(0);
}

function missingStopProblem(waiting: PendingProgramme): XmltvEvent {
  return {
    kind: 'problem',
    problem: {
      code: 'missing-stop',
      line: waiting.line,
      channel: waiting.programme.channel,
      message: `"${waiting.programme.titles[0]?.value ?? '?'}" at ${waiting.programme.start.toISOString()} has no stop and no later programme on its channel to end it`,
    },
  };
}
