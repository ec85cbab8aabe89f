// The page: loads a repetition (an example or a dropped/picked WLE CSV), asks the function for its
// verdict (POST classify, the same call an app makes) and draws the readings. Everything it knows about
// the model (features, labels and what they mean) comes from the function (GET model).
import {parseCsv} from './csv.js';
import {readRepetitions, request, windows} from './repetitions.js';
import {drawTraces} from './traces.js';

const $ = (id) => document.getElementById(id);
const state = {model: null, file: null, windows: []};

async function start() {
  try {
    state.model = await call('model', {method: 'GET'});
  } catch (e) {
    return showError(e.message);
  }
  for (const button of document.querySelectorAll('button.example')) {
    button.addEventListener('click', () => loadExample(button.dataset.class));
  }
  $('file').addEventListener('change', (e) => e.target.files[0] && loadFile(e.target.files[0]));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) loadFile(e.dataTransfer.files[0]);
  });
  for (const input of document.querySelectorAll('input[name=cut]')) {
    input.addEventListener('change', () => cut(input.value));
  }
  $('windows').addEventListener('change', () => show(Number($('windows').value)));
  $('status').textContent = 'Load a repetition above (model ' + state.model.name + ' ' + state.model.version + ').';
  document.body.dataset.ready = 'true';
}

async function loadExample(label) {
  try {
    const response = await fetch('page/examples/' + label + '.csv');
    if (!response.ok) throw new Error('the example ' + label + ' is not in this build (' + response.status + '): the examples are cut from the WLE data when the function is built, and this build had none');
    open('example ' + label + ' (' + describe(label) + ')', await response.text(), 'whole');
  } catch (e) {
    showError(e.message);
  }
}

async function loadFile(file) {
  try {
    open(file.name, await text(file));
  } catch (e) {
    showError('cannot read ' + file.name + ': ' + e.message);
  }
}

/** The file's text; gzip (told apart by its first two bytes, as the trainer does) is unpacked. */
async function text(file) {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (head[0] === 0x1f && head[1] === 0x8b) {
    return new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text();
  }
  return file.text();
}

/** Opens a file's readings, cut the way asked, else the first way (2.5 s, num_window, whole) that gives a repetition. */
function open(name, content, how) {
  state.file = readRepetitions(parseCsv(content), state.model.features);
  $('source').hidden = false;
  $('source-name').textContent = name + ': ' + state.file.readings.length + ' readings';
  for (const input of document.querySelectorAll('input[name=cut]')) {
    input.disabled = input.value !== 'whole' && !state.file.cuts.includes(input.value);
  }
  cut(how ?? state.file.cuts.find((c) => windows(state.file, c).length > 0) ?? 'whole');
}

function cut(how) {
  document.querySelector('input[name=cut][value="' + how + '"]').checked = true;
  state.windows = windows(state.file, how);
  const select = $('windows');
  select.replaceChildren(...state.windows.map((w, i) => {
    const who = [w.user, w.label && 'class ' + w.label].filter(Boolean).join(', ');
    const from = how === 'time' ? 'from ' + w.name : w.name;
    return new Option((who ? who + ': ' : '') + from + ' (' + w.readings.length + ' readings)', i);
  }));
  if (state.windows.length === 0) {
    showError('the file has no 2.5 s of readings without a gap: cut it by num_window or take it whole');
    document.body.dataset.answered = 'none';
    return;
  }
  show(0);
}

async function show(index) {
  const window = state.windows[index];
  $('windows').value = index;
  $('traces').hidden = false;
  drawTraces($('charts'), window, state.file);
  $('status').textContent = 'Asking the function ...';
  delete document.body.dataset.answered;
  try {
    showVerdict(await call('classify', {method: 'POST', body: JSON.stringify(request(window))}), window);
  } catch (e) {
    showError(e.message, window);
  }
  document.body.dataset.answered = String(index);
}

/** The function's answer, or an Error with the function's own message. */
async function call(path, init) {
  let response;
  try {
    response = await fetch(path, {...init, headers: {'Content-Type': 'application/json'}});
  } catch (e) {
    throw new Error('the function did not answer: ' + e.message);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : 'the function answered ' + response.status);
  }
  return body;
}

function showVerdict(answer, window) {
  $('error').hidden = true;
  $('status').textContent = window.readings.length + ' readings classified.';
  const verdict = $('verdict');
  verdict.hidden = false;
  verdict.dataset.label = answer.label;
  verdict.dataset.confidence = String(answer.confidence);
  verdict.className = answer.label === 'A' ? 'correct' : 'mistake';
  $('verdict-label').textContent = answer.label;
  $('verdict-description').textContent = answer.description;
  $('verdict-confidence').textContent = percent(answer.confidence);
  $('file-label').textContent = window.label ? ' (the file says ' + window.label + ')' : '';
  $('bars').replaceChildren(...Object.entries(answer.probabilities).map(([label, p]) => {
    const bar = document.createElement('div');
    bar.className = 'bar' + (label === answer.label ? ' best' : '');
    bar.dataset.label = label;
    bar.dataset.probability = String(p);
    bar.innerHTML = '<span class="name"></span><span class="track"><span class="fill"></span></span><span class="value"></span>';
    bar.querySelector('.name').textContent = label + ' ' + describe(label);
    bar.querySelector('.fill').style.width = (100 * p).toFixed(1) + '%';
    bar.querySelector('.value').textContent = percent(p);
    return bar;
  }));
  $('model-name').textContent = 'model ' + answer.model.name + ' ' + answer.model.version
      + ', trained ' + answer.model.trainedAt;
}

function showError(message, window) {
  $('verdict').hidden = true;
  $('status').textContent = window ? 'The function refused these readings:' : 'Something is wrong:';
  $('error').hidden = false;
  $('error-message').textContent = message;
  const sample = /^sample (\d+)/.exec(message);
  const reading = window && sample && window.readings[Number(sample[1])];
  $('error-where').textContent = reading ? ' (line ' + reading.line + ' of the file)' : '';
}

function describe(label) {
  const known = state.model && state.model.labels.find((l) => l.name === label);
  return known ? known.description : label;
}

function percent(p) {
  return (100 * p).toFixed(1) + ' %';
}

start();
