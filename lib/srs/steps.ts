// The (re)learning step format, on its own so that the scheduler (which the browser runs offline) needs no zod.
/** A (re)learning step: a positive whole number of minutes, hours or days, e.g. "1m", "10m", "1h", "1d". */
export const STEP_PATTERN = /^[1-9]\d{0,5}[mhd]$/;
