/**
 * Intl.DateTimeFormat objects cost tens of microseconds to build and are reused safely, so each
 * locale, options and time zone gets one, kept for the life of the process (a store has few
 * zones). Pure: the browser uses it too.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
