// Learner review days: a day starts at `dayStartHour` local time in the learner's IANA time zone.
// Pure Intl arithmetic (no date library); correct across DST gaps/overlaps and non-hour offsets.

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function assertValidDate(date: Date, what: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`${what} is not a valid Date`);
  }
}

function assertHour(hour: number): void {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`dayStartHour must be an integer 0-23, got ${hour}`);
  }
}

/** The local wall-clock time at instant `ms`, expressed as if it were a UTC timestamp (whole seconds). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new RangeError(`Intl did not return ${type} for ${timeZone}`);
    return Number(part.value);
  };
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** UTC offset in ms of `timeZone` at instant `ms`. */
function offsetMs(ms: number, timeZone: string): number {
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return wallClockMs(wholeSeconds, timeZone) - wholeSeconds;
}

/**
 * The instant when the local clock in `timeZone` first shows the wall time `wall` (given as a UTC
 * timestamp of the wall fields). In a DST overlap the earlier instant wins; in a DST gap the wall
 * time does not exist, so we use the offset from before the gap, which lands just after it
 * (e.g. 02:00 on a spring-forward night becomes 03:00 daylight time) — the same rule as Temporal's
 * "compatible" disambiguation.
 */
function wallTimeToInstant(wall: number, timeZone: string): number {
  // Transitions are never closer than a couple of days apart, so ±1 day gives the offsets on either side.
  const offsetBefore = offsetMs(wall - DAY_MS, timeZone);
  const offsetAfter = offsetMs(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => wallClockMs(instant, timeZone) === wall,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - offsetBefore;
}

function keyToUtcMidnight(key: string): number {
  const match = KEY_PATTERN.exec(key);
  if (!match) throw new RangeError(`Not a day key (YYYY-MM-DD): ${key}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function utcMidnightToKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Add (or subtract) whole calendar days to a 'YYYY-MM-DD' key. */
export function addDaysToKey(key: string, days: number): string {
  return utcMidnightToKey(keyToUtcMidnight(key) + days * DAY_MS);
}

/** Whole calendar days from key `from` to key `to` (negative if `to` is earlier). */
export function daysBetweenKeys(from: string, to: string): number {
  return Math.round((keyToUtcMidnight(to) - keyToUtcMidnight(from)) / DAY_MS);
}

// Day starts are asked for again and again (heatmaps, queues); memoise them, bounded.
const dayStartCache = new Map<string, number>();
const DAY_START_CACHE_LIMIT = 20_000;

function dayStartMs(key: string, timeZone: string, dayStartHour: number): number {
  const cacheKey = `${timeZone}|${dayStartHour}|${key}`;
  const cached = dayStartCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const instant = wallTimeToInstant(keyToUtcMidnight(key) + dayStartHour * HOUR_MS, timeZone);
  if (dayStartCache.size >= DAY_START_CACHE_LIMIT) dayStartCache.clear();
  dayStartCache.set(cacheKey, instant);
  return instant;
}

/** Start instant of the learner day named `key`. */
export function dayStartForKey(key: string, timeZone: string, dayStartHour: number): Date {
  assertHour(dayStartHour);
  return new Date(dayStartMs(key, timeZone, dayStartHour));
}

/** The learner day key at `ms` from the wall clock (one Intl call, the slow part of this module). */
function computeDayKey(ms: number, timeZone: string, dayStartHour: number): string {
  // First guess from the wall clock; then correct it against the day's real start instants, which
  // only differ from the guess when a DST fall-back crosses the day-start hour.
  let key = utcMidnightToKey(
    Math.floor((wallClockMs(ms, timeZone) - dayStartHour * HOUR_MS) / DAY_MS) * DAY_MS,
  );
  if (ms < dayStartMs(key, timeZone, dayStartHour)) {
    key = addDaysToKey(key, -1);
  } else if (ms >= dayStartMs(addDaysToKey(key, 1), timeZone, dayStartHour)) {
    key = addDaysToKey(key, 1);
  }
  return key;
}

/**
 * The last few learner days looked up, per zone and day-start hour, as [start, end) instants: a grade asks for the
 * day of "now" and of the card's last review four or five times (queue bounds, elapsed days), ~0.1 ms of Intl each.
 * A day is its exact [start of key, start of next key) span, so an instant inside one has that key.
 */
interface DaySpan {
  start: number;
  end: number;
  key: string;
}
const recentDays = new Map<string, DaySpan[]>();
const SPANS_PER_ZONE = 8;
const ZONES_KEPT = 1_000;

/** 'YYYY-MM-DD' of the learner day containing `date`. */
export function dayKey(date: Date, timeZone: string, dayStartHour: number): string {
  assertValidDate(date, 'date');
  assertHour(dayStartHour);
  const ms = date.getTime();
  const zone = `${timeZone}|${dayStartHour}`;
  const spans = recentDays.get(zone);
  if (spans) {
    for (const span of spans) if (ms >= span.start && ms < span.end) return span.key;
  }
  const key = computeDayKey(ms, timeZone, dayStartHour);
  const span = { start: dayStartMs(key, timeZone, dayStartHour), end: dayStartMs(addDaysToKey(key, 1), timeZone, dayStartHour), key };
  if (ms >= span.start && ms < span.end) {
    if (!spans && recentDays.size >= ZONES_KEPT) recentDays.clear();
    const list = recentDays.get(zone) ?? [];
    list.unshift(span);
    if (list.length > SPANS_PER_ZONE) list.pop();
    recentDays.set(zone, list);
  }
  return key;
}

/** Start of the learner's review day containing `now`. */
export function dayStart(now: Date, timeZone: string, dayStartHour: number): Date {
  return dayStartForKey(dayKey(now, timeZone, dayStartHour), timeZone, dayStartHour);
}

/** Start of the learner's next review day (= end of the current one, exclusive). */
export function nextDayStart(now: Date, timeZone: string, dayStartHour: number): Date {
  return dayStartForKey(addDaysToKey(dayKey(now, timeZone, dayStartHour), 1), timeZone, dayStartHour);
}

/** Learner days from `from` to `to` (by day boundaries, not 24-hour periods). */
export function learnerDaysBetween(from: Date, to: Date, timeZone: string, dayStartHour: number): number {
  return daysBetweenKeys(dayKey(from, timeZone, dayStartHour), dayKey(to, timeZone, dayStartHour));
}

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant when a wall clock in `timeZone` shows `time` ('HH:MM') on the day `key` ('YYYY-MM-DD').
 * A time skipped by a DST gap maps to the same clock reading after the jump (02:30 → 03:30).
 */
export function zonedWallTimeToDate(key: string, time: string, timeZone: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Not a time (HH:MM): ${time}`);
  const wall = keyToUtcMidnight(key) + Number(match[1]) * HOUR_MS + Number(match[2]) * 60_000;
  return new Date(wallTimeToInstant(wall, timeZone));
}

/** The day key and 'HH:MM' a wall clock in `timeZone` shows at `date`. */
export function dateToZonedWallTime(date: Date, timeZone: string): { date: string; time: string } {
  assertValidDate(date, 'date');
  const iso = new Date(wallClockMs(date.getTime(), timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
