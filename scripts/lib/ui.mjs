// Progress output shared by `npm run demo` and `npm test`. Plain Node, no npm packages:
// these run on a fresh clone before node_modules exists.
//
// Each step prints one line, `▶ label…  ✓ 14.2 s`; a step whose child process streams
// output closes that line first and reports its result on a line of its own.

/** A failure with a sentence on what to do next; `output` is the child's last lines. */
export class StepError extends Error {
  /** @param {string} message @param {{ hint?: string, output?: string }} [details] */
  constructor(message, details = {}) {
    super(message);
    this.name = 'StepError';
    this.hint = details.hint;
    this.output = details.output;
    /** @type {string | undefined} a failed command's whole output */
    this.log = undefined;
  }
}

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = paint('32');
export const red = paint('31');
export const dim = paint('2');
export const bold = paint('1');

/** @param {number} ms */
export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * @typedef {{ label: string, status: 'ok' | 'failed' | 'skipped', ms: number, note?: string }} StepResult
 */

export function createReporter() {
  /** @type {StepResult[]} */
  const results = [];
  // True while a `▶ label…` line waits for its result on the same line.
  let lineOpen = false;
  let currentLabel = '';

  function closeLine() {
    if (lineOpen) {
      process.stdout.write('\n');
      lineOpen = false;
    }
  }

  /** Text from a step (or its child) goes through here, so it never lands mid-line. */
  function write(text) {
    closeLine();
    process.stdout.write(text);
  }

  /** @param {string} text */
  function info(text) {
    write(`${text}\n`);
  }

  function finish(mark, text) {
    if (lineOpen) {
      process.stdout.write(`  ${mark} ${text}\n`);
      lineOpen = false;
    } else {
      process.stdout.write(`  ${mark} ${currentLabel}: ${text}\n`);
    }
  }

  /**
   * Runs one step. `fn` may return a short note ("up to date", "reused :5432"), or an
   * object with a `note`, shown beside the tick. A thrown StepError stops the caller; the reporter prints it.
   * @template T
   * @param {string} label
   * @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  async function step(label, fn) {
    closeLine();
    currentLabel = label;
    process.stdout.write(`▶ ${label}…`);
    lineOpen = true;
    const started = performance.now();
    try {
      const value = await fn();
      const ms = performance.now() - started;
      const note = typeof value === 'string' ? value : noteOf(value);
      results.push({ label, status: 'ok', ms, note });
      finish(green('✓'), note ? `${note} ${dim(`(${seconds(ms)})`)}` : seconds(ms));
      return value;
    } catch (error) {
      const ms = performance.now() - started;
      results.push({ label, status: 'failed', ms });
      finish(red('✗'), `failed after ${seconds(ms)}`);
      throw error instanceof StepError ? error : new StepError(`${label} failed: ${errorMessage(error)}`);
    }
  }

  /** @param {string} label @param {string} reason */
  function skip(label, reason) {
    closeLine();
    results.push({ label, status: 'skipped', ms: 0, note: reason });
    process.stdout.write(`${dim(`▷ ${label}: skipped (${reason})`)}\n`);
  }

  /** Prints a failure: what went wrong, the child's last lines, what to do next. */
  function fail(error) {
    closeLine();
    const message = errorMessage(error);
    process.stderr.write(`\n${red('✗')} ${bold(message)}\n`);
    if (error instanceof StepError && error.output) {
      process.stderr.write(`${dim('─── last lines of output ───')}\n${error.output.trimEnd()}\n${dim('────────────────────────────')}\n`);
    }
    if (error instanceof StepError && error.hint) process.stderr.write(`→ ${error.hint}\n`);
    else if (!(error instanceof StepError) && error instanceof Error && error.stack) {
      process.stderr.write(`${dim(error.stack)}\n`);
    }
  }

  function summary() {
    closeLine();
    const width = Math.max(...results.map((r) => r.label.length), 10);
    const lines = results.map((r) => {
      const mark = r.status === 'ok' ? green('✓') : r.status === 'failed' ? red('✗') : dim('▷');
      const time = r.status === 'skipped' ? dim('skipped') : seconds(r.ms).padStart(8);
      const note = r.note && r.status !== 'skipped' ? dim(`  ${r.note}`) : r.status === 'skipped' ? dim(`  ${r.note}`) : '';
      return `  ${mark} ${r.label.padEnd(width)}  ${time}${note}`;
    });
    const total = results.reduce((sum, r) => sum + r.ms, 0);
    lines.push(`  ${' '.repeat(2 + width)}  ${seconds(total).padStart(8)} total`);
    return lines.join('\n');
  }

  return { step, skip, info, write, fail, summary, results };
}

/** @param {unknown} value */
function noteOf(value) {
  if (value && typeof value === 'object' && 'note' in value && typeof value.note === 'string') return value.note;
  return undefined;
}

/** @param {unknown} error */
export function errorMessage(error) {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** A URL for display, with any password masked. @param {string} url */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
