// A 15-minute sparkline drawn on a small canvas (gaps stay gaps).
export function drawSpark(canvas, values) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  if (!values || values.length === 0) return;
  let max = 0;
  for (const v of values) if (v !== null && v > max) max = v;
  if (max <= 0) max = 1;
  ctx.strokeStyle = getComputedStyle(canvas).color || '#2563eb';
  ctx.lineWidth = 1;
  ctx.beginPath();
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) { pen = false; return; }
    const x = values.length === 1 ? w / 2 : (i / (values.length - 1)) * (w - 1);
    const y = h - 1 - (v / max) * (h - 2);
    if (pen) ctx.lineTo(x, y); else ctx.moveTo(x, y);
    pen = true;
  });
  ctx.stroke();
  // A lone minute (or one between gaps) has no line to draw: mark it with a dot.
  ctx.fillStyle = ctx.strokeStyle;
  values.forEach((v, i) => {
    const alone = v !== null && (i === 0 || values[i - 1] === null) && (i === values.length - 1 || values[i + 1] === null);
    if (!alone) return;
    const x = values.length === 1 ? w / 2 : (i / (values.length - 1)) * (w - 1);
    ctx.fillRect(x - 1, h - 1 - (v / max) * (h - 2) - 1, 3, 3);
  });
}
