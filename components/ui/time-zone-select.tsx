// A labelled <select> of IANA time zones; the page passes the list (from Intl on the server).
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

export function TimeZoneSelect({ zones, defaultValue, error, name = 'timeZone', id = `field-${name}`, label = 'Time zone', hint }: {
  zones: string[];
  defaultValue: string;
  error?: string;
  name?: string;
  id?: string;
  label?: string;
  hint?: string;
}) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className="label">{label}</label>
      <select id={id} name={name} defaultValue={defaultValue} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
        {zones.map((z) => <option key={z} value={z}>{z}</option>)}
      </select>
      {hint && !error && <p id={`${id}-hint`} className="mt-1 text-sm text-muted">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}
