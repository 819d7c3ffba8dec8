// Chart.js (loaded as a classic script, window.Chart) with the console's palette and defaults.
export const PALETTE = ['#0f6cbd', '#13a10e', '#ca5010', '#8764b8', '#038387', '#c239b3', '#986f0b', '#4f6bed', '#d13438', '#69797e'];
export const SEVERITY_COLOURS = { Critical: '#a4262c', Major: '#d13438', Minor: '#ca5010', Warning: '#c19c00' };
export const LEVEL_NAMES = {
  0: 'L0 Process', 1: 'L1 Control', 2: 'L2 Supervisory', 3: 'L3 Site operations', 4: 'L4 Enterprise', 5: 'L5 Enterprise',
};

export function levelName(level) {
  if (level === null || level === undefined || level === '') return 'Unknown level';
  return LEVEL_NAMES[level] || `Level ${level}`;
}

const charts = new Map();

function chartLib() {
  const lib = window.Chart;
  if (lib && !lib.__otsensor) {
    lib.defaults.font.family = getComputedStyle(document.body).fontFamily;
    lib.defaults.font.size = 12;
    lib.defaults.color = '#3b4554';
    lib.defaults.animation = false;
    lib.defaults.maintainAspectRatio = false;
    lib.__otsensor = true;
  }
  return lib;
}

/** Draws (or redraws) a chart on the canvas with the given id. An empty data set shows a "No data" note instead. */
export function drawChart(canvasId, config, empty) {
  const Chart = chartLib();
  const canvas = document.getElementById(canvasId);
  if (!canvas || !Chart) return;
  const box = canvas.parentElement;
  box.classList.toggle('is-empty', !!empty);
  box.dataset.empty = empty ? 'No data yet' : '';
  const old = charts.get(canvasId);
  if (old) old.destroy();
  charts.set(canvasId, new Chart(canvas, config));
}
