/** Structured JSON logger port. Callers pass ids and counts, never PHI. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Creates a logger writing one JSON object per line to the given sink (stderr by default). */
export function createLogger(
  level: LogLevel | 'silent' = 'info',
  sink: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  base: LogFields = {},
): Logger {
  const min = level === 'silent' ? Infinity : LEVELS[level];
  const write = (lvl: LogLevel, msg: string, fields?: LogFields): void => {
    if (LEVELS[lvl] < min) {
      return;
    }
    sink(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...base, ...fields }));
  };
  return {
    debug: (msg, fields) => {
      write('debug', msg, fields);
    },
    info: (msg, fields) => {
      write('info', msg, fields);
    },
    warn: (msg, fields) => {
      write('warn', msg, fields);
    },
    error: (msg, fields) => {
      write('error', msg, fields);
    },
    child: (fields) => createLogger(level, sink, { ...base, ...fields }),
  };
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = createLogger('silent');
