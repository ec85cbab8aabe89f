// Cuts a WLE CSV into repetitions the way the trainer does (trainer/.../data/WleCsvReader and Windowing):
// columns found by header name, so both layouts load (the public pml-*.csv with its leading row number,
// and the original recordings); readings grouped into recordings by person and class and put in time
// order; a recording cut by the file's num_window, or into windows of 2.5 s by time that never span a
// gap. The page judges no reading itself: values go to the function as they are, and the function says
// what is wrong with them.

const USER = 'user_name';
const WINDOW = 'num_window';
const LABEL = 'classe';
const SECONDS = 'raw_timestamp_part_1';
const MICROS = 'raw_timestamp_part_2';
/** Readings further apart than this are a gap: no window by time spans one. */
const GAP_MICROS = 500000;
/** A window by time may end up to a reading's interval after its stretch's last reading. */
const END_TOLERANCE = 50000;
export const WINDOW_SECONDS = 2.5;

/**
 * The file's readings: {features: [names the model reads], readings: [{line, user, window, label, time, values}],
 * cuts: ['time', 'num_window'] as the file's columns allow}. values maps each model feature the file has
 * to a number, or to the file's text where it is not one (null where empty).
 */
export function readRepetitions(csv, features) {
  const col = (name) => csv.header.indexOf(name);
  const [user, numWindow, label, seconds, micros] = [USER, WINDOW, LABEL, SECONDS, MICROS].map(col);
  const present = features.filter((f) => col(f) >= 0).map((f) => [f, col(f)]);
  const timed = seconds >= 0 && micros >= 0;
  const readings = csv.rows.map((row, index) => {
    const values = {};
    for (const [name, at] of present) {
      values[name] = value(row.fields[at]);
    }
    const time = timed ? Number(row.fields[seconds]) * 1e6 + Number(row.fields[micros]) : index;
    return {
      line: row.line,
      user: user >= 0 ? row.fields[user] ?? '' : '',
      window: numWindow >= 0 ? row.fields[numWindow] ?? '' : '',
      label: label >= 0 ? row.fields[label] ?? '' : '',
      time: Number.isFinite(time) ? time : index,
      values,
    };
  });
  const cuts = [];
  if (timed) cuts.push('time');
  if (numWindow >= 0) cuts.push('num_window');
  return {features, readings, timed, cuts};
}

function value(text) {
  if (text === undefined || text === '') return null;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** The recordings: readings of one person and class, in time order (equal times keep file order). */
function recordings(readings) {
  const byRecording = new Map();
  for (const r of readings) {
    const key = r.user + '\u0000' + r.label;
    if (!byRecording.has(key)) byRecording.set(key, []);
    byRecording.get(key).push(r);
  }
  return [...byRecording.values()].map((rs) => rs.slice().sort((a, b) => a.time - b.time));
}

/**
 * The windows of a cut: [{name, user, label, readings}]. 'num_window': the readings sharing a num_window,
 * in runs along each recording; 'time': windows of 2.5 s one after another from each stretch's first
 * reading (a stretch: readings without a gap), each ending within its stretch, of at least 2 readings;
 * 'whole': the whole file as one repetition.
 */
export function windows(file, cut) {
  if (cut === 'whole') {
    return [{name: 'the whole file', user: '', label: '', readings: file.readings}];
  }
  const out = [];
  for (const rec of recordings(file.readings)) {
    const base = {user: rec[0].user, label: rec[0].label};
    if (cut === 'num_window') {
      let from = 0;
      for (let i = 1; i <= rec.length; i++) {
        if (i === rec.length || rec[i].window !== rec[from].window) {
          out.push({...base, name: 'num_window ' + rec[from].window, readings: rec.slice(from, i)});
          from = i;
        }
      }
      continue;
    }
    const length = Math.round(WINDOW_SECONDS * 1e6);
    let stretch = 0;
    for (let i = 1; i <= rec.length; i++) {
      if (i < rec.length && rec[i].time - rec[i - 1].time <= GAP_MICROS) continue;
      let from = stretch;
      for (let start = rec[stretch].time; start + length <= rec[i - 1].time + END_TOLERANCE; start += length) {
        while (from < i && rec[from].time < start) from++;
        let to = from;
        while (to < i && rec[to].time < start + length) to++;
        if (to - from >= 2) {
          out.push({...base, name: formatSeconds(start - rec[0].time), readings: rec.slice(from, to)});
        }
      }
      stretch = i;
    }
  }
  return out;
}

/** "12.5s", as the trainer names windows by time (their start from the recording's first reading). */
function formatSeconds(micros) {
  return (micros / 1e6).toFixed(3).replace(/\.?0+$/, '') + 's';
}

/** The request the function takes for a window: {"samples": [{feature: value, ...}, ...]}. */
export function request(window) {
  return {samples: window.readings.map((r) => r.values)};
}
