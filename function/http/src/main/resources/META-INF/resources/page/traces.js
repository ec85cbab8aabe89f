// The sensor traces of a repetition over time, one chart per sensor (uPlot, vendored in page/vendor),
// for one group of channels at a time: orientation (roll, pitch, yaw) by default.

const GROUPS = {
  orientation: {title: 'roll / pitch / yaw', channels: (s) => ['roll_' + s, 'pitch_' + s, 'yaw_' + s]},
  gyros: {title: 'gyroscope x / y / z', channels: (s) => ['x', 'y', 'z'].map((a) => 'gyros_' + s + '_' + a)},
  accel: {title: 'accelerometer x / y / z', channels: (s) => ['x', 'y', 'z'].map((a) => 'accel_' + s + '_' + a)},
  magnet: {title: 'magnetometer x / y / z', channels: (s) => ['x', 'y', 'z'].map((a) => 'magnet_' + s + '_' + a)},
  total: {title: 'total acceleration', channels: (s) => ['total_accel_' + s]},
};
const COLORS = ['#d62728', '#2ca02c', '#1f77b4'];

const view = {group: 'orientation', hidden: new Set(), window: null, timed: true, charts: []};

/** Draws the window's traces into container; the controls (groups, sensors) are made on the first call. */
export function drawTraces(container, window, file) {
  view.window = window;
  view.timed = file.timed;
  view.features = file.features;
  if (!view.container) {
    view.container = container;
    controls(sensorsOf(file.features));
  }
  redraw();
}

/** The sensors, in the model's order: belt, arm, dumbbell, forearm. */
function sensorsOf(features) {
  return features.filter((f) => f.startsWith('roll_')).map((f) => f.slice('roll_'.length));
}

function controls(sensors) {
  const groups = document.getElementById('groups');
  for (const [key, group] of Object.entries(GROUPS)) {
    groups.append(choice('radio', 'group', key, group.title, key === view.group, () => {
      view.group = key;
      redraw();
    }));
  }
  const boxes = document.getElementById('sensors');
  for (const sensor of sensors) {
    boxes.append(choice('checkbox', 'sensor', sensor, sensor, true, (input) => {
      input.checked ? view.hidden.delete(sensor) : view.hidden.add(sensor);
      redraw();
    }));
  }
  view.sensors = sensors;
  addEventListener('resize', redraw);
}

function choice(type, name, value, text, checked, onChange) {
  const label = document.createElement('label');
  const input = document.createElement('input');
  Object.assign(input, {type, name, value, checked});
  input.addEventListener('change', () => onChange(input));
  label.append(input, ' ' + text);
  return label;
}

function redraw() {
  if (!view.window) return;
  view.charts.forEach((c) => c.destroy());
  view.charts = [];
  view.container.replaceChildren();
  const readings = view.window.readings;
  const t0 = readings.length ? readings[0].time : 0;
  const xs = readings.map((r, i) => (view.timed ? (r.time - t0) / 1e6 : i));
  const width = Math.max(280, Math.floor(view.container.clientWidth / 2) - 16);
  for (const sensor of view.sensors.filter((s) => !view.hidden.has(s))) {
    const channels = GROUPS[view.group].channels(sensor).filter((c) => view.features.includes(c));
    const box = document.createElement('div');
    box.className = 'chart';
    box.dataset.sensor = sensor;
    view.container.append(box);
    const series = [{label: view.timed ? 'time (s)' : 'reading'}].concat(
        channels.map((c, k) => ({label: c, stroke: COLORS[k], width: 1.5})));
    const data = [xs].concat(channels.map((c) => readings.map((r) => number(r.values[c]))));
    view.charts.push(new uPlot({
      title: sensor,
      width,
      height: 200,
      scales: {x: {time: false}},
      axes: [{label: view.timed ? 'seconds' : 'reading'}, {}],
      series,
    }, data, box));
  }
}

/** A reading the function would refuse (text, null) is a gap in the line, not a zero. */
function number(v) {
  return typeof v === 'number' ? v : null;
}
